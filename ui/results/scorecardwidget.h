// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

#include <utility>
#include <vector>

class QJsonObject;
class QSortFilterProxyModel;
class QTableView;

namespace saliscope::ui {

class ScorecardModel;

/// The scorecard as a sortable table with a colour scale per column and a line saying how to
/// read it. Clicking a measure's cell asks to show that measure's charts for the row.
class ScorecardWidget final : public QWidget {
    Q_OBJECT

public:
    explicit ScorecardWidget(QWidget* parent = nullptr);

    /// Shows the scorecard of a summary (summarizeMeasures' output).
    void setSummary(const QJsonObject& summary);
    /// Shows one row per model and method from summaries of run sets that differ only by method
    /// (each with its method's name), with the Method column.
    void setSummaries(const std::vector<std::pair<QString, QJsonObject>>& summaries);
    ScorecardModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* view() const { return m_view; }

signals:
    /// A cell of a measure's column was activated: `measure` ("entropy", "noise", ...), the
    /// row's model or family name and whether it is a family.
    void measureActivated(const QString& measure, const QString& name, bool isFamily);

private:
    /// Hides the method and sanity columns when no row has them.
    void updateColumns();

    ScorecardModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
};

} // namespace saliscope::ui
