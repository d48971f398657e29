// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace saliscope {

/// The five measures of Crum et al. 2023, the per-image predictions every run records, and the
/// sanity checks of the salience method (Adebayo et al. 2018).
enum class MeasureKind {
    Predictions,
    Entropy,
    Noise,
    Transforms,
    Stability,
    Degradation,
    Sanity,
    Deletion,
    Insertion,
    Road,
    Localisation,
};

/// Lower-case name used on the command line, in files and in the project store
/// ("predictions", "entropy", "noise", "transforms", "stability", "degradation").
const char* measureName(MeasureKind kind);
/// The measure a stored name (measureName) stands for; nullopt for an unknown name.
std::optional<MeasureKind> measureKindNamed(const std::string& name);

/// One row of a measure's per-image table. `model` names a model, or a pair "a|b" for
/// stability; `variant` is the noise level, transformation or degradation mode ("" if none).
struct MeasureRow final {
    std::int64_t imageIndex = 0; ///< index into the run's dataset records
    std::string model;
    std::string variant;
    std::vector<double> values; ///< one per column of the table (NaN = not defined)
};

/// A measure's per-image results: named numeric columns, rows keyed by (image, model, variant).
struct MeasureTable final {
    MeasureKind measure = MeasureKind::Predictions;
    std::vector<std::string> columns;
    std::vector<MeasureRow> rows;

    /// Index of a column by name, or -1.
    int column(const std::string& name) const;
};

/// The table of `kind` among `tables` (the first), or null when there is none.
const MeasureTable* findTable(const std::vector<MeasureTable>& tables, MeasureKind kind);

/// Receives per-image rows while a run progresses (one call per finished batch); called on
/// the computing thread. The project store and the CLI's CSV writers implement it.
class MeasureSink {
public:
    virtual ~MeasureSink();
    /// Rows of one batch for one measure; `columns` is the same for every call of a measure.
    virtual void rowsReady(MeasureKind measure, const std::vector<std::string>& columns,
                           const std::vector<MeasureRow>& rows) = 0;
};

} // namespace saliscope
