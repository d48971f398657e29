// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QTableView;

namespace saliscope {
class LogModel;
} // namespace saliscope

namespace saliscope::ui {

/// The session's messages and errors, newest at the bottom; raised when an error arrives.
class LogDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit LogDock(LogModel* log, QWidget* parent = nullptr);
    QTableView* view() const { return m_view; }

private:
    QTableView* m_view;
};

} // namespace saliscope::ui
