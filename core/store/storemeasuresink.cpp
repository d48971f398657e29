// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/storemeasuresink.h"

#include "core/store/projectstore.h"
#include "core/store/storeschema.h"
#include "core/store/storewriter.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace saliscope {

Status insertResultRows(QSqlDatabase& database, std::int64_t runId, const std::vector<std::int64_t>& imageIds,
                        const std::vector<std::string>& columns, const std::vector<MeasureRow>& rows)
{
    QSqlQuery query(database);
    query.prepare(QStringLiteral("SELECT name FROM result_columns WHERE run_id = ? ORDER BY position"));
    query.addBindValue(qint64(runId));
    if (!query.exec())
        return Error{StoreSchema::describe(query.lastError(), "cannot read the run's columns")};
    std::vector<std::string> existing;
    while (query.next())
        existing.push_back(query.value(0).toString().toStdString());
    if (existing.empty()) {
        query.prepare(QStringLiteral("INSERT INTO result_columns (run_id, position, name) VALUES (?, ?, ?)"));
        for (std::size_t i = 0; i < columns.size(); ++i) {
            query.addBindValue(qint64(runId));
            query.addBindValue(qint64(i));
            query.addBindValue(QString::fromStdString(columns[i]));
            if (!query.exec())
                return Error{StoreSchema::describe(query.lastError(), "cannot store the run's columns")};
        }
    } else if (existing != columns) {
        return Error{"run " + std::to_string(runId) + " already has other result columns"};
    }
    query.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO results (run_id, image_id, model, variant, vals) VALUES (?, ?, ?, ?, ?)"));
    for (const MeasureRow& row : rows) {
        if (row.imageIndex < 0 || std::size_t(row.imageIndex) >= imageIds.size())
            return Error{"result for image " + std::to_string(row.imageIndex) + " outside the run's dataset"};
        if (row.values.size() != columns.size())
            return Error{"result row with " + std::to_string(row.values.size()) + " values for "
                         + std::to_string(columns.size()) + " columns"};
        const std::string blob = packValues(row.values);
        query.addBindValue(qint64(runId));
        query.addBindValue(qint64(imageIds[std::size_t(row.imageIndex)]));
        query.addBindValue(QString::fromStdString(row.model));
        query.addBindValue(QString::fromStdString(row.variant));
        query.addBindValue(QByteArray(blob.data(), qsizetype(blob.size())));
        if (!query.exec())
            return Error{StoreSchema::describe(query.lastError(), "cannot store results")};
    }
    return Ok{};
}

StoreMeasureSink::StoreMeasureSink(StoreWriter& writer, std::int64_t runId,
                                   std::shared_ptr<const std::vector<std::int64_t>> imageIds)
    : m_writer(writer), m_runId(runId), m_imageIds(std::move(imageIds))
{
}

void StoreMeasureSink::rowsReady(MeasureKind, const std::vector<std::string>& columns,
                                 const std::vector<MeasureRow>& rows)
{
    m_writer.post([runId = m_runId, ids = m_imageIds, columns,
                   rows](QSqlDatabase& database) { return insertResultRows(database, runId, *ids, columns, rows); },
                  [state = m_state](const Status& status) {
                      if (status)
                          return;
                      std::lock_guard lock(state->mutex);
                      if (state->error.empty())
                          state->error = status.error();
                  });
}

Status StoreMeasureSink::status() const
{
    std::lock_guard lock(m_state->mutex);
    if (m_state->error.empty())
        return Ok{};
    return Error{m_state->error};
}

} // namespace saliscope
