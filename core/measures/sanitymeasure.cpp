// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/sanitymeasure.h"

#include <algorithm>
#include <limits>
#include <string>

namespace saliscope {

const std::vector<std::string>& SanityMeasure::columns() const
{
    static const std::vector<std::string> columns{"depth", "randomised", "ssim_small", "spearman", "flat"};
    return columns;
}

MapNeeds SanityMeasure::needs() const
{
    MapNeeds needs;
    needs.ssimSmall = true;
    needs.spearman = true;
    return needs;
}

std::vector<MeasureVariant> SanityMeasure::variants(const MeasureSettings& settings, int, int) const
{
    std::vector<MeasureVariant> variants;
    for (int step = 1; step <= settings.sanity.steps; ++step) {
        MeasureVariant variant;
        variant.name = std::to_string(step);
        variant.cascadeStep = step;
        variants.push_back(variant);
    }
    MeasureVariant logit;
    logit.name = "logit";
    logit.cascadeStep = 0;
    variants.push_back(logit);
    return variants;
}

void SanityMeasure::fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const
{
    constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    row.set("depth", variant.cascadeStep > 0 ? double(variant.cascadeStep) : NaN);
    row.set("randomised", variant.cascadeStep > 0 ? in.randomisedShare : NaN);
    row.set("ssim_small", in.ssimSmall);
    row.set("spearman", in.spearman);
    row.set("flat", in.pass.flat);
}

std::vector<std::string> SanityMeasure::flatExcluded(bool rowFlat, bool cleanFlat) const
{
    // Nothing to compare with a flat clean map; a flat randomised map has no ranks.
    if (cleanFlat)
        return {"ssim_small", "spearman"};
    if (rowFlat)
        return {"spearman"};
    return {};
}

int sanityBlocksAtStep(int step, int steps, int blocks)
{
    if (blocks <= 0 || step <= 0)
        return 0;
    if (steps <= 1 || step >= steps)
        return blocks;
    const int spread = ((step - 1) * (blocks - 1) + (steps - 2)) / (steps - 1); // ceil
    return std::min(blocks, 1 + spread);
}

int randomLogitClass(int predicted, int classes, std::uint64_t imageKey)
{
    if (classes < 2)
        return predicted;
    const int offset = 1 + int(imageKey % std::uint64_t(classes - 1));
    return (predicted + offset) % classes;
}

} // namespace saliscope
