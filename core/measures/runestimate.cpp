// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/runestimate.h"

#include "core/measures/measure.h"

namespace saliscope {

int camPassesPerImage(const std::set<MeasureKind>& measures, const MeasureSettings& settings, int inputWidth,
                      int inputHeight)
{
    int passes = 1; // the clean image: the predictions and every CleanPass and ModelPairs measure use it
    for (const Measure* measure : measureRegistry())
        if (measures.count(measure->kind()) && measure->source() == RowSource::VariantPasses)
            passes += int(measure->variants(settings, inputWidth, inputHeight).size());
    return passes;
}

RunEstimate estimateRun(const std::set<MeasureKind>& measures, const MeasureSettings& settings, std::int64_t images,
                        const std::vector<std::pair<int, int>>& inputSizes)
{
    RunEstimate estimate;
    estimate.images = images;
    estimate.models = int(inputSizes.size());
    for (const auto& [width, height] : inputSizes)
        estimate.passesPerImage += camPassesPerImage(measures, settings, width, height);
    estimate.forwardPasses = images * estimate.passesPerImage;
    return estimate;
}

} // namespace saliscope
