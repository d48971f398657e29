// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/flatmaps.h"

#include "core/measures/measuresummary.h"

#include <limits>

namespace saliscope {

namespace {

/// Appends the positions of the named columns that `table` has.
void addColumns(const MeasureTable& table, std::initializer_list<const char*> names, std::vector<int>& out)
{
    for (const char* name : names)
        if (const int c = table.column(name); c >= 0)
            out.push_back(c);
}

} // namespace

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
    std::vector<int> columns;
    switch (table.measure) {
    case MeasureKind::Predictions: break;
    case MeasureKind::Entropy:
        if (rowIsFlat(table, row) || cleanIsFlat(row.model, row.imageIndex))
            addColumns(table, {"entropy_bits", "normalized_entropy", "spatial_entropy", "annotation_mass"}, columns);
        break;
    case MeasureKind::Noise: {
        const bool own = rowIsFlat(table, row);
        if (own)
            addColumns(table, {"normalized_entropy"}, columns);
        if (own || cleanIsFlat(row.model, row.imageIndex))
            addColumns(table, {"ssim_small", "ssim_upscaled"}, columns);
        break;
    }
    case MeasureKind::Transforms:
        if (rowIsFlat(table, row) || cleanIsFlat(row.model, row.imageIndex))
            addColumns(table, {"ssim_upscaled"}, columns);
        break;
    case MeasureKind::Stability:
        if (const auto pair = stabilityPair(row.model))
            if (cleanIsFlat(pair->first, row.imageIndex) || cleanIsFlat(pair->second, row.imageIndex))
                addColumns(table, {"ssim_small"}, columns);
        break;
    case MeasureKind::Degradation: {
        const bool clean = cleanIsFlat(row.model, row.imageIndex);
        if (clean)
            addColumns(table, {"confidence_drop"}, columns);
        if (clean || rowIsFlat(table, row))
            addColumns(table, {"ssim_upscaled"}, columns);
        break;
    }
    }
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
