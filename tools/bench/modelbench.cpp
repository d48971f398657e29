// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The default mode of saliscope-bench and saliscope-engine-bench: images/s of the forward pass, of
// Grad-CAM and of the other salience methods for one model, batch size, precision and device.
// Figures belong in docs/performance.md with the machine named.

#include "tools/bench/benchmodes.h"

#include "core/engine/model.h"
#include "core/engine/runtime.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace saliscope::bench {

namespace {

using namespace saliscope::engine;

std::string program = "saliscope-bench";

struct BenchOptions {
    std::string model;
    std::string device = "cpu";
    std::string precision = "fp32";
    int batch = 16;
    int iterations = 5;
    int warmup = 2;
    int threads = 0;
    MemoryLayout layout = MemoryLayout::Automatic;
    bool pageable = false;
    bool json = false;
    /// The salience methods timed beside Grad-CAM, each alone (Model::cams with one method).
    std::vector<CamMethod> methods = defaultMethods();

    /// Every method but Grad-CAM (timed anyway) and Score-CAM (one forward pass per CAM-layer
    /// channel and image: 1,024 for DenseNet-121; ask for it with --methods and a small batch).
    static std::vector<CamMethod> defaultMethods()
    {
        std::vector<CamMethod> methods;
        for (CamMethod method : allCamMethods())
            if (method != CamMethod::GradCam && method != CamMethod::ScoreCam)
                methods.push_back(method);
        return methods;
    }
};

/// "hirescam,eigencam" or "all" (every method but Grad-CAM, Score-CAM included); nullopt when a
/// name is not a method.
std::optional<std::vector<CamMethod>> parseMethods(const std::string& text)
{
    std::vector<CamMethod> methods;
    if (text == "all") {
        for (CamMethod method : allCamMethods())
            if (method != CamMethod::GradCam)
                methods.push_back(method);
        return methods;
    }
    std::stringstream list(text);
    for (std::string name; std::getline(list, name, ',');) {
        const auto method = parseCamMethod(name);
        if (!method)
            return std::nullopt;
        if (*method != CamMethod::GradCam)
            methods.push_back(*method);
    }
    return methods;
}

void usage(const std::string& moreModes)
{
    std::cout << "usage: " << program
              << " --model M.pt [--batch N] [--iterations N] [--warmup N]\n"
                 "                       [--device cpu|cuda] [--precision fp32|tf32|fp16|bf16] "
                 "[--channels-last|--contiguous]\n"
                 "                       [--pageable]   (CUDA: copy batches from pageable memory)\n"
                 "                       [--threads N] [--json] [--methods M1,M2,...|all|none]\n"
                 "Prints images/s of the forward pass alone, of Grad-CAM (forward + head backward), and of\n"
                 "each salience method in --methods alone on the same batch (default: all but Score-CAM,\n"
                 "which makes one forward pass per channel of the CAM layer and image; `all` adds it),\n"
                 "with its ratio to Grad-CAM, then (two or more methods) all of them in one call.\n"
                 "Each iteration times one batch of each in turn (after --warmup batches of each), so\n"
                 "that a change in the machine's load falls on all of them alike.\n"
              << program << " measures --help: each measure's images/s with its maths on the device.\n"
              << moreModes;
}

/// Images/s of each run, timed in turns (one batch of each, then again) so that a change in the
/// machine's load falls on all of them alike and their ratios hold; `cpuSeconds` gets each run's
/// process CPU time per image (all threads: on a loaded machine, the work without the waiting).
std::vector<double> imagesPerSecond(const BenchOptions& options, const std::vector<std::function<void()>>& runs,
                                    std::vector<double>& cpuSeconds)
{
    for (const auto& run : runs)
        for (int i = 0; i < options.warmup; ++i)
            run();
    std::vector<double> seconds(runs.size(), 0.0);
    cpuSeconds.assign(runs.size(), 0.0);
    for (int i = 0; i < options.iterations; ++i)
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const std::clock_t cpuStart = std::clock();
            const auto start = std::chrono::steady_clock::now();
            runs[r]();
            seconds[r] += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            cpuSeconds[r] += double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
        }
    std::vector<double> rates;
    const double images = options.batch * double(options.iterations);
    for (std::size_t r = 0; r < runs.size(); ++r) {
        rates.push_back(images / seconds[r]);
        cpuSeconds[r] /= images;
    }
    return rates;
}

} // namespace

void setProgramName(const std::string& name) { program = name; }

const std::string& programName() { return program; }

int runModelBench(int argc, char** argv, const std::string& moreModes)
{
    BenchOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << program << ": " << arg << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--model")
            options.model = next();
        else if (arg == "--device")
            options.device = next();
        else if (arg == "--precision")
            options.precision = next();
        else if (arg == "--batch")
            options.batch = std::stoi(next());
        else if (arg == "--iterations")
            options.iterations = std::stoi(next());
        else if (arg == "--warmup")
            options.warmup = std::stoi(next());
        else if (arg == "--threads")
            options.threads = std::stoi(next());
        else if (arg == "--channels-last")
            options.layout = MemoryLayout::ChannelsLast;
        else if (arg == "--contiguous")
            options.layout = MemoryLayout::Contiguous;
        else if (arg == "--pageable")
            options.pageable = true;
        else if (arg == "--json")
            options.json = true;
        else if (arg == "--methods") {
            const std::string list = next();
            auto methods = list == "none" ? std::optional(std::vector<CamMethod>{}) : parseMethods(list);
            if (!methods) {
                std::cerr << program << ": --methods: not a list of salience methods: " << list << "\n";
                return 2;
            }
            options.methods = *methods;
        } else if (arg == "--help" || arg == "-h") {
            usage(moreModes);
            return 0;
        } else if (arg == "--version") {
            std::cout << program << " " << saliscopeVersion() << "\n";
            return 0;
        } else {
            std::cerr << program << ": unknown argument " << arg << "\n";
            return 2;
        }
    }
    if (options.model.empty()) {
        usage(moreModes);
        return 2;
    }
    const auto precision = parsePrecision(options.precision);
    if (!precision || options.batch < 1 || options.iterations < 1) {
        std::cerr << program << ": bad --precision, --batch or --iterations\n";
        return 2;
    }
    const std::string allocator = configureAllocator();
    configureThreads(options.threads);
    ModelLoadOptions load;
    load.device = options.device;
    load.precision = *precision;
    load.layout = options.layout;
    load.pinnedStaging = !options.pageable;
    auto model = Model::load(options.model, load);
    if (!model) {
        std::cerr << program << ": " << model.error() << "\n";
        return 1;
    }
    const auto& metadata = model.value()->metadata();
    ImageBatch batch{options.batch, metadata.inputWidth, metadata.inputHeight, {}};
    batch.pixels.resize(std::size_t(batch.count) * batch.width * batch.height * 3);
    std::mt19937 random(7);
    for (auto& p : batch.pixels)
        p = std::uint8_t(random() & 0xff);

    bool failed = false;
    std::vector<std::function<void()>> runs{[&] { failed |= !model.value()->predict(batch).ok(); },
                                            [&] { failed |= !model.value()->gradCam(batch).ok(); }};
    for (CamMethod method : options.methods)
        runs.push_back([&, method] { failed |= !model.value()->cams(batch, {{method}, {}}).ok(); });
    // Every method of the list and Grad-CAM in one call: one layer pass shared by all.
    std::vector<CamMethod> together{CamMethod::GradCam};
    together.insert(together.end(), options.methods.begin(), options.methods.end());
    const bool oneCall = options.methods.size() >= 2; // with one method, the same as timed alone
    if (oneCall)
        runs.push_back([&] { failed |= !model.value()->cams(batch, {together, {}}).ok(); });
    std::vector<double> cpu;
    const std::vector<double> rates = imagesPerSecond(options, runs, cpu);
    const double forward = rates[0];
    const double gradCam = rates[1];
    const std::vector<double> methodRates(rates.begin() + 2,
                                          rates.begin() + 2 + std::ptrdiff_t(options.methods.size()));
    const double allTogether = oneCall ? rates.back() : 0.0;
    if (failed) {
        std::cerr << program << ": a batch failed\n";
        return 1;
    }
    const double overhead = forward / gradCam - 1.0;
    if (options.json) {
        std::printf("{\"model\": \"%s\", \"device\": \"%s\", \"precision\": \"%s\", \"batch\": %d, \"threads\": %d, "
                    "\"channels_last\": %s, \"forward_images_per_s\": %.2f, \"gradcam_images_per_s\": %.2f, "
                    "\"gradcam_overhead\": %.4f, \"allocator\": \"%s\", \"methods_images_per_s\": {",
                    options.model.c_str(), model.value()->deviceName().c_str(), precisionName(*precision),
                    options.batch, threadCount(), model.value()->channelsLast() ? "true" : "false", forward, gradCam,
                    overhead, allocator.c_str());
        for (std::size_t m = 0; m < options.methods.size(); ++m)
            std::printf("%s\"%s\": %.4g", m ? ", " : "", camMethodName(options.methods[m]), methodRates[m]);
        std::printf("}, \"all_methods_one_call_images_per_s\": %.2f, \"cpu_seconds_per_image\": {\"forward\": %.5f, "
                    "\"gradcam\": %.5f",
                    allTogether, cpu[0], cpu[1]);
        for (std::size_t m = 0; m < options.methods.size(); ++m)
            std::printf(", \"%s\": %.5f", camMethodName(options.methods[m]), cpu[m + 2]);
        if (oneCall)
            std::printf(", \"one_call\": %.5f", cpu.back());
        std::printf("}}\n");
    } else {
        std::printf("model      %s (%s, CAM layer %s, %dx%d map)\n", options.model.c_str(),
                    modelKindName(model.value()->kind()), model.value()->camLayer().c_str(), model.value()->mapWidth(),
                    model.value()->mapHeight());
        std::printf("device     %s, %s, batch %d, %d threads%s, %s allocator\n", model.value()->deviceName().c_str(),
                    precisionName(*precision), options.batch, threadCount(),
                    model.value()->channelsLast() ? ", channels-last" : ", contiguous", allocator.c_str());
        std::printf("forward    %10.2f images/s\n", forward);
        std::printf("grad-cam   %10.2f images/s (%+.1f%% time over forward)\n", gradCam, 100.0 * overhead);
        for (std::size_t m = 0; m < options.methods.size(); ++m)
            std::printf("%-10s %10.3f images/s (%.3f x Grad-CAM's rate; CPU time %.3f x Grad-CAM's)\n",
                        camMethodName(options.methods[m]), methodRates[m], methodRates[m] / gradCam,
                        cpu[m + 2] / cpu[1]);
        if (oneCall)
            std::printf("one call   %10.2f images/s (Grad-CAM and the %zu above together; %.3f x Grad-CAM's rate; "
                        "CPU time %.3f x Grad-CAM's)\n",
                        allTogether, options.methods.size(), allTogether / gradCam, cpu.back() / cpu[1]);
        std::printf("CPU time   forward %.4f s/image, grad-cam %.4f s/image (all threads)\n", cpu[0], cpu[1]);
    }
    return 0;
}

} // namespace saliscope::bench
