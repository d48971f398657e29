// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/project/datasetlistmodel.h"

#include <QDateTime>
#include <QFont>

namespace saliscope::ui {

DatasetListModel::DatasetListModel(QObject* parent) : QAbstractTableModel(parent) {}

void DatasetListModel::setDatasets(std::vector<StoredDataset> datasets)
{
    beginResetModel();
    m_datasets = std::move(datasets);
    endResetModel();
}

void DatasetListModel::setCurrent(std::int64_t datasetId)
{
    m_current = datasetId;
    if (!m_datasets.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::FontRole});
}

int DatasetListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_datasets.size());
}

int DatasetListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DatasetListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredDataset& dataset = m_datasets[std::size_t(index.row())];
    if (role == DatasetIdRole)
        return qint64(dataset.id);
    if (role == Qt::FontRole && dataset.id == m_current) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(dataset.location);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case LocationColumn: return QString::fromStdString(dataset.title());
    case ImagesColumn: return qint64(dataset.imageCount);
    case CreatedColumn:
        return QDateTime::fromString(QString::fromStdString(dataset.created), Qt::ISODate)
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    default: return {};
    }
}

QVariant DatasetListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LocationColumn: return tr("Dataset");
    case ImagesColumn: return tr("Images");
    case CreatedColumn: return tr("Added");
    default: return {};
    }
}

} // namespace saliscope::ui
