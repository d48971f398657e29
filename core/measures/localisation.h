// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Localisation of a salience map against a mask (docs/measures.md, "Localisation"): the pointing
// game, relevance mass and rank accuracy, and the map as a pixel detector of the mask (ROC AUC).
#pragma once

#include "core/engine/image.h"

namespace saliscope {

/// How well an 8-bit map (single channel, the upscaled map at the model's input size) points at
/// a mask of the same size (inside: > 127). Every value is NaN when the mask is empty; ties
/// between equal map values count as their expected value under a random order, so no value
/// depends on pixel order.
struct LocalisationScores final {
    /// Pointing game: the share of the map's maximum pixels inside the mask (1 or 0 without
    /// ties at the maximum); NaN when the map is flat (one value everywhere).
    double pointing;
    /// Relevance mass accuracy: the map's sum inside the mask over its sum; NaN for a zero map.
    double mass;
    /// Relevance rank accuracy: of the |mask| most salient pixels, the share inside the mask.
    double rank;
    /// ROC AUC of the map's values as a detector of mask pixels (Mann-Whitney, ties 1/2); NaN
    /// when the mask covers the whole image.
    double auc;

    LocalisationScores();
};

/// The four scores of `map` against `mask` (both single-channel, same size; a larger second
/// channel count uses the first channel).
LocalisationScores localisationScores(const engine::ImageU8& map, const engine::ImageU8& mask);

} // namespace saliscope
