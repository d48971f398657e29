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

/// Grad-CAM passes (one forward and one backward pass each) that runMeasures makes for one image
/// and one model with this input size: the clean image, one per noise level, one per
/// transformation (rotations only for square inputs) and one per degradation mode. Entropy and
/// stability reuse the clean pass.
int camPassesPerImage(const std::set<MeasureKind>& measures, const MeasureSettings& settings, int inputWidth,
                      int inputHeight);

/// The size of a measure run before it starts, as the launcher shows it.
struct RunEstimate final {
    std::int64_t images = 0;
    int models = 0;
    std::int64_t passesPerImage = 0; ///< summed over the models
    std::int64_t forwardPasses = 0;  ///< images x passesPerImage
};

/// The work of running `measures` over `images` images with models of these input sizes (one
/// entry per model).
RunEstimate estimateRun(const std::set<MeasureKind>& measures, const MeasureSettings& settings, std::int64_t images,
                        const std::vector<std::pair<int, int>>& inputSizes);

} // namespace saliscope
