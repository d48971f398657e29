// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <cstdint>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;

namespace saliscope {

/// The project file's schema: its version, the list of migrations, and the checks that tell a
/// Saliscope project from any other file. Per-image results are stored as one row per (run,
/// image, model, variant) with all values in one BLOB of little-endian doubles, named by
/// `result_columns(run_id, position, name)`: a measure's columns vary, the table does not. Stateless; works on the
/// connection it is given, on that connection's thread.
class StoreSchema final {
public:
    /// The schema this build writes and reads.
    static constexpr int CurrentVersion = 5;
    /// `PRAGMA application_id` of every project file ("SALI").
    static constexpr std::int32_t ApplicationId = 0x53414C49;

    /// The schema version of the open database: 0 for an empty file (a new project); an error
    /// when the file is not SQLite or holds another program's tables.
    static Result<int> version(QSqlDatabase& database);
    /// Applies the migrations after the file's version up to `target`, each in its own
    /// transaction (a failure leaves the file at the last complete version). Refuses a file
    /// newer than this build ("made by a newer Saliscope").
    static Status migrate(QSqlDatabase& database, int target = CurrentVersion);
    /// Sets the per-connection pragmas every connection needs (foreign keys, busy timeout;
    /// WAL journal when `writer`).
    static Status configureConnection(QSqlDatabase& database, bool writer);
    /// One-line message for a failed statement, naming SQLite's reason (disk full, locked).
    static std::string describe(const QSqlError& error, const std::string& what);
    /// Runs a prepared query with its bound values; the error names `what` failed and why.
    static Status execute(QSqlQuery& query, const std::string& what);
};

} // namespace saliscope
