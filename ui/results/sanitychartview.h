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

/// The sanity checks: the mean similarity (Spearman rank correlation, or SSIM of the small maps)
/// of the randomised model's maps to the model's own against the cascading randomisation step,
/// per model or family with a +-1 SD band, and the random-logit test's mean as a triangle beside
/// the steps. When the results are split by method, one curve per model and method. A click on a
/// point selects the images of that point.
class SanityChartView final : public MeasureChartView {
    Q_OBJECT

public:
    explicit SanityChartView(ImageSelection* selection, QWidget* parent = nullptr);

    /// The run sets to draw side by side, each labelled with its method; empty: the shown results
    /// alone. Redraws.
    void setMethodResults(std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> sets);
    /// "spearman" or "ssim_small".
    void setColumn(const QString& column);
    QString column() const;
    const SanityChart& chart() const { return m_chart; }
    QCustomPlot* plot() const { return m_plot; }

protected:
    void rebuild() override;
    void clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString chartTitle() const override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const SeriesPoint* pointAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const;

    QComboBox* m_column;
    QCustomPlot* m_plot;
    std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> m_sets;
    SanityChart m_chart;
};

} // namespace saliscope::ui
