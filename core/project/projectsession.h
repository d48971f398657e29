// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/modelmetadata.h"
#include "core/store/storetypes.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace saliscope {
class JobManager;
class ProjectStore;
} // namespace saliscope

namespace saliscope {

class LogModel;

/// A model of the open project as the UI shows it: its stored row, the name its measure runs
/// gave it (else the file's base name) and its metadata.
struct ModelInfo final {
    std::int64_t id = 0;
    QString name;
    StoredModel stored;
    engine::ModelMetadata metadata;
    QString family; ///< first family it belongs to; empty when none
};

/// The open project and what every dock shares: the store (used on the GUI thread only), the
/// worker pools, the models and datasets, the current dataset and the log. Long work (loading a
/// model, scanning and hashing a folder) runs on the pools; the store is written back here.
class ProjectSession final : public QObject {
    Q_OBJECT

public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    /// Opens (or creates when `create`) a project; errors go to the log and return false.
    bool open(const QString& path, bool create = false);
    void close();
    bool isOpen() const { return m_store != nullptr; }
    QString path() const { return m_path; }
    ProjectStore* store() const { return m_store.get(); }

    const std::vector<ModelInfo>& models() const { return m_models; }
    const ModelInfo* model(std::int64_t id) const;
    const std::vector<StoredDataset>& datasets() const { return m_datasets; }
    std::int64_t currentDatasetId() const { return m_currentDataset; }
    void setCurrentDataset(std::int64_t datasetId);

    /// Compute pool (model loading, Grad-CAM): one worker, as the CPU build runs fastest so.
    JobManager& computeJobs() { return *m_compute; }
    /// I/O pool (scanning, hashing, reading large tables).
    JobManager& ioJobs() { return *m_io; }
    LogModel* log() const { return m_log; }
    void info(const QString& text);
    void warning(const QString& text);
    void error(const QString& text);

    /// Loads a .pt file on the compute pool and adds it to the project, with `metadata` (CAM
    /// layer included) instead of the archive's when given. When the file loads but not with the
    /// metadata it has, modelNeedsMetadata follows the logged error.
    void addModelFile(const QString& path, const std::optional<engine::ModelMetadata>& metadata = std::nullopt);
    /// Scans and hashes a folder or manifest on the I/O pool and adds it to the project, with the
    /// human annotations of `annotationFolder` and the artefact masks of `maskFolder` (each optional,
    /// matched to the images by file name; DatasetSource).
    void addDatasetLocation(const QString& location, const QString& annotationFolder = {},
                            const QString& maskFolder = {});
    /// Re-reads models and datasets from the store.
    void reload();

    /// Checks `metadata` and `camLayer` by loading the model with them on the compute pool, then
    /// stores them (the model's old maps are deleted, being made with the old ones) and reloads
    /// the models; modelMetadataSaved follows, errors also go to the log.
    void updateModelMetadata(std::int64_t modelId, const engine::ModelMetadata& metadata, const QString& camLayer);
    /// Puts each listed model into the named family and out of any other (families left empty
    /// vanish), then reloads the models; false, with the reason in the log, on failure.
    bool assignFamilies(const std::map<QString, std::vector<std::int64_t>>& families);
    /// Adds the models to a family (created when new), keeping their other families.
    bool addToFamily(const QString& family, const std::vector<std::int64_t>& modelIds);
    /// Takes the models out of every family.
    bool removeFromFamilies(const std::vector<std::int64_t>& modelIds);
    /// Runs a write to the store on the store pool, off the GUI thread; `done` gets its outcome
    /// on the GUI thread (an Error when the project was closed first). ProjectStore writes go through its
    /// writer thread, so they are safe from a worker; close() waits for the writes in flight.
    void writeInBackground(const std::string& what, std::function<Status(ProjectStore&)> write,
                           std::function<void(const Status&)> done = {});

signals:
    void projectChanged();
    void modelsChanged();
    void datasetsChanged();
    void currentDatasetChanged(std::int64_t datasetId);
    /// Background work started (`busy` true) or ended, with a short description.
    void busyChanged(bool busy, const QString& what);
    /// Progress of a long background job: `done` of `total` (total 0: not known yet); a job
    /// that ended reports done == total == -1. For the status bar's progress bar.
    void jobProgress(const QString& what, qint64 done, qint64 total);
    /// A model file could not be used with its own (or default) metadata, for a `reason` that
    /// other metadata could fix (input size, CAM layer, class names): ask for them.
    void modelNeedsMetadata(const QString& path, const QString& reason);
    /// updateModelMetadata ended: stored (`ok`) or refused (reason in the log).
    void modelMetadataSaved(std::int64_t modelId, bool ok);
    /// The project is about to close, its store still open: stop work that writes to it.
    void aboutToClose();
    /// A measure run stored more rows: at most about twice a second while it runs, and once
    /// when it ends (rows may lag the signal by one writer commit).
    void measureRowsStored();
    /// A measure run was queued, started, ended or cancelled: the runs table changed.
    void runsChanged();

private:
    void watchProgress(JobManager& jobs, std::int64_t job, const QString& what);
    void reloadModels();
    void reloadDatasets();

    QString m_path;
    std::unique_ptr<ProjectStore> m_store;
    std::unique_ptr<JobManager> m_compute;
    std::unique_ptr<JobManager> m_io;
    std::unique_ptr<JobManager> m_storeWrites; ///< one worker: writes in order, off the GUI thread
    std::uint64_t m_openCount = 0;             ///< tells a late result which project it was for
    LogModel* m_log = nullptr;
    std::vector<ModelInfo> m_models;
    std::vector<StoredDataset> m_datasets;
    std::int64_t m_currentDataset = 0;
    int m_busy = 0;
};

} // namespace saliscope
