#pragma once

// Timing of runMeasures for the full-build modes of saliscope-bench.

#include "benchimages.h"
#include "measures/measurerunner.h"

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
    double seconds = 0;     ///< wall-clock
    double cpuSeconds = 0;  ///< user + system time of all this process's threads
    std::int64_t images = 0;
    double imagesPerSecond() const { return seconds > 0 ? double(images) / seconds : 0.0; }
    /// CPU time per image: steadier than the wall clock on a machine shared with other work.
    double cpuSecondsPerImage() const { return images > 0 ? cpuSeconds / double(images) : 0.0; }
};

/// Runs `measures` (Predictions added) over every image with `models`, rows discarded, through
/// `cache` when given (else decoding every image); model loading included. An Error says why.
engine::Result<MeasureTiming> timeMeasureRun(const BenchImages& images, const std::vector<ModelEntry>& models,
                                             std::set<MeasureKind> measures, int batch, ImageCache* cache,
                                             const std::string& device = "cpu");

/// The ModelEntry list for model files: base names, made unique with "-2", "-3"... when the
/// same file (or name) comes twice; a single model is listed twice when `atLeastTwo` is set
/// (stability compares two models; a model with itself gives SSIM 1 but costs the same).
std::vector<ModelEntry> modelEntries(const std::vector<std::string>& paths, bool atLeastTwo);

} // namespace saliscope::bench
