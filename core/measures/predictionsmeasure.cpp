// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/predictionsmeasure.h"

#include "core/measures/measurerunner.h"

namespace saliscope {

const std::vector<std::string>& PredictionsMeasure::columns() const
{
    static const std::vector<std::string> columns{"label", "predicted_class", "score", "correct", "flat"};
    return columns;
}

void PredictionsMeasure::fill(Row& row, const MeasureVariant&, const RowInputs& in) const
{
    row.set("label", in.label);
    row.set("predicted_class", in.clean.predicted);
    row.set("score", in.clean.score);
    row.set("correct", correctOf(in.clean.predicted, in.label));
    row.set("flat", in.clean.flat);
}

std::vector<std::string> PredictionsMeasure::flatExcluded(bool, bool) const
{
    return {}; // predictions never depend on a map
}

} // namespace saliscope
