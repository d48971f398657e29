// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/storeschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <vector>

namespace saliscope {

namespace {

// Migration N takes a file from version N-1 to N. Never edit a released migration: add one.
const std::vector<std::vector<const char*>>& migrations()
{
    static const std::vector<std::vector<const char*>> list = {
        // v1: the first schema.
        {
            "CREATE TABLE schema_version (version INTEGER NOT NULL)",
            "INSERT INTO schema_version (version) VALUES (0)",
            "CREATE TABLE datasets (id INTEGER PRIMARY KEY, location TEXT NOT NULL, fingerprint TEXT NOT NULL,"
            " image_count INTEGER NOT NULL, created TEXT NOT NULL)",
            "CREATE INDEX datasets_fingerprint ON datasets (fingerprint)",
            "CREATE TABLE images (id INTEGER PRIMARY KEY,"
            " dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL, path TEXT NOT NULL, label INTEGER NOT NULL, grp TEXT NOT NULL DEFAULT '',"
            " annotation TEXT NOT NULL DEFAULT '', content_hash TEXT, problem TEXT NOT NULL DEFAULT '')",
            "CREATE INDEX images_position ON images (dataset_id, position)",
            "CREATE TABLE models (id INTEGER PRIMARY KEY, path TEXT NOT NULL, file_hash TEXT NOT NULL UNIQUE,"
            " metadata TEXT NOT NULL, kind TEXT NOT NULL, cam_layer TEXT NOT NULL)",
            "CREATE TABLE families (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
            "CREATE TABLE family_members (family_id INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,"
            " model_id INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE, PRIMARY KEY (family_id, model_id))",
            "CREATE TABLE maps (model_id INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,"
            " image_hash TEXT NOT NULL, variant TEXT NOT NULL DEFAULT '', width INTEGER NOT NULL,"
            " height INTEGER NOT NULL, flat INTEGER NOT NULL, pixels BLOB NOT NULL,"
            " PRIMARY KEY (model_id, image_hash, variant)) WITHOUT ROWID",
            "CREATE TABLE runs (id INTEGER PRIMARY KEY, measure TEXT NOT NULL, parameters TEXT NOT NULL,"
            " dataset_id INTEGER REFERENCES datasets (id),"
            " status TEXT NOT NULL CHECK (status IN ('queued','running','finished','failed','cancelled')),"
            " created TEXT NOT NULL, started TEXT NOT NULL DEFAULT '', finished TEXT NOT NULL DEFAULT '',"
            " software_version TEXT NOT NULL, device TEXT NOT NULL DEFAULT '', shard TEXT NOT NULL DEFAULT '',"
            " error TEXT NOT NULL DEFAULT '')",
            "CREATE TABLE result_columns (run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (run_id, position)) WITHOUT ROWID",
            "CREATE TABLE results (run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
            " image_id INTEGER NOT NULL REFERENCES images (id), model TEXT NOT NULL, variant TEXT NOT NULL,"
            " vals BLOB NOT NULL, PRIMARY KEY (run_id, image_id, model, variant)) WITHOUT ROWID",
            "CREATE TABLE summaries (run_id INTEGER PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,"
            " summary TEXT NOT NULL)",
        },
        // v2: compute time per run (summed over resumes) and lookups of images by content hash.
        {
            "ALTER TABLE runs ADD COLUMN compute_seconds REAL NOT NULL DEFAULT 0",
            "CREATE INDEX images_hash ON images (content_hash)",
        },
        // v3: a dataset's name for people (the same folder can be stored as several datasets).
        {
            "ALTER TABLE datasets ADD COLUMN name TEXT NOT NULL DEFAULT ''",
        },
        // v4: what the scan of a dataset set aside (unsupported files, dangling links, names that are
        // not UTF-8, bad manifest rows), so every run on it lists them with its skipped images.
        {
            "CREATE TABLE dataset_problems (dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL, path TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (dataset_id, position))"
            " WITHOUT ROWID",
        },
        // v5: an image's exact artefact mask, a second kind of annotation (localisation).
        {
            "ALTER TABLE images ADD COLUMN mask TEXT NOT NULL DEFAULT ''",
        },
    };
    return list;
}

} // namespace

std::string StoreSchema::describe(const QSqlError& error, const std::string& what)
{
    const QString native = error.nativeErrorCode();
    const std::string text = error.databaseText().isEmpty() ? error.text().toStdString()
                                                            : error.databaseText().toStdString();
    if (native == "13")
        return what + ": the disk is full (" + text + "); nothing of this batch was saved";
    if (native == "5" || native == "6")
        return what + ": the project is locked by another process (" + text + ")";
    if (native == "8")
        return what + ": the project is read-only (" + text + ")";
    if (native == "26")
        return what + ": not a Saliscope project (not an SQLite file)";
    if (native == "11")
        return what + ": the project file is damaged (" + text
            + "); `saliscope-cli export` of each run writes what can still be read";
    return what + ": " + text;
}

Status StoreSchema::configureConnection(QSqlDatabase& database, bool writer)
{
    QSqlQuery query(database);
    std::vector<const char*> pragmas = {"PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"};
    if (writer) {
        pragmas.push_back("PRAGMA journal_mode = WAL");
        pragmas.push_back("PRAGMA synchronous = NORMAL"); // WAL + NORMAL: durable across a killed process
    }
    for (const char* pragma : pragmas)
        if (!query.exec(pragma))
            return Error{describe(query.lastError(), "cannot configure the project connection")};
    return Ok{};
}

Result<int> StoreSchema::version(QSqlDatabase& database)
{
    QSqlQuery query(database);
    if (!query.exec("PRAGMA application_id") || !query.next())
        return Error{describe(query.lastError(), "cannot read the project")};
    const qint64 application = query.value(0).toLongLong();
    if (application != ApplicationId) {
        if (!query.exec("SELECT count(*) FROM sqlite_master") || !query.next())
            return Error{describe(query.lastError(), "cannot read the project")};
        if (application == 0 && query.value(0).toLongLong() == 0)
            return 0;
        return Error{"not a Saliscope project (an SQLite file with other tables)"};
    }
    if (!query.exec("SELECT version FROM schema_version") || !query.next())
        return Error{"not a Saliscope project (no schema version)"};
    return query.value(0).toInt();
}

Status StoreSchema::migrate(QSqlDatabase& database, int target)
{
    auto current = version(database);
    if (!current)
        return current.failure();
    if (current.value() > CurrentVersion)
        return Error{"the project was made by a newer Saliscope (schema version " + std::to_string(current.value())
                     + "; this build reads up to " + std::to_string(CurrentVersion) + ")"};
    QSqlQuery query(database);
    for (int next = current.value() + 1; next <= target && next <= CurrentVersion; ++next) {
        if (!query.exec("BEGIN IMMEDIATE"))
            return Error{describe(query.lastError(), "cannot upgrade the project")};
        bool ok = true;
        std::string failure;
        for (const char* statement : migrations()[std::size_t(next - 1)]) {
            if (!query.exec(statement)) {
                ok = false;
                failure = describe(query.lastError(),
                                   "cannot upgrade the project to schema version " + std::to_string(next));
                break;
            }
        }
        if (ok) {
            query.prepare("UPDATE schema_version SET version = ?");
            query.addBindValue(next);
            ok = query.exec() && query.exec("PRAGMA application_id = " + QString::number(ApplicationId));
            if (!ok)
                failure = describe(query.lastError(), "cannot upgrade the project");
        }
        if (ok && !query.exec("COMMIT")) {
            ok = false;
            failure = describe(query.lastError(), "cannot upgrade the project");
        }
        if (!ok) {
            query.exec("ROLLBACK");
            return Error{failure};
        }
    }
    return Ok{};
}

Status StoreSchema::execute(QSqlQuery& query, const std::string& what)
{
    if (!query.exec())
        return Error{describe(query.lastError(), what)};
    return Ok{};
}

} // namespace saliscope
