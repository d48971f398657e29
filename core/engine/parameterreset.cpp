// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/parameterreset.h"

#include "core/engine/layersplit.h"

#include <torch/script.h>

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <stdexcept>

namespace saliscope::engine {

namespace {

constexpr const char* GroupSuffix = "_*";

/// Elements of the parameters (not buffers) inside a module, recursively.
int64_t parameterCount(const torch::jit::Module& module)
{
    int64_t count = 0;
    for (const auto& parameter : module.parameters(/*recurse=*/true))
        count += parameter.numel();
    return count;
}

bool holdsTensors(const torch::jit::Module& module)
{
    return module.parameters(true).size() > 0 || module.buffers(true).size() > 0;
}

/// The name group of a module's own tensor: "fc" for "fc_weight", "weight" for "weight".
std::string groupOf(const std::string& name) { return name.substr(0, name.find('_')); }

struct Block final {
    std::string path; ///< submodule path, or "<prefix>_*" for a group of the root's own tensors
    int64_t parameters = 0;
};

std::string joined(const std::string& prefix, const std::string& name)
{
    return prefix.empty() ? name : prefix + "." + name;
}

/// The submodule at a block's path; the paths come from the module's own tree.
torch::jit::Module submodule(const torch::jit::Module& root, const std::string& path)
{
    auto found = submoduleAt(root, path);
    if (!found)
        throw std::logic_error("no submodule '" + path + "'");
    return *found;
}

/// The blocks directly inside `module` (at `prefix`), in definition order.
std::vector<Block> blocksInside(const torch::jit::Module& module, const std::string& prefix)
{
    std::vector<Block> blocks;
    for (const auto& child : module.named_children())
        if (holdsTensors(child.value))
            blocks.push_back({joined(prefix, child.name), parameterCount(child.value)});
    if (!prefix.empty())
        return blocks; // a submodule's own tensors stay with it: it is split only into children
    auto addGroup = [&](const std::string& name, int64_t elements) {
        const std::string group = groupOf(name) + GroupSuffix;
        for (auto& block : blocks)
            if (block.path == group) {
                block.parameters += elements;
                return;
            }
        blocks.push_back({group, elements});
    };
    for (const auto& parameter : module.named_parameters(/*recurse=*/false))
        addGroup(parameter.name, parameter.value.numel());
    for (const auto& buffer : module.named_buffers(/*recurse=*/false))
        addGroup(buffer.name, 0);
    return blocks;
}

at::Tensor uniformLike(const at::Tensor& like, double bound, at::Generator& generator)
{
    return at::empty(like.sizes(), at::TensorOptions().dtype(at::kFloat)).uniform_(-bound, bound, generator);
}

double linearBound(const at::Tensor& weight)
{
    int64_t fanIn = weight.dim() >= 2 ? weight.size(1) : weight.numel();
    for (int64_t d = 2; d < weight.dim(); ++d)
        fanIn *= weight.size(d);
    return fanIn > 0 ? 1.0 / std::sqrt(double(fanIn)) : 0.0;
}

/// The new value of one tensor of a layer of type `type` ("" when unknown), named `name`;
/// `layerWeight` is the layer's own "weight" (for a bias's fan-in), or undefined.
at::Tensor freshValue(const std::string& type, const std::string& name, const at::Tensor& value,
                      const at::Tensor& layerWeight, at::Generator& generator)
{
    const bool weightLayer = type.find("Conv") != std::string::npos || type.ends_with("Linear");
    if (weightLayer && value.dim() < 2) // a convolution's or linear layer's bias
        return uniformLike(value, layerWeight.defined() ? linearBound(layerWeight) : 0.0, generator);
    if (value.dim() >= 2)
        return uniformLike(value, linearBound(value), generator);
    const bool one = name == "weight" || name.ends_with("_weight") || name.ends_with("running_var");
    return one ? at::ones(value.sizes(), at::kFloat) : at::zeros(value.sizes(), at::kFloat);
}

/// Re-initialises the direct tensors of `module`, treating them as a layer of type `type`;
/// `only` keeps those of one name group ("" keeps all).
void resetTensors(torch::jit::Module& module, const std::string& type, const std::string& only,
                  at::Generator& generator)
{
    at::Tensor weight;
    for (const auto& parameter : module.named_parameters(false))
        if (parameter.name == "weight")
            weight = parameter.value;
    torch::NoGradGuard noGrad;
    auto reset = [&](const std::string& name, at::Tensor value) {
        if (!only.empty() && groupOf(name) != only)
            return;
        if (!value.is_floating_point()) { // num_batches_tracked
            value.zero_();
            return;
        }
        value.copy_(freshValue(type, name, value, weight, generator));
    };
    for (const auto& parameter : module.named_parameters(false))
        reset(parameter.name, parameter.value);
    for (const auto& buffer : module.named_buffers(false))
        reset(buffer.name, buffer.value);
}

std::string typeName(const torch::jit::Module& module)
{
    const auto name = module.type()->name();
    return name ? name->name() : std::string();
}

} // namespace

std::vector<std::string> randomisationBlocks(const torch::jit::Module& module)
{
    std::vector<Block> blocks = blocksInside(module, "");
    const int64_t total = parameterCount(module);
    for (bool split = true; split;) {
        split = false;
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            if (blocks[b].path.ends_with(GroupSuffix) || 2 * blocks[b].parameters <= total)
                continue;
            std::vector<Block> inner = blocksInside(submodule(module, blocks[b].path), blocks[b].path);
            if (inner.size() < 2)
                continue;
            blocks.erase(blocks.begin() + std::ptrdiff_t(b));
            blocks.insert(blocks.begin() + std::ptrdiff_t(b), inner.begin(), inner.end());
            split = true;
            break;
        }
    }
    std::vector<std::string> paths;
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
        paths.push_back(it->path);
    return paths;
}

void resetBlock(torch::jit::Module& module, const std::string& block, std::uint64_t seed)
{
    at::Generator generator = at::detail::createCPUGenerator(seed);
    if (block.ends_with(GroupSuffix)) {
        resetTensors(module, "", block.substr(0, block.size() - 2), generator);
        return;
    }
    torch::jit::Module root = submodule(module, block);
    for (const auto& named : root.named_modules()) {
        torch::jit::Module layer = named.value;
        resetTensors(layer, typeName(layer), "", generator);
    }
}

} // namespace saliscope::engine
