// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/report/chartadapters.h"
#include "ui/results/measurechartview.h"

class QComboBox;

namespace saliscope::ui {

/// Reaction to salt-and-pepper noise: score, accuracy, map SSIM or entropy against the noise
/// level, the mean per model or family with a +-1 SD band. A point click selects the images
/// on the worse side of that point's mean.
class NoiseChartView final : public MeasureChartView {
    Q_OBJECT

public:
    explicit NoiseChartView(ImageSelection* selection, QWidget* parent = nullptr);

    const CategoryChart& curves() const { return m_curves; }
    QCustomPlot* plot() const { return m_plot; }
    /// Shows the quantity of this column ("score", "correct", "ssim_small", "ssim_upscaled",
    /// "normalized_entropy").
    void setColumn(const QString& column);

protected:
    void rebuild() override;
    void clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;

private:
    const SeriesPoint* pointAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const;
    Better better() const;

    QComboBox* m_column;
    QCustomPlot* m_plot;
    CategoryChart m_curves;
};

} // namespace saliscope::ui
