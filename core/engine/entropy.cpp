// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/entropy.h"

#include "core/engine/numpycompat.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace saliscope::engine {

double histogramEntropyBits(const ImageU8& map)
{
    // skimage 0.19: np.unique counts, then scipy.stats.entropy(counts, base=2):
    // pk = counts / sum, S = sum(entr(pk)) (NumPy's pairwise sum), S /= log(2).
    if (map.pixels.empty())
        return 0.0;
    std::array<std::size_t, 256> counts{};
    for (const std::uint8_t v : map.pixels)
        ++counts[v];
    const double total = double(map.pixels.size());
    std::vector<double> terms;
    terms.reserve(256);
    for (const std::size_t count : counts) {
        if (count == 0)
            continue;
        const double p = double(count) / total;
        terms.push_back(-p * std::log(p));
    }
    const double entropy = numpycompat::pairwiseSum(terms.data(), terms.size()) / std::log(2.0);
    return entropy == 0.0 ? 0.0 : entropy; // -0.0 from a constant map reads as 0
}

HistogramEntropy histogramEntropy(const ImageU8& map)
{
    HistogramEntropy result;
    result.bits = histogramEntropyBits(map);
    const std::size_t pixels = std::size_t(std::max(map.width, 0)) * std::size_t(std::max(map.height, 0));
    const double largest = std::log2(double(std::min<std::size_t>(pixels, 256)));
    result.normalized = largest > 0.0 ? result.bits / largest : 0.0;
    return result;
}

std::vector<HistogramEntropy> histogramEntropies(const std::vector<ImageU8>& maps)
{
    std::vector<HistogramEntropy> out;
    out.reserve(maps.size());
    for (const ImageU8& map : maps)
        out.push_back(histogramEntropy(map));
    return out;
}

namespace {

template <typename Value> double spatialEntropyOf(const std::vector<Value>& values)
{
    if (values.size() < 2)
        return 0.0;
    double sum = 0.0;
    for (const Value v : values)
        if (v > 0) // false for NaN
            sum += double(v);
    if (!(sum > 0.0) || !std::isfinite(sum))
        return 0.0;
    double entropy = 0.0;
    for (const Value v : values) {
        if (!(v > 0))
            continue;
        const double p = double(v) / sum;
        entropy -= p * std::log(p);
    }
    return std::clamp(entropy / std::log(double(values.size())), 0.0, 1.0);
}

} // namespace

double spatialEntropy(const MapF32& cam) { return spatialEntropyOf(cam.values); }

double spatialEntropy(const ImageU8& map) { return spatialEntropyOf(map.pixels); }

std::vector<double> spatialEntropies(const std::vector<MapF32>& cams)
{
    std::vector<double> out;
    out.reserve(cams.size());
    for (const MapF32& cam : cams)
        out.push_back(spatialEntropy(cam));
    return out;
}

} // namespace saliscope::engine
