// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/report/chartadapters.h"
#include "ui/results/measurechartview.h"

#include <QString>

#include <optional>
#include <utility>

class QComboBox;

namespace saliscope::ui {

/// Stability across training runs: per family the histogram of each image's mean pairwise map
/// SSIM (or of every pair's SSIM), where the lowest bins hold the least stable images, and the
/// K x K mean-SSIM matrix of one family (a cell click selects the images below that pair's mean).
class StabilityChartView final : public MeasureChartView {
    Q_OBJECT

public:
    explicit StabilityChartView(ImageSelection* selection, QWidget* parent = nullptr);

    const HistogramChart& histogram() const { return m_histogram; }
    const std::vector<PairMatrix>& matrices() const { return m_matrices; }
    QCustomPlot* histogramPlot() const { return m_histogramPlot; }
    QCustomPlot* matrixPlot() const { return m_matrixPlot; }

protected:
    void rebuild() override;
    void clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;

private:
    const PairMatrix* shownMatrix() const;
    /// The matrix cell behind the current image selection, if a click on the shown matrix made it.
    std::optional<std::pair<int, int>> selectedCell() const;

    QComboBox* m_values;
    QComboBox* m_family;
    QCustomPlot* m_histogramPlot;
    QCustomPlot* m_matrixPlot;
    HistogramChart m_histogram;
    std::vector<PairMatrix> m_matrices;
    /// The last cell clicked: its family, row and column, and the description it gave the selection.
    struct ClickedCell {
        QString family;
        int row = -1;
        int column = -1;
        QString description;
    } m_clickedCell;
};

} // namespace saliscope::ui
