// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measure.h"

namespace saliscope {

/// The per-image predictions every run records: label, predicted class, score, whether right, and whether the clean map
/// is flat.
class PredictionsMeasure final : public Measure {
public:
    MeasureKind kind() const override { return MeasureKind::Predictions; }
    const char* name() const override { return "predictions"; }
    const std::vector<std::string>& columns() const override;
    RowSource source() const override { return RowSource::CleanPass; }
    bool partOfAll() const override { return false; }
    std::vector<std::string> csvKeyColumns() const override { return {"image", "model"}; } // label: a value column
    void fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const override;
    std::vector<std::string> flatExcluded(bool rowFlat, bool cleanFlat) const override;
};

} // namespace saliscope
