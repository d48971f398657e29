// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-report: the `report` command of saliscope-cli in a process of its own. The report's
// charts are QCustomPlot widgets, which need a QApplication and Qt Widgets; saliscope-cli links
// neither and execs this program for `saliscope-cli report ARGS...` with argv[0] unchanged, so the
// user sees saliscope-cli's name, options, messages and exit codes. Installed to
// libexec/saliscope/, not meant to be run by hand.

#include "app/report/reportcommand.h"

#include "core/engine/runtime.h"

#include <QApplication>

#include <cstdlib>

int main(int argc, char** argv)
{
    // On the offscreen platform when there is no display, so the report runs on servers and in
    // batch jobs.
    const bool display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    if (!display && !std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("saliscope-cli"));
    QCoreApplication::setApplicationVersion(QString::fromStdString(saliscope::engine::saliscopeVersion()));
    saliscope::engine::configureAllocator();
    saliscope::engine::configureThreads();
    QStringList arguments = QCoreApplication::arguments();
    arguments[0] = QStringLiteral("saliscope-cli");
    return saliscope::report::runReportCommand(arguments);
}
