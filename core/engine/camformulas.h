// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the engine: the formulas of the salience methods (cammethod.h) on tensors, written
// from the methods' papers and checked against a plain-PyTorch reference (tests/engine,
// tst_cammethods). Include only from engine .cpp files that already include LibTorch.

#include "core/engine/cammethod.h"

#include <ATen/ATen.h>

#include <functional>
#include <utility>

namespace saliscope::engine {

/// The map of a gradient method or of Eigen-CAM before its ReLU: N x h x w float32 from the CAM
/// layer's activations and the explained logit's gradient there (both N x C x h x w float32; the
/// gradient is not read by Eigen-CAM). Score-CAM is scoreCamMaps().
at::Tensor layerCamMaps(CamMethod method, const at::Tensor& activations, const at::Tensor& gradients);

/// The logit each masked input gives its image's explained class: `masked` is M x 3 x H x W
/// (normalised float32 network input), `images` the M images (int64) they were made from.
using MaskedScores = std::function<at::Tensor(const at::Tensor& masked, const at::Tensor& images)>;

/// Score-CAM before its ReLU (N x h x w float32): each channel of the activations, upsampled to
/// the input (bilinear, corners aligned) and min-max scaled to [0, 1], masks the normalised input
/// `input` (N x 3 x H x W float32); the softmax over channels of the masked inputs' logits weighs
/// the channels. The N x C masked inputs go through `scores` in chunks of `chunk`.
at::Tensor scoreCamMaps(const at::Tensor& activations, const at::Tensor& input, int64_t chunk,
                        const MaskedScores& scores);

/// ReLU, then min-max normalisation of each map to [0, 1] (zeros where a map is flat): the
/// normalised maps and the N flat flags.
std::pair<at::Tensor, at::Tensor> normalisedMaps(const at::Tensor& maps);

} // namespace saliscope::engine
