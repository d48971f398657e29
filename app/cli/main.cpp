// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-cli: the headless twin of Saliscope. Each sub-command lives in its own file.

#include "app/cli/clicommon.h"
#include "app/cli/reportcommand.h"

#include "core/engine/runtime.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

using saliscope::cli::Command;

const Command commands[] = {
    {"info", "Show a model's metadata, detected architecture and CAM layer", saliscope::cli::runInfo},
    {"cam", "Write Grad-CAM maps of images and a CSV of predictions", saliscope::cli::runCam},
    {"entropy", "Entropy of salience map files", saliscope::cli::runEntropy},
    {"ssim", "SSIM between maps of the same name in two folders", saliscope::cli::runSsim},
    {"stability", "Pairwise SSIM across K folders of maps (training runs)", saliscope::cli::runStability},
    {"noise", "Salt-and-pepper noise of measure (b) on one image", saliscope::cli::runNoise},
    {"transform", "A geometric transformation of measure (c) on one image", saliscope::cli::runTransform},
    {"degrade", "Salience-guided blur of measure (e) on one image", saliscope::cli::runDegrade},
    {"measure", "Run the salience measures over a dataset", saliscope::cli::runMeasure},
    {"project", "List a project's datasets, models and runs", saliscope::cli::runProject},
    {"export", "Write a run of a project as CSV", saliscope::cli::runExport},
    {"merge", "Merge projects (shards) into one", saliscope::cli::runMerge},
    {"train", "Train a small detector (cross-entropy or CYBORG) with LibTorch", saliscope::cli::runTrain},
    {"demo", "Build the demo dataset, model families and project", saliscope::cli::runDemo},
    {"report", "Write a project's review report as PDF", saliscope::cli::runReport},
};

void printUsage(std::FILE* stream)
{
    std::fprintf(stream, "Usage: saliscope-cli COMMAND [OPTIONS] [ARGUMENTS]\n\nCommands:\n");
    for (const auto& command : commands)
        std::fprintf(stream, "  %-12s %s\n", command.name, command.summary);
    std::fprintf(stream, "\nsaliscope-cli COMMAND --help shows a command's options.\n");
}

} // namespace

int main(int argc, char** argv)
{
    // A QCoreApplication for every command: `report`, whose charts need widgets, runs in
    // saliscope-report (app/cli/reportcommand.cpp).
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("saliscope-cli"));
    QCoreApplication::setApplicationVersion(QString::fromStdString(saliscope::engine::saliscopeVersion()));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h")) {
        printUsage(arguments.size() < 2 ? stderr : stdout);
        return arguments.size() < 2 ? 2 : 0;
    }
    if (arguments[1] == QLatin1String("--version")) {
        saliscope::cli::printVersion();
        return 0;
    }
    for (const auto& command : commands) {
        if (arguments[1] == QLatin1String(command.name)) {
            saliscope::engine::configureAllocator();
            saliscope::engine::configureThreads();
            QStringList rest = arguments.mid(2);
            rest.prepend(QStringLiteral("saliscope-cli"));
            return command.run(rest);
        }
    }
    std::fprintf(stderr, "saliscope-cli: unknown command '%s'\n", qPrintable(arguments[1]));
    printUsage(stderr);
    return 2;
}
