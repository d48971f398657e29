// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <string>

namespace saliscope {

class ProjectStore;

/// What a merge added to the target project.
struct MergeReport final {
    int datasetsAdded = 0;
    int modelsAdded = 0;
    int runsAdded = 0;
    int runsExtended = 0; ///< results added to a run the target already had
    std::int64_t resultsAdded = 0;
    std::int64_t resultsSkipped = 0; ///< already present, or for images the target cannot match
};

/// Merges the project at `sourcePath` (opened read-only) into `target`, in one transaction.
/// Datasets match by fingerprint (their images' content hashes) and images by content hash, so
/// projects made on different machines with other paths merge; models match by file hash,
/// families by name. A run matches a target run with the same measure, parameters (canonical
/// JSON) and dataset, both whole or both shards of the same N; the shards "K/N" of one run merge
/// into one run whose `shard` lists the parts it holds ("1,3/4"; complete when all N are listed,
/// its `error` names the missing ones until then; its status is the worst of its parts'). Refused, with
/// nothing written: a shard whose parameters or result columns differ from those of a run with
/// the same measure, dataset and N. Idempotent: merging the same file twice adds nothing.
/// Runs on the calling thread (the target's owner); writes go through the target's writer.
Result<MergeReport> mergeProject(ProjectStore& target, const std::string& sourcePath);

} // namespace saliscope
