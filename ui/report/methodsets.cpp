// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/methodsets.h"

#include "core/project/runparameters.h"

#include <algorithm>
#include <string>

namespace saliscope::ui {

namespace {

/// The dataset and parameters of a set with its method reset: equal for sets that differ only by
/// method.
std::string withoutMethod(const RunSet& set)
{
    RunParameters parameters = RunParameters::fromJson(set.parametersJson);
    parameters.settings.method = engine::CamMethod::GradCam;
    return std::to_string(set.datasetId) + "|" + parameters.toJson();
}

int methodOrder(engine::CamMethod method)
{
    const auto& all = engine::allCamMethods();
    return int(std::find(all.begin(), all.end(), method) - all.begin());
}

} // namespace

engine::CamMethod runSetMethod(const RunSet& set)
{
    return RunParameters::fromJson(set.parametersJson).settings.method;
}

std::vector<int> methodSiblings(const std::vector<RunSet>& sets, int index)
{
    std::vector<int> siblings;
    if (index < 0 || index >= int(sets.size()))
        return siblings;
    const std::string key = withoutMethod(sets[std::size_t(index)]);
    std::vector<std::pair<int, int>> ordered; // (method order, set index): each set's parameters read once
    for (int i = 0; i < int(sets.size()); ++i)
        if (withoutMethod(sets[std::size_t(i)]) == key)
            ordered.emplace_back(methodOrder(runSetMethod(sets[std::size_t(i)])), i);
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [order, i] : ordered)
        siblings.push_back(i);
    return siblings;
}

} // namespace saliscope::ui
