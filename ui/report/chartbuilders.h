// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/report/chartadapters.h"

#include <QColor>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <set>
#include <vector>

class QCustomPlot;
class QCPAbstractPlottable;

namespace saliscope::ui {

/// Functions that fill a QCustomPlot from chart adapter data: the measure views draw with them
/// on screen and the report draws with them on paper (QCustomPlot::toPainter). Each clears the
/// plot first. Plottables carry two properties: "series" (the index of the adapter's series)
/// and "role" (one of the ChartRole names); only "data" plottables appear in the legend.
namespace chart {

/// Role of a plottable: the data, a spread band around it, or the highlight of a selection.
inline constexpr const char* DataRole = "data";
inline constexpr const char* BandRole = "band";
inline constexpr const char* SelectionRole = "selection";
/// A data point drawn apart from its series' curve (the random-logit test beside the sanity
/// curves): clickable like data, but not in the legend.
inline constexpr const char* MarkerRole = "marker";

/// The colour of series `index` (a ten-colour palette, repeating).
QColor seriesColor(int index);
/// The colour that marks selected images.
QColor selectionColor();

/// The series index and role stored on a plottable (-1 and "" when absent).
int seriesOf(const QCPAbstractPlottable* plottable);
QString roleOf(const QCPAbstractPlottable* plottable);

/// Overlaid histograms, one translucent bar series per adapter series; `selected` (per series,
/// may be empty) overlays the counts of selected images in the selection colour. The y axis
/// says "images" unless `yLabel` is given (e.g. when an image counts once per model or pair).
void buildHistogram(QCustomPlot* plot, const HistogramChart& chart, const QString& xLabel,
                    const std::vector<std::vector<std::int64_t>>& selected = {}, const QString& yLabel = {});
/// One Tukey box per series along x, with outliers drawn as dots.
void buildBoxes(QCustomPlot* plot, const std::vector<BoxStats>& boxes, const QString& valueLabel);
/// Mean curves over the categories' positions with a +-1 SD band; with a selection, the mean
/// of the selected images as a dashed curve per series.
void buildCurves(QCustomPlot* plot, const CategoryChart& chart, const QString& xLabel, const QString& yLabel,
                 const std::set<std::int64_t>& selection = {});
/// Grouped bars of the means per category with +-1 SD error bars; with a selection, the mean of
/// the selected images as a marker on each bar.
void buildBars(QCustomPlot* plot, const CategoryChart& chart, const QString& yLabel,
               const std::set<std::int64_t>& selection = {});
/// The K x K mean-SSIM matrix as a colour map with its values written in the cells; a selected
/// pair (row, column) is outlined in the selection colour, with its mirror cell.
void buildMatrix(QCustomPlot* plot, const PairMatrix& matrix, const QString& valueLabel,
                 std::optional<std::pair<int, int>> selectedPair = std::nullopt);
/// Points per series; selected images drawn again, larger, in the selection colour. Bars and
/// points have their legend above the plot, where it covers nothing.
void buildScatter(QCustomPlot* plot, const ScatterChart& chart, const QString& xLabel, const QString& yLabel,
                  const std::set<std::int64_t>& selection = {});

/// The sanity checks: buildCurves() over the randomisation steps, then each series' random-logit
/// mean as a triangle (MarkerRole) at x = steps + 1, ticked "random logit"; with `threshold`, a
/// dashed line at that similarity (the pass line of the Spearman correlation).
void buildSanity(QCustomPlot* plot, const SanityChart& chart, const QString& xLabel, const QString& yLabel,
                 const QString& logitLabel, const std::set<std::int64_t>& selection = {},
                 std::optional<double> threshold = std::nullopt);

/// For a legend above the plot (as buildSanity's): as many entries a row as the plot's width
/// takes, each name whole. Call again when the plot's width changes.
void fitLegendAbove(QCustomPlot* plot);

} // namespace chart
/// Lower edge for a histogram of SSIM values: the minimum rounded down to 0.1, at least -1
/// (0 when there are no values).
double ssimHistogramLower(const std::vector<SampleSeries>& series);

} // namespace saliscope::ui
