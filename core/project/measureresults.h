// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/measures/measurerunner.h"
#include "core/measures/measuresummary.h"
#include "core/measures/measuretable.h"
#include "core/store/storetypes.h"

#include <QJsonObject>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace saliscope {
class ProjectStore;
}

namespace saliscope {

/// The runs of one measure invocation: same dataset and parameters, one run per measure.
struct RunSet final {
    std::int64_t datasetId = 0;
    std::string parametersJson;
    std::map<MeasureKind, std::int64_t> runIds;
    std::int64_t newestRunId = 0;
    bool running = false; ///< one of its runs is queued or running (results still arrive)
};

/// Groups stored runs into run sets (by dataset and parameters; the newest run of a measure
/// wins), newest set first.
std::vector<RunSet> groupRunSets(const std::vector<StoredRun>& runs);

/// The set a results view opens by default: the one with most measures on `datasetId`,
/// else on any dataset (newest first among equals); -1 when there is none.
int preferredRunSet(const std::vector<RunSet>& sets, std::int64_t datasetId);

/// A set of models shown as one series in the charts: a model, or a family of models.
struct ChartGroup final {
    std::string name;
    std::set<std::string> models;
};

/// Every per-image row of one run set, with what the charts need to read them: the settings
/// and families the runs were made with, the model names in run order and the summary
/// (summarizeMeasures over the rows). Values that involve a flat map are NaN in `tables`
/// (FlatMaps::excluded), so no chart, gallery or table shows them as measured; the `flat`
/// flags stay. Plain data, built on the thread that reads the store.
struct MeasureResults final {
    std::int64_t datasetId = 0;
    MeasureSettings settings;
    std::vector<FamilyEntry> families;
    std::vector<std::string> models;
    std::vector<MeasureTable> tables;
    QJsonObject summary;
    /// The group and video of each image of the dataset (by position); the summary is split by
    /// them (its models' `groups` and `videos`).
    ImageGrouping grouping;

    /// The table of a measure, or null when the set has none (or no rows yet).
    const MeasureTable* table(MeasureKind kind) const;
    /// One group per model (`byFamily` false), or per family plus one per model in none.
    std::vector<ChartGroup> groups(bool byFamily) const;
    /// The family a model belongs to, or "" when none.
    std::string familyOf(const std::string& model) const;

    /// The groups of the dataset's images when there are more than one (sorted), else none: the
    /// groups a scorecard, chart or report can be split by (ofImageGroup()).
    std::vector<std::string> imageGroupNames() const;
    /// The results of one group's images: rows of those images only, summary recomputed over them
    /// (its `videos` too); settings, families, models and grouping kept. A scorecard per group is
    /// scorecard(ofImageGroup(g).summary), the same numbers as groupScorecards(summary)[g]. The
    /// groups' counterpart of the run sets of one dataset split by salience method.
    MeasureResults ofImageGroup(const std::string& group) const;

    /// Reads a run set's rows from the store and summarises them, split by the groups and videos
    /// of its dataset's images.
    static Result<MeasureResults> load(ProjectStore& store, const RunSet& set);
    /// Builds from tables already in memory (tests, the CLI); parameters as a run stores them.
    static MeasureResults fromTables(std::vector<MeasureTable> tables, const std::string& parametersJson,
                                     std::int64_t datasetId = 0, ImageGrouping grouping = {});
};

} // namespace saliscope
