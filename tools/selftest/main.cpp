// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-engine-selftest: runs the golden Grad-CAM cases (made from tests/data/reference by
// tests/fixtures/pack_golden.py) on the best device present and prints the largest errors.
// Needs only the engine, so the same check runs on a GPU machine without Qt or OpenCV.

#include "core/engine/cammaps.h"
#include "core/engine/model.h"
#include "core/engine/runtime.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace saliscope::engine;

struct GoldenCase {
    std::string model;
    std::string image;
    int width = 0, height = 0, predictedClass = 0;
    double score = 0;
    std::vector<double> logits;
    int mapHeight = 0, mapWidth = 0;
    std::vector<double> cam;
    std::vector<int> small;
    std::string upscaled;
};

std::vector<std::uint8_t> readRaw(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<GoldenCase> readCases(const std::string& directory)
{
    std::vector<GoldenCase> cases;
    std::ifstream in(directory + "/cases.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream s(line);
        GoldenCase c;
        int logitCount = 0;
        s >> c.model >> c.image >> c.width >> c.height >> c.predictedClass >> c.score >> logitCount;
        c.logits.resize(std::size_t(logitCount));
        for (auto& v : c.logits)
            s >> v;
        s >> c.mapHeight >> c.mapWidth;
        c.cam.resize(std::size_t(c.mapHeight * c.mapWidth));
        for (auto& v : c.cam)
            s >> v;
        c.small.resize(c.cam.size());
        for (auto& v : c.small)
            s >> v;
        s >> c.upscaled;
        if (s)
            cases.push_back(c);
    }
    return cases;
}

} // namespace

int main(int argc, char** argv)
{
    std::string directory;
    std::string device = "auto";
    std::string precisionText = "fp32";
    std::string layoutText = "auto";
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--device" && i + 1 < argc)
            device = argv[++i];
        else if (arg == "--precision" && i + 1 < argc)
            precisionText = argv[++i];
        else if (arg == "--layout" && i + 1 < argc)
            layoutText = argv[++i];
        else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: saliscope-engine-selftest GOLDEN_DIR [--device cpu|cuda|auto] [--precision "
                         "fp32|tf32|fp16|bf16]\n"
                         "                                 [--layout auto|contiguous|channels-last]\n";
            return 0;
        } else if (arg == "--version") {
            std::cout << "saliscope-engine-selftest " << saliscopeVersion() << " (LibTorch " << torchVersion() << ")\n";
            return 0;
        } else
            directory = arg;
    }
    if (directory.empty()) {
        std::cerr << "saliscope-engine-selftest: give the golden folder made by tests/fixtures/pack_golden.py\n";
        return 2;
    }
    const auto precision = parsePrecision(precisionText);
    if (!precision) {
        std::cerr << "saliscope-engine-selftest: unknown precision " << precisionText << "\n";
        return 2;
    }
    const auto layout = parseMemoryLayout(layoutText);
    if (!layout) {
        std::cerr << "saliscope-engine-selftest: unknown layout " << layoutText << "\n";
        return 2;
    }
    configureThreads();
    const auto cases = readCases(directory);
    if (cases.empty()) {
        std::cerr << "saliscope-engine-selftest: no cases in " << directory << "/cases.txt\n";
        return 2;
    }
    std::map<std::string, std::unique_ptr<Model>> models;
    double worstCam = 0, worstLogit = 0;
    int classMismatches = 0, smallMismatches = 0, smallUnexplained = 0, upscaledMismatches = 0, worstSmall = 0;
    std::string deviceName;
    for (const auto& c : cases) {
        auto& model = models[c.model];
        if (!model) {
            ModelLoadOptions options;
            options.device = device;
            options.precision = *precision;
            options.layout = *layout;
            auto loaded = Model::load(directory + "/" + c.model, options);
            if (!loaded) {
                std::cerr << "saliscope-engine-selftest: " << loaded.error() << "\n";
                return 1;
            }
            model = std::move(loaded).value();
            deviceName = model->deviceName() + (model->channelsLast() ? ", channels-last" : ", contiguous");
        }
        ImageU8 image{c.width, c.height, 3, readRaw(directory + "/" + c.image)};
        auto batch = ImageBatch::fromImages({image});
        auto result = model->gradCam(batch.value());
        if (!result) {
            std::cerr << "saliscope-engine-selftest: " << result.error() << "\n";
            return 1;
        }
        const auto& out = result.value().front();
        classMismatches += out.prediction.predictedClass != c.predictedClass;
        for (std::size_t k = 0; k < c.logits.size(); ++k)
            worstLogit = std::max(worstLogit, std::fabs(out.prediction.logits[k] - c.logits[k]));
        const ImageU8 small = quantizeMap(out.cam);
        for (std::size_t k = 0; k < c.cam.size(); ++k) {
            worstCam = std::max(worstCam, std::fabs(double(out.cam.values[k]) - c.cam[k]));
            if (small.pixels[k] != c.small[k]) {
                ++smallMismatches;
                worstSmall = std::max(worstSmall, std::abs(int(small.pixels[k]) - c.small[k]));
                const double scaled = c.cam[k] * 255.0;
                if (std::fabs(scaled - std::round(scaled)) > 255.0 * 1e-5)
                    ++smallUnexplained;
            }
        }
        ImageU8 expectedSmall{c.mapWidth, c.mapHeight, 1, {}};
        for (int v : c.small)
            expectedSmall.pixels.push_back(std::uint8_t(v));
        const ImageU8 upscaled = upscaleMap(expectedSmall, c.width, c.height);
        const auto expectedUpscaled = readRaw(directory + "/" + c.upscaled);
        for (std::size_t k = 0; k < expectedUpscaled.size() && k < upscaled.pixels.size(); ++k)
            upscaledMismatches += upscaled.pixels[k] != expectedUpscaled[k];
    }
    // Strict float32 must reproduce the reference; reduced precisions are held to the closeness
    // measured on an H100 (docs/performance.md), with any 8-bit map differences reported, not failed.
    const bool strict = *precision == Precision::Float32;
    const double tolerance = strict ? 1e-5 : *precision == Precision::BFloat16 ? 1e-1 : 1e-2;
    const bool pass = classMismatches == 0 && worstCam <= tolerance && (!strict || smallUnexplained == 0)
        && upscaledMismatches == 0;
    std::printf("device %s, precision %s, %zu cases\n", deviceName.c_str(), precisionName(*precision), cases.size());
    std::printf("largest |logit error| %.3g\nlargest |cam error| %.3g (tolerance %g)\n", worstLogit, worstCam,
                tolerance);
    std::printf(
        "class mismatches %d\n8-bit small map differences %d (%d not at an integer step, largest %d grey levels)\n",
        classMismatches, smallMismatches, smallUnexplained, worstSmall);
    std::printf("upscaled map differences (from the reference small map) %d\n", upscaledMismatches);
    std::printf("%s\n", pass ? "PASS" : "FAIL");
    return pass ? 0 : 1;
}
