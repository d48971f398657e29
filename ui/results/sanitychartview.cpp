// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/sanitychartview.h"

#include "core/engine/cammethod.h"
#include "core/measures/measuresummary.h"
#include "ui/report/chartbuilders.h"
#include "ui/results/imageselection.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QStringList>
#include <QVBoxLayout>

namespace saliscope::ui {

SanityChartView::SanityChartView(ImageSelection* selection, QWidget* parent) : MeasureChartView(selection, parent)
{
    setObjectName(QStringLiteral("SanityChartView"));
    m_column = new QComboBox(this);
    m_column->addItem(tr("Spearman rank correlation with the model's own map"), QStringLiteral("spearman"));
    m_column->addItem(tr("SSIM with the model's own map (small maps)"), QStringLiteral("ssim_small"));
    controls()->addWidget(new QLabel(tr("Similarity:"), this));
    controls()->addWidget(m_column);
    addNote(tr("Step 1 re-initialises the head, the last step every block. A method that explains the model "
               "gives maps that grow less similar as more is randomised; it passes when the mean Spearman "
               "correlation at the last step is below %1 (dashed line). Triangles: the random-logit test (the map "
               "of another class). Band: ±1 standard deviation. Click a point for its images.")
                .arg(SanityPassSpearman));
    m_plot = addPlot(static_cast<QBoxLayout*>(layout()), 1);
    m_plot->installEventFilter(this); // the legend's rows follow the plot's width
    connect(m_column, &QComboBox::currentIndexChanged, this, [this]() {
        if (results())
            rebuild();
    });
}

bool SanityChartView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot && event->type() == QEvent::Resize && m_plot->legend->itemCount() > 0) {
        chart::fitLegendAbove(m_plot);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    return MeasureChartView::eventFilter(watched, event);
}

void SanityChartView::setMethodResults(std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> sets)
{
    m_sets = std::move(sets);
    if (results())
        rebuild();
}

void SanityChartView::setColumn(const QString& column)
{
    m_column->setCurrentIndex(std::max(0, m_column->findData(column)));
}

QString SanityChartView::column() const { return m_column->currentData().toString(); }

QString SanityChartView::chartTitle() const
{
    if (m_sets.size() < 2)
        return MeasureChartView::chartTitle();
    QStringList methods;
    for (const auto& set : m_sets)
        methods.append(QString::fromStdString(set.first));
    return tr("Methods: %1").arg(methods.join(QStringLiteral(", ")));
}

void SanityChartView::rebuild()
{
    std::vector<LabelledResults> sets;
    if (m_sets.size() >= 2)
        for (const auto& [label, set] : m_sets)
            sets.push_back({label, set.get()});
    else if (results())
        sets.push_back({{}, results()});
    const bool spearman = column() == QLatin1String("spearman");
    m_chart = sanityChart(sets, column().toStdString(), byFamily());
    chart::buildSanity(m_plot, m_chart, tr("Cascading randomisation step (from the head down)"),
                       spearman ? tr("Mean Spearman correlation") : tr("Mean map SSIM"), tr("random logit"),
                       selection()->isActive() ? selection()->images() : std::set<std::int64_t>(),
                       spearman ? std::optional<double>(SanityPassSpearman) : std::nullopt);
    finishPlot(m_plot);
}

const SeriesPoint* SanityChartView::pointAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const
{
    *series = chart::seriesOf(plottable);
    const QString role = chart::roleOf(plottable);
    const bool marker = role == QLatin1String(chart::MarkerRole);
    if ((!marker && role != QLatin1String(chart::DataRole)) || *series < 0
        || *series >= int(m_chart.steps.series.size()))
        return nullptr;
    const auto& points = (marker ? m_chart.logit : m_chart.steps).series[std::size_t(*series)].points;
    return dataIndex >= 0 && dataIndex < int(points.size()) ? &points[std::size_t(dataIndex)] : nullptr;
}

void SanityChartView::clicked(QCustomPlot*, QCPAbstractPlottable* plottable, int dataIndex, QPointF)
{
    int series = -1;
    const SeriesPoint* point = pointAt(plottable, dataIndex, &series);
    if (!point)
        return;
    std::vector<std::int64_t> images;
    for (const auto& sample : point->samples)
        images.push_back(sample.image);
    const QString name = QString::fromStdString(m_chart.steps.series[std::size_t(series)].name);
    const bool logit = point->x > m_chart.stepCount;
    selectImages(
        uniqueImages(std::move(images)),
        logit ? tr("%1, random-logit test: mean %2 %3").arg(name, m_column->currentText()).arg(point->mean, 0, 'f', 3)
              : tr("%1, randomisation step %2: mean %3 %4")
                    .arg(name)
                    .arg(int(point->x))
                    .arg(m_column->currentText())
                    .arg(point->mean, 0, 'f', 3));
}

QString SanityChartView::tooltip(QCustomPlot*, QCPAbstractPlottable* plottable, int dataIndex, QPointF)
{
    int series = -1;
    const SeriesPoint* point = pointAt(plottable, dataIndex, &series);
    if (!point)
        return {};
    const QString name = QString::fromStdString(m_chart.steps.series[std::size_t(series)].name);
    const QString where = point->x > m_chart.stepCount ? tr("random logit") : tr("step %1").arg(int(point->x));
    return tr("%1, %2\nmean %3, SD %4 (%5 values)")
        .arg(name, where)
        .arg(point->mean, 0, 'f', 3)
        .arg(point->spread, 0, 'f', 3)
        .arg(point->samples.size());
}

} // namespace saliscope::ui
