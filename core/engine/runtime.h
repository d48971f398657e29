#pragma once

#include <string>

namespace saliscope::engine {

/// Sets LibTorch's intra-op thread count; 0 picks the number of hardware threads.
/// Debian's LibTorch starts with one thread, so every program calls this once at start-up.
void configureThreads(int threads = 0);
/// The current intra-op thread count.
int threadCount();
/// True when a CUDA device is usable by this LibTorch build.
bool cudaAvailable();
/// LibTorch version string, e.g. "1.13.0".
std::string torchVersion();
/// Saliscope's own version, e.g. "0.1.0".
std::string saliscopeVersion();

} // namespace saliscope::engine
