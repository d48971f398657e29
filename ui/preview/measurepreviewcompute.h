// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "core/engine/modelmetadata.h"
#include "core/common/result.h"
#include "core/jobs/progress.h"
#include "core/measures/measuresettings.h"
#include "core/measures/measuretable.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace saliscope {
namespace engine {
class Model;
}
class ProjectStore;
} // namespace saliscope

namespace saliscope::ui {

/// One row of a measure preview for one model: the input the model saw, its map and
/// prediction, and the measure's values for this variant.
struct PreviewCell final {
    std::string variant;   ///< as the measure stores it ("0.05", "lr", "shift:-16,0", "background"); "" clean
    engine::ImageU8 input; ///< the (varied) input at the model's input size, RGB
    engine::ImageU8 map;   ///< small 8-bit map
    bool flat = false;
    double score = 0; ///< under the settings' score kind
    int predicted = -1;
    /// The measure's row for this variant, in measureColumns(kind) order; for the clean row:
    /// {normalised histogram entropy}.
    std::vector<double> values;
};

/// Everything one model gives for one image under one measure: the clean row then one per variant.
struct PreviewColumn final {
    PreviewCell clean;
    std::vector<PreviewCell> variants;
};

/// The image a preview is made of.
struct PreviewImage final {
    std::string path;
    std::string contentHash;
    int label = -1;              ///< -1 unknown
    std::string datasetLocation; ///< gives the noise draw its key, as in a measure run
};

/// The measures a preview can show: those that vary the image (Noise, Transforms, Degradation)
/// and the sanity checks (a map per randomisation step and the random-logit map).
bool isPreviewMeasure(MeasureKind kind);

/// The key of an image's noise draws in a measure run over the dataset at `location`:
/// FNV-1a of the path relative to the dataset folder (the runner's rule).
std::uint64_t previewNoiseKey(const std::string& path, const std::string& location);

/// Computes what `kind` does to `input` (already at the model's input size) with `model`, with
/// the same engine calls and settings as runMeasures, so each variant's values equal the row a
/// measure run stores for this image (maps by the settings' method). Cancellation between variants returns Error
/// "cancelled".
Result<PreviewColumn> computePreviewColumn(const engine::Model& model, const engine::ImageU8& input, int label,
                                           std::uint64_t noiseKey, MeasureKind kind, const MeasureSettings& settings,
                                           const CancelToken& cancel);

/// The settings of the newest run of `kind` in the project (what its stored rows used); the
/// defaults when there is none or they cannot be read.
MeasureSettings previewSettings(const ProjectStore& store, MeasureKind kind);

} // namespace saliscope::ui
