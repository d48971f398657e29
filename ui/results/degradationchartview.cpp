// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/degradationchartview.h"

#include "ui/report/chartbuilders.h"
#include "ui/results/imageselection.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>

namespace saliscope::ui {

DegradationChartView::DegradationChartView(ImageSelection* selection, QWidget* parent)
    : MeasureChartView(selection, parent)
{
    setObjectName(QStringLiteral("DegradationChartView"));
    m_rectangle = new QCheckBox(tr("Drag selects images on the scatter"), this);
    m_rectangle->setChecked(true);
    addNote(tr("Score drop = clean score minus degraded score. Faithful maps: blurring the "
               "object costs more than blurring the background (points above the diagonal)."));
    controls()->addWidget(m_rectangle);
    auto* row = new QHBoxLayout;
    static_cast<QBoxLayout*>(layout())->addLayout(row, 1);
    m_barPlot = addPlot(row, 2);
    m_scatterPlot = addPlot(row, 3);
    connect(m_rectangle, &QCheckBox::toggled, this, &DegradationChartView::setRectangleMode);
    connect(m_scatterPlot->selectionRect(), &QCPSelectionRect::accepted, this, [this](const QRect& rect, QMouseEvent*) {
        selectRectangle(m_scatterPlot->xAxis->pixelToCoord(rect.left()),
                        m_scatterPlot->xAxis->pixelToCoord(rect.right()),
                        m_scatterPlot->yAxis->pixelToCoord(rect.top()),
                        m_scatterPlot->yAxis->pixelToCoord(rect.bottom()));
    });
    setRectangleMode(true);
}

void DegradationChartView::setRectangleMode(bool on)
{
    m_scatterPlot->setSelectionRectMode(on ? QCP::srmCustom : QCP::srmNone);
}

void DegradationChartView::selectRectangle(double x0, double x1, double y0, double y1)
{
    std::vector<bool> visible;
    for (std::size_t s = 0; s < m_scatter.series.size(); ++s) {
        bool shown = true;
        for (int i = 0; i < m_scatterPlot->plottableCount(); ++i) {
            auto* plottable = m_scatterPlot->plottable(i);
            if (chart::roleOf(plottable) == QLatin1String(chart::DataRole) && chart::seriesOf(plottable) == int(s))
                shown = plottable->visible();
        }
        visible.push_back(shown);
    }
    selectImages(imagesInRectangle(m_scatter, x0, x1, y0, y1, visible),
                 tr("score drop: background %1 \u2013 %2, object %3 \u2013 %4")
                     .arg(std::min(x0, x1), 0, 'f', 2)
                     .arg(std::max(x0, x1), 0, 'f', 2)
                     .arg(std::min(y0, y1), 0, 'f', 2)
                     .arg(std::max(y0, y1), 0, 'f', 2));
}

void DegradationChartView::rebuild()
{
    m_bars = {};
    m_scatter = {};
    const MeasureTable* table = results() ? results()->table(MeasureKind::Degradation) : nullptr;
    if (table) {
        const auto groups = results()->groups(byFamily());
        m_bars = categoryChart(*table, "confidence_drop", groups, {"background", "object"});
        m_scatter = degradationScatter(*table, groups);
    }
    const std::set<std::int64_t> none;
    const auto& chosen = selection()->isActive() ? selection()->images() : none;
    chart::buildBars(m_barPlot, m_bars, tr("Mean score drop"), chosen);
    chart::buildScatter(m_scatterPlot, m_scatter, tr("Score drop, background blurred"),
                        tr("Score drop, object blurred"), chosen);
    finishPlot(m_barPlot);
    finishPlot(m_scatterPlot);
}

const SeriesPoint* DegradationChartView::barAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const
{
    *series = chart::seriesOf(plottable);
    if (chart::roleOf(plottable) != QLatin1String(chart::DataRole) || *series < 0
        || *series >= int(m_bars.series.size()))
        return nullptr;
    const auto& points = m_bars.series[std::size_t(*series)].points;
    return dataIndex >= 0 && dataIndex < int(points.size()) ? &points[std::size_t(dataIndex)] : nullptr;
}

void DegradationChartView::clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF)
{
    int series = -1;
    if (plot == m_barPlot) {
        if (const SeriesPoint* point = barAt(plottable, dataIndex, &series))
            selectImages(imagesWorseThanMean(*point, Better::Lower),
                         tr("%1, %2 blurred: score drop above the mean %3")
                             .arg(QString::fromStdString(m_bars.series[std::size_t(series)].name),
                                  QString::fromStdString(m_bars.categories[std::size_t(point->x)]))
                             .arg(point->mean, 0, 'f', 3));
        return;
    }
    series = chart::seriesOf(plottable);
    if (chart::roleOf(plottable) != QLatin1String(chart::DataRole) || series < 0
        || series >= int(m_scatter.series.size()))
        return;
    const auto& points = m_scatter.series[std::size_t(series)].points;
    if (dataIndex >= 0 && dataIndex < int(points.size())) {
        const auto& p = points[std::size_t(dataIndex)];
        selectImages({p.image}, tr("%1: one image").arg(QString::fromStdString(p.model)));
    }
}

QString DegradationChartView::tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF)
{
    int series = -1;
    if (plot == m_barPlot) {
        const SeriesPoint* point = barAt(plottable, dataIndex, &series);
        if (!point)
            return {};
        return tr("%1, %2 blurred\nmean score drop %3, SD %4 (%5 values)")
            .arg(QString::fromStdString(m_bars.series[std::size_t(series)].name),
                 QString::fromStdString(m_bars.categories[std::size_t(point->x)]))
            .arg(point->mean, 0, 'f', 3)
            .arg(point->spread, 0, 'f', 3)
            .arg(point->samples.size());
    }
    series = chart::seriesOf(plottable);
    if (chart::roleOf(plottable) != QLatin1String(chart::DataRole) || series < 0
        || series >= int(m_scatter.series.size()))
        return {};
    const auto& points = m_scatter.series[std::size_t(series)].points;
    if (dataIndex < 0 || dataIndex >= int(points.size()))
        return {};
    const auto& p = points[std::size_t(dataIndex)];
    return tr("image #%1, %2\nscore drop: background %3, object %4")
        .arg(p.image + 1)
        .arg(QString::fromStdString(p.model))
        .arg(p.x, 0, 'f', 3)
        .arg(p.y, 0, 'f', 3);
}

} // namespace saliscope::ui
