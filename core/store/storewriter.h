// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

class QSqlDatabase;

namespace saliscope {

/// The project's one writing connection, on a thread of its own. Tasks queued from any thread
/// run in order on that thread; all tasks waiting when it wakes run in one transaction (each
/// inside a savepoint, so a failing task does not undo its neighbours), which keeps commits few.
/// The queue is bounded: post() blocks while it is full, so producers cannot outrun the disk.
/// A failed commit (disk full) fails every task of that batch; the file stays consistent.
class StoreWriter final {
public:
    /// A unit of work run on the writer thread with its connection; its Status is reported.
    using Task = std::function<Status(QSqlDatabase&)>;
    /// Called on the writer thread with a task's outcome once its batch is committed or failed.
    using Done = std::function<void(const Status&)>;

    /// Opens `path` (creating the file) on a new thread and runs `initialise` there first
    /// (schema checks, migrations); fails when the file cannot be opened or initialise fails.
    static Result<std::unique_ptr<StoreWriter>> start(const std::string& path, Task initialise);
    /// Runs what is queued, closes the connection and joins the thread.
    ~StoreWriter();

    /// Queues a task; `done` (optional) gets its outcome. Blocks while the queue is full.
    void post(Task task, Done done = {});
    /// Queues a task and waits for its outcome (committed or not). Not from the writer thread.
    Status run(Task task);
    /// Waits until everything queued so far is committed; returns the first failure of a task
    /// posted without `done` since the last flush (and forgets it).
    Status flush();

    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

private:
    struct Item final {
        Task task;
        Done done;
    };
    StoreWriter() = default;
    void loop(const std::string& path, Task initialise, std::function<void(Status)> started);

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_queue;
    std::size_t m_inFlight = 0;
    bool m_stopping = false;
    std::string m_firstError;
    std::thread m_thread;
};

} // namespace saliscope
