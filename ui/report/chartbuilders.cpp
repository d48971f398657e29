// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/chartbuilders.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace saliscope::ui::chart {

namespace {

/// Removes what an earlier build left: plottables, items, colour scales, and resets axes.
void resetPlot(QCustomPlot* plot)
{
    plot->clearPlottables();
    plot->clearItems();
    for (int i = plot->plotLayout()->elementCount() - 1; i >= 0; --i)
        if (auto* scale = qobject_cast<QCPColorScale*>(plot->plotLayout()->elementAt(i)))
            plot->plotLayout()->remove(scale);
    if (auto* row = plot->legend->layout(); row != plot->axisRect()->insetLayout()) { // legendAbove() moved it
        row->take(plot->legend);
        plot->plotLayout()->remove(row);
        plot->axisRect()->insetLayout()->addElement(plot->legend, Qt::AlignTop | Qt::AlignRight);
        plot->legend->setWrap(0);
        plot->legend->setFillOrder(QCPLegend::foRowsFirst);
        plot->legend->setBorderPen(QPen(Qt::black));
        plot->legend->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    }
    plot->plotLayout()->simplify();
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->xAxis->setTickLabelRotation(0);
    plot->xAxis->grid()->setVisible(true);
    plot->yAxis->grid()->setVisible(true);
    plot->xAxis->setRangeReversed(false);
    plot->yAxis->setRangeReversed(false);
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    plot->legend->setFont(QFont(plot->font().family(), 8));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

template <typename Plottable> Plottable* tag(Plottable* plottable, int series, const char* role)
{
    plottable->setProperty("series", series);
    plottable->setProperty("role", QString::fromLatin1(role));
    if (QString::fromLatin1(role) != QLatin1String(DataRole)) {
        plottable->removeFromLegend();
        if (QString::fromLatin1(role) != QLatin1String(MarkerRole))
            plottable->setSelectable(QCP::stNone); // clicks and tooltips go to the data beneath
    }
    return plottable;
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

QString name(const std::string& text) { return QString::fromStdString(text); }

/// Moves the legend out of the axis rect into a row of its own above it, entries side by side
/// and as wide as they need, for charts whose data may reach any corner (resetPlot puts it back).
void legendAbove(QCustomPlot* plot)
{
    plot->axisRect()->insetLayout()->take(plot->legend);
    auto* row = new QCPLayoutGrid;
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, row);
    plot->plotLayout()->setRowStretchFactor(0, 0.001);
    row->addElement(0, 0, plot->legend);
    row->addElement(0, 1, new QCPLayoutElement(plot)); // empty: takes the rest of the width
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    plot->legend->setBrush(Qt::NoBrush);
    plot->legend->setMaximumSize(plot->legend->minimumOuterSizeHint().width(), QWIDGETSIZE_MAX);
}

/// Key of series `s` of `n` within a category (bars side by side, 0.8 wide together).
double offsetKey(double category, int s, int n) { return category + (s - (n - 1) / 2.0) * (0.8 / n); }

void categoryTicks(QCustomPlot* plot, const std::vector<std::string>& categories, const std::vector<double>& positions)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (std::size_t i = 0; i < categories.size(); ++i)
        ticker->addTick(positions[i], name(categories[i]));
    plot->xAxis->setTicker(ticker);
}

} // namespace

QColor seriesColor(int index)
{
    static const QColor palette[] = {QColor(31, 119, 180),  QColor(255, 127, 14), QColor(44, 160, 44),
                                     QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194),
                                     QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207),
                                     QColor(214, 39, 40)};
    return palette[index % 10];
}

QColor selectionColor() { return QColor(214, 39, 40); }

int seriesOf(const QCPAbstractPlottable* plottable)
{
    const QVariant value = plottable ? plottable->property("series") : QVariant();
    return value.isValid() ? value.toInt() : -1;
}

QString roleOf(const QCPAbstractPlottable* plottable)
{
    return plottable ? plottable->property("role").toString() : QString();
}

void buildHistogram(QCustomPlot* plot, const HistogramChart& chart, const QString& xLabel,
                    const std::vector<std::vector<std::int64_t>>& selected, const QString& yLabel)
{
    resetPlot(plot);
    double highest = 1;
    // The legend goes to the upper corner over the emptier third of the range.
    double leftMass = 0, rightMass = 0;
    for (const auto& series : chart.series)
        for (int b = 0; b < chart.binCount(); ++b) {
            if (b < chart.binCount() / 3)
                leftMass = std::max(leftMass, double(series.counts[std::size_t(b)]));
            if (b >= chart.binCount() - chart.binCount() / 3)
                rightMass = std::max(rightMass, double(series.counts[std::size_t(b)]));
        }
    plot->axisRect()->insetLayout()->setInsetAlignment(0,
                                                       Qt::AlignTop
                                                           | (rightMass > leftMass ? Qt::AlignLeft : Qt::AlignRight));
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        QVector<double> keys, values;
        for (int b = 0; b < chart.binCount(); ++b) {
            keys.append(chart.binCenter(b));
            values.append(double(series.counts[std::size_t(b)]));
            highest = std::max(highest, values.back());
        }
        auto* bars = tag(new QCPBars(plot->xAxis, plot->yAxis), int(s), DataRole);
        bars->setName(name(series.name));
        bars->setWidth(chart.binWidth());
        bars->setPen(QPen(seriesColor(int(s)), 1.5));
        bars->setBrush(withAlpha(seriesColor(int(s)), chart.series.size() > 1 ? 60 : 140));
        bars->setData(keys, values, true);
    }
    for (std::size_t s = 0; s < selected.size() && s < chart.series.size(); ++s) {
        QVector<double> keys, values;
        for (int b = 0; b < chart.binCount() && b < int(selected[s].size()); ++b) {
            keys.append(chart.binCenter(b));
            values.append(double(selected[s][std::size_t(b)]));
        }
        auto* bars = tag(new QCPBars(plot->xAxis, plot->yAxis), int(s), SelectionRole);
        bars->setWidth(chart.binWidth() / double(std::max<std::size_t>(1, selected.size())));
        bars->setPen(Qt::NoPen);
        bars->setBrush(withAlpha(selectionColor(), 200));
        QVector<double> shifted;
        for (double key : keys)
            shifted.append(key + (double(s) - (double(selected.size()) - 1) / 2.0) * bars->width());
        bars->setData(shifted, values, true);
    }
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel.isEmpty() ? QCoreApplication::translate("ChartBuilders", "images") : yLabel);
    plot->xAxis->setRange(chart.lower, chart.upper);
    plot->yAxis->setRange(0, highest * 1.12);
}

void buildBoxes(QCustomPlot* plot, const std::vector<BoxStats>& boxes, const QString& valueLabel)
{
    resetPlot(plot);
    plot->legend->setVisible(false);
    std::vector<std::string> names;
    std::vector<double> positions;
    double low = INFINITY, high = -INFINITY;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const auto& box = boxes[i];
        names.push_back(box.name);
        positions.push_back(double(i));
        if (box.count == 0)
            continue;
        auto* plottable = tag(new QCPStatisticalBox(plot->xAxis, plot->yAxis), int(i), DataRole);
        plottable->setName(name(box.name));
        plottable->setWidth(0.5);
        plottable->setPen(QPen(seriesColor(int(i)).darker(130), 1.2));
        plottable->setBrush(withAlpha(seriesColor(int(i)), 110));
        plottable->setOutlierStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, seriesColor(int(i)), 4));
        plottable->addData(double(i), box.lowerWhisker, box.lowerQuartile, box.median, box.upperQuartile,
                           box.upperWhisker, QVector<double>(box.outlierValues.begin(), box.outlierValues.end()));
        low = std::min(low, box.lowerWhisker);
        high = std::max(high, box.upperWhisker);
        for (double v : box.outlierValues) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
    }
    categoryTicks(plot, names, positions);
    plot->xAxis->setTickLabelRotation(boxes.size() > 5 ? 40 : 0);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setLabel({});
    plot->yAxis->setLabel(valueLabel);
    plot->xAxis->setRange(-0.6, double(boxes.size()) - 0.4);
    if (std::isfinite(low)) {
        const double margin = std::max(0.02, 0.06 * (high - low));
        plot->yAxis->setRange(low - margin, high + margin);
    }
}

void buildCurves(QCustomPlot* plot, const CategoryChart& chart, const QString& xLabel, const QString& yLabel,
                 const std::set<std::int64_t>& selection)
{
    resetPlot(plot);
    double low = INFINITY, high = -INFINITY;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        const QColor color = seriesColor(int(s));
        QVector<double> keys, means, lower, upper, picked, pickedKeys;
        for (const auto& point : series.points) {
            keys.append(point.x);
            means.append(point.mean);
            lower.append(point.mean - point.spread);
            upper.append(point.mean + point.spread);
            low = std::min(low, lower.back());
            high = std::max(high, upper.back());
            if (!selection.empty()) {
                const double mean = selectedMean(point, selection);
                if (std::isfinite(mean)) {
                    pickedKeys.append(point.x);
                    picked.append(mean);
                }
            }
        }
        auto* below = tag(plot->addGraph(), int(s), BandRole);
        below->setPen(Qt::NoPen);
        below->setData(keys, lower, true);
        auto* above = tag(plot->addGraph(), int(s), BandRole);
        above->setPen(Qt::NoPen);
        above->setBrush(withAlpha(color, 40));
        above->setChannelFillGraph(below);
        above->setData(keys, upper, true);
        auto* curve = tag(plot->addGraph(), int(s), DataRole);
        curve->setName(name(series.name));
        curve->setPen(QPen(color, 2));
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 6));
        curve->setData(keys, means, true);
        if (!pickedKeys.isEmpty()) {
            auto* chosen = tag(plot->addGraph(), int(s), SelectionRole);
            chosen->setPen(QPen(selectionColor(), 1.5, Qt::DashLine));
            chosen->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, selectionColor(), 6));
            chosen->setData(pickedKeys, picked, true);
        }
    }
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    if (!chart.positions.empty())
        plot->xAxis->setRange(chart.positions.front() - 0.02, chart.positions.back() + 0.02);
    if (std::isfinite(low)) {
        const double margin = std::max(0.02, 0.05 * (high - low));
        plot->yAxis->setRange(low - margin, high + margin);
    }
}

void buildBars(QCustomPlot* plot, const CategoryChart& chart, const QString& yLabel,
               const std::set<std::int64_t>& selection)
{
    resetPlot(plot);
    const int n = std::max<int>(1, int(chart.series.size()));
    double low = 0, high = 0;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        const auto& series = chart.series[s];
        const QColor color = seriesColor(int(s));
        QVector<double> keys, means, spreads, pickedKeys, picked;
        for (const auto& point : series.points) {
            keys.append(offsetKey(point.x, int(s), n));
            means.append(point.mean);
            spreads.append(point.spread);
            low = std::min(low, point.mean - point.spread);
            high = std::max(high, point.mean + point.spread);
            if (!selection.empty())
                if (const double mean = selectedMean(point, selection); std::isfinite(mean)) {
                    pickedKeys.append(keys.back());
                    picked.append(mean);
                }
        }
        auto* bars = tag(new QCPBars(plot->xAxis, plot->yAxis), int(s), DataRole);
        bars->setName(name(series.name));
        bars->setWidth(0.8 / n);
        bars->setPen(QPen(color.darker(130)));
        bars->setBrush(withAlpha(color, 170));
        bars->setData(keys, means, true);
        auto* errors = tag(new QCPErrorBars(plot->xAxis, plot->yAxis), int(s), BandRole);
        errors->setDataPlottable(bars);
        errors->setData(spreads);
        errors->setPen(QPen(QColor(60, 60, 60)));
        if (!pickedKeys.isEmpty()) {
            auto* chosen = tag(plot->addGraph(), int(s), SelectionRole);
            chosen->setLineStyle(QCPGraph::lsNone);
            chosen->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black), selectionColor(), 9));
            chosen->setData(pickedKeys, picked, true);
        }
    }
    categoryTicks(plot, chart.categories, chart.positions);
    plot->xAxis->setTickLabelRotation(chart.categories.size() > 4 ? 40 : 0);
    plot->xAxis->grid()->setVisible(false);
    plot->xAxis->setLabel({});
    plot->yAxis->setLabel(yLabel);
    if (!chart.positions.empty())
        plot->xAxis->setRange(chart.positions.front() - 0.6, chart.positions.back() + 0.6);
    const double margin = std::max(0.02, 0.08 * (high - low));
    plot->yAxis->setRange(low - (low < 0 ? margin : 0), high + margin);
    // Error bars reach above the bars; a legend inside the plot would hide their ends.
    legendAbove(plot);
}

void buildMatrix(QCustomPlot* plot, const PairMatrix& matrix, const QString& valueLabel,
                 std::optional<std::pair<int, int>> selectedPair)
{
    resetPlot(plot);
    plot->legend->setVisible(false);
    const int k = int(matrix.members.size());
    auto* map = tag(new QCPColorMap(plot->xAxis, plot->yAxis), 0, DataRole);
    map->setName(name(matrix.family));
    map->data()->setSize(std::max(k, 1), std::max(k, 1));
    map->data()->setRange(QCPRange(0, std::max(k - 1, 0)), QCPRange(0, std::max(k - 1, 0)));
    double low = 1;
    for (int a = 0; a < k; ++a)
        for (int b = 0; b < k; ++b) {
            const double value = matrix.mean[std::size_t(a)][std::size_t(b)];
            map->data()->setCell(b, a, std::isfinite(value) ? value : std::nan(""));
            if (std::isfinite(value))
                low = std::min(low, value);
            auto* text = new QCPItemText(plot);
            text->position->setType(QCPItemPosition::ptPlotCoords);
            text->position->setCoords(b, a);
            text->setText(std::isfinite(value) ? QString::number(value, 'f', 2) : QStringLiteral("\u2013"));
            text->setFont(QFont(plot->font().family(), k > 8 ? 7 : 9));
            text->setProperty("cellText", true);
            text->setColor(std::isfinite(value) && value < low + 0.5 * (1 - low) ? Qt::white : Qt::black);
        }
    // Text colours follow the final range: recolour now that the lowest value is known.
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i))) {
            const double value = text->text().toDouble();
            text->setColor(value < low + 0.5 * (1 - low) ? Qt::white : Qt::black);
        }
    auto* scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(0, 1, scale);
    scale->setLabel(valueLabel);
    map->setColorScale(scale);
    map->setGradient(QCPColorGradient::gpThermal);
    map->setInterpolate(false);
    map->setDataRange(QCPRange(std::min(low, 0.999), 1.0));
    auto* group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    std::vector<double> positions;
    for (int i = 0; i < k; ++i)
        positions.push_back(i);
    categoryTicks(plot, matrix.members, positions);
    QSharedPointer<QCPAxisTickerText> yTicks(new QCPAxisTickerText);
    for (int i = 0; i < k; ++i)
        yTicks->addTick(i, name(matrix.members[std::size_t(i)]));
    plot->yAxis->setTicker(yTicks);
    plot->xAxis->setTickLabelRotation(k > 3 ? 40 : 0);
    plot->xAxis->grid()->setVisible(false);
    plot->yAxis->grid()->setVisible(false);
    plot->yAxis->setRangeReversed(true);
    plot->xAxis->setLabel({});
    plot->yAxis->setLabel({});
    plot->xAxis->setRange(-0.5, k - 0.5);
    plot->yAxis->setRange(-0.5, k - 0.5);
    if (selectedPair && selectedPair->first >= 0 && selectedPair->second >= 0 && selectedPair->first < k
        && selectedPair->second < k)
        for (const auto& [row, column] : {*selectedPair, std::pair(selectedPair->second, selectedPair->first)}) {
            // A thick outline in the selection colour, with a thin white one inside it so the cell
            // stands out on the dark and the red parts of the colour scale alike.
            for (const auto& [inset, pen] :
                 {std::pair(0.04, QPen(selectionColor(), 3)), std::pair(0.1, QPen(Qt::white, 1))}) {
                auto* outline = new QCPItemRect(plot);
                outline->topLeft->setCoords(column - 0.5 + inset, row - 0.5 + inset);
                outline->bottomRight->setCoords(column + 0.5 - inset, row + 0.5 - inset);
                outline->setPen(pen);
                outline->setBrush(Qt::NoBrush);
                outline->setSelectable(false);
                outline->setProperty("selectedCell", QPoint(column, row));
            }
        }
}

void buildScatter(QCustomPlot* plot, const ScatterChart& chart, const QString& xLabel, const QString& yLabel,
                  const std::set<std::int64_t>& selection)
{
    resetPlot(plot);
    double low = INFINITY, high = -INFINITY;
    QVector<double> pickedX, pickedY, pickedT;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        QVector<double> t, x, y;
        for (const auto& p : chart.series[s].points) {
            t.append(double(t.size()));
            x.append(p.x);
            y.append(p.y);
            low = std::min({low, p.x, p.y});
            high = std::max({high, p.x, p.y});
            if (selection.count(p.image)) {
                pickedT.append(double(pickedT.size()));
                pickedX.append(p.x);
                pickedY.append(p.y);
            }
        }
        auto* curve = tag(new QCPCurve(plot->xAxis, plot->yAxis), int(s), DataRole);
        curve->setName(name(chart.series[s].name));
        curve->setLineStyle(QCPCurve::lsNone);
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, withAlpha(seriesColor(int(s)), 150), 5));
        curve->setData(t, x, y, true);
    }
    if (!pickedT.isEmpty()) {
        auto* chosen = tag(new QCPCurve(plot->xAxis, plot->yAxis), 0, SelectionRole);
        chosen->setLineStyle(QCPCurve::lsNone);
        chosen->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(selectionColor(), 1.5), Qt::NoBrush, 9));
        chosen->setData(pickedT, pickedX, pickedY, true);
    }
    // The diagonal: above it, blurring the object costs more than blurring the background.
    if (std::isfinite(low)) {
        auto* diagonal = new QCPItemStraightLine(plot);
        diagonal->point1->setCoords(0, 0);
        diagonal->point2->setCoords(1, 1);
        diagonal->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
        const double margin = std::max(0.02, 0.05 * (high - low));
        plot->xAxis->setRange(low - margin, high + margin);
        plot->yAxis->setRange(low - margin, high + margin);
    }
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    legendAbove(plot); // points may lie in any corner
}

void buildSanity(QCustomPlot* plot, const SanityChart& chart, const QString& xLabel, const QString& yLabel,
                 const QString& logitLabel, const std::set<std::int64_t>& selection, std::optional<double> threshold)
{
    buildCurves(plot, chart.steps, xLabel, yLabel, selection);
    double low = INFINITY, high = -INFINITY;
    for (const auto& series : chart.steps.series)
        for (const auto& point : series.points) {
            low = std::min(low, point.mean - point.spread);
            high = std::max(high, point.mean + point.spread);
        }
    for (std::size_t s = 0; s < chart.logit.series.size(); ++s) {
        const auto& points = chart.logit.series[s].points;
        if (points.empty())
            continue;
        const QColor color = seriesColor(int(s));
        auto* marker = tag(plot->addGraph(), int(s), MarkerRole);
        marker->setName(name(chart.logit.series[s].name));
        marker->setLineStyle(QCPGraph::lsNone);
        marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, QPen(color, 2), withAlpha(color, 90), 10));
        marker->setData({points.front().x}, {points.front().mean}, true);
        low = std::min(low, points.front().mean);
        high = std::max(high, points.front().mean);
        if (!selection.empty())
            if (const double mean = selectedMean(points.front(), selection); std::isfinite(mean)) {
                auto* chosen = tag(plot->addGraph(), int(s), SelectionRole);
                chosen->setLineStyle(QCPGraph::lsNone);
                chosen->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, selectionColor(), 6));
                chosen->setData({points.front().x}, {mean}, true);
            }
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (std::size_t i = 0; i < chart.steps.categories.size(); ++i)
        ticker->addTick(chart.steps.positions[i], name(chart.steps.categories[i]));
    ticker->addTick(chart.stepCount + 1, logitLabel);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.6, chart.stepCount + 1.4);
    legendAbove(plot); // the curves start at the top left and the random-logit marks sit at the right
    fitLegendAbove(plot);
    if (threshold) {
        auto* line = new QCPItemStraightLine(plot);
        line->setPen(QPen(QColor(90, 90, 90), 1, Qt::DashLine));
        line->point1->setCoords(0, *threshold);
        line->point2->setCoords(1, *threshold);
        low = std::min(low, *threshold);
        high = std::max(high, *threshold);
    }
    if (std::isfinite(low)) {
        high = std::max(high, 1.0); // the model's own map: similarity 1
        const double margin = std::max(0.02, 0.05 * (high - low));
        plot->yAxis->setRange(low - margin, high + margin);
    }
}

void fitLegendAbove(QCustomPlot* plot)
{
    int widest = 1;
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        widest = std::max(widest, plot->legend->item(i)->minimumOuterSizeHint().width());
    const int columns = std::max(1, (plot->width() - 20) / (widest + plot->legend->columnSpacing()));
    plot->legend->setWrap(plot->legend->itemCount() > columns ? columns : 0);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    plot->legend->setMaximumSize(plot->legend->minimumOuterSizeHint().width(), QWIDGETSIZE_MAX);
}

} // namespace saliscope::ui::chart

namespace saliscope::ui {

double ssimHistogramLower(const std::vector<SampleSeries>& series)
{
    double low = 1;
    bool any = false;
    for (const auto& s : series)
        for (const auto& sample : s.samples) {
            low = std::min(low, sample.value);
            any = true;
        }
    if (!any)
        return 0;
    return std::max(-1.0, std::min(0.9, std::floor(low * 10 + 1e-9) / 10));
}

} // namespace saliscope::ui
