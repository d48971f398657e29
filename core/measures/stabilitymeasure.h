// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measure.h"

namespace saliscope {

/// Measure (d): the SSIM of the clean maps of two models of a family (independent training runs).
class StabilityMeasure final : public Measure {
public:
    MeasureKind kind() const override { return MeasureKind::Stability; }
    const char* name() const override { return "stability"; }
    const std::vector<std::string>& columns() const override;
    RowSource source() const override { return RowSource::ModelPairs; }
    MapNeeds needs() const override;
    std::vector<std::string> csvKeyColumns() const override { return {"image", "label", "models", "family"}; }
    void fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const override;
    std::vector<std::string> flatExcluded(bool rowFlat, bool cleanFlat) const override;
};

} // namespace saliscope
