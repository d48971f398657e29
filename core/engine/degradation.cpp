// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/degradation.h"

#include "core/engine/filterweights.h"

#include "core/engine/cammaps.h"
#include "core/engine/numpycompat.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

// Exactness: each pass reproduces scipy's correlate1d rounding product by product; see the note in
// numpycompat.cpp about FMA contraction (a default x86-64 build has none).

namespace saliscope::engine {

namespace {

/// `count` outputs of scipy's symmetric correlate1d at once: out[k] = centre[k] * w[0], then
/// (before(j)[k] + after(j)[k]) * w[j] added for j = radius down to 1, each double written back to
/// uint8 by truncation. before(j) and after(j) point at the samples j steps back and forward.
/// Every output keeps scipy's order of operations; the loop over k is what the compiler vectorises.
template <typename Before, typename After>
void correlateSpan(const std::vector<double>& weights, const std::uint8_t* centre, Before before, After after,
                   std::size_t count, std::uint8_t* out, std::vector<double>& sums)
{
    const int radius = int(weights.size() / 2);
    const double* w = weights.data() + radius;
    sums.resize(count);
    double* sum = sums.data();
    for (std::size_t k = 0; k < count; ++k)
        sum[k] = double(centre[k]) * w[0];
    for (int j = radius; j >= 1; --j) {
        const std::uint8_t* a = before(j);
        const std::uint8_t* b = after(j);
        const double wj = w[j];
        for (std::size_t k = 0; k < count; ++k)
            sum[k] += (double(a[k]) + double(b[k])) * wj;
    }
    for (std::size_t k = 0; k < count; ++k)
        out[k] = std::uint8_t(sum[k]);
}

/// Row r's samples [first, first + count) blurred vertically (reflected at the top and bottom).
void blurRowVertically(const ImageU8& image, const std::vector<double>& weights, int r, std::size_t first,
                       std::size_t count, std::uint8_t* out, std::vector<double>& sums)
{
    const std::size_t stride = std::size_t(image.width) * image.channels;
    const std::uint8_t* data = image.pixels.data() + first;
    const int h = image.height;
    correlateSpan(
        weights, data + std::size_t(r) * stride,
        [&](int j) { return data + std::size_t(reflectIndex(r - j, h)) * stride; },
        [&](int j) { return data + std::size_t(reflectIndex(r + j, h)) * stride; }, count, out, sums);
}

/// Columns [from, to] of a row of `width` pixels, reflect-extended by `radius` on both sides:
/// padded[(x - from + radius) * channels + ch] = row[reflect(x) * channels + ch].
void padRow(const std::uint8_t* row, int width, int channels, int radius, int from, int to,
            std::vector<std::uint8_t>& padded)
{
    padded.resize(std::size_t(to - from + 1 + 2 * radius) * channels);
    std::uint8_t* p = padded.data();
    for (int x = from - radius; x <= to + radius; ++x) {
        const std::uint8_t* source = row + std::size_t(reflectIndex(x, width)) * channels;
        for (int ch = 0; ch < channels; ++ch)
            *p++ = source[ch];
    }
}

/// Blurs the given pixels (row-major indices, grouped by row in increasing order) of every channel
/// with one kernel, computing the vertical pass only where the horizontal pass reads it.
void blurPixels(const ImageU8& image, const std::vector<double>& weights, const std::vector<int>& pixels, ImageU8& out)
{
    const int w = image.width;
    const int channels = image.channels;
    const int radius = int(weights.size() / 2);
    std::vector<std::uint8_t> row(std::size_t(w) * std::size_t(channels));
    std::vector<std::uint8_t> padded;
    std::vector<double> sums;
    std::size_t begin = 0;
    while (begin < pixels.size()) {
        const int r = pixels[begin] / w;
        std::size_t end = begin;
        while (end < pixels.size() && pixels[end] / w == r)
            ++end;
        const int firstColumn = pixels[begin] % w;
        const int lastColumn = pixels[end - 1] % w;
        int lo = 0;
        int hi = w - 1;
        if (radius < w) { // one reflection at most: the reads stay inside [lo, hi]
            lo = std::max(0, firstColumn - radius);
            hi = std::min(w - 1, lastColumn + radius);
        }
        const std::size_t first = std::size_t(lo) * channels;
        blurRowVertically(image, weights, r, first, std::size_t(hi - lo + 1) * channels, row.data() + first, sums);
        padRow(row.data(), w, channels, radius, firstColumn, lastColumn, padded);
        const std::size_t step = std::size_t(channels);
        for (std::size_t p = begin; p < end; ++p) {
            const int c = pixels[p] % w;
            const std::uint8_t* centre = padded.data() + std::size_t(c - firstColumn + radius) * step;
            correlateSpan(
                weights, centre, [&](int j) { return centre - std::size_t(j) * step; },
                [&](int j) { return centre + std::size_t(j) * step; }, step, &out.at(r, c, 0), sums);
        }
        begin = end;
    }
}

} // namespace

std::vector<double> gaussianWeights(double sigma)
{
    const int radius = int(4.0 * sigma + 0.5);
    const double factor = -0.5 / (sigma * sigma);
    std::vector<double> phi(std::size_t(2 * radius + 1));
    for (int x = -radius; x <= radius; ++x)
        phi[std::size_t(x + radius)] = numpycompat::exp(factor * double(x * x));
    const double sum = numpycompat::pairwiseSum(phi.data(), phi.size());
    for (double& value : phi)
        value = value / sum;
    return phi;
}

int reflectIndex(int i, int n)
{
    if (n == 1)
        return 0;
    const int period = 2 * n;
    int m = i % period;
    if (m < 0)
        m += period;
    return m < n ? m : period - 1 - m;
}

ImageU8 gaussianFilterU8(const ImageU8& image, double sigma)
{
    if (!(sigma > 1e-15) || image.pixels.empty())
        return image;
    const std::vector<double> weights = gaussianWeights(sigma);
    const int radius = int(weights.size() / 2);
    const int w = image.width;
    const int channels = image.channels;
    const std::size_t stride = std::size_t(w) * channels;
    std::vector<double> sums;
    ImageU8 vertical = ImageU8::zeros(w, image.height, channels);
    for (int r = 0; r < image.height; ++r)
        blurRowVertically(image, weights, r, 0, stride, vertical.pixels.data() + std::size_t(r) * stride, sums);
    ImageU8 out = ImageU8::zeros(w, image.height, channels);
    std::vector<std::uint8_t> padded;
    const std::size_t step = std::size_t(channels);
    for (int r = 0; r < image.height; ++r) {
        padRow(vertical.pixels.data() + std::size_t(r) * stride, w, channels, radius, 0, w - 1, padded);
        const std::uint8_t* centre = padded.data() + std::size_t(radius) * step;
        correlateSpan(
            weights, centre, [&](int j) { return centre - std::size_t(j) * step; },
            [&](int j) { return centre + std::size_t(j) * step; }, stride, out.pixels.data() + std::size_t(r) * stride,
            sums);
    }
    return out;
}

std::vector<int> degradationLevels(const ImageU8& guide)
{
    const auto maximum = std::max_element(guide.pixels.begin(), guide.pixels.end());
    if (maximum == guide.pixels.end() || *maximum == 0)
        return {};
    const double gmax = double(*maximum);
    std::vector<int> levels(guide.pixels.size());
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const double t = (10.0 * double(guide.pixels[i])) / gmax; // 10 * g / max(g)
        levels[i] = int(std::nearbyint(t * 10.0));                // np.round(t, 1) = rint(t * 10) / 10
    }
    return levels;
}

double degradationSigma(int level, const DegradationParams& params)
{
    if (level >= 100)
        return 0.0;
    // With the defaults: 0.001 * ((100 - k) / 10)^4, the rounding the reference data were made with.
    const double scale = params.sigmaMax / std::pow(10.0, params.curveOrder);
    return scale * std::pow(double(100 - level) / 10.0, params.curveOrder);
}

Result<ImageU8> degradeBySalience(const ImageU8& image, const ImageU8& salienceMap, DegradationMode mode,
                                  const DegradationParams& params)
{
    if (image.pixels.empty() || image.width <= 0 || image.height <= 0)
        return Error{"Cannot degrade an empty image."};
    if (salienceMap.channels != 1 || salienceMap.pixels.empty())
        return Error{"The salience map must be a non-empty single-channel 8-bit map."};
    ImageU8 guide = salienceMap.width == image.width && salienceMap.height == image.height
        ? salienceMap
        : upscaleMap(salienceMap, image.width, image.height);
    if (mode == DegradationMode::Object)
        for (std::uint8_t& v : guide.pixels)
            v = std::uint8_t(255 - v);
    const std::vector<int> levels = degradationLevels(gaussianFilterU8(guide, params.guideSigma));
    if (levels.empty())
        return image;

    std::vector<std::vector<int>> pixelsByLevel(101);
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i] >= 0 && levels[i] < 100)
            pixelsByLevel[std::size_t(levels[i])].push_back(int(i));
    ImageU8 out = image;
    for (int level = 0; level < 100; ++level) {
        const std::vector<int>& pixels = pixelsByLevel[std::size_t(level)];
        const double sigma = degradationSigma(level, params);
        if (pixels.empty() || !(sigma > 1e-15))
            continue;
        const std::vector<double> weights = gaussianWeights(sigma);
        if (weights.size() == 1) // radius 0: the kernel is exactly [1.0], the identity
            continue;
        blurPixels(image, weights, pixels, out);
    }
    return out;
}

} // namespace saliscope::engine
