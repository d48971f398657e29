// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/measureresults.h"

#include "core/measures/flatmaps.h"
#include "core/measures/measuresummary.h"
#include "core/project/projectrunplan.h"
#include "core/project/runparameters.h"
#include "core/store/projectstore.h"

#include <algorithm>

namespace saliscope {

std::vector<RunSet> groupRunSets(const std::vector<StoredRun>& runs)
{
    std::map<std::pair<std::int64_t, std::string>, RunSet> byKey;
    for (const auto& run : runs) {
        const auto kind = measureKindNamed(run.measure);
        if (!kind)
            continue;
        const std::string parameters = canonicalJson(run.parametersJson);
        auto& set = byKey[{run.datasetId, parameters}];
        set.datasetId = run.datasetId;
        set.parametersJson = parameters;
        auto& id = set.runIds[*kind];
        id = std::max(id, run.id);
        set.newestRunId = std::max(set.newestRunId, run.id);
        set.running = set.running || run.status == RunStatus::Running || run.status == RunStatus::Queued;
    }
    std::vector<RunSet> sets;
    for (auto& [key, set] : byKey)
        sets.push_back(std::move(set));
    std::sort(sets.begin(), sets.end(), [](const RunSet& a, const RunSet& b) { return a.newestRunId > b.newestRunId; });
    return sets;
}

int preferredRunSet(const std::vector<RunSet>& sets, std::int64_t datasetId)
{
    int best = -1;
    auto better = [&](int candidate) {
        if (best < 0)
            return true;
        const bool sameDataset = sets[std::size_t(candidate)].datasetId == datasetId;
        const bool bestSameDataset = sets[std::size_t(best)].datasetId == datasetId;
        if (sameDataset != bestSameDataset)
            return sameDataset;
        return sets[std::size_t(candidate)].runIds.size() > sets[std::size_t(best)].runIds.size();
    };
    for (int i = 0; i < int(sets.size()); ++i)
        if (sets[std::size_t(i)].runIds.size() > 1 && better(i))
            best = i;
    if (best < 0 && !sets.empty())
        best = 0;
    return best;
}

const MeasureTable* MeasureResults::table(MeasureKind kind) const
{
    for (const auto& t : tables)
        if (t.measure == kind && !t.rows.empty())
            return &t;
    return nullptr;
}

std::vector<ChartGroup> MeasureResults::groups(bool byFamily) const
{
    std::vector<ChartGroup> result;
    std::set<std::string> grouped;
    if (byFamily)
        for (const auto& family : families) {
            ChartGroup group{family.name, {family.members.begin(), family.members.end()}};
            grouped.insert(family.members.begin(), family.members.end());
            result.push_back(std::move(group));
        }
    for (const auto& model : models)
        if (!grouped.count(model))
            result.push_back(ChartGroup{model, {model}});
    return result;
}

std::string MeasureResults::familyOf(const std::string& model) const
{
    for (const auto& family : families)
        if (std::find(family.members.begin(), family.members.end(), model) != family.members.end())
            return family.name;
    return {};
}

std::vector<std::string> MeasureResults::imageGroupNames() const
{
    return grouping.splitsByGroup() ? grouping.groupNames() : std::vector<std::string>();
}

MeasureResults MeasureResults::ofImageGroup(const std::string& group) const
{
    MeasureResults part;
    part.datasetId = datasetId;
    part.settings = settings;
    part.families = families;
    part.models = models;
    part.grouping = grouping;
    part.tables = tablesOfImages(tables, [&](std::int64_t image) { return grouping.groupOf(image) == group; });
    // One group: its summary has the group's videos but no `groups`.
    part.summary = summarizeMeasures(part.tables, settings, families, ImageGrouping{{}, grouping.videos});
    return part;
}

MeasureResults MeasureResults::fromTables(std::vector<MeasureTable> tables, const std::string& parametersJson,
                                          std::int64_t datasetId, ImageGrouping grouping)
{
    MeasureResults results;
    results.datasetId = datasetId;
    results.grouping = std::move(grouping);
    results.tables = FlatMaps(tables).excluded(std::move(tables));
    RunParameters parameters = RunParameters::fromJson(parametersJson);
    results.settings = parameters.settings;
    results.families = std::move(parameters.families);
    results.models = parameters.modelNames();
    // Models named only by their rows (parameters without a model list) come after, sorted.
    std::set<std::string> known(results.models.begin(), results.models.end());
    std::set<std::string> extra;
    for (const auto& table : results.tables)
        if (table.measure != MeasureKind::Stability)
            for (const auto& row : table.rows)
                if (!known.count(row.model))
                    extra.insert(row.model);
    results.models.insert(results.models.end(), extra.begin(), extra.end());
    results.summary = summarizeMeasures(results.tables, results.settings, results.families, results.grouping);
    return results;
}

Result<MeasureResults> MeasureResults::load(ProjectStore& store, const RunSet& set)
{
    auto tables = storedMeasureTables(store, set.runIds);
    if (!tables)
        return tables.failure();
    auto grouping = storedImageGrouping(store, set.datasetId);
    if (!grouping)
        return grouping.failure();
    return fromTables(std::move(tables).value(), set.parametersJson, set.datasetId, std::move(grouping).value());
}

} // namespace saliscope
