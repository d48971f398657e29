// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset/dataset.h"
#include "core/engine/modelmetadata.h"
#include "core/common/result.h"
#include "core/jobs/progress.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace saliscope::cli {

/// Progress on stderr: a live line on a terminal, one line per tenth otherwise (logs, batch jobs).
class TerminalProgress final : public ProgressSink {
public:
    void progress(std::int64_t done, std::int64_t total) override;
    void message(const std::string& text) override;

private:
    int m_lastTenth = -1;
};

/// One sub-command of saliscope-cli: its name, a one-line summary and its entry point.
struct Command final {
    const char* name;
    const char* summary;
    int (*run)(const QStringList& arguments);
};

int runInfo(const QStringList& arguments);
int runCam(const QStringList& arguments);
int runEntropy(const QStringList& arguments);
int runSsim(const QStringList& arguments);
int runStability(const QStringList& arguments);
int runNoise(const QStringList& arguments);
int runTransform(const QStringList& arguments);
int runDegrade(const QStringList& arguments);
int runMeasure(const QStringList& arguments);
int runProject(const QStringList& arguments);
int runExport(const QStringList& arguments);
int runMerge(const QStringList& arguments);
int runTrain(const QStringList& arguments);
int runDemo(const QStringList& arguments);

/// Prints "saliscope-cli COMMAND: reason" on stderr and returns exit code 1.
int fail(const QString& command, const QString& reason);
/// Prints a usage error and returns exit code 2.
int usageError(const QString& command, const QString& reason);
/// Prints the --version text: the version, LibTorch's, and the licence (GNU style) on stdout.
/// Whether `text` is a device name the options accept: cpu, cuda, cuda:N or auto (whether the
/// device exists is the run's question, not the parser's).
bool isDeviceName(const QString& text);
/// The usage error for a --device value that is no device name.
QString unknownDevice(const QString& text);

void printVersion();
/// Parses arguments with --help and --version; returns false (and sets exitCode) when the
/// command should stop here (help shown, version shown, or a bad option).
bool parseArguments(QCommandLineParser& parser, const QStringList& arguments, const QString& command, int& exitCode);
/// Reads a model metadata file (saliscope.json's format); errors name the file.
Result<engine::ModelMetadata> readMetadataFile(const QString& path);
/// Reads --metadata FILE.json when given; nullopt when absent.
Result<std::optional<engine::ModelMetadata>> metadataOption(const QCommandLineParser& parser);
/// The --metadata option shared by commands that load a model.
QCommandLineOption metadataFileOption();
/// The --classes and --annotations options shared by commands that read datasets.
QCommandLineOption classesOption();
QCommandLineOption annotationsOption();
/// --masks DIR: exact artefact masks, a second kind of annotation.
QCommandLineOption masksOption();
/// --frames, --frame-step, --faces, --face-margin, --face-align, --face-upsample: how videos
/// become frames and whether images become face crops (VideoDatasetParams).
QList<QCommandLineOption> videoOptions();
/// Scans a dataset folder or manifest with the parser's --classes and --annotations (which the
/// parser must have), when `withMasks` its --masks, and when `withVideoOptions` the
/// videoOptions() (kept under `cacheFolder` when not empty: frame indices and face boxes). The
/// entries set aside are listed on stderr, and a line says what became of videos and faces.
Result<Dataset> scanDatasetArgument(const QString& location, const QCommandLineParser& parser, bool withMasks = false,
                                    bool withVideoOptions = false, const std::string& cacheFolder = {});

} // namespace saliscope::cli
