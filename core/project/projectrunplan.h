// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/result.h"
#include "core/measures/measurerunner.h"
#include "core/project/projectrun.h"
#include "core/store/storetypes.h"

#include <QJsonObject>

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace saliscope {

class ProjectStore;
class StoreMeasureSink;

/// A project run resolved against an open project: what to compute, the dataset's content
/// hashes and the models' file hashes and input sizes (what identify the results), and the
/// stored run of each measure. runMeasuresInProject (CLI) and the GUI's run queue both build
/// one; the steps below work on the thread that opened the store, runMeasures on any thread.
struct ProjectRunPlan final {
    MeasureRunParams params;
    Shard shard;
    std::int64_t datasetId = 0;
    std::vector<std::string> contentHashes;        ///< one per dataset record; "" when unreadable
    std::map<std::string, std::string> fileHashes; ///< model name -> file hash
    std::vector<std::pair<int, int>> inputSizes;   ///< per model, in params.models order
    std::map<MeasureKind, std::int64_t> runIds;    ///< set by registerRuns()
};

/// The parameters that define a run's results: settings, models (by file hash), families.
QJsonObject runParameters(const MeasureRunParams& params, const std::map<std::string, std::string>& fileHashes);

/// Finds the run of each measure with the plan's parameters, dataset and shard (to resume it)
/// or creates it with status queued; fills plan.runIds.
engine::Status registerRuns(ProjectStore& store, ProjectRunPlan& plan);

/// Positions of the images of the plan's shard that are complete in every run of the plan:
/// what a resumed run skips.
engine::Result<std::set<std::int64_t>> completedInEveryRun(ProjectStore& store, const ProjectRunPlan& plan);

/// Sets plan.params.includeImage to the images of the shard not in `done`; returns how many
/// images of the shard are in `done`.
std::int64_t skipCompletedImages(ProjectRunPlan& plan, const std::set<std::int64_t>& done);

/// Sets every run of the plan to `status` (with `error` for failed runs).
engine::Status setPlanStatus(ProjectStore& store, const ProjectRunPlan& plan, RunStatus status,
                             const std::string& error = {});

/// The stored rows of each run, as tables (for summaries).
engine::Result<std::vector<MeasureTable>> storedMeasureTables(ProjectStore& store,
                                                              const std::map<MeasureKind, std::int64_t>& runIds);

class ProjectRunSink;

/// Records runMeasures' outcome: commits the rows, adds `seconds` of compute time to the runs;
/// when `measured` failed, or a write of `sink` (may be null) failed, the runs become cancelled
/// ("cancelled") or failed and the error is returned; otherwise the summary over every stored
/// row is stored and the runs are finished.
engine::Result<QJsonObject> finishRuns(ProjectStore& store, const ProjectRunPlan& plan,
                                       const engine::Result<MeasureRunResult>& measured, double seconds,
                                       const ProjectRunSink* sink);

/// The dataset as the project stores it: records in position order (unreadable ones included,
/// as positions must match) and their content hashes; `problems` holds what its scan set aside.
engine::Result<std::pair<Dataset, std::vector<std::string>>> storedDataset(ProjectStore& store, std::int64_t datasetId);

/// Rebuilds the plan of stored runs that share parameters, dataset and shard (as one project
/// run creates them), to resume them: models found by file hash, the dataset from its stored
/// images. Errors name a model or dataset that is no longer in the project.
engine::Result<ProjectRunPlan> planFromStoredRuns(ProjectStore& store, const std::vector<std::int64_t>& runIds);

/// Streams each measure's rows into its run's store sink, and every row to an optional extra
/// sink; counts the rows. rowsReady may be called from any thread; the sink must not outlive
/// the store.
class ProjectRunSink final : public MeasureSink {
public:
    static engine::Result<std::unique_ptr<ProjectRunSink>> make(ProjectStore& store, const ProjectRunPlan& plan,
                                                                MeasureSink* extra = nullptr);
    ~ProjectRunSink() override;

    void rowsReady(MeasureKind measure, const std::vector<std::string>& columns,
                   const std::vector<MeasureRow>& rows) override;
    /// Ok, or the first failed write of any run.
    engine::Status status() const;
    /// Rows handed to the store so far.
    std::int64_t rowsWritten() const { return m_rows.load(); }

private:
    ProjectRunSink() = default;
    std::map<MeasureKind, std::unique_ptr<StoreMeasureSink>> m_sinks;
    MeasureSink* m_extra = nullptr;
    std::atomic<std::int64_t> m_rows{0};
};

} // namespace saliscope
