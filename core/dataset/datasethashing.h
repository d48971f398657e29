// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset/dataset.h"
#include "core/common/result.h"
#include "core/jobs/progress.h"

#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// How to hash a dataset's files.
struct DatasetHashParams final {
    int threads = 0; ///< reader threads; 0: the number of cores (at most 8, hashing is I/O bound)
};

/// Content hashes of a dataset's records, index for index; an empty hash marks a record that
/// could not be read, with its (path, reason) in `problems`.
struct DatasetHashResult final {
    std::vector<std::string> hashes;
    std::vector<std::pair<std::string, std::string>> problems;

    /// Number of records that have a hash.
    int hashedCount() const;
};

/// Hashes every record's file (hashFile) on a bounded pool of its own threads; progress is
/// reported on the calling thread, which blocks until done (run it inside a job to keep a UI
/// responsive). Unreadable and zero-byte files become problems, never an error; the only
/// error is cancellation ("hashing cancelled").
Result<DatasetHashResult> hashDataset(const Dataset& dataset, const DatasetHashParams& params, ProgressSink& progress,
                                      const CancelToken& cancel);

} // namespace saliscope
