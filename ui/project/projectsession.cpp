#include "project/projectsession.h"

#include "dataset/contenthash.h"
#include "dataset/dataset.h"
#include "dataset/datasethashing.h"
#include "engine/model.h"
#include "jobs/jobmanager.h"
#include "models/logmodel.h"
#include "project/jobwatch.h"
#include "store/projectstore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <set>

namespace saliscope::ui {

ProjectSession::ProjectSession(QObject* parent)
    : QObject(parent), m_compute(std::make_unique<JobManager>(1)), m_io(std::make_unique<JobManager>(1)),
      m_log(new LogModel(this))
{
}

ProjectSession::~ProjectSession()
{
    m_compute->shutdown();
    m_io->shutdown();
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
            const auto parameters = QJsonDocument::fromJson(QByteArray::fromStdString(run.parametersJson)).object();
            for (const auto& value : parameters.value(QStringLiteral("models")).toArray()) {
                const auto object = value.toObject();
                namesByHash[object.value(QStringLiteral("file_hash")).toString().toStdString()] =
                    object.value(QStringLiteral("name")).toString();
            }
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

void ProjectSession::addModelFile(const QString& path)
{
    if (!m_store) {
        error(tr("Open or create a project before adding a model."));
        return;
    }
    const std::string file = path.toStdString();
    ++m_busy;
    emit busyChanged(true, tr("Loading %1").arg(QFileInfo(path).fileName()));
    submitJob<StoredModel>(
        *m_compute, this, "load model " + file,
        [file](ProgressSink&, const CancelToken&) -> engine::Result<StoredModel> {
            auto loaded = engine::Model::load(file);
            if (!loaded)
                return engine::Error{loaded.error()};
            auto hash = hashFile(file);
            if (!hash)
                return engine::Error{hash.error()};
            const auto& model = *loaded.value();
            StoredModel stored;
            stored.path = QFileInfo(QString::fromStdString(file)).absoluteFilePath().toStdString();
            stored.fileHash = hash.value();
            stored.metadataJson = model.metadata().toJson();
            stored.kind = engine::modelKindName(model.kind());
            stored.camLayer = model.camLayer();
            return stored;
        },
        [this, path](engine::Result<StoredModel> result) {
            --m_busy;
            emit busyChanged(m_busy > 0, {});
            if (!result) {
                error(tr("Cannot add model %1: %2").arg(path, QString::fromStdString(result.error())));
                return;
            }
            if (!m_store)
                return;
            auto id = m_store->addModel(result.value());
            if (!id) {
                error(tr("Cannot store model %1: %2").arg(path, QString::fromStdString(id.error())));
                return;
            }
            auto metadata = engine::ModelMetadata::fromJson(result->metadataJson);
            info(tr("Added model %1 (%2, CAM layer %3)")
                     .arg(QFileInfo(path).fileName(), QString::fromStdString(result->kind),
                          QString::fromStdString(result->camLayer)));
            if (metadata && !metadata->fromArchive)
                warning(tr("%1 has no saliscope.json: default metadata (224x224, ImageNet mean/std, "
                           "classes real/synthetic) are assumed")
                            .arg(QFileInfo(path).fileName()));
            reloadModels();
            emit modelsChanged();
        });
}

void ProjectSession::addDatasetLocation(const QString& location)
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
    ++m_busy;
    emit busyChanged(true, tr("Scanning %1").arg(location));
    submitJob<Scanned>(
        *m_io, this, "scan " + source,
        [source](ProgressSink& progress, const CancelToken& cancel) -> engine::Result<Scanned> {
            DatasetSource what;
            what.location = source;
            auto dataset = scanDataset(what, progress, cancel);
            if (!dataset)
                return engine::Error{dataset.error()};
            auto hashes = hashDataset(dataset.value(), {}, progress, cancel);
            if (!hashes)
                return engine::Error{hashes.error()};
            return Scanned{std::move(dataset.value()), std::move(hashes.value())};
        },
        [this, location](engine::Result<Scanned> result) {
            --m_busy;
            emit busyChanged(m_busy > 0, {});
            if (!result) {
                error(tr("Cannot add dataset %1: %2").arg(location, QString::fromStdString(result.error())));
                return;
            }
            if (!m_store)
                return;
            const auto& scanned = result.value();
            for (const auto& [file, reason] : scanned.dataset.problems)
                warning(tr("%1 set aside: %2").arg(QString::fromStdString(file), QString::fromStdString(reason)));
            auto id = m_store->addDataset(scanned.dataset, scanned.hashes.hashes, scanned.hashes.problems);
            if (!id) {
                error(tr("Cannot store dataset %1: %2").arg(location, QString::fromStdString(id.error())));
                return;
            }
            info(tr("Added dataset %1: %2 images, %3 unreadable")
                     .arg(location)
                     .arg(scanned.dataset.records.size())
                     .arg(scanned.hashes.problems.size()));
            reloadDatasets();
            emit datasetsChanged();
            m_currentDataset = id.value();
            emit currentDatasetChanged(m_currentDataset);
        });
}

} // namespace saliscope::ui
