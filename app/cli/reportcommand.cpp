// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-cli report: runs saliscope-report (app/report), which writes the PDF, in place of
// this process.

#include "app/cli/reportcommand.h"

#include "app/cli/clicommon.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace saliscope::cli {

namespace {

const QString helperName = QStringLiteral("saliscope-report");

} // namespace

QString findReportHelper(QStringList* searched)
{
    const QDir binDir(QCoreApplication::applicationDirPath());
    // Installed (libexec/saliscope/ relative to bin/) first, then beside saliscope-cli (the build tree).
    const QStringList candidates{QDir::cleanPath(binDir.filePath(QStringLiteral(SALISCOPE_REPORT_HELPER_FROM_BINDIR "/")
                                                                 + helperName)),
                                 binDir.filePath(helperName)};
    if (searched)
        *searched = candidates;
    for (const QString& candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return candidate;
    }
    return {};
}

int runReport(const QStringList& arguments)
{
    const QString name = QStringLiteral("report");
    QStringList searched;
    const QString helper = findReportHelper(&searched);
    if (helper.isEmpty())
        return fail(name,
                    QStringLiteral("cannot find %1 (looked for %2); reinstall Saliscope")
                        .arg(helperName, searched.join(QStringLiteral(" and "))));
    // argv[0] as this program was called (Qt's --help text names it), then the options after
    // `report`.
    std::vector<QByteArray> encoded;
    encoded.push_back(QFile::encodeName(QCoreApplication::arguments().constFirst()));
    for (qsizetype i = 1; i < arguments.size(); ++i)
        encoded.push_back(QFile::encodeName(arguments[i]));
    std::vector<char*> argv;
    for (QByteArray& argument : encoded)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    const QByteArray path = QFile::encodeName(helper);
    std::fflush(nullptr);
    ::execv(path.constData(), argv.data());
    const int error = errno;
    return fail(name, QStringLiteral("cannot run %1: %2").arg(helper, QString::fromLocal8Bit(std::strerror(error))));
}

} // namespace saliscope::cli
