// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/flatmaps.h"

#include "core/measures/measure.h"
#include "core/measures/measuresummary.h"

#include <limits>

namespace saliscope {

FlatMaps::FlatMaps(const std::vector<MeasureTable>& tables)
{
    const MeasureTable* source = findTable(tables, MeasureKind::Predictions);
    if (!source)
        source = findTable(tables, MeasureKind::Entropy);
    if (!source)
        return;
    const int flat = source->column("flat");
    if (flat < 0)
        return;
    for (const auto& row : source->rows)
        if (row.values[std::size_t(flat)] != 0)
            m_flatClean.insert({row.model, row.imageIndex});
}

bool FlatMaps::cleanIsFlat(const std::string& model, std::int64_t image) const
{
    return m_flatClean.count({model, image}) > 0;
}

bool FlatMaps::rowIsFlat(const MeasureTable& table, const MeasureRow& row) const
{
    const int flat = table.column("flat");
    return flat >= 0 && row.values[std::size_t(flat)] != 0;
}

std::vector<int> FlatMaps::excludedColumns(const MeasureTable& table, const MeasureRow& row) const
{
    // Each measure says which of its columns a flat map empties (Measure::flatExcluded); the clean
    // map a row compares with is the model's own, or for a pair (stability) either model's.
    const Measure& measure = measureOf(table.measure);
    bool cleanFlat = false;
    if (measure.source() == RowSource::ModelPairs) {
        if (const auto pair = stabilityPair(row.model))
            cleanFlat = cleanIsFlat(pair->first, row.imageIndex) || cleanIsFlat(pair->second, row.imageIndex);
    } else {
        cleanFlat = cleanIsFlat(row.model, row.imageIndex);
    }
    std::vector<int> columns;
    for (const auto& name : measure.flatExcluded(rowIsFlat(table, row), cleanFlat))
        if (const int c = table.column(name); c >= 0)
            columns.push_back(c);
    return columns;
}

bool FlatMaps::involvesFlatMap(const MeasureTable& table, const MeasureRow& row) const
{
    return !excludedColumns(table, row).empty();
}

std::vector<MeasureTable> FlatMaps::excluded(std::vector<MeasureTable> tables) const
{
    constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    for (auto& table : tables)
        for (auto& row : table.rows)
            for (int c : excludedColumns(table, row))
                row.values[std::size_t(c)] = NaN;
    return tables;
}

} // namespace saliscope
