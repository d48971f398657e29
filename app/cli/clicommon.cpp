// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clicommon.h"

#include "core/engine/runtime.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace saliscope::cli {

void TerminalProgress::progress(std::int64_t done, std::int64_t total)
{
    if (total <= 0)
        return;
    const int percent = int(100 * done / total);
    if (isatty(fileno(stderr))) {
        std::fprintf(stderr, "\r%lld/%lld images (%d%%)", static_cast<long long>(done), static_cast<long long>(total),
                     percent);
        if (done == total)
            std::fprintf(stderr, "\n");
    } else if (percent / 10 != m_lastTenth || done == total) {
        m_lastTenth = percent / 10;
        std::fprintf(stderr, "%lld/%lld images\n", static_cast<long long>(done), static_cast<long long>(total));
    }
}

void TerminalProgress::message(const std::string& text) { std::fprintf(stderr, "%s\n", text.c_str()); }

int fail(const QString& command, const QString& reason)
{
    std::fprintf(stderr, "saliscope-cli %s: %s\n", qPrintable(command), qPrintable(reason.simplified()));
    return 1;
}

int usageError(const QString& command, const QString& reason)
{
    std::fprintf(stderr, "saliscope-cli %s: %s (see saliscope-cli %s --help)\n", qPrintable(command),
                 qPrintable(reason), qPrintable(command));
    return 2;
}

bool isDeviceName(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(cpu|auto|cuda(:[0-9]+)?)$"));
    return pattern.match(text).hasMatch();
}

QString unknownDevice(const QString& text)
{
    return QStringLiteral("unknown device '%1' (use cpu, cuda, cuda:N or auto)").arg(text);
}

void printVersion()
{
    std::printf("saliscope-cli %s (LibTorch %s)\n"
                "License GPL-3.0-or-later: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
                "This is free software: you are free to change and redistribute it.\n"
                "There is NO WARRANTY, to the extent permitted by law.\n",
                engine::saliscopeVersion().c_str(), engine::torchVersion().c_str());
}

bool parseArguments(QCommandLineParser& parser, const QStringList& arguments, const QString& command, int& exitCode)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version."));
    parser.addOption(help);
    parser.addOption(version);
    if (!parser.parse(arguments)) {
        exitCode = usageError(command, parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText().replace(QStringLiteral("Usage: saliscope-cli"),
                                                        QStringLiteral("Usage: saliscope-cli ") + command)),
                   stdout);
        exitCode = 0;
        return false;
    }
    if (parser.isSet(version)) {
        printVersion();
        exitCode = 0;
        return false;
    }
    return true;
}

QCommandLineOption metadataFileOption()
{
    return QCommandLineOption(QStringLiteral("metadata"),
                              QStringLiteral("Model metadata JSON (as saliscope.json) replacing the archive's."),
                              QStringLiteral("FILE.json"));
}

Result<engine::ModelMetadata> readMetadataFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{"cannot read " + path.toStdString() + ": " + file.errorString().toStdString()};
    auto metadata = engine::ModelMetadata::fromJson(file.readAll().toStdString());
    if (!metadata)
        return Error{path.toStdString() + ": " + metadata.error()};
    return metadata.value();
}

Result<std::optional<engine::ModelMetadata>> metadataOption(const QCommandLineParser& parser)
{
    if (!parser.isSet(QStringLiteral("metadata")))
        return std::optional<engine::ModelMetadata>();
    auto metadata = readMetadataFile(parser.value(QStringLiteral("metadata")));
    if (!metadata)
        return metadata.failure();
    return std::optional<engine::ModelMetadata>(metadata.value());
}

QCommandLineOption classesOption()
{
    return QCommandLineOption(QStringLiteral("classes"),
                              QStringLiteral("Folder or label names to classes, e.g. ffhq=0,stylegan=1."),
                              QStringLiteral("NAME=INDEX,..."));
}

QCommandLineOption annotationsOption()
{
    return QCommandLineOption(QStringLiteral("annotations"),
                              QStringLiteral("Folder of human annotation maps matched by file name."),
                              QStringLiteral("DIR"));
}

QCommandLineOption masksOption()
{
    return QCommandLineOption(QStringLiteral("masks"),
                              QStringLiteral("Folder of exact artefact masks matched by file name (localisation)."),
                              QStringLiteral("DIR"));
}

QList<QCommandLineOption> videoOptions()
{
    return {
        QCommandLineOption(QStringLiteral("frames"),
                           QStringLiteral("Frames taken from each video, spread evenly over it (default 8; 0: every "
                                          "frame)."),
                           QStringLiteral("N")),
        QCommandLineOption(QStringLiteral("frame-step"),
                           QStringLiteral("Take every K-th frame from the first instead (at most --frames of them "
                                          "when given)."),
                           QStringLiteral("K")),
        QCommandLineOption(QStringLiteral("faces"),
                           QStringLiteral("Replace every image and frame by the crop of its largest face (dlib's HOG "
                                          "detector); those without a face are set aside.")),
        QCommandLineOption(QStringLiteral("face-margin"),
                           QStringLiteral("Face crop side as a multiple of the face box (default 1.3, as "
                                          "FaceForensics++)."),
                           QStringLiteral("M")),
        QCommandLineOption(QStringLiteral("face-align"),
                           QStringLiteral("Turn face crops so that the eyes are level (dlib's 68-landmark model, "
                                          "package libdlib-data).")),
        QCommandLineOption(QStringLiteral("face-upsample"),
                           QStringLiteral("Image doublings before face detection: 0 finds faces from about 80 pixels "
                                          "(default), 1 from about 40 (4x slower)."),
                           QStringLiteral("N")),
    };
}

namespace {

/// Reads an integer option within [low, high]; errors name the option.
Status readIntOption(const QCommandLineParser& parser, const QString& name, int low, int high, int& value)
{
    if (!parser.isSet(name))
        return Ok{};
    bool ok = false;
    const int read = parser.value(name).toInt(&ok);
    if (!ok || read < low || read > high)
        return Error{"--" + name.toStdString() + " takes a whole number from " + std::to_string(low) + " to "
                     + std::to_string(high) + ", not '" + parser.value(name).toStdString() + "'"};
    value = read;
    return Ok{};
}

Status readVideoOptions(const QCommandLineParser& parser, VideoDatasetParams& video)
{
    if (auto read = readIntOption(parser, QStringLiteral("frames"), 0, 1000000, video.sampling.frames); !read)
        return read;
    if (auto read = readIntOption(parser, QStringLiteral("frame-step"), 1, 1000000, video.sampling.step); !read)
        return read;
    if (parser.isSet(QStringLiteral("frame-step")) && !parser.isSet(QStringLiteral("frames")))
        video.sampling.frames = 0; // every K-th frame of the whole video
    if (auto read = readIntOption(parser, QStringLiteral("face-upsample"), 0, 3, video.face.upsample); !read)
        return read;
    video.faces = parser.isSet(QStringLiteral("faces"));
    video.face.align = parser.isSet(QStringLiteral("face-align"));
    if (parser.isSet(QStringLiteral("face-margin"))) {
        bool ok = false;
        const double margin = parser.value(QStringLiteral("face-margin")).toDouble(&ok);
        if (!ok || !(margin >= 0.5 && margin <= 10))
            return Error{"--face-margin takes a number from 0.5 to 10, not '"
                         + parser.value(QStringLiteral("face-margin")).toStdString() + "'"};
        video.face.margin = margin;
    }
    if (!video.faces
        && (parser.isSet(QStringLiteral("face-margin")) || video.face.align
            || parser.isSet(QStringLiteral("face-upsample"))))
        return Error{"--face-margin, --face-align and --face-upsample need --faces"};
    return Ok{};
}

} // namespace

Result<Dataset> scanDatasetArgument(const QString& location, const QCommandLineParser& parser, bool withMasks,
                                    bool withVideoOptions, const std::string& cacheFolder)
{
    DatasetSource source{location.toStdString()};
    if (withVideoOptions) {
        if (auto read = readVideoOptions(parser, source.video); !read)
            return read.failure();
        source.video.cacheFolder = cacheFolder;
    }
    if (parser.isSet(QStringLiteral("classes"))) {
        auto mapping = ClassMapping::parse(parser.value(QStringLiteral("classes")).toStdString());
        if (!mapping)
            return mapping.failure();
        source.classes = mapping.value();
    }
    source.annotationFolder = parser.value(QStringLiteral("annotations")).toStdString();
    if (withMasks)
        source.maskFolder = parser.value(QStringLiteral("masks")).toStdString();
    NullProgressSink quiet;
    auto scanned = scanDataset(source, quiet, CancelToken());
    if (!scanned)
        return scanned.failure();
    for (const auto& [path, reason] : scanned->problems)
        std::fprintf(stderr, "dataset: %s: %s\n", path.c_str(), reason.c_str());
    const VideoDatasetStats& stats = scanned->videoStats;
    if (stats.videos > 0)
        std::fprintf(stderr, "dataset: %d videos, %d set aside; %d frames taken\n", stats.videos, stats.skippedVideos,
                     stats.frames);
    if (source.video.faces)
        std::fprintf(stderr, "dataset: %d face crops; %d frames or images without a face set aside\n", stats.faces,
                     stats.noFace);
    return scanned;
}

} // namespace saliscope::cli
