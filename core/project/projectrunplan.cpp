// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/projectrunplan.h"

#include "core/cam/mapmaker.h"
#include "core/dataset/contenthash.h"
#include "core/dataset/datasethashing.h"
#include "core/dataset/imagecache.h"
#include "core/engine/model.h"
#include "core/engine/runtime.h"
#include "core/measures/measuresummary.h"
#include "core/store/projectstore.h"
#include "core/store/storemeasuresink.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace saliscope {

namespace {

Status registerRuns(ProjectStore& store, ProjectRunPlan& plan)
{
    const std::string parameters = plan.parameters().toJson();
    plan.runIds.clear();
    for (auto kind : plan.params.measures) {
        auto existing = store.findRun(measureName(kind), parameters, plan.datasetId, plan.shard.text());
        if (!existing)
            return existing.failure();
        if (existing.value()) {
            plan.runIds[kind] = *existing.value();
            continue;
        }
        StoredRun run;
        run.measure = measureName(kind);
        run.parametersJson = parameters;
        run.datasetId = plan.datasetId;
        run.device = plan.params.device;
        run.shard = plan.shard.text();
        run.softwareVersion = engine::saliscopeVersion();
        auto created = store.createRun(run);
        if (!created)
            return created.failure();
        plan.runIds[kind] = created.value();
    }
    return Ok{};
}

Result<std::set<std::int64_t>> completedInEveryRun(ProjectStore& store, const ProjectRunPlan& plan)
{
    std::set<std::int64_t> everywhere;
    bool first = true;
    for (const auto& [kind, runId] : plan.runIds) {
        auto completed = store.completedImages(runId, rowsPerImage(kind, plan.params, plan.inputSizes));
        if (!completed)
            return completed.failure();
        std::set<std::int64_t> done;
        for (auto position : completed.value())
            if (first || everywhere.count(position))
                done.insert(position);
        everywhere = std::move(done);
        first = false;
    }
    return everywhere;
}

std::int64_t skipCompletedImages(ProjectRunPlan& plan, const std::set<std::int64_t>& done)
{
    std::int64_t alreadyDone = 0;
    const auto& hashes = plan.contentHashes;
    for (std::int64_t i = 0; i < std::int64_t(hashes.size()); ++i)
        if (plan.shard.includes(hashes[std::size_t(i)]) && done.count(i))
            ++alreadyDone;
    plan.params.includeImage = [hashes, done, shard = plan.shard](std::int64_t index) {
        return shard.includes(hashes[std::size_t(index)]) && !done.count(index);
    };
    return alreadyDone;
}

Status setPlanStatus(ProjectStore& store, const ProjectRunPlan& plan, RunStatus status, const std::string& error)
{
    for (const auto& [kind, runId] : plan.runIds)
        if (auto changed = store.setRunStatus(runId, status, error); !changed)
            return changed;
    return Ok{};
}

} // namespace

Result<std::vector<MeasureTable>> storedMeasureTables(ProjectStore& store,
                                                      const std::map<MeasureKind, std::int64_t>& runIds)
{
    std::vector<MeasureTable> tables;
    for (const auto& [kind, runId] : runIds) {
        auto columns = store.resultColumns(runId);
        auto rows = store.results(runId);
        if (!columns)
            return columns.failure();
        if (!rows)
            return rows.failure();
        MeasureTable table{kind, columns.value(), {}};
        table.rows.reserve(rows->size());
        for (auto& row : rows.value())
            table.rows.push_back({row.position, std::move(row.model), std::move(row.variant), std::move(row.values)});
        tables.push_back(std::move(table));
    }
    return tables;
}

Result<std::pair<Dataset, std::vector<std::string>>> storedDataset(ProjectStore& store, std::int64_t datasetId)
{
    auto datasets = store.datasets();
    if (!datasets)
        return datasets.failure();
    const StoredDataset* found = nullptr;
    for (const auto& dataset : datasets.value())
        if (dataset.id == datasetId)
            found = &dataset;
    if (!found)
        return Error{"the project has no dataset " + std::to_string(datasetId)};
    auto images = store.images(datasetId);
    if (!images)
        return images.failure();
    std::pair<Dataset, std::vector<std::string>> result;
    result.first.location = found->location;
    for (const auto& image : images.value()) {
        if (image.position != std::int64_t(result.first.records.size()))
            return Error{"dataset " + std::to_string(datasetId) + " has a gap at image position "
                         + std::to_string(result.first.records.size())};
        result.first.records.push_back({image.path, image.label, image.group, image.annotation, image.mask});
        result.second.push_back(image.contentHash);
    }
    auto problems = store.datasetProblems(datasetId); // listed with every run's skipped images
    if (!problems)
        return problems.failure();
    result.first.problems = std::move(problems).value();
    return result;
}

Result<ProjectRunPlan> planFromStoredRuns(ProjectStore& store, const std::vector<std::int64_t>& runIds)
{
    if (runIds.empty())
        return Error{"no run to resume"};
    ProjectRunPlan plan;
    std::string parameters;
    for (auto runId : runIds) {
        auto run = store.run(runId);
        if (!run)
            return run.failure();
        auto kinds = parseMeasures(run->measure);
        if (!kinds)
            return Error{"run " + std::to_string(runId) + ": " + kinds.error()};
        if (parameters.empty()) {
            parameters = canonicalJson(run->parametersJson);
            plan.datasetId = run->datasetId;
            plan.params.device = run->device.empty() ? "cpu" : run->device;
            if (!run->shard.empty()) {
                auto shard = Shard::parse(run->shard);
                if (!shard)
                    return shard.failure();
                plan.shard = shard.value();
            }
        } else if (canonicalJson(run->parametersJson) != parameters || run->datasetId != plan.datasetId
                   || run->shard != plan.shard.text()) {
            return Error{"runs " + std::to_string(runIds.front()) + " and " + std::to_string(runId)
                         + " differ in parameters, dataset or shard"};
        }
        plan.params.measures.insert(kinds->begin(), kinds->end());
        plan.runIds[*kinds->begin()] = runId;
    }
    const RunParameters recorded = RunParameters::fromJson(parameters);
    if (!recorded.settingsError.empty())
        return Error{recorded.settingsError};
    plan.params.settings = recorded.settings;

    auto models = store.models();
    if (!models)
        return models.failure();
    for (const auto& entry : recorded.models) {
        const StoredModel* stored = nullptr;
        for (const auto& model : models.value())
            if (model.fileHash == entry.fileHash)
                stored = &model;
        if (!stored)
            return Error{"model " + entry.name + " is no longer in the project"};
        auto metadata = engine::ModelMetadata::fromJson(stored->metadataJson);
        if (!metadata)
            return Error{"model " + entry.name + ": " + metadata.error()};
        plan.params.models.push_back(ModelEntry{entry.name, stored->path, entry.layer, metadata.value()});
        plan.fileHashes[entry.name] = entry.fileHash;
        plan.inputSizes.emplace_back(metadata->inputWidth, metadata->inputHeight);
    }
    plan.params.families = recorded.families;
    // The implicit "all models" family is recorded but was not given: leave it implicit.
    if (plan.params.families.size() == 1 && plan.params.families.front().name == "all models") {
        MeasureRunParams implicit = plan.params;
        implicit.families.clear();
        const auto derived = effectiveFamilies(implicit);
        if (derived.size() == 1 && derived.front().members == plan.params.families.front().members)
            plan.params.families.clear();
    }
    auto dataset = storedDataset(store, plan.datasetId);
    if (!dataset)
        return dataset.failure();
    plan.params.dataset = std::move(dataset->first);
    plan.contentHashes = std::move(dataset->second);
    return plan;
}

Result<std::unique_ptr<ProjectRunSink>> ProjectRunSink::make(ProjectStore& store, const ProjectRunPlan& plan,
                                                             MeasureSink* extra)
{
    std::unique_ptr<ProjectRunSink> sink(new ProjectRunSink());
    sink->m_extra = extra;
    for (const auto& [kind, runId] : plan.runIds) {
        auto made = store.makeSink(runId);
        if (!made)
            return made.failure();
        sink->m_sinks[kind] = std::move(made).value();
    }
    return sink;
}

ProjectRunSink::~ProjectRunSink() = default;

void ProjectRunSink::rowsReady(MeasureKind measure, const std::vector<std::string>& columns,
                               const std::vector<MeasureRow>& rows)
{
    if (auto it = m_sinks.find(measure); it != m_sinks.end())
        it->second->rowsReady(measure, columns, rows);
    if (m_extra)
        m_extra->rowsReady(measure, columns, rows);
    m_rows += std::int64_t(rows.size());
}

Status ProjectRunSink::status() const
{
    for (const auto& [kind, sink] : m_sinks)
        if (auto status = sink->status(); !status)
            return status;
    return Ok{};
}

Result<QJsonObject> summarizeRuns(ProjectStore& store, const std::map<MeasureKind, std::int64_t>& runIds,
                                  const MeasureSettings& settings, const std::vector<FamilyEntry>& families)
{
    auto tables = storedMeasureTables(store, runIds);
    if (!tables)
        return tables.failure();
    ImageGrouping grouping;
    if (!runIds.empty()) {
        auto run = store.run(runIds.begin()->second);
        if (!run)
            return run.failure();
        auto stored = storedImageGrouping(store, run->datasetId);
        if (!stored)
            return stored.failure();
        grouping = std::move(stored).value();
    }
    return summarizeMeasures(tables.value(), settings, families, grouping);
}

Result<ImageGrouping> storedImageGrouping(ProjectStore& store, std::int64_t datasetId)
{
    auto images = store.images(datasetId);
    if (!images)
        return images.failure();
    std::vector<DatasetRecord> records;
    for (const auto& image : images.value()) {
        if (image.position < 0)
            continue;
        if (std::size_t(image.position) >= records.size())
            records.resize(std::size_t(image.position) + 1);
        records[std::size_t(image.position)] = DatasetRecord{image.path, image.label, image.group, {}, {}};
    }
    return ImageGrouping::of(records);
}

namespace {

/// Step 1 of a command-line run, models: hashed, loaded for their metadata (kind, CAM layer,
/// input size), stored; families stored by model id.
Status storeModels(ProjectStore& store, ProjectRunPlan& plan)
{
    std::map<std::string, std::int64_t> modelIds;
    for (const auto& entry : plan.params.models) {
        auto fileHash = hashFile(entry.path);
        if (!fileHash)
            return fileHash.failure();
        // Loaded as runMeasures loads it, through the run's model cache: one load per model.
        auto loaded = plan.params.modelCache->get(entry.path, modelLoadOptions(entry, plan.params.device));
        if (!loaded)
            return loaded.failure();
        const auto& model = *loaded.value();
        StoredModel stored;
        stored.path = entry.path;
        stored.fileHash = fileHash.value();
        stored.metadataJson = model.metadata().toJson();
        stored.kind = engine::modelKindName(model.kind());
        stored.camLayer = model.camLayer();
        auto id = store.addModel(stored);
        if (!id)
            return id.failure();
        plan.fileHashes[entry.name] = fileHash.value();
        modelIds[entry.name] = id.value();
        plan.inputSizes.emplace_back(model.metadata().inputWidth, model.metadata().inputHeight);
    }
    for (const auto& family : plan.params.families) {
        std::vector<std::int64_t> members;
        for (const auto& member : family.members)
            if (modelIds.count(member))
                members.push_back(modelIds[member]);
        if (auto id = store.addFamily(family.name, members); !id)
            return id.failure();
    }
    return Ok{};
}

/// Step 5's check of a plan resolved from the project: each model file still has the hash the
/// project stored for it.
Status checkModelFiles(const MeasureRunParams& params, const std::map<std::string, std::string>& fileHashes)
{
    for (const auto& model : params.models) {
        auto hash = hashFile(model.path);
        if (!hash)
            return hash.failure();
        if (hash.value() != fileHashes.at(model.name))
            return Error{model.path + " changed since it was added to the project; add it again"};
    }
    return Ok{};
}

} // namespace

ProjectRun::ProjectRun(ProjectRunPlan plan, bool modelFilesToCheck)
    : m_plan(std::move(plan)), m_modelFilesToCheck(modelFilesToCheck)
{
}

ProjectRun::~ProjectRun() = default;
ProjectRun::ProjectRun(ProjectRun&&) noexcept = default;
ProjectRun& ProjectRun::operator=(ProjectRun&&) noexcept = default;

Result<ProjectRun> ProjectRun::prepare(ProjectStore& store, MeasureRunParams params, const Shard& shard,
                                       const CancelToken& cancel)
{
    // Dataset: content hashes make results survive renames and moves.
    NullProgressSink quiet;
    auto hashes = hashDataset(params.dataset, {}, quiet, cancel);
    if (!hashes)
        return hashes.failure();
    auto datasetId = store.addDataset(params.dataset, hashes->hashes, hashes->problems);
    if (!datasetId)
        return datasetId.failure();
    ProjectRunPlan plan;
    plan.params = std::move(params);
    plan.shard = shard;
    plan.datasetId = datasetId.value();
    plan.contentHashes = std::move(hashes->hashes);
    // Models by file hash, with their metadata; input sizes decide the transforms per image.
    if (!plan.params.modelCache)
        plan.params.modelCache = std::make_shared<ModelCache>();
    if (auto stored = storeModels(store, plan); !stored)
        return stored.failure();
    return ProjectRun(std::move(plan), /*modelFilesToCheck=*/false);
}

Status ProjectRun::registerRuns(ProjectStore& store)
{
    if (!m_plan.runIds.empty())
        return Ok{};
    return saliscope::registerRuns(store, m_plan);
}

Status ProjectRun::setStatus(ProjectStore& store, RunStatus status, const std::string& error) const
{
    return setPlanStatus(store, m_plan, status, error);
}

Result<std::int64_t> ProjectRun::resume(ProjectStore& store)
{
    auto done = completedInEveryRun(store, m_plan);
    if (!done)
        return done.failure();
    return skipCompletedImages(m_plan, done.value());
}

std::int64_t ProjectRun::imagesToCompute() const
{
    const auto count = std::int64_t(m_plan.params.dataset.records.size());
    if (!m_plan.params.includeImage)
        return count;
    std::int64_t images = 0;
    for (std::int64_t i = 0; i < count; ++i)
        if (m_plan.params.includeImage(i))
            ++images;
    return images;
}

Status ProjectRun::start(ProjectStore& store, const std::string& projectPath, MeasureSink* extra)
{
    if (auto status = setStatus(store, RunStatus::Running); !status)
        return status;
    auto sink = ProjectRunSink::make(store, m_plan, extra);
    if (!sink)
        return sink.failure();
    m_sink = std::shared_ptr<ProjectRunSink>(std::move(sink).value());
    // Decoded, resized images are kept beside the project and shared by later runs.
    m_cache = std::make_shared<ImageCache>(imageCacheFolder(projectPath));
    m_plan.params.cache = m_cache.get();
    m_plan.params.contentHashes = m_plan.contentHashes;
    m_started = std::chrono::steady_clock::now();
    return Ok{};
}

ProjectRun::Work ProjectRun::work() const
{
    return [params = m_plan.params, fileHashes = m_plan.fileHashes, check = m_modelFilesToCheck, sink = m_sink,
            cache = m_cache](ProgressSink& progress, const CancelToken& cancel) -> Result<MeasureRunResult> {
        if (check)
            if (auto unchanged = checkModelFiles(params, fileHashes); !unchanged)
                return unchanged.failure();
        return runMeasures(params, sink.get(), /*keepTables=*/false, progress, cancel);
    };
}

std::int64_t ProjectRun::rowsWritten() const { return m_sink ? m_sink->rowsWritten() : 0; }

Status ProjectRun::finish(ProjectStore& store, const Result<MeasureRunResult>& measured)
{
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    auto flushed = store.flush();
    for (const auto& [kind, runId] : m_plan.runIds)
        store.addComputeTime(runId, seconds / double(m_plan.runIds.size()));
    std::optional<Error> failure = !measured ? std::optional(measured.failure())
        : !flushed                           ? std::optional(flushed.failure())
                                             : std::nullopt;
    if (!failure && m_sink)
        if (auto written = m_sink->status(); !written)
            failure = written.failure();
    if (failure) {
        const bool cancelled = failure->kind == ErrorKind::Cancelled;
        setStatus(store, cancelled ? RunStatus::Cancelled : RunStatus::Failed, failure->message);
        return *failure;
    }
    if (auto status = setStatus(store, RunStatus::Finished); !status)
        return status;
    return store.flush();
}

Result<QJsonObject> ProjectRun::summary(ProjectStore& store) const
{
    return summarizeRuns(store, m_plan.runIds, m_plan.params.settings, m_plan.params.families);
}

} // namespace saliscope
