// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Filter weights shared by the host maths (pillowresize.cpp, degradation.cpp) and their batched
// device versions (devicemeasures.cpp), so both compute exactly the same kernels.

#include "core/engine/pillowresize.h"

#include <cstdint>
#include <vector>

namespace saliscope::engine {

/// Pillow's fixed-point precision: weights are integers scaled by 2^22.
constexpr int PillowPrecisionBits = 32 - 8 - 2;

/// Pillow's precompute_coeffs + normalize_coeffs_8bpc for one axis.
struct AxisCoefficients final {
    int kernelSize = 0;
    std::vector<int> first;            ///< first input index per output index
    std::vector<int> count;            ///< taps per output index
    std::vector<std::int32_t> weights; ///< outSize x kernelSize fixed-point weights
};

/// The weights Pillow uses to resample one axis from inSize to outSize samples.
AxisCoefficients pillowCoefficients(int inSize, int outSize, ResizeFilter filter);

/// scipy 1.10 _gaussian_kernel1d(sigma, 0, radius = int(4 sigma + 0.5)): exp(-x^2 / (2 sigma^2))
/// normalised by its NumPy (pairwise) sum, with NumPy's exp.
std::vector<double> gaussianWeights(double sigma);

/// scipy's "reflect" extension (d c b a | a b c d | d c b a) of index i into [0, n).
int reflectIndex(int i, int n);

} // namespace saliscope::engine
