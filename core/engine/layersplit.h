// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the engine: splits a TorchScript module's forward graph at a layer.

#include "core/engine/result.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace torch::jit {
struct Module;
struct GraphFunction;
} // namespace torch::jit

namespace saliscope::engine {

/// The two halves of a forward graph: features(self, x) -> activation and
/// head(self, x, activation) -> logits. Calling head on a tensor that requires grad lets
/// Grad-CAM differentiate only the head.
struct LayerSplit final {
    std::shared_ptr<torch::jit::GraphFunction> features;
    std::shared_ptr<torch::jit::GraphFunction> head;
};

/// Splits `module.forward` where the submodule at `layerPath` ("layer4", "features.denseblock4")
/// returns. Errors name the layer and say why (absent, called conditionally, called twice).
Result<LayerSplit> splitAtLayer(const torch::jit::Module& module, const std::string& layerPath);

/// The submodule at `path` ("features.denseblock4"; "" is `module` itself), or nullopt when there
/// is none.
std::optional<torch::jit::Module> submoduleAt(const torch::jit::Module& module, const std::string& path);

/// Paths of the submodules that `module.forward` calls at its top level, in call order.
std::vector<std::string> topLevelLayerCalls(const torch::jit::Module& module);
/// Paths ("body.0", "body.1") of the submodules that the layer at `layerPath` calls at the top
/// level of its own forward, in call order; empty when there is no such layer.
std::vector<std::string> layerCallsInside(const torch::jit::Module& module, const std::string& layerPath);

} // namespace saliscope::engine
