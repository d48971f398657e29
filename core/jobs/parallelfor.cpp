// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jobs/parallelfor.h"

#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace saliscope {

bool parallelFor(std::int64_t count, int threads, const std::function<void(std::int64_t index)>& task,
                 const CancelToken& cancel, const std::function<void(std::int64_t done)>& reportDone)
{
    if (threads <= 0)
        threads = QThread::idealThreadCount();
    threads = int(std::max<std::int64_t>(1, std::min<std::int64_t>(threads, count)));
    std::atomic<std::int64_t> next{0};
    std::atomic<std::int64_t> done{0};
    std::mutex mutex;
    std::condition_variable wake;
    int running = threads;

    QThreadPool pool;
    pool.setMaxThreadCount(threads);
    std::vector<QFuture<void>> futures;
    for (int t = 0; t < threads; ++t) {
        futures.push_back(QtConcurrent::run(&pool, [&] {
            for (;;) {
                const std::int64_t index = next.fetch_add(1);
                if (index >= count || cancel.isCancelled())
                    break;
                task(index);
                done.fetch_add(1);
            }
            std::lock_guard lock(mutex);
            --running;
            wake.notify_all();
        }));
    }
    {
        std::unique_lock lock(mutex);
        for (;;) {
            const bool finished = wake.wait_for(lock, std::chrono::milliseconds(100), [&] { return running == 0; });
            lock.unlock();
            reportDone(done.load());
            lock.lock();
            if (finished)
                break;
        }
    }
    for (auto& future : futures)
        future.waitForFinished();
    return !cancel.isCancelled();
}

} // namespace saliscope
