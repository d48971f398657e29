// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/report/chartadapters.h"
#include "ui/results/measurechartview.h"

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

} // namespace saliscope::ui
