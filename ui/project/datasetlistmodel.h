// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/store/storetypes.h"

#include <QAbstractTableModel>

#include <vector>

namespace saliscope::ui {

/// The project's datasets: location, image count, when added; the current one in bold.
class DatasetListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { LocationColumn, ImagesColumn, CreatedColumn, ColumnCount };
    enum Role { DatasetIdRole = Qt::UserRole + 1 };

    explicit DatasetListModel(QObject* parent = nullptr);
    void setDatasets(std::vector<StoredDataset> datasets);
    void setCurrent(std::int64_t datasetId);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<StoredDataset> m_datasets;
    std::int64_t m_current = 0;
};

} // namespace saliscope::ui
