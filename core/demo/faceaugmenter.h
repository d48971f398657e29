// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/facelayout.h"

#include <opencv2/core.hpp>

#include <random>

namespace saliscope::demo {

/// One random draw of the photometric and geometric changes that turn a source photograph into a
/// dataset image: flip, small rotation, scale and shift, channel gains, saturation, exposure and
/// gamma, a little blur or noise, and the JPEG quality it is re-encoded at.
struct FaceAugmentation final {
    bool flip = false;
    double scale = 1.0; ///< about the image centre
    double angleDegrees = 0;
    double shiftX = 0, shiftY = 0;  ///< fractions of the output size
    cv::Vec3d channelGain{1, 1, 1}; ///< B, G, R
    double saturation = 1.0;
    double exposure = 1.0;
    double gamma = 1.0;
    double blurSigma = 0;  ///< pixels at the output size; 0 for none
    double noiseSigma = 0; ///< grey levels
    int jpegQuality = 90;

    /// Draws every change from `random` (always the same number of draws).
    static FaceAugmentation draw(std::mt19937_64& random);
};

/// Applies a FaceAugmentation; plain functions over 8-bit BGR images, thread-safe.
class FaceAugmenter final {
public:
    /// The geometric part: `photo` (any size, square) resampled to `size` x `size` with the flip,
    /// rotation, scale and shift; `layout` (in photo pixels) is moved along with it.
    static cv::Mat warp(const cv::Mat& photo, int size, const FaceAugmentation& augmentation, FaceLayout& layout);

    /// The photometric part, in place: gains, saturation, exposure, gamma, blur, noise. The noise
    /// is drawn from `random`.
    static void recolour(cv::Mat& image, const FaceAugmentation& augmentation, std::mt19937_64& random);

    /// Encodes to JPEG at `quality` and decodes again.
    static cv::Mat jpegRoundTrip(const cv::Mat& image, int quality);
};

} // namespace saliscope::demo
