// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measurerunner.h"
#include "core/measures/measuretable.h"

#include <QJsonObject>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// The aggregates docs/measures.md lists, computed from a run's per-image tables (so they can be
/// recomputed from stored rows after a resume or a merge): per model accuracy, ROC AUC,
/// confusion matrix, and for each measure its summary statistics, histograms and curves; per
/// family the stability distribution and the K x K mean-SSIM matrix. Labels come from the
/// predictions table. Values that involve a flat map are left out of every aggregate, and each
/// block counts them in `flat_maps` (`flat_pairs` for a family): see FlatMaps. Pure function;
/// any thread.
QJsonObject summarizeMeasures(const std::vector<MeasureTable>& tables, const MeasureSettings& settings,
                              const std::vector<FamilyEntry>& families);

/// The sanity checks pass for a model and method when the mean Spearman correlation of the fully
/// randomised model's maps with its own maps has fallen below this (from 1, the model's own).
constexpr double SanityPassSpearman = 0.5;

/// The one-number-per-measure scorecard row of each model, from a summary:
/// accuracy, roc_auc, mean normalised entropy, noise SSIM area, mean transform SSIM,
/// degradation faithfulness, the sanity checks' final Spearman correlation and verdict
/// (sanity_spearman, sanity_passes) when they ran (and the family's mean stability SSIM where it
/// belongs to one),
/// `flat_maps` (the model's flat clean maps) and `flat_excluded` (per number above, the rows it
/// left out because they involve a flat map).
QJsonObject scorecard(const QJsonObject& summary);

/// The two model names of a stability row's "a|b" model field; nullopt for any other field.
std::optional<std::pair<std::string, std::string>> stabilityPair(const std::string& model);

/// Calls visit(a, b, row) for each stability row of `family` whose two models are both members,
/// with a < b their positions in family.members.
void forEachFamilyPair(const MeasureTable& stability, const FamilyEntry& family,
                       const std::function<void(std::size_t, std::size_t, const MeasureRow&)>& visit);

} // namespace saliscope
