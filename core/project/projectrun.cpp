// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/projectrun.h"

#include "core/measures/csvmeasuresink.h"
#include "core/project/projectrunplan.h"
#include "core/project/runparameters.h"
#include "core/store/projectstore.h"

#include <QFileInfo>
#include <QStorageInfo>
#include <QString>
#include <QStringList>

namespace saliscope {

namespace {

} // namespace

std::string imageCacheFolder(const std::string& projectPath) { return projectPath + ".cache"; }

Result<Shard> Shard::parse(const std::string& text)
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

/// Steps 2-4 of a command-line run (see ProjectRun): register, resume, start.
Status startRun(ProjectStore& store, ProjectRun& run, const std::string& projectPath, MeasureSink* extraSink,
                ProjectRunResult& result)
{
    // One run per measure; an identical earlier run (same parameters, dataset, shard) is resumed.
    if (auto registered = run.registerRuns(store); !registered)
        return registered;
    result.runIds = run.plan().runIds;
    auto alreadyDone = run.resume(store);
    if (!alreadyDone)
        return alreadyDone.failure();
    result.imagesAlreadyDone = alreadyDone.value();
    return run.start(store, projectPath, extraSink);
}

Result<ProjectRunResult> measureInProject(MeasureRunParams params, const std::string& projectPath, const Shard& shard,
                                          MeasureSink* extraSink, ProgressSink& progress, const CancelToken& cancel)
{
    auto opened = ProjectStore::open(projectPath, ProjectOpenMode::CreateIfMissing);
    if (!opened)
        return opened.failure();
    ProjectStore& store = *opened.value();
    if (store.isReadOnly())
        return Error{projectPath + " cannot be written: " + store.readOnlyReason()};

    auto run = ProjectRun::prepare(store, std::move(params), shard, cancel);
    if (!run)
        return run.failure();
    ProjectRunResult result;
    result.datasetId = run->plan().datasetId;
    if (auto started = startRun(store, run.value(), projectPath, extraSink, result); !started)
        return started.failure();
    auto measured = run->work()(progress, cancel);
    if (auto finished = run->finish(store, measured); !finished)
        return finished.failure();
    auto summary = run->summary(store);
    if (!summary)
        return summary.failure();
    result.imagesComputed = measured->imagesComputed;
    result.skipped = measured->skipped;
    result.summary = summary.value();
    return result;
}

} // namespace

Result<ProjectRunResult> runMeasuresInProject(MeasureRunParams params, const std::string& projectPath,
                                              const Shard& shard, MeasureSink* extraSink, ProgressSink& progress,
                                              const CancelToken& cancel)
{
    auto result = measureInProject(std::move(params), projectPath, shard, extraSink, progress, cancel);
    if (!result)
        return Error{namingAFullDisk(result.error(), projectPath)};
    return result;
}

Result<QJsonObject> summarizeStoredRuns(ProjectStore& store, const std::vector<std::int64_t>& runIds)
{
    std::map<MeasureKind, std::int64_t> byKind;
    RunParameters parameters; // the last run's (one invocation's runs share them)
    for (auto runId : runIds) {
        auto run = store.run(runId);
        if (!run)
            return run.failure();
        const auto kind = measureKindNamed(run->measure);
        if (!kind)
            return Error{"run " + std::to_string(runId) + " has an unknown measure '" + run->measure + "'"};
        byKind[*kind] = runId;
        parameters = RunParameters::fromJson(run->parametersJson);
    }
    return summarizeRuns(store, byKind, parameters.settings, parameters.families);
}

Status writeRunsAsCsv(const std::string& projectPath, const std::map<MeasureKind, std::int64_t>& runIds,
                      const Dataset& dataset, const std::string& directory)
{
    auto opened = ProjectStore::open(projectPath, ProjectOpenMode::ReadOnly);
    if (!opened)
        return opened.failure();
    const ProjectStore& store = *opened.value();
    CsvMeasureSink csv(directory, dataset);
    for (const auto& [kind, runId] : runIds) {
        auto columns = store.resultColumns(runId);
        if (!columns)
            return columns.failure();
        auto stored = store.results(runId);
        if (!stored)
            return stored.failure();
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
