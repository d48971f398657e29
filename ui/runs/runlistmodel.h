// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/measurequeue.h"

#include <QAbstractTableModel>

#include <map>

namespace saliscope {
class ProjectSession;
}

namespace saliscope::ui {

/// The measure queue's runs as a table: id, measures, salience method (read from the stored
/// run's parameters, given the session), models, dataset, device, status, progress
/// (ProgressRole: 0..100 for the bar), images/s, ETA, started, and an empty column where the
/// jobs dock puts a cancel button. Follows the queue's signals.
class RunListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        MeasuresColumn,
        MethodColumn,
        ModelsColumn,
        DatasetColumn,
        DeviceColumn,
        StatusColumn,
        ProgressColumn,
        RateColumn,
        EtaColumn,
        StartedColumn,
        CancelColumn,
        ColumnCount
    };
    enum Role { ProgressRole = Qt::UserRole + 1, RunIdRole, CancellableRole };

    /// Without a session the method column stays empty.
    explicit RunListModel(MeasureQueue* queue, ProjectSession* session = nullptr, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "12:05" style durations: "42 s", "3 min 20 s", "2 h 05 min"; "" for an unknown (negative) time.
    static QString durationText(double seconds);
    /// The status as shown ("queued", "running", ...), translated.
    static QString statusText(RunStatus status);

private:
    /// The title of the salience method the run's stored parameters name ("" when unknown).
    QString methodOf(const QueuedRun& run) const;

    MeasureQueue* m_queue;
    ProjectSession* m_session;
    int m_rows = 0;
    mutable std::map<int, QString> m_methods; ///< by queue entry id, once read
};

/// The skipped images of one run, with the reasons: columns Image, Reason.
class SkippedListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit SkippedListModel(QObject* parent = nullptr);
    void setSkipped(std::vector<std::pair<QString, QString>> skipped);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<std::pair<QString, QString>> m_skipped;
};

} // namespace saliscope::ui
