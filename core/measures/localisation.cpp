// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/localisation.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace saliscope {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
}

LocalisationScores::LocalisationScores() : pointing(NaN), mass(NaN), rank(NaN), auc(NaN) {}

LocalisationScores localisationScores(const engine::ImageU8& map, const engine::ImageU8& mask)
{
    // Everything follows from two histograms of the map's levels: inside and outside the mask.
    std::array<double, 256> inside{}, outside{};
    const std::size_t pixels = std::min(std::size_t(map.width) * map.height, std::size_t(mask.width) * mask.height);
    const std::size_t mapStep = std::size_t(std::max(map.channels, 1));
    const std::size_t maskStep = std::size_t(std::max(mask.channels, 1));
    for (std::size_t p = 0; p < pixels; ++p) {
        const std::uint8_t level = map.pixels[p * mapStep];
        if (mask.pixels[p * maskStep] > 127)
            ++inside[level];
        else
            ++outside[level];
    }
    double inCount = 0, outCount = 0, inMass = 0, totalMass = 0;
    for (int level = 0; level < 256; ++level) {
        inCount += inside[std::size_t(level)];
        outCount += outside[std::size_t(level)];
        inMass += level * inside[std::size_t(level)];
        totalMass += level * (inside[std::size_t(level)] + outside[std::size_t(level)]);
    }
    LocalisationScores scores;
    if (inCount == 0)
        return scores;
    int top = 255, bottom = 0;
    while (top > 0 && inside[std::size_t(top)] + outside[std::size_t(top)] == 0)
        --top;
    while (bottom < 255 && inside[std::size_t(bottom)] + outside[std::size_t(bottom)] == 0)
        ++bottom;
    if (top > bottom)
        scores.pointing = inside[std::size_t(top)] / (inside[std::size_t(top)] + outside[std::size_t(top)]);
    if (totalMass > 0)
        scores.mass = inMass / totalMass;
    // Rank: walk the levels down until |mask| pixels are taken; the last level contributes its
    // inside share of the pixels still needed.
    double needed = inCount, hits = 0;
    for (int level = 255; level >= 0 && needed > 0; --level) {
        const double in = inside[std::size_t(level)], all = in + outside[std::size_t(level)];
        if (all == 0)
            continue;
        const double taken = std::min(all, needed);
        hits += taken * in / all;
        needed -= taken;
    }
    scores.rank = hits / inCount;
    if (outCount > 0) {
        // P(map at a mask pixel > map at an outside pixel) + 1/2 P(equal).
        double below = 0, wins = 0;
        for (int level = 0; level < 256; ++level) {
            wins += inside[std::size_t(level)] * (below + 0.5 * outside[std::size_t(level)]);
            below += outside[std::size_t(level)];
        }
        scores.auc = wins / (inCount * outCount);
    }
    return scores;
}

} // namespace saliscope
