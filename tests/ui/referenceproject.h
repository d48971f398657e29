// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Fixtures of the GUI tests: QSettings isolated per test program, and a small project made from
// the reference faces and the two reference models (tiny_densenet, tiny_resnet).

#include "core/dataset/dataset.h"
#include "core/project/projectrun.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QStringList>

#include <set>
#include <string>

namespace saliscope::ui::testing {

inline QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

/// Test-mode standard paths and empty settings of their own for the test program `name`.
inline void isolateSettings(const char* name)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SaliscopeTest"));
    QCoreApplication::setApplicationName(QString::fromLatin1(name));
    QSettings().clear();
}

/// Copies ffhq_00001 into ROOT/faces/real and the reference faces `fakes` (file names without
/// .png) into ROOT/faces/fake, then scans ROOT/faces. An error names what failed.
inline Result<Dataset> referenceFaces(const QDir& root, const QStringList& fakes)
{
    root.mkpath(QStringLiteral("faces/real"));
    root.mkpath(QStringLiteral("faces/fake"));
    if (!QFile::copy(reference(QStringLiteral("faces/ffhq_00001.png")),
                     root.filePath(QStringLiteral("faces/real/ffhq_00001.png"))))
        return Error{"cannot copy ffhq_00001.png"};
    for (const QString& face : fakes)
        if (!QFile::copy(reference(QStringLiteral("faces/%1.png").arg(face)),
                         root.filePath(QStringLiteral("faces/fake/%1.png").arg(face))))
            return Error{"cannot copy " + face.toStdString()};
    NullProgressSink progress;
    return scanDataset({root.filePath(QStringLiteral("faces")).toStdString()}, progress, CancelToken());
}

/// Runs `measures` of the two reference models over `dataset` into `project` (batch `batch`).
inline Result<ProjectRunResult> runReferenceModels(const Dataset& dataset, const std::set<MeasureKind>& measures,
                                                   const QString& project, int batch, MeasureRunParams* used = nullptr)
{
    MeasureRunParams params;
    params.dataset = dataset;
    params.measures = measures;
    params.models = {{"tiny_densenet", reference(QStringLiteral("models/tiny_densenet.pt")).toStdString(), {}, {}},
                     {"tiny_resnet", reference(QStringLiteral("models/tiny_resnet.pt")).toStdString(), {}, {}}};
    params.batchSize = batch;
    if (used)
        *used = params;
    NullProgressSink progress;
    return runMeasuresInProject(params, project.toStdString(), Shard{}, nullptr, progress, CancelToken());
}

} // namespace saliscope::ui::testing
