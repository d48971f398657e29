// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace saliscope::report {

/// `saliscope-cli report PROJECT -o review.pdf [--models a,b] [--measures ...] [--page a4|letter]
/// [--language en|ja]`: writes a review report of a project as PDF. arguments[0] is the program's
/// name, the options follow (as saliscope-cli's other commands receive them). Needs a QApplication.
int runReportCommand(const QStringList& arguments);

} // namespace saliscope::report
