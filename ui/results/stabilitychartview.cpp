// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/stabilitychartview.h"

#include "ui/report/chartbuilders.h"
#include "ui/results/entropychartview.h"
#include "ui/results/imageselection.h"
#include "ui/results/transformchartview.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <cmath>

namespace saliscope::ui {

StabilityChartView::StabilityChartView(ImageSelection* selection, QWidget* parent) : MeasureChartView(selection, parent)
{
    setObjectName(QStringLiteral("StabilityChartView"));
    m_values = new QComboBox(this);
    m_values->addItem(tr("Per-image mean of the pairwise SSIM"), 0);
    m_values->addItem(tr("Every pairwise SSIM"), 1);
    m_family = new QComboBox(this);
    controls()->addWidget(new QLabel(tr("Histogram:"), this));
    controls()->addWidget(m_values);
    controls()->addSpacing(16);
    controls()->addWidget(new QLabel(tr("Matrix of family:"), this));
    controls()->addWidget(m_family);
    addNote(tr("Low SSIM = the runs disagree on the map. Click a bin or a cell for its images."));
    auto* row = new QHBoxLayout;
    static_cast<QBoxLayout*>(layout())->addLayout(row, 1);
    m_histogramPlot = addPlot(row, 3);
    m_matrixPlot = addPlot(row, 2);
    m_matrixPlot->setInteractions({});
    setClickAnywhere(m_matrixPlot);
    // Cell values take the largest of a few font sizes that fits the cell, or hide when none does
    // (measured once this replot's layout is done: before it, the axes keep the last size).
    connect(m_matrixPlot, &QCustomPlot::afterLayout, this, [this]() {
        const double cell = std::abs(m_matrixPlot->xAxis->coordToPixel(1) - m_matrixPlot->xAxis->coordToPixel(0));
        for (int i = 0; i < m_matrixPlot->itemCount(); ++i) {
            auto* text = qobject_cast<QCPItemText*>(m_matrixPlot->item(i));
            if (!text || !text->property("cellText").toBool())
                continue;
            bool fits = false;
            for (const int points : {9, 8, 7}) {
                QFont font = text->font();
                font.setPointSize(points);
                if (cell >= QFontMetrics(font).horizontalAdvance(text->text()) + 4) {
                    text->setFont(font);
                    fits = true;
                    break;
                }
            }
            text->setVisible(fits);
        }
    });
    for (auto* combo : {m_values, m_family})
        connect(combo, &QComboBox::currentIndexChanged, this, [this]() {
            if (results())
                rebuild();
        });
}

const PairMatrix* StabilityChartView::shownMatrix() const
{
    const int index = m_family->currentIndex();
    return index >= 0 && index < int(m_matrices.size()) ? &m_matrices[std::size_t(index)] : nullptr;
}

std::optional<std::pair<int, int>> StabilityChartView::selectedCell() const
{
    // Another chart's selection, or one on another family's matrix, outlines nothing here.
    if (!selection()->isActive() || selection()->description() != m_clickedCell.description
        || m_family->currentText() != m_clickedCell.family)
        return std::nullopt;
    return std::pair(m_clickedCell.row, m_clickedCell.column);
}

void StabilityChartView::rebuild()
{
    m_matrices.clear();
    std::vector<SampleSeries> samples;
    const MeasureTable* table = results() ? results()->table(MeasureKind::Stability) : nullptr;
    if (table) {
        samples = m_values->currentData().toInt() == 0 ? stabilityImageMeans(*table, results()->families)
                                                       : stabilityPairValues(*table, results()->families);
        m_matrices = stabilityMatrices(*table, results()->families);
    }
    {
        const QSignalBlocker blocker(m_family);
        const QString previous = m_family->currentText();
        m_family->clear();
        for (const auto& matrix : m_matrices)
            m_family->addItem(QString::fromStdString(matrix.family));
        m_family->setCurrentIndex(std::max(0, m_family->findText(previous)));
    }
    m_histogram = histogramChart(samples, results() ? results()->settings.histogramBins : 20,
                                 ssimHistogramLower(samples), 1.0);
    std::vector<std::vector<std::int64_t>> selected;
    if (selection()->isActive())
        for (const auto& series : samples)
            selected.push_back(selectedCounts(series, m_histogram, selection()->images()));
    chart::buildHistogram(m_histogramPlot, m_histogram, m_values->currentText(), selected,
                          m_values->currentData().toInt() == 0 ? tr("images") : tr("model pairs \u00d7 images"));
    if (const PairMatrix* matrix = shownMatrix())
        chart::buildMatrix(m_matrixPlot, *matrix, tr("mean SSIM"), selectedCell());
    else
        chart::buildMatrix(m_matrixPlot, PairMatrix{}, tr("mean SSIM"));
    finishPlot(m_histogramPlot);
    finishPlot(m_matrixPlot);
}

void StabilityChartView::clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int, QPointF coords)
{
    if (plot == m_matrixPlot) {
        const PairMatrix* matrix = shownMatrix();
        const int a = int(std::lround(coords.y())), b = int(std::lround(coords.x()));
        const int k = matrix ? int(matrix->members.size()) : 0;
        if (a < 0 || b < 0 || a >= k || b >= k || a == b)
            return;
        const auto& pair = matrix->pairs[std::size_t(std::min(a, b))][std::size_t(std::max(a, b))];
        SeriesPoint point{0, matrix->mean[std::size_t(a)][std::size_t(b)], 0, pair};
        const QString description = tr("%1 vs %2: map SSIM below the pair's mean %3")
                                        .arg(QString::fromStdString(matrix->members[std::size_t(a)]),
                                             QString::fromStdString(matrix->members[std::size_t(b)]))
                                        .arg(point.mean, 0, 'f', 3);
        m_clickedCell = {m_family->currentText(), a, b, description};
        selectImages(imagesWorseThanMean(point, Better::Higher), description);
        return;
    }
    const int series = chart::seriesOf(plottable);
    if (series < 0 || series >= int(m_histogram.series.size()))
        return;
    const int bin = binAt(m_histogram, coords.x());
    if (bin < 0)
        return;
    const double low = m_histogram.lower + bin * m_histogram.binWidth();
    selectImages(m_histogram.series[std::size_t(series)].images[std::size_t(bin)],
                 tr("%1: stability SSIM in [%2, %3)")
                     .arg(QString::fromStdString(m_histogram.series[std::size_t(series)].name))
                     .arg(low, 0, 'f', 2)
                     .arg(low + m_histogram.binWidth(), 0, 'f', 2));
}

QString StabilityChartView::tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int, QPointF coords)
{
    if (plot == m_matrixPlot) {
        const PairMatrix* matrix = shownMatrix();
        const int a = int(std::lround(coords.y())), b = int(std::lround(coords.x()));
        const int k = matrix ? int(matrix->members.size()) : 0;
        if (a < 0 || b < 0 || a >= k || b >= k || a == b)
            return {};
        return tr("%1 vs %2\nmean SSIM %3 over %4 images\nClick for the images below the mean")
            .arg(QString::fromStdString(matrix->members[std::size_t(a)]),
                 QString::fromStdString(matrix->members[std::size_t(b)]))
            .arg(matrix->mean[std::size_t(a)][std::size_t(b)], 0, 'f', 3)
            .arg(matrix->pairs[std::size_t(std::min(a, b))][std::size_t(std::max(a, b))].size());
    }
    const int series = chart::seriesOf(plottable);
    const int bin = binAt(m_histogram, coords.x());
    if (series < 0 || series >= int(m_histogram.series.size()) || bin < 0)
        return {};
    const double low = m_histogram.lower + bin * m_histogram.binWidth();
    return tr("%1\n[%2, %3): %4 values, %5 images\nClick to show them")
        .arg(QString::fromStdString(m_histogram.series[std::size_t(series)].name))
        .arg(low, 0, 'f', 2)
        .arg(low + m_histogram.binWidth(), 0, 'f', 2)
        .arg(m_histogram.series[std::size_t(series)].counts[std::size_t(bin)])
        .arg(m_histogram.series[std::size_t(series)].images[std::size_t(bin)].size());
}

} // namespace saliscope::ui
