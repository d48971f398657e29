// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-cli run as a user runs it, for the command-line tests (SALISCOPE_CLI names the binary).
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace saliscope::test {

/// What one saliscope-cli process did.
struct Run {
    int exitCode = -1; ///< -1: crashed (or did not finish)
    QString out;
    QString err;
};

/// Runs saliscope-cli with `arguments` to its end (at most `timeoutMs`).
inline Run cli(const QStringList& arguments, int timeoutMs = 300000)
{
    QProcess process;
    process.start(QStringLiteral(SALISCOPE_CLI), arguments);
    process.waitForFinished(timeoutMs);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

/// A file of the repository's reference data (tests/data/reference).
inline QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }
/// A file the build's fixture script made.
inline QString fixture(const QString& relative) { return QStringLiteral(SALISCOPE_FIXTURE_DIR "/") + relative; }

} // namespace saliscope::test
