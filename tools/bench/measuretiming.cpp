// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/measuretiming.h"

#include "core/engine/imageops.h"

#include <QElapsedTimer>

#include <filesystem>
#include <iostream>

namespace saliscope::bench {

int passesPerImagePerModel(const std::set<MeasureKind>& measures, const MeasureRunParams& params)
{
    int passes = 1;
    if (measures.count(MeasureKind::Noise))
        passes += int(params.settings.noise.levels.size());
    if (measures.count(MeasureKind::Transforms))
        passes += int(engine::standardTransforms(224, params.settings.transforms).size());
    if (measures.count(MeasureKind::Degradation))
        passes += 2;
    return passes;
}

Result<MeasureTiming> timeMeasureRun(const BenchImages& images, const std::vector<ModelEntry>& models,
                                     std::set<MeasureKind> measures, int batch, ImageCache* cache,
                                     const std::string& device)
{
    MeasureRunParams params;
    measures.insert(MeasureKind::Predictions);
    params.measures = measures;
    params.models = models;
    params.dataset = images.dataset;
    params.batchSize = batch;
    params.device = device;
    if (cache) {
        params.cache = cache;
        params.contentHashes = images.hashes;
    }
    NullProgressSink quiet;
    const double cpuStart = processCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    auto run = runMeasures(params, nullptr, false, quiet, CancelToken());
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double cpuSeconds = processCpuSeconds() - cpuStart;
    if (!run)
        return Error{run.error()};
    if (!run->skipped.empty())
        return Error{"skipped " + run->skipped.front().first + ": " + run->skipped.front().second};
    return MeasureTiming{seconds, cpuSeconds, run->imagesComputed};
}

std::vector<ModelEntry> modelEntries(const std::vector<std::string>& paths, bool atLeastTwo)
{
    std::vector<std::string> files = paths;
    if (atLeastTwo && files.size() == 1)
        files.push_back(files.front());
    std::vector<ModelEntry> entries;
    for (const auto& file : files) {
        const std::string stem = std::filesystem::path(file).stem().string();
        std::string name = stem;
        for (int n = 2;; ++n) {
            bool taken = false;
            for (const auto& entry : entries)
                taken |= entry.name == name;
            if (!taken)
                break;
            name = stem + "-" + std::to_string(n);
        }
        entries.push_back({name, file, {}, {}});
    }
    return entries;
}

std::optional<int> readRunBenchOptions(const std::string& mode, int argc, char** argv, RunBenchOptions& options,
                                       void (*usage)(), const ExtraOption& extra)
{
    const std::string prefix = "saliscope-bench " + mode + ": ";
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const std::function<std::string()> next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << prefix << arg << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--model")
            options.models.push_back(next());
        else if (arg == "--images")
            options.images = next();
        else if (arg == "--count")
            options.count = positiveOption(arg, next());
        else if (arg == "--batch")
            options.batch = positiveOption(arg, next());
        else if (arg == "--repeat")
            options.repeat = positiveOption(arg, next());
        else if (arg == "--threads")
            options.threads = positiveOption(arg, next());
        else if (arg == "--measures")
            options.measures = next();
        else if (arg == "--json")
            options.json = true;
        else if (arg == "--help" || arg == "-h") {
            usage();
            return 0;
        } else if (!extra || !extra(arg, next)) {
            std::cerr << prefix << "unknown argument " << arg << "\n";
            return 2;
        }
    }
    if (options.models.empty()) {
        usage();
        return 2;
    }
    return std::nullopt;
}

} // namespace saliscope::bench
