// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clicommon.h"

#include "core/demo/demoproject.h"

#include <QDir>

#include <cstdio>

namespace saliscope::cli {

int runDemo(const QStringList& arguments)
{
    const QString name = QStringLiteral("demo");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Build the demo: a face dataset with generator artefacts and human annotations, two families of small "
        "detectors (cross-entropy and CYBORG, several runs each) trained here, and all five measures on the test "
        "split in DIR/demo.saliscope. Re-running reuses what exists."));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Demo folder."), QStringLiteral("DIR"),
                                 QDir::home().filePath(QStringLiteral("saliscope-demo")));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Training runs per family."),
                                  QStringLiteral("K"), QStringLiteral("5"));
    const QCommandLineOption images(QStringLiteral("images-per-class"), QStringLiteral("Images per class."),
                                    QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Training epochs."), QStringLiteral("E"),
                                    QString::number(DemoParams{}.epochs));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the dataset and the runs."),
                                  QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("cpu, cuda, cuda:N or auto."),
                                    QStringLiteral("DEVICE"), QStringLiteral("cpu"));
    const QCommandLineOption videos(
        QStringLiteral("videos"),
        QStringLiteral("Also make short video clips of test faces (DIR/videos) and measure them as a second dataset "
                       "of the project: per-video results."));
    parser.addOptions({out, runs, images, epochs, seed, device, videos});
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    DemoParams params;
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    params.outputDirectory = parser.value(out).toStdString();
    params.runsPerFamily = parser.value(runs).toInt(&ok1);
    params.imagesPerClass = parser.value(images).toInt(&ok2);
    params.epochs = parser.value(epochs).toInt(&ok3);
    params.seed = parser.value(seed).toULongLong(&ok4);
    params.device = parser.value(device).toStdString();
    params.videos = parser.isSet(videos);
    if (!ok1 || !ok2 || !ok3 || !ok4 || params.runsPerFamily < 2 || params.imagesPerClass < 20 || params.epochs < 1)
        return usageError(name, QStringLiteral("--runs >= 2, --images-per-class >= 20, --epochs >= 1, --seed >= 0"));
    TerminalProgress progress;
    auto result = saliscope::runDemo(params, progress, CancelToken());
    if (!result)
        return fail(name, QString::fromStdString(result.error()));
    std::printf("demo project: %s (%s faces, %d models trained now)\n\n", result->projectPath.c_str(),
                result->dataset.source.c_str(), result->modelsTrained);
    std::printf("%-8s %9s %8s %16s %20s %16s\n", "family", "accuracy", "ROC AUC", "mean entropy", "stability (SSIM)",
                "annotation mass");
    for (const auto& [family, f] : result->families)
        std::printf("%-8s %9.3f %8.3f %16.3f %20.3f %16.3f\n", family.c_str(), f.accuracy, f.rocAuc, f.entropy,
                    f.stability, f.annotationMass);
    if (result->videos) {
        std::printf("\nvideos: %d clips of %d frames in %s (the project's second dataset; per-video results in "
                    "its summary.json)\n",
                    result->videos->clips, result->videos->framesPerClip, result->videos->directory.c_str());
        std::printf("%-8s %15s %15s\n", "family", "video accuracy", "video ROC AUC");
        for (const auto& [family, f] : result->families)
            std::printf("%-8s %15.3f %15.3f\n", family.c_str(), f.videoAccuracy, f.videoRocAuc);
    }
    std::printf("\nOpen it with: saliscope %s\n", result->projectPath.c_str());
    return 0;
}

} // namespace saliscope::cli
