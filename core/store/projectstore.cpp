// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/projectstore.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/csvtext.h"
#include "core/dataset/dataset.h"
#include "core/engine/runtime.h"
#include "core/measures/measuretable.h"
#include "core/store/storemeasuresink.h"
#include "core/store/storeschema.h"
#include "core/store/storewriter.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <bit>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fcntl.h>
#include <sys/stat.h>
#include <map>
#include <unistd.h>

namespace saliscope {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }
std::string s(const QVariant& value) { return value.toString().toStdString(); }

/// A path as stored in a project: absolute, so that the project opens from any working
/// folder (the command line scans datasets given relative to where it was started).
std::string storedPath(const std::string& path)
{
    if (path.empty())
        return path;
    std::error_code code;
    const auto absolute = std::filesystem::absolute(path, code);
    return code ? path : absolute.lexically_normal().string();
}

/// A stored path as a usable one: projects written before paths were stored absolute hold them
/// relative to where the command line ran, most often the project's own folder.
std::string resolvedPath(const std::string& stored, const std::string& projectPath)
{
    const std::filesystem::path path(stored);
    if (stored.empty() || path.is_absolute())
        return stored;
    return (std::filesystem::path(projectPath).parent_path() / path).lexically_normal().string();
}

std::string nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString(); }

std::string fingerprintOf(const std::vector<std::string>& hashes)
{
    std::vector<std::string> sorted;
    for (const std::string& hash : hashes)
        if (!hash.empty())
            sorted.push_back(hash);
    std::sort(sorted.begin(), sorted.end());
    std::string joined;
    for (const std::string& hash : sorted)
        joined += hash + "\n";
    return hashBytes(joined.data(), joined.size()) + "-" + std::to_string(sorted.size());
}

StoredRun runFrom(const QSqlQuery& query)
{
    StoredRun run;
    run.id = query.value(0).toLongLong();
    run.measure = s(query.value(1));
    run.parametersJson = s(query.value(2));
    run.datasetId = query.value(3).toLongLong();
    run.status = runStatusFromName(s(query.value(4))).value_or(RunStatus::Failed);
    run.created = s(query.value(5));
    run.started = s(query.value(6));
    run.finished = s(query.value(7));
    run.softwareVersion = s(query.value(8));
    run.device = s(query.value(9));
    run.shard = s(query.value(10));
    run.error = s(query.value(11));
    run.computeSeconds = query.value(12).toDouble();
    run.resultCount = query.value(13).toLongLong();
    return run;
}

const char* RunColumns =
    "SELECT id, measure, parameters, dataset_id, status, created, started, finished, software_version, device,"
    " shard, error, compute_seconds, (SELECT count(*) FROM results WHERE run_id = runs.id) FROM runs";

std::string newConnectionName()
{
    static std::atomic<int> counter{0};
    return "saliscope-reader-" + std::to_string(counter.fetch_add(1));
}

} // namespace

const char* runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued: return "queued";
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Failed: return "failed";
    case RunStatus::Cancelled: return "cancelled";
    }
    return "failed";
}

std::optional<RunStatus> runStatusFromName(const std::string& name)
{
    for (RunStatus status :
         {RunStatus::Queued, RunStatus::Running, RunStatus::Finished, RunStatus::Failed, RunStatus::Cancelled})
        if (name == runStatusName(status))
            return status;
    return std::nullopt;
}

std::string canonicalJson(const std::string& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return json;
    return document.toJson(QJsonDocument::Compact).toStdString();
}

std::string packValues(const std::vector<double>& values)
{
    static_assert(std::endian::native == std::endian::little, "results are stored as little-endian doubles");
    std::string blob(values.size() * sizeof(double), '\0');
    std::memcpy(blob.data(), values.data(), blob.size());
    return blob;
}

std::vector<double> unpackValues(const void* data, std::size_t size)
{
    std::vector<double> values(size / sizeof(double));
    std::memcpy(values.data(), data, values.size() * sizeof(double));
    return values;
}

// ---- opening ----

namespace {

/// The file's canonical path (links resolved), or for a file not made yet its folder's canonical
/// path and its name: what the writer's lock is named after.
QString lockPath(const std::string& file)
{
    const QFileInfo info(q(file));
    QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty()) {
        const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
        canonical = folder.isEmpty() ? info.absoluteFilePath() : folder + QLatin1Char('/') + info.fileName();
    }
    return canonical;
}

/// SQLite makes a WAL project's -wal and -shm files with the project file's mode: a read-only
/// open of a 0444 project leaves 0444 ones, and once the project is made writable again they
/// still keep every writer out. Ours get the owner's write bit back.
void keepSidecarsWritable(const std::string& file)
{
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::string sidecar = file + suffix;
        struct stat status {};
        if (::stat(sidecar.c_str(), &status) == 0 && S_ISREG(status.st_mode) && status.st_uid == ::geteuid()
            && !(status.st_mode & S_IWUSR))
            ::chmod(sidecar.c_str(), (status.st_mode & 07777) | S_IWUSR);
    }
}

/// The rest of a damaged file's message: which runs' rows can still be read (a read of each
/// run's rows, as `saliscope-cli export` reads them, that SQLite ends with no error) and which
/// cannot, and how to salvage the former.
std::string damagedRuns(const QSqlDatabase& database, const std::string& path)
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    std::vector<std::pair<std::int64_t, std::string>> runs;
    if (query.exec(QStringLiteral("SELECT id, measure FROM runs ORDER BY id")))
        while (query.next())
            runs.emplace_back(query.value(0).toLongLong(), query.value(1).toString().toStdString());
    if (query.lastError().isValid())
        return "; its list of runs cannot be read, so nothing can be salvaged from it";
    std::string readable, unreadable;
    for (const auto& [id, measure] : runs) {
        QSqlQuery rows(database);
        rows.setForwardOnly(true);
        rows.prepare(QStringLiteral("SELECT i.path, i.label, i.grp, i.content_hash, r.model, r.variant, r.vals"
                                    " FROM results r JOIN images i ON i.id = r.image_id WHERE r.run_id = ?"
                                    " ORDER BY i.position, r.model, r.variant"));
        rows.addBindValue(qint64(id));
        bool ok = rows.exec();
        while (ok && rows.next()) {}
        ok = ok && !rows.lastError().isValid();
        std::string& list = ok ? readable : unreadable;
        list += (list.empty() ? "" : ", ") + std::to_string(id) + " (" + measure + ")";
    }
    if (runs.empty())
        return "; it holds no run";
    std::string text;
    if (!unreadable.empty())
        text += "; the rows of run(s) " + unreadable + " cannot be read";
    if (readable.empty())
        return text + ", so nothing can be salvaged from it";
    return text + "; `saliscope-cli export " + path + " --run ID -o FILE.csv` writes what can still be read of run(s) "
        + readable;
}

/// Checks an existing file before a writer touches it (a migration must never write into a
/// damaged file): PRAGMA quick_check on a connection of its own that only reads. The error is
/// the one a reader gives. False when the file cannot be opened so: the usual open reports
/// why, and its reader checks the file.
Result<bool> checkBeforeWriting(const std::string& file, const std::string& path)
{
    const QString connection = q(newConnectionName());
    Result<bool> status = false;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        database.setDatabaseName(q(file));
        if (database.open()) {
            QSqlQuery check(database);
            status = true;
            if (check.exec(QStringLiteral("PRAGMA quick_check(1)")) && check.next()) {
                if (const QString answer = check.value(0).toString(); answer != QLatin1String("ok"))
                    status = Error{"the project " + path + " is damaged (" + answer.simplified().toStdString() + ")"
                                   + damagedRuns(database, path)};
            } else {
                status = Error{StoreSchema::describe(check.lastError(), "the project " + path + " cannot be checked")};
            }
        }
        database.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return status;
}

} // namespace

Result<std::unique_ptr<ProjectStore>> ProjectStore::open(const std::string& path, ProjectOpenMode mode)
{
    std::unique_ptr<ProjectStore> store(new ProjectStore());
    const QFileInfo info(q(path));
    store->m_path = info.absoluteFilePath().toStdString();
    const std::string& file = store->m_path;
    const bool exists = info.exists();
    if (!exists && mode != ProjectOpenMode::CreateIfMissing)
        return Error{"no such project: " + path};
    if (exists && !info.isFile())
        return Error{path + " is not a project file"};
    if (exists && info.size() > 0) {
        QFile probe(q(file));
        if (!probe.open(QIODevice::ReadOnly))
            return Error{"cannot read project " + path + ": " + probe.errorString().toStdString()};
        if (probe.read(16) != QByteArray("SQLite format 3\0", 16))
            return Error{path + " is not a Saliscope project (not an SQLite file)"};
    }

    bool readOnly = mode == ProjectOpenMode::ReadOnly || mode == ProjectOpenMode::Salvage;
    if (!readOnly && exists) {
        const int descriptor = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
        if (descriptor < 0) {
            readOnly = true;
            store->m_readOnlyReason = path + " is read-only (" + std::strerror(errno) + "); opened for reading only";
        } else {
            ::close(descriptor);
        }
    }
    if (!readOnly) {
        // One lock per file, not per name: a symbolic link (or another path) to the same project
        // takes the same lock.
        store->m_lock = std::make_unique<QLockFile>(lockPath(file) + QStringLiteral(".lock"));
        store->m_lock->setStaleLockTime(0); // only a dead owner makes the lock stale: runs last hours
        if (!store->m_lock->tryLock(0)) {
            if (store->m_lock->error() == QLockFile::LockFailedError) {
                qint64 pid = 0;
                QString host, application;
                store->m_lock->getLockInfo(&pid, &host, &application);
                return Error{"project " + path + " is in use by another Saliscope process (pid " + std::to_string(pid)
                             + (host.isEmpty() ? std::string() : " on " + host.toStdString())
                             + "); wait for it to finish or open the project read-only"};
            }
            if (!exists)
                return Error{"cannot create project " + path + ": its folder is not writable"};
            store->m_lock.reset();
            readOnly = true;
            store->m_readOnlyReason = "the folder of " + path + " is read-only; opened for reading only";
        }
    }

    // A damaged page can make a query answer less without any error (a run listed with fewer
    // rows): the whole file is checked before anything is read from it, or written to it.
    bool checkedBeforeWriting = false;
    if (!readOnly && exists && info.size() > 0) {
        auto checked = checkBeforeWriting(file, path);
        if (!checked)
            return checked.failure();
        checkedBeforeWriting = checked.value();
    }
    if (!readOnly) {
        auto writer = StoreWriter::start(file, [](QSqlDatabase& database) -> Status {
            auto version = StoreSchema::version(database);
            if (!version)
                return version.failure();
            if (version.value() > StoreSchema::CurrentVersion)
                return StoreSchema::migrate(database); // refuses with "made by a newer Saliscope"
            if (auto configured = StoreSchema::configureConnection(database, true); !configured)
                return configured;
            return StoreSchema::migrate(database);
        });
        if (!writer)
            return Error{path + ": " + writer.error()};
        store->m_writer = std::move(writer).value();
    }

    // The reader connection, on this thread.
    store->m_connection = newConnectionName();
    auto openReader = [&](bool immutable) -> Result<int> {
        {
            QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), q(store->m_connection));
            if (immutable) {
                database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
                database.setDatabaseName(QUrl::fromLocalFile(q(file)).toString(QUrl::FullyEncoded)
                                         + QStringLiteral("?immutable=1"));
            } else {
                if (readOnly)
                    database.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
                database.setDatabaseName(q(file));
            }
            if (database.open()) {
                if (auto configured = StoreSchema::configureConnection(database, false); configured)
                    return StoreSchema::version(database);
                else
                    return configured.failure();
            }
            return Error{StoreSchema::describe(database.lastError(), "cannot open project")};
        }
    };
    auto version = openReader(false);
    if (!version && readOnly) {
        // A WAL project in a read-only folder cannot create its shared-memory file: read it as
        // an immutable file instead (nobody can be writing to it there).
        QSqlDatabase::database(q(store->m_connection), false).close();
        QSqlDatabase::removeDatabase(q(store->m_connection));
        version = openReader(true);
    }
    if (readOnly)
        keepSidecarsWritable(file);
    if (!version)
        return Error{path + ": " + version.error()};
    if (version.value() > StoreSchema::CurrentVersion)
        return Error{path + ": the project was made by a newer Saliscope (schema version "
                     + std::to_string(version.value()) + "; this build reads up to "
                     + std::to_string(StoreSchema::CurrentVersion) + ")"};
    if (version.value() == 0)
        return Error{path + " is not a Saliscope project (an empty file)"};
    if (version.value() < StoreSchema::CurrentVersion)
        return Error{path + " was made by an older Saliscope (schema version " + std::to_string(version.value())
                     + ") and must be upgraded once: saliscope-cli project --upgrade " + path
                     + " (or open it in the application)"};
    if (exists && !checkedBeforeWriting) {
        QSqlQuery check(store->database());
        if (!check.exec(QStringLiteral("PRAGMA quick_check(1)")) || !check.next())
            return Error{StoreSchema::describe(check.lastError(), "the project " + path + " cannot be checked")};
        if (const QString answer = check.value(0).toString(); answer != QLatin1String("ok")) {
            const std::string damage = "the project " + path + " is damaged (" + answer.simplified().toStdString()
                + ")";
            if (mode != ProjectOpenMode::Salvage)
                return Error{damage + damagedRuns(store->database(), path)};
            store->m_damage = damage;
        }
    }
    store->m_schemaVersion = version.value();
    return store;
}

ProjectStore::~ProjectStore()
{
    m_writer.reset(); // commits what is queued
    if (!m_connection.empty()) {
        {
            QSqlDatabase database = QSqlDatabase::database(q(m_connection), false);
            database.close();
        }
        QSqlDatabase::removeDatabase(q(m_connection));
    }
    if (!m_writer && !m_path.empty())
        keepSidecarsWritable(m_path);
    if (m_lock)
        m_lock->unlock();
}

QSqlDatabase ProjectStore::database() const { return QSqlDatabase::database(q(m_connection), false); }

Status ProjectStore::requireWritable() const
{
    if (m_writer)
        return Ok{};
    return Error{"cannot change project " + m_path + ": "
                 + (m_readOnlyReason.empty() ? std::string("it was opened read-only") : m_readOnlyReason)};
}

Status ProjectStore::flush()
{
    if (!m_writer)
        return Ok{};
    return m_writer->flush();
}

Result<std::string> ProjectStore::integrityCheck() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return Error{StoreSchema::describe(query.lastError(), "cannot check the project")};
    std::string answer;
    while (query.next())
        answer += (answer.empty() ? "" : "\n") + s(query.value(0));
    return answer;
}

// ---- datasets and images ----

Result<std::int64_t> ProjectStore::addDataset(const Dataset& dataset, const std::vector<std::string>& hashes,
                                              const std::vector<std::pair<std::string, std::string>>& problems)
{
    if (auto writable = requireWritable(); !writable)
        return writable.failure();
    if (hashes.size() != dataset.records.size())
        return Error{"dataset has " + std::to_string(dataset.records.size()) + " records but "
                     + std::to_string(hashes.size()) + " hashes"};
    std::map<std::string, std::string> reasons(problems.begin(), problems.end());
    const std::string fingerprint = fingerprintOf(hashes);
    std::int64_t datasetId = 0;
    Status status = m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT id FROM datasets WHERE fingerprint = ? ORDER BY id LIMIT 1"));
        query.addBindValue(q(fingerprint));
        if (auto ok = StoreSchema::execute(query, "cannot read datasets"); !ok)
            return ok;
        const bool reuse = query.next() && !hashes.empty();
        std::map<std::string, std::deque<qint64>> existing;
        if (reuse) {
            datasetId = query.value(0).toLongLong();
            query.prepare(
                QStringLiteral("SELECT id, content_hash FROM images WHERE dataset_id = ? AND content_hash IS NOT NULL"
                               " ORDER BY position"));
            query.addBindValue(qint64(datasetId));
            if (auto ok = StoreSchema::execute(query, "cannot read images"); !ok)
                return ok;
            while (query.next())
                existing[s(query.value(1))].push_back(query.value(0).toLongLong());
            query.prepare(QStringLiteral("DELETE FROM images WHERE dataset_id = ? AND content_hash IS NULL"));
            query.addBindValue(qint64(datasetId));
            if (auto ok = StoreSchema::execute(query, "cannot update images"); !ok)
                return ok;
            query.prepare(QStringLiteral("UPDATE datasets SET location = ?, image_count = ?,"
                                         " name = CASE WHEN ? = '' THEN name ELSE ? END WHERE id = ?"));
            query.addBindValue(q(storedPath(dataset.location)));
            query.addBindValue(qint64(dataset.records.size()));
            query.addBindValue(q(dataset.name));
            query.addBindValue(q(dataset.name));
            query.addBindValue(qint64(datasetId));
            if (auto ok = StoreSchema::execute(query, "cannot update the dataset"); !ok)
                return ok;
        } else {
            query.prepare(QStringLiteral(
                "INSERT INTO datasets (location, fingerprint, image_count, created, name) VALUES (?, ?, ?, ?, ?)"));
            query.addBindValue(q(storedPath(dataset.location)));
            query.addBindValue(q(fingerprint));
            query.addBindValue(qint64(dataset.records.size()));
            query.addBindValue(q(nowUtc()));
            query.addBindValue(q(dataset.name));
            if (auto ok = StoreSchema::execute(query, "cannot store the dataset"); !ok)
                return ok;
            datasetId = query.lastInsertId().toLongLong();
        }
        query.prepare(QStringLiteral("DELETE FROM dataset_problems WHERE dataset_id = ?"));
        query.addBindValue(qint64(datasetId));
        if (auto ok = StoreSchema::execute(query, "cannot update the dataset"); !ok)
            return ok;
        query.prepare(
            QStringLiteral("INSERT INTO dataset_problems (dataset_id, position, path, reason) VALUES (?, ?, ?, ?)"));
        for (std::size_t i = 0; i < dataset.problems.size(); ++i) {
            query.addBindValue(qint64(datasetId));
            query.addBindValue(qint64(i));
            query.addBindValue(q(dataset.problems[i].first));
            query.addBindValue(q(dataset.problems[i].second));
            if (auto ok = StoreSchema::execute(query, "cannot store the dataset"); !ok)
                return ok;
        }
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO images (dataset_id, position, path, label, grp, annotation,"
                                      " content_hash, problem, mask) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE images SET position = ?, path = ?, label = ?, grp = ?, annotation = ?,"
                                      " mask = ?, problem = '' WHERE id = ?"));
        for (std::size_t i = 0; i < dataset.records.size(); ++i) {
            const DatasetRecord& record = dataset.records[i];
            auto match = existing.find(hashes[i]);
            if (reuse && !hashes[i].empty() && match != existing.end() && !match->second.empty()) {
                update.addBindValue(qint64(i));
                update.addBindValue(q(storedPath(record.path)));
                update.addBindValue(record.label);
                update.addBindValue(q(record.group));
                update.addBindValue(q(storedPath(record.annotationPath)));
                update.addBindValue(q(storedPath(record.maskPath)));
                update.addBindValue(match->second.front());
                match->second.pop_front();
                if (auto ok = StoreSchema::execute(update, "cannot update images"); !ok)
                    return ok;
                continue;
            }
            std::string problem;
            if (hashes[i].empty()) {
                auto reason = reasons.find(record.path);
                problem = reason != reasons.end() ? reason->second : std::string("not readable");
            }
            insert.addBindValue(qint64(datasetId));
            insert.addBindValue(qint64(i));
            insert.addBindValue(q(storedPath(record.path)));
            insert.addBindValue(record.label);
            insert.addBindValue(q(record.group));
            insert.addBindValue(q(storedPath(record.annotationPath)));
            insert.addBindValue(hashes[i].empty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(q(hashes[i])));
            insert.addBindValue(q(problem));
            insert.addBindValue(q(storedPath(record.maskPath)));
            if (auto ok = StoreSchema::execute(insert, "cannot store images"); !ok)
                return ok;
        }
        return Ok{};
    });
    if (!status)
        return status.failure();
    return datasetId;
}

Result<std::vector<StoredDataset>> ProjectStore::datasets() const
{
    QSqlQuery query(database());
    if (!query.exec(
            QStringLiteral("SELECT id, location, fingerprint, image_count, created, name FROM datasets ORDER BY id")))
        return Error{StoreSchema::describe(query.lastError(), "cannot read datasets")};
    std::vector<StoredDataset> list;
    while (query.next())
        list.push_back({query.value(0).toLongLong(), resolvedPath(s(query.value(1)), m_path), s(query.value(2)),
                        query.value(3).toLongLong(), s(query.value(4)), s(query.value(5))});
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{StoreSchema::describe(query.lastError(), "the project " + m_path + " is damaged")};
    return list;
}

Result<std::vector<std::pair<std::string, std::string>>> ProjectStore::datasetProblems(std::int64_t datasetId) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT path, reason FROM dataset_problems WHERE dataset_id = ? ORDER BY position"));
    query.addBindValue(qint64(datasetId));
    if (auto ok = StoreSchema::execute(query, "cannot read the dataset's problems"); !ok)
        return ok.failure();
    std::vector<std::pair<std::string, std::string>> list;
    while (query.next())
        list.emplace_back(s(query.value(0)), s(query.value(1)));
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{StoreSchema::describe(query.lastError(), "the project " + m_path + " is damaged")};
    return list;
}

Result<std::vector<StoredImage>> ProjectStore::images(std::int64_t datasetId) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, dataset_id, position, path, label, grp, annotation, content_hash, problem,"
                                 " mask FROM images WHERE dataset_id = ? ORDER BY position"));
    query.addBindValue(qint64(datasetId));
    if (auto ok = StoreSchema::execute(query, "cannot read images"); !ok)
        return ok.failure();
    std::vector<StoredImage> list;
    while (query.next())
        list.push_back({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                        resolvedPath(s(query.value(3)), m_path), query.value(4).toInt(), s(query.value(5)),
                        resolvedPath(s(query.value(6)), m_path), s(query.value(7)), s(query.value(8)),
                        resolvedPath(s(query.value(9)), m_path)});
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{StoreSchema::describe(query.lastError(), "the project " + m_path + " is damaged")};
    return list;
}

// ---- models and families ----

Result<std::int64_t> ProjectStore::addModel(const StoredModel& model)
{
    if (auto writable = requireWritable(); !writable)
        return writable.failure();
    if (model.fileHash.empty())
        return Error{"a model needs its file hash"};
    std::int64_t id = 0;
    Status status = m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("INSERT INTO models (path, file_hash, metadata, kind, cam_layer) VALUES (?, ?, ?, ?, ?)"
                           " ON CONFLICT (file_hash) DO UPDATE SET path = excluded.path, metadata = excluded.metadata,"
                           " kind = excluded.kind, cam_layer = excluded.cam_layer"));
        query.addBindValue(q(model.path));
        query.addBindValue(q(model.fileHash));
        query.addBindValue(q(model.metadataJson));
        query.addBindValue(q(model.kind));
        query.addBindValue(q(model.camLayer));
        if (auto ok = StoreSchema::execute(query, "cannot store the model"); !ok)
            return ok;
        query.prepare(QStringLiteral("SELECT id FROM models WHERE file_hash = ?"));
        query.addBindValue(q(model.fileHash));
        if (auto ok = StoreSchema::execute(query, "cannot store the model"); !ok)
            return ok;
        query.next();
        id = query.value(0).toLongLong();
        return Ok{};
    });
    if (!status)
        return status.failure();
    return id;
}

Result<std::vector<StoredModel>> ProjectStore::models() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT id, path, file_hash, metadata, kind, cam_layer FROM models ORDER BY id")))
        return Error{StoreSchema::describe(query.lastError(), "cannot read models")};
    std::vector<StoredModel> list;
    while (query.next())
        list.push_back({query.value(0).toLongLong(), s(query.value(1)), s(query.value(2)), s(query.value(3)),
                        s(query.value(4)), s(query.value(5))});
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{StoreSchema::describe(query.lastError(), "the project " + m_path + " is damaged")};
    return list;
}

Result<std::int64_t> ProjectStore::addFamily(const std::string& name, const std::vector<std::int64_t>& modelIds)
{
    if (auto writable = requireWritable(); !writable)
        return writable.failure();
    std::int64_t id = 0;
    Status status = m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO families (name) VALUES (?)"));
        query.addBindValue(q(name));
        if (auto ok = StoreSchema::execute(query, "cannot store the family"); !ok)
            return ok;
        query.prepare(QStringLiteral("SELECT id FROM families WHERE name = ?"));
        query.addBindValue(q(name));
        if (auto ok = StoreSchema::execute(query, "cannot store the family"); !ok)
            return ok;
        query.next();
        id = query.value(0).toLongLong();
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO family_members (family_id, model_id) VALUES (?, ?)"));
        for (std::int64_t model : modelIds) {
            query.addBindValue(qint64(id));
            query.addBindValue(qint64(model));
            if (auto ok = StoreSchema::execute(query, "cannot store the family's models"); !ok)
                return ok;
        }
        return Ok{};
    });
    if (!status)
        return status.failure();
    return id;
}

Result<std::vector<StoredFamily>> ProjectStore::families() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT f.id, f.name, m.model_id FROM families f"
                                   " LEFT JOIN family_members m ON m.family_id = f.id ORDER BY f.id, m.model_id")))
        return Error{StoreSchema::describe(query.lastError(), "cannot read families")};
    std::vector<StoredFamily> list;
    while (query.next()) {
        const std::int64_t id = query.value(0).toLongLong();
        if (list.empty() || list.back().id != id)
            list.push_back({id, s(query.value(1)), {}});
        if (!query.value(2).isNull())
            list.back().modelIds.push_back(query.value(2).toLongLong());
    }
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{StoreSchema::describe(query.lastError(), "the project " + m_path + " is damaged")};
    return list;
}

Status ProjectStore::setModelMetadata(std::int64_t modelId, const std::string& metadataJson,
                                      const std::string& camLayer)
{
    if (auto writable = requireWritable(); !writable)
        return writable;
    return m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE models SET metadata = ?, cam_layer = ? WHERE id = ?"));
        query.addBindValue(q(metadataJson));
        query.addBindValue(q(camLayer));
        query.addBindValue(qint64(modelId));
        if (auto ok = StoreSchema::execute(query, "cannot store the model's metadata"); !ok)
            return ok;
        if (query.numRowsAffected() != 1)
            return Error{"no model " + std::to_string(modelId) + " in the project"};
        query.prepare(QStringLiteral("DELETE FROM maps WHERE model_id = ?"));
        query.addBindValue(qint64(modelId));
        return StoreSchema::execute(query, "cannot delete the model's old maps");
    });
}

Status ProjectStore::removeFromFamilies(const std::vector<std::int64_t>& modelIds)
{
    if (auto writable = requireWritable(); !writable)
        return writable;
    return m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM family_members WHERE model_id = ?"));
        for (std::int64_t model : modelIds) {
            query.addBindValue(qint64(model));
            if (auto ok = StoreSchema::execute(query, "cannot change the families"); !ok)
                return ok;
        }
        query.prepare(
            QStringLiteral("DELETE FROM families WHERE id NOT IN (SELECT DISTINCT family_id FROM family_members)"));
        return StoreSchema::execute(query, "cannot change the families");
    });
}

// ---- maps ----

Status ProjectStore::putMaps(const std::vector<StoredMap>& maps)
{
    if (auto writable = requireWritable(); !writable)
        return writable;
    return m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO maps (model_id, image_hash, variant, width, height, flat,"
                                     " pixels) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const StoredMap& map : maps) {
            if (map.pixels.size() != std::size_t(map.width) * std::size_t(map.height))
                return Error{"map of " + map.imageHash + " has " + std::to_string(map.pixels.size()) + " bytes for "
                             + std::to_string(map.width) + "x" + std::to_string(map.height)};
            query.addBindValue(qint64(map.modelId));
            query.addBindValue(q(map.imageHash));
            query.addBindValue(q(map.variant));
            query.addBindValue(map.width);
            query.addBindValue(map.height);
            query.addBindValue(map.flat ? 1 : 0);
            query.addBindValue(
                QByteArray(reinterpret_cast<const char*>(map.pixels.data()), qsizetype(map.pixels.size())));
            if (auto ok = StoreSchema::execute(query, "cannot store maps"); !ok)
                return ok;
        }
        return Ok{};
    });
}

Result<std::optional<StoredMap>> ProjectStore::map(std::int64_t modelId, const std::string& imageHash,
                                                   const std::string& variant) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT width, height, flat, pixels FROM maps WHERE model_id = ? AND image_hash = ?"
                                 " AND variant = ?"));
    query.addBindValue(qint64(modelId));
    query.addBindValue(q(imageHash));
    query.addBindValue(q(variant));
    if (auto ok = StoreSchema::execute(query, "cannot read maps"); !ok)
        return ok.failure();
    if (!query.next())
        return std::optional<StoredMap>();
    const QByteArray pixels = query.value(3).toByteArray();
    StoredMap map{modelId,
                  imageHash,
                  variant,
                  query.value(0).toInt(),
                  query.value(1).toInt(),
                  query.value(2).toInt() != 0,
                  std::vector<std::uint8_t>(pixels.begin(), pixels.end())};
    return std::optional<StoredMap>(std::move(map));
}

Result<std::vector<StoredMap>> ProjectStore::maps() const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT model_id, image_hash, variant, width, height, flat, pixels FROM maps"
                                   " ORDER BY model_id, image_hash, variant")))
        return Error{StoreSchema::describe(query.lastError(), "cannot read maps")};
    std::vector<StoredMap> list;
    while (query.next()) {
        const QByteArray pixels = query.value(6).toByteArray();
        list.push_back({query.value(0).toLongLong(), s(query.value(1)), s(query.value(2)), query.value(3).toInt(),
                        query.value(4).toInt(), query.value(5).toInt() != 0,
                        std::vector<std::uint8_t>(pixels.begin(), pixels.end())});
    }
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{StoreSchema::describe(query.lastError(), "the project " + m_path + " is damaged")};
    return list;
}

// ---- runs ----

Result<std::int64_t> ProjectStore::createRun(const StoredRun& run)
{
    if (auto writable = requireWritable(); !writable)
        return writable.failure();
    std::int64_t id = 0;
    Status status = m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT INTO runs (measure, parameters, dataset_id, status, created,"
                                     " software_version, device, shard) VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)"));
        query.addBindValue(q(run.measure));
        query.addBindValue(q(canonicalJson(run.parametersJson)));
        query.addBindValue(run.datasetId > 0 ? QVariant(qint64(run.datasetId))
                                             : QVariant(QMetaType(QMetaType::LongLong)));
        query.addBindValue(q(nowUtc()));
        query.addBindValue(q(engine::saliscopeVersion()));
        query.addBindValue(q(run.device));
        query.addBindValue(q(run.shard));
        if (auto ok = StoreSchema::execute(query, "cannot create the run"); !ok)
            return ok;
        id = query.lastInsertId().toLongLong();
        return Ok{};
    });
    if (!status)
        return status.failure();
    return id;
}

Result<std::optional<std::int64_t>> ProjectStore::findRun(const std::string& measure, const std::string& parametersJson,
                                                          std::int64_t datasetId, const std::string& shard) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id FROM runs WHERE measure = ? AND parameters = ? AND dataset_id IS ?"
                                 " AND shard = ? ORDER BY id DESC LIMIT 1"));
    query.addBindValue(q(measure));
    query.addBindValue(q(canonicalJson(parametersJson)));
    query.addBindValue(datasetId > 0 ? QVariant(qint64(datasetId)) : QVariant(QMetaType(QMetaType::LongLong)));
    query.addBindValue(q(shard));
    if (auto ok = StoreSchema::execute(query, "cannot read runs"); !ok)
        return ok.failure();
    if (!query.next())
        return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(query.value(0).toLongLong());
}

Status ProjectStore::setRunStatus(std::int64_t runId, RunStatus status, const std::string& error)
{
    if (auto writable = requireWritable(); !writable)
        return writable;
    return m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        if (status == RunStatus::Running)
            query.prepare(
                QStringLiteral("UPDATE runs SET status = ?, error = ?, started = ?, finished = '' WHERE id = ?"));
        else if (status == RunStatus::Queued)
            query.prepare(QStringLiteral("UPDATE runs SET status = ?, error = ?, finished = ? WHERE id = ?"));
        else
            query.prepare(QStringLiteral("UPDATE runs SET status = ?, error = ?, finished = ? WHERE id = ?"));
        query.addBindValue(QString::fromLatin1(runStatusName(status)));
        query.addBindValue(q(error));
        query.addBindValue(status == RunStatus::Queued ? QStringLiteral("")
                                                       : q(nowUtc())); // not NULL: the column is NOT NULL
        query.addBindValue(qint64(runId));
        if (auto ok = StoreSchema::execute(query, "cannot update the run"); !ok)
            return ok;
        if (query.numRowsAffected() != 1)
            return Error{"no run " + std::to_string(runId)};
        return Ok{};
    });
}

Status ProjectStore::addComputeTime(std::int64_t runId, double seconds)
{
    if (auto writable = requireWritable(); !writable)
        return writable;
    return m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE runs SET compute_seconds = compute_seconds + ? WHERE id = ?"));
        query.addBindValue(seconds);
        query.addBindValue(qint64(runId));
        return StoreSchema::execute(query, "cannot update the run");
    });
}

Result<std::vector<StoredRun>> ProjectStore::runs() const
{
    QSqlQuery query(database());
    if (!query.exec(QString::fromLatin1(RunColumns) + QStringLiteral(" ORDER BY id")))
        return Error{StoreSchema::describe(query.lastError(), "cannot read runs")};
    std::vector<StoredRun> list;
    while (query.next())
        list.push_back(runFrom(query));
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{StoreSchema::describe(query.lastError(), "the project " + m_path + " is damaged")};
    return list;
}

Result<StoredRun> ProjectStore::run(std::int64_t runId) const
{
    QSqlQuery query(database());
    query.prepare(QString::fromLatin1(RunColumns) + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(qint64(runId));
    if (auto ok = StoreSchema::execute(query, "cannot read runs"); !ok)
        return ok.failure();
    if (!query.next())
        return Error{"no run " + std::to_string(runId) + " in " + m_path};
    return runFrom(query);
}

// ---- results ----

Status ProjectStore::writeResults(std::int64_t runId, const std::vector<std::string>& columns,
                                  const std::vector<MeasureRow>& rows)
{
    auto sink = makeSink(runId);
    if (!sink)
        return sink.failure();
    sink.value()->rowsReady(MeasureKind::Predictions, columns, rows);
    if (auto flushed = flush(); !flushed)
        return flushed;
    return sink.value()->status();
}

Result<std::unique_ptr<StoreMeasureSink>> ProjectStore::makeSink(std::int64_t runId)
{
    if (auto writable = requireWritable(); !writable)
        return writable.failure();
    auto stored = run(runId);
    if (!stored)
        return stored.failure();
    auto list = images(stored->datasetId);
    if (!list)
        return list.failure();
    auto ids = std::make_shared<std::vector<std::int64_t>>();
    ids->reserve(list->size());
    for (const StoredImage& image : list.value())
        ids->push_back(image.id);
    return std::make_unique<StoreMeasureSink>(*m_writer, runId, std::move(ids));
}

Result<std::vector<std::string>> ProjectStore::resultColumns(std::int64_t runId) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT name FROM result_columns WHERE run_id = ? ORDER BY position"));
    query.addBindValue(qint64(runId));
    if (auto ok = StoreSchema::execute(query, "cannot read the run's columns"); !ok)
        return ok.failure();
    std::vector<std::string> names;
    while (query.next())
        names.push_back(s(query.value(0)));
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{StoreSchema::describe(query.lastError(), "the project " + m_path + " is damaged")};
    return names;
}

namespace {

/// Rows whose values do not match their run's columns, counted while a run is read.
struct DamagedRows final {
    std::int64_t count = 0;
    std::string first; ///< "image I, model M"

    void add(const QString& image, const QString& model, std::size_t bytes, std::size_t columns)
    {
        if (count++ == 0)
            first = "image " + image.toStdString() + ", model " + model.toStdString() + ": " + std::to_string(bytes)
                + " bytes where " + std::to_string(columns) + " values take "
                + std::to_string(columns * sizeof(double));
    }
    std::string describe(const std::string& project, std::int64_t runId) const
    {
        return "the project " + project + " is damaged: run " + std::to_string(runId) + " has " + std::to_string(count)
            + " result row(s) that do not match its columns (first: " + first + ")";
    }
};

} // namespace

Result<std::vector<StoredResult>> ProjectStore::results(std::int64_t runId) const
{
    auto columns = resultColumns(runId);
    if (!columns)
        return columns.failure();
    const std::size_t expectedBytes = columns->size() * sizeof(double);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT r.image_id, i.position, r.model, r.variant, r.vals FROM results r"
                                 " JOIN images i ON i.id = r.image_id WHERE r.run_id = ?"
                                 " ORDER BY i.position, r.model, r.variant"));
    query.addBindValue(qint64(runId));
    if (auto ok = StoreSchema::execute(query, "cannot read results"); !ok)
        return ok.failure();
    std::vector<StoredResult> list;
    DamagedRows damaged;
    while (query.next()) {
        const QByteArray blob = query.value(4).toByteArray();
        if (std::size_t(blob.size()) != expectedBytes) {
            damaged.add(QString::number(query.value(1).toLongLong()), query.value(2).toString(),
                        std::size_t(blob.size()), columns->size());
            continue;
        }
        list.push_back({query.value(0).toLongLong(), query.value(1).toLongLong(), s(query.value(2)), s(query.value(3)),
                        unpackValues(blob.constData(), std::size_t(blob.size()))});
    }
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{
            StoreSchema::describe(query.lastError(),
                                  "cannot read the results of run " + std::to_string(runId) + " of " + m_path)};
    if (damaged.count > 0)
        return Error{damaged.describe(m_path, runId) + "; `saliscope-cli export` writes the rows that can be read"};
    return list;
}

Result<std::vector<std::int64_t>> ProjectStore::completedImages(std::int64_t runId, int rowsPerImage) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT i.position FROM results r JOIN images i ON i.id = r.image_id"
                                 " WHERE r.run_id = ? GROUP BY r.image_id HAVING count(*) >= ? ORDER BY i.position"));
    query.addBindValue(qint64(runId));
    query.addBindValue(std::max(1, rowsPerImage));
    if (auto ok = StoreSchema::execute(query, "cannot read results"); !ok)
        return ok.failure();
    std::vector<std::int64_t> positions;
    while (query.next())
        positions.push_back(query.value(0).toLongLong());
    if (query.lastError().isValid()) // a damaged page ends the read early: never a partial answer
        return Error{StoreSchema::describe(query.lastError(), "the project " + m_path + " is damaged")};
    return positions;
}

Status ProjectStore::setSummary(std::int64_t runId, const std::string& json)
{
    if (auto writable = requireWritable(); !writable)
        return writable;
    return m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("INSERT OR REPLACE INTO summaries (run_id, summary) VALUES (?, ?)"));
        query.addBindValue(qint64(runId));
        query.addBindValue(q(json));
        return StoreSchema::execute(query, "cannot store the summary");
    });
}

Status ProjectStore::clearSummaries()
{
    if (auto writable = requireWritable(); !writable)
        return writable;
    return m_writer->run([&](QSqlDatabase& db) -> Status {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM summaries"));
        return StoreSchema::execute(query, "cannot remove the summaries");
    });
}

Result<std::optional<std::string>> ProjectStore::summary(std::int64_t runId) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT summary FROM summaries WHERE run_id = ?"));
    query.addBindValue(qint64(runId));
    if (auto ok = StoreSchema::execute(query, "cannot read the summary"); !ok)
        return ok.failure();
    if (!query.next())
        return std::optional<std::string>();
    return std::optional<std::string>(s(query.value(0)));
}

Status ProjectStore::exportRunCsv(std::int64_t runId, const std::string& csvPath) const
{
    auto columns = resultColumns(runId);
    if (!columns)
        return columns.failure();
    if (auto exists = run(runId); !exists)
        return exists.failure();
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT i.path, i.label, i.grp, i.content_hash, r.model, r.variant, r.vals"
                                 " FROM results r JOIN images i ON i.id = r.image_id WHERE r.run_id = ?"
                                 " ORDER BY i.position, r.model, r.variant"));
    query.addBindValue(qint64(runId));
    if (auto ok = StoreSchema::execute(query, "cannot read results"); !ok)
        return ok;
    QSaveFile file(q(csvPath));
    if (!file.open(QIODevice::WriteOnly))
        return Error{"cannot write " + csvPath + ": " + file.errorString().toStdString()};
    std::string line = "image,label,group,content_hash,model,variant";
    for (const std::string& column : columns.value())
        line += "," + csvField(column);
    file.write((line + "\n").c_str());
    const std::size_t expectedBytes = columns->size() * sizeof(double);
    DamagedRows damaged;
    while (query.next()) {
        const QByteArray blob = query.value(6).toByteArray();
        if (std::size_t(blob.size()) != expectedBytes) {
            damaged.add(query.value(0).toString(), query.value(4).toString(), std::size_t(blob.size()),
                        columns->size());
            continue;
        }
        line = csvField(s(query.value(0))) + "," + std::to_string(query.value(1).toInt()) + ","
            + csvField(s(query.value(2))) + "," + s(query.value(3)) + "," + csvField(s(query.value(4))) + ","
            + csvField(s(query.value(5)));
        for (double value : unpackValues(blob.constData(), std::size_t(blob.size())))
            line += "," + shortestNumber(value);
        line += "\n";
        if (file.write(line.data(), qint64(line.size())) != qint64(line.size()))
            return Error{"cannot write " + csvPath + ": " + file.errorString().toStdString()};
    }
    if (query.lastError().isValid())
        return Error{
            StoreSchema::describe(query.lastError(), "cannot read the results of run " + std::to_string(runId))};
    if (!file.commit())
        return Error{"cannot write " + csvPath + ": " + file.errorString().toStdString()};
    if (damaged.count > 0)
        return Error{damaged.describe(m_path, runId) + "; " + csvPath + " holds the other rows"};
    return Ok{};
}

} // namespace saliscope
