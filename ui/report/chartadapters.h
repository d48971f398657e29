// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/measureresults.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace saliscope::ui {

/// One per-image value of a chart (an image's position in the run's dataset and its value).
struct Sample final {
    std::int64_t image = 0;
    double value = 0;
};

/// The samples of one series (a model or a family).
struct SampleSeries final {
    std::string name;
    std::vector<Sample> samples;
};

/// Which way a number is better, so a click on a mean can pick the images on its worse side.
enum class Better { Higher, Lower };

/// Values of `column` per group, from rows whose variant is `variant` (every variant when
/// empty); non-finite values are left out.
std::vector<SampleSeries> columnSamples(const MeasureTable& table, const std::string& column,
                                        const std::vector<ChartGroup>& groups, const std::string& variant = {});

/// Per family, each image's mean pairwise SSIM over the family's model pairs (stability rows).
std::vector<SampleSeries> stabilityImageMeans(const MeasureTable& stability, const std::vector<FamilyEntry>& families);
/// Per family, every pairwise SSIM (one sample per image and pair).
std::vector<SampleSeries> stabilityPairValues(const MeasureTable& stability, const std::vector<FamilyEntry>& families);

/// Counts and images per bin of each series over [lower, upper] with equal bins (the bin rule
/// of statistics.h's histogram: the last bin includes `upper`, values outside are not counted).
struct HistogramChart final {
    struct Series final {
        std::string name;
        std::vector<std::int64_t> counts;
        std::vector<std::vector<std::int64_t>> images; ///< per bin, sorted, each image once
    };
    double lower = 0;
    double upper = 1;
    std::vector<Series> series;

    int binCount() const { return series.empty() ? 0 : int(series.front().counts.size()); }
    double binWidth() const { return binCount() ? (upper - lower) / binCount() : 0; }
    double binCenter(int bin) const { return lower + (bin + 0.5) * binWidth(); }
};
HistogramChart histogramChart(const std::vector<SampleSeries>& series, int bins, double lower, double upper);
/// How many samples of each bin belong to `selection` (for the highlight overlay).
std::vector<std::int64_t> selectedCounts(const SampleSeries& series, const HistogramChart& chart,
                                         const std::set<std::int64_t>& selection);

/// Tukey box of a sample: quartiles (linear interpolation, as numpy), whiskers at the furthest
/// values within 1.5 IQR of the box, and the images beyond them.
struct BoxStats final {
    std::string name;
    double lowerWhisker = 0, lowerQuartile = 0, median = 0, upperQuartile = 0, upperWhisker = 0;
    std::vector<double> outlierValues;
    std::vector<std::int64_t> outlierImages; ///< sorted, each once
    std::int64_t count = 0;
};
BoxStats boxStats(const SampleSeries& series);

/// A point of a curve or a bar: mean and standard deviation of its samples.
struct SeriesPoint final {
    double x = 0; ///< noise level, or category index for bars
    double mean = 0;
    double spread = 0; ///< population standard deviation
    std::vector<Sample> samples;
};
/// Per series, its points over categories (noise levels, transformations, degradation modes).
struct CategoryChart final {
    struct Series final {
        std::string name;
        std::vector<SeriesPoint> points; ///< one per category with samples, in category order
    };
    std::vector<std::string> categories;
    std::vector<double> positions; ///< x of each category
    std::vector<Series> series;
};
/// Mean and spread of `column` per group and variant; `variants` orders the categories and
/// `positions` gives their x (their index when empty).
CategoryChart categoryChart(const MeasureTable& table, const std::string& column, const std::vector<ChartGroup>& groups,
                            const std::vector<std::string>& variants, const std::vector<double>& positions = {});
/// The variants of a table in first-seen order (transformations, modes).
std::vector<std::string> variantsOf(const MeasureTable& table);
/// The noise levels as the runner names its variants ("0", "0.01", ...).
std::vector<std::string> noiseVariants(const std::vector<double>& levels);
/// The images of a point whose value lies on the worse side of the point's mean.
std::vector<std::int64_t> imagesWorseThanMean(const SeriesPoint& point, Better better);
/// Mean over the samples of a point that belong to `selection` (NaN when none do).
double selectedMean(const SeriesPoint& point, const std::set<std::int64_t>& selection);

/// K x K mean SSIM of a family's model pairs (1 on the diagonal), with the samples of each pair.
struct PairMatrix final {
    std::string family;
    std::vector<std::string> members;
    std::vector<std::vector<double>> mean;               ///< [a][b], symmetric
    std::vector<std::vector<std::vector<Sample>>> pairs; ///< [a][b] with a < b
};
std::vector<PairMatrix> stabilityMatrices(const MeasureTable& stability, const std::vector<FamilyEntry>& families);

/// Per-image score drop under background (x) and object (y) degradation, one point per image
/// and model, grouped into series.
struct ScatterChart final {
    struct Point final {
        std::int64_t image = 0;
        std::string model;
        double x = 0;
        double y = 0;
    };
    struct Series final {
        std::string name;
        std::vector<Point> points;
    };
    std::vector<Series> series;
};
ScatterChart degradationScatter(const MeasureTable& degradation, const std::vector<ChartGroup>& groups);
/// Images with a point inside [x0, x1] x [y0, y1] in any visible series (sorted, each once).
std::vector<std::int64_t> imagesInRectangle(const ScatterChart& chart, double x0, double x1, double y0, double y1,
                                            const std::vector<bool>& visible = {});

/// The results of one run set with the label its series carry when several sets share a chart
/// (the method's name, "Grad-CAM"; "" when the chart shows one set).
struct LabelledResults final {
    std::string label;
    const MeasureResults* results = nullptr;
};

/// The sanity checks' curves: per series (a model or family of each set, named "model (label)"
/// when the set has a label) the mean similarity of the randomised maps to the model's own at
/// each cascading randomisation step (category "1".."n" at x = step) with its spread, and the
/// random-logit test's mean as one point at x = n + 1. `logit.series[s]` belongs to
/// `steps.series[s]` (it has no point when the set has no random-logit rows).
struct SanityChart final {
    CategoryChart steps;
    CategoryChart logit;
    int stepCount = 0; ///< n: the largest number of steps of the sets
};
/// The sanity chart of `column` ("spearman" or "ssim_small") over the sets' sanity rows; sets
/// without sanity rows add no series.
SanityChart sanityChart(const std::vector<LabelledResults>& sets, const std::string& column, bool byFamily);

/// One faithfulness curve (docs/measures.md, "Deletion, insertion and ROAD"): the measure that
/// makes it, its index among the measure's curves and its name ("deletion", "insertion", "morf",
/// "lerf"; the summary's key).
struct FaithfulnessCurve final {
    MeasureKind measure = MeasureKind::Deletion;
    int curve = 0;
    std::string name;
    /// Whether a lower area is better (deletion, ROAD MoRF) or a higher one (insertion, LeRF).
    bool lowerIsBetter() const { return name == "deletion" || name == "morf"; }
};
/// The curves any of the sets has rows for, in the order deletion, insertion, MoRF, LeRF.
std::vector<FaithfulnessCurve> faithfulnessCurves(const std::vector<LabelledResults>& sets);

/// A faithfulness curve over the sets: per series (a model or family of each set, named
/// "model (label)" when the set has a label) the mean class probability at each step (category
/// "0".."steps" at x = the step's fraction) with its spread, and each image's area under the
/// curve (one sample per image and model). `areas[s]` belongs to `steps.series[s]`.
struct CurveChart final {
    CategoryChart steps;
    std::vector<SampleSeries> areas;
};
/// The chart of `curve` over the sets' rows; sets without its measure's rows add no series.
CurveChart curveChart(const std::vector<LabelledResults>& sets, const FaithfulnessCurve& curve, bool byFamily);

/// The localisation metrics in chart order, as the columns name them after their mask kind.
const std::vector<std::string>& localisationMetrics();
/// Localisation against one mask kind ("annotation" or "mask"): per series (as curveChart's) the
/// mean of each metric (categories localisationMetrics(), at x = 0, 1, ...) with its spread.
CategoryChart localisationChart(const std::vector<LabelledResults>& sets, const std::string& mask, bool byFamily);
/// The per-image values of one localisation column ("mask_rank") per series (as curveChart's).
std::vector<SampleSeries> localisationSamples(const std::vector<LabelledResults>& sets, const std::string& column,
                                              bool byFamily);

/// Sorted, duplicate-free image list.
std::vector<std::int64_t> uniqueImages(std::vector<std::int64_t> images);

} // namespace saliscope::ui
