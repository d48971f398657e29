// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `saliscope-bench pipeline`: the data side of a measure run, measured on generated images:
// decode + resize of FFHQ-sized PNGs, a first and a cached re-run of a measure into a
// project, and the peak resident memory. A mode of saliscope-bench (tools/bench/main.cpp).

#include "tools/bench/benchmodes.h"

#include "core/dataset/dataset.h"
#include "core/dataset/imageio.h"
#include "core/engine/pillowresize.h"
#include "core/engine/runtime.h"
#include "core/project/projectrun.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QTemporaryDir>
#include <QtConcurrent>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>

namespace {

using namespace saliscope;

struct PipelineOptions {
    std::string model;
    int images = 2000;
    int imageSize = 64;
    int decodeImages = 32;
    int batch = 64;
    std::string folder; ///< keep generated files here (default: a temporary folder)
    bool json = false;
};

/// A smooth random RGB image (compresses like a photograph rather than like noise).
QImage syntheticImage(int size, std::mt19937& random)
{
    QImage image(size, size, QImage::Format_RGB888);
    std::uniform_real_distribution<double> phase(0.0, 6.28318);
    const double a = phase(random), b = phase(random), c = phase(random);
    for (int y = 0; y < size; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < size; ++x) {
            const double u = double(x) / size, v = double(y) / size;
            line[3 * x + 0] = uchar(127 + 120 * std::sin(6 * u + a) * std::cos(4 * v + b));
            line[3 * x + 1] = uchar(127 + 120 * std::sin(5 * v + c));
            line[3 * x + 2] = uchar((x * 7 + y * 3 + int(40 * a)) & 0xff);
        }
    }
    return image;
}

double peakResidentMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

void usage()
{
    std::cout << "usage: saliscope-bench pipeline --model M.pt [--images N] [--size S] [--decode-images N]\n"
                 "                                [--batch N] [--folder DIR] [--json]\n"
                 "Generates N SxS PNGs (real and fake halves), runs `measure entropy` into a project, then re-runs it\n"
                 "(everything cached), and decodes+resizes FFHQ-sized 1024x1024 PNGs to 224x224.\n";
}

} // namespace

int saliscope::bench::runPipelineBench(int argc, char** argv)
{
    PipelineOptions options;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
        if (arg == "--model")
            options.model = next();
        else if (arg == "--images")
            options.images = std::stoi(next());
        else if (arg == "--size")
            options.imageSize = std::stoi(next());
        else if (arg == "--decode-images")
            options.decodeImages = std::stoi(next());
        else if (arg == "--batch")
            options.batch = std::stoi(next());
        else if (arg == "--folder")
            options.folder = next();
        else if (arg == "--json")
            options.json = true;
        else if (arg == "--help" || arg == "-h") {
            usage();
            return 0;
        } else {
            std::cerr << "saliscope-bench pipeline: unknown argument " << arg << "\n";
            return 2;
        }
    }
    if (options.model.empty() || options.images < 2) {
        usage();
        return 2;
    }
    int fakeArgc = 1;
    char name[] = "saliscope-bench";
    char* fakeArgv[] = {name, nullptr};
    QCoreApplication application(fakeArgc, fakeArgv);
    engine::configureAllocator();
    engine::configureThreads();
    QTemporaryDir temporary;
    const QString root = options.folder.empty() ? temporary.path() : QString::fromStdString(options.folder);
    QDir(root).mkpath("data/real");
    QDir(root).mkpath("data/fake");
    QDir(root).mkpath("ffhq");

    // 1. Decode and resize FFHQ-sized PNGs, one thread and all threads.
    std::mt19937 random(1);
    QStringList big;
    for (int i = 0; i < options.decodeImages; ++i) {
        const QString path = QDir(root).filePath(QStringLiteral("ffhq/%1.png").arg(i, 5, 10, QLatin1Char('0')));
        if (!QFile::exists(path))
            syntheticImage(1024, random).save(path);
        big << path;
    }
    auto decodeOne = [](const QString& path) {
        auto image = readImageRgb(path.toStdString());
        if (image)
            engine::resizePillow(image.value(), 224, 224, engine::ResizeFilter::Bilinear);
    };
    QElapsedTimer timer;
    timer.start();
    for (const auto& path : big)
        decodeOne(path);
    const double decodeOneThread = big.size() / (timer.nsecsElapsed() / 1e9);
    timer.restart();
    QtConcurrent::blockingMap(big, decodeOne);
    const double decodeAllThreads = big.size() / (timer.nsecsElapsed() / 1e9);

    // 2. A measure run into a project, then the same run again (cached).
    for (int i = 0; i < options.images; ++i) {
        const QString path = QDir(root).filePath(
            QStringLiteral("data/%1/%2.png").arg(i % 2 ? "fake" : "real").arg(i, 6, 10, QLatin1Char('0')));
        if (!QFile::exists(path))
            syntheticImage(options.imageSize, random).save(path);
    }
    NullProgressSink quiet;
    auto dataset = scanDataset({QDir(root).filePath("data").toStdString()}, quiet, CancelToken());
    if (!dataset) {
        std::cerr << "saliscope-bench pipeline: " << dataset.error() << "\n";
        return 1;
    }
    MeasureRunParams params;
    params.measures = {MeasureKind::Predictions, MeasureKind::Entropy};
    params.models = {{"model", options.model, {}, {}}};
    params.dataset = dataset.value();
    params.batchSize = options.batch;
    const std::string project = QDir(root).filePath("bench.saliscope").toStdString();
    QFile::remove(QString::fromStdString(project));
    QDir(QString::fromStdString(imageCacheFolder(project))).removeRecursively();
    timer.restart();
    auto first = runMeasuresInProject(params, project, {}, nullptr, quiet, CancelToken());
    const double firstSeconds = timer.nsecsElapsed() / 1e9;
    if (!first) {
        std::cerr << "saliscope-bench pipeline: " << first.error() << "\n";
        return 1;
    }
    timer.restart();
    auto again = runMeasuresInProject(params, project, {}, nullptr, quiet, CancelToken());
    const double againSeconds = timer.nsecsElapsed() / 1e9;
    if (!again || again->imagesComputed != 0) {
        std::cerr << "saliscope-bench pipeline: the re-run computed images or failed\n";
        return 1;
    }
    const double images = double(params.dataset.records.size());
    const double peak = peakResidentMegabytes();
    if (options.json) {
        std::printf("{\"decode_resize_1024_png_images_per_s_one_thread\": %.2f, "
                    "\"decode_resize_1024_png_images_per_s_all_threads\": %.2f, \"threads\": %d, "
                    "\"images\": %.0f, \"image_size\": %d, \"first_run_images_per_s\": %.1f, "
                    "\"cached_rerun_images_per_s\": %.1f, \"peak_rss_mb\": %.1f}\n",
                    decodeOneThread, decodeAllThreads, QThreadPool::globalInstance()->maxThreadCount(), images,
                    options.imageSize, images / firstSeconds, images / againSeconds, peak);
    } else {
        std::printf("decode + resize of 1024x1024 PNG to 224x224: %8.1f images/s on one thread, %8.1f on %d threads\n",
                    decodeOneThread, decodeAllThreads, QThreadPool::globalInstance()->maxThreadCount());
        std::printf("measure entropy into a project, %0.f images of %dx%d:\n", images, options.imageSize,
                    options.imageSize);
        std::printf("  first run     %8.1f images/s (%.1f s)\n", images / firstSeconds, firstSeconds);
        std::printf("  cached re-run %8.1f images/s (%.2f s)\n", images / againSeconds, againSeconds);
        std::printf("peak resident memory %.0f MB\n", peak);
    }
    return 0;
}
