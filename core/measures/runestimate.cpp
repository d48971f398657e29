// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/runestimate.h"

#include "core/engine/imageops.h"

namespace saliscope {

int camPassesPerImage(const std::set<MeasureKind>& measures, const MeasureSettings& settings, int inputWidth,
                      int inputHeight)
{
    int passes = 1; // the clean image: predictions, entropy and stability use it
    if (measures.count(MeasureKind::Noise))
        passes += int(settings.noise.levels.size());
    if (measures.count(MeasureKind::Transforms)) {
        const bool square = inputWidth == inputHeight;
        for (const auto& transform : engine::standardTransforms(inputWidth, settings.transforms)) {
            const bool rotation = transform.kind == engine::TransformKind::Rotate90Clockwise
                || transform.kind == engine::TransformKind::Rotate90CounterClockwise;
            if (square || !rotation)
                ++passes;
        }
    }
    if (measures.count(MeasureKind::Degradation))
        passes += 2; // background and object blurring
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
