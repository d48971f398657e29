// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/datasethashing.h"

#include "core/dataset/contenthash.h"
#include "core/jobs/parallelfor.h"

#include <algorithm>
#include <thread>

namespace saliscope {

int DatasetHashResult::hashedCount() const
{
    return int(std::count_if(hashes.begin(), hashes.end(), [](const std::string& hash) { return !hash.empty(); }));
}

Result<DatasetHashResult> hashDataset(const Dataset& dataset, const DatasetHashParams& params, ProgressSink& progress,
                                      const CancelToken& cancel)
{
    const std::int64_t total = std::int64_t(dataset.records.size());
    DatasetHashResult result;
    result.hashes.resize(dataset.records.size());
    std::vector<std::string> reasons(dataset.records.size());

    int threads = params.threads > 0 ? params.threads
                                     : std::min(8, std::max(1, int(std::thread::hardware_concurrency())));
    threads = int(std::max<std::int64_t>(1, std::min<std::int64_t>(threads, total)));

    // Workers pull indices from a shared counter; the calling thread reports progress.
    const bool completed = parallelFor(
        total, threads,
        [&](std::int64_t index) {
            auto hash = hashFile(dataset.records[std::size_t(index)].path);
            if (hash)
                result.hashes[std::size_t(index)] = std::move(hash).value();
            else
                reasons[std::size_t(index)] = hash.error();
        },
        cancel, [&](std::int64_t done) { progress.progress(done, total); });
    if (!completed)
        return Error{"hashing cancelled"};
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        if (!reasons[i].empty()) {
            result.problems.emplace_back(dataset.records[i].path, reasons[i]);
            progress.message("skipped " + dataset.records[i].path + ": " + reasons[i]);
        }
    }
    return result;
}

} // namespace saliscope
