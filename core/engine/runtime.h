// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace saliscope::engine {

/// Sets LibTorch's intra-op thread count; 0 picks the number of hardware threads.
/// Debian's LibTorch starts with one thread, so every program calls this once at start-up.
void configureThreads(int threads = 0);
/// The current intra-op thread count.
int threadCount();
/// Keeps freed memory in the process instead of returning it to the system between batches
/// (glibc malloc: no mmap for large blocks, no trimming): LibTorch frees and reallocates the
/// same large activation tensors every batch, and page faults on fresh pages otherwise cost a
/// large share of CPU time. Peak memory stays what the largest batch needs. Call once at
/// start-up, before heavy allocation. SALISCOPE_ALLOCATOR=system keeps glibc's defaults.
/// Returns a one-word description of what was set ("retain" or "system").
std::string configureAllocator();
/// True when a CUDA device is usable by this LibTorch build.
bool cudaAvailable();
/// LibTorch version string, e.g. "1.13.0".
std::string torchVersion();
/// Saliscope's own version, e.g. "0.1.0".
std::string saliscopeVersion();

} // namespace saliscope::engine
