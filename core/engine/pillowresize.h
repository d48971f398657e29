// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"

namespace saliscope::engine {

/// Pillow's resampling filters that Saliscope reproduces.
enum class ResizeFilter {
    Bilinear, ///< triangle filter, support 1 (torchvision's Resize on PIL images)
    Bicubic,  ///< a = -0.5, support 2 (the paper's upscaled maps)
};

/// Pillow 9.4's resize of an 8-bit image with any number of channels, bit-exact with
/// `PIL.Image.resize((width, height), filter)`: separable, horizontal pass first into a uint8
/// intermediate, 22-bit fixed-point weights, antialiased when shrinking.
ImageU8 resizePillow(const ImageU8& image, int width, int height, ResizeFilter filter);

} // namespace saliscope::engine
