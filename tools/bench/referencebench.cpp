// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `saliscope-bench reference`: Saliscope's measure run against the paper's way of doing the same
// work (tools/reference/paper_reference.py: PyTorch, one image at a time), on the same images
// and models, with the same thread count; prints both images/s and the ratio.

#include "tools/bench/benchimages.h"
#include "tools/bench/benchmodes.h"
#include "tools/bench/measuretiming.h"

#include "core/dataset/imagecache.h"
#include "core/engine/runtime.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#ifndef SALISCOPE_REFERENCE_SCRIPT
#define SALISCOPE_REFERENCE_SCRIPT ""
#endif

namespace {

using namespace saliscope;
using namespace saliscope::bench;

/// How to run the paper's pipeline.
struct ReferenceScript {
    std::string python = "/usr/bin/python3";
    std::string script = SALISCOPE_REFERENCE_SCRIPT;
};

void usage()
{
    std::cout << "usage: saliscope-bench reference --model M.pt [--model M2.pt] [--images DIR] [--count N]\n"
                 "                                 [--measures LIST] [--batch N] [--threads N] [--repeat N]\n"
                 "                                 [--python PATH] [--script paper_reference.py] [--json]\n"
                 "Runs the measures over the same N images (default: 8 generated 224x224 demo faces) three ways:\n"
                 "Saliscope decoding every image (cold), Saliscope from the image cache, and the paper's\n"
                 "per-image PyTorch pipeline (paper_reference.py under Debian's /usr/bin/python3) with the same\n"
                 "thread count; prints images/s and the ratios. Stability needs two models: one --model is\n"
                 "used twice under two names. --repeat N interleaves the three N times and reports medians.\n";
}

struct ReferenceResult {
    double imagesPerSecond = 0;
    double cpuSecondsPerImage = 0;
    double peakMegabytes = 0;
};

Result<ReferenceResult> runReference(const ReferenceScript& reference, const std::string& measures,
                                     const std::vector<ModelEntry>& models, const std::string& folder, int count)
{
    QStringList arguments{QString::fromStdString(reference.script)};
    for (const auto& model : models)
        arguments << "--model" << QString::fromStdString(model.path) << "--name" << QString::fromStdString(model.name);
    arguments << "--images" << QString::fromStdString(folder) << "--count" << QString::number(count) << "--measures"
              << QString::fromStdString(measures) << "--threads" << QString::number(engine::threadCount());
    QProcess process;
    process.start(QString::fromStdString(reference.python), arguments);
    if (!process.waitForStarted())
        return Error{"cannot start " + reference.python + ": " + process.errorString().toStdString()};
    process.waitForFinished(-1);
    const QByteArray out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error{"the reference script failed: " + process.readAllStandardError().trimmed().toStdString()};
    const QList<QByteArray> lines = out.trimmed().split('\n');
    const auto document = QJsonDocument::fromJson(lines.isEmpty() ? QByteArray() : lines.last());
    const QJsonObject object = document.object();
    if (!object.contains("images_per_s") || object.value("images").toInt() != count)
        return Error{"the reference script printed no timing for " + std::to_string(count)
                     + " images: " + out.toStdString()};
    return ReferenceResult{object.value("images_per_s").toDouble(), object.value("cpu_s_per_image").toDouble(),
                           object.value("peak_rss_mb").toDouble()};
}

} // namespace

int saliscope::bench::runReferenceBench(int argc, char** argv)
{
    RunBenchOptions options;
    options.measures = "all";
    ReferenceScript script;
    const auto scriptOptions = [&](const std::string& arg, const std::function<std::string()>& value) {
        if (arg == "--python")
            script.python = value();
        else if (arg == "--script")
            script.script = value();
        else
            return false;
        return true;
    };
    if (auto exitCode = readRunBenchOptions("reference", argc, argv, options, usage, scriptOptions))
        return *exitCode;
    if (script.script.empty() || !QFile::exists(QString::fromStdString(script.script))) {
        std::cerr << "saliscope-bench reference: no reference script '" << script.script
                  << "' (--script tools/reference/paper_reference.py)\n";
        return 2;
    }
    auto measures = parseMeasures(options.measures);
    if (!measures) {
        std::cerr << "saliscope-bench reference: " << measures.error() << "\n";
        return 2;
    }
    int fakeArgc = 1;
    char name[] = "saliscope-bench";
    char* fakeArgv[] = {name, nullptr};
    QCoreApplication application(fakeArgc, fakeArgv);
    engine::configureAllocator();
    engine::configureThreads(options.threads);

    QTemporaryDir work;
    auto images = prepareBenchImages(options.images, options.count, work.path().toStdString());
    if (!images) {
        std::cerr << "saliscope-bench reference: " << images.error() << "\n";
        return 1;
    }
    auto linked = linkImagesByLabel(images->dataset, work.path().toStdString());
    if (!linked) {
        std::cerr << "saliscope-bench reference: " << linked.error() << "\n";
        return 1;
    }
    const int count = int(images->dataset.records.size());
    const auto models = modelEntries(options.models, measures->count(MeasureKind::Stability) > 0);
    ImageCache cache(work.filePath("cache").toStdString());
    if (auto warm = timeMeasureRun(images.value(), models, {MeasureKind::Entropy}, options.batch, &cache); !warm) {
        std::cerr << "saliscope-bench reference: " << warm.error() << "\n";
        return 1;
    }

    std::vector<double> cold, cached, reference, coldCpu, cachedCpu, referenceCpu;
    double referencePeak = 0;
    for (int r = 0; r < options.repeat; ++r) {
        auto first = timeMeasureRun(images.value(), models, measures.value(), options.batch, nullptr);
        auto again = first ? timeMeasureRun(images.value(), models, measures.value(), options.batch, &cache) : first;
        if (!first || !again) {
            std::cerr << "saliscope-bench reference: " << (first ? again.error() : first.error()) << "\n";
            return 1;
        }
        auto paper = runReference(script, options.measures, models, linked.value(), count);
        if (!paper) {
            std::cerr << "saliscope-bench reference: " << paper.error() << "\n";
            return 1;
        }
        cold.push_back(first->imagesPerSecond());
        cached.push_back(again->imagesPerSecond());
        reference.push_back(paper->imagesPerSecond);
        coldCpu.push_back(first->cpuSecondsPerImage());
        cachedCpu.push_back(again->cpuSecondsPerImage());
        referenceCpu.push_back(paper->cpuSecondsPerImage);
        referencePeak = std::max(referencePeak, paper->peakMegabytes);
    }
    const double coldRate = median(cold), cachedRate = median(cached), referenceRate = median(reference);
    const double coldCpuRate = median(coldCpu), cachedCpuRate = median(cachedCpu),
                 referenceCpuRate = median(referenceCpu);
    const int passes = passesPerImagePerModel(measures.value(), MeasureRunParams{}) * int(models.size());
    if (options.json) {
        std::printf("{\"mode\": \"reference\", \"measures\": \"%s\", \"model\": \"%s\", \"models\": %zu, "
                    "\"threads\": %d, \"batch\": %d, \"images\": %d, \"image_source\": \"%s\", \"repeat\": %d, "
                    "\"passes_per_image\": %d, \"saliscope_cold_images_per_s\": %.4f, "
                    "\"saliscope_cached_images_per_s\": %.4f, \"reference_images_per_s\": %.4f, "
                    "\"cold_over_reference\": %.3f, \"cached_over_reference\": %.3f, "
                    "\"saliscope_cold_cpu_s_per_image\": %.4f, \"saliscope_cached_cpu_s_per_image\": %.4f, "
                    "\"reference_cpu_s_per_image\": %.4f, \"peak_rss_mb\": %.1f, \"reference_peak_rss_mb\": %.1f}\n",
                    options.measures.c_str(), options.models.front().c_str(), models.size(), engine::threadCount(),
                    options.batch, count, images->source.c_str(), options.repeat, passes, coldRate, cachedRate,
                    referenceRate, coldRate / referenceRate, cachedRate / referenceRate, coldCpuRate, cachedCpuRate,
                    referenceCpuRate, peakResidentMegabytes(), referencePeak);
        return 0;
    }
    std::printf("measure %s with %zu models (%d Grad-CAM passes per image) on %d images (%s), %d threads\n",
                options.measures.c_str(), models.size(), passes, count, images->source.c_str(), engine::threadCount());
    std::printf("%-48s %9s %9s %7s %12s %7s\n", "implementation", "images/s", "passes/s", "ratio", "CPU s/image",
                "ratio");
    const auto line = [&](const char* what, double rate, double cpu) {
        std::printf("%-48s %9.3f %9.2f %6.2fx %12.3f %6.2fx\n", what, rate, rate * passes, rate / referenceRate, cpu,
                    referenceCpuRate / cpu);
    };
    line("paper reference (PyTorch, one image at a time)", referenceRate, referenceCpuRate);
    line("saliscope, decoding every image (batch)", coldRate, coldCpuRate);
    line("saliscope, from the image cache (batch)", cachedRate, cachedCpuRate);
    std::printf("peak resident memory: saliscope %.0f MB, reference %.0f MB%s\n", peakResidentMegabytes(),
                referencePeak, options.repeat > 1 ? " (rates: medians over the repeats)" : "");
    return 0;
}
