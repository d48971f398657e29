// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobs/progress.h"

#include <cstdint>
#include <functional>

namespace saliscope {

/// Calls `task(index)` for every index in [0, count) on up to `threads` pool threads (0: one
/// per core), each taking the next index from a shared counter, while the calling thread calls
/// `reportDone(done)` about every 100 ms and once at the end. Stops taking indices once `cancel`
/// is set (tasks already running finish). Returns false when cancelled. Blocks until done.
bool parallelFor(std::int64_t count, int threads, const std::function<void(std::int64_t index)>& task,
                 const CancelToken& cancel, const std::function<void(std::int64_t done)>& reportDone);

} // namespace saliscope
