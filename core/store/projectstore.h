// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/store/storetypes.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class QLockFile;
class QSqlDatabase;

namespace saliscope {

struct Dataset;
struct MeasureRow;
class StoreMeasureSink;
class StoreWriter;

/// How ProjectStore::open treats the file.
enum class ProjectOpenMode {
    OpenExisting,    ///< the project must exist
    CreateIfMissing, ///< a new, empty project is made when the file does not exist
    ReadOnly,        ///< never writes (another process may be writing)
    Salvage,         ///< as ReadOnly, and a file that fails its check opens too (damage() says how)
};

/// A model family: models trained alike (same architecture and loss, several runs).
struct StoredFamily final {
    std::int64_t id = 0;
    std::string name;
    std::vector<std::int64_t> modelIds;
};

/// A Saliscope project: one SQLite file (`.saliscope`) with its datasets, models, maps, measure
/// runs and per-image results. Writes go to the project's single StoreWriter thread (batched in
/// transactions, WAL journal); reads use this object's own connection. A writable project holds
/// `<file>.lock` (QLockFile) so a second process gets a clear "in use" error (it may still open
/// the file ReadOnly); a lock left by a killed process is taken over. A file that cannot be
/// written opens read-only and says so (readOnlyReason()); writes then fail with that reason.
/// Use one ProjectStore from the thread that opened it; its sinks may be called from any thread.
class ProjectStore final {
public:
    /// Opens or creates a project, migrating an older schema. Errors: no such project, not a
    /// Saliscope project, made by a newer Saliscope, in use by another process, cannot create.
    static Result<std::unique_ptr<ProjectStore>> open(const std::string& path, ProjectOpenMode mode);
    /// Commits what is queued and closes both connections.
    ~ProjectStore();

    const std::string& path() const { return m_path; }
    /// True when nothing can be written; readOnlyReason() says why.
    bool isReadOnly() const { return m_writer == nullptr; }
    const std::string& readOnlyReason() const { return m_readOnlyReason; }
    /// The file's schema version (StoreSchema::CurrentVersion once opened writable).
    int schemaVersion() const { return m_schemaVersion; }
    /// Why a file opened with ProjectOpenMode::Salvage is damaged ("the project P is damaged
    /// (SQLite's finding)"; other modes refuse it with that and the runs that cannot be read);
    /// empty when the file passed its check. What is read from a damaged file is what SQLite
    /// could still read, not a checked answer.
    const std::string& damage() const { return m_damage; }

    /// Stores a scanned dataset and its records' content hashes (index for index, "" when
    /// unreadable, with the reason found by path in `problems`, as hashDataset gives). A dataset
    /// with the same images (same fingerprint) is reused, its paths and order updated, so
    /// results survive renames and moves; image positions always follow `dataset.records`. What
    /// the scan set aside (`dataset.problems`) is stored with it, replacing a reused one's.
    Result<std::int64_t> addDataset(const Dataset& dataset, const std::vector<std::string>& hashes,
                                    const std::vector<std::pair<std::string, std::string>>& problems = {});
    /// The datasets; locations and image paths are absolute (paths that earlier builds stored
    /// relative are read relative to the project's folder).
    Result<std::vector<StoredDataset>> datasets() const;
    /// A dataset's images in record order.
    Result<std::vector<StoredImage>> images(std::int64_t datasetId) const;
    /// What the scan of a dataset set aside, (path, reason) in scan order (Dataset::problems).
    Result<std::vector<std::pair<std::string, std::string>>> datasetProblems(std::int64_t datasetId) const;

    /// Adds a model, or updates the one with the same file hash; returns its id.
    Result<std::int64_t> addModel(const StoredModel& model);
    Result<std::vector<StoredModel>> models() const;
    /// Adds a family (or adds members to the one of that name); returns its id.
    Result<std::int64_t> addFamily(const std::string& name, const std::vector<std::int64_t>& modelIds);
    Result<std::vector<StoredFamily>> families() const;
    /// Replaces a model's metadata (JSON) and CAM layer and deletes its stored maps, which were
    /// made with the old ones. An Error for an unknown model.
    Status setModelMetadata(std::int64_t modelId, const std::string& metadataJson, const std::string& camLayer);
    /// Takes the models out of every family; families left without members are deleted.
    Status removeFromFamilies(const std::vector<std::int64_t>& modelIds);

    /// Stores small maps (replacing ones with the same model, image hash and variant).
    Status putMaps(const std::vector<StoredMap>& maps);
    /// The map of an image by a model, or nullopt when none is stored.
    Result<std::optional<StoredMap>> map(std::int64_t modelId, const std::string& imageHash,
                                         const std::string& variant = {}) const;

    /// Every stored map (for merges and exports).
    Result<std::vector<StoredMap>> maps() const;

    /// Creates a queued run from `run` (measure, parametersJson, datasetId, device, shard);
    /// parameters are stored as compact JSON with sorted keys. Returns the run id.
    Result<std::int64_t> createRun(const StoredRun& run);
    /// The newest run with this measure, parameters (compared as canonical JSON), dataset and
    /// shard, to resume instead of starting again; nullopt when none.
    Result<std::optional<std::int64_t>> findRun(const std::string& measure, const std::string& parametersJson,
                                                std::int64_t datasetId, const std::string& shard = {}) const;
    /// Sets a run's status; Running stamps `started`, Finished/Failed/Cancelled stamp `finished`.
    Status setRunStatus(std::int64_t runId, RunStatus status, const std::string& error = {});
    /// Adds to a run's compute time (each resumed part adds its own).
    Status addComputeTime(std::int64_t runId, double seconds);
    Result<std::vector<StoredRun>> runs() const;
    Result<StoredRun> run(std::int64_t runId) const;

    /// Writes rows synchronously (the sink's path, for tools and tests): the run's columns are
    /// fixed by the first write and must match later ones; a row replaces one with the same
    /// (image, model, variant). `imageIndex` is the position in the run's dataset.
    Status writeResults(std::int64_t runId, const std::vector<std::string>& columns,
                        const std::vector<MeasureRow>& rows);
    /// A MeasureSink that streams rows of `runId` into the writer without waiting; its first
    /// failure is kept (StoreMeasureSink::status()). The sink must not outlive this store.
    Result<std::unique_ptr<StoreMeasureSink>> makeSink(std::int64_t runId);
    Result<std::vector<std::string>> resultColumns(std::int64_t runId) const;
    /// Every stored row of a run, by image position, model and variant. A row whose values do
    /// not match the run's columns (a damaged file) makes this an Error naming it.
    Result<std::vector<StoredResult>> results(std::int64_t runId) const;
    /// Positions of the images that have at least `rowsPerImage` rows in the run: what a resumed
    /// run skips. Rows of one sink call are committed together or not at all.
    Result<std::vector<std::int64_t>> completedImages(std::int64_t runId, int rowsPerImage = 1) const;
    /// The summaries table (schema 4). Saliscope no longer writes or reads it: a run's summary is
    /// computed from its rows when it is shown or written (docs/measures.md); what projects of
    /// earlier versions hold stays readable here until a merge removes it (clearSummaries).
    Status setSummary(std::int64_t runId, const std::string& json);
    Result<std::optional<std::string>> summary(std::int64_t runId) const;
    /// Removes every stored summary (a merge adds rows, which would leave them stale).
    Status clearSummaries();

    /// Writes a run as CSV: image, label, group, content_hash, model, variant, then one column
    /// per value (shortest exact decimal; empty for NaN). Written to a temporary file first.
    /// Damaged rows (values not matching the columns) are left out and make the result an Error
    /// that counts them, after the readable rows are written: salvage of a damaged project.
    Status exportRunCsv(std::int64_t runId, const std::string& csvPath) const;
    /// Waits until every queued write is committed; returns the first failure of a sink write.
    Status flush();
    /// `PRAGMA integrity_check`'s answer ("ok" when sound).
    Result<std::string> integrityCheck() const;

    /// The writer (null when read-only), for sinks and merges that queue their own tasks.
    StoreWriter* writer() { return m_writer.get(); }

    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

private:
    ProjectStore() = default;
    Status requireWritable() const;
    QSqlDatabase database() const;

    std::string m_path;
    std::string m_connection;
    std::string m_readOnlyReason;
    int m_schemaVersion = 0;
    std::string m_damage;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<StoreWriter> m_writer;
};

/// Canonical form of a parameters JSON text (compact, keys sorted); the text itself if not JSON.
std::string canonicalJson(const std::string& json);
/// Stores `values` as the results BLOB: consecutive IEEE-754 doubles, little-endian.
std::string packValues(const std::vector<double>& values);
/// The values of a results BLOB (see packValues).
std::vector<double> unpackValues(const void* data, std::size_t size);

} // namespace saliscope
