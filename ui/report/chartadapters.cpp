// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/chartadapters.h"

#include "core/measures/curvemeasures.h"
#include "core/measures/measuresummary.h"
#include "core/measures/statistics.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace saliscope::ui {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

/// Index of the group holding `model`, per model name.
std::map<std::string, std::size_t> groupOfModel(const std::vector<ChartGroup>& groups)
{
    std::map<std::string, std::size_t> groupOf;
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (const auto& model : groups[g].models)
            groupOf.emplace(model, g);
    return groupOf;
}

/// Linear-interpolation quantile of sorted values (numpy's default).
double quantile(const std::vector<double>& sorted, double q)
{
    if (sorted.empty())
        return NaN;
    const double position = q * double(sorted.size() - 1);
    const auto below = std::size_t(std::floor(position));
    const auto above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - double(below)) * (sorted[above] - sorted[below]);
}

/// Finite small-map SSIMs of a family's stability rows: visit(member a, member b, sample), a < b.
template <typename Visit> void forEachPair(const MeasureTable& stability, const FamilyEntry& family, Visit visit)
{
    const int column = stability.column("ssim_small");
    if (column < 0)
        return;
    forEachFamilyPair(stability, family, [&](std::size_t a, std::size_t b, const MeasureRow& row) {
        const double value = row.values[std::size_t(column)];
        if (std::isfinite(value))
            visit(a, b, Sample{row.imageIndex, value});
    });
}

} // namespace

std::vector<std::int64_t> uniqueImages(std::vector<std::int64_t> images)
{
    std::sort(images.begin(), images.end());
    images.erase(std::unique(images.begin(), images.end()), images.end());
    return images;
}

std::vector<SampleSeries> columnSamples(const MeasureTable& table, const std::string& column,
                                        const std::vector<ChartGroup>& groups, const std::string& variant)
{
    std::vector<SampleSeries> series;
    for (const auto& group : groups)
        series.push_back(SampleSeries{group.name, {}});
    const int c = table.column(column);
    if (c < 0)
        return series;
    const auto groupOf = groupOfModel(groups);
    for (const auto& row : table.rows) {
        if (!variant.empty() && row.variant != variant)
            continue;
        const auto g = groupOf.find(row.model);
        const double value = row.values[std::size_t(c)];
        if (g != groupOf.end() && std::isfinite(value))
            series[g->second].samples.push_back(Sample{row.imageIndex, value});
    }
    return series;
}

std::vector<SampleSeries> stabilityImageMeans(const MeasureTable& stability, const std::vector<FamilyEntry>& families)
{
    std::vector<SampleSeries> series;
    for (const auto& family : families) {
        std::map<std::int64_t, std::pair<double, int>> sums;
        forEachPair(stability, family, [&](std::size_t, std::size_t, const Sample& sample) {
            auto& sum = sums[sample.image];
            sum.first += sample.value;
            ++sum.second;
        });
        SampleSeries s{family.name, {}};
        for (const auto& [image, sum] : sums)
            s.samples.push_back(Sample{image, sum.first / sum.second});
        series.push_back(std::move(s));
    }
    return series;
}

std::vector<SampleSeries> stabilityPairValues(const MeasureTable& stability, const std::vector<FamilyEntry>& families)
{
    std::vector<SampleSeries> series;
    for (const auto& family : families) {
        SampleSeries s{family.name, {}};
        forEachPair(stability, family,
                    [&](std::size_t, std::size_t, const Sample& sample) { s.samples.push_back(sample); });
        series.push_back(std::move(s));
    }
    return series;
}

HistogramChart histogramChart(const std::vector<SampleSeries>& series, int bins, double lower, double upper)
{
    HistogramChart chart;
    chart.lower = lower;
    chart.upper = upper;
    bins = std::max(bins, 1);
    Histogram rule{lower, upper, std::vector<std::int64_t>(std::size_t(bins), 0)};
    for (const auto& s : series) {
        HistogramChart::Series out{s.name, std::vector<std::int64_t>(std::size_t(bins), 0),
                                   std::vector<std::vector<std::int64_t>>(std::size_t(bins))};
        for (const auto& sample : s.samples) {
            const int bin = rule.binOf(sample.value);
            if (bin < 0)
                continue;
            ++out.counts[std::size_t(bin)];
            out.images[std::size_t(bin)].push_back(sample.image);
        }
        for (auto& images : out.images)
            images = uniqueImages(std::move(images));
        chart.series.push_back(std::move(out));
    }
    return chart;
}

std::vector<std::int64_t> selectedCounts(const SampleSeries& series, const HistogramChart& chart,
                                         const std::set<std::int64_t>& selection)
{
    std::vector<std::int64_t> counts(std::size_t(chart.binCount()), 0);
    Histogram rule{chart.lower, chart.upper, counts};
    for (const auto& sample : series.samples)
        if (selection.count(sample.image))
            if (const int bin = rule.binOf(sample.value); bin >= 0)
                ++counts[std::size_t(bin)];
    return counts;
}

BoxStats boxStats(const SampleSeries& series)
{
    BoxStats box;
    box.name = series.name;
    std::vector<double> values;
    for (const auto& sample : series.samples)
        values.push_back(sample.value);
    std::sort(values.begin(), values.end());
    box.count = std::int64_t(values.size());
    if (values.empty()) {
        box.lowerWhisker = box.lowerQuartile = box.median = box.upperQuartile = box.upperWhisker = NaN;
        return box;
    }
    box.lowerQuartile = quantile(values, 0.25);
    box.median = quantile(values, 0.5);
    box.upperQuartile = quantile(values, 0.75);
    const double reach = 1.5 * (box.upperQuartile - box.lowerQuartile);
    const double low = box.lowerQuartile - reach, high = box.upperQuartile + reach;
    box.lowerWhisker = *std::lower_bound(values.begin(), values.end(), low);
    box.upperWhisker = *(std::upper_bound(values.begin(), values.end(), high) - 1);
    for (const auto& sample : series.samples)
        if (sample.value < low || sample.value > high) {
            box.outlierValues.push_back(sample.value);
            box.outlierImages.push_back(sample.image);
        }
    box.outlierImages = uniqueImages(std::move(box.outlierImages));
    return box;
}

std::vector<std::string> variantsOf(const MeasureTable& table)
{
    std::vector<std::string> variants;
    std::set<std::string> seen;
    for (const auto& row : table.rows)
        if (seen.insert(row.variant).second)
            variants.push_back(row.variant);
    return variants;
}

std::vector<std::string> noiseVariants(const std::vector<double>& levels)
{
    std::vector<std::string> variants;
    for (double level : levels)
        variants.push_back(QString::number(level, 'g', 12).toStdString());
    return variants;
}

CategoryChart categoryChart(const MeasureTable& table, const std::string& column, const std::vector<ChartGroup>& groups,
                            const std::vector<std::string>& variants, const std::vector<double>& positions)
{
    CategoryChart chart;
    chart.categories = variants;
    for (std::size_t i = 0; i < variants.size(); ++i)
        chart.positions.push_back(i < positions.size() ? positions[i] : double(i));
    std::map<std::string, std::size_t> categoryOf;
    for (std::size_t i = 0; i < variants.size(); ++i)
        categoryOf[variants[i]] = i;
    const auto groupOf = groupOfModel(groups);
    std::vector<std::vector<std::vector<Sample>>> samples(groups.size(),
                                                          std::vector<std::vector<Sample>>(variants.size()));
    if (const int c = table.column(column); c >= 0)
        for (const auto& row : table.rows) {
            const auto g = groupOf.find(row.model);
            const auto v = categoryOf.find(row.variant);
            const double value = row.values[std::size_t(c)];
            if (g != groupOf.end() && v != categoryOf.end() && std::isfinite(value))
                samples[g->second][v->second].push_back(Sample{row.imageIndex, value});
        }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        CategoryChart::Series series{groups[g].name, {}};
        for (std::size_t v = 0; v < variants.size(); ++v) {
            if (samples[g][v].empty())
                continue;
            std::vector<double> values;
            for (const auto& s : samples[g][v])
                values.push_back(s.value);
            const auto summary = summarize(values);
            series.points.push_back(
                SeriesPoint{chart.positions[v], summary.mean, summary.standardDeviation, std::move(samples[g][v])});
        }
        chart.series.push_back(std::move(series));
    }
    return chart;
}

std::vector<std::int64_t> imagesWorseThanMean(const SeriesPoint& point, Better better)
{
    std::vector<std::int64_t> images;
    for (const auto& sample : point.samples)
        if (better == Better::Higher ? sample.value < point.mean : sample.value > point.mean)
            images.push_back(sample.image);
    return uniqueImages(std::move(images));
}

double selectedMean(const SeriesPoint& point, const std::set<std::int64_t>& selection)
{
    double sum = 0;
    int count = 0;
    for (const auto& sample : point.samples)
        if (selection.count(sample.image)) {
            sum += sample.value;
            ++count;
        }
    return count ? sum / count : NaN;
}

std::vector<PairMatrix> stabilityMatrices(const MeasureTable& stability, const std::vector<FamilyEntry>& families)
{
    std::vector<PairMatrix> matrices;
    for (const auto& family : families) {
        const std::size_t k = family.members.size();
        PairMatrix matrix{family.name, family.members, std::vector<std::vector<double>>(k, std::vector<double>(k, NaN)),
                          std::vector<std::vector<std::vector<Sample>>>(k, std::vector<std::vector<Sample>>(k))};
        forEachPair(stability, family,
                    [&](std::size_t a, std::size_t b, const Sample& sample) { matrix.pairs[a][b].push_back(sample); });
        for (std::size_t a = 0; a < k; ++a) {
            matrix.mean[a][a] = 1.0;
            for (std::size_t b = a + 1; b < k; ++b) {
                std::vector<double> values;
                for (const auto& s : matrix.pairs[a][b])
                    values.push_back(s.value);
                matrix.mean[a][b] = matrix.mean[b][a] = summarize(values).mean;
            }
        }
        matrices.push_back(std::move(matrix));
    }
    return matrices;
}

ScatterChart degradationScatter(const MeasureTable& degradation, const std::vector<ChartGroup>& groups)
{
    ScatterChart chart;
    for (const auto& group : groups)
        chart.series.push_back(ScatterChart::Series{group.name, {}});
    const int c = degradation.column("confidence_drop");
    if (c < 0)
        return chart;
    std::map<std::pair<std::string, std::int64_t>, std::pair<double, double>> drops;
    for (const auto& row : degradation.rows) {
        auto& pair = drops.try_emplace({row.model, row.imageIndex}, NaN, NaN).first->second;
        if (row.variant == "background")
            pair.first = row.values[std::size_t(c)];
        else if (row.variant == "object")
            pair.second = row.values[std::size_t(c)];
    }
    const auto groupOf = groupOfModel(groups);
    for (const auto& [key, pair] : drops) {
        const auto g = groupOf.find(key.first);
        if (g != groupOf.end() && std::isfinite(pair.first) && std::isfinite(pair.second))
            chart.series[g->second].points.push_back(
                ScatterChart::Point{key.second, key.first, pair.first, pair.second});
    }
    return chart;
}

std::vector<std::int64_t> imagesInRectangle(const ScatterChart& chart, double x0, double x1, double y0, double y1,
                                            const std::vector<bool>& visible)
{
    if (x0 > x1)
        std::swap(x0, x1);
    if (y0 > y1)
        std::swap(y0, y1);
    std::vector<std::int64_t> images;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        if (s < visible.size() && !visible[s])
            continue;
        for (const auto& p : chart.series[s].points)
            if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1)
                images.push_back(p.image);
    }
    return uniqueImages(std::move(images));
}

SanityChart sanityChart(const std::vector<LabelledResults>& sets, const std::string& column, bool byFamily)
{
    SanityChart chart;
    for (const auto& set : sets)
        if (set.results && set.results->table(MeasureKind::Sanity))
            chart.stepCount = std::max(chart.stepCount, set.results->settings.sanity.steps);
    std::vector<std::string> steps;
    std::vector<double> positions;
    for (int k = 1; k <= chart.stepCount; ++k) {
        steps.push_back(std::to_string(k));
        positions.push_back(k);
    }
    chart.steps.categories = steps;
    chart.steps.positions = positions;
    chart.logit.categories = {"logit"};
    chart.logit.positions = {double(chart.stepCount + 1)};
    for (const auto& set : sets) {
        const MeasureTable* table = set.results ? set.results->table(MeasureKind::Sanity) : nullptr;
        if (!table)
            continue;
        const auto groups = set.results->groups(byFamily);
        auto curves = categoryChart(*table, column, groups, steps, positions);
        auto logit = categoryChart(*table, column, groups, {"logit"}, {double(chart.stepCount + 1)});
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (!set.label.empty()) {
                curves.series[g].name += " (" + set.label + ")";
                logit.series[g].name = curves.series[g].name;
            }
            chart.steps.series.push_back(std::move(curves.series[g]));
            chart.logit.series.push_back(std::move(logit.series[g]));
        }
    }
    return chart;
}

std::vector<FaithfulnessCurve> faithfulnessCurves(const std::vector<LabelledResults>& sets)
{
    std::vector<FaithfulnessCurve> curves;
    for (MeasureKind kind : {MeasureKind::Deletion, MeasureKind::Insertion, MeasureKind::Road}) {
        const bool any = std::any_of(sets.begin(), sets.end(), [kind](const LabelledResults& set) {
            return set.results && set.results->table(kind);
        });
        if (!any)
            continue;
        const auto& measure = static_cast<const CurveMeasure&>(measureOf(kind));
        for (int curve = 0; curve < measure.curveCount(); ++curve)
            curves.push_back(FaithfulnessCurve{kind, curve, measure.curveName(curve)});
    }
    return curves;
}

CurveChart curveChart(const std::vector<LabelledResults>& sets, const FaithfulnessCurve& curve, bool byFamily)
{
    CurveChart chart;
    int steps = 0;
    for (const auto& set : sets)
        if (set.results && set.results->table(curve.measure))
            steps = std::max(steps, set.results->settings.curves.steps);
    std::vector<std::string> variants;
    std::vector<double> positions;
    for (int step = 0; step <= steps && steps > 0; ++step) {
        variants.push_back(std::to_string(step));
        positions.push_back(double(step) / steps);
    }
    chart.steps.categories = variants;
    chart.steps.positions = positions;
    const auto& measure = static_cast<const CurveMeasure&>(measureOf(curve.measure));
    for (const auto& set : sets) {
        const MeasureTable* table = set.results ? set.results->table(curve.measure) : nullptr;
        if (!table)
            continue;
        const auto groups = set.results->groups(byFamily);
        auto means = categoryChart(*table, measure.probabilityColumn(curve.curve), groups, variants, positions);
        // The image's area is on each of its rows: its first step's row counts it once.
        auto areas = columnSamples(*table, measure.areaColumn(curve.curve), groups, "0");
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (!set.label.empty()) {
                means.series[g].name += " (" + set.label + ")";
                areas[g].name = means.series[g].name;
            }
            chart.steps.series.push_back(std::move(means.series[g]));
            chart.areas.push_back(std::move(areas[g]));
        }
    }
    return chart;
}

const std::vector<std::string>& localisationMetrics()
{
    static const std::vector<std::string> metrics{"pointing", "mass", "rank", "auc"};
    return metrics;
}

std::vector<SampleSeries> localisationSamples(const std::vector<LabelledResults>& sets, const std::string& column,
                                              bool byFamily)
{
    std::vector<SampleSeries> series;
    for (const auto& set : sets) {
        const MeasureTable* table = set.results ? set.results->table(MeasureKind::Localisation) : nullptr;
        if (!table)
            continue;
        for (auto& s : columnSamples(*table, column, set.results->groups(byFamily))) {
            if (!set.label.empty())
                s.name += " (" + set.label + ")";
            series.push_back(std::move(s));
        }
    }
    return series;
}

CategoryChart localisationChart(const std::vector<LabelledResults>& sets, const std::string& mask, bool byFamily)
{
    CategoryChart chart;
    const auto& metrics = localisationMetrics();
    for (std::size_t m = 0; m < metrics.size(); ++m) {
        chart.categories.push_back(metrics[m]);
        chart.positions.push_back(double(m));
    }
    for (std::size_t m = 0; m < metrics.size(); ++m) {
        const auto samples = localisationSamples(sets, mask + "_" + metrics[m], byFamily);
        if (chart.series.empty())
            for (const auto& s : samples)
                chart.series.push_back(CategoryChart::Series{s.name, {}});
        for (std::size_t s = 0; s < samples.size() && s < chart.series.size(); ++s) {
            if (samples[s].samples.empty())
                continue;
            std::vector<double> values;
            for (const auto& sample : samples[s].samples)
                values.push_back(sample.value);
            const auto summary = summarize(values);
            chart.series[s].points.push_back(
                SeriesPoint{chart.positions[m], summary.mean, summary.standardDeviation, samples[s].samples});
        }
    }
    return chart;
}

} // namespace saliscope::ui
