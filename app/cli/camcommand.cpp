// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clicommon.h"

#include "core/cam/camrunner.h"

#include <cstdio>

namespace saliscope::cli {

int runCam(const QStringList& arguments)
{
    const QString name = QStringLiteral("cam");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write one 8-bit salience map PNG per image (named after the image) and DIR/cams.csv; with "
                       "several --method, DIR/<method>/ for each."));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("TorchScript model file."),
                                   QStringLiteral("M.pt"));
    const QCommandLineOption layer(QStringLiteral("layer"), QStringLiteral("CAM layer (default: the model's)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption upscaled(QStringLiteral("upscaled"),
                                      QStringLiteral("Write maps upscaled to the input size (Pillow bicubic)."));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("cpu, cuda, cuda:N or auto."),
                                    QStringLiteral("DEVICE"), QStringLiteral("cpu"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Images per batch."), QStringLiteral("N"),
                                   QStringLiteral("16"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR"));
    const QCommandLineOption method(QStringLiteral("method"),
                                    QStringLiteral("Salience methods, comma-separated (default gradcam): gradcam, "
                                                   "hirescam, gradcampp, xgradcam, layercam, eigencam, scorecam; "
                                                   "all from one forward pass."),
                                    QStringLiteral("METHODS"), QStringLiteral("gradcam"));
    parser.addOptions({model, layer, upscaled, device, batch, out, method, metadataFileOption()});
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Image files or folders."),
                                 QStringLiteral("INPUT..."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    if (!parser.isSet(model))
        return usageError(name, QStringLiteral("--model is required"));
    if (!parser.isSet(out))
        return usageError(name, QStringLiteral("--out is required"));
    if (parser.positionalArguments().isEmpty())
        return usageError(name, QStringLiteral("give at least one image or folder"));
    bool numeric = false;
    const int batchSize = parser.value(batch).toInt(&numeric);
    if (!numeric || batchSize < 1)
        return usageError(name, QStringLiteral("--batch must be a positive integer"));
    auto metadata = metadataOption(parser);
    if (!metadata)
        return fail(name, QString::fromStdString(metadata.error()));

    if (!isDeviceName(parser.value(device)))
        return usageError(name, unknownDevice(parser.value(device)));
    auto methods = engine::parseCamMethodList(parser.value(method).toStdString());
    if (!methods)
        return usageError(name, QString::fromStdString(methods.error()));
    CamRunParams params;
    params.methods = methods.value();
    params.modelPath = parser.value(model).toStdString();
    params.layer = parser.value(layer).toStdString();
    params.device = parser.value(device).toStdString();
    params.batchSize = batchSize;
    params.upscaled = parser.isSet(upscaled);
    params.outputDirectory = parser.value(out).toStdString();
    params.metadata = metadata.value();
    for (const auto& input : parser.positionalArguments())
        params.inputs.push_back(input.toStdString());
    TerminalProgress progress;
    auto result = saliscope::runCam(params, progress, CancelToken());
    if (!result)
        return fail(name, QString::fromStdString(result.error()));
    std::fprintf(stderr, "%d maps written to %s (%d flat), %zu images skipped; predictions in %s\n",
                 result->mapsWritten, params.outputDirectory.c_str(), result->flatMaps, result->skipped.size(),
                 result->csvPath.c_str());
    return result->mapsWritten > 0 ? 0 : 1;
}

} // namespace saliscope::cli
