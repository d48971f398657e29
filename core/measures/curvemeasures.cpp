// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/curvemeasures.h"

#include "core/engine/degradation.h"
#include "core/measures/faithfulness.h"

#include <QString>

namespace saliscope {

std::vector<MeasureVariant> CurveMeasure::variants(const MeasureSettings& settings, int, int) const
{
    std::vector<MeasureVariant> steps;
    for (int step = 0; step <= settings.curves.steps; ++step) {
        MeasureVariant variant;
        variant.name = std::to_string(step);
        variant.level = double(step) / settings.curves.steps;
        steps.push_back(std::move(variant));
    }
    return steps;
}

void CurveMeasure::fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const
{
    row.set("fraction", variant.level);
    for (int curve = 0; curve < curveCount(); ++curve) {
        const bool known = std::size_t(curve) < in.curveProbability.size();
        const double nan = std::numeric_limits<double>::quiet_NaN();
        row.set(probabilityColumn(curve), known ? in.curveProbability[std::size_t(curve)] : nan);
        row.set(areaColumn(curve), known ? in.curveArea[std::size_t(curve)] : nan);
    }
    row.set("flat", in.clean.flat);
}

std::vector<std::string> CurveMeasure::flatExcluded(bool, bool cleanFlat) const
{
    std::vector<std::string> excluded;
    if (cleanFlat)
        for (int curve = 0; curve < curveCount(); ++curve) {
            excluded.push_back(probabilityColumn(curve));
            excluded.push_back(areaColumn(curve));
        }
    return excluded;
}

CurveContext CurveMeasure::context(const engine::ImageU8& input, const engine::ImageU8& cleanUpscaled,
                                   std::uint64_t noiseKey, const MeasureSettings& settings) const
{
    CurveContext context;
    context.order = salienceOrder(cleanUpscaled);
    context.noiseKey = noiseKey;
    if (settings.curves.baseline == CurveBaseline::Blur) {
        context.baseline = engine::gaussianFilterU8(input, settings.curves.blurSigma);
    } else {
        context.baseline = input;
        std::fill(context.baseline.pixels.begin(), context.baseline.pixels.end(),
                  std::uint8_t(settings.curves.constant));
    }
    return context;
}

namespace {

/// The pixels a step removes: `count` of the order from the most salient (or the least) end.
std::vector<std::uint8_t> removedAtStep(const CurveContext& context, int count, bool mostSalientFirst)
{
    const int pixels = int(context.order.size());
    return removedPixels(context.order, mostSalientFirst ? 0 : pixels - count, count);
}

} // namespace

const std::vector<std::string>& OneCurveMeasure::columns() const
{
    static const std::vector<std::string> columns{"fraction", "probability", "auc", "flat"};
    return columns;
}

Result<engine::ImageU8> DeletionMeasure::curveImage(const CurveContext& context, const engine::ImageU8& input,
                                                    const MeasureVariant& step, int, const MeasureSettings&) const
{
    const int count = pixelsAtFraction(step.level, int(context.order.size()));
    return replacePixels(input, context.baseline, removedAtStep(context, count, true));
}

Result<engine::ImageU8> InsertionMeasure::curveImage(const CurveContext& context, const engine::ImageU8& input,
                                                     const MeasureVariant& step, int, const MeasureSettings&) const
{
    // Inserting the most salient share f is removing the least salient 1 - f.
    const int pixels = int(context.order.size());
    const int inserted = pixelsAtFraction(step.level, pixels);
    return replacePixels(input, context.baseline, removedAtStep(context, pixels - inserted, false));
}

const std::vector<std::string>& RoadMeasure::columns() const
{
    static const std::vector<std::string> columns{"fraction", "morf", "lerf", "morf_auc", "lerf_auc", "flat"};
    return columns;
}

CurveContext RoadMeasure::context(const engine::ImageU8&, const engine::ImageU8& cleanUpscaled, std::uint64_t noiseKey,
                                  const MeasureSettings&) const
{
    CurveContext context;
    context.order = salienceOrder(cleanUpscaled);
    context.noiseKey = noiseKey;
    return context;
}

Result<engine::ImageU8> RoadMeasure::curveImage(const CurveContext& context, const engine::ImageU8& input,
                                                const MeasureVariant& step, int curve,
                                                const MeasureSettings& settings) const
{
    const int count = pixelsAtFraction(step.level, int(context.order.size()));
    // Each image, step and order draws its own noise, the same in every run.
    const std::uint64_t seed = context.noiseKey ^ (0x9e3779b97f4a7c15ULL * std::uint64_t(1 + step.level * 1e6))
        ^ (std::uint64_t(curve) << 56);
    auto imputed = noisyLinearImputation(input, removedAtStep(context, count, curve == 0), settings.curves.roadNoise,
                                         seed, std::uint8_t(settings.curves.constant));
    if (!imputed)
        return Error{"ROAD: " + imputed.error()};
    return imputed;
}

} // namespace saliscope
