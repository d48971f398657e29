// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/report/chartadapters.h"
#include "ui/results/measurechartview.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

class QComboBox;

namespace saliscope::ui {

/// The faithfulness curves (deletion, insertion, ROAD MoRF and LeRF; docs/measures.md): for the
/// chosen curve, the mean class probability against the share of pixels removed (or inserted) per
/// model or family with a +-1 SD band, and the histogram of the images' areas under the curve.
/// When the results are split by method, a curve and a histogram series per model and method. A
/// click on a point selects the images on its worse side of the mean, a click on a bin its images.
class FaithfulnessChartView final : public MeasureChartView {
    Q_OBJECT

public:
    explicit FaithfulnessChartView(ImageSelection* selection, QWidget* parent = nullptr);

    /// The run sets to draw side by side, each labelled with its method; empty: the shown results
    /// alone. Redraws.
    void setMethodResults(std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> sets);
    /// Chooses a curve by name ("deletion", "insertion", "morf", "lerf"); false when the results
    /// have no such curve.
    bool setCurve(const QString& name);
    /// The curve shown ("" when the results have none).
    QString curve() const;
    const CurveChart& chart() const { return m_chart; }
    const HistogramChart& histogram() const { return m_histogram; }
    QCustomPlot* curvePlot() const { return m_curvePlot; }
    QCustomPlot* histogramPlot() const { return m_histogramPlot; }

protected:
    void rebuild() override;
    void clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString chartTitle() const override;

private:
    std::vector<LabelledResults> sets() const;
    /// The title of a curve ("Deletion", "ROAD, most relevant first").
    static QString curveTitle(const std::string& name);
    const SeriesPoint* pointAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const;
    bool lowerIsBetter() const;

    QComboBox* m_curve;
    QCustomPlot* m_curvePlot;
    QCustomPlot* m_histogramPlot;
    std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> m_sets;
    std::vector<FaithfulnessCurve> m_curves;
    CurveChart m_chart;
    HistogramChart m_histogram;
};

} // namespace saliscope::ui
