// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/measuretable.h"

#include "core/measures/measure.h"

namespace saliscope {

const char* measureName(MeasureKind kind) { return measureOf(kind).name(); }

std::optional<MeasureKind> measureKindNamed(const std::string& name)
{
    for (const Measure* measure : measureRegistry())
        if (name == measure->name())
            return measure->kind();
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
