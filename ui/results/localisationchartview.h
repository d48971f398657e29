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

/// Localisation against masks (docs/measures.md, "Localisation"): for the chosen mask kind (the
/// human annotation or the exact artefact mask), bars of each model's or family's mean pointing
/// game, relevance mass, relevance rank and pixel AUC with +-1 SD, and the histogram of the chosen
/// metric's per-image values. When the results are split by method, a series per model and
/// method. A click on a bar selects the images below its mean, a click on a bin its images.
class LocalisationChartView final : public MeasureChartView {
    Q_OBJECT

public:
    explicit LocalisationChartView(ImageSelection* selection, QWidget* parent = nullptr);

    void setMethodResults(std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> sets);
    /// "annotation" or "mask".
    void setMask(const QString& mask);
    /// "pointing", "mass", "rank" or "auc": the histogram's metric.
    void setMetric(const QString& metric);
    QString mask() const;
    QString metric() const;
    const CategoryChart& bars() const { return m_bars; }
    const HistogramChart& histogram() const { return m_histogram; }
    QCustomPlot* barPlot() const { return m_barPlot; }
    QCustomPlot* histogramPlot() const { return m_histogramPlot; }

protected:
    void rebuild() override;
    void clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString chartTitle() const override;

private:
    std::vector<LabelledResults> sets() const;
    const SeriesPoint* barAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const;
    /// "Pointing game", ... for a metric's name.
    static QString metricTitle(const std::string& metric);

    QComboBox* m_mask;
    QComboBox* m_metric;
    QCustomPlot* m_barPlot;
    QCustomPlot* m_histogramPlot;
    std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> m_sets;
    CategoryChart m_bars;
    HistogramChart m_histogram;
};

} // namespace saliscope::ui
