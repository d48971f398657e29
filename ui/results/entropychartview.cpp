// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/entropychartview.h"

#include "ui/report/chartbuilders.h"
#include "ui/results/imageselection.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

#include <cmath>

namespace saliscope::ui {

int binAt(const HistogramChart& chart, double key)
{
    if (chart.binCount() == 0 || key < chart.lower || key > chart.upper)
        return -1;
    return std::min(chart.binCount() - 1, int(std::floor((key - chart.lower) / chart.binWidth())));
}

EntropyChartView::EntropyChartView(ImageSelection* selection, QWidget* parent) : MeasureChartView(selection, parent)
{
    setObjectName(QStringLiteral("EntropyChartView"));
    m_column = new QComboBox(this);
    m_column->addItem(tr("Normalised entropy (8-bit map)"), QStringLiteral("normalized_entropy"));
    m_column->addItem(tr("Spatial entropy"), QStringLiteral("spatial_entropy"));
    m_column->addItem(tr("Salience inside the annotation"), QStringLiteral("annotation_mass"));
    controls()->addWidget(new QLabel(tr("Value:"), this));
    controls()->addWidget(m_column);
    controls()->addStretch(1);
    auto* row = new QHBoxLayout;
    static_cast<QBoxLayout*>(layout())->addLayout(row, 1);
    m_histogramPlot = addPlot(row, 3);
    m_boxPlot = addPlot(row, 2);
    connect(m_column, &QComboBox::currentIndexChanged, this, [this]() {
        if (results())
            rebuild();
    });
}

QString EntropyChartView::columnLabel() const { return m_column->currentText(); }

void EntropyChartView::rebuild()
{
    m_samples.clear();
    const MeasureTable* table = results() ? results()->table(MeasureKind::Entropy) : nullptr;
    if (table)
        m_samples = columnSamples(*table, m_column->currentData().toString().toStdString(),
                                  results()->groups(byFamily()));
    m_histogram = histogramChart(m_samples, results() ? results()->settings.histogramBins : 20, 0.0, 1.0);
    std::vector<std::vector<std::int64_t>> selected;
    if (selection()->isActive())
        for (const auto& series : m_samples)
            selected.push_back(selectedCounts(series, m_histogram, selection()->images()));
    chart::buildHistogram(m_histogramPlot, m_histogram, columnLabel(), selected,
                          byFamily() ? tr("maps (image \u00d7 model)") : tr("images"));
    m_boxes.clear();
    for (const auto& series : m_samples)
        m_boxes.push_back(boxStats(series));
    chart::buildBoxes(m_boxPlot, m_boxes, columnLabel());
    finishPlot(m_histogramPlot);
    finishPlot(m_boxPlot);
}

void EntropyChartView::clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int, QPointF coords)
{
    const int series = chart::seriesOf(plottable);
    if (series < 0)
        return;
    if (plot == m_histogramPlot && series < int(m_histogram.series.size())) {
        const int bin = binAt(m_histogram, coords.x());
        if (bin < 0)
            return;
        const auto& s = m_histogram.series[std::size_t(series)];
        const double low = m_histogram.lower + bin * m_histogram.binWidth();
        selectImages(s.images[std::size_t(bin)],
                     tr("%1: %2 in [%3, %4)")
                         .arg(QString::fromStdString(s.name), columnLabel())
                         .arg(low, 0, 'f', 2)
                         .arg(low + m_histogram.binWidth(), 0, 'f', 2));
    } else if (plot == m_boxPlot && series < int(m_boxes.size())) {
        const auto& box = m_boxes[std::size_t(series)];
        selectImages(box.outlierImages,
                     tr("%1: %2 outliers (beyond 1.5 IQR)").arg(QString::fromStdString(box.name), columnLabel()));
    }
}

QString EntropyChartView::tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int, QPointF coords)
{
    const int series = chart::seriesOf(plottable);
    if (series < 0)
        return {};
    if (plot == m_histogramPlot && series < int(m_histogram.series.size())) {
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
    if (plot == m_boxPlot && series < int(m_boxes.size())) {
        const auto& box = m_boxes[std::size_t(series)];
        return tr("%1 (%2 values)\nmedian %3, quartiles %4 \u2013 %5\n%6 outliers: click to show them")
            .arg(QString::fromStdString(box.name))
            .arg(box.count)
            .arg(box.median, 0, 'f', 3)
            .arg(box.lowerQuartile, 0, 'f', 3)
            .arg(box.upperQuartile, 0, 'f', 3)
            .arg(box.outlierImages.size());
    }
    return {};
}

} // namespace saliscope::ui
