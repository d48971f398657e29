// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cam/camrunner.h"

#include "core/cam/mapmaker.h"
#include "core/dataset/csvtext.h"
#include "core/dataset/imagefiles.h"
#include "core/dataset/imageio.h"
#include "core/engine/cammaps.h"
#include "core/engine/model.h"

#include <QString>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace saliscope {

namespace {

std::string number(double value)
{
    std::ostringstream stream;
    stream.precision(9);
    stream << value;
    return stream.str();
}

/// Unique output names: the image's base name, with _2, _3 ... for repeats.
class MapNamer final {
public:
    std::string next(const std::string& imagePath)
    {
        const std::string stem = std::filesystem::path(imagePath).stem().string();
        const int count = ++m_seen[stem];
        return count == 1 ? stem + ".png" : stem + "_" + std::to_string(count) + ".png";
    }

private:
    std::map<std::string, int> m_seen;
};

struct PendingImage final {
    std::string path;
    engine::ImageU8 image;
};

} // namespace

Result<CamRunResult> runCam(const CamRunParams& params, ProgressSink& progress, const CancelToken& cancel)
{
    if (params.batchSize < 1)
        return Error{"batch size must be at least 1"};
    std::vector<std::string> missing;
    const auto files = collectImageFiles(params.inputs, &missing);
    if (!missing.empty())
        return Error{"no such file or folder: " + missing.front()};
    if (files.empty())
        return Error{"no images found in the given inputs"};

    engine::ModelLoadOptions options;
    options.layer = params.layer;
    options.device = params.device;
    options.metadata = params.metadata;
    auto loaded = loadModel(params.modelPath, options);
    if (!loaded)
        return loaded.failure();
    const engine::Model& model = *loaded.value();
    const auto& metadata = model.metadata();

    std::error_code code;
    std::filesystem::create_directories(params.outputDirectory, code);
    if (code)
        return Error{"cannot create " + params.outputDirectory + ": " + code.message()};
    CamRunResult result;
    result.csvPath = (std::filesystem::path(params.outputDirectory) / "cams.csv").string();
    std::ofstream csv(result.csvPath);
    if (!csv)
        return Error{"cannot write " + result.csvPath};
    csv << "image,map,predicted_class,predicted_label,score";
    for (const auto& name : metadata.classNames)
        csv << "," << csvField("softmax_" + name);
    if (model.singleLogit()) // a sigmoid detector's one raw output
        csv << ",logit";
    else
        for (const auto& name : metadata.classNames)
            csv << "," << csvField("logit_" + name);
    csv << ",flat\n";

    MapNamer namer;
    std::vector<PendingImage> pending;
    std::int64_t done = 0;
    const auto total = std::int64_t(files.size());
    auto flush = [&]() -> Status {
        if (pending.empty())
            return Ok{};
        std::vector<engine::ImageU8> images;
        images.reserve(pending.size());
        for (auto& item : pending)
            images.push_back(std::move(item.image));
        auto cams = camMaps(model, images);
        if (!cams)
            return Error{"Grad-CAM failed: " + cams.error()};
        for (std::size_t i = 0; i < pending.size(); ++i) {
            const auto& cam = cams.value()[i];
            engine::ImageU8 map = engine::quantizeMap(cam.cam);
            if (params.upscaled)
                map = engine::upscaleMap(map, metadata.inputWidth, metadata.inputHeight);
            const std::string name = namer.next(pending[i].path);
            const auto mapPath = (std::filesystem::path(params.outputDirectory) / name).string();
            if (auto written = writeImage(mapPath, map); !written)
                return written.failure();
            const auto& prediction = cam.prediction;
            csv << csvField(pending[i].path) << "," << csvField(name) << "," << prediction.predictedClass << ","
                << csvField(metadata.classNames.at(std::size_t(prediction.predictedClass))) << ","
                << number(prediction.positiveScore);
            for (float p : prediction.softmax)
                csv << "," << number(p);
            for (float l : prediction.logits)
                csv << "," << number(l);
            csv << "," << (cam.flat ? 1 : 0) << "\n";
            ++result.mapsWritten;
            result.flatMaps += cam.flat;
        }
        if (!csv)
            return Error{"cannot write " + result.csvPath + ": disk full or I/O error"};
        done += std::int64_t(pending.size());
        pending.clear();
        progress.progress(done + std::int64_t(result.skipped.size()), total);
        return Ok{};
    };

    for (const auto& file : files) {
        if (cancel.isCancelled())
            return Error::cancelled();
        auto input = readModelInput(file, metadata.inputWidth, metadata.inputHeight);
        if (!input) {
            result.skipped.emplace_back(file, input.error());
            progress.message("skipped " + input.error());
            continue;
        }
        pending.push_back({file, std::move(input).value()});
        if (int(pending.size()) == params.batchSize)
            if (auto status = flush(); !status)
                return status.failure();
    }
    if (auto status = flush(); !status)
        return status.failure();
    csv.close();
    if (!csv)
        return Error{"cannot write " + result.csvPath + ": disk full or I/O error"};
    return result;
}

} // namespace saliscope
