// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/jobs/progress.h"

#include <QFuture>
#include <QThreadPool>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace saliscope {

/// A job's identity within its JobManager (1, 2, ...).
using JobId = std::int64_t;

/// A unit of work: runs on a worker thread, reports through the sink, stops early when the
/// token is cancelled, returns its outcome. Plain functions (habit 1) are wrapped into jobs.
using Job = std::function<Status(ProgressSink& progress, const CancelToken& cancel)>;

/// Where a job is in its life.
enum class JobState { Queued, Running, Finished, Failed, Cancelled };

/// A job's progress: units done of total, the rate since it started and the time left.
struct JobProgress final {
    std::int64_t done = 0;
    std::int64_t total = 0;
    double itemsPerSecond = 0; ///< images/s for image jobs
    double etaSeconds = -1;    ///< -1 while unknown
    std::string lastMessage;
};

/// A snapshot of one job.
struct JobInfo final {
    JobId id = 0;
    std::string name;
    JobState state = JobState::Queued;
    JobProgress progress;
    std::string error; ///< the job's error when Failed
};

/// Runs jobs in submission order on its own pool of `workers` threads (one per device: jobs
/// on one device run one after another). Each job reports through a QFuture<Status> made with
/// QPromise: progress range/value/text for a QFutureWatcher (whose signals arrive on the
/// watcher's thread), and the Status as its one result. A cancelled job's future is cancelled
/// and has no result: ask info(). Threads: the Job and its ProgressSink run on a worker thread;
/// every JobManager method may be called from any thread. The destructor calls shutdown().
class JobManager final {
public:
    explicit JobManager(int workers = 1);
    ~JobManager();

    /// Queues a job; after shutdown() the job is cancelled at once.
    JobId submit(std::string name, Job job);
    /// The job's future (an empty, cancelled future for an unknown id).
    QFuture<Status> future(JobId id) const;
    /// A snapshot of one job, or nullopt for an unknown id.
    std::optional<JobInfo> info(JobId id) const;
    /// Snapshots of every job, in submission order.
    std::vector<JobInfo> jobs() const;
    /// Cancels a queued job (it never starts) or asks a running one to stop (its token).
    void cancel(JobId id);
    /// Cancels every job, queued and running, and waits until the workers are idle.
    void shutdown();
    /// Waits until every submitted job has ended; false on timeout.
    bool waitForDone(int milliseconds = -1);

    JobManager(const JobManager&) = delete;
    JobManager& operator=(const JobManager&) = delete;

private:
    struct Entry;
    std::shared_ptr<Entry> find(JobId id) const;

    QThreadPool m_pool;
    mutable std::mutex m_mutex;
    std::map<JobId, std::shared_ptr<Entry>> m_jobs;
    JobId m_nextId = 1;
    bool m_shutDown = false;
};

} // namespace saliscope
