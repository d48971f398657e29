// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace saliscope::engine {

/// An 8-bit image, row-major with interleaved channels (3 = RGB, 1 = grey or an 8-bit map).
struct ImageU8 final {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<std::uint8_t> pixels;

    /// A zero-filled image of the given shape.
    static ImageU8 zeros(int width, int height, int channels)
    {
        return ImageU8{width, height, channels, std::vector<std::uint8_t>(std::size_t(width) * height * channels, 0)};
    }
    bool empty() const { return pixels.empty(); }
    std::size_t index(int row, int column, int channel = 0) const
    {
        return (std::size_t(row) * width + column) * channels + channel;
    }
    std::uint8_t at(int row, int column, int channel = 0) const { return pixels[index(row, column, channel)]; }
    std::uint8_t& at(int row, int column, int channel = 0) { return pixels[index(row, column, channel)]; }
    bool operator==(const ImageU8&) const = default;
};

/// A single-channel float map (a Grad-CAM), row-major.
struct MapF32 final {
    int width = 0;
    int height = 0;
    std::vector<float> values;

    float at(int row, int column) const { return values[std::size_t(row) * width + column]; }
};

} // namespace saliscope::engine
