// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/measurepass.h"

#include "core/engine/cammaps.h"
#include "core/engine/entropy.h"
#include "core/measures/measurerunner.h"
#include "core/measures/statistics.h"

#include <limits>

namespace saliscope {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

/// Share of an upscaled map's salience inside the human annotation (pixels > 127); NaN when
/// the map is all zero.
double annotationMass(const engine::ImageU8& map, const engine::ImageU8& annotation)
{
    double inside = 0, total = 0;
    for (std::size_t p = 0; p < map.pixels.size() && p < annotation.pixels.size(); ++p) {
        total += map.pixels[p];
        if (annotation.pixels[p] > 127)
            inside += map.pixels[p];
    }
    return total > 0 ? inside / total : NaN;
}

} // namespace

double ssimOrNaN(const engine::ImageU8& first, const engine::ImageU8& second, const engine::SsimParams& params)
{
    auto value = engine::structuralSimilarity(first, second, params);
    return value ? value.value() : NaN;
}

std::vector<HostPass> hostPasses(std::vector<engine::CamOutput> cams, const engine::ModelMetadata& metadata,
                                 ScoreKind score)
{
    std::vector<HostPass> passes(cams.size());
    for (std::size_t i = 0; i < cams.size(); ++i) {
        auto& pass = passes[i];
        pass.cam = std::move(cams[i]);
        pass.small = engine::quantizeMap(pass.cam.cam);
        pass.upscaled = engine::upscaleMap(pass.small, metadata.inputWidth, metadata.inputHeight);
        pass.values.score = scoreOf(pass.cam.prediction, metadata, score);
        pass.values.predicted = pass.cam.prediction.predictedClass;
        pass.values.flat = pass.cam.flat;
    }
    return passes;
}

RowInputs hostRowInputs(const Measure& measure, const MeasureVariant& variant, const HostPass& clean,
                        const HostPass& pass, int label, int positiveClass, const engine::ImageU8* annotation,
                        const engine::SsimParams& ssim, const engine::ImageU8* mask)
{
    RowInputs in;
    in.label = label;
    in.positiveClass = positiveClass;
    in.clean = clean.values;
    in.pass = pass.values;
    const MapNeeds needs = measure.needs();
    if (needs.histogramEntropy) {
        const auto entropy = engine::histogramEntropy(pass.small);
        in.entropyBits = entropy.bits;
        in.normalizedEntropy = entropy.normalized;
    }
    if (needs.spatialEntropy)
        in.spatialEntropy = engine::spatialEntropy(pass.cam.cam);
    if (needs.annotationMass && annotation)
        in.annotationMass = annotationMass(pass.upscaled, *annotation);
    if (needs.localisation && annotation)
        in.annotationLocalisation = localisationScores(pass.upscaled, *annotation);
    if (needs.localisation && mask)
        in.maskLocalisation = localisationScores(pass.upscaled, *mask);
    if (needs.ssimSmall)
        in.ssimSmall = ssimOrNaN(pass.small, clean.small, ssim);
    if (needs.spearman)
        in.spearman =
            spearmanCorrelation(std::vector<double>(pass.cam.cam.values.begin(), pass.cam.cam.values.end()),
                                std::vector<double>(clean.cam.cam.values.begin(), clean.cam.cam.values.end()));
    if (needs.ssimUpscaled)
        in.ssimUpscaled = ssimOrNaN(pass.upscaled, measure.expectedMap(variant, clean.upscaled), ssim);
    return in;
}

} // namespace saliscope
