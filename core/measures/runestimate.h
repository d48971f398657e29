// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measuresettings.h"
#include "core/measures/measuretable.h"

#include <cstdint>
#include <set>
#include <utility>
#include <vector>

namespace saliscope {

/// Map passes (one forward and, for the gradient methods, one backward pass each) that
/// runMeasures makes for one image and one model with this input size: the clean image, one per
/// noise level, one per transformation (rotations only for square inputs), one per degradation
/// mode and, for the sanity checks, one per randomisation step (sanity.steps) plus the
/// random-logit map. Entropy and stability reuse the clean pass.
int camPassesPerImage(const std::set<MeasureKind>& measures, const MeasureSettings& settings, int inputWidth,
                      int inputHeight);

/// Forward passes without a map that the faithfulness curves (deletion, insertion, ROAD) make for
/// one image and one model: (curves.steps + 1) per curve.
int curvePassesPerImage(const std::set<MeasureKind>& measures, const MeasureSettings& settings);

/// The CAM layer's channels the estimate assumes for a model whose count it is not given (the
/// model is not loaded): 1024, DenseNet-121's last block.
constexpr int AssumedCamChannels = 1024;

/// The size of a measure run before it starts, as the launcher shows it.
struct RunEstimate final {
    std::int64_t images = 0;
    int models = 0;
    std::int64_t passesPerImage = 0;      ///< map passes, summed over the models
    std::int64_t extraPassesPerImage = 0; ///< Score-CAM's masked forward passes, summed over the models
    std::int64_t curvePassesPerImage = 0; ///< the faithfulness curves' forward passes, summed over the models
    std::int64_t forwardPasses = 0;       ///< images x (passesPerImage + extraPassesPerImage + curvePassesPerImage)
    int assumedChannels = 0; ///< models counted with AssumedCamChannels (only where the method needs channels)
};

/// The work of running `measures` by settings.method over `images` images with models of these
/// input sizes (one entry per model). `channels` gives each model's CAM-layer channels
/// (Model::featureChannels), counted by Score-CAM (camMethodExtraForwardPasses); a model without
/// an entry, or with one <= 0, is counted with AssumedCamChannels.
RunEstimate estimateRun(const std::set<MeasureKind>& measures, const MeasureSettings& settings, std::int64_t images,
                        const std::vector<std::pair<int, int>>& inputSizes, const std::vector<int>& channels = {});
/// Adds `other`'s passes to `total` (the runs of several methods over the same images and models).
void addEstimate(RunEstimate& total, const RunEstimate& other);

} // namespace saliscope
