// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/chartadapters.h"
#include "charts/measurechartview.h"

namespace saliscope::ui {

/// Resilience to geometrical transformations: mean map SSIM per transformation as grouped bars
/// (a bar click selects the images below that bar's mean) and the SSIM histogram per model or
/// family over every transformation (a bin click selects its images).
class TransformChartView final : public MeasureChartView {
    Q_OBJECT

public:
    explicit TransformChartView(ImageSelection* selection, QWidget* parent = nullptr);

    const CategoryChart& bars() const { return m_bars; }
    const HistogramChart& histogram() const { return m_histogram; }
    QCustomPlot* barPlot() const { return m_barPlot; }
    QCustomPlot* histogramPlot() const { return m_histogramPlot; }

protected:
    void rebuild() override;
    void clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;

private:
    const SeriesPoint* barAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const;

    QCustomPlot* m_barPlot;
    QCustomPlot* m_histogramPlot;
    CategoryChart m_bars;
    HistogramChart m_histogram;
};

/// Lower edge for a histogram of SSIM values: the minimum rounded down to 0.1, at least -1
/// (0 when there are no values).
double ssimHistogramLower(const std::vector<SampleSeries>& series);

} // namespace saliscope::ui
