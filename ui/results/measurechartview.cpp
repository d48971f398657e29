// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/measurechartview.h"

#include "ui/report/chartbuilders.h"
#include "ui/results/imageselection.h"
#include "core/engine/cammethod.h"
#include "core/project/measureresults.h"

#include <qcustomplot.h>

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

namespace saliscope::ui {

namespace {
const char* HiddenProperty = "hiddenSeries";
const char* ClickAnywhereProperty = "clickAnywhere";
const char* TitleName = "chartTitle";

QStringList hiddenSeries(const QCustomPlot* plot) { return plot->property(HiddenProperty).toStringList(); }

/// Shows or hides every plottable of the series named by a legend entry.
void applyVisibility(QCustomPlot* plot)
{
    const QStringList hidden = hiddenSeries(plot);
    std::set<int> hiddenIndexes;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto* plottable = plot->plottable(i);
        if (chart::roleOf(plottable) == QLatin1String(chart::DataRole) && hidden.contains(plottable->name()))
            hiddenIndexes.insert(chart::seriesOf(plottable));
    }
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto* plottable = plot->plottable(i);
        const bool visible = !hiddenIndexes.count(chart::seriesOf(plottable)) || chart::seriesOf(plottable) < 0;
        plottable->setVisible(visible);
        if (auto* item = plot->legend->itemWithPlottable(plottable))
            item->setTextColor(visible ? Qt::black : QColor(160, 160, 160));
    }
}

/// Puts `text` in a title row at the top of the plot, above a legend row (no row when `text` is
/// empty).
void setTitle(QCustomPlot* plot, const QString& text)
{
    for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
        if (auto* element = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i));
            element && element->objectName() == QLatin1String(TitleName)) {
            plot->plotLayout()->remove(element);
            plot->plotLayout()->simplify();
            break;
        }
    if (text.isEmpty())
        return;
    auto* title = new QCPTextElement(plot, text, QFont(plot->font().family(), 9, QFont::Bold));
    title->setObjectName(QLatin1String(TitleName));
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    plot->plotLayout()->addElement(0, 0, title);
}
} // namespace

MeasureChartView::MeasureChartView(ImageSelection* selection, QWidget* parent)
    : QWidget(parent), m_selection(selection), m_controls(new QHBoxLayout)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_controls->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_controls);
    connect(m_selection, &ImageSelection::changed, this, [this]() {
        if (m_results)
            rebuild();
    });
}

MeasureChartView::~MeasureChartView() = default;

void MeasureChartView::setResults(std::shared_ptr<const MeasureResults> results, bool byFamily)
{
    m_results = std::move(results);
    m_byFamily = byFamily;
    rebuild();
}

QCustomPlot* MeasureChartView::addPlot(QBoxLayout* layout, int stretch)
{
    auto* plot = new QCustomPlot(this);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setMinimumSize(160, 90);
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    plot->setMouseTracking(true);
    layout->addWidget(plot, stretch);
    m_plots.push_back(plot);
    connect(plot, &QCustomPlot::customContextMenuRequested, this,
            [this, plot](const QPoint& pos) { showContextMenu(plot, pos); });
    connect(plot, &QCustomPlot::mouseMove, this, [this, plot](QMouseEvent* event) { mouseMoved(plot, event); });
    // Clicks go by plottable under the pointer (QCustomPlot's own plottableClick loses clicks
    // near an axis to the axis, whose inward ticks lie over the lowest bars).
    connect(plot, &QCustomPlot::mousePress, this,
            [plot](QMouseEvent* event) { plot->setProperty("pressedAt", event->position()); });
    connect(plot, &QCustomPlot::mouseRelease, this, [this, plot](QMouseEvent* event) {
        const QPointF pos = event->position();
        if (event->button() != Qt::LeftButton || (pos - plot->property("pressedAt").toPointF()).manhattanLength() > 3)
            return;
        if (plot->legend->visible() && plot->legend->outerRect().contains(pos.toPoint()))
            return; // the legend's own click
        int dataIndex = 0;
        QCPAbstractPlottable* plottable = nullptr;
        if (plot->property(ClickAnywhereProperty).toBool())
            plottable = plot->plottableCount() > 0 ? plot->plottable(0) : nullptr;
        else
            plottable = plot->plottableAt(pos, true, &dataIndex);
        if (plottable && plottable->visible())
            clicked(plot, plottable, dataIndex,
                    QPointF(plot->xAxis->pixelToCoord(pos.x()), plot->yAxis->pixelToCoord(pos.y())));
    });
    connect(plot, &QCustomPlot::legendClick, this, [plot](QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*) {
        auto* entry = qobject_cast<QCPPlottableLegendItem*>(item);
        if (!entry)
            return;
        QStringList hidden = hiddenSeries(plot);
        const QString name = entry->plottable()->name();
        if (!hidden.removeAll(name))
            hidden.append(name);
        plot->setProperty(HiddenProperty, hidden);
        applyVisibility(plot);
        plot->replot();
    });
    return plot;
}

void MeasureChartView::addNote(const QString& text)
{
    auto* note = new QLabel(text, this);
    note->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // clipped when narrow; the tooltip has it all
    note->setToolTip(text);
    m_controls->addWidget(note, 1);
}

void MeasureChartView::setClickAnywhere(QCustomPlot* plot) { plot->setProperty(ClickAnywhereProperty, true); }

QString MeasureChartView::chartTitle() const
{
    return m_results ? tr("Method: %1").arg(QString::fromLatin1(engine::camMethodTitle(m_results->settings.method)))
                     : QString();
}

void MeasureChartView::finishPlot(QCustomPlot* plot)
{
    setTitle(plot, chartTitle());
    applyVisibility(plot);
    plot->replot();
}

void MeasureChartView::selectImages(const std::vector<std::int64_t>& images, const QString& description)
{
    m_selection->select(m_results ? m_results->datasetId : 0, images, description);
}

void MeasureChartView::clickAt(QCustomPlot* plot, const QPointF& pos)
{
    QMouseEvent press(QEvent::MouseButtonPress, pos, plot->mapToGlobal(pos), Qt::LeftButton, Qt::LeftButton,
                      Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, pos, plot->mapToGlobal(pos), Qt::LeftButton, Qt::NoButton,
                        Qt::NoModifier);
    QCoreApplication::sendEvent(plot, &press);
    QCoreApplication::sendEvent(plot, &release);
}

void MeasureChartView::mouseMoved(QCustomPlot* plot, QMouseEvent* event)
{
    if (event->buttons() != Qt::NoButton)
        return;
    int dataIndex = -1;
    QCPAbstractPlottable* plottable = plot->plottableAt(event->position(), true, &dataIndex);
    if (plot->property(ClickAnywhereProperty).toBool() && plot->plottableCount() > 0)
        plottable = plot->plottable(0);
    QString text;
    if (plottable && plottable->visible())
        text = tooltip(plot, plottable, dataIndex,
                       QPointF(plot->xAxis->pixelToCoord(event->position().x()),
                               plot->yAxis->pixelToCoord(event->position().y())));
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot);
}

void MeasureChartView::showContextMenu(QCustomPlot* plot, const QPoint& pos)
{
    QMenu menu(this);
    menu.addAction(tr("Export chart\u2026"), this, [this, plot]() { exportDialog(plot); });
    menu.addAction(tr("Reset view"), this, [this]() { rebuild(); });
    menu.addAction(tr("Clear selection"), m_selection, &ImageSelection::clear)->setEnabled(m_selection->isActive());
    menu.exec(plot->mapToGlobal(pos));
}

void MeasureChartView::exportDialog(QCustomPlot* plot)
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QString(),
                                                      tr("PNG image (*.png);;PDF document (*.pdf)"), &filter);
    if (path.isEmpty())
        return;
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty())
        target += filter.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf") : QStringLiteral(".png");
    const auto index = int(std::find(m_plots.begin(), m_plots.end(), plot) - m_plots.begin());
    if (!exportPlot(target, index))
        QMessageBox::warning(this, tr("Export chart"), tr("Cannot write %1.").arg(target));
}

bool MeasureChartView::exportPlot(const QString& path, int index, int width, int height)
{
    if (index < 0 || index >= int(m_plots.size()))
        return false;
    QCustomPlot* plot = m_plots[std::size_t(index)];
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return plot->savePdf(path, width, height);
    if (suffix == QLatin1String("png"))
        return plot->savePng(path, width, height);
    return false;
}

} // namespace saliscope::ui
