#pragma once

#include "image.h"
#include "result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace saliscope::engine {

/// Salt-and-pepper settings of measure (b). A draw is defined by (seed, image key, level):
/// noiseDrawSeed() mixes them, and addSaltPepperNoise() expands that seed with xoshiro256**.
struct NoiseParams final {
    std::vector<double> levels{0.0, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 1.0};
    double saltVsPepper = 0.5;  ///< probability that a flipped value becomes 255 rather than 0
    std::uint64_t seed = 0;
};

/// The authors' float round trip (uint8)((v * (1.0/255.0)) * 255.0) in float64: lowers 24 of the 256 values by one.
std::uint8_t noiseRoundTrip(std::uint8_t value);

/// The seed of one draw: splitmix64 mixing of the run seed, the image key (its index or hash) and
/// the level's float64 bits, so adding or reordering levels leaves the other draws unchanged.
std::uint64_t noiseDrawSeed(std::uint64_t seed, std::uint64_t imageKey, double level);

/// Salt-and-pepper noise: each channel value, in row-major order, is flipped with probability
/// `amount` (one uniform from xoshiro256** seeded by splitmix64(drawSeed)); a flipped value becomes
/// 255 with probability saltVsPepper (a second uniform) else 0; the rest go through noiseRoundTrip().
ImageU8 addSaltPepperNoise(const ImageU8& image, double amount, std::uint64_t drawSeed, double saltVsPepper = 0.5);

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
