// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/projectmerge.h"

#include "core/store/projectstore.h"
#include "core/store/storeschema.h"
#include "core/store/storewriter.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>

namespace saliscope {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

/// A run's shard field: the parts it holds of N ("" = a whole run, N = 0).
struct ShardSet final {
    std::set<int> parts;
    int count = 0;

    static ShardSet parse(const std::string& text)
    {
        ShardSet shard;
        const auto slash = text.find('/');
        if (text.empty() || slash == std::string::npos)
            return shard;
        shard.count = std::atoi(text.c_str() + slash + 1);
        std::size_t start = 0;
        while (start < slash) {
            const auto comma = std::min(text.find(',', start), slash);
            shard.parts.insert(std::atoi(text.substr(start, comma - start).c_str()));
            start = comma + 1;
        }
        return shard;
    }
    std::string text() const
    {
        if (count == 0)
            return {};
        std::string joined;
        for (int part : parts)
            joined += (joined.empty() ? "" : ",") + std::to_string(part);
        return joined + "/" + std::to_string(count);
    }
    std::string missing() const
    {
        std::string list;
        for (int part = 1; part <= count; ++part)
            if (!parts.count(part))
                list += (list.empty() ? "" : ",") + std::to_string(part);
        return list;
    }
};

int severity(RunStatus status)
{
    switch (status) {
    case RunStatus::Finished: return 0;
    case RunStatus::Queued: return 1;
    case RunStatus::Running: return 2;
    case RunStatus::Cancelled: return 3;
    case RunStatus::Failed: return 4;
    }
    return 4;
}

/// How one source run lands in the target.
struct RunPlan final {
    StoredRun source;
    std::int64_t targetRunId = 0;      ///< 0: a new run
    StoredRun updated;                 ///< the target run's fields after the merge
    bool changesRun = true;            ///< false when the target already holds this part
    std::vector<std::string> columns;  ///< read from the source before writing (its reader
    std::vector<StoredResult> results; ///< connection belongs to this thread, not the writer's)
    std::optional<std::string> summary;
};

/// One merge of a source project into a target, in phases: read and match the source's datasets
/// (images by content hash), its models (by file hash), plan its runs against the target's (refusing
/// conflicting parameters or columns), then write all of it in one transaction.
class ProjectMerge final {
public:
    ProjectMerge(ProjectStore& target, ProjectStore& source, std::string sourcePath)
        : m_target(target), m_source(source), m_sourcePath(std::move(sourcePath))
    {
    }

    Status matchDatasets()
    {
        auto sourceDatasets = m_source.datasets();
        auto targetDatasets = m_target.datasets();
        if (!sourceDatasets || !targetDatasets)
            return Error{!sourceDatasets ? sourceDatasets.error() : targetDatasets.error()};
        m_sourceDatasets = sourceDatasets.value();
        for (const StoredDataset& dataset : m_sourceDatasets) {
            auto images = m_source.images(dataset.id);
            if (!images)
                return images.failure();
            m_sourceImages[dataset.id] = std::move(images).value();
            auto problems = m_source.datasetProblems(dataset.id);
            if (!problems)
                return problems.failure();
            m_sourceProblems[dataset.id] = std::move(problems).value();
            m_datasetMap[dataset.id] = 0;
            for (const StoredDataset& existing : targetDatasets.value()) {
                if (existing.fingerprint != dataset.fingerprint)
                    continue;
                m_datasetMap[dataset.id] = existing.id;
                auto targetImages = m_target.images(existing.id);
                if (!targetImages)
                    return targetImages.failure();
                std::map<std::string, std::deque<std::int64_t>> byHash;
                for (const StoredImage& image : targetImages.value())
                    if (!image.contentHash.empty())
                        byHash[image.contentHash].push_back(image.id);
                for (const StoredImage& image : m_sourceImages[dataset.id]) {
                    auto match = byHash.find(image.contentHash);
                    if (!image.contentHash.empty() && match != byHash.end() && !match->second.empty()) {
                        m_imageMap[image.id] = match->second.front();
                        match->second.pop_front();
                    }
                }
                break;
            }
        }
        return Ok{};
    }

    Status matchModels()
    {
        auto sourceModels = m_source.models();
        auto targetModels = m_target.models();
        if (!sourceModels || !targetModels)
            return Error{!sourceModels ? sourceModels.error() : targetModels.error()};
        m_sourceModels = sourceModels.value();
        std::map<std::string, std::int64_t> targetModelByHash;
        for (const StoredModel& model : targetModels.value())
            targetModelByHash[model.fileHash] = model.id;
        for (const StoredModel& model : m_sourceModels) {
            m_sourceModelHash[model.id] = model.fileHash;
            if (!targetModelByHash.count(model.fileHash))
                ++m_report.modelsAdded;
        }
        auto families = m_source.families();
        auto maps = m_source.maps();
        if (!families || !maps)
            return Error{!families ? families.error() : maps.error()};
        m_families = families.value();
        m_maps = maps.value();
        return Ok{};
    }

    Status planRuns()
    {
        auto sourceRuns = m_source.runs();
        auto targetRuns = m_target.runs();
        if (!sourceRuns || !targetRuns)
            return Error{!sourceRuns ? sourceRuns.error() : targetRuns.error()};
        std::vector<StoredRun> known = targetRuns.value(); // target runs, then planned new ones (id < 0)
        std::int64_t nextNewId = -1;
        for (const StoredRun& run : sourceRuns.value()) {
            const std::int64_t dataset = run.datasetId > 0 ? m_datasetMap[run.datasetId] : 0;
            const std::int64_t datasetKey = dataset != 0 ? dataset : -run.datasetId; // negative: added by this merge
            const ShardSet shard = ShardSet::parse(run.shard);
            auto sourceColumns = m_source.resultColumns(run.id);
            if (!sourceColumns)
                return sourceColumns.failure();
            RunPlan plan{run, 0, run, true, sourceColumns.value(), {}, std::nullopt};
            auto sourceResults = m_source.results(run.id);
            auto sourceSummary = m_source.summary(run.id);
            if (!sourceResults || !sourceSummary)
                return Error{!sourceResults ? sourceResults.error() : sourceSummary.error()};
            plan.results = std::move(sourceResults).value();
            plan.summary = sourceSummary.value();
            for (StoredRun& existing : known) {
                const bool sameData = existing.measure == run.measure && run.datasetId > 0
                    && existing.datasetId == datasetKey;
                if (!sameData || ShardSet::parse(existing.shard).count != shard.count)
                    continue;
                if (existing.parametersJson != canonicalJson(run.parametersJson)) {
                    if (shard.count > 0)
                        return Error{"cannot merge " + m_sourcePath + ": its " + run.measure + " run (shard "
                                     + run.shard + ") has parameters " + run.parametersJson + " but the " + run.measure
                                     + " run it belongs to has " + existing.parametersJson};
                    continue;
                }
                if (existing.id > 0) {
                    auto targetColumns = m_target.resultColumns(existing.id);
                    if (!targetColumns)
                        return targetColumns.failure();
                    if (!targetColumns->empty() && !sourceColumns->empty()
                        && targetColumns.value() != sourceColumns.value())
                        return Error{"cannot merge " + m_sourcePath + ": its " + run.measure
                                     + " run has other result columns than run " + std::to_string(existing.id)};
                }
                plan.targetRunId = existing.id;
                StoredRun& merged = existing;
                if (shard.count > 0) {
                    ShardSet combined = ShardSet::parse(merged.shard);
                    const std::size_t before = combined.parts.size();
                    combined.parts.insert(shard.parts.begin(), shard.parts.end());
                    plan.changesRun = combined.parts.size() != before;
                    if (plan.changesRun) {
                        merged.shard = combined.text();
                        merged.computeSeconds += run.computeSeconds;
                        if (severity(run.status) > severity(merged.status))
                            merged.status = run.status;
                        merged.error = combined.missing().empty() ? std::string()
                                                                  : "shards " + combined.missing() + " of "
                                + std::to_string(combined.count) + " not merged yet";
                    }
                } else {
                    plan.changesRun = run.status == RunStatus::Finished && merged.status != RunStatus::Finished;
                    if (plan.changesRun) {
                        merged.status = RunStatus::Finished;
                        merged.error.clear();
                    }
                    merged.computeSeconds = std::max(merged.computeSeconds, run.computeSeconds);
                }
                if (!run.started.empty() && (merged.started.empty() || run.started < merged.started))
                    merged.started = run.started;
                if (run.finished > merged.finished)
                    merged.finished = run.finished;
                plan.updated = merged;
                break;
            }
            if (plan.targetRunId == 0) {
                StoredRun added = run;
                added.id = nextNewId--;
                added.parametersJson = canonicalJson(run.parametersJson);
                added.datasetId = datasetKey;
                if (added.status == RunStatus::Running) {
                    added.status = RunStatus::Cancelled;
                    added.error = "interrupted (it was running when merged)";
                }
                if (shard.count > 0 && !shard.missing().empty())
                    added.error = "shards " + shard.missing() + " of " + std::to_string(shard.count)
                        + " not merged yet";
                plan.targetRunId = added.id;
                plan.updated = added;
                known.push_back(added);
            }
            m_plans.push_back(std::move(plan));
        }
        return Ok{};
    }

    /// Writes the planned merge in one transaction of the target's writer.
    Status write()
    {
        return m_target.writer()->run([&](QSqlDatabase& db) -> Status {
            QSqlQuery query(db);
            if (auto ok = writeDatasets(query); !ok)
                return ok;
            if (auto ok = writeModelsFamiliesAndMaps(query); !ok)
                return ok;
            return writeRuns(query);
        });
    }

    const MergeReport& report() const { return m_report; }

private:
    /// Datasets new to the target, with their images and problems.
    Status writeDatasets(QSqlQuery& query)
    {
        for (const StoredDataset& dataset : m_sourceDatasets) {
            if (m_datasetMap[dataset.id] != 0)
                continue;
            query.prepare(QStringLiteral(
                "INSERT INTO datasets (location, fingerprint, image_count, created, name) VALUES (?, ?, ?, ?, ?)"));
            query.addBindValue(q(dataset.location));
            query.addBindValue(q(dataset.fingerprint));
            query.addBindValue(qint64(dataset.imageCount));
            query.addBindValue(q(dataset.created));
            query.addBindValue(q(dataset.name));
            if (auto ok = StoreSchema::execute(query, "cannot merge datasets"); !ok)
                return ok;
            const std::int64_t id = query.lastInsertId().toLongLong();
            m_datasetMap[dataset.id] = id;
            ++m_report.datasetsAdded;
            query.prepare(QStringLiteral("INSERT INTO images (dataset_id, position, path, label, grp, annotation,"
                                         " content_hash, problem, mask) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const StoredImage& image : m_sourceImages[dataset.id]) {
                query.addBindValue(qint64(id));
                query.addBindValue(qint64(image.position));
                query.addBindValue(q(image.path));
                query.addBindValue(image.label);
                query.addBindValue(q(image.group));
                query.addBindValue(q(image.annotation));
                query.addBindValue(image.contentHash.empty() ? QVariant(QMetaType(QMetaType::QString))
                                                             : QVariant(q(image.contentHash)));
                query.addBindValue(q(image.problem));
                query.addBindValue(q(image.mask));
                if (auto ok = StoreSchema::execute(query, "cannot merge images"); !ok)
                    return ok;
                m_imageMap[image.id] = query.lastInsertId().toLongLong();
            }
            query.prepare(QStringLiteral(
                "INSERT INTO dataset_problems (dataset_id, position, path, reason) VALUES (?, ?, ?, ?)"));
            const auto& problems = m_sourceProblems[dataset.id];
            for (std::size_t i = 0; i < problems.size(); ++i) {
                query.addBindValue(qint64(id));
                query.addBindValue(qint64(i));
                query.addBindValue(q(problems[i].first));
                query.addBindValue(q(problems[i].second));
                if (auto ok = StoreSchema::execute(query, "cannot merge datasets"); !ok)
                    return ok;
            }
        }
        return Ok{};
    }

    Status writeModelsFamiliesAndMaps(QSqlQuery& query)
    {
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO models (path, file_hash, metadata, kind, cam_layer)"
                                     " VALUES (?, ?, ?, ?, ?)"));
        for (const StoredModel& model : m_sourceModels) {
            query.addBindValue(q(model.path));
            query.addBindValue(q(model.fileHash));
            query.addBindValue(q(model.metadataJson));
            query.addBindValue(q(model.kind));
            query.addBindValue(q(model.camLayer));
            if (auto ok = StoreSchema::execute(query, "cannot merge models"); !ok)
                return ok;
        }
        query.prepare(QStringLiteral("SELECT id FROM models WHERE file_hash = ?"));
        for (const auto& [id, hash] : m_sourceModelHash) {
            query.addBindValue(q(hash));
            if (auto ok = StoreSchema::execute(query, "cannot merge models"); !ok)
                return ok;
            if (query.next())
                m_modelMap[id] = query.value(0).toLongLong();
        }
        for (const StoredFamily& family : m_families) {
            query.prepare(QStringLiteral("INSERT OR IGNORE INTO families (name) VALUES (?)"));
            query.addBindValue(q(family.name));
            if (auto ok = StoreSchema::execute(query, "cannot merge families"); !ok)
                return ok;
            query.prepare(QStringLiteral("INSERT OR IGNORE INTO family_members (family_id, model_id)"
                                         " SELECT id, ? FROM families WHERE name = ?"));
            for (std::int64_t model : family.modelIds) {
                query.addBindValue(qint64(m_modelMap[model]));
                query.addBindValue(q(family.name));
                if (auto ok = StoreSchema::execute(query, "cannot merge families"); !ok)
                    return ok;
            }
        }
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO maps (model_id, image_hash, variant, width, height, flat,"
                                     " pixels) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const StoredMap& map : m_maps) {
            query.addBindValue(qint64(m_modelMap[map.modelId]));
            query.addBindValue(q(map.imageHash));
            query.addBindValue(q(map.variant));
            query.addBindValue(map.width);
            query.addBindValue(map.height);
            query.addBindValue(map.flat ? 1 : 0);
            query.addBindValue(
                QByteArray(reinterpret_cast<const char*>(map.pixels.data()), qsizetype(map.pixels.size())));
            if (auto ok = StoreSchema::execute(query, "cannot merge maps"); !ok)
                return ok;
        }
        return Ok{};
    }

    /// Runs, their columns, results and summaries.
    Status writeRuns(QSqlQuery& query)
    {
        std::map<std::int64_t, std::int64_t> newRunIds; // planned (negative) id -> inserted id
        for (RunPlan& plan : m_plans) {
            const StoredRun& run = plan.updated;
            std::int64_t runId = plan.targetRunId;
            if (runId < 0 && newRunIds.count(runId)) {
                runId = newRunIds[runId];
                plan.changesRun = true;
            }
            if (runId < 0) {
                query.prepare(QStringLiteral(
                    "INSERT INTO runs (measure, parameters, dataset_id, status, created, started, finished,"
                    " software_version, device, shard, error, compute_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?)"));
                query.addBindValue(q(run.measure));
                query.addBindValue(q(run.parametersJson));
                const std::int64_t dataset = run.datasetId < 0 ? m_datasetMap[-run.datasetId] : run.datasetId;
                query.addBindValue(dataset > 0 ? QVariant(qint64(dataset)) : QVariant(QMetaType(QMetaType::LongLong)));
                query.addBindValue(QString::fromLatin1(runStatusName(run.status)));
                query.addBindValue(q(run.created));
                query.addBindValue(q(run.started));
                query.addBindValue(q(run.finished));
                query.addBindValue(q(run.softwareVersion));
                query.addBindValue(q(run.device));
                query.addBindValue(q(run.shard));
                query.addBindValue(q(run.error));
                query.addBindValue(run.computeSeconds);
                if (auto ok = StoreSchema::execute(query, "cannot merge runs"); !ok)
                    return ok;
                newRunIds[plan.targetRunId] = query.lastInsertId().toLongLong();
                runId = newRunIds[plan.targetRunId];
                ++m_report.runsAdded;
                if (plan.summary && plan.source.shard.empty()) {
                    query.prepare(QStringLiteral("INSERT OR IGNORE INTO summaries (run_id, summary) VALUES (?, ?)"));
                    query.addBindValue(qint64(runId));
                    query.addBindValue(q(*plan.summary));
                    if (auto ok = StoreSchema::execute(query, "cannot merge summaries"); !ok)
                        return ok;
                }
            } else if (plan.changesRun) {
                query.prepare(
                    QStringLiteral("UPDATE runs SET status = ?, started = ?, finished = ?, shard = ?, error = ?,"
                                   " compute_seconds = ? WHERE id = ?"));
                query.addBindValue(QString::fromLatin1(runStatusName(run.status)));
                query.addBindValue(q(run.started));
                query.addBindValue(q(run.finished));
                query.addBindValue(q(run.shard));
                query.addBindValue(q(run.error));
                query.addBindValue(run.computeSeconds);
                query.addBindValue(qint64(runId));
                if (auto ok = StoreSchema::execute(query, "cannot merge runs"); !ok)
                    return ok;
            }
            query.prepare(
                QStringLiteral("INSERT OR IGNORE INTO result_columns (run_id, position, name) VALUES (?, ?, ?)"));
            for (std::size_t i = 0; i < plan.columns.size(); ++i) {
                query.addBindValue(qint64(runId));
                query.addBindValue(qint64(i));
                query.addBindValue(q(plan.columns[i]));
                if (auto ok = StoreSchema::execute(query, "cannot merge result columns"); !ok)
                    return ok;
            }
            std::int64_t added = 0;
            query.prepare(QStringLiteral(
                "INSERT OR IGNORE INTO results (run_id, image_id, model, variant, vals) VALUES (?, ?, ?, ?, ?)"));
            for (const StoredResult& result : plan.results) {
                auto image = m_imageMap.find(result.imageId);
                if (image == m_imageMap.end()) {
                    ++m_report.resultsSkipped;
                    continue;
                }
                const std::string blob = packValues(result.values);
                query.addBindValue(qint64(runId));
                query.addBindValue(qint64(image->second));
                query.addBindValue(q(result.model));
                query.addBindValue(q(result.variant));
                query.addBindValue(QByteArray(blob.data(), qsizetype(blob.size())));
                if (auto ok = StoreSchema::execute(query, "cannot merge results"); !ok)
                    return ok;
                if (query.numRowsAffected() > 0)
                    ++added;
                else
                    ++m_report.resultsSkipped;
            }
            m_report.resultsAdded += added;
            if (plan.targetRunId > 0 && (added > 0 || plan.changesRun))
                ++m_report.runsExtended;
        }
        return Ok{};
    }

    ProjectStore& m_target;
    ProjectStore& m_source;
    const std::string m_sourcePath;
    MergeReport m_report;
    std::vector<StoredDataset> m_sourceDatasets;
    std::map<std::int64_t, std::int64_t> m_datasetMap; ///< source id -> target id (0 = new)
    std::map<std::int64_t, std::vector<StoredImage>> m_sourceImages;
    std::map<std::int64_t, std::vector<std::pair<std::string, std::string>>> m_sourceProblems;
    std::map<std::int64_t, std::int64_t> m_imageMap; ///< source image id -> target image id
    std::vector<StoredModel> m_sourceModels;
    std::map<std::int64_t, std::string> m_sourceModelHash;
    std::map<std::int64_t, std::int64_t> m_modelMap; ///< source model id -> target model id
    std::vector<StoredFamily> m_families;
    std::vector<StoredMap> m_maps;
    std::vector<RunPlan> m_plans;
};

} // namespace

Result<MergeReport> mergeProject(ProjectStore& target, const std::string& sourcePath)
{
    if (target.isReadOnly())
        return Error{"cannot merge into " + target.path() + ": " + target.readOnlyReason()};
    auto opened = ProjectStore::open(sourcePath, ProjectOpenMode::ReadOnly);
    if (!opened)
        return Error{"cannot merge " + sourcePath + ": " + opened.error()};
    ProjectStore& source = *opened.value();
    if (source.path() == target.path())
        return Error{"cannot merge " + sourcePath + " into itself"};
    ProjectMerge merge(target, source, sourcePath);
    for (Status (ProjectMerge::*phase)() :
         {&ProjectMerge::matchDatasets, &ProjectMerge::matchModels, &ProjectMerge::planRuns})
        if (Status ok = (merge.*phase)(); !ok)
            return ok.failure();
    if (Status written = merge.write(); !written)
        return Error{"cannot merge " + sourcePath + ": " + written.error()};
    return merge.report();
}

} // namespace saliscope
