// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QBoxLayout;
class QCustomPlot;
class QCPAbstractPlottable;
class QHBoxLayout;
class QMouseEvent;

namespace saliscope {
struct MeasureResults;
} // namespace saliscope

namespace saliscope::ui {

class ImageSelection;

/// Base of the five measure views: one or more QCustomPlots with zoom and pan (wheel, drag),
/// hover tooltips, legend entries that hide and show their series on click, and a context menu
/// to export a chart (PNG or PDF), reset the view or clear the selection. A click on a data
/// element selects images through the shared ImageSelection; every view redraws to highlight
/// it. Subclasses draw with the chart builders and map clicks to images.
class MeasureChartView : public QWidget {
    Q_OBJECT

public:
    MeasureChartView(ImageSelection* selection, QWidget* parent = nullptr);
    ~MeasureChartView() override;

    /// Shows these results (null for none), grouped by family or by model, and redraws.
    void setResults(std::shared_ptr<const MeasureResults> results, bool byFamily);
    /// The view's plots, main one first.
    const std::vector<QCustomPlot*>& plots() const { return m_plots; }
    /// Saves plot `index` as PNG or PDF, chosen by the file's suffix; false when it fails.
    bool exportPlot(const QString& path, int index = 0, int width = 0, int height = 0);
    /// Handles a click on `plot` at widget position `pos` as a user click would (for tests).
    void clickAt(QCustomPlot* plot, const QPointF& pos);

protected:
    /// Creates a plot set up for interaction, added to `layout` with `stretch`.
    QCustomPlot* addPlot(QBoxLayout* layout, int stretch = 1);
    /// The row of controls above the plots, for subclasses' combo boxes.
    QHBoxLayout* controls() const { return m_controls; }
    /// Adds an explanation to the controls row: it takes the free width, clipped when narrow
    /// (its tooltip shows it whole).
    void addNote(const QString& text);
    /// Redraws every plot from results() and the current selection.
    virtual void rebuild() = 0;
    /// Selects the images of a clicked element of `plot`; `coords` are plot coordinates.
    virtual void clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) = 0;
    /// The tooltip for a hovered element ("" for none).
    virtual QString tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords) = 0;

    const MeasureResults* results() const { return m_results.get(); }
    bool byFamily() const { return m_byFamily; }
    ImageSelection* selection() const { return m_selection; }
    /// Selects `images` of the shown run set's dataset.
    void selectImages(const std::vector<std::int64_t>& images, const QString& description);
    /// Clicks anywhere on `plot` go to clicked() with its first plottable (for colour maps,
    /// whose cells reach beyond the plottable's own hit area).
    void setClickAnywhere(QCustomPlot* plot);
    /// Replots after rebuild, keeping series the user hid by legend clicks hidden, with
    /// chartTitle() above the plot.
    void finishPlot(QCustomPlot* plot);
    /// The title above every plot: the salience method of the shown results ("" for none).
    virtual QString chartTitle() const;

private:
    void plotClicked(QCustomPlot* plot, QMouseEvent* event);
    void mouseMoved(QCustomPlot* plot, QMouseEvent* event);
    void showContextMenu(QCustomPlot* plot, const QPoint& pos);
    void exportDialog(QCustomPlot* plot);

    ImageSelection* m_selection;
    std::shared_ptr<const MeasureResults> m_results;
    bool m_byFamily = true;
    std::vector<QCustomPlot*> m_plots;
    QHBoxLayout* m_controls;
};

} // namespace saliscope::ui
