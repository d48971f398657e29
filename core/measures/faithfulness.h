// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The pixel operations of the faithfulness curves (docs/measures.md, "Deletion, insertion and
// ROAD"): the salience order of an image's pixels, replacing a range of that order by a
// baseline, ROAD's noisy linear imputation, and the area under a curve.
#pragma once

#include "core/common/result.h"
#include "core/engine/image.h"

#include <cstdint>
#include <vector>

namespace saliscope {

/// Pixel indices (row-major) of a single-channel map from the most to the least salient; equal
/// values keep pixel order (a stable sort), so the order is the same on every machine.
std::vector<int> salienceOrder(const engine::ImageU8& map);

/// Which pixels of `order` a step removes: the `count` at positions [first, first + count).
std::vector<std::uint8_t> removedPixels(const std::vector<int>& order, int first, int count);

/// `image` with the removed pixels (1 in `removed`, one entry per pixel) taken from `baseline`
/// (same shape); the others unchanged.
engine::ImageU8 replacePixels(const engine::ImageU8& image, const engine::ImageU8& baseline,
                              const std::vector<std::uint8_t>& removed);

/// ROAD's noisy linear imputation (Rong et al., ICML 2022): each removed pixel becomes the
/// weighted mean of its eight neighbours inside the image (1/6 for the four direct neighbours,
/// 1/12 for the diagonals), solved jointly for all removed pixels as one sparse linear system per
/// channel, plus Gaussian noise of standard deviation `noise` (a share of the full range 255)
/// drawn from `seed`; rounded to the nearest grey level and clamped to 0..255. When every pixel is
/// removed the system has no known value: the pixels take `fallback` (plus the noise).
Result<engine::ImageU8> noisyLinearImputation(const engine::ImageU8& image, const std::vector<std::uint8_t>& removed,
                                              double noise, std::uint64_t seed, std::uint8_t fallback = 0);

/// The area under a curve sampled at equal steps over [0, 1] (the trapezoidal rule); NaN when
/// a value is NaN or there are fewer than two.
double curveArea(const std::vector<double>& values);

/// How many of `pixels` a step at `fraction` of the way removes: round(fraction * pixels).
int pixelsAtFraction(double fraction, int pixels);

} // namespace saliscope
