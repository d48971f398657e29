// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/localisationchartview.h"

#include "ui/report/chartbuilders.h"
#include "ui/results/entropychartview.h"
#include "ui/results/imageselection.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStringList>

namespace saliscope::ui {

LocalisationChartView::LocalisationChartView(ImageSelection* selection, QWidget* parent)
    : MeasureChartView(selection, parent)
{
    setObjectName(QStringLiteral("LocalisationChartView"));
    m_mask = new QComboBox(this);
    m_mask->setObjectName(QStringLiteral("MaskChoice"));
    m_mask->addItem(tr("Human annotation"), QStringLiteral("annotation"));
    m_mask->addItem(tr("Exact artefact mask"), QStringLiteral("mask"));
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("MetricChoice"));
    for (const auto& metric : localisationMetrics())
        m_metric->addItem(metricTitle(metric), QString::fromStdString(metric));
    m_metric->setCurrentIndex(3);
    controls()->addWidget(new QLabel(tr("Against:"), this));
    controls()->addWidget(m_mask);
    controls()->addWidget(new QLabel(tr("Histogram of:"), this));
    controls()->addWidget(m_metric);
    addNote(tr("Pointing game: the map's maximum inside the mask (1) or not (0). Mass: share of salience inside. "
               "Rank: share of the top pixels (as many as the mask has) inside. Pixel AUC: the map as a detector of "
               "the mask's pixels (0.5: chance). Higher is better for all four. Click a bar for the images below "
               "its mean, a bin for its images."));
    auto* row = new QHBoxLayout;
    static_cast<QBoxLayout*>(layout())->addLayout(row, 1);
    m_barPlot = addPlot(row, 3);
    m_histogramPlot = addPlot(row, 2);
    for (QComboBox* box : {m_mask, m_metric})
        connect(box, &QComboBox::currentIndexChanged, this, [this]() {
            if (results())
                rebuild();
        });
}

void LocalisationChartView::setMethodResults(
    std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> sets)
{
    m_sets = std::move(sets);
    if (results())
        rebuild();
}

void LocalisationChartView::setMask(const QString& mask)
{
    m_mask->setCurrentIndex(std::max(0, m_mask->findData(mask)));
}

void LocalisationChartView::setMetric(const QString& metric)
{
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(metric)));
}

QString LocalisationChartView::mask() const { return m_mask->currentData().toString(); }

QString LocalisationChartView::metric() const { return m_metric->currentData().toString(); }

QString LocalisationChartView::metricTitle(const std::string& metric)
{
    if (metric == "pointing")
        return tr("Pointing game");
    if (metric == "mass")
        return tr("Relevance mass");
    if (metric == "rank")
        return tr("Relevance rank");
    if (metric == "auc")
        return tr("Pixel AUC");
    return QString::fromStdString(metric);
}

QString LocalisationChartView::chartTitle() const
{
    if (m_sets.size() < 2)
        return MeasureChartView::chartTitle();
    QStringList methods;
    for (const auto& set : m_sets)
        methods.append(QString::fromStdString(set.first));
    return tr("Methods: %1").arg(methods.join(QStringLiteral(", ")));
}

std::vector<LabelledResults> LocalisationChartView::sets() const
{
    std::vector<LabelledResults> sets;
    if (m_sets.size() >= 2)
        for (const auto& [label, set] : m_sets)
            sets.push_back({label, set.get()});
    else if (results())
        sets.push_back({{}, results()});
    return sets;
}

void LocalisationChartView::rebuild()
{
    const auto labelled = sets();
    const std::string mask = this->mask().toStdString();
    m_bars = localisationChart(labelled, mask, byFamily());
    // The axis names the metrics in the user's language.
    for (auto& category : m_bars.categories)
        category = metricTitle(category).toStdString();
    const auto samples = localisationSamples(labelled, mask + "_" + metric().toStdString(), byFamily());
    m_histogram = histogramChart(samples, results() ? results()->settings.histogramBins : 20, 0.0, 1.0);
    const std::set<std::int64_t> none;
    const auto& chosen = selection()->isActive() ? selection()->images() : none;
    chart::buildBars(m_barPlot, m_bars,
                     mask == "mask" ? tr("Mean against the artefact mask") : tr("Mean against the annotation"), chosen);
    std::vector<std::vector<std::int64_t>> selected;
    if (selection()->isActive())
        for (const auto& series : samples)
            selected.push_back(selectedCounts(series, m_histogram, chosen));
    chart::buildHistogram(m_histogramPlot, m_histogram, m_metric->currentText(), selected,
                          byFamily() ? tr("maps (image \u00d7 model)") : tr("images"));
    finishPlot(m_barPlot);
    finishPlot(m_histogramPlot);
}

const SeriesPoint* LocalisationChartView::barAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const
{
    *series = chart::seriesOf(plottable);
    if (chart::roleOf(plottable) != QLatin1String(chart::DataRole) || *series < 0
        || *series >= int(m_bars.series.size()))
        return nullptr;
    const auto& points = m_bars.series[std::size_t(*series)].points;
    return dataIndex >= 0 && dataIndex < int(points.size()) ? &points[std::size_t(dataIndex)] : nullptr;
}

void LocalisationChartView::clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords)
{
    int series = -1;
    if (plot == m_barPlot) {
        if (const SeriesPoint* point = barAt(plottable, dataIndex, &series))
            selectImages(imagesWorseThanMean(*point, Better::Higher),
                         tr("%1, %2 (%3): below the mean %4")
                             .arg(QString::fromStdString(m_bars.series[std::size_t(series)].name),
                                  QString::fromStdString(m_bars.categories[std::size_t(point->x)]),
                                  m_mask->currentText())
                             .arg(point->mean, 0, 'f', 3));
        return;
    }
    series = chart::seriesOf(plottable);
    if (plot != m_histogramPlot || series < 0 || series >= int(m_histogram.series.size()))
        return;
    const int bin = binAt(m_histogram, coords.x());
    if (bin < 0)
        return;
    const auto& s = m_histogram.series[std::size_t(series)];
    const double low = m_histogram.lower + bin * m_histogram.binWidth();
    selectImages(s.images[std::size_t(bin)],
                 tr("%1: %2 (%3) in [%4, %5)")
                     .arg(QString::fromStdString(s.name), m_metric->currentText(), m_mask->currentText())
                     .arg(low, 0, 'f', 2)
                     .arg(low + m_histogram.binWidth(), 0, 'f', 2));
}

QString LocalisationChartView::tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex,
                                       QPointF coords)
{
    int series = -1;
    if (plot == m_barPlot) {
        const SeriesPoint* point = barAt(plottable, dataIndex, &series);
        if (!point)
            return {};
        return tr("%1, %2\nmean %3, SD %4 (%5 images)")
            .arg(QString::fromStdString(m_bars.series[std::size_t(series)].name),
                 QString::fromStdString(m_bars.categories[std::size_t(point->x)]))
            .arg(point->mean, 0, 'f', 3)
            .arg(point->spread, 0, 'f', 3)
            .arg(point->samples.size());
    }
    series = chart::seriesOf(plottable);
    if (plot != m_histogramPlot || series < 0 || series >= int(m_histogram.series.size()))
        return {};
    const int bin = binAt(m_histogram, coords.x());
    if (bin < 0)
        return {};
    const double low = m_histogram.lower + bin * m_histogram.binWidth();
    return tr("%1\n[%2, %3): %4 images\nClick to show them")
        .arg(QString::fromStdString(m_histogram.series[std::size_t(series)].name))
        .arg(low, 0, 'f', 2)
        .arg(low + m_histogram.binWidth(), 0, 'f', 2)
        .arg(m_histogram.series[std::size_t(series)].counts[std::size_t(bin)]);
}

} // namespace saliscope::ui
