// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/localisationmeasure.h"

namespace saliscope {

const std::vector<std::string>& LocalisationMeasure::columns() const
{
    static const std::vector<std::string> columns{"annotation_pointing", "annotation_mass", "annotation_rank",
                                                  "annotation_auc",      "mask_pointing",   "mask_mass",
                                                  "mask_rank",           "mask_auc",        "flat"};
    return columns;
}

MapNeeds LocalisationMeasure::needs() const
{
    MapNeeds needs;
    needs.localisation = true;
    return needs;
}

void LocalisationMeasure::fill(Row& row, const MeasureVariant&, const RowInputs& in) const
{
    row.set("annotation_pointing", in.annotationLocalisation.pointing);
    row.set("annotation_mass", in.annotationLocalisation.mass);
    row.set("annotation_rank", in.annotationLocalisation.rank);
    row.set("annotation_auc", in.annotationLocalisation.auc);
    row.set("mask_pointing", in.maskLocalisation.pointing);
    row.set("mask_mass", in.maskLocalisation.mass);
    row.set("mask_rank", in.maskLocalisation.rank);
    row.set("mask_auc", in.maskLocalisation.auc);
    row.set("flat", in.clean.flat);
}

std::vector<std::string> LocalisationMeasure::flatExcluded(bool rowFlat, bool cleanFlat) const
{
    if (rowFlat || cleanFlat)
        return {"annotation_pointing", "annotation_mass", "annotation_rank", "annotation_auc",
                "mask_pointing",       "mask_mass",       "mask_rank",       "mask_auc"};
    return {};
}

} // namespace saliscope
