// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measure.h"

namespace saliscope {

/// Localisation of the clean map against the image's masks (docs/measures.md, "Localisation"):
/// the pointing game, relevance mass accuracy, relevance rank accuracy and the pixel ROC AUC
/// (localisation.h), against the human annotation (annotation_*) and against the exact artefact
/// mask (mask_*). A mask is resized to the model's input size as an image is (Pillow's bilinear)
/// and read as inside above 127; the map is the upscaled 8-bit map the viewer shows. Values are
/// NaN where the image has no such mask or it is empty (a real image's artefact mask).
class LocalisationMeasure final : public Measure {
public:
    MeasureKind kind() const override { return MeasureKind::Localisation; }
    const char* name() const override { return "localisation"; }
    std::vector<std::string> aliases() const override { return {"localization"}; }
    const std::vector<std::string>& columns() const override;
    RowSource source() const override { return RowSource::CleanPass; }
    /// Asked for by name: "all" is the paper's five measures.
    bool partOfAll() const override { return false; }
    MapNeeds needs() const override;
    void fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const override;
    std::vector<std::string> flatExcluded(bool rowFlat, bool cleanFlat) const override;
};

} // namespace saliscope
