// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/runs/runlistmodel.h"

#include "core/project/projectsession.h"
#include "core/project/runparameters.h"
#include "core/store/projectstore.h"

#include <QFileInfo>
#include <QLocale>

#include <cmath>

namespace saliscope::ui {

RunListModel::RunListModel(MeasureQueue* queue, ProjectSession* session, QObject* parent)
    : QAbstractTableModel(parent), m_queue(queue), m_session(session)
{
    m_rows = int(queue->runs().size());
    connect(queue, &MeasureQueue::runAdded, this, [this](int row) {
        beginInsertRows({}, row, row);
        m_rows = int(m_queue->runs().size());
        endInsertRows();
    });
    connect(queue, &MeasureQueue::runChanged, this, [this](int row) {
        if (row >= 0 && row < m_rows)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
    connect(queue, &MeasureQueue::runsCleared, this, [this]() {
        beginResetModel();
        m_methods.clear();
        m_rows = int(m_queue->runs().size());
        endResetModel();
    });
}

int RunListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : m_rows; }

int RunListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString RunListModel::durationText(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return {};
    const auto total = qlonglong(std::llround(seconds));
    if (total < 60)
        return tr("%1 s").arg(total);
    if (total < 3600)
        return tr("%1 min %2 s").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(total / 3600).arg((total % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString RunListModel::statusText(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued: return tr("queued");
    case RunStatus::Running: return tr("running");
    case RunStatus::Finished: return tr("finished");
    case RunStatus::Failed: return tr("failed");
    case RunStatus::Cancelled: return tr("cancelled");
    }
    return {};
}

QString RunListModel::methodOf(const QueuedRun& run) const
{
    if (auto it = m_methods.find(run.id); it != m_methods.end())
        return it->second;
    ProjectStore* store = m_session ? m_session->store() : nullptr;
    if (!store || run.runIds.empty())
        return {};
    auto stored = store->run(run.runIds.front());
    if (!stored)
        return {};
    const RunParameters parameters = RunParameters::fromJson(stored->parametersJson);
    const QString title = QString::fromLatin1(engine::camMethodTitle(parameters.settings.method));
    m_methods[run.id] = title;
    return title;
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.row() >= int(m_queue->runs().size()))
        return {};
    const QueuedRun& run = m_queue->runs()[std::size_t(index.row())];
    const std::int64_t all = run.alreadyDone + run.total;
    const std::int64_t done = run.alreadyDone + run.done;
    const int percent = all > 0 ? int(100 * done / all) : (run.status == RunStatus::Finished ? 100 : 0);
    if (role == ProgressRole)
        return percent;
    if (role == RunIdRole)
        return run.id;
    if (role == CancellableRole)
        return run.status == RunStatus::Queued || run.status == RunStatus::Running;
    if (role == Qt::ToolTipRole) {
        if (index.column() == StatusColumn && !run.error.isEmpty())
            return run.error;
        if (index.column() == DatasetColumn)
            return run.dataset;
        if (index.column() == ModelsColumn)
            return run.models;
        if (index.column() == MethodColumn)
            return tr("Salience method of the run's maps");
        return {};
    }
    if (role == Qt::TextAlignmentRole
        && (index.column() == IdColumn || index.column() == RateColumn || index.column() == EtaColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case IdColumn: return run.id;
    case MeasuresColumn: return run.measures;
    case MethodColumn: return methodOf(run);
    case ModelsColumn: return run.models;
    case DatasetColumn: return QFileInfo(run.dataset).fileName();
    case DeviceColumn: return run.device;
    case StatusColumn: return statusText(run.status);
    case ProgressColumn: return tr("%1 / %2").arg(done).arg(all);
    case RateColumn:
        return run.imagesPerSecond > 0 ? QLocale().toString(run.imagesPerSecond, 'f', run.imagesPerSecond < 10 ? 2 : 1)
                                       : QString();
    case EtaColumn: return run.status == RunStatus::Running ? durationText(run.etaSeconds) : QString();
    case StartedColumn: return run.started.isValid() ? run.started.toString(QStringLiteral("HH:mm")) : QString();
    case CancelColumn:
    case ColumnCount: break;
    }
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case IdColumn: return tr("#");
    case MeasuresColumn: return tr("Measures");
    case MethodColumn: return tr("Method");
    case ModelsColumn: return tr("Models");
    case DatasetColumn: return tr("Dataset");
    case DeviceColumn: return tr("Device");
    case StatusColumn: return tr("Status");
    case ProgressColumn: return tr("Progress");
    case RateColumn: return tr("Images/s");
    case EtaColumn: return tr("ETA");
    case StartedColumn: return tr("Started");
    case CancelColumn: return QString();
    case ColumnCount: break;
    }
    return {};
}

SkippedListModel::SkippedListModel(QObject* parent) : QAbstractTableModel(parent) {}

void SkippedListModel::setSkipped(std::vector<std::pair<QString, QString>> skipped)
{
    if (skipped == m_skipped)
        return;
    beginResetModel();
    m_skipped = std::move(skipped);
    endResetModel();
}

int SkippedListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_skipped.size()); }

int SkippedListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : 2; }

QVariant SkippedListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& [image, reason] = m_skipped[std::size_t(index.row())];
    if (role == Qt::DisplayRole)
        return index.column() == 0 ? (image.isEmpty() ? tr("(see reason)") : QFileInfo(image).fileName()) : reason;
    if (role == Qt::ToolTipRole)
        return index.column() == 0 ? image : reason;
    return {};
}

QVariant SkippedListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == 0 ? tr("Image") : tr("Reason");
}

} // namespace saliscope::ui
