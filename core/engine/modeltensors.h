// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the engine: a Model's Grad-CAM as device tensors, for the batched measures in
// devicemeasures.cpp. Include only from engine .cpp files that already include LibTorch.

#include "core/engine/cammethod.h"

#include <ATen/ATen.h>

namespace saliscope::engine {

class Model;

/// The maps of a batch kept where they were computed.
struct CamTensors final {
    at::Tensor logits; ///< N x C float32
    at::Tensor cams;   ///< N x h x w float32, min-max normalised to [0, 1], zeros where flat
    at::Tensor flat;   ///< N bool: max == min
};

/// Reaches a Model's TorchScript module with tensors that stay on its device.
struct ModelTensorAccess final {
    /// Maps of N x H x W x 3 uint8 pixels on the model's device by `method`, each explaining its
    /// predicted class (as Model::cams).
    static CamTensors cams(const Model& model, const at::Tensor& pixels, CamMethod method);
    /// Logits (float32) of the forward pass alone, without autograd.
    static at::Tensor logits(const Model& model, const at::Tensor& pixels);
    /// The paper's score of the model's class logits (N x C float32), as Prediction::positiveScore.
    static at::Tensor sigmoidScore(const Model& model, const at::Tensor& logits);
    static c10::Device device(const Model& model);
};

} // namespace saliscope::engine
