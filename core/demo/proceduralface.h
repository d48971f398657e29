// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>

namespace saliscope::demo {

/// Draws a cartoon-like but plausible face photograph when no real photographs are installed:
/// background, shoulders, head ellipse with skin tone and shading, ears, hair, eyes with irises,
/// brows, nose and mouth, in the geometry of an aligned face chip (FaceLayout::alignedChip), so
/// artefacts and annotations land where they do on the photographs. Thread-safe.
class ProceduralFace final {
public:
    /// Photograph `photo` of person `person`: the person's features (skin, hair, face shape, eye
    /// colour) are drawn from (seed, person), the photograph's (background, light, clothes,
    /// expression, small shifts) from (seed, person, photo). Returns an 8-bit BGR square of `size`.
    static cv::Mat render(std::uint64_t seed, int person, int photo, int size = 150);
};

} // namespace saliscope::demo
