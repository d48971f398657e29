// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/projectrun.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/datasethashing.h"
#include "core/dataset/imagecache.h"
#include "core/engine/model.h"
#include "core/engine/runtime.h"
#include "core/measures/csvmeasuresink.h"
#include "core/measures/measuresummary.h"
#include "core/project/projectrunplan.h"
#include "core/store/projectstore.h"
#include "core/store/storemeasuresink.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStorageInfo>
#include <QString>
#include <QStringList>

#include <chrono>
#include <set>

namespace saliscope {

namespace {

using engine::Error;

} // namespace

std::string imageCacheFolder(const std::string& projectPath) { return projectPath + ".cache"; }

engine::Result<Shard> Shard::parse(const std::string& text)
{
    const QStringList parts = QString::fromStdString(text).split('/');
    bool okIndex = false, okCount = false;
    Shard shard;
    if (parts.size() == 2) {
        shard.index = parts[0].toInt(&okIndex);
        shard.count = parts[1].toInt(&okCount);
    }
    if (!okIndex || !okCount || shard.count < 1 || shard.index < 1 || shard.index > shard.count)
        return Error{"shard '" + text + "' is not K/N with 1 <= K <= N"};
    return shard;
}

bool Shard::includes(const std::string& contentHash) const
{
    if (count == 1)
        return true;
    if (contentHash.empty())
        return index == 1;
    const unsigned long long value = std::stoull(contentHash.substr(0, 16), nullptr, 16);
    return int(value % unsigned(count)) == index - 1;
}

std::string Shard::text() const
{
    return isWhole() ? std::string() : std::to_string(index) + "/" + std::to_string(count);
}

namespace {

/// SQLite reports some writes to a full disk as a plain "disk I/O error" (sizing the -shm file
/// of a new project, for one): when the project's folder has next to no room left, the message
/// says that the disk is full.
std::string namingAFullDisk(const std::string& message, const std::string& projectPath)
{
    if (message.find("disk is full") != std::string::npos)
        return message;
    const QString folder = QFileInfo(QString::fromStdString(projectPath)).absolutePath();
    const QStorageInfo storage(folder);
    if (!storage.isValid() || storage.bytesAvailable() >= 1024 * 1024)
        return message;
    return message + " (the disk is full: " + std::to_string(storage.bytesAvailable() / 1024) + " KiB free in "
        + folder.toStdString() + ")";
}

engine::Result<ProjectRunResult> measureInProject(MeasureRunParams params, const std::string& projectPath,
                                                  const Shard& shard, MeasureSink* extraSink, ProgressSink& progress,
                                                  const CancelToken& cancel)
{
    auto opened = ProjectStore::open(projectPath, ProjectOpenMode::CreateIfMissing);
    if (!opened)
        return Error{opened.error()};
    ProjectStore& store = *opened.value();
    if (store.isReadOnly())
        return Error{projectPath + " cannot be written: " + store.readOnlyReason()};

    // Dataset: content hashes make results survive renames and moves.
    NullProgressSink quiet;
    auto hashes = hashDataset(params.dataset, {}, quiet, cancel);
    if (!hashes)
        return Error{hashes.error()};
    auto datasetId = store.addDataset(params.dataset, hashes->hashes, hashes->problems);
    if (!datasetId)
        return Error{datasetId.error()};
    ProjectRunResult result;
    result.datasetId = datasetId.value();

    // Models by file hash, with their metadata; input sizes decide the transforms per image.
    std::map<std::string, std::string> fileHashes;
    std::map<std::string, std::int64_t> modelIds;
    std::vector<std::pair<int, int>> inputSizes;
    for (const auto& entry : params.models) {
        auto fileHash = hashFile(entry.path);
        if (!fileHash)
            return Error{fileHash.error()};
        engine::ModelLoadOptions options;
        options.layer = entry.layer;
        options.metadata = entry.metadata;
        auto loaded = engine::Model::load(entry.path, options);
        if (!loaded)
            return Error{loaded.error()};
        const auto& model = *loaded.value();
        StoredModel stored;
        stored.path = entry.path;
        stored.fileHash = fileHash.value();
        stored.metadataJson = model.metadata().toJson();
        stored.kind = engine::modelKindName(model.kind());
        stored.camLayer = model.camLayer();
        auto id = store.addModel(stored);
        if (!id)
            return Error{id.error()};
        fileHashes[entry.name] = fileHash.value();
        modelIds[entry.name] = id.value();
        inputSizes.emplace_back(model.metadata().inputWidth, model.metadata().inputHeight);
    }
    for (const auto& family : params.families) {
        std::vector<std::int64_t> members;
        for (const auto& member : family.members)
            if (modelIds.count(member))
                members.push_back(modelIds[member]);
        if (auto id = store.addFamily(family.name, members); !id)
            return Error{id.error()};
    }

    // One run per measure; an identical earlier run (same parameters, dataset, shard) is resumed.
    ProjectRunPlan plan;
    plan.params = std::move(params);
    plan.shard = shard;
    plan.datasetId = result.datasetId;
    plan.contentHashes = hashes->hashes;
    plan.fileHashes = fileHashes;
    plan.inputSizes = inputSizes;
    if (auto registered = registerRuns(store, plan); !registered)
        return Error{registered.error()};
    result.runIds = plan.runIds;
    auto done = completedInEveryRun(store, plan);
    if (!done)
        return Error{done.error()};
    result.imagesAlreadyDone = skipCompletedImages(plan, done.value());
    if (auto status = setPlanStatus(store, plan, RunStatus::Running); !status)
        return Error{status.error()};
    auto sink = ProjectRunSink::make(store, plan, extraSink);
    if (!sink)
        return Error{sink.error()};

    // Decoded, resized images are kept beside the project and shared by later runs.
    ImageCache cache(imageCacheFolder(projectPath));
    plan.params.cache = &cache;
    plan.params.contentHashes = plan.contentHashes;

    const auto started = std::chrono::steady_clock::now();
    auto measured = runMeasures(plan.params, sink->get(), /*keepTables=*/false, progress, cancel);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    auto summary = finishRuns(store, plan, measured, seconds, sink->get());
    if (!summary)
        return Error{summary.error()};
    result.imagesComputed = measured->imagesComputed;
    result.skipped = measured->skipped;
    result.summary = summary.value();
    return result;
}

} // namespace

engine::Result<ProjectRunResult> runMeasuresInProject(MeasureRunParams params, const std::string& projectPath,
                                                      const Shard& shard, MeasureSink* extraSink,
                                                      ProgressSink& progress, const CancelToken& cancel)
{
    auto result = measureInProject(std::move(params), projectPath, shard, extraSink, progress, cancel);
    if (!result)
        return Error{namingAFullDisk(result.error(), projectPath)};
    return result;
}

engine::Result<QJsonObject> summarizeStoredRuns(ProjectStore& store, const std::vector<std::int64_t>& runIds)
{
    std::map<MeasureKind, std::int64_t> byKind;
    MeasureSettings settings;
    std::vector<FamilyEntry> families;
    for (auto runId : runIds) {
        auto run = store.run(runId);
        if (!run)
            return Error{run.error()};
        const auto kind = measureKindNamed(run->measure);
        if (!kind)
            return Error{"run " + std::to_string(runId) + " has an unknown measure '" + run->measure + "'"};
        byKind[*kind] = runId;
        const auto object = QJsonDocument::fromJson(QByteArray::fromStdString(run->parametersJson)).object();
        if (auto parsed = MeasureSettings::fromJson(object.value("settings").toObject()))
            settings = parsed.value();
        families.clear();
        for (const auto& value : object.value("families").toArray()) {
            FamilyEntry family{value.toObject().value("name").toString().toStdString(), {}};
            for (const auto& member : value.toObject().value("members").toArray())
                family.members.push_back(member.toString().toStdString());
            families.push_back(family);
        }
    }
    auto tables = storedMeasureTables(store, byKind);
    if (!tables)
        return Error{tables.error()};
    return summarizeMeasures(tables.value(), settings, families);
}

engine::Status writeRunsAsCsv(const std::string& projectPath, const std::map<MeasureKind, std::int64_t>& runIds,
                              const Dataset& dataset, const std::string& directory)
{
    auto opened = ProjectStore::open(projectPath, ProjectOpenMode::ReadOnly);
    if (!opened)
        return Error{opened.error()};
    const ProjectStore& store = *opened.value();
    CsvMeasureSink csv(directory, dataset);
    for (const auto& [kind, runId] : runIds) {
        auto columns = store.resultColumns(runId);
        if (!columns)
            return Error{columns.error()};
        auto stored = store.results(runId);
        if (!stored)
            return Error{stored.error()};
        std::vector<MeasureRow> rows;
        rows.reserve(stored->size());
        for (auto& row : stored.value()) {
            if (row.position < 0 || std::size_t(row.position) >= dataset.records.size())
                return Error{"the project " + projectPath + " holds a row of run " + std::to_string(runId)
                             + " for image position " + std::to_string(row.position) + ", outside its dataset of "
                             + std::to_string(dataset.records.size()) + " images"};
            rows.push_back({row.position, std::move(row.model), std::move(row.variant), std::move(row.values)});
        }
        csv.rowsReady(kind, columns.value(), rows);
    }
    return csv.finish();
}

} // namespace saliscope
