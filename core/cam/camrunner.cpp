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

struct PendingImage final {
    std::string path;
    engine::ImageU8 image;
};

/// Where one method's maps and cams.csv go.
struct MethodOutput final {
    std::string directory;
    std::string csvPath;
    std::ofstream csv;
};

void writeCamsHeader(std::ofstream& csv, const engine::Model& model)
{
    const auto& metadata = model.metadata();
    csv << "image,map,predicted_class,predicted_label,score";
    for (const auto& name : metadata.classNames)
        csv << "," << csvField("softmax_" + name);
    if (model.singleLogit()) // a sigmoid detector's one raw output
        csv << ",logit";
    else
        for (const auto& name : metadata.classNames)
            csv << "," << csvField("logit_" + name);
    csv << ",flat\n";
}

void writeCamsRow(std::ofstream& csv, const std::string& image, const std::string& map, const engine::CamOutput& cam,
                  const engine::ModelMetadata& metadata)
{
    const auto& prediction = cam.prediction;
    csv << csvField(image) << "," << csvField(map) << "," << prediction.predictedClass << ","
        << csvField(metadata.classNames.at(std::size_t(prediction.predictedClass))) << ","
        << number(prediction.positiveScore);
    for (float p : prediction.softmax)
        csv << "," << number(p);
    for (float l : prediction.logits)
        csv << "," << number(l);
    csv << "," << (cam.flat ? 1 : 0) << "\n";
}

} // namespace

std::string CamMapNamer::next(const std::string& imagePath)
{
    const std::string stem = std::filesystem::path(imagePath).stem().string();
    const int count = ++m_seen[stem];
    return count == 1 ? stem + ".png" : stem + "_" + std::to_string(count) + ".png";
}

Status writeCamMap(const std::string& path, const engine::ImageU8& smallMap, bool upscaled, int width, int height)
{
    return writeImage(path, upscaled ? engine::upscaleMap(smallMap, width, height) : smallMap);
}

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

    if (params.methods.empty())
        return Error{"no salience method asked for"};
    // One method: maps and cams.csv in the output folder; several: in one subfolder per method.
    std::vector<MethodOutput> outputs;
    for (engine::CamMethod method : params.methods) {
        MethodOutput output;
        output.directory = params.methods.size() == 1
            ? params.outputDirectory
            : (std::filesystem::path(params.outputDirectory) / engine::camMethodName(method)).string();
        std::error_code code;
        std::filesystem::create_directories(output.directory, code);
        if (code)
            return Error{"cannot create " + output.directory + ": " + code.message()};
        output.csvPath = (std::filesystem::path(output.directory) / "cams.csv").string();
        output.csv.open(output.csvPath);
        if (!output.csv)
            return Error{"cannot write " + output.csvPath};
        writeCamsHeader(output.csv, model);
        outputs.push_back(std::move(output));
    }
    CamRunResult result;
    result.csvPath = outputs.front().csvPath;

    CamMapNamer namer;
    std::vector<PendingImage> pending;
    std::int64_t done = 0;
    const auto total = std::int64_t(files.size());
    engine::CamRequest request;
    request.methods = params.methods;
    auto flush = [&]() -> Status {
        if (pending.empty())
            return Ok{};
        std::vector<engine::ImageU8> images;
        images.reserve(pending.size());
        for (auto& item : pending)
            images.push_back(std::move(item.image));
        auto cams = camMaps(model, images, request);
        if (!cams)
            return Error{"maps failed: " + cams.error()};
        std::vector<std::string> names;
        for (const auto& item : pending)
            names.push_back(namer.next(item.path));
        for (std::size_t m = 0; m < outputs.size(); ++m) {
            auto& output = outputs[m];
            for (std::size_t i = 0; i < pending.size(); ++i) {
                const auto& cam = cams.value()[m][i];
                const auto mapPath = (std::filesystem::path(output.directory) / names[i]).string();
                if (auto written = writeCamMap(mapPath, engine::quantizeMap(cam.cam), params.upscaled,
                                               metadata.inputWidth, metadata.inputHeight);
                    !written)
                    return written.failure();
                writeCamsRow(output.csv, pending[i].path, names[i], cam, metadata);
                ++result.mapsWritten;
                result.flatMaps += cam.flat;
            }
            if (!output.csv)
                return Error{"cannot write " + output.csvPath + ": disk full or I/O error"};
        }
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
    for (auto& output : outputs) {
        output.csv.close();
        if (!output.csv)
            return Error{"cannot write " + output.csvPath + ": disk full or I/O error"};
    }
    return result;
}

} // namespace saliscope
