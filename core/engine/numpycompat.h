// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the engine: scalar re-implementations of the NumPy 1.24 float64 routines whose
// exact rounding the reference pipeline depends on (scipy's Gaussian kernels, skimage's
// entropy). Plain C++, no LibTorch.

#include <cstddef>

namespace saliscope::engine::numpycompat {

/// NumPy's pairwise summation of n contiguous doubles (`numpy.sum` on a 1-D float64 array), bit-exact.
double pairwiseSum(const double* values, std::size_t count);

/// `numpy.exp` on float64 as NumPy 1.24 computes it on an AVX512 CPU (Intel SVML exp8), evaluated in
/// portable scalar code so that every machine reproduces the AVX512 machine that made the golden data.
double exp(double x);

} // namespace saliscope::engine::numpycompat
