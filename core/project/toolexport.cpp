// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/toolexport.h"

#include "core/cam/camrunner.h"
#include "core/cam/mapmaker.h"
#include "core/dataset/csvtext.h"
#include "core/dataset/imagecache.h"
#include "core/dataset/imageio.h"
#include "core/engine/cammaps.h"
#include "core/engine/model.h"
#include "core/engine/modelmetadata.h"
#include "core/engine/runtime.h"
#include "core/project/mapservice.h"
#include "core/project/npzwriter.h"
#include "core/project/projectrun.h"
#include "core/project/runparameters.h"
#include "core/store/projectstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

namespace saliscope {

namespace {

namespace fs = std::filesystem;

/// One exported run: its record, parameters, columns and the rows kept.
struct RunData final {
    StoredRun run;
    RunParameters parameters;
    engine::CamMethod method = engine::CamMethod::GradCam;
    std::vector<std::string> columns;
    std::vector<StoredResult> rows;
};

/// The maps of one model by one method, one per image content, in the order first met.
struct MapGroup final {
    StoredModel model;
    std::string name; ///< the model's name in the runs
    engine::CamMethod method = engine::CamMethod::GradCam;
    engine::ModelMetadata metadata;
    std::vector<std::string> hashes;
    std::map<std::string, std::string> paths; ///< content hash -> an image with that content
    std::map<std::string, StoredMap> maps;    ///< content hash -> its map (missing: skipped)
};

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

/// A name that is safe as a folder or a FiftyOne field: letters, digits and '_', others as '_'.
std::string safeName(const std::string& text)
{
    std::string out = text;
    for (char& c : out)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
            c = '_';
    if (out.empty() || out == "." || out == "..")
        out = "_" + out;
    return out;
}

std::string fieldName(const std::string& text)
{
    std::string out = safeName(text);
    std::replace(out.begin(), out.end(), '-', '_');
    std::replace(out.begin(), out.end(), '.', '_');
    return out;
}

/// Whether a row of `model` ("a" or a pair "a|b") is kept by the --model filter.
bool keepModel(const std::string& model, const std::set<std::string>& models)
{
    if (models.empty() || models.count(model))
        return true;
    if (model.find('|') == std::string::npos)
        return false;
    std::size_t start = 0;
    while (start <= model.size()) {
        const std::size_t bar = std::min(model.find('|', start), model.size());
        if (!models.count(model.substr(start, bar - start)))
            return false;
        start = bar + 1;
    }
    return true;
}

QString q(const std::string& text) { return QString::fromStdString(text); }

Status writeJson(const std::string& path, const QJsonDocument& document)
{
    QSaveFile file(q(path));
    const QByteArray bytes = document.toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{"cannot write " + path + ": " + file.errorString().toStdString()};
    return Ok{};
}

Status makeFolder(const std::string& folder)
{
    std::error_code code;
    fs::create_directories(folder, code);
    if (code || !fs::is_directory(folder))
        return Error{"cannot create " + folder + ": " + (code ? code.message() : std::string("not a folder"))};
    return Ok{};
}

/// Class index -> name: the class folders the datasets' images lie in (their first folder below
/// the dataset's location), else the models' class names, else the index.
std::map<int, std::string> labelNames(const std::vector<StoredDataset>& datasets,
                                      const std::map<std::int64_t, std::vector<StoredImage>>& images,
                                      const std::vector<std::string>& modelClassNames)
{
    std::map<int, std::string> names;
    for (const auto& dataset : datasets) {
        auto it = images.find(dataset.id);
        if (it == images.end())
            continue;
        const fs::path location(dataset.location);
        for (const StoredImage& image : it->second) {
            if (image.label < 0 || names.count(image.label))
                continue;
            const fs::path relative = fs::path(image.path).lexically_relative(location);
            if (relative.empty() || *relative.begin() == ".." || std::distance(relative.begin(), relative.end()) < 2)
                continue;
            names[image.label] = relative.begin()->string();
        }
    }
    for (std::size_t i = 0; i < modelClassNames.size(); ++i)
        names.emplace(int(i), modelClassNames[i]);
    return names;
}

std::string labelName(const std::map<int, std::string>& names, int label)
{
    auto it = names.find(label);
    return it != names.end() ? it->second : std::to_string(label);
}

/// Reads the stored maps of every group and computes the others (the viewer's way: camMaps on
/// the image cache's model input, 8-bit), in batches.
Status collectMaps(std::vector<MapGroup>& groups, const ProjectStore& store, const ToolExportParams& params,
                   ToolExportResult& result, ProgressSink& progress, const CancelToken& cancel)
{
    std::vector<std::vector<std::string>> missing(groups.size());
    std::int64_t total = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        MapGroup& group = groups[g];
        const std::string variant = mapVariant(group.method);
        for (const std::string& hash : group.hashes) {
            auto stored = store.map(group.model.id, hash, variant);
            if (!stored)
                return stored.failure();
            if (stored.value())
                group.maps[hash] = *stored.value();
            else
                missing[g].push_back(hash);
        }
        total += std::int64_t(missing[g].size());
    }
    if (total == 0)
        return Ok{};
    progress.message("computing " + std::to_string(total) + " maps the project does not hold");
    ImageCache cache(imageCacheFolder(store.path()));
    std::int64_t done = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        MapGroup& group = groups[g];
        if (missing[g].empty())
            continue;
        engine::ModelLoadOptions options;
        options.layer = group.model.camLayer;
        options.device = params.device;
        options.metadata = group.metadata;
        // Loaded for this group only (one model at a time).
        auto loaded = loadModel(group.model.path, options);
        if (!loaded)
            return Error{"cannot load the model " + group.name + " (" + group.model.path + "): " + loaded.error()};
        const engine::Model& model = *loaded.value();
        const int width = model.metadata().inputWidth;
        const int height = model.metadata().inputHeight;
        const auto& hashes = missing[g];
        for (std::size_t start = 0; start < hashes.size(); start += std::size_t(std::max(1, params.batchSize))) {
            if (cancel.isCancelled())
                return Error::cancelled();
            const std::size_t end = std::min(hashes.size(), start + std::size_t(std::max(1, params.batchSize)));
            std::vector<engine::ImageU8> inputs;
            std::vector<std::string> batch;
            for (std::size_t i = start; i < end; ++i) {
                const std::string& path = group.paths[hashes[i]];
                auto input = cache.get(path, hashes[i], width, height);
                if (!input) {
                    result.skipped.emplace_back(path, input.error());
                    progress.message("skipped " + path + ": " + input.error());
                    continue;
                }
                inputs.push_back(std::move(input).value());
                batch.push_back(hashes[i]);
            }
            if (!inputs.empty()) {
                auto cams = camMaps(model, inputs, group.method);
                if (!cams)
                    return Error{"maps of " + group.name + " failed: " + cams.error()};
                for (std::size_t i = 0; i < batch.size(); ++i) {
                    const engine::CamOutput& cam = cams.value()[i];
                    const engine::ImageU8 small = engine::quantizeMap(cam.cam);
                    StoredMap map;
                    map.modelId = group.model.id;
                    map.imageHash = batch[i];
                    map.variant = mapVariant(group.method);
                    map.width = small.width;
                    map.height = small.height;
                    map.flat = cam.flat;
                    map.pixels = small.pixels;
                    group.maps[batch[i]] = std::move(map);
                    ++result.mapsComputed;
                }
            }
            done += std::int64_t(end - start);
            progress.progress(done, total);
        }
    }
    return Ok{};
}

/// The map as the export writes it: the small map, or its upscaled form at the model's input.
engine::ImageU8 exportedMap(const MapGroup& group, const StoredMap& map, bool upscaled)
{
    const engine::ImageU8 small{map.width, map.height, 1, map.pixels};
    return upscaled ? engine::upscaleMap(small, group.metadata.inputWidth, group.metadata.inputHeight) : small;
}

/// Writes a group's maps under root/<model>/<method>/ with cam's names and writer; returns
/// content hash -> absolute file. Appends rows to the index (maps.csv).
Result<std::map<std::string, std::string>> writeMapFiles(const MapGroup& group, const std::string& root, bool upscaled,
                                                         std::string& index, ToolExportResult& result)
{
    const std::string folder = (fs::path(root) / safeName(group.name) / engine::camMethodName(group.method)).string();
    if (auto made = makeFolder(folder); !made)
        return made.failure();
    CamMapNamer namer;
    std::map<std::string, std::string> files;
    for (const std::string& hash : group.hashes) {
        auto it = group.maps.find(hash);
        if (it == group.maps.end())
            continue;
        const std::string& image = group.paths.at(hash);
        const std::string name = namer.next(image);
        const std::string path = (fs::path(folder) / name).string();
        const StoredMap& map = it->second;
        if (auto written = writeCamMap(path, engine::ImageU8{map.width, map.height, 1, map.pixels}, upscaled,
                                       group.metadata.inputWidth, group.metadata.inputHeight);
            !written)
            return written.failure();
        files[hash] = fs::absolute(path).lexically_normal().string();
        index += csvField(group.name) + "," + engine::camMethodName(group.method) + "," + csvField(image) + "," + hash
            + "," + csvField((fs::path(safeName(group.name)) / engine::camMethodName(group.method) / name).string())
            + "," + (map.flat ? "1" : "0") + "\n";
        ++result.maps;
    }
    return files;
}

Status writeIndex(const std::string& path, const std::string& index)
{
    QSaveFile file(q(path));
    const std::string text = "model,method,image,content_hash,map,flat\n" + index;
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !file.commit())
        return Error{"cannot write " + path + ": " + file.errorString().toStdString()};
    return Ok{};
}

QJsonObject runRecord(const RunData& data, const StoredDataset* dataset)
{
    const StoredRun& run = data.run;
    QJsonObject record{{"id", qint64(run.id)},
                       {"measure", q(run.measure)},
                       {"method", engine::camMethodName(data.method)},
                       {"dataset", qint64(run.datasetId)},
                       {"status", runStatusName(run.status)},
                       {"created", q(run.created)},
                       {"started", q(run.started)},
                       {"finished", q(run.finished)},
                       {"device", q(run.device)},
                       {"shard", q(run.shard)},
                       {"software_version", q(run.softwareVersion)},
                       {"compute_seconds", run.computeSeconds},
                       {"error", q(run.error)}};
    if (dataset) {
        record.insert("dataset_location", q(dataset->location));
        record.insert("dataset_name", q(dataset->name));
    }
    return record;
}

std::string compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

const StoredImage* imageOf(const std::map<std::int64_t, const StoredImage*>& byId, std::int64_t id)
{
    auto it = byId.find(id);
    return it == byId.end() ? nullptr : it->second;
}

Status writeNpz(const ToolExportParams& params, const std::vector<RunData>& runs,
                const std::map<std::int64_t, const StoredImage*>& imagesById,
                const std::vector<StoredDataset>& datasets, const std::vector<MapGroup>& groups,
                ToolExportResult& result)
{
    NpzWriter npz;
    if (auto opened = npz.open(params.output); !opened)
        return opened;
    QJsonArray runIds;
    std::vector<std::int64_t> ids;
    for (const RunData& data : runs) {
        runIds.append(qint64(data.run.id));
        ids.push_back(data.run.id);
    }
    const QJsonObject about{{"format", "saliscope-npz"},
                            {"format_version", 1},
                            {"software_version", q(engine::saliscopeVersion())},
                            {"project", q(fs::absolute(params.projectPath).lexically_normal().string())},
                            {"runs", runIds},
                            {"maps",
                             params.maps
                                 ? (params.upscaled ? "uint8, model input size (Pillow bicubic of the 8-bit map)"
                                                    : "uint8, CAM layer size (the 8-bit map the viewer stores)")
                                 : "none"}};
    Status status = npz.addString("saliscope", compact(about));
    if (status)
        status = npz.addInt64("runs", {std::int64_t(ids.size())}, ids);
    for (const RunData& data : runs) {
        if (!status)
            return status;
        const std::string prefix = "run" + std::to_string(data.run.id) + "/";
        const StoredDataset* dataset = nullptr;
        for (const auto& d : datasets)
            if (d.id == data.run.datasetId)
                dataset = &d;
        const auto n = std::int64_t(data.rows.size());
        std::vector<std::string> image, group, hash, model, variant;
        std::vector<std::int64_t> label;
        for (const StoredResult& row : data.rows) {
            const StoredImage* stored = imageOf(imagesById, row.imageId);
            image.push_back(stored ? stored->path : std::string());
            label.push_back(stored ? stored->label : -1);
            group.push_back(stored ? stored->group : std::string());
            hash.push_back(stored ? stored->contentHash : std::string());
            model.push_back(row.model);
            variant.push_back(row.variant);
        }
        status = npz.addString(prefix + "run", compact(runRecord(data, dataset)));
        if (status)
            status = npz.addString(prefix + "parameters", data.run.parametersJson);
        if (status)
            status = npz.addStrings(prefix + "columns", {std::int64_t(data.columns.size())}, data.columns);
        if (status)
            status = npz.addStrings(prefix + "image", {n}, image);
        if (status)
            status = npz.addInt64(prefix + "label", {n}, label);
        if (status)
            status = npz.addStrings(prefix + "group", {n}, group);
        if (status)
            status = npz.addStrings(prefix + "content_hash", {n}, hash);
        if (status)
            status = npz.addStrings(prefix + "model", {n}, model);
        if (status)
            status = npz.addStrings(prefix + "variant", {n}, variant);
        for (std::size_t c = 0; status && c < data.columns.size(); ++c) {
            std::vector<double> values;
            values.reserve(data.rows.size());
            for (const StoredResult& row : data.rows)
                values.push_back(c < row.values.size() ? row.values[c] : std::nan(""));
            status = npz.addFloat64(prefix + "values/" + data.columns[c], {n}, values);
        }
        result.rows += n;
    }
    for (const MapGroup& group : groups) {
        if (!status)
            return status;
        const std::string prefix = "maps/" + std::string(engine::camMethodName(group.method)) + "/"
            + safeName(group.name) + "/";
        std::vector<std::uint8_t> pixels;
        std::vector<std::string> hashes, images;
        std::vector<bool> flat;
        int width = 0, height = 0;
        for (const std::string& hash : group.hashes) {
            auto it = group.maps.find(hash);
            if (it == group.maps.end())
                continue;
            const engine::ImageU8 map = exportedMap(group, it->second, params.upscaled);
            if (hashes.empty()) {
                width = map.width;
                height = map.height;
            } else if (map.width != width || map.height != height) {
                return Error{"the maps of " + group.name + " differ in size (" + std::to_string(width) + "x"
                             + std::to_string(height) + " and " + std::to_string(map.width) + "x"
                             + std::to_string(map.height) + "): use --format png"};
            }
            pixels.insert(pixels.end(), map.pixels.begin(), map.pixels.end());
            hashes.push_back(hash);
            images.push_back(group.paths.at(hash));
            flat.push_back(it->second.flat);
        }
        const auto k = std::int64_t(hashes.size());
        status = npz.addUint8(prefix + "map", {k, height, width}, pixels);
        if (status)
            status = npz.addStrings(prefix + "content_hash", {k}, hashes);
        if (status)
            status = npz.addStrings(prefix + "image", {k}, images);
        if (status)
            status = npz.addBool(prefix + "flat", {k}, flat);
        result.maps += k;
    }
    if (!status)
        return status;
    return npz.finish();
}

Status writeFiftyOne(const ToolExportParams& params, const std::vector<RunData>& runs,
                     const std::map<std::int64_t, const StoredImage*>& imagesById,
                     const std::map<int, std::string>& classNames, const std::vector<MapGroup>& groups,
                     ToolExportResult& result)
{
    // Samples by image path, in the order first met (runs ascending, rows by image position).
    std::vector<std::string> order;
    std::map<std::string, QJsonObject> samples;
    std::map<std::string, std::vector<std::string>> pathsOfHash;
    auto sampleOf = [&](const StoredImage& image) -> QJsonObject& {
        auto it = samples.find(image.path);
        if (it != samples.end())
            return it->second;
        QJsonObject sample{{"filepath", q(fs::absolute(image.path).lexically_normal().string())},
                           {"tags", QJsonArray()},
                           {"metadata", QJsonValue::Null},
                           {"content_hash", q(image.contentHash)}};
        if (!image.group.empty())
            sample.insert("image_group", q(image.group)); // FiftyOne calls grouped samples "groups"
        if (image.label >= 0)
            sample.insert("ground_truth",
                          QJsonObject{{"_cls", "Classification"},
                                      {"tags", QJsonArray()},
                                      {"label", q(labelName(classNames, image.label))}});
        order.push_back(image.path);
        pathsOfHash[image.contentHash].push_back(image.path);
        return samples.emplace(image.path, sample).first->second;
    };
    for (const RunData& data : runs) {
        const auto predicted = std::find(data.columns.begin(), data.columns.end(), "predicted_class");
        const auto score = std::find(data.columns.begin(), data.columns.end(), "score");
        const std::string method = engine::camMethodName(data.method);
        for (const StoredResult& row : data.rows) {
            const StoredImage* image = imageOf(imagesById, row.imageId);
            if (!image)
                continue;
            QJsonObject& sample = sampleOf(*image);
            ++result.rows;
            // Only the clean pass of one model is one value per sample: varied images and model
            // pairs stay in the npz and CSV exports.
            if (!row.variant.empty() || row.model.find('|') != std::string::npos)
                continue;
            for (std::size_t c = 0; c < data.columns.size() && c < row.values.size(); ++c) {
                const double value = row.values[c];
                sample.insert(q(fieldName(data.run.measure + "_" + method + "_" + row.model + "_" + data.columns[c])),
                              std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null));
            }
            if (predicted != data.columns.end() && score != data.columns.end()) {
                const double cls = row.values[std::size_t(predicted - data.columns.begin())];
                const double positive = row.values[std::size_t(score - data.columns.begin())];
                if (std::isfinite(cls) && std::isfinite(positive)) {
                    // The score is the positive (synthetic) class's; the confidence is the predicted class's.
                    const double confidence = int(cls) == 1 ? positive : 1.0 - positive;
                    sample.insert(q(fieldName("prediction_" + row.model)),
                                  QJsonObject{{"_cls", "Classification"},
                                              {"tags", QJsonArray()},
                                              {"label", q(labelName(classNames, int(cls)))},
                                              {"confidence", confidence},
                                              {"score", positive}});
                }
            }
        }
    }
    std::string index;
    if (params.maps) {
        const std::string root = (fs::path(params.output) / "heatmaps").string();
        for (const MapGroup& group : groups) {
            auto files = writeMapFiles(group, root, params.upscaled, index, result);
            if (!files)
                return files.failure();
            const QString field = q(fieldName("heatmap_" + group.name + "_" + engine::camMethodName(group.method)));
            for (const auto& [hash, file] : files.value())
                for (const std::string& path : pathsOfHash[hash])
                    samples[path].insert(field,
                                         QJsonObject{{"_cls", "Heatmap"},
                                                     {"tags", QJsonArray()},
                                                     {"map_path", q(file)},
                                                     {"range", QJsonArray{0, 255}}});
        }
        if (auto written = writeIndex((fs::path(root) / "maps.csv").string(), index); !written)
            return written;
    }
    QJsonArray list;
    for (const std::string& path : order)
        list.append(samples[path]);
    result.samples = list.size();
    QJsonArray classes;
    for (const auto& [label, name] : classNames)
        classes.append(q(name));
    QJsonArray runIds;
    for (const RunData& data : runs)
        runIds.append(qint64(data.run.id));
    // No "version" key: FiftyOne reads a FiftyOneDataset without one as its JSON sample format
    // (samples.json holds each sample's fields, labels tagged by "_cls").
    const QJsonObject metadata{
        {"name", q(fs::path(params.projectPath).stem().string())},
        {"media_type", "image"},
        {"info",
         QJsonObject{{"default_classes", classes},
                     {"saliscope",
                      QJsonObject{{"software_version", q(engine::saliscopeVersion())},
                                  {"project", q(fs::absolute(params.projectPath).lexically_normal().string())},
                                  {"runs", runIds}}}}}};
    if (auto written = writeJson((fs::path(params.output) / "metadata.json").string(), QJsonDocument(metadata));
        !written)
        return written;
    return writeJson((fs::path(params.output) / "samples.json").string(),
                     QJsonDocument(QJsonObject{{"samples", list}}));
}

} // namespace

const char* toolExportFormatName(ToolExportFormat format)
{
    switch (format) {
    case ToolExportFormat::Npz: return "npz";
    case ToolExportFormat::FiftyOne: return "fiftyone";
    case ToolExportFormat::Png: return "png";
    }
    return "npz";
}

std::optional<ToolExportFormat> toolExportFormatNamed(const std::string& name)
{
    for (auto format : {ToolExportFormat::Npz, ToolExportFormat::FiftyOne, ToolExportFormat::Png})
        if (lower(name) == toolExportFormatName(format))
            return format;
    return std::nullopt;
}

Result<ToolExportResult> exportForTools(const ToolExportParams& params, ProgressSink& progress,
                                        const CancelToken& cancel)
{
    if (params.output.empty())
        return Error{"no output given"};
    auto opened = ProjectStore::open(params.projectPath, ProjectOpenMode::ReadOnly);
    if (!opened)
        return opened.failure();
    const ProjectStore& store = *opened.value();
    auto allRuns = store.runs();
    if (!allRuns)
        return allRuns.failure();

    // The runs: those named, else every finished one; then the --method filter.
    std::vector<StoredRun> chosen;
    if (params.runIds.empty()) {
        for (const StoredRun& run : allRuns.value())
            if (run.status == RunStatus::Finished)
                chosen.push_back(run);
        if (chosen.empty())
            return Error{"no finished run in " + params.projectPath + " (see saliscope-cli project)"};
    } else {
        for (std::int64_t id : params.runIds) {
            auto it = std::find_if(allRuns->begin(), allRuns->end(), [id](const StoredRun& r) { return r.id == id; });
            if (it == allRuns->end())
                return Error{"no run " + std::to_string(id) + " in " + params.projectPath
                             + " (see saliscope-cli project)"};
            if (std::none_of(chosen.begin(), chosen.end(), [id](const StoredRun& r) { return r.id == id; }))
                chosen.push_back(*it);
        }
    }
    std::sort(chosen.begin(), chosen.end(), [](const StoredRun& a, const StoredRun& b) { return a.id < b.id; });
    const std::set<std::string> modelFilter(params.models.begin(), params.models.end());
    std::set<std::string> modelsSeen;
    std::vector<RunData> runs;
    for (const StoredRun& run : chosen) {
        RunData data;
        data.run = run;
        data.parameters = RunParameters::fromJson(run.parametersJson);
        data.method = data.parameters.settings.method;
        if (!params.methods.empty()
            && std::find(params.methods.begin(), params.methods.end(), data.method) == params.methods.end())
            continue;
        for (const std::string& name : data.parameters.modelNames())
            modelsSeen.insert(name);
        runs.push_back(std::move(data));
    }
    if (runs.empty())
        return Error{"no run of the salience methods asked for in " + params.projectPath};
    for (const std::string& name : params.models)
        if (!modelsSeen.count(name))
            return Error{"no run exported has a model named " + name};

    auto datasets = store.datasets();
    auto models = store.models();
    if (!datasets)
        return datasets.failure();
    if (!models)
        return models.failure();
    std::map<std::int64_t, std::vector<StoredImage>> images;
    progress.message("reading " + std::to_string(runs.size()) + " runs");
    for (RunData& data : runs) {
        if (cancel.isCancelled())
            return Error::cancelled();
        auto columns = store.resultColumns(data.run.id);
        if (!columns)
            return columns.failure();
        data.columns = std::move(columns).value();
        auto rows = store.results(data.run.id);
        if (!rows)
            return rows.failure();
        for (StoredResult& row : rows.value())
            if (keepModel(row.model, modelFilter))
                data.rows.push_back(std::move(row));
        if (!images.count(data.run.datasetId)) {
            auto list = store.images(data.run.datasetId);
            if (!list)
                return list.failure();
            images[data.run.datasetId] = std::move(list).value();
        }
    }
    std::map<std::int64_t, const StoredImage*> imagesById;
    for (const auto& [dataset, list] : images)
        for (const StoredImage& image : list)
            imagesById[image.id] = &image;

    // The maps: per (model, method), the images the runs' rows cover.
    std::vector<MapGroup> groups;
    std::vector<std::string> modelClassNames;
    const bool wantMaps = params.maps || params.format == ToolExportFormat::Png;
    for (const RunData& data : runs) {
        for (const RunModel& runModel : data.parameters.models) {
            if (!modelFilter.empty() && !modelFilter.count(runModel.name))
                continue;
            auto stored = std::find_if(models->begin(), models->end(),
                                       [&](const StoredModel& m) { return m.fileHash == runModel.fileHash; });
            if (stored == models->end())
                continue; // named in result.skipped below
            engine::ModelMetadata metadata;
            if (auto parsed = engine::ModelMetadata::fromJson(stored->metadataJson))
                metadata = parsed.value();
            if (modelClassNames.empty())
                modelClassNames = metadata.classNames;
            if (!wantMaps)
                continue;
            auto group = std::find_if(groups.begin(), groups.end(), [&](const MapGroup& g) {
                return g.model.id == stored->id && g.method == data.method;
            });
            if (group == groups.end()) {
                MapGroup made;
                made.model = *stored;
                made.name = runModel.name;
                made.method = data.method;
                made.metadata = metadata;
                groups.push_back(std::move(made));
                group = std::prev(groups.end());
            }
            for (const StoredResult& row : data.rows) {
                const StoredImage* image = imageOf(imagesById, row.imageId);
                if (!image || image->contentHash.empty() || group->paths.count(image->contentHash))
                    continue;
                group->paths[image->contentHash] = image->path;
                group->hashes.push_back(image->contentHash);
            }
        }
    }

    ToolExportResult result;
    for (const RunData& data : runs)
        result.runIds.push_back(data.run.id);
    for (const RunData& data : runs)
        for (const RunModel& runModel : data.parameters.models)
            if ((modelFilter.empty() || modelFilter.count(runModel.name))
                && std::none_of(models->begin(), models->end(),
                                [&](const StoredModel& m) { return m.fileHash == runModel.fileHash; }))
                result.skipped.emplace_back(runModel.name, "not among the project's models: no maps");

    // Where the output goes is checked before any map is computed.
    if (params.format == ToolExportFormat::Npz) {
        const fs::path parent = fs::absolute(params.output).parent_path();
        if (!fs::is_directory(parent))
            return Error{"cannot write " + params.output + ": no such folder " + parent.string()};
    } else if (auto made = makeFolder(params.output); !made) {
        return made.failure();
    }
    if (wantMaps)
        if (auto collected = collectMaps(groups, store, params, result, progress, cancel); !collected)
            return collected.failure();
    if (cancel.isCancelled())
        return Error::cancelled();
    progress.message("writing " + params.output);

    switch (params.format) {
    case ToolExportFormat::Npz: {
        if (auto written = writeNpz(params, runs, imagesById, datasets.value(),
                                    params.maps ? groups : std::vector<MapGroup>{}, result);
            !written)
            return written.failure();
        break;
    }
    case ToolExportFormat::FiftyOne: {
        const auto classNames = labelNames(datasets.value(), images, modelClassNames);
        if (auto written = writeFiftyOne(params, runs, imagesById, classNames, groups, result); !written)
            return written.failure();
        break;
    }
    case ToolExportFormat::Png: {
        std::string index;
        for (const MapGroup& group : groups) {
            auto files = writeMapFiles(group, params.output, params.upscaled, index, result);
            if (!files)
                return files.failure();
        }
        if (auto written = writeIndex((fs::path(params.output) / "maps.csv").string(), index); !written)
            return written.failure();
        break;
    }
    }
    return result;
}

} // namespace saliscope
