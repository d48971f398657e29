// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/runtime.h"

#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <cstdlib>
#include <cstring>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#ifndef SALISCOPE_VERSION
#define SALISCOPE_VERSION "0.0.0"
#endif

namespace saliscope::engine {

void configureThreads(int threads)
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
}

int threadCount() { return torch::get_num_threads(); }

std::string configureAllocator()
{
    const char* choice = std::getenv("SALISCOPE_ALLOCATOR");
    if (choice && std::strcmp(choice, "system") == 0)
        return "system";
#if defined(__GLIBC__)
    // Measured with saliscope-bench (docs/performance.md): DenseNet-121 batches of 16 spent most
    // of their time in page faults on memory that glibc had just returned to the system.
    mallopt(M_MMAP_MAX, 0);             // large blocks come from the heap, which is reused
    mallopt(M_TRIM_THRESHOLD, 1 << 30); // keep up to 1 GiB of free heap top
    mallopt(M_TOP_PAD, 64 << 20);       // grow the heap in 64 MiB steps
    return "retain";
#else
    return "system";
#endif
}

bool cudaAvailable() { return torch::cuda::is_available(); }

std::string torchVersion() { return TORCH_VERSION; }

std::string saliscopeVersion() { return SALISCOPE_VERSION; }

} // namespace saliscope::engine
