// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "core/engine/result.h"

#include <vector>

namespace saliscope::engine {

/// Which pixels measure (e) blurs: Background blurs the non-salient ones (guide = map),
/// Object the salient ones (guide = 255 - map).
enum class DegradationMode {
    Background,
    Object,
};

/// Settings of the salience-guided blur: sigma = sigmaMax * ((10 - t) / 10)^curveOrder for the
/// level t in {0, 0.1, ..., 10}, and the sigma of the Gaussian that smooths the guide first.
struct DegradationParams final {
    double sigmaMax = 10.0;
    double curveOrder = 4.0;
    double guideSigma = 5.0;
};

/// scipy.ndimage.gaussian_filter of a uint8 image, each channel on its own: radius int(4 sigma + 0.5),
/// reflect borders, axis 0 then axis 1, each pass truncated to uint8, bit-exact with scipy 1.10 and
/// NumPy 1.24 on AVX512; sigma <= 1e-15 returns the image unchanged.
ImageU8 gaussianFilterU8(const ImageU8& image, double sigma);

/// The blur level t of each pixel as an integer k = 10 t in 0..100: k = round_half_even(10 * (10 g / max g))
/// for the guide g (single channel); empty when max g = 0.
std::vector<int> degradationLevels(const ImageU8& guide);

/// The sigma of level k (t = k / 10): sigmaMax / 10^order * ((100 - k) / 10)^order; 0 for k = 100.
double degradationSigma(int level, const DegradationParams& params = {});

/// Salience-guided degradation of measure (e): the map (single channel, the upscaled 8-bit map or
/// a smaller one, then upscaled with Pillow's bicubic to the image size) gives the guide, the guide
/// is smoothed, and each pixel takes the value of its channel blurred with its level's sigma.
/// A guide whose smoothed maximum is 0 leaves the image unchanged; an Error for unusable shapes.
Result<ImageU8> degradeBySalience(const ImageU8& image, const ImageU8& salienceMap, DegradationMode mode,
                                  const DegradationParams& params = {});

} // namespace saliscope::engine
