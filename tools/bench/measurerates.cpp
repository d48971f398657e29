// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `saliscope-bench measure-rates`: images/s and Grad-CAM passes/s of each measure (and `all`)
// over images already in the image cache, as `saliscope-cli measure` runs them (runMeasures).

#include "tools/bench/benchimages.h"
#include "tools/bench/benchmodes.h"
#include "tools/bench/measuretiming.h"

#include "core/dataset/imagecache.h"
#include "core/engine/runtime.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace saliscope;
using namespace saliscope::bench;

void usage()
{
    std::cout << "usage: saliscope-bench measure-rates --model M.pt [--model M2.pt] [--images DIR] [--count N]\n"
                 "                                     [--batch N] [--repeat N] [--threads N] [--device D]\n"
                 "                                     [--measures LIST] [--json]\n"
                 "Times runMeasures per measure (entropy, noise, transforms, degradation with the first model;\n"
                 "stability and all with two: the second --model, or the first one again under another name)\n"
                 "over N images already in the image cache (default: 32 generated 224x224 demo faces).\n"
                 "Reports images/s, Grad-CAM passes/s and peak memory; --repeat runs the list N times\n"
                 "interleaved and reports medians.\n";
}

struct Row {
    std::string measure;
    int models = 0;
    int passesPerImage = 0;
    std::vector<double> seconds;
    std::vector<double> cpuPerImage;
    std::int64_t images = 0;
};

} // namespace

int saliscope::bench::runMeasureRatesBench(int argc, char** argv)
{
    RunBenchOptions options;
    options.count = 32;
    options.measures = "entropy,noise,transforms,degradation,stability,all";
    std::string device = "cpu";
    const auto deviceOption = [&](const std::string& arg, const std::function<std::string()>& value) {
        if (arg != "--device")
            return false;
        device = value();
        return true;
    };
    if (auto exitCode = readRunBenchOptions("measure-rates", argc, argv, options, usage, deviceOption))
        return *exitCode;
    int fakeArgc = 1;
    char name[] = "saliscope-bench";
    char* fakeArgv[] = {name, nullptr};
    QCoreApplication application(fakeArgc, fakeArgv);
    engine::configureAllocator();
    engine::configureThreads(options.threads);

    // The rows to time, in order; "all" is every measure with two models.
    std::vector<std::pair<std::string, std::set<MeasureKind>>> plan;
    for (const auto& part : QString::fromStdString(options.measures).split(',', Qt::SkipEmptyParts)) {
        const std::string measure = part.trimmed().toLower().toStdString();
        auto kinds = parseMeasures(measure);
        if (!kinds) {
            std::cerr << "saliscope-bench measure-rates: " << kinds.error() << "\n";
            return 2;
        }
        plan.emplace_back(measure, kinds.value());
    }

    QTemporaryDir work;
    auto images = prepareBenchImages(options.images, options.count, work.path().toStdString());
    if (!images) {
        std::cerr << "saliscope-bench measure-rates: " << images.error() << "\n";
        return 1;
    }
    const auto single = modelEntries({options.models.front()}, false);
    const auto pair = modelEntries(options.models, true);
    ImageCache cache(work.filePath("cache").toStdString());

    // Warm the cache (every image decoded and resized once) and the models' first passes.
    for (const auto* models : {&single, &pair}) {
        auto warm = timeMeasureRun(images.value(), *models, {MeasureKind::Entropy}, options.batch, &cache, device);
        if (!warm) {
            std::cerr << "saliscope-bench measure-rates: " << warm.error() << "\n";
            return 1;
        }
    }
    // Loading the model is part of every timed run; an empty run measures it alone.
    auto load = timeMeasureRun(BenchImages{}, single, {MeasureKind::Entropy}, options.batch, nullptr, device);
    const double loadSeconds = load ? load->seconds : 0.0;

    MeasureRunParams defaults;
    std::vector<Row> rows;
    for (const auto& [measure, kinds] : plan) {
        const bool two = kinds.count(MeasureKind::Stability) > 0;
        rows.push_back({measure, two ? int(pair.size()) : 1, passesPerImagePerModel(kinds, defaults), {}, {}, 0});
    }
    for (int r = 0; r < options.repeat; ++r) {
        for (std::size_t p = 0; p < plan.size(); ++p) {
            auto& row = rows[p];
            auto timing = timeMeasureRun(images.value(), row.models > 1 ? pair : single, plan[p].second, options.batch,
                                         &cache, device);
            if (!timing) {
                std::cerr << "saliscope-bench measure-rates: " << row.measure << ": " << timing.error() << "\n";
                return 1;
            }
            row.seconds.push_back(timing->seconds);
            row.cpuPerImage.push_back(timing->cpuSecondsPerImage());
            row.images = timing->images;
        }
    }
    const double peak = peakResidentMegabytes();
    const auto stats = cache.stats();

    if (options.json) {
        std::printf("{\"mode\": \"measure-rates\", \"model\": \"%s\", \"device\": \"%s\", \"threads\": %d, "
                    "\"batch\": %d, \"images\": %lld, \"image_source\": \"%s\", \"repeat\": %d, "
                    "\"model_load_s\": %.3f, \"cache_hits\": %lld, \"cache_misses\": %lld, \"peak_rss_mb\": %.1f, "
                    "\"measures\": [",
                    options.models.front().c_str(), device.c_str(), engine::threadCount(), options.batch,
                    static_cast<long long>(images->dataset.records.size()), images->source.c_str(), options.repeat,
                    loadSeconds, static_cast<long long>(stats.hits), static_cast<long long>(stats.misses), peak);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& row = rows[i];
            const double seconds = median(row.seconds);
            const double perSecond = double(row.images) / seconds;
            std::printf("%s{\"measure\": \"%s\", \"models\": %d, \"passes_per_image\": %d, \"seconds\": %.3f, "
                        "\"images_per_s\": %.3f, \"passes_per_s\": %.2f, \"cpu_s_per_image\": %.4f}",
                        i ? ", " : "", row.measure.c_str(), row.models, row.passesPerImage * row.models, seconds,
                        perSecond, perSecond * row.passesPerImage * row.models, median(row.cpuPerImage));
        }
        std::printf("]}\n");
        return 0;
    }
    std::printf("model      %s (%s), %d threads, batch %d\n", options.models.front().c_str(), device.c_str(),
                engine::threadCount(), options.batch);
    std::printf("images     %zu %s, cached (%lld hits, %lld misses); model load %.2f s, included below\n",
                images->dataset.records.size(), images->source.c_str(), static_cast<long long>(stats.hits),
                static_cast<long long>(stats.misses), loadSeconds);
    std::printf("%-14s %6s %13s %10s %10s %13s\n", "measure", "models", "passes/image", "images/s", "passes/s",
                "CPU s/image");
    for (const auto& row : rows) {
        const double seconds = median(row.seconds);
        const double perSecond = double(row.images) / seconds;
        std::printf("%-14s %6d %13d %10.3f %10.2f %13.3f\n", row.measure.c_str(), row.models,
                    row.passesPerImage * row.models, perSecond, perSecond * row.passesPerImage * row.models,
                    median(row.cpuPerImage));
    }
    std::printf("peak resident memory %.0f MB%s\n", peak, options.repeat > 1 ? " (medians over the repeats)" : "");
    return 0;
}
