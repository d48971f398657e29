// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measuretable.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// The one rule for flat maps (Grad-CAM maps with max = min: no defined salience; stored as
/// zeros with `flat = 1`). A value that is read from a flat map means nothing -- its entropy
/// would read as "perfectly focused", the SSIM of two all-zero maps as "perfectly stable" -- so
/// every value that involves a flat map is left out of every aggregate and chart:
///   entropy rows: every entropy and the annotation mass of a flat clean map;
///   noise rows: the entropy of a flat noisy map; both SSIMs when either map is flat;
///   transforms rows: the SSIM when the clean or the transformed map is flat;
///   stability rows: the SSIM when either model's clean map is flat;
///   degradation rows: the SSIM when either map is flat, and the confidence drop when the clean
///   map (the one that guided the blur) is flat.
/// Predictions, scores, accuracies and flips never depend on a map and always count. Stored rows
/// and exported CSVs keep the measured values and the `flat` flag; only aggregates exclude them,
/// and each aggregate reports how many rows it left out (docs/measures.md, "Flat maps").
class FlatMaps final {
public:
    /// Reads which clean maps are flat from the predictions table (or, without one, the
    /// entropy table) of a run set.
    explicit FlatMaps(const std::vector<MeasureTable>& tables);

    /// Whether the clean map of (model, image) is flat.
    bool cleanIsFlat(const std::string& model, std::int64_t image) const;
    /// Whether a row of `table` involves a flat map, so that some of its values are excluded.
    bool involvesFlatMap(const MeasureTable& table, const MeasureRow& row) const;
    /// The columns of `table` whose values in `row` the rule excludes (empty when none).
    std::vector<int> excludedColumns(const MeasureTable& table, const MeasureRow& row) const;

    /// Copies of `tables` with every excluded value set to NaN (every aggregate skips NaN);
    /// idempotent, and the `flat` flags are kept so counts can still be made.
    std::vector<MeasureTable> excluded(std::vector<MeasureTable> tables) const;

private:
    bool rowIsFlat(const MeasureTable& table, const MeasureRow& row) const;

    std::set<std::pair<std::string, std::int64_t>> m_flatClean;
};

} // namespace saliscope
