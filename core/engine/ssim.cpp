// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/ssim.h"

#include "core/engine/numpycompat.h"

#include <cstdint>
#include <string>

namespace saliscope::engine {

namespace {

/// Summed-area table with a zero first row and column: S(r, c) = sum of values above and left.
std::vector<std::int64_t> integral(const ImageU8& a, const ImageU8* b)
{
    const int w = a.width;
    const int h = a.height;
    std::vector<std::int64_t> table(std::size_t(w + 1) * std::size_t(h + 1), 0);
    for (int r = 0; r < h; ++r) {
        std::int64_t rowSum = 0;
        for (int c = 0; c < w; ++c) {
            const std::size_t i = std::size_t(r) * std::size_t(w) + std::size_t(c);
            rowSum += b ? std::int64_t(a.pixels[i]) * b->pixels[i] : std::int64_t(a.pixels[i]);
            table[std::size_t(r + 1) * std::size_t(w + 1) + std::size_t(c + 1)] =
                table[std::size_t(r) * std::size_t(w + 1) + std::size_t(c + 1)] + rowSum;
        }
    }
    return table;
}

std::int64_t boxSum(const std::vector<std::int64_t>& t, int width, int r0, int c0, int size)
{
    const std::size_t stride = std::size_t(width + 1);
    const std::size_t top = std::size_t(r0) * stride;
    const std::size_t bottom = std::size_t(r0 + size) * stride;
    return t[bottom + std::size_t(c0 + size)] - t[top + std::size_t(c0 + size)] - t[bottom + std::size_t(c0)]
        + t[top + std::size_t(c0)];
}

} // namespace

Result<double> structuralSimilarity(const ImageU8& first, const ImageU8& second, const SsimParams& params)
{
    if (first.channels != 1 || second.channels != 1)
        return Error{"SSIM needs single-channel maps."};
    if (first.width != second.width || first.height != second.height)
        return Error{"SSIM needs two maps of the same size (" + std::to_string(first.width) + "x"
                     + std::to_string(first.height) + " and " + std::to_string(second.width) + "x"
                     + std::to_string(second.height) + ")."};
    const int win = params.windowSize;
    if (win < 1 || win % 2 == 0)
        return Error{"The SSIM window size must be odd and positive."};
    if (first.width < win || first.height < win)
        return Error{"The SSIM window (" + std::to_string(win) + ") exceeds the map size."};

    // Only pixels at least (win-1)/2 from the border enter skimage's mean, and their windows lie
    // inside the map, so the reflect padding of scipy's uniform_filter never matters. Window sums
    // are exact integers; the moments follow skimage's formulas in float64.
    const std::vector<std::int64_t> sx = integral(first, nullptr);
    const std::vector<std::int64_t> sy = integral(second, nullptr);
    const std::vector<std::int64_t> sxx = integral(first, &first);
    const std::vector<std::int64_t> syy = integral(second, &second);
    const std::vector<std::int64_t> sxy = integral(first, &second);

    const std::int64_t n = std::int64_t(win) * win;
    const double covarianceScale = params.sampleCovariance && n > 1 ? double(n) / double(n - 1) : 1.0;
    const double c1 = (params.k1 * params.dataRange) * (params.k1 * params.dataRange);
    const double c2 = (params.k2 * params.dataRange) * (params.k2 * params.dataRange);
    const double nn = double(n) * double(n);

    const int outRows = first.height - win + 1;
    const int outColumns = first.width - win + 1;
    std::vector<double> values;
    values.reserve(std::size_t(outRows) * std::size_t(outColumns));
    for (int r = 0; r < outRows; ++r)
        for (int c = 0; c < outColumns; ++c) {
            const std::int64_t x = boxSum(sx, first.width, r, c, win);
            const std::int64_t y = boxSum(sy, first.width, r, c, win);
            const std::int64_t xx = boxSum(sxx, first.width, r, c, win);
            const std::int64_t yy = boxSum(syy, first.width, r, c, win);
            const std::int64_t xy = boxSum(sxy, first.width, r, c, win);
            const double ux = double(x) / double(n);
            const double uy = double(y) / double(n);
            const double vx = covarianceScale * (double(n * xx - x * x) / nn);
            const double vy = covarianceScale * (double(n * yy - y * y) / nn);
            const double vxy = covarianceScale * (double(n * xy - x * y) / nn);
            const double a1 = 2.0 * ux * uy + c1;
            const double a2 = 2.0 * vxy + c2;
            const double b1 = ux * ux + uy * uy + c1;
            const double b2 = vx + vy + c2;
            values.push_back((a1 * a2) / (b1 * b2));
        }
    return numpycompat::pairwiseSum(values.data(), values.size()) / double(values.size());
}

Result<std::vector<double>> structuralSimilarities(const std::vector<ImageU8>& first,
                                                   const std::vector<ImageU8>& second, const SsimParams& params)
{
    if (first.size() != second.size())
        return Error{"SSIM needs as many first maps as second maps."};
    std::vector<double> out;
    out.reserve(first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        Result<double> value = structuralSimilarity(first[i], second[i], params);
        if (!value)
            return Error{"Pair " + std::to_string(i) + ": " + value.error()};
        out.push_back(value.value());
    }
    return out;
}

Result<std::vector<double>> pairwiseStructuralSimilarities(const std::vector<ImageU8>& maps, const SsimParams& params)
{
    std::vector<double> out;
    if (maps.size() > 1)
        out.reserve(maps.size() * (maps.size() - 1) / 2);
    for (std::size_t i = 0; i < maps.size(); ++i)
        for (std::size_t j = i + 1; j < maps.size(); ++j) {
            Result<double> value = structuralSimilarity(maps[i], maps[j], params);
            if (!value)
                return Error{"Maps " + std::to_string(i) + " and " + std::to_string(j) + ": " + value.error()};
            out.push_back(value.value());
        }
    return out;
}

} // namespace saliscope::engine
