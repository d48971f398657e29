// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measure.h"

#include <cstdint>
#include <vector>

namespace saliscope {

/// Sanity checks of a salience method (Adebayo et al., "Sanity Checks for Saliency Maps", NeurIPS
/// 2018): (a) cascading model-parameter randomisation, the map of a copy of the model whose
/// blocks are re-initialised from the head down, step by step, against the model's own map; (b)
/// the random-logit test, the map of a class other than the predicted one against the predicted
/// class's map. A method that explains the model gives maps that grow less similar as more of
/// the model is randomised (docs/measures.md, "Sanity checks").
class SanityMeasure final : public Measure {
public:
    MeasureKind kind() const override { return MeasureKind::Sanity; }
    const char* name() const override { return "sanity"; }
    const std::vector<std::string>& columns() const override;
    RowSource source() const override { return RowSource::RandomisedModels; }
    /// Asked for by name: it re-runs the model once per step, so "all" leaves it out.
    bool partOfAll() const override { return false; }
    MapNeeds needs() const override;
    std::vector<std::string> csvKeyColumns() const override { return {"image", "label", "model", "step"}; }
    /// Steps "1" .. sanity.steps (MeasureVariant::cascadeStep), then "logit" (cascadeStep 0).
    std::vector<MeasureVariant> variants(const MeasureSettings& settings, int inputWidth,
                                         int inputHeight) const override;
    void fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const override;
    std::vector<std::string> flatExcluded(bool rowFlat, bool cleanFlat) const override;
};

/// How many of a model's `blocks` randomisation blocks (head first) step k of `steps` (1-based)
/// re-initialises: step 1 the head alone, the last step every block, the steps between evenly
/// spaced (1 + ceil((k - 1)(blocks - 1) / (steps - 1))). A model with fewer blocks than steps
/// repeats some depths.
int sanityBlocksAtStep(int step, int steps, int blocks);

/// The class whose map the random-logit test compares with the predicted class's: for two
/// classes the other one; for more, one of the others chosen by the image's noise key.
int randomLogitClass(int predicted, int classes, std::uint64_t imageKey);

} // namespace saliscope
