// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/report/chartadapters.h"
#include "ui/results/measurechartview.h"

class QCheckBox;

namespace saliscope::ui {

/// Salience-guided degradation: the mean score drop when the background or the object is
/// blurred, as bars per model or family (a bar click selects the images above its mean), and
/// per image the two drops as a scatter, where dragging a rectangle selects the images inside.
class DegradationChartView final : public MeasureChartView {
    Q_OBJECT

public:
    explicit DegradationChartView(ImageSelection* selection, QWidget* parent = nullptr);

    const CategoryChart& bars() const { return m_bars; }
    const ScatterChart& scatter() const { return m_scatter; }
    QCustomPlot* barPlot() const { return m_barPlot; }
    QCustomPlot* scatterPlot() const { return m_scatterPlot; }
    /// Selects the images with a point in this rectangle of the scatter (plot coordinates), as a
    /// drag does.
    void selectRectangle(double x0, double x1, double y0, double y1);

protected:
    void rebuild() override;
    void clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;
    QString tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) override;

private:
    const SeriesPoint* barAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const;
    void setRectangleMode(bool on);

    QCheckBox* m_rectangle;
    QCustomPlot* m_barPlot;
    QCustomPlot* m_scatterPlot;
    CategoryChart m_bars;
    ScatterChart m_scatter;
};

} // namespace saliscope::ui
