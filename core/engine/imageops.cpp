// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/imageops.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>

namespace saliscope::engine {

namespace {

std::uint64_t splitmix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// xoshiro256** 1.0 (Blackman and Vigna), seeded from splitmix64 as its authors recommend.
class Xoshiro256StarStar final {
public:
    explicit Xoshiro256StarStar(std::uint64_t seed)
    {
        for (std::uint64_t& word : m_state)
            word = splitmix64(seed);
    }
    std::uint64_t next()
    {
        const std::uint64_t result = std::rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = std::rotl(m_state[3], 45);
        return result;
    }
    /// A uniform double in [0, 1) from the top 53 bits.
    double uniform() { return double(next() >> 11) * 0x1p-53; }

private:
    std::array<std::uint64_t, 4> m_state{};
};

std::array<std::uint8_t, 256> makeRoundTripTable()
{
    std::array<std::uint8_t, 256> table{};
    for (int v = 0; v < 256; ++v) {
        const double scaled = double(v) * (1.0 / 255.0);      // skimage img_as_float
        table[std::size_t(v)] = std::uint8_t(scaled * 255.0); // (out * 255).astype(uint8): truncation
    }
    return table;
}

} // namespace

std::uint8_t noiseRoundTrip(std::uint8_t value)
{
    static const std::array<std::uint8_t, 256> table = makeRoundTripTable();
    return table[value];
}

std::uint64_t noiseDrawSeed(std::uint64_t seed, std::uint64_t imageKey, double level)
{
    std::uint64_t state = seed;
    std::uint64_t mixed = splitmix64(state);
    state = mixed ^ imageKey;
    mixed = splitmix64(state);
    state = mixed ^ std::bit_cast<std::uint64_t>(level);
    return splitmix64(state);
}

const char* noiseGeneratorName(NoiseGenerator generator)
{
    return generator == NoiseGenerator::Sequential ? "sequential" : "counter";
}

std::uint64_t noiseCounterHash(std::uint64_t drawSeed, std::uint64_t index)
{
    std::uint64_t state = drawSeed + index * 0x9e3779b97f4a7c15ULL;
    return splitmix64(state);
}

std::uint64_t noiseThreshold(double probability)
{
    if (!(probability > 0))
        return 0;
    if (probability >= 1)
        return std::uint64_t(1) << 32;
    return std::uint64_t(std::ceil(std::ldexp(probability, 32)));
}

ImageU8 addSaltPepperNoise(const ImageU8& image, double amount, std::uint64_t drawSeed, double saltVsPepper,
                           NoiseGenerator generator)
{
    ImageU8 out = image;
    if (generator == NoiseGenerator::Counter) {
        const std::uint64_t flipBelow = noiseThreshold(amount);
        const std::uint64_t saltBelow = noiseThreshold(saltVsPepper);
        for (std::size_t i = 0; i < out.pixels.size(); ++i) {
            const std::uint64_t hash = noiseCounterHash(drawSeed, i);
            std::uint8_t& value = out.pixels[i];
            if ((hash >> 32) < flipBelow)
                value = (hash & 0xffffffffULL) < saltBelow ? 255 : 0;
            else
                value = noiseRoundTrip(value);
        }
        return out;
    }
    Xoshiro256StarStar sequence(drawSeed);
    for (std::uint8_t& value : out.pixels) {
        if (sequence.uniform() < amount)
            value = sequence.uniform() < saltVsPepper ? 255 : 0;
        else
            value = noiseRoundTrip(value);
    }
    return out;
}

int shiftStep(int inputSize, const TransformParams& params)
{
    if (params.referenceSize <= 0)
        return params.shiftAtReferenceSize;
    return int(std::lround(double(params.shiftAtReferenceSize) * inputSize / params.referenceSize));
}

std::vector<Transform> standardTransforms(int inputSize, const TransformParams& params)
{
    std::vector<Transform> out{{TransformKind::FlipLeftRight},
                               {TransformKind::FlipTopBottom},
                               {TransformKind::Rotate90Clockwise},
                               {TransformKind::Rotate90CounterClockwise}};
    const int s = shiftStep(inputSize, params);
    for (const int dy : {-s, 0, s})
        for (const int dx : {-s, 0, s})
            if (dx != 0 || dy != 0)
                out.push_back({TransformKind::Shift, dx, dy});
    return out;
}

std::string transformName(const Transform& transform)
{
    switch (transform.kind) {
    case TransformKind::FlipLeftRight: return "lr";
    case TransformKind::FlipTopBottom: return "tb";
    case TransformKind::Rotate90Clockwise: return "rot90cw";
    case TransformKind::Rotate90CounterClockwise: return "rot90ccw";
    case TransformKind::Shift: return "shift:" + std::to_string(transform.dx) + "," + std::to_string(transform.dy);
    }
    return {};
}

namespace {

bool parseInt(std::string_view text, int& value)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace

Result<Transform> parseTransform(std::string_view name)
{
    if (name == "lr")
        return Transform{TransformKind::FlipLeftRight};
    if (name == "tb")
        return Transform{TransformKind::FlipTopBottom};
    if (name == "rot90cw")
        return Transform{TransformKind::Rotate90Clockwise};
    if (name == "rot90ccw")
        return Transform{TransformKind::Rotate90CounterClockwise};
    constexpr std::string_view prefix = "shift:";
    if (name.substr(0, prefix.size()) == prefix) {
        const std::string_view rest = name.substr(prefix.size());
        const std::size_t comma = rest.find(',');
        Transform shift{TransformKind::Shift};
        if (comma != std::string_view::npos && parseInt(rest.substr(0, comma), shift.dx)
            && parseInt(rest.substr(comma + 1), shift.dy))
            return shift;
    }
    return Error{"Unknown transformation \"" + std::string(name)
                 + "\" (expected lr, tb, rot90cw, rot90ccw or shift:DX,DY)."};
}

ImageU8 applyTransform(const ImageU8& image, const Transform& transform)
{
    const int w = image.width;
    const int h = image.height;
    const int ch = image.channels;
    const bool rotates = transform.kind == TransformKind::Rotate90Clockwise
        || transform.kind == TransformKind::Rotate90CounterClockwise;
    ImageU8 out = ImageU8::zeros(rotates ? h : w, rotates ? w : h, ch);
    if (image.pixels.empty())
        return out;
    for (int r = 0; r < out.height; ++r)
        for (int c = 0; c < out.width; ++c) {
            int sr = r;
            int sc = c;
            switch (transform.kind) {
            case TransformKind::FlipLeftRight: sc = w - 1 - c; break;
            case TransformKind::FlipTopBottom: sr = h - 1 - r; break;
            case TransformKind::Rotate90Clockwise: // top row of the output = left column read upwards
                sr = h - 1 - c;
                sc = r;
                break;
            case TransformKind::Rotate90CounterClockwise: // top row of the output = right column read downwards
                sr = c;
                sc = w - 1 - r;
                break;
            case TransformKind::Shift:
                sr = std::clamp(r - transform.dy, 0, h - 1);
                sc = std::clamp(c - transform.dx, 0, w - 1);
                break;
            }
            std::copy_n(&image.pixels[image.index(sr, sc)], ch, &out.pixels[out.index(r, c)]);
        }
    return out;
}

} // namespace saliscope::engine
