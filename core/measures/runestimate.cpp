// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/runestimate.h"

#include "core/measures/curvemeasures.h"
#include "core/measures/measure.h"

#include <algorithm>

namespace saliscope {

int camPassesPerImage(const std::set<MeasureKind>& measures, const MeasureSettings& settings, int inputWidth,
                      int inputHeight)
{
    int passes = 1; // the clean image: the predictions and every CleanPass and ModelPairs measure use it
    for (const Measure* measure : measureRegistry())
        if (measures.count(measure->kind())
            && (measure->source() == RowSource::VariantPasses || measure->source() == RowSource::RandomisedModels))
            passes += int(measure->variants(settings, inputWidth, inputHeight).size());
    return passes;
}

int curvePassesPerImage(const std::set<MeasureKind>& measures, const MeasureSettings& settings)
{
    int passes = 0;
    for (const Measure* measure : measureRegistry())
        if (measures.count(measure->kind()) && measure->source() == RowSource::ScoreCurves)
            passes += int(measure->variants(settings, 1, 1).size())
                * static_cast<const CurveMeasure*>(measure)->curveCount();
    return passes;
}

RunEstimate estimateRun(const std::set<MeasureKind>& measures, const MeasureSettings& settings, std::int64_t images,
                        const std::vector<std::pair<int, int>>& inputSizes, const std::vector<int>& channels)
{
    RunEstimate estimate;
    estimate.images = images;
    estimate.models = int(inputSizes.size());
    const bool needsChannels = engine::camMethodExtraForwardPasses(settings.method, 1) > 0;
    for (std::size_t i = 0; i < inputSizes.size(); ++i) {
        const int passes = camPassesPerImage(measures, settings, inputSizes[i].first, inputSizes[i].second);
        estimate.passesPerImage += passes;
        int modelChannels = i < channels.size() ? channels[i] : 0;
        if (modelChannels <= 0) {
            modelChannels = AssumedCamChannels;
            if (needsChannels)
                ++estimate.assumedChannels;
        }
        estimate.extraPassesPerImage += std::int64_t(passes)
            * engine::camMethodExtraForwardPasses(settings.method, modelChannels);
        estimate.curvePassesPerImage += curvePassesPerImage(measures, settings);
    }
    estimate.forwardPasses = images
        * (estimate.passesPerImage + estimate.extraPassesPerImage + estimate.curvePassesPerImage);
    return estimate;
}

void addEstimate(RunEstimate& total, const RunEstimate& other)
{
    total.images = std::max(total.images, other.images);
    total.models = std::max(total.models, other.models);
    total.passesPerImage += other.passesPerImage;
    total.extraPassesPerImage += other.extraPassesPerImage;
    total.curvePassesPerImage += other.curvePassesPerImage;
    total.forwardPasses += other.forwardPasses;
    total.assumedChannels = std::max(total.assumedChannels, other.assumedChannels);
}

} // namespace saliscope
