// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace saliscope::demo {

/// Random draws defined here rather than by std::*_distribution, whose algorithms differ between
/// standard libraries: the demo dataset is byte-identical for a seed wherever it is built.
namespace dice {

/// A well-mixed 64-bit value of `value` (splitmix64's finaliser).
inline std::uint64_t mix(std::uint64_t value)
{
    value += 0x9e3779b97f4a7c15ull;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ull;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebull;
    return value ^ (value >> 31);
}

/// The generator for item `index` of stream `stream` under `seed`: independent of other items.
inline std::mt19937_64 generator(std::uint64_t seed, std::uint64_t stream, std::uint64_t index)
{
    return std::mt19937_64(mix(mix(mix(seed) ^ stream) ^ index));
}

/// Uniform in [low, high).
inline double uniform(std::mt19937_64& random, double low, double high)
{
    return low + (high - low) * double(random() >> 11) * 0x1.0p-53;
}

/// Uniform integer in [low, high].
inline int uniformInt(std::mt19937_64& random, int low, int high)
{
    return low + int(random() % std::uint64_t(high - low + 1));
}

/// True with probability `p`.
inline bool chance(std::mt19937_64& random, double p) { return uniform(random, 0, 1) < p; }

/// Normal with mean 0 and standard deviation `sigma` (Box-Muller, one value per call).
inline double normal(std::mt19937_64& random, double sigma)
{
    const double u1 = 1.0 - uniform(random, 0, 1); // (0, 1]
    const double u2 = uniform(random, 0, 1);
    return sigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

} // namespace dice

} // namespace saliscope::demo
