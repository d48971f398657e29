// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/cammethod.h"
#include "core/engine/image.h"
#include "core/engine/modelmetadata.h"
#include "core/common/result.h"
#include "core/jobs/progress.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// What `saliscope-cli cam` computes: salience maps of images for one model, by one or more methods.
struct CamRunParams final {
    std::string modelPath;
    std::string layer;          ///< CAM layer; empty: the model's default
    std::string device = "cpu"; ///< cpu, cuda, cuda:N, auto
    int batchSize = 16;
    bool upscaled = false; ///< write the Pillow-bicubic map at input size instead of the small map
    std::string outputDirectory;
    std::vector<std::string> inputs;               ///< image files and folders (searched recursively)
    std::optional<engine::ModelMetadata> metadata; ///< replaces the archive's metadata when set
    /// The methods, all from one forward (and at most one backward) pass per batch. One method
    /// writes into outputDirectory; several write into outputDirectory/<method name>/ each.
    std::vector<engine::CamMethod> methods{engine::CamMethod::GradCam};
};

/// What a cam run wrote and what it skipped (path, reason).
struct CamRunResult final {
    int mapsWritten = 0;
    int flatMaps = 0;
    std::string csvPath; ///< the first method's
    std::vector<std::pair<std::string, std::string>> skipped;
};

/// The names `cam` gives its map files: the image's base name with ".png", and _2, _3 ... for
/// later images of the same base name, in the order asked. One namer per output folder.
class CamMapNamer final {
public:
    /// The file name of the next image's map ("face.png", then "face_2.png" for another face.png).
    std::string next(const std::string& imagePath);

private:
    std::map<std::string, int> m_seen;
};

/// Writes one map as `cam` does: the 8-bit small map as a grey PNG, or with `upscaled` its
/// Pillow-bicubic resize to width x height (the model's input). The error names the file.
Status writeCamMap(const std::string& path, const engine::ImageU8& smallMap, bool upscaled, int width, int height);

/// Loads the model, then for each image: decode, resize (Pillow bilinear) to the model's input,
/// maps in batches, one 8-bit PNG per image (and method) named after it, and `cams.csv` with the
/// predictions. Unreadable images are skipped with a reason; a model or output error stops the
/// run. Runs on the calling thread.
Result<CamRunResult> runCam(const CamRunParams& params, ProgressSink& progress, const CancelToken& cancel);

} // namespace saliscope
