// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/measuretable.h"

namespace saliscope {

const char* measureName(MeasureKind kind)
{
    switch (kind) {
    case MeasureKind::Predictions: return "predictions";
    case MeasureKind::Entropy: return "entropy";
    case MeasureKind::Noise: return "noise";
    case MeasureKind::Transforms: return "transforms";
    case MeasureKind::Stability: return "stability";
    case MeasureKind::Degradation: return "degradation";
    }
    return "unknown";
}

std::optional<MeasureKind> measureKindNamed(const std::string& name)
{
    for (auto kind : {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Noise, MeasureKind::Transforms,
                      MeasureKind::Stability, MeasureKind::Degradation})
        if (name == measureName(kind))
            return kind;
    return std::nullopt;
}

int MeasureTable::column(const std::string& name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name)
            return int(i);
    return -1;
}

MeasureSink::~MeasureSink() = default;

const MeasureTable* findTable(const std::vector<MeasureTable>& tables, MeasureKind kind)
{
    for (const auto& table : tables)
        if (table.measure == kind)
            return &table;
    return nullptr;
}

} // namespace saliscope
