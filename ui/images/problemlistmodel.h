// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <utility>
#include <vector>

namespace saliscope::ui {

/// Files of a dataset that could not be used, with the reason.
class ProblemListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { PathColumn, ReasonColumn, ColumnCount };

    explicit ProblemListModel(QObject* parent = nullptr);
    void setProblems(std::vector<std::pair<QString, QString>> problems);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<std::pair<QString, QString>> m_problems;
};

} // namespace saliscope::ui
