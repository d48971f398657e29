// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/projectrunplan.h"

#include "core/engine/runtime.h"
#include "core/measures/measuresummary.h"
#include "core/store/projectstore.h"
#include "core/store/storemeasuresink.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace saliscope {

namespace {

using engine::Error;

std::string compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

std::string planParameters(const ProjectRunPlan& plan)
{
    return compactJson(runParameters(plan.params, plan.fileHashes));
}

} // namespace

QJsonObject runParameters(const MeasureRunParams& params, const std::map<std::string, std::string>& fileHashes)
{
    QJsonArray models;
    for (const auto& model : params.models) {
        const auto hash = fileHashes.find(model.name);
        models.append(
            QJsonObject{{"name", QString::fromStdString(model.name)},
                        {"file_hash", hash == fileHashes.end() ? QString() : QString::fromStdString(hash->second)},
                        {"layer", QString::fromStdString(model.layer)}});
    }
    QJsonArray families;
    for (const auto& family : effectiveFamilies(params)) {
        QJsonArray members;
        for (const auto& member : family.members)
            members.append(QString::fromStdString(member));
        families.append(QJsonObject{{"name", QString::fromStdString(family.name)}, {"members", members}});
    }
    return QJsonObject{{"settings", params.settings.toJson()}, {"models", models}, {"families", families}};
}

engine::Status registerRuns(ProjectStore& store, ProjectRunPlan& plan)
{
    const std::string parameters = planParameters(plan);
    plan.runIds.clear();
    for (auto kind : plan.params.measures) {
        auto existing = store.findRun(measureName(kind), parameters, plan.datasetId, plan.shard.text());
        if (!existing)
            return Error{existing.error()};
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
            return Error{created.error()};
        plan.runIds[kind] = created.value();
    }
    return engine::Ok{};
}

engine::Result<std::set<std::int64_t>> completedInEveryRun(ProjectStore& store, const ProjectRunPlan& plan)
{
    std::set<std::int64_t> everywhere;
    bool first = true;
    for (const auto& [kind, runId] : plan.runIds) {
        auto completed = store.completedImages(runId, rowsPerImage(kind, plan.params, plan.inputSizes));
        if (!completed)
            return Error{completed.error()};
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

engine::Status setPlanStatus(ProjectStore& store, const ProjectRunPlan& plan, RunStatus status,
                             const std::string& error)
{
    for (const auto& [kind, runId] : plan.runIds)
        if (auto changed = store.setRunStatus(runId, status, error); !changed)
            return changed;
    return engine::Ok{};
}

engine::Result<std::vector<MeasureTable>> storedMeasureTables(ProjectStore& store,
                                                              const std::map<MeasureKind, std::int64_t>& runIds)
{
    std::vector<MeasureTable> tables;
    for (const auto& [kind, runId] : runIds) {
        auto columns = store.resultColumns(runId);
        auto rows = store.results(runId);
        if (!columns)
            return Error{columns.error()};
        if (!rows)
            return Error{rows.error()};
        MeasureTable table{kind, columns.value(), {}};
        table.rows.reserve(rows->size());
        for (auto& row : rows.value())
            table.rows.push_back({row.position, std::move(row.model), std::move(row.variant), std::move(row.values)});
        tables.push_back(std::move(table));
    }
    return tables;
}

engine::Result<QJsonObject> finishRuns(ProjectStore& store, const ProjectRunPlan& plan,
                                       const engine::Result<MeasureRunResult>& measured, double seconds,
                                       const ProjectRunSink* sink)
{
    auto flushed = store.flush();
    for (const auto& [kind, runId] : plan.runIds)
        store.addComputeTime(runId, seconds / double(plan.runIds.size()));
    std::string failure = !measured ? measured.error() : !flushed ? flushed.error() : std::string();
    if (failure.empty() && sink)
        if (auto written = sink->status(); !written)
            failure = written.error();
    if (!failure.empty()) {
        setPlanStatus(store, plan, failure == "cancelled" ? RunStatus::Cancelled : RunStatus::Failed, failure);
        return Error{failure};
    }
    auto tables = storedMeasureTables(store, plan.runIds);
    if (!tables)
        return Error{tables.error()};
    const QJsonObject summary = summarizeMeasures(tables.value(), plan.params.settings, plan.params.families);
    const std::string summaryText = compactJson(summary);
    for (const auto& [kind, runId] : plan.runIds)
        if (auto status = store.setSummary(runId, summaryText); !status)
            return Error{status.error()};
    if (auto status = setPlanStatus(store, plan, RunStatus::Finished); !status)
        return Error{status.error()};
    if (auto status = store.flush(); !status)
        return Error{status.error()};
    return summary;
}

engine::Result<std::pair<Dataset, std::vector<std::string>>> storedDataset(ProjectStore& store, std::int64_t datasetId)
{
    auto datasets = store.datasets();
    if (!datasets)
        return Error{datasets.error()};
    const StoredDataset* found = nullptr;
    for (const auto& dataset : datasets.value())
        if (dataset.id == datasetId)
            found = &dataset;
    if (!found)
        return Error{"the project has no dataset " + std::to_string(datasetId)};
    auto images = store.images(datasetId);
    if (!images)
        return Error{images.error()};
    std::pair<Dataset, std::vector<std::string>> result;
    result.first.location = found->location;
    for (const auto& image : images.value()) {
        if (image.position != std::int64_t(result.first.records.size()))
            return Error{"dataset " + std::to_string(datasetId) + " has a gap at image position "
                         + std::to_string(result.first.records.size())};
        result.first.records.push_back({image.path, image.label, image.group, image.annotation});
        result.second.push_back(image.contentHash);
    }
    auto problems = store.datasetProblems(datasetId); // listed with every run's skipped images
    if (!problems)
        return Error{problems.error()};
    result.first.problems = std::move(problems).value();
    return result;
}

engine::Result<ProjectRunPlan> planFromStoredRuns(ProjectStore& store, const std::vector<std::int64_t>& runIds)
{
    if (runIds.empty())
        return Error{"no run to resume"};
    ProjectRunPlan plan;
    std::string parameters;
    for (auto runId : runIds) {
        auto run = store.run(runId);
        if (!run)
            return Error{run.error()};
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
                    return Error{shard.error()};
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
    const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(parameters)).object();
    auto settings = MeasureSettings::fromJson(object.value("settings").toObject());
    if (!settings)
        return Error{settings.error()};
    plan.params.settings = settings.value();

    auto models = store.models();
    if (!models)
        return Error{models.error()};
    for (const auto& value : object.value("models").toArray()) {
        const auto entry = value.toObject();
        const std::string name = entry.value("name").toString().toStdString();
        const std::string hash = entry.value("file_hash").toString().toStdString();
        const StoredModel* stored = nullptr;
        for (const auto& model : models.value())
            if (model.fileHash == hash)
                stored = &model;
        if (!stored)
            return Error{"model " + name + " is no longer in the project"};
        auto metadata = engine::ModelMetadata::fromJson(stored->metadataJson);
        if (!metadata)
            return Error{"model " + name + ": " + metadata.error()};
        ModelEntry model{name, stored->path, entry.value("layer").toString().toStdString(), metadata.value()};
        plan.params.models.push_back(model);
        plan.fileHashes[name] = hash;
        plan.inputSizes.emplace_back(metadata->inputWidth, metadata->inputHeight);
    }
    for (const auto& value : object.value("families").toArray()) {
        FamilyEntry family{value.toObject().value("name").toString().toStdString(), {}};
        for (const auto& member : value.toObject().value("members").toArray())
            family.members.push_back(member.toString().toStdString());
        plan.params.families.push_back(family);
    }
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
        return Error{dataset.error()};
    plan.params.dataset = std::move(dataset->first);
    plan.contentHashes = std::move(dataset->second);
    return plan;
}

engine::Result<std::unique_ptr<ProjectRunSink>> ProjectRunSink::make(ProjectStore& store, const ProjectRunPlan& plan,
                                                                     MeasureSink* extra)
{
    std::unique_ptr<ProjectRunSink> sink(new ProjectRunSink());
    sink->m_extra = extra;
    for (const auto& [kind, runId] : plan.runIds) {
        auto made = store.makeSink(runId);
        if (!made)
            return Error{made.error()};
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

engine::Status ProjectRunSink::status() const
{
    for (const auto& [kind, sink] : m_sinks)
        if (auto status = sink->status(); !status)
            return status;
    return engine::Ok{};
}

} // namespace saliscope
