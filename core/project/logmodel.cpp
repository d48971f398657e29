// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/logmodel.h"

#include <QBrush>
#include <QColor>

namespace saliscope {

LogModel::LogModel(QObject* parent) : QAbstractTableModel(parent) {}

void LogModel::append(Level level, const QString& text)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back({QDateTime::currentDateTime(), level, text});
    endInsertRows();
    if (level == Level::Error)
        ++m_errors;
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_errors = 0;
    endResetModel();
}

QString LogModel::text(int row) const
{
    return row >= 0 && row < int(m_entries.size()) ? m_entries[std::size_t(row)].text : QString();
}

int LogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_entries.size()); }

int LogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries[std::size_t(index.row())];
    if (role == LevelRole)
        return int(entry.level);
    if (role == Qt::ForegroundRole && entry.level != Level::Info)
        return QBrush(entry.level == Level::Error ? QColor(200, 40, 40) : QColor(180, 120, 0));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn: return entry.time.toString(QStringLiteral("HH:mm:ss"));
    case LevelColumn:
        return entry.level == Level::Error ? tr("error") : entry.level == Level::Warning ? tr("warning") : tr("info");
    case MessageColumn: return entry.text;
    default: return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case LevelColumn: return tr("Level");
    case MessageColumn: return tr("Message");
    default: return {};
    }
}

} // namespace saliscope
