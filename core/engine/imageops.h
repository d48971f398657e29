// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "core/engine/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace saliscope::engine {

/// How a draw seed becomes the flips of one noisy image.
enum class NoiseGenerator {
    /// Value i of the image (row-major, channels last) takes output i + 1 of splitmix64 seeded with
    /// the draw seed, a hash of (seed + (i + 1) * 0x9e3779b97f4a7c15): its high 32 bits decide the
    /// flip, its low 32 bits salt or pepper. Every value is independent of the others, so a device
    /// draws a whole batch at once, with the same result as the CPU. The default since 2026-11.
    Counter,
    /// xoshiro256** seeded by splitmix64(drawSeed), one uniform per value and a second for each
    /// flipped one, in row-major order: inherently sequential. Runs stored before the counter
    /// generator existed used it; they keep it, so resuming them draws the same images.
    Sequential,
};

/// "counter" or "sequential".
const char* noiseGeneratorName(NoiseGenerator generator);

/// Salt-and-pepper settings of measure (b). A draw is defined by (seed, image key, level):
/// noiseDrawSeed() mixes them, and addSaltPepperNoise() expands that seed with the generator.
struct NoiseParams final {
    std::vector<double> levels{0.0, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 1.0};
    double saltVsPepper = 0.5; ///< probability that a flipped value becomes 255 rather than 0
    std::uint64_t seed = 0;
    NoiseGenerator generator = NoiseGenerator::Counter;
};

/// The authors' float round trip (uint8)((v * (1.0/255.0)) * 255.0) in float64: lowers 24 of the 256 values by one.
std::uint8_t noiseRoundTrip(std::uint8_t value);

/// The seed of one draw: splitmix64 mixing of the run seed, the image key (its index or hash) and
/// the level's float64 bits, so adding or reordering levels leaves the other draws unchanged.
std::uint64_t noiseDrawSeed(std::uint64_t seed, std::uint64_t imageKey, double level);

/// Salt-and-pepper noise: each channel value is flipped with probability `amount`; a flipped value
/// becomes 255 with probability saltVsPepper, else 0; the rest go through noiseRoundTrip(). The
/// generator (see NoiseGenerator) turns the draw seed into those choices.
ImageU8 addSaltPepperNoise(const ImageU8& image, double amount, std::uint64_t drawSeed, double saltVsPepper = 0.5,
                           NoiseGenerator generator = NoiseGenerator::Counter);

/// The counter generator's hash for value `index` of a draw: splitmix64's output index + 1.
std::uint64_t noiseCounterHash(std::uint64_t drawSeed, std::uint64_t index);

/// The counter generator's thresholds: a value flips when (hash >> 32) < flipThreshold(amount)
/// and turns to salt when (hash & 0xffffffff) < flipThreshold(saltVsPepper); ceil(p * 2^32).
std::uint64_t noiseThreshold(double probability);

/// The kinds of geometric transformation of measure (c).
enum class TransformKind {
    FlipLeftRight,
    FlipTopBottom,
    Rotate90Clockwise,
    Rotate90CounterClockwise,
    Shift,
};

/// One transformation; dx, dy (pixels, right and down positive) only for Shift.
struct Transform final {
    TransformKind kind = TransformKind::FlipLeftRight;
    int dx = 0;
    int dy = 0;
    bool operator==(const Transform&) const = default;
};

/// Settings of measure (c): the shift step at the reference input size, scaled to other sizes.
struct TransformParams final {
    int shiftAtReferenceSize = 16;
    int referenceSize = 224;
};

/// The shift step for an input size: round(shiftAtReferenceSize * inputSize / referenceSize), halves away from zero.
int shiftStep(int inputSize, const TransformParams& params = {});

/// The twelve transformations in a fixed order: lr, tb, rot90cw, rot90ccw, then the eight shifts
/// (dx, dy) in {-s, 0, s}^2 minus (0, 0), dy outer and dx inner, s = shiftStep(inputSize).
std::vector<Transform> standardTransforms(int inputSize, const TransformParams& params = {});

/// The stable name of a transformation: "lr", "tb", "rot90cw", "rot90ccw" or "shift:DX,DY".
std::string transformName(const Transform& transform);

/// Parses a name written by transformName(); an Error for anything else.
Result<Transform> parseTransform(std::string_view name);

/// Applies a transformation to an image with any number of channels (RGB image or 8-bit map);
/// rotations swap width and height; shifts replicate the border: out(r, c) = in(clamp(r - dy), clamp(c - dx)).
ImageU8 applyTransform(const ImageU8& image, const Transform& transform);

} // namespace saliscope::engine
