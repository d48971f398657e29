// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/projectsession.h"

#include "core/cam/mapmaker.h"
#include "core/project/runparameters.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/dataset.h"
#include "core/dataset/datasethashing.h"
#include "core/engine/model.h"
#include "core/jobs/jobmanager.h"
#include "core/project/logmodel.h"
#include "core/project/jobwatch.h"
#include "core/store/projectstore.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <set>

namespace saliscope {

namespace {

/// What loading a model file on a worker gives the session: the row to store and the engine's
/// remarks on how it read the file (logged).
struct LoadedModelFile final {
    StoredModel stored;
    std::vector<std::string> notes;
};

/// Whether a load error is one that other metadata (input size, CAM layer, class names) can fix.
bool metadataCouldFix(const std::string& error)
{
    for (const char* cause : {"set the input size in its metadata", "no usable CAM layer", "its metadata names",
                              "is not called", "the model fails after layer"})
        if (error.find(cause) != std::string::npos)
            return true;
    return false;
}

} // namespace

ProjectSession::ProjectSession(QObject* parent)
    : QObject(parent), m_compute(std::make_unique<JobManager>(1)), m_io(std::make_unique<JobManager>(1)),
      m_storeWrites(std::make_unique<JobManager>(1)), m_log(new LogModel(this))
{
}

ProjectSession::~ProjectSession()
{
    m_compute->shutdown();
    m_io->shutdown();
    m_storeWrites->waitForDone(); // the store goes after its writes
}

bool ProjectSession::open(const QString& path, bool create)
{
    auto opened = ProjectStore::open(path.toStdString(),
                                     create ? ProjectOpenMode::CreateIfMissing : ProjectOpenMode::OpenExisting);
    if (!opened) {
        error(tr("Cannot open %1: %2").arg(path, QString::fromStdString(opened.error())));
        return false;
    }
    close();
    ++m_openCount;
    m_store = std::move(opened.value());
    m_path = QFileInfo(path).absoluteFilePath();
    if (m_store->isReadOnly())
        warning(tr("%1 is open read-only: %2").arg(path, QString::fromStdString(m_store->readOnlyReason())));
    info(tr("Opened %1").arg(m_path));
    reloadModels();
    reloadDatasets();
    m_currentDataset = m_datasets.empty() ? 0 : m_datasets.front().id;
    emit projectChanged();
    emit modelsChanged();
    emit datasetsChanged();
    emit currentDatasetChanged(m_currentDataset);
    return true;
}

void ProjectSession::close()
{
    if (!m_store)
        return;
    emit aboutToClose();
    m_storeWrites->waitForDone();
    ++m_openCount;
    m_store.reset();
    m_path.clear();
    m_models.clear();
    m_datasets.clear();
    m_currentDataset = 0;
    emit projectChanged();
    emit modelsChanged();
    emit datasetsChanged();
    emit currentDatasetChanged(0);
}

const ModelInfo* ProjectSession::model(std::int64_t id) const
{
    for (const auto& info : m_models)
        if (info.id == id)
            return &info;
    return nullptr;
}

void ProjectSession::setCurrentDataset(std::int64_t datasetId)
{
    if (datasetId == m_currentDataset)
        return;
    m_currentDataset = datasetId;
    emit currentDatasetChanged(datasetId);
}

void ProjectSession::info(const QString& text) { m_log->append(LogModel::Level::Info, text); }
void ProjectSession::warning(const QString& text) { m_log->append(LogModel::Level::Warning, text); }
void ProjectSession::error(const QString& text) { m_log->append(LogModel::Level::Error, text); }

void ProjectSession::reload()
{
    reloadModels();
    reloadDatasets();
    emit modelsChanged();
    emit datasetsChanged();
}

void ProjectSession::reloadModels()
{
    m_models.clear();
    if (!m_store)
        return;
    auto models = m_store->models();
    if (!models) {
        error(tr("Cannot read the models: %1").arg(QString::fromStdString(models.error())));
        return;
    }
    // Measure runs name their models; the newest run's name wins.
    std::map<std::string, QString> namesByHash;
    if (auto runs = m_store->runs()) {
        for (const auto& run : runs.value()) {
            for (const auto& model : RunParameters::fromJson(run.parametersJson).models)
                namesByHash[model.fileHash] = QString::fromStdString(model.name);
        }
    }
    std::map<std::int64_t, QString> familyOf;
    if (auto families = m_store->families())
        for (const auto& family : families.value())
            for (auto id : family.modelIds)
                familyOf.emplace(id, QString::fromStdString(family.name));
    std::set<QString> used;
    for (const auto& stored : models.value()) {
        ModelInfo info;
        info.id = stored.id;
        info.stored = stored;
        auto named = namesByHash.find(stored.fileHash);
        info.name = named != namesByHash.end() && !named->second.isEmpty()
            ? named->second
            : QFileInfo(QString::fromStdString(stored.path)).completeBaseName();
        if (used.count(info.name))
            info.name += QStringLiteral(" #%1").arg(stored.id);
        used.insert(info.name);
        if (auto metadata = engine::ModelMetadata::fromJson(stored.metadataJson))
            info.metadata = metadata.value();
        if (auto family = familyOf.find(stored.id); family != familyOf.end())
            info.family = family->second;
        m_models.push_back(std::move(info));
    }
}

void ProjectSession::reloadDatasets()
{
    m_datasets.clear();
    if (!m_store)
        return;
    auto datasets = m_store->datasets();
    if (!datasets) {
        error(tr("Cannot read the datasets: %1").arg(QString::fromStdString(datasets.error())));
        return;
    }
    m_datasets = std::move(datasets.value());
}

void ProjectSession::addModelFile(const QString& path, const std::optional<engine::ModelMetadata>& metadata)
{
    if (!m_store) {
        error(tr("Open or create a project before adding a model."));
        return;
    }
    const std::string file = path.toStdString();
    ++m_busy;
    emit busyChanged(true, tr("Loading %1").arg(QFileInfo(path).fileName()));
    submitJob<LoadedModelFile>(
        *m_compute, this, "load model " + file,
        [file, metadata](ProgressSink&, const CancelToken&) -> Result<LoadedModelFile> {
            engine::ModelLoadOptions options;
            options.metadata = metadata;
            if (metadata)
                options.layer = metadata->camLayer;
            auto loaded = loadModel(file, options);
            if (!loaded)
                return loaded.failure();
            auto hash = hashFile(file);
            if (!hash)
                return hash.failure();
            const auto& model = *loaded.value();
            StoredModel stored;
            stored.path = QFileInfo(QString::fromStdString(file)).absoluteFilePath().toStdString();
            stored.fileHash = hash.value();
            stored.metadataJson = model.metadata().toJson();
            stored.kind = engine::modelKindName(model.kind());
            stored.camLayer = model.camLayer();
            return LoadedModelFile{stored, model.notes()};
        },
        [this, path](Result<LoadedModelFile> loaded) {
            --m_busy;
            emit busyChanged(m_busy > 0, {});
            if (!loaded) {
                error(tr("Cannot add model %1: %2").arg(path, QString::fromStdString(loaded.error())));
                if (metadataCouldFix(loaded.error()))
                    emit modelNeedsMetadata(path, QString::fromStdString(loaded.error()));
                return;
            }
            const StoredModel& stored = loaded->stored;
            if (!m_store)
                return;
            auto id = m_store->addModel(stored);
            if (!id) {
                error(tr("Cannot store model %1: %2").arg(path, QString::fromStdString(id.error())));
                return;
            }
            auto metadata = engine::ModelMetadata::fromJson(stored.metadataJson);
            info(tr("Added model %1 (%2, CAM layer %3)")
                     .arg(QFileInfo(path).fileName(), QString::fromStdString(stored.kind),
                          QString::fromStdString(stored.camLayer)));
            for (const std::string& note : loaded->notes)
                info(tr("%1: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(note)));
            if (metadata && !metadata->fromArchive)
                warning(tr("%1 has no saliscope.json: default metadata (224x224, ImageNet mean/std, "
                           "classes real/synthetic) are assumed")
                            .arg(QFileInfo(path).fileName()));
            reloadModels();
            emit modelsChanged();
        });
}

void ProjectSession::addDatasetLocation(const QString& location, const QString& annotationFolder,
                                        const QString& maskFolder)
{
    if (!m_store) {
        error(tr("Open or create a project before adding a dataset."));
        return;
    }
    struct Scanned {
        Dataset dataset;
        DatasetHashResult hashes;
    };
    const std::string source = location.toStdString();
    const std::string annotations = annotationFolder.toStdString();
    const std::string masks = maskFolder.toStdString();
    ++m_busy;
    emit busyChanged(true, tr("Scanning %1").arg(location));
    const std::uint64_t openCount = m_openCount;
    const JobId job = submitJob<Scanned>(
        *m_io, this, "scan " + source,
        [source, annotations, masks](ProgressSink& progress, const CancelToken& cancel) -> Result<Scanned> {
            DatasetSource what;
            what.location = source;
            what.annotationFolder = annotations;
            what.maskFolder = masks;
            auto dataset = scanDataset(what, progress, cancel);
            if (!dataset)
                return dataset.failure();
            auto hashes = hashDataset(dataset.value(), {}, progress, cancel);
            if (!hashes)
                return hashes.failure();
            return Scanned{std::move(dataset.value()), std::move(hashes.value())};
        },
        [this, location, openCount, annotations, masks](Result<Scanned> result) {
            if (!result || openCount != m_openCount || !m_store) {
                --m_busy;
                emit busyChanged(m_busy > 0, {});
                if (!result)
                    error(tr("Cannot add dataset %1: %2").arg(location, QString::fromStdString(result.error())));
                return;
            }
            auto scanned = std::make_shared<Scanned>(std::move(result).value());
            for (const auto& [file, reason] : scanned->dataset.problems)
                warning(tr("%1 set aside: %2").arg(QString::fromStdString(file), QString::fromStdString(reason)));
            // Storing 100,000 images takes seconds: on the store pool, not the GUI thread.
            emit busyChanged(true, tr("Storing %1").arg(location));
            auto id = std::make_shared<std::int64_t>(0);
            writeInBackground(
                "store dataset " + location.toStdString(),
                [scanned, id](ProjectStore& store) -> Status {
                    auto added = store.addDataset(scanned->dataset, scanned->hashes.hashes, scanned->hashes.problems);
                    if (!added)
                        return added.failure();
                    *id = added.value();
                    return Ok{};
                },
                [this, location, scanned, id, annotations, masks](const Status& stored) {
                    --m_busy;
                    emit busyChanged(m_busy > 0, {});
                    if (!stored) {
                        error(tr("Cannot store dataset %1: %2").arg(location, QString::fromStdString(stored.error())));
                        return;
                    }
                    info(tr("Added dataset %1: %2 images, %3 unreadable")
                             .arg(location)
                             .arg(scanned->dataset.records.size())
                             .arg(scanned->hashes.problems.size()));
                    if (!annotations.empty() || !masks.empty()) {
                        std::size_t annotated = 0, masked = 0;
                        for (const auto& record : scanned->dataset.records) {
                            annotated += !record.annotationPath.empty();
                            masked += !record.maskPath.empty();
                        }
                        info(tr("Dataset %1: %2 images with an annotation, %3 with an artefact mask")
                                 .arg(location)
                                 .arg(annotated)
                                 .arg(masked));
                    }
                    reloadDatasets();
                    emit datasetsChanged();
                    m_currentDataset = *id;
                    emit currentDatasetChanged(m_currentDataset);
                });
        });
    watchProgress(*m_io, job, tr("Scanning %1").arg(QFileInfo(location).fileName()));
}

void ProjectSession::watchProgress(JobManager& jobs, JobId job, const QString& what)
{
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this, watcher, what](int value) { emit jobProgress(what, value, watcher->progressMaximum()); });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, what]() {
        watcher->deleteLater();
        emit jobProgress(what, -1, -1);
    });
    watcher->setFuture(jobs.future(job));
}

void ProjectSession::writeInBackground(const std::string& what, std::function<Status(ProjectStore&)> write,
                                       std::function<void(const Status&)> done)
{
    if (!m_store) {
        if (done)
            done(Error{"no project is open"});
        return;
    }
    ProjectStore* store = m_store.get(); // close() waits for this pool before it resets the store
    const std::uint64_t openCount = m_openCount;
    submitJob<bool>(
        *m_storeWrites, this, what,
        [store, write = std::move(write)](ProgressSink&, const CancelToken&) -> Result<bool> {
            auto status = write(*store);
            if (!status)
                return status.failure();
            return true;
        },
        [this, openCount, done = std::move(done)](Result<bool> result) {
            if (!done)
                return;
            if (openCount != m_openCount)
                return done(Error{"the project was closed first"});
            done(result ? Status(Ok{}) : Status(Error{result.error()}));
        });
}

void ProjectSession::updateModelMetadata(std::int64_t modelId, const engine::ModelMetadata& metadata,
                                         const QString& camLayer)
{
    const ModelInfo* current = model(modelId);
    auto refuse = [&](const QString& reason) {
        error(tr("Metadata of %1 not saved: %2").arg(current ? current->name : QString::number(modelId), reason));
        emit modelMetadataSaved(modelId, false);
    };
    if (!m_store || !current)
        return refuse(tr("no such model in the open project"));
    if (m_store->isReadOnly())
        return refuse(QString::fromStdString(m_store->readOnlyReason()));
    if (auto valid = metadata.validate(); !valid)
        return refuse(QString::fromStdString(valid.error()));
    const std::string path = current->stored.path;
    const QString name = current->name;
    engine::ModelMetadata edited = metadata;
    edited.camLayer = camLayer.trimmed().toStdString();
    ++m_busy;
    emit busyChanged(true, tr("Checking %1 with its new metadata").arg(name));
    const std::uint64_t openCount = m_openCount;
    submitJob<StoredModel>(
        *m_compute, this, "check metadata " + path,
        [path, edited](ProgressSink&, const CancelToken&) -> Result<StoredModel> {
            // The model must load with them and give a map for an input of the new size.
            engine::ModelLoadOptions options;
            options.layer = edited.camLayer;
            options.metadata = edited;
            auto loaded = loadModel(path, options);
            if (!loaded)
                return loaded.failure();
            if (auto cams = camMaps(*loaded.value(),
                                    {engine::ImageU8::zeros(edited.inputWidth, edited.inputHeight, 3)});
                !cams)
                return cams.failure();
            StoredModel stored;
            stored.metadataJson = edited.toJson();
            stored.camLayer = loaded.value()->camLayer();
            return stored;
        },
        [this, modelId, name, openCount](Result<StoredModel> result) {
            --m_busy;
            emit busyChanged(m_busy > 0, {});
            if (openCount != m_openCount || !m_store)
                return;
            if (!result) {
                error(tr("Metadata of %1 not saved: %2").arg(name, QString::fromStdString(result.error())));
                emit modelMetadataSaved(modelId, false);
                return;
            }
            if (auto saved = m_store->setModelMetadata(modelId, result->metadataJson, result->camLayer); !saved) {
                error(tr("Metadata of %1 not saved: %2").arg(name, QString::fromStdString(saved.error())));
                emit modelMetadataSaved(modelId, false);
                return;
            }
            info(tr("Saved the metadata of %1 (CAM layer %2); its maps will be computed again")
                     .arg(name, QString::fromStdString(result->camLayer)));
            reloadModels();
            emit modelsChanged();
            emit modelMetadataSaved(modelId, true);
        });
}

bool ProjectSession::assignFamilies(const std::map<QString, std::vector<std::int64_t>>& families)
{
    std::vector<std::int64_t> members;
    for (const auto& [name, ids] : families)
        members.insert(members.end(), ids.begin(), ids.end());
    if (!removeFromFamilies(members))
        return false;
    for (const auto& [name, ids] : families)
        if (!addToFamily(name, ids))
            return false;
    return true;
}

bool ProjectSession::addToFamily(const QString& family, const std::vector<std::int64_t>& modelIds)
{
    if (!m_store) {
        error(tr("Open a project before grouping models."));
        return false;
    }
    if (family.trimmed().isEmpty()) {
        error(tr("A family needs a name."));
        return false;
    }
    if (auto added = m_store->addFamily(family.trimmed().toStdString(), modelIds); !added) {
        error(tr("Cannot change family %1: %2").arg(family, QString::fromStdString(added.error())));
        return false;
    }
    reloadModels();
    emit modelsChanged();
    return true;
}

bool ProjectSession::removeFromFamilies(const std::vector<std::int64_t>& modelIds)
{
    if (!m_store) {
        error(tr("Open a project before grouping models."));
        return false;
    }
    if (auto removed = m_store->removeFromFamilies(modelIds); !removed) {
        error(tr("Cannot change the families: %1").arg(QString::fromStdString(removed.error())));
        return false;
    }
    reloadModels();
    emit modelsChanged();
    return true;
}

} // namespace saliscope
