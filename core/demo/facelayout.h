// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <opencv2/core.hpp>

namespace saliscope::demo {

/// Where the parts of a face lie in one image, in pixels: what artefacts and human annotations
/// are placed by. `leftEye` is the eye on the image's left (after any flip).
struct FaceLayout final {
    cv::Point2f leftEye, rightEye, nose, mouth;
    float irisRadius = 0;  ///< radius of an iris
    float mouthWidth = 0;  ///< corner to corner
    float mouthHeight = 0; ///< lip to lip, teeth included
    cv::Point2f faceCentre;
    cv::Size2f faceAxes; ///< half-axes of the ellipse covering the skin of the face

    /// The layout of an aligned dlib face chip (and of the procedural faces) of `size` pixels.
    /// Fractions measured on the 55 photographs of libdlib19.1's examples/johns: eyes (0.30, 0.305)
    /// and (0.69, 0.305), nose tip (0.50, 0.53), mouth centre (0.50, 0.69), mouth 0.30 x 0.10.
    static FaceLayout alignedChip(int size);

    /// This layout moved by the affine transform `to` (2x3, source to destination pixels); the
    /// eyes are re-ordered when the transform mirrors the image.
    FaceLayout transformed(const cv::Matx23d& to) const;

    /// Moves each eye to the darkest spot flanked by brighter pixels (the iris between the white
    /// of the eye) near where it is expected, in an 8-bit BGR image of the face.
    void refineEyes(const cv::Mat& bgr);
};

} // namespace saliscope::demo
