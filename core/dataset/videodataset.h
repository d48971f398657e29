// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/dataset/dataset.h"
#include "core/jobs/progress.h"

#include <string>

namespace saliscope {

/// The group of a video's frames when the record has none: the video's path below the dataset's
/// folder (the manifest's folder for a manifest), without its extension ("clips/a").
std::string videoGroupName(const std::string& datasetLocation, const std::string& videoPath);

/// Turns a scanned dataset's videos into images, in place, on `params.threads` workers (the
/// calling thread reports progress and blocks). Each record whose file is a video
/// (hasVideoExtension) becomes one record per sampled frame, path `VIDEO#frame=N`
/// (videoframes.h), with the record's label and group (the video's, videoGroupName, when it has
/// none) and no annotation or mask; records keep the dataset's order. Videos that cannot be opened, have
/// no frame, or are truncated (fewer frames decode than the container announces) are set aside
/// in `problems` with the reason. With params.faces, every frame and still image is replaced by
/// the crop of its largest face (path `...#[frame=N&]crop=X,Y,W,H[&angle=A]`); one where no face
/// is found goes to `problems` ("no face found"), as does a still image that does not decode.
/// With a cache folder, a video's sampled indices and its frames' boxes are stored under its
/// content hash and the parameters, so a second scan decodes nothing. Errors: cancellation, and
/// a missing landmark model when aligning.
Result<VideoDatasetStats> expandVideos(Dataset& dataset, const VideoDatasetParams& params, ProgressSink& progress,
                                       const CancelToken& cancel);

} // namespace saliscope
