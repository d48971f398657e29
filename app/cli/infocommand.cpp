// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clicommon.h"

#include "core/cam/mapmaker.h"
#include "core/engine/model.h"

#include <cstdio>

namespace saliscope::cli {

int runInfo(const QStringList& arguments)
{
    const QString name = QStringLiteral("info");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show a model's metadata, detected architecture and CAM layer."));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("TorchScript model file."),
                                   QStringLiteral("M.pt"));
    const QCommandLineOption layer(QStringLiteral("layer"), QStringLiteral("CAM layer (default: the model's)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("cpu, cuda, cuda:N or auto."),
                                    QStringLiteral("DEVICE"), QStringLiteral("cpu"));
    parser.addOptions({model, layer, device, metadataFileOption()});
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    if (!parser.isSet(model))
        return usageError(name, QStringLiteral("--model is required"));
    auto metadata = metadataOption(parser);
    if (!metadata)
        return fail(name, QString::fromStdString(metadata.error()));

    if (!isDeviceName(parser.value(device)))
        return usageError(name, unknownDevice(parser.value(device)));
    engine::ModelLoadOptions options;
    options.layer = parser.value(layer).toStdString();
    options.device = parser.value(device).toStdString();
    options.metadata = metadata.value();
    auto loaded = loadModel(parser.value(model).toStdString(), options);
    if (!loaded)
        return fail(name, QString::fromStdString(loaded.error()));
    const auto& m = *loaded.value();
    const auto& meta = m.metadata();
    auto joined = [](const std::vector<std::string>& items) {
        std::string text;
        for (const auto& item : items)
            text += (text.empty() ? "" : ", ") + item;
        return text;
    };
    std::printf("file           %s\n", m.path().c_str());
    std::printf("kind           %s\n", engine::modelKindName(m.kind()));
    std::printf("cam layer      %s (%dx%d map%s, %d channels)\n", m.camLayer().c_str(), m.mapWidth(), m.mapHeight(),
                m.tokenLayer() ? " of tokens" : "", m.featureChannels());
    std::printf("input size     %dx%d\n", meta.inputWidth, meta.inputHeight);
    std::printf("mean           %.4g, %.4g, %.4g\n", meta.mean[0], meta.mean[1], meta.mean[2]);
    std::printf("std            %.4g, %.4g, %.4g\n", meta.std[0], meta.std[1], meta.std[2]);
    std::printf("classes        %s (positive: %s)\n", joined(meta.classNames).c_str(),
                meta.classNames.at(std::size_t(meta.positiveClass)).c_str());
    if (m.singleLogit())
        std::printf("output         one logit z (sigmoid): %s when z > 0\n", meta.classNames.at(1).c_str());
    else
        std::printf("output         %d logits (softmax)\n", m.classCount());
    std::printf("architecture   %s\n", meta.architecture.empty() ? "(unknown)" : meta.architecture.c_str());
    std::printf("loss           %s\n", meta.loss.empty() ? "(unknown)" : meta.loss.c_str());
    std::printf("run            %s\n", meta.run < 0 ? "(unknown)" : std::to_string(meta.run).c_str());
    std::printf("metadata       %s\n",
                options.metadata       ? "from --metadata"
                    : meta.fromArchive ? "from saliscope.json in the archive"
                                       : "defaults (no saliscope.json in the archive)");
    std::printf("device         %s\n", m.deviceName().c_str());
    for (const auto& note : m.notes())
        std::printf("note           %s\n", note.c_str());
    return 0;
}

} // namespace saliscope::cli
