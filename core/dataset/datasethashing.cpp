#include "dataset/datasethashing.h"

#include "dataset/contenthash.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace saliscope {

int DatasetHashResult::hashedCount() const
{
    return int(std::count_if(hashes.begin(), hashes.end(), [](const std::string& hash) { return !hash.empty(); }));
}

engine::Result<DatasetHashResult> hashDataset(const Dataset& dataset, const DatasetHashParams& params,
                                              ProgressSink& progress, const CancelToken& cancel)
{
    const std::int64_t total = std::int64_t(dataset.records.size());
    DatasetHashResult result;
    result.hashes.resize(dataset.records.size());
    std::vector<std::string> reasons(dataset.records.size());

    int threads = params.threads > 0 ? params.threads : std::min(8, std::max(1, int(std::thread::hardware_concurrency())));
    threads = int(std::max<std::int64_t>(1, std::min<std::int64_t>(threads, total)));

    // Workers pull indices from a shared counter; the calling thread reports progress.
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
                if (index >= total || cancel.isCancelled())
                    break;
                auto hash = hashFile(dataset.records[std::size_t(index)].path);
                if (hash)
                    result.hashes[std::size_t(index)] = std::move(hash).value();
                else
                    reasons[std::size_t(index)] = hash.error();
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
            progress.progress(done.load(), total);
            lock.lock();
            if (finished)
                break;
        }
    }
    for (auto& future : futures)
        future.waitForFinished();
    if (cancel.isCancelled())
        return engine::Error{"hashing cancelled"};
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        if (!reasons[i].empty()) {
            result.problems.emplace_back(dataset.records[i].path, reasons[i]);
            progress.message("skipped " + dataset.records[i].path + ": " + reasons[i]);
        }
    }
    return result;
}

} // namespace saliscope
