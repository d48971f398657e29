// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/report/chartadapters.h"
#include "ui/results/measurechartview.h"

class QComboBox;

namespace saliscope::ui {

/// Salience entropy: overlaid histograms per model or family (a bin click selects its images)
/// and a box plot per series (a box click selects its outliers).
class EntropyChartView final : public MeasureChartView {
    Q_OBJECT

public:
    explicit EntropyChartView(ImageSelection* selection, QWidget* parent = nullptr);

    const HistogramChart& histogram() const { return m_histogram; }
    QCustomPlot* histogramPlot() const { return m_histogramPlot; }
    QCustomPlot* boxPlot() const { return m_boxPlot; }

protected:
    void rebuild() override;
    void clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;

private:
    QString columnLabel() const;

    QComboBox* m_column;
    QCustomPlot* m_histogramPlot;
    QCustomPlot* m_boxPlot;
    std::vector<SampleSeries> m_samples;
    HistogramChart m_histogram;
    std::vector<BoxStats> m_boxes;
};

/// The bin of a histogram holding `key`, or -1.
int binAt(const HistogramChart& chart, double key);

} // namespace saliscope::ui
