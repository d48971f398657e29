// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/measures/measuretable.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class QSqlDatabase;

namespace saliscope {

class StoreWriter;

/// Streams a run's rows into the project: each rowsReady() call becomes one writer task
/// (committed whole or not at all, batched with its neighbours), queued without waiting for
/// the disk (the writer's bounded queue throttles a producer that runs ahead). Called on the
/// computing thread(s); the writer and `imageIds` (dataset position -> image id) are the
/// store's. The first failure (disk full, columns that differ from the run's) is kept.
class StoreMeasureSink final : public MeasureSink {
public:
    StoreMeasureSink(StoreWriter& writer, std::int64_t runId,
                     std::shared_ptr<const std::vector<std::int64_t>> imageIds);
    void rowsReady(MeasureKind measure, const std::vector<std::string>& columns,
                   const std::vector<MeasureRow>& rows) override;
    /// Ok, or the first failed write so far (a caller stops the run on it).
    Status status() const;

private:
    StoreWriter& m_writer;
    std::int64_t m_runId;
    std::shared_ptr<const std::vector<std::int64_t>> m_imageIds;
    struct State final {
        std::mutex mutex;
        std::string error;
    };
    std::shared_ptr<State> m_state = std::make_shared<State>(); // outlives the sink in queued tasks
};

/// Inserts (or replaces) rows of a run on the writer's connection, fixing the run's columns on
/// the first write and refusing different ones later. Used by the sink and ProjectStore.
Status insertResultRows(QSqlDatabase& database, std::int64_t runId, const std::vector<std::int64_t>& imageIds,
                        const std::vector<std::string>& columns, const std::vector<MeasureRow>& rows);

} // namespace saliscope
