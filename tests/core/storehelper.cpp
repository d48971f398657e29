// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A child process for tst_projectstore.
//   saliscope_store_helper write PROJECT IMAGES BATCH DELAY_MS
//       adds a synthetic dataset, finds or creates its run, and writes the missing images'
//       results in batches through the store's MeasureSink, printing "committed N" after each
//       committed batch (the test SIGKILLs it part way), then marks the run finished.
//   saliscope_store_helper hold PROJECT
//       opens the project writable, prints "holding" and sleeps until killed.
#include "core/dataset/contenthash.h"
#include "core/dataset/dataset.h"
#include "core/measures/measuretable.h"
#include "core/store/projectstore.h"
#include "core/store/storemeasuresink.h"

#include <QCoreApplication>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>
#include <thread>

using namespace saliscope;

namespace {

int fail(const std::string& message)
{
    std::fprintf(stderr, "%s\n", message.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    if (argc < 3)
        return fail("usage: saliscope_store_helper write|hold PROJECT ...");
    const std::string mode = argv[1];
    auto store = ProjectStore::open(argv[2], ProjectOpenMode::CreateIfMissing);
    if (!store)
        return fail(store.error());
    if (mode == "hold") {
        std::printf("holding\n");
        std::fflush(stdout);
        std::this_thread::sleep_for(std::chrono::seconds(120));
        return 0;
    }
    if (mode != "write" || argc < 6)
        return fail("usage: saliscope_store_helper write PROJECT IMAGES BATCH DELAY_MS");
    const int count = std::atoi(argv[3]);
    const int batch = std::atoi(argv[4]);
    const int delay = std::atoi(argv[5]);

    Dataset dataset;
    dataset.location = "/data/synthetic";
    std::vector<std::string> hashes;
    for (int i = 0; i < count; ++i) {
        dataset.records.push_back(
            {"/data/synthetic/img" + std::to_string(i) + ".png", i % 2, "g" + std::to_string(i % 3), {}});
        const std::string content = "image " + std::to_string(i);
        hashes.push_back(hashBytes(content.data(), content.size()));
    }
    auto datasetId = store.value()->addDataset(dataset, hashes);
    if (!datasetId)
        return fail(datasetId.error());
    const std::string parameters = R"({"sigma": 1, "models": ["m1", "m2"]})";
    auto found = store.value()->findRun("entropy", parameters, datasetId.value());
    if (!found)
        return fail(found.error());
    std::int64_t runId = 0;
    if (found->has_value()) {
        runId = *found.value();
    } else {
        StoredRun run;
        run.measure = "entropy";
        run.parametersJson = parameters;
        run.datasetId = datasetId.value();
        run.device = "cpu";
        auto created = store.value()->createRun(run);
        if (!created)
            return fail(created.error());
        runId = created.value();
    }
    if (auto status = store.value()->setRunStatus(runId, RunStatus::Running); !status)
        return fail(status.error());
    auto done = store.value()->completedImages(runId, 2);
    if (!done)
        return fail(done.error());
    const std::set<std::int64_t> skip(done->begin(), done->end());
    auto sink = store.value()->makeSink(runId);
    if (!sink)
        return fail(sink.error());
    const std::vector<std::string> columns = {"entropy", "score", "flat"};
    std::vector<MeasureRow> rows;
    std::int64_t committed = std::int64_t(skip.size());
    auto commit = [&]() -> bool {
        if (rows.empty())
            return true;
        sink.value()->rowsReady(MeasureKind::Entropy, columns, rows);
        if (!store.value()->flush() || !sink.value()->status())
            return false;
        committed += std::int64_t(rows.size() / 2);
        rows.clear();
        std::printf("committed %lld\n", static_cast<long long>(committed));
        std::fflush(stdout);
        if (delay > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        return true;
    };
    for (int i = 0; i < count; ++i) {
        if (skip.count(i))
            continue;
        for (const char* model : {"m1", "m2"}) {
            const double nan = std::numeric_limits<double>::quiet_NaN();
            rows.push_back({i, model, "", {std::sin(i * 0.1) + (model[1] - '0'), i / 7.0, i % 7 == 0 ? nan : 0.0}});
        }
        if (int(rows.size()) >= 2 * batch && !commit())
            return fail("write failed: " + sink.value()->status().error());
    }
    if (!commit())
        return fail("write failed");
    if (auto status = store.value()->setRunStatus(runId, RunStatus::Finished); !status)
        return fail(status.error());
    std::printf("finished\n");
    return 0;
}
