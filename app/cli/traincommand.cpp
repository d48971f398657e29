// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clicommon.h"

#include "core/dataset/dataset.h"
#include "core/dataset/imageio.h"
#include "core/dataset/trainingset.h"
#include "core/engine/runtime.h"
#include "core/engine/trainer.h"

#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <cstdio>
#include <unistd.h>

namespace saliscope::cli {

namespace {

/// Batch progress on one rewritten line when stderr is a terminal; one line per epoch always.
class TrainTerminalProgress final : public engine::TrainProgress {
public:
    explicit TrainTerminalProgress(int epochs) : m_epochs(epochs), m_terminal(isatty(fileno(stderr)) != 0) {}

    void batchDone(int epoch, int batch, int batchCount, double loss, double accuracy) override
    {
        if (m_terminal)
            std::fprintf(stderr, "\repoch %d/%d  batch %d/%d  loss %.4f  accuracy %.3f", epoch, m_epochs, batch,
                         batchCount, loss, accuracy);
    }

    void epochDone(const engine::EpochReport& report) override
    {
        if (m_terminal)
            std::fprintf(stderr, "\r\033[K");
        std::fprintf(stderr, "epoch %d/%d  loss %.4f  accuracy %.3f", report.epoch, m_epochs, report.trainLoss,
                     report.trainAccuracy);
        if (!std::isnan(report.trainCamError))
            std::fprintf(stderr, "  cam error %.4f", report.trainCamError);
        if (!std::isnan(report.validationAccuracy)) {
            std::fprintf(stderr, "  |  validation loss %.4f  accuracy %.3f", report.validationLoss,
                         report.validationAccuracy);
            if (!std::isnan(report.validationCamError))
                std::fprintf(stderr, "  cam error %.4f", report.validationCamError);
        }
        std::fprintf(stderr, "  (%.1f s)\n", report.seconds);
    }

private:
    int m_epochs;
    bool m_terminal;
};

/// Decodes a dataset for training; what was set aside goes to stderr.
std::vector<engine::TrainingImage> loadImages(const Dataset& dataset, int size, int& skipped, int& annotated)
{
    TrainingSet set = loadTrainingSet(dataset, size);
    for (const auto& [path, reason] : set.skipped)
        std::fprintf(stderr, "skipped %s: %s\n", path.c_str(), reason.c_str());
    for (const auto& [path, reason] : set.ignoredAnnotations)
        std::fprintf(stderr, "annotation %s ignored: %s\n", path.c_str(), reason.c_str());
    skipped = int(set.skipped.size());
    annotated = set.annotated;
    return std::move(set.images);
}

} // namespace

int runTrain(const QStringList& arguments)
{
    const QString name = QStringLiteral("train");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Train a small CNN (global-average-pool and linear head, features/head TorchScript) with cross-entropy "
        "or CYBORG loss, deterministically for a given seed and thread count on the CPU."));
    const QCommandLineOption dataset(QStringLiteral("dataset"),
                                     QStringLiteral("Training images: folder with class subfolders (real/fake), "
                                                    "or a CSV manifest path,label[,group]."),
                                     QStringLiteral("D"));
    const QCommandLineOption validation(QStringLiteral("validation"),
                                        QStringLiteral("Validation images, measured after each epoch (optional)."),
                                        QStringLiteral("D"));
    const QCommandLineOption annotations = annotationsOption();
    const QCommandLineOption classes = classesOption();
    const QCommandLineOption loss(QStringLiteral("loss"), QStringLiteral("xent or cyborg."), QStringLiteral("LOSS"),
                                  QStringLiteral("xent"));
    const QCommandLineOption alpha(QStringLiteral("alpha"), QStringLiteral("CYBORG's cross-entropy weight."),
                                   QStringLiteral("A"), QStringLiteral("0.5"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of weights, order and augmentation."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Training epochs."), QStringLiteral("E"),
                                    QStringLiteral("8"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Images per batch."), QStringLiteral("N"),
                                   QStringLiteral("32"));
    const QCommandLineOption learningRate(QStringLiteral("learning-rate"), QStringLiteral("Adam's learning rate."),
                                          QStringLiteral("LR"), QStringLiteral("0.001"));
    const QCommandLineOption inputSize(QStringLiteral("input-size"),
                                       QStringLiteral("Square input side in pixels (a multiple of 16)."),
                                       QStringLiteral("S"), QStringLiteral("112"));
    const QCommandLineOption width(QStringLiteral("width"),
                                   QStringLiteral("Channels of the first block (the CAM layer has 4x)."),
                                   QStringLiteral("W"), QStringLiteral("16"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("Run number in the metadata (default: the seed)."),
                                 QStringLiteral("N"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("LibTorch threads; results are reproducible for a given count."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption noFlip(QStringLiteral("no-flip"), QStringLiteral("No random horizontal flips."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("TorchScript file to write."), QStringLiteral("model.pt"));
    parser.addOptions({dataset, validation, annotations, classes, loss, alpha, seed, epochs, batch, learningRate,
                       inputSize, width, run, threads, noFlip, output});
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    if (!parser.isSet(dataset))
        return usageError(name, QStringLiteral("--dataset is required"));
    if (!parser.isSet(output))
        return usageError(name, QStringLiteral("-o model.pt is required"));

    engine::TrainParams params;
    const auto parsedLoss = engine::parseTrainingLoss(parser.value(loss).toStdString());
    if (!parsedLoss)
        return usageError(name, QStringLiteral("--loss must be xent or cyborg"));
    params.loss = *parsedLoss;
    bool ok = false;
    params.alpha = parser.value(alpha).toDouble(&ok);
    if (!ok || params.alpha < 0 || params.alpha > 1)
        return usageError(name, QStringLiteral("--alpha must be a number in [0, 1]"));
    params.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return usageError(name, QStringLiteral("--seed must be a non-negative integer"));
    params.epochs = parser.value(epochs).toInt(&ok);
    if (!ok || params.epochs < 1)
        return usageError(name, QStringLiteral("--epochs must be a positive integer"));
    params.batchSize = parser.value(batch).toInt(&ok);
    if (!ok || params.batchSize < 1)
        return usageError(name, QStringLiteral("--batch must be a positive integer"));
    params.learningRate = parser.value(learningRate).toDouble(&ok);
    if (!ok || !(params.learningRate > 0))
        return usageError(name, QStringLiteral("--learning-rate must be a positive number"));
    params.inputSize = parser.value(inputSize).toInt(&ok);
    if (!ok || params.inputSize < 16 || params.inputSize % 16 != 0)
        return usageError(name, QStringLiteral("--input-size must be a multiple of 16"));
    params.width = parser.value(width).toInt(&ok);
    if (!ok || params.width < 1)
        return usageError(name, QStringLiteral("--width must be a positive integer"));
    if (parser.isSet(run)) {
        params.run = parser.value(run).toInt(&ok);
        if (!ok || params.run < 0)
            return usageError(name, QStringLiteral("--run must be a non-negative integer"));
    }
    const int threadCount = parser.value(threads).toInt(&ok);
    if (!ok || threadCount < 0)
        return usageError(name, QStringLiteral("--threads must be a non-negative integer (0: all cores)"));
    params.horizontalFlip = !parser.isSet(noFlip);
    engine::configureThreads(threadCount);

    const bool cyborg = params.loss == engine::TrainParams::Loss::Cyborg;
    if (cyborg && !parser.isSet(annotations))
        return usageError(name, QStringLiteral("--loss cyborg needs --annotations DIR"));

    auto trainSet = scanDatasetArgument(parser.value(dataset), parser);
    if (!trainSet)
        return fail(name, QString::fromStdString(trainSet.error()));
    int skipped = 0;
    int annotated = 0;
    const auto trainImages = loadImages(trainSet.value(), params.inputSize, skipped, annotated);
    if (trainImages.empty())
        return fail(name, QStringLiteral("the dataset %1 has no labelled images").arg(parser.value(dataset)));
    if (cyborg && annotated == 0)
        return fail(name, QStringLiteral("no training image has an annotation in %1").arg(parser.value(annotations)));
    std::vector<engine::TrainingImage> validationImages;
    if (parser.isSet(validation)) {
        auto validationSet = scanDatasetArgument(parser.value(validation), parser);
        if (!validationSet)
            return fail(name, QString::fromStdString(validationSet.error()));
        int validationSkipped = 0;
        int validationAnnotated = 0;
        validationImages = loadImages(validationSet.value(), params.inputSize, validationSkipped, validationAnnotated);
    }
    std::fprintf(stderr,
                 "training %s on %zu images (%d annotated, %d skipped), %zu validation images, seed %llu, "
                 "%d thread(s)\n",
                 engine::trainingLossName(params.loss), trainImages.size(), annotated, skipped, validationImages.size(),
                 static_cast<unsigned long long>(params.seed), engine::threadCount());

    const QString outputPath = parser.value(output);
    const QString folder = QFileInfo(outputPath).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(name, QStringLiteral("cannot create %1").arg(folder));
    TrainTerminalProgress progress(params.epochs);
    auto result = engine::trainModel(params, trainImages, validationImages, outputPath.toStdString(), progress);
    if (!result)
        return fail(name, QString::fromStdString(result.error()));
    std::fprintf(stderr, "%s written: %lld parameters, %dx%d CAM map, %.1f s, %.0f images/s\n", qPrintable(outputPath),
                 static_cast<long long>(result->parameterCount), result->mapSize, result->mapSize,
                 result->trainingSeconds, result->imagesPerSecond);
    return 0;
}

} // namespace saliscope::cli
