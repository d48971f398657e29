// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/stabilitymeasure.h"

namespace saliscope {

const std::vector<std::string>& StabilityMeasure::columns() const
{
    static const std::vector<std::string> columns{"ssim_small"};
    return columns;
}

MapNeeds StabilityMeasure::needs() const
{
    MapNeeds needs;
    needs.ssimSmall = true;
    return needs;
}

void StabilityMeasure::fill(Row& row, const MeasureVariant&, const RowInputs& in) const
{
    row.set("ssim_small", in.ssimSmall);
}

std::vector<std::string> StabilityMeasure::flatExcluded(bool, bool cleanFlat) const
{
    // cleanFlat: either model's clean map
    if (cleanFlat)
        return {"ssim_small"};
    return {};
}

} // namespace saliscope
