// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Timing of runMeasures for the full-build modes of saliscope-bench.

#include "tools/bench/benchimages.h"
#include "core/measures/measurerunner.h"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace saliscope {
class ImageCache;
}

namespace saliscope::bench {

/// Grad-CAM passes (forward + head backward) one image costs one model in a run of `measures`
/// with the default settings: 1 clean, one per noise level, one per transformation, two
/// degraded copies.
int passesPerImagePerModel(const std::set<MeasureKind>& measures, const MeasureRunParams& params);

/// One timed runMeasures call.
struct MeasureTiming final {
    double seconds = 0;    ///< wall-clock
    double cpuSeconds = 0; ///< user + system time of all this process's threads
    std::int64_t images = 0;
    double imagesPerSecond() const { return seconds > 0 ? double(images) / seconds : 0.0; }
    /// CPU time per image: steadier than the wall clock on a machine shared with other work.
    double cpuSecondsPerImage() const { return images > 0 ? cpuSeconds / double(images) : 0.0; }
};

/// Runs `measures` (Predictions added) over every image with `models`, rows discarded, through
/// `cache` when given (else decoding every image); model loading included. An Error says why.
Result<MeasureTiming> timeMeasureRun(const BenchImages& images, const std::vector<ModelEntry>& models,
                                     std::set<MeasureKind> measures, int batch, ImageCache* cache,
                                     const std::string& device = "cpu");

/// The ModelEntry list for model files: base names, made unique with "-2", "-3"... when the
/// same file (or name) comes twice; a single model is listed twice when `atLeastTwo` is set
/// (stability compares two models; a model with itself gives SSIM 1 but costs the same).
std::vector<ModelEntry> modelEntries(const std::vector<std::string>& paths, bool atLeastTwo);

/// The options shared by the modes that time measure runs (measure-rates, reference).
struct RunBenchOptions final {
    std::vector<std::string> models;
    std::string images; ///< folder; empty: generated demo faces
    int count = 8;
    int batch = 16;
    int repeat = 1;
    int threads = 0; ///< 0: one per core
    std::string measures;
    bool json = false;
};

/// A mode's own option: returns false when `option` is not one; `value()` reads its argument.
using ExtraOption = std::function<bool(const std::string& option, const std::function<std::string()>& value)>;

/// Reads `saliscope-bench MODE ...` (argv[2] on) into `options`, passing unknown options to
/// `extra`. Returns nullopt to go on, or the exit code: 0 after --help (usage printed), 2 after
/// a bad or missing argument (message on stderr, usage when no --model was given).
std::optional<int> readRunBenchOptions(const std::string& mode, int argc, char** argv, RunBenchOptions& options,
                                       void (*usage)(), const ExtraOption& extra = {});

} // namespace saliscope::bench
