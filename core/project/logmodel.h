// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QString>

#include <vector>

namespace saliscope {

/// Messages and errors of the session, newest last; the Log dock shows them.
class LogModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TimeColumn, LevelColumn, MessageColumn, ColumnCount };
    enum class Level { Info, Warning, Error };
    enum Role { LevelRole = Qt::UserRole + 1 };

    explicit LogModel(QObject* parent = nullptr);

    void append(Level level, const QString& text);
    void clear();
    /// The number of Error entries since the model was made or cleared.
    int errorCount() const { return m_errors; }
    /// The text of entry `row`.
    QString text(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        QDateTime time;
        Level level;
        QString text;
    };
    std::vector<Entry> m_entries;
    int m_errors = 0;
};

} // namespace saliscope
