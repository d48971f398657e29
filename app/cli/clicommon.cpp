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

Result<Dataset> scanDatasetArgument(const QString& location, const QCommandLineParser& parser, bool withMasks)
{
    DatasetSource source{location.toStdString()};
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
    return scanned;
}

} // namespace saliscope::cli
