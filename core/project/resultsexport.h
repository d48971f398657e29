// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/measureresults.h"
#include "core/common/result.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace saliscope {

/// Writes every run of `set` as DIRECTORY/<measure>.csv (the columns of `saliscope-cli export`:
/// image, label, group, content_hash, model, variant, then the measure's values) and `summary`
/// as DIRECTORY/summary.json. Reads the project through a read-only connection of its own, so it
/// may run on a worker while the session keeps writing. Each file is replaced atomically; on a
/// failure the files already written stay and the error names the one that failed. Returns the
/// paths written.
Result<std::vector<std::string>> exportRunSet(const std::string& projectPath, const RunSet& set,
                                              const QJsonObject& summary, const std::string& directory);

/// The files exportRunSet would write for `set` into `directory` (to ask before replacing them).
std::vector<std::string> runSetExportFiles(const RunSet& set, const std::string& directory);

} // namespace saliscope
