// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/transformchartview.h"

#include "ui/report/chartbuilders.h"
#include "ui/results/entropychartview.h"
#include "ui/results/imageselection.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QLabel>

#include <cmath>

namespace saliscope::ui {

TransformChartView::TransformChartView(ImageSelection* selection, QWidget* parent) : MeasureChartView(selection, parent)
{
    setObjectName(QStringLiteral("TransformChartView"));
    addNote(tr("SSIM between the transformed image's upscaled map and the transformed "
               "original map (1 = the map follows the image). Click a bar for the images "
               "below its mean, a bin for its images."));
    auto* row = new QHBoxLayout;
    static_cast<QBoxLayout*>(layout())->addLayout(row, 1);
    m_barPlot = addPlot(row, 3);
    m_histogramPlot = addPlot(row, 2);
}

void TransformChartView::rebuild()
{
    m_bars = {};
    std::vector<SampleSeries> samples;
    const MeasureTable* table = results() ? results()->table(MeasureKind::Transforms) : nullptr;
    if (table) {
        const auto groups = results()->groups(byFamily());
        m_bars = categoryChart(*table, "ssim_upscaled", groups, variantsOf(*table));
        samples = columnSamples(*table, "ssim_upscaled", groups);
    }
    const std::set<std::int64_t> none;
    const auto& chosen = selection()->isActive() ? selection()->images() : none;
    chart::buildBars(m_barPlot, m_bars, tr("Mean map SSIM"), chosen);
    m_histogram = histogramChart(samples, results() ? results()->settings.histogramBins : 20,
                                 ssimHistogramLower(samples), 1.0);
    std::vector<std::vector<std::int64_t>> selected;
    if (selection()->isActive())
        for (const auto& series : samples)
            selected.push_back(selectedCounts(series, m_histogram, chosen));
    chart::buildHistogram(m_histogramPlot, m_histogram, tr("Map SSIM (every transformation)"), selected,
                          tr("maps (image \u00d7 transformation \u00d7 model)"));
    finishPlot(m_barPlot);
    finishPlot(m_histogramPlot);
}

const SeriesPoint* TransformChartView::barAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const
{
    *series = chart::seriesOf(plottable);
    if (chart::roleOf(plottable) != QLatin1String(chart::DataRole) || *series < 0
        || *series >= int(m_bars.series.size()))
        return nullptr;
    const auto& points = m_bars.series[std::size_t(*series)].points;
    return dataIndex >= 0 && dataIndex < int(points.size()) ? &points[std::size_t(dataIndex)] : nullptr;
}

void TransformChartView::clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords)
{
    int series = chart::seriesOf(plottable);
    if (plot == m_barPlot) {
        if (const SeriesPoint* point = barAt(plottable, dataIndex, &series))
            selectImages(imagesWorseThanMean(*point, Better::Higher),
                         tr("%1, %2: map SSIM below the mean %3")
                             .arg(QString::fromStdString(m_bars.series[std::size_t(series)].name),
                                  QString::fromStdString(m_bars.categories[std::size_t(point->x)]))
                             .arg(point->mean, 0, 'f', 3));
    } else if (series >= 0 && series < int(m_histogram.series.size())) {
        const int bin = binAt(m_histogram, coords.x());
        if (bin < 0)
            return;
        const double low = m_histogram.lower + bin * m_histogram.binWidth();
        selectImages(m_histogram.series[std::size_t(series)].images[std::size_t(bin)],
                     tr("%1: transformation map SSIM in [%2, %3)")
                         .arg(QString::fromStdString(m_histogram.series[std::size_t(series)].name))
                         .arg(low, 0, 'f', 2)
                         .arg(low + m_histogram.binWidth(), 0, 'f', 2));
    }
}

QString TransformChartView::tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords)
{
    int series = chart::seriesOf(plottable);
    if (plot == m_barPlot) {
        const SeriesPoint* point = barAt(plottable, dataIndex, &series);
        if (!point)
            return {};
        return tr("%1, %2\nmean SSIM %3, SD %4 (%5 values)")
            .arg(QString::fromStdString(m_bars.series[std::size_t(series)].name),
                 QString::fromStdString(m_bars.categories[std::size_t(point->x)]))
            .arg(point->mean, 0, 'f', 3)
            .arg(point->spread, 0, 'f', 3)
            .arg(point->samples.size());
    }
    if (series < 0 || series >= int(m_histogram.series.size()))
        return {};
    const int bin = binAt(m_histogram, coords.x());
    if (bin < 0)
        return {};
    const double low = m_histogram.lower + bin * m_histogram.binWidth();
    return tr("%1\n[%2, %3): %4 values")
        .arg(QString::fromStdString(m_histogram.series[std::size_t(series)].name))
        .arg(low, 0, 'f', 2)
        .arg(low + m_histogram.binWidth(), 0, 'f', 2)
        .arg(m_histogram.series[std::size_t(series)].counts[std::size_t(bin)]);
}

} // namespace saliscope::ui
