// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/layersplit.h"

#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/api/module.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>
#include <torch/csrc/jit/passes/inliner.h>

#include <optional>
#include <sstream>

namespace saliscope::engine {

namespace {

using torch::jit::Graph;
using torch::jit::Node;
using torch::jit::Value;

std::vector<std::string> splitPath(const std::string& path)
{
    std::vector<std::string> parts;
    std::stringstream stream(path);
    for (std::string part; std::getline(stream, part, '.');)
        if (!part.empty())
            parts.push_back(part);
    return parts;
}

torch::jit::GraphFunction* calleeOf(Node* call)
{
    auto classType = call->input(0)->type()->cast<c10::ClassType>();
    if (!classType)
        return nullptr;
    auto* method = classType->findMethod(call->s(c10::attr::name));
    return method ? torch::jit::tryToGraphFunction(*method) : nullptr;
}

/// Inlines calls to methods of `owner` itself (forward -> _forward_impl -> ...), so that the
/// owner's submodule calls appear in the top-level block.
void inlineOwnMethods(Graph& graph, Value* owner)
{
    for (bool changed = true; changed;) {
        changed = false;
        for (Node* node : graph.block()->nodes()) {
            if (node->kind() == c10::prim::CallMethod && node->input(0) == owner) {
                if (auto* callee = calleeOf(node)) {
                    torch::jit::inlineCallTo(node, callee,
                                             callee->graph().get()); // the raw graph keeps submodule calls
                    changed = true;
                    break;
                }
            }
        }
    }
}

/// The submodule calls on `owner` at the top level: (attribute name, CallMethod node).
std::vector<std::pair<std::string, Node*>> submoduleCalls(Graph& graph, Value* owner)
{
    std::vector<std::pair<std::string, Node*>> calls;
    for (Node* node : graph.block()->nodes()) {
        if (node->kind() != c10::prim::CallMethod || node->s(c10::attr::name) != "forward")
            continue;
        Node* producer = node->input(0)->node();
        if (producer->kind() == c10::prim::GetAttr && producer->input(0) == owner)
            calls.emplace_back(producer->s(c10::attr::name), node);
    }
    return calls;
}

/// True when `owner.name` is used only inside nested blocks (an if or a loop body).
bool isCalledInsideBlocks(Graph& graph, Value* owner, const std::string& name)
{
    // Any GetAttr of `name` on owner whose uses sit inside a nested block means a conditional call.
    for (Node* node : graph.block()->nodes()) {
        if (node->kind() == c10::prim::GetAttr && node->input(0) == owner && node->s(c10::attr::name) == name)
            for (const auto& use : node->output()->uses())
                if (use.user->owningBlock() != graph.block())
                    return true;
    }
    return false;
}

struct Located final {
    std::shared_ptr<Graph> graph;
    std::size_t nodeIndex = 0;
};

/// Copies forward's graph, inlining the calls along `parts`; returns the graph and the
/// index (in its top block) of the call whose output is the layer's activation.
Result<Located> locateLayer(const torch::jit::Module& module, const std::vector<std::string>& parts,
                            const std::string& path)
{
    auto method = module.find_method("forward");
    if (!method)
        return Error{"the module has no forward method"};
    auto graph = method->graph()->copy();
    if (graph->inputs().size() != 2)
        return Error{"forward must take exactly one tensor argument, it takes "
                     + std::to_string(graph->inputs().size() - 1)};
    Value* owner = graph->inputs()[0];
    Node* target = nullptr;
    for (std::size_t level = 0; level < parts.size(); ++level) {
        inlineOwnMethods(*graph, owner);
        Node* found = nullptr;
        int count = 0;
        for (auto& [name, call] : submoduleCalls(*graph, owner))
            if (name == parts[level]) {
                found = call;
                ++count;
            }
        if (!found) {
            if (isCalledInsideBlocks(*graph, owner, parts[level]))
                return Error{"layer '" + path + "' is called conditionally in forward; choose another layer"};
            return Error{"layer '" + path + "' is not called by the model's forward"};
        }
        if (count > 1)
            return Error{"layer '" + path + "' is called more than once in forward; choose another layer"};
        if (level + 1 == parts.size()) {
            target = found;
            break;
        }
        // Descend: inline the submodule's forward; its `self` becomes the GetAttr value.
        Value* submodule = found->input(0);
        auto* callee = calleeOf(found);
        if (!callee)
            return Error{"layer '" + parts[level] + "' cannot be entered to reach '" + path + "'"};
        torch::jit::inlineCallTo(found, callee, callee->graph().get());
        owner = submodule;
    }
    if (target->outputs().size() != 1)
        return Error{"layer '" + path + "' returns more than one value"};
    std::size_t index = 0;
    for (Node* node : graph->block()->nodes()) {
        if (node == target)
            break;
        ++index;
    }
    return Located{graph, index};
}

Node* nodeAt(Graph& graph, std::size_t index)
{
    auto it = graph.block()->nodes().begin();
    std::advance(it, long(index));
    return *it;
}

std::shared_ptr<torch::jit::GraphFunction> makeFunction(const std::string& name, std::shared_ptr<Graph> graph)
{
    torch::jit::Inline(*graph);
    torch::jit::EliminateDeadCode(graph);
    return std::make_shared<torch::jit::GraphFunction>(c10::QualifiedName("saliscope." + name), graph, nullptr);
}

std::shared_ptr<Graph> featuresGraph(const Located& located)
{
    auto graph = located.graph->copy();
    Node* call = nodeAt(*graph, located.nodeIndex);
    while (graph->outputs().size() > 0)
        graph->eraseOutput(0);
    graph->registerOutput(call->output());
    // Everything after the layer is unused now; drop it (calls count as side effects for DCE).
    std::vector<Node*> later;
    for (Node* node = call->next(); node != graph->return_node(); node = node->next())
        later.push_back(node);
    for (auto it = later.rbegin(); it != later.rend(); ++it)
        (*it)->destroy();
    return graph;
}

std::shared_ptr<Graph> headGraph(const Located& located)
{
    auto graph = located.graph->copy();
    Node* call = nodeAt(*graph, located.nodeIndex);
    Value* activation = graph->addInput("activation");
    activation->setType(call->output()->type());
    call->output()->replaceAllUsesWith(activation);
    // The layer's call goes; whatever before it only fed the layer is removed by
    // dead-code elimination once the submodule calls are inlined (makeFunction).
    call->destroy();
    return graph;
}

} // namespace

Result<LayerSplit> splitAtLayer(const torch::jit::Module& module, const std::string& layerPath)
{
    const auto parts = splitPath(layerPath);
    if (parts.empty())
        return Error{"no layer name given"};
    try {
        auto located = locateLayer(module, parts, layerPath);
        if (!located)
            return Error{located.error()};
        LayerSplit split;
        split.features = makeFunction("features", featuresGraph(located.value()));
        split.head = makeFunction("head", headGraph(located.value()));
        return split;
    } catch (const std::exception& error) {
        return Error{"cannot split the model at layer '" + layerPath + "': " + error.what()};
    }
}

std::vector<std::string> topLevelLayerCalls(const torch::jit::Module& module)
{
    std::vector<std::string> names;
    auto method = module.find_method("forward");
    if (!method)
        return names;
    try {
        auto graph = method->graph()->copy();
        Value* owner = graph->inputs()[0];
        inlineOwnMethods(*graph, owner);
        for (auto& [name, call] : submoduleCalls(*graph, owner))
            names.push_back(name);
    } catch (const std::exception&) {
        names.clear();
    }
    return names;
}

std::optional<torch::jit::Module> submoduleAt(const torch::jit::Module& module, const std::string& path)
{
    torch::jit::Module layer = module;
    for (const std::string& part : splitPath(path)) {
        std::optional<torch::jit::Module> child;
        for (const auto& named : layer.named_children())
            if (named.name == part)
                child = named.value;
        if (!child)
            return std::nullopt;
        layer = *child;
    }
    return layer;
}

std::vector<std::string> layerCallsInside(const torch::jit::Module& module, const std::string& layerPath)
{
    const auto layer = submoduleAt(module, layerPath);
    if (!layer)
        return {};
    std::vector<std::string> paths;
    for (const std::string& call : topLevelLayerCalls(*layer))
        paths.push_back(layerPath + "." + call);
    return paths;
}

} // namespace saliscope::engine
