// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measure.h"

namespace saliscope {

/// Measure (a): how spread the clean map is (histogram and spatial entropy) and how much of it lies inside a human
/// annotation.
class EntropyMeasure final : public Measure {
public:
    MeasureKind kind() const override { return MeasureKind::Entropy; }
    const char* name() const override { return "entropy"; }
    const std::vector<std::string>& columns() const override;
    RowSource source() const override { return RowSource::CleanPass; }
    MapNeeds needs() const override;
    void fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const override;
    std::vector<std::string> flatExcluded(bool rowFlat, bool cleanFlat) const override;
};

} // namespace saliscope
