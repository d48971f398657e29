// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the engine: the blocks of a TorchScript module that the sanity checks' cascading
// randomisation re-initialises, and the re-initialisation itself (docs/measures.md, "Sanity
// checks"). Include only from engine .cpp files that already include LibTorch.

#include <cstdint>
#include <string>
#include <vector>

namespace torch::jit {
struct Module;
}

namespace saliscope::engine {

/// The module's parameterised blocks from the head down (output end first): its top-level
/// submodules that hold parameters or buffers, and its own top-level tensors grouped by their
/// name up to the first '_' ("fc_*" for fc_weight and fc_bias), in definition order, reversed.
/// A block that holds more than half of the module's parameters and has two or more such
/// blocks inside is replaced by them, repeatedly (DenseNet's `features` becomes conv0, norm0,
/// denseblock1, transition1, ..., norm5; ResNet's layer4 its bottlenecks; a transformer's
/// encoder its layers).
std::vector<std::string> randomisationBlocks(const torch::jit::Module& module);

/// Re-initialises every parameter and buffer of `block` (a path from randomisationBlocks()) in
/// place from a CPU generator seeded with `seed`, as PyTorch initialises the layer type:
/// convolutions and linear layers U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias
/// (kaiming_uniform with a = sqrt(5)); normalisation layers weight 1, bias 0, running mean 0,
/// running variance 1. Tensors of other or unknown layers: two or more dimensions as a linear
/// weight; one dimension ones when named "weight" or "running_var", zeros otherwise.
void resetBlock(torch::jit::Module& module, const std::string& block, std::uint64_t seed);

} // namespace saliscope::engine
