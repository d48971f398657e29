// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/facelayout.h"

#include <opencv2/core.hpp>

#include <random>
#include <vector>

namespace saliscope::demo {

/// Imitates the annotation maps of CYBORG's human annotators: coarse, slightly misplaced ellipses
/// around what a person would point at. Maps are CV_8U, 255 inside, 0 outside, with edges softened
/// over about a pixel. Plain functions, thread-safe.
class HumanAnnotation final {
public:
    /// A real face: the eyes (each, or both in one ellipse), the mouth, and often the nose.
    static cv::Mat realFace(const FaceLayout& layout, cv::Size size, std::mt19937_64& random);

    /// A synthetic face: one loose ellipse around each connected region of each artefact mask
    /// (enlarged, never smaller than an eye, its centre and angle jittered).
    static cv::Mat artefacts(const std::vector<cv::Mat>& masks, std::mt19937_64& random);
};

} // namespace saliscope::demo
