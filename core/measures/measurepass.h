// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The host side of a measure's rows: one Grad-CAM pass of an image turned into maps and values,
// and the RowInputs a measure asks for. The host batch (measurerunner.cpp) and the measure
// preview (ui/preview) both make their rows through these.
#pragma once

#include "core/engine/model.h"
#include "core/engine/ssim.h"
#include "core/measures/measure.h"

#include <vector>

namespace saliscope {

/// One Grad-CAM pass of one image on the host.
struct HostPass final {
    engine::CamOutput cam;    ///< prediction, float map, flat flag
    engine::ImageU8 small;    ///< quantizeMap(cam)
    engine::ImageU8 upscaled; ///< small at the model's input size
    PassValues values;        ///< score under the run's score kind, predicted class, flat
};

/// The passes of a batch's Grad-CAM outputs for a model with this metadata.
std::vector<HostPass> hostPasses(std::vector<engine::CamOutput> cams, const engine::ModelMetadata& metadata,
                                 ScoreKind score);

/// What `measure` needs of `pass` (the clean pass itself for CleanPass measures), against `clean`.
/// `annotation` is the image's human annotation at the input size, or null; `mask` its exact
/// artefact mask, or null.
RowInputs hostRowInputs(const Measure& measure, const MeasureVariant& variant, const HostPass& clean,
                        const HostPass& pass, int label, int positiveClass, const engine::ImageU8* annotation,
                        const engine::SsimParams& ssim, const engine::ImageU8* mask = nullptr);

/// structuralSimilarity(), NaN where the maps do not allow one (a window larger than the map).
double ssimOrNaN(const engine::ImageU8& first, const engine::ImageU8& second, const engine::SsimParams& params);

} // namespace saliscope
