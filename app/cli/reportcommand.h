// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace saliscope::cli {

/// True when the sub-command in argv needs a QApplication (widgets: the report's charts).
bool needsWidgetApplication(int argc, char** argv);
/// A QApplication, on the offscreen platform when there is no display (so the report runs on
/// servers and in batch jobs).
std::unique_ptr<QCoreApplication> makeWidgetApplication(int& argc, char** argv);

/// `saliscope-cli report PROJECT -o review.pdf [--models a,b] [--measures ...] [--page a4|letter]
/// [--language en|ja]`: writes a review report of a project as PDF.
int runReport(const QStringList& arguments);

} // namespace saliscope::cli
