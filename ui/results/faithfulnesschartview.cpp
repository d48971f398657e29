// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/faithfulnesschartview.h"

#include "ui/report/chartbuilders.h"
#include "ui/results/entropychartview.h"
#include "ui/results/imageselection.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QStringList>

namespace saliscope::ui {

FaithfulnessChartView::FaithfulnessChartView(ImageSelection* selection, QWidget* parent)
    : MeasureChartView(selection, parent)
{
    setObjectName(QStringLiteral("FaithfulnessChartView"));
    m_curve = new QComboBox(this);
    m_curve->setObjectName(QStringLiteral("CurveChoice"));
    m_curve->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    controls()->addWidget(new QLabel(tr("Curve:"), this));
    controls()->addWidget(m_curve);
    addNote(tr("Class probability as pixels are removed (deletion, ROAD) or inserted (insertion) in the map's "
               "order. A faithful map: deletion and ROAD MoRF fall fast (low area), insertion and ROAD LeRF stay "
               "high (high area). Band: ±1 standard deviation. Click a point for the images on its worse side of "
               "the mean, a bin for its images."));
    auto* row = new QHBoxLayout;
    static_cast<QBoxLayout*>(layout())->addLayout(row, 1);
    m_curvePlot = addPlot(row, 3);
    m_histogramPlot = addPlot(row, 2);
    connect(m_curve, &QComboBox::currentIndexChanged, this, [this]() {
        if (results())
            rebuild();
    });
}

void FaithfulnessChartView::setMethodResults(
    std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> sets)
{
    m_sets = std::move(sets);
    if (results())
        rebuild();
}

bool FaithfulnessChartView::setCurve(const QString& name)
{
    const int index = m_curve->findData(name);
    if (index < 0)
        return false;
    m_curve->setCurrentIndex(index);
    return true;
}

QString FaithfulnessChartView::curve() const { return m_curve->currentData().toString(); }

QString FaithfulnessChartView::curveTitle(const std::string& name)
{
    if (name == "deletion")
        return tr("Deletion");
    if (name == "insertion")
        return tr("Insertion");
    if (name == "morf")
        return tr("ROAD, most relevant first (MoRF)");
    if (name == "lerf")
        return tr("ROAD, least relevant first (LeRF)");
    return QString::fromStdString(name);
}

QString FaithfulnessChartView::chartTitle() const
{
    if (m_sets.size() < 2)
        return MeasureChartView::chartTitle();
    QStringList methods;
    for (const auto& set : m_sets)
        methods.append(QString::fromStdString(set.first));
    return tr("Methods: %1").arg(methods.join(QStringLiteral(", ")));
}

std::vector<LabelledResults> FaithfulnessChartView::sets() const
{
    std::vector<LabelledResults> sets;
    if (m_sets.size() >= 2)
        for (const auto& [label, set] : m_sets)
            sets.push_back({label, set.get()});
    else if (results())
        sets.push_back({{}, results()});
    return sets;
}

bool FaithfulnessChartView::lowerIsBetter() const
{
    const std::string name = curve().toStdString();
    return FaithfulnessCurve{MeasureKind::Deletion, 0, name}.lowerIsBetter();
}

void FaithfulnessChartView::rebuild()
{
    const auto labelled = sets();
    m_curves = faithfulnessCurves(labelled);
    {
        // The choice lists the curves these results have, keeping the one shown.
        const QString shown = curve();
        const QSignalBlocker blocker(m_curve);
        m_curve->clear();
        for (const auto& c : m_curves)
            m_curve->addItem(curveTitle(c.name), QString::fromStdString(c.name));
        m_curve->setCurrentIndex(std::max(0, m_curve->findData(shown)));
    }
    m_chart = {};
    const std::string name = curve().toStdString();
    for (const auto& c : m_curves)
        if (c.name == name)
            m_chart = curveChart(labelled, c, byFamily());
    const int bins = results() ? results()->settings.histogramBins : 20;
    m_histogram = histogramChart(m_chart.areas, bins, 0.0, 1.0);
    const std::set<std::int64_t> none;
    const auto& chosen = selection()->isActive() ? selection()->images() : none;
    const QString x = name == "insertion" ? tr("Share of pixels inserted, most salient first")
        : name == "lerf"                  ? tr("Share of pixels removed, least salient first")
                                          : tr("Share of pixels removed, most salient first");
    chart::buildCurves(m_curvePlot, m_chart.steps, x, tr("Mean class probability"), chosen);
    // A probability: the band stops at the axis' ends, whatever the spread.
    m_curvePlot->yAxis->setRange(-0.03, 1.03);
    std::vector<std::vector<std::int64_t>> selected;
    if (selection()->isActive())
        for (const auto& series : m_chart.areas)
            selected.push_back(selectedCounts(series, m_histogram, chosen));
    chart::buildHistogram(m_histogramPlot, m_histogram,
                          lowerIsBetter() ? tr("Area under the curve (lower is better)")
                                          : tr("Area under the curve (higher is better)"),
                          selected, byFamily() ? tr("maps (image \u00d7 model)") : tr("images"));
    finishPlot(m_curvePlot);
    finishPlot(m_histogramPlot);
}

const SeriesPoint* FaithfulnessChartView::pointAt(QCPAbstractPlottable* plottable, int dataIndex, int* series) const
{
    *series = chart::seriesOf(plottable);
    if (chart::roleOf(plottable) != QLatin1String(chart::DataRole) || *series < 0
        || *series >= int(m_chart.steps.series.size()))
        return nullptr;
    const auto& points = m_chart.steps.series[std::size_t(*series)].points;
    return dataIndex >= 0 && dataIndex < int(points.size()) ? &points[std::size_t(dataIndex)] : nullptr;
}

void FaithfulnessChartView::clicked(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex, QPointF coords)
{
    int series = -1;
    if (plot == m_curvePlot) {
        const SeriesPoint* point = pointAt(plottable, dataIndex, &series);
        if (!point)
            return;
        // At each step the worse images are those whose probability lies on the side the
        // faithful map would not put it: above the mean for deletion and MoRF, below it otherwise.
        const Better better = lowerIsBetter() ? Better::Lower : Better::Higher;
        selectImages(imagesWorseThanMean(*point, better),
                     tr("%1, %2 at %3% of the pixels: probability %4 the mean %5")
                         .arg(QString::fromStdString(m_chart.steps.series[std::size_t(series)].name),
                              m_curve->currentText())
                         .arg(point->x * 100, 0, 'f', 0)
                         .arg(better == Better::Lower ? tr("above") : tr("below"))
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
                 tr("%1: %2 area in [%3, %4)")
                     .arg(QString::fromStdString(s.name), m_curve->currentText())
                     .arg(low, 0, 'f', 2)
                     .arg(low + m_histogram.binWidth(), 0, 'f', 2));
}

QString FaithfulnessChartView::tooltip(QCustomPlot* plot, QCPAbstractPlottable* plottable, int dataIndex,
                                       QPointF coords)
{
    int series = -1;
    if (plot == m_curvePlot) {
        const SeriesPoint* point = pointAt(plottable, dataIndex, &series);
        if (!point)
            return {};
        return tr("%1, %2% of the pixels\nmean probability %3, SD %4 (%5 images)")
            .arg(QString::fromStdString(m_chart.steps.series[std::size_t(series)].name))
            .arg(point->x * 100, 0, 'f', 0)
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
    return tr("%1\narea in [%2, %3): %4 images\nClick to show them")
        .arg(QString::fromStdString(m_histogram.series[std::size_t(series)].name))
        .arg(low, 0, 'f', 2)
        .arg(low + m_histogram.binWidth(), 0, 'f', 2)
        .arg(m_histogram.series[std::size_t(series)].counts[std::size_t(bin)]);
}

} // namespace saliscope::ui
