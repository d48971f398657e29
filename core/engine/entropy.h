// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"

#include <vector>

namespace saliscope::engine {

/// Histogram entropy of one 8-bit map: bits as skimage.measure.shannon_entropy (base 2) and that
/// value divided by its largest possible value log2(min(pixel count, 256)).
struct HistogramEntropy final {
    double bits = 0.0;
    double normalized = 0.0;
};

/// Shannon entropy in bits of the histogram of distinct values of an 8-bit image (every channel
/// value counts, as skimage does); 0 for an empty or constant image.
double histogramEntropyBits(const ImageU8& map);

/// The bits and their normalisation by log2(min(m*n, 256)) for an m x n map (0 for a 1-pixel map).
HistogramEntropy histogramEntropy(const ImageU8& map);

/// histogramEntropy() of each map, in order.
std::vector<HistogramEntropy> histogramEntropies(const std::vector<ImageU8>& maps);

/// Spatial entropy of a CAM read as a distribution over pixels: -sum p log p / log(m*n) with
/// p = cam / sum(cam), in [0, 1]; negative or NaN values count as 0, and an all-zero or 1-pixel map gives 0.
double spatialEntropy(const MapF32& cam);

/// spatialEntropy() of an 8-bit single-channel map (its grey values taken as the weights).
double spatialEntropy(const ImageU8& map);

/// spatialEntropy() of each CAM, in order.
std::vector<double> spatialEntropies(const std::vector<MapF32>& cams);

} // namespace saliscope::engine
