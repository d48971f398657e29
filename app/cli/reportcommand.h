// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace saliscope::cli {

/// The saliscope-report program (app/report) beside this program (the build tree) or in
/// libexec/saliscope/ relative to it (installed); empty when neither exists. `searched` gets the
/// paths looked at.
QString findReportHelper(QStringList* searched = nullptr);

/// `saliscope-cli report ...`: replaces this process with saliscope-report and the same arguments
/// (argv[0] unchanged, so its help and messages name saliscope-cli), which inherits stdin, stdout
/// and stderr and whose exit status becomes this one's. The report's charts need Qt Widgets and a
/// QApplication, which saliscope-cli neither links nor creates. Returns only when the helper is
/// missing or cannot be started: a one-line error and exit code 1.
int runReport(const QStringList& arguments);

} // namespace saliscope::cli
