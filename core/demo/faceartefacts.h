// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/facelayout.h"

#include <opencv2/core.hpp>

#include <random>
#include <string>

namespace saliscope::demo {

/// The localized generator artefacts a demo synthetic face carries.
enum class ArtefactKind {
    Checkerboard, ///< a patch re-synthesised by 2x zero-insertion upsampling and a 3x3 kernel
    Iris,         ///< one or both irises recoloured to a vivid hue
    Droplet,      ///< a bright, lens-like "water droplet" blob on the skin
    Seam,         ///< a hue and brightness discontinuity along a short line
    BlockyMouth,  ///< the mouth region at a blocky low resolution (area down, nearest up)
};
inline constexpr int ArtefactKindCount = 5;

/// The kind's name as used in manifests ("checkerboard", "iris", "droplet", "seam", "blockymouth").
std::string artefactName(ArtefactKind kind);

/// Paints artefacts into 8-bit BGR face images; plain functions, thread-safe.
class FaceArtefacts final {
public:
    /// Paints one artefact of `kind` into `image` at a random place that `layout` makes
    /// plausible (irises for Iris, the mouth for BlockyMouth, the skin of the face for the
    /// others) and returns its exact mask: CV_8U, image size, 255 on every pixel it changed,
    /// 0 elsewhere. The artefacts keep the patch's mean roughly unchanged, so that global colour
    /// statistics do not give the class away.
    static cv::Mat apply(ArtefactKind kind, cv::Mat& image, const FaceLayout& layout, std::mt19937_64& random);

    /// The checkerboard generator on its own: `patch` (CV_32FC3, even sides) averaged down 2x,
    /// zero-inserted back to full size and convolved with the separable kernel
    /// [leftTap, 1, rightTap] (normalised to unit mean gain). Taps below 0.5 give the checkerboard.
    static cv::Mat upsampleConvolve(const cv::Mat& patch, double leftTap, double rightTap);
};

} // namespace saliscope::demo
