// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "core/engine/result.h"

#include <vector>

namespace saliscope::engine {

/// Settings of skimage.metrics.structural_similarity (0.19 defaults): uniform window, constants
/// K1/K2, data range of 8-bit maps, sample covariance N/(N-1); the mean skips a (window-1)/2 border.
struct SsimParams final {
    int windowSize = 7;
    double k1 = 0.01;
    double k2 = 0.03;
    double dataRange = 255.0;
    bool sampleCovariance = true;
};

/// SSIM of two 8-bit single-channel maps of equal size, at least windowSize on each side (a 7x7
/// map gives one global SSIM); an Error for other shapes or an even or non-positive window.
Result<double> structuralSimilarity(const ImageU8& first, const ImageU8& second, const SsimParams& params = {});

/// SSIM of each pair (first[i], second[i]); an Error if the lists differ in length or any pair fails.
Result<std::vector<double>> structuralSimilarities(const std::vector<ImageU8>& first,
                                                   const std::vector<ImageU8>& second, const SsimParams& params = {});

/// SSIM of every pair i < j of K maps, in the order (0,1), (0,2), ..., (1,2), ...: K(K-1)/2 values.
Result<std::vector<double>> pairwiseStructuralSimilarities(const std::vector<ImageU8>& maps,
                                                           const SsimParams& params = {});

} // namespace saliscope::engine
