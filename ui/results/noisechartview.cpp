// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/noisechartview.h"

#include "ui/report/chartbuilders.h"
#include "ui/results/imageselection.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>

namespace saliscope::ui {

NoiseChartView::NoiseChartView(ImageSelection* selection, QWidget* parent) : MeasureChartView(selection, parent)
{
    setObjectName(QStringLiteral("NoiseChartView"));
    m_column = new QComboBox(this);
    m_column->addItem(tr("Map SSIM to the clean image (small map)"), QStringLiteral("ssim_small"));
    m_column->addItem(tr("Map SSIM to the clean image (upscaled map)"), QStringLiteral("ssim_upscaled"));
    m_column->addItem(tr("Accuracy"), QStringLiteral("correct"));
    m_column->addItem(tr("Synthetic score"), QStringLiteral("score"));
    m_column->addItem(tr("Normalised entropy"), QStringLiteral("normalized_entropy"));
    controls()->addWidget(new QLabel(tr("Value:"), this));
    controls()->addWidget(m_column);
    addNote(tr("Band: ±1 standard deviation. Click a point for the images below "
               "(above, for score and entropy) its mean."));
    m_plot = addPlot(static_cast<QBoxLayout*>(layout()), 1);
    connect(m_column, &QComboBox::currentIndexChanged, this, [this]() {
        if (results())
            rebuild();
    });
}

void NoiseChartView::setColumn(const QString& column)
{
    m_column->setCurrentIndex(std::max(0, m_column->findData(column)));
}

Better NoiseChartView::better() const
{
    const QString column = m_column->currentData().toString();
    return column == QLatin1String("score") || column == QLatin1String("normalized_entropy") ? Better::Lower
                                                                                             : Better::Higher;
}

void NoiseChartView::rebuild()
{
    m_curves = {};
    const MeasureTable* table = results() ? results()->table(MeasureKind::Noise) : nullptr;
    if (table) {
        const auto& levels = results()->settings.noise.levels;
        m_curves = categoryChart(*table, m_column->currentData().toString().toStdString(),
                                 results()->groups(byFamily()), noiseVariants(levels), levels);
    }
    chart::buildCurves(m_plot, m_curves, tr("Salt-and-pepper noise level"), m_column->currentText(),
                       selection()->isActive() ? selection()->images() : std::set<std::int64_t>());
    finishPlot(m_plot);
}

const SeriesPoint* NoiseChartView::pointAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const
{
    *series = chart::seriesOf(plottable);
    if (chart::roleOf(plottable) != QLatin1String(chart::DataRole) || *series < 0
        || *series >= int(m_curves.series.size()))
        return nullptr;
    const auto& points = m_curves.series[std::size_t(*series)].points;
    return dataIndex >= 0 && dataIndex < int(points.size()) ? &points[std::size_t(dataIndex)] : nullptr;
}

void NoiseChartView::clicked(QCustomPlot*, QCPAbstractPlottable* plottable, int dataIndex, QPointF)
{
    int series = -1;
    const SeriesPoint* point = pointAt(plottable, dataIndex, &series);
    if (!point)
        return;
    selectImages(imagesWorseThanMean(*point, better()),
                 tr("%1 at noise %2: %3 %4 the mean %5")
                     .arg(QString::fromStdString(m_curves.series[std::size_t(series)].name))
                     .arg(point->x)
                     .arg(m_column->currentText(), better() == Better::Higher ? tr("below") : tr("above"))
                     .arg(point->mean, 0, 'f', 3));
}

QString NoiseChartView::tooltip(QCustomPlot*, QCPAbstractPlottable* plottable, int dataIndex, QPointF)
{
    int series = -1;
    const SeriesPoint* point = pointAt(plottable, dataIndex, &series);
    if (!point)
        return {};
    return tr("%1, noise %2\nmean %3, SD %4 (%5 values)")
        .arg(QString::fromStdString(m_curves.series[std::size_t(series)].name))
        .arg(point->x)
        .arg(point->mean, 0, 'f', 3)
        .arg(point->spread, 0, 'f', 3)
        .arg(point->samples.size());
}

} // namespace saliscope::ui
