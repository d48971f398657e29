// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/dataset/videoframes.h"
#include "core/engine/image.h"

#include <optional>
#include <string>
#include <vector>

namespace saliscope {

/// Debian's 68-landmark model (package libdlib-data), used to align faces by their eyes.
inline constexpr const char* DefaultLandmarkModel = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat";

/// A face found in an image, in its pixels.
struct FaceBox final {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    double score = 0; ///< the detector's confidence (larger is surer)
};

/// How faces are found and cut out.
struct FaceCropParams final {
    double margin = 1.3; ///< crop side = the box's larger side x margin (FaceForensics++ uses 1.3)
    bool align = false;  ///< turn the crop so that the eyes are level (68-landmark model)
    int upsample = 0; ///< image doublings before detection: 0 finds faces from about 80 pixels, 1 from 40 (4x slower)
    std::string landmarkModel = DefaultLandmarkModel; ///< used when align is set

    /// A short text of the parameters that change a crop ("m1.30-up0", "m1.30-up0-align"): part of cache keys.
    std::string key() const;
};

/// A face and the region cut out around it.
struct FaceCrop final {
    FaceBox box;
    CropRegion region;
};

/// The faces dlib's HOG frontal face detector (dlib::get_frontal_face_detector) finds in an RGB
/// or grey image, largest first (ties: the surer first). Thread-safe (one detector per thread).
std::vector<FaceBox> detectFaces(const engine::ImageU8& image, int upsample = 0);

/// The region FaceForensics++ cuts around a face (its get_boundingbox): a square of side
/// int(max(w - 1, h - 1) x margin) centred on the box, moved and shrunk to stay inside the image.
CropRegion faceCropRegion(const FaceBox& box, int imageWidth, int imageHeight, double margin);

/// The largest face of an image and its crop region; none when no face is found. With
/// params.align, the region is the same square turned about its centre by the angle of the line
/// between the eyes (mean of landmarks 36-41 and 42-47), so the eyes come out level; a missing
/// or unreadable landmark model is an error (named). Thread-safe; the model is loaded once.
Result<std::optional<FaceCrop>> findFaceCrop(const engine::ImageU8& image, const FaceCropParams& params);

} // namespace saliscope
