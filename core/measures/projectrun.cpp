#include "measures/projectrun.h"

#include "dataset/contenthash.h"
#include "dataset/datasethashing.h"
#include "dataset/imagecache.h"
#include "engine/model.h"
#include "engine/runtime.h"
#include "measures/measuresummary.h"
#include "store/projectstore.h"
#include "store/storemeasuresink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <chrono>
#include <set>

namespace saliscope {

namespace {

using engine::Error;

/// Sends each measure's rows to its run's sink, and everything to an optional extra sink.
class DispatchSink final : public MeasureSink {
public:
    std::map<MeasureKind, StoreMeasureSink*> sinks;
    MeasureSink* extra = nullptr;

    void rowsReady(MeasureKind measure, const std::vector<std::string>& columns,
                   const std::vector<MeasureRow>& rows) override
    {
        if (auto it = sinks.find(measure); it != sinks.end())
            it->second->rowsReady(measure, columns, rows);
        if (extra)
            extra->rowsReady(measure, columns, rows);
    }
};

/// The parameters that define a run's results: settings, models (by file hash), families.
QJsonObject runParameters(const MeasureRunParams& params, const std::map<std::string, std::string>& fileHashes)
{
    QJsonArray models;
    for (const auto& model : params.models)
        models.append(QJsonObject{{"name", QString::fromStdString(model.name)},
                                  {"file_hash", QString::fromStdString(fileHashes.at(model.name))},
                                  {"layer", QString::fromStdString(model.layer)}});
    QJsonArray families;
    for (const auto& family : effectiveFamilies(params)) {
        QJsonArray members;
        for (const auto& member : family.members)
            members.append(QString::fromStdString(member));
        families.append(QJsonObject{{"name", QString::fromStdString(family.name)}, {"members", members}});
    }
    return QJsonObject{{"settings", params.settings.toJson()}, {"models", models}, {"families", families}};
}

engine::Result<std::vector<MeasureTable>> storedTables(ProjectStore& store, const std::map<MeasureKind, std::int64_t>& runIds)
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

std::optional<MeasureKind> measureNamed(const std::string& name)
{
    for (auto kind : {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Noise, MeasureKind::Transforms,
                      MeasureKind::Stability, MeasureKind::Degradation})
        if (name == measureName(kind))
            return kind;
    return std::nullopt;
}

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

engine::Result<ProjectRunResult> runMeasuresInProject(MeasureRunParams params, const std::string& projectPath,
                                                      const Shard& shard, MeasureSink* extraSink,
                                                      ProgressSink& progress, const CancelToken& cancel)
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
    const std::string parameters =
        QJsonDocument(runParameters(params, fileHashes)).toJson(QJsonDocument::Compact).toStdString();
    std::map<MeasureKind, std::unique_ptr<StoreMeasureSink>> sinks;
    DispatchSink dispatch;
    dispatch.extra = extraSink;
    std::set<std::int64_t> doneEverywhere;
    bool first = true;
    for (auto kind : params.measures) {
        auto existing = store.findRun(measureName(kind), parameters, result.datasetId, shard.text());
        if (!existing)
            return Error{existing.error()};
        std::int64_t runId = 0;
        if (existing.value()) {
            runId = *existing.value();
        } else {
            StoredRun run;
            run.measure = measureName(kind);
            run.parametersJson = parameters;
            run.datasetId = result.datasetId;
            run.device = params.device;
            run.shard = shard.text();
            run.softwareVersion = engine::saliscopeVersion();
            auto created = store.createRun(run);
            if (!created)
                return Error{created.error()};
            runId = created.value();
        }
        result.runIds[kind] = runId;
        auto completed = store.completedImages(runId, rowsPerImage(kind, params, inputSizes));
        if (!completed)
            return Error{completed.error()};
        std::set<std::int64_t> done(completed->begin(), completed->end());
        if (first) {
            doneEverywhere = done;
            first = false;
        } else {
            std::set<std::int64_t> both;
            for (auto position : doneEverywhere)
                if (done.count(position))
                    both.insert(position);
            doneEverywhere = both;
        }
        if (auto status = store.setRunStatus(runId, RunStatus::Running); !status)
            return Error{status.error()};
        auto sink = store.makeSink(runId);
        if (!sink)
            return Error{sink.error()};
        dispatch.sinks[kind] = sink.value().get();
        sinks[kind] = std::move(sink).value();
    }

    const auto& hashList = hashes->hashes;
    for (std::int64_t i = 0; i < std::int64_t(hashList.size()); ++i)
        if (shard.includes(hashList[std::size_t(i)]) && doneEverywhere.count(i))
            ++result.imagesAlreadyDone;
    params.includeImage = [&](std::int64_t index) {
        return shard.includes(hashList[std::size_t(index)]) && !doneEverywhere.count(index);
    };

    // Decoded, resized images are kept beside the project and shared by later runs.
    ImageCache cache(imageCacheFolder(projectPath));
    params.cache = &cache;
    params.contentHashes = hashList;

    const auto started = std::chrono::steady_clock::now();
    auto measured = runMeasures(params, &dispatch, /*keepTables=*/false, progress, cancel);
    auto flushed = store.flush();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (const auto& [kind, runId] : result.runIds)
        store.addComputeTime(runId, seconds / double(result.runIds.size()));
    std::string failure = !measured ? measured.error() : !flushed ? flushed.error() : std::string();
    for (const auto& [kind, sink] : sinks)
        if (failure.empty() && !sink->status())
            failure = sink->status().error();
    if (!failure.empty()) {
        const RunStatus status = failure == "cancelled" ? RunStatus::Cancelled : RunStatus::Failed;
        for (const auto& [kind, runId] : result.runIds)
            store.setRunStatus(runId, status, failure);
        return Error{failure};
    }
    result.imagesComputed = measured->imagesComputed;
    result.skipped = measured->skipped;

    auto tables = storedTables(store, result.runIds);
    if (!tables)
        return Error{tables.error()};
    result.summary = summarizeMeasures(tables.value(), params.settings, params.families);
    const std::string summaryText = QJsonDocument(result.summary).toJson(QJsonDocument::Compact).toStdString();
    for (const auto& [kind, runId] : result.runIds) {
        if (auto status = store.setSummary(runId, summaryText); !status)
            return Error{status.error()};
        if (auto status = store.setRunStatus(runId, RunStatus::Finished); !status)
            return Error{status.error()};
    }
    if (auto status = store.flush(); !status)
        return Error{status.error()};
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
        const auto kind = measureNamed(run->measure);
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
    auto tables = storedTables(store, byKind);
    if (!tables)
        return Error{tables.error()};
    return summarizeMeasures(tables.value(), settings, families);
}

} // namespace saliscope
