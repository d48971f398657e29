// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/measures/measurerunner.h"
#include "core/measures/measuresummary.h"
#include "core/project/projectrun.h"
#include "core/project/runparameters.h"
#include "core/store/storetypes.h"

#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <functional>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace saliscope {

class ImageCache;
class ProjectStore;
class StoreMeasureSink;

/// A project run resolved against an open project: what to compute, the dataset's content
/// hashes and the models' file hashes and input sizes (what identify the results), and the
/// stored run of each measure. runMeasuresInProject (CLI) and the GUI's run queue both build
/// one and drive it through ProjectRun.
struct ProjectRunPlan final {
    MeasureRunParams params;
    Shard shard;
    std::int64_t datasetId = 0;
    std::vector<std::string> contentHashes;        ///< one per dataset record; "" when unreadable
    std::map<std::string, std::string> fileHashes; ///< model name -> file hash
    std::vector<std::pair<int, int>> inputSizes;   ///< per model, in params.models order
    std::map<MeasureKind, std::int64_t> runIds;    ///< set by ProjectRun::registerRuns()

    /// The parameters its runs store.
    RunParameters parameters() const { return RunParameters::of(params, fileHashes); }
};

/// The stored rows of each run, as tables (for summaries).
Result<std::vector<MeasureTable>> storedMeasureTables(ProjectStore& store,
                                                      const std::map<MeasureKind, std::int64_t>& runIds);

/// The summary of runs (one per measure, same parameters) over every row the project stores for
/// them (summarizeMeasures, split by the groups and videos of the runs' dataset:
/// storedImageGrouping). Summaries are computed from the rows, never stored: at the end of a
/// command-line run (summary.json) and by MeasureResults for what the application and the
/// report show.
Result<QJsonObject> summarizeRuns(ProjectStore& store, const std::map<MeasureKind, std::int64_t>& runIds,
                                  const MeasureSettings& settings, const std::vector<FamilyEntry>& families);

/// The groups and videos of a stored dataset's images, by position (ImageGrouping::of over its
/// stored records): what splits its runs' summaries by group and by video.
Result<ImageGrouping> storedImageGrouping(ProjectStore& store, std::int64_t datasetId);

/// The dataset as the project stores it: records in position order (unreadable ones included,
/// as positions must match) and their content hashes; `problems` holds what its scan set aside.
Result<std::pair<Dataset, std::vector<std::string>>> storedDataset(ProjectStore& store, std::int64_t datasetId);

/// Rebuilds the plan of stored runs that share parameters, dataset and shard (as one project
/// run creates them), to resume them: models found by file hash, the dataset from its stored
/// images. Errors name a model or dataset that is no longer in the project.
Result<ProjectRunPlan> planFromStoredRuns(ProjectStore& store, const std::vector<std::int64_t>& runIds);

/// Streams each measure's rows into its run's store sink, and every row to an optional extra
/// sink; counts the rows. rowsReady may be called from any thread; the sink must not outlive
/// the store.
class ProjectRunSink final : public MeasureSink {
public:
    static Result<std::unique_ptr<ProjectRunSink>> make(ProjectStore& store, const ProjectRunPlan& plan,
                                                        MeasureSink* extra = nullptr);
    ~ProjectRunSink() override;

    void rowsReady(MeasureKind measure, const std::vector<std::string>& columns,
                   const std::vector<MeasureRow>& rows) override;
    /// Ok, or the first failed write of any run.
    Status status() const;
    /// Rows handed to the store so far.
    std::int64_t rowsWritten() const { return m_rows.load(); }

private:
    ProjectRunSink() = default;
    std::map<MeasureKind, std::unique_ptr<StoreMeasureSink>> m_sinks;
    MeasureSink* m_extra = nullptr;
    std::atomic<std::int64_t> m_rows{0};
};

/// The one protocol of a project run, driven by the command line (runMeasuresInProject, on one
/// thread) and by the application's run queue (MeasureQueue: the steps on the GUI thread, work()
/// on its worker thread), in this order:
///
///  1. plan: prepare() stores the dataset (content hashes), the models (file hashes, metadata) and
///     the families of a command-line run; the queue resolves a plan from the project instead
///     (planRunRequest, planFromStoredRuns) with the file hashes the project stored;
///  2. registerRuns(): the run of each measure with the plan's parameters, dataset and shard is
///     found (to resume it) or created queued;
///  3. resume(): images complete in every run of the plan are skipped;
///  4. start(): the runs become running; a sink that commits rows per batch and the image cache
///     beside the project are made;
///  5. work(), on any thread: each model file is hashed once per run (the queue's plan checks
///     that the file did not change since it was stored; prepare() hashed it already), then
///     runMeasures loads each model and streams the rows;
///  6. finish(): rows committed, compute time added, the runs finished, cancelled or failed;
///     the command line then computes the summary (summary()) for summary.json.
///
/// Steps 1-4 and 6 use the store on the thread that opened it.
class ProjectRun final {
public:
    /// A run of a plan resolved elsewhere (the queue); `modelFilesToCheck` when the plan's file
    /// hashes came from the project, so the files are checked in work().
    ProjectRun(ProjectRunPlan plan, bool modelFilesToCheck);
    ~ProjectRun();
    ProjectRun(ProjectRun&&) noexcept;
    ProjectRun& operator=(ProjectRun&&) noexcept;

    /// Step 1 for a command-line run: hashes the dataset and the model files, stores the dataset,
    /// the models (loaded for their metadata) and the families.
    static Result<ProjectRun> prepare(ProjectStore& store, MeasureRunParams params, const Shard& shard,
                                      const CancelToken& cancel);

    const ProjectRunPlan& plan() const { return m_plan; }
    /// Step 2; nothing to do when the plan already names its runs (resumed stored runs).
    Status registerRuns(ProjectStore& store);
    /// Sets every run of the plan to `status` (with `error` for failed and cancelled runs).
    Status setStatus(ProjectStore& store, RunStatus status, const std::string& error = {}) const;
    /// Step 3: returns how many images of the shard are complete in every run.
    Result<std::int64_t> resume(ProjectStore& store);
    /// Images of the dataset this run computes (after resume()).
    std::int64_t imagesToCompute() const;
    /// Step 4; `extra` (may be null) also receives every row, e.g. CSV files.
    Status start(ProjectStore& store, const std::string& projectPath, MeasureSink* extra = nullptr);

    using Work = std::function<Result<MeasureRunResult>(ProgressSink&, const CancelToken&)>;
    /// Step 5, after start(): self-contained (it shares the sink and cache), for any thread; the
    /// store must outlive it.
    Work work() const;
    /// Rows handed to the store so far (any thread, after start()).
    std::int64_t rowsWritten() const;
    /// Step 6: records work()'s outcome: rows committed, compute time added. When `measured`
    /// failed, or a write failed, the runs become cancelled ("cancelled") or failed and the error
    /// is returned; otherwise the runs are finished.
    Status finish(ProjectStore& store, const Result<MeasureRunResult>& measured);
    /// The summary over every row the project stores for the plan's runs (summarizeRuns): what
    /// the command line writes to summary.json. The project does not store it.
    Result<QJsonObject> summary(ProjectStore& store) const;

private:
    ProjectRunPlan m_plan;
    bool m_modelFilesToCheck = false;
    std::shared_ptr<ProjectRunSink> m_sink;
    std::shared_ptr<ImageCache> m_cache;
    std::chrono::steady_clock::time_point m_started;
};

} // namespace saliscope
