// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/entropymeasure.h"

namespace saliscope {

const std::vector<std::string>& EntropyMeasure::columns() const
{
    static const std::vector<std::string> columns{"entropy_bits", "normalized_entropy", "spatial_entropy",
                                                  "annotation_mass", "flat"};
    return columns;
}

MapNeeds EntropyMeasure::needs() const
{
    MapNeeds needs;
    needs.histogramEntropy = true;
    needs.spatialEntropy = true;
    needs.annotationMass = true;
    return needs;
}

void EntropyMeasure::fill(Row& row, const MeasureVariant&, const RowInputs& in) const
{
    row.set("entropy_bits", in.entropyBits);
    row.set("normalized_entropy", in.normalizedEntropy);
    row.set("spatial_entropy", in.spatialEntropy);
    row.set("annotation_mass", in.annotationMass);
    row.set("flat", in.clean.flat);
}

std::vector<std::string> EntropyMeasure::flatExcluded(bool rowFlat, bool cleanFlat) const
{
    if (rowFlat || cleanFlat)
        return {"entropy_bits", "normalized_entropy", "spatial_entropy", "annotation_mass"};
    return {};
}

} // namespace saliscope
