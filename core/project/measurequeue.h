// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobs/jobmanager.h"
#include "core/measures/measuresettings.h"
#include "core/measures/measuretable.h"
#include "core/store/storetypes.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <utility>
#include <vector>

class QTimer;

namespace saliscope {
struct MeasureRunResult;
struct ProjectRunPlan;
class ProjectRun;
} // namespace saliscope

namespace saliscope {

class ProjectSession;

/// What the launcher asks for: measures over a dataset of the project with models ticked one by
/// one and whole families; stability compares within each family (or all models when none).
struct RunRequest final {
    std::set<MeasureKind> measures;     ///< Predictions is always added
    std::vector<std::int64_t> modelIds; ///< models ticked on their own
    std::vector<QString> families;      ///< families ticked (all their members take part)
    std::int64_t datasetId = 0;
    MeasureSettings settings;
    std::string device = "cpu";
    int batchSize = 16;
};

/// Resolves a request against the open project (GUI thread): models by id with their names,
/// file hashes and metadata, families by name, the dataset's stored records and hashes. Errors
/// say what is missing (no model, unknown dataset, stability without a family of two).
Result<ProjectRunPlan> planRunRequest(const ProjectSession& session, const RunRequest& request);

/// One entry of the queue as the jobs dock shows it.
struct QueuedRun final {
    int id = 0;       ///< 1, 2, ... within this session
    QString measures; ///< "entropy, noise"
    QString models;   ///< model names, comma-separated
    QString dataset;  ///< the dataset's location
    QString device;
    RunStatus status = RunStatus::Queued;
    std::int64_t done = 0;        ///< images computed in this part
    std::int64_t total = 0;       ///< images to compute in this part
    std::int64_t alreadyDone = 0; ///< complete before it started (resumed)
    double imagesPerSecond = 0;
    double etaSeconds = -1; ///< -1 while unknown
    QDateTime started;
    QString error;
    std::vector<std::pair<QString, QString>> skipped; ///< (image, reason); image may be empty while running
    std::vector<std::int64_t> runIds;                 ///< the stored runs, one per measure
};

/// Runs measure runs of the open project one after another on its own worker thread: each is
/// registered in the store (status queued) when queued, resumes what an identical earlier run
/// stored, streams rows into the store, and ends finished, failed or cancelled. Runs left queued
/// or running by an earlier session (closed or killed) are offered for resuming. GUI thread only.
class MeasureQueue final : public QObject {
    Q_OBJECT

public:
    explicit MeasureQueue(ProjectSession* session, QObject* parent = nullptr);
    /// Stops the running run and leaves it (and the queued ones) unfinished in the store.
    ~MeasureQueue() override;

    /// Queues a run; the error says why it was refused (read-only project, already queued, ...).
    Result<int> enqueue(const RunRequest& request);
    /// Cancels a queued run (it never starts) or stops the running one after its current batch.
    void cancel(int id);
    const std::vector<QueuedRun>& runs() const { return m_runs; }
    /// The entry with this id, or null.
    const QueuedRun* run(int id) const;
    bool isIdle() const;

    /// Stored runs that an earlier session left queued or running, grouped as they were
    /// launched (same parameters, dataset and shard).
    const std::vector<std::vector<std::int64_t>>& unfinished() const { return m_unfinished; }
    /// Queues every unfinished group (only images without complete rows are computed); returns
    /// how many were queued; refusals go to the log.
    int resumeUnfinished();
    /// Marks every unfinished run cancelled.
    void discardUnfinished();
    /// Images per batch for resumed runs (the stored runs do not record it): the launcher's last
    /// choice. Rows are identical across batch sizes only to float precision.
    void setResumeBatchSize(int images) { m_resumeBatchSize = std::max(1, images); }
    int resumeBatchSize() const { return m_resumeBatchSize; }

signals:
    void runAdded(int row);
    void runChanged(int row);
    void runsCleared();
    void unfinishedChanged();

private:
    struct Active;
    Result<int> enqueuePlan(ProjectRunPlan plan);
    void startNext();
    /// startNext's steps 3-4 of the protocol (resume, start) for the entry at `row`; an error
    /// fails the entry.
    Status startRun(int row, ProjectRun& run);
    void failToStart(int row, const std::string& error);
    void finished(int id, Result<MeasureRunResult> result);
    void poll();
    void stopAll();
    void projectChanged();
    void findUnfinished();
    int rowOf(int id) const;

    ProjectSession* m_session;
    JobManager m_jobs{1};
    QTimer* m_timer;
    std::vector<QueuedRun> m_runs;
    std::map<int, std::unique_ptr<ProjectRun>> m_plans; ///< by entry id, until the run ends
    std::unique_ptr<Active> m_active;
    std::vector<std::vector<std::int64_t>> m_unfinished;
    int m_nextId = 1;
    int m_resumeBatchSize = 16;
    int m_generation = 0; ///< bumped when the project closes: late results are ignored
};

} // namespace saliscope
