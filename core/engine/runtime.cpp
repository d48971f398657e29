#include "runtime.h"

#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <thread>

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

bool cudaAvailable() { return torch::cuda::is_available(); }

std::string torchVersion() { return TORCH_VERSION; }

std::string saliscopeVersion() { return SALISCOPE_VERSION; }

} // namespace saliscope::engine
