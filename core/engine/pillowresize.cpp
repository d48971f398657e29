// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/pillowresize.h"

#include "core/engine/filterweights.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace saliscope::engine {

namespace {

double bilinearFilter(double x)
{
    x = std::fabs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
}

double bicubicFilter(double x)
{
    constexpr double a = -0.5;
    x = std::fabs(x);
    if (x < 1.0)
        return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0)
        return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

std::uint8_t clip8(std::int64_t value)
{
    const std::int64_t shifted = value >> PillowPrecisionBits; // arithmetic shift: floor
    return std::uint8_t(std::clamp<std::int64_t>(shifted, 0, 255));
}

} // namespace

AxisCoefficients pillowCoefficients(int inSize, int outSize, ResizeFilter filter)
{
    const double support = filter == ResizeFilter::Bicubic ? 2.0 : 1.0;
    const auto kernel = filter == ResizeFilter::Bicubic ? bicubicFilter : bilinearFilter;
    const double scale = double(inSize) / outSize;
    const double filterScale = std::max(scale, 1.0);
    const double scaledSupport = support * filterScale;
    AxisCoefficients c;
    c.kernelSize = int(std::ceil(scaledSupport)) * 2 + 1;
    c.first.resize(std::size_t(outSize));
    c.count.resize(std::size_t(outSize));
    c.weights.assign(std::size_t(outSize) * c.kernelSize, 0);
    std::vector<double> k(std::size_t(c.kernelSize));
    for (int xx = 0; xx < outSize; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterScale;
        int xmin = int(center - scaledSupport + 0.5);
        xmin = std::max(xmin, 0);
        int xmax = int(center + scaledSupport + 0.5);
        xmax = std::min(xmax, inSize) - xmin;
        double sum = 0.0;
        for (int x = 0; x < xmax; ++x) {
            k[std::size_t(x)] = kernel((x + xmin - center + 0.5) * ss);
            sum += k[std::size_t(x)];
        }
        for (int x = 0; x < xmax; ++x) {
            const double w = sum != 0.0 ? k[std::size_t(x)] / sum : k[std::size_t(x)];
            c.weights[std::size_t(xx) * c.kernelSize + x] = w < 0 ? std::int32_t(-0.5 + w * (1 << PillowPrecisionBits))
                                                                  : std::int32_t(0.5 + w * (1 << PillowPrecisionBits));
        }
        c.first[std::size_t(xx)] = xmin;
        c.count[std::size_t(xx)] = xmax;
    }
    return c;
}

ImageU8 resizePillow(const ImageU8& image, int width, int height, ResizeFilter filter)
{
    if (image.width == width && image.height == height)
        return image;
    const int channels = image.channels;
    const AxisCoefficients horizontal = pillowCoefficients(image.width, width, filter);
    const AxisCoefficients vertical = pillowCoefficients(image.height, height, filter);

    // Horizontal pass over the rows the vertical pass will read.
    const int firstRow = vertical.first.front();
    const int lastRow = vertical.first.back() + vertical.count.back();
    const bool needHorizontal = width != image.width;
    ImageU8 temporary;
    int rowOffset = 0;
    if (needHorizontal) {
        temporary = ImageU8::zeros(width, lastRow - firstRow, channels);
        for (int y = 0; y < temporary.height; ++y)
            for (int xx = 0; xx < width; ++xx) {
                const std::int32_t* k = &horizontal.weights[std::size_t(xx) * horizontal.kernelSize];
                const int xmin = horizontal.first[std::size_t(xx)];
                for (int ch = 0; ch < channels; ++ch) {
                    std::int64_t sum = 1 << (PillowPrecisionBits - 1);
                    for (int x = 0; x < horizontal.count[std::size_t(xx)]; ++x)
                        sum += std::int64_t(image.at(y + firstRow, x + xmin, ch)) * k[x];
                    temporary.at(y, xx, ch) = clip8(sum);
                }
            }
        rowOffset = firstRow;
    }
    const ImageU8& source = needHorizontal ? temporary : image;
    if (height == image.height)
        return source;
    ImageU8 output = ImageU8::zeros(width, height, channels);
    for (int yy = 0; yy < height; ++yy) {
        const std::int32_t* k = &vertical.weights[std::size_t(yy) * vertical.kernelSize];
        const int ymin = vertical.first[std::size_t(yy)] - rowOffset;
        for (int xx = 0; xx < width; ++xx)
            for (int ch = 0; ch < channels; ++ch) {
                std::int64_t sum = 1 << (PillowPrecisionBits - 1);
                for (int y = 0; y < vertical.count[std::size_t(yy)]; ++y)
                    sum += std::int64_t(source.at(y + ymin, xx, ch)) * k[y];
                output.at(yy, xx, ch) = clip8(sum);
            }
    }
    return output;
}

} // namespace saliscope::engine
