// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jobs/jobmanager.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <climits>

namespace saliscope {

struct JobManager::Entry final {
    JobId id = 0;
    std::string name;
    Job job;
    CancelToken token;
    QFuture<Status> future;
    mutable std::mutex mutex;
    JobState state = JobState::Queued;
    JobProgress progress;
    std::string error;
    std::chrono::steady_clock::time_point started;

    JobInfo snapshot() const
    {
        std::lock_guard lock(mutex);
        return {id, name, state, progress, error};
    }
};

namespace {

/// Feeds a job's reports into its entry and its promise; notices QFuture::cancel().
class PromiseProgressSink final : public ProgressSink {
public:
    using Clock = std::chrono::steady_clock;

    PromiseProgressSink(QPromise<Status>& promise, std::mutex& mutex, JobProgress& progress, Clock::time_point started,
                        CancelToken token)
        : m_promise(promise), m_mutex(mutex), m_progress(progress), m_started(started), m_token(std::move(token))
    {
    }

    void progress(std::int64_t done, std::int64_t total) override
    {
        if (m_promise.isCanceled())
            m_token.cancel();
        const double seconds = std::chrono::duration<double>(Clock::now() - m_started).count();
        {
            std::lock_guard lock(m_mutex);
            m_progress.done = done;
            m_progress.total = total;
            m_progress.itemsPerSecond = seconds > 0 ? double(done) / seconds : 0;
            m_progress.etaSeconds = m_progress.itemsPerSecond > 0 && total >= done
                ? double(total - done) / m_progress.itemsPerSecond
                : -1;
        }
        if (total != m_total) {
            m_total = total;
            m_promise.setProgressRange(0, int(std::min<std::int64_t>(total, INT_MAX)));
        }
        m_promise.setProgressValue(int(std::min<std::int64_t>(done, INT_MAX)));
    }

    void message(const std::string& text) override
    {
        std::int64_t done = 0;
        {
            std::lock_guard lock(m_mutex);
            m_progress.lastMessage = text;
            done = m_progress.done;
        }
        m_promise.setProgressValueAndText(int(std::min<std::int64_t>(done, INT_MAX)), QString::fromStdString(text));
    }

private:
    QPromise<Status>& m_promise;
    std::mutex& m_mutex;
    JobProgress& m_progress;
    Clock::time_point m_started;
    CancelToken m_token;
    std::int64_t m_total = -1;
};

} // namespace

JobManager::JobManager(int workers) { m_pool.setMaxThreadCount(std::max(1, workers)); }

JobManager::~JobManager() { shutdown(); }

JobId JobManager::submit(std::string name, Job job)
{
    auto entry = std::make_shared<Entry>();
    entry->name = std::move(name);
    entry->job = std::move(job);
    std::lock_guard lock(m_mutex);
    entry->id = m_nextId++;
    m_jobs[entry->id] = entry;
    if (m_shutDown) {
        entry->state = JobState::Cancelled;
        QPromise<Status> promise;
        entry->future = promise.future();
        promise.start();
        promise.future().cancel();
        promise.finish();
        return entry->id;
    }
    entry->future = QtConcurrent::run(&m_pool, [entry](QPromise<Status>& promise) {
        {
            std::lock_guard lock(entry->mutex);
            if (entry->token.isCancelled() || promise.isCanceled()) {
                entry->state = JobState::Cancelled;
                return;
            }
            entry->state = JobState::Running;
            entry->started = std::chrono::steady_clock::now();
        }
        PromiseProgressSink sink(promise, entry->mutex, entry->progress, entry->started, entry->token);
        Status status = Error{"the job threw an exception"};
        try {
            status = entry->job(sink, entry->token);
        } catch (const std::exception& error) {
            status = Error{std::string("the job failed: ") + error.what()};
        } catch (...) {
        }
        {
            std::lock_guard lock(entry->mutex);
            if (entry->token.isCancelled() || promise.isCanceled())
                entry->state = JobState::Cancelled;
            else if (status)
                entry->state = JobState::Finished;
            else
                entry->state = JobState::Failed;
            if (!status)
                entry->error = status.error();
            entry->job = nullptr; // free what the job captured
        }
        promise.addResult(std::move(status));
    });
    return entry->id;
}

std::shared_ptr<JobManager::Entry> JobManager::find(JobId id) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : it->second;
}

QFuture<Status> JobManager::future(JobId id) const
{
    if (auto entry = find(id))
        return entry->future;
    QPromise<Status> promise;
    QFuture<Status> empty = promise.future();
    promise.start();
    empty.cancel();
    promise.finish();
    return empty;
}

std::optional<JobInfo> JobManager::info(JobId id) const
{
    if (auto entry = find(id))
        return entry->snapshot();
    return std::nullopt;
}

std::vector<JobInfo> JobManager::jobs() const
{
    std::vector<std::shared_ptr<Entry>> entries;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, entry] : m_jobs)
            entries.push_back(entry);
    }
    std::vector<JobInfo> list;
    for (const auto& entry : entries)
        list.push_back(entry->snapshot());
    return list;
}

void JobManager::cancel(JobId id)
{
    auto entry = find(id);
    if (!entry)
        return;
    std::lock_guard lock(entry->mutex);
    entry->token.cancel();
    if (entry->state == JobState::Queued || entry->state == JobState::Running)
        entry->future.cancel();
    if (entry->state == JobState::Queued)
        entry->state = JobState::Cancelled;
}

void JobManager::shutdown()
{
    std::vector<JobId> ids;
    {
        std::lock_guard lock(m_mutex);
        m_shutDown = true;
        for (const auto& [id, entry] : m_jobs)
            ids.push_back(id);
    }
    for (JobId id : ids)
        cancel(id);
    m_pool.waitForDone();
}

bool JobManager::waitForDone(int milliseconds) { return m_pool.waitForDone(milliseconds); }

} // namespace saliscope
