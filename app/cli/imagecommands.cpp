// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Commands that apply one measure's image operation to one image: noise, transform, degrade.

#include "app/cli/clicommon.h"

#include "core/dataset/imageio.h"
#include "core/engine/degradation.h"
#include "core/engine/imageops.h"
#include "core/measures/measuresettings.h"

namespace saliscope::cli {

namespace {

QCommandLineOption outputFileOption()
{
    return QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output image (PNG)."),
                              QStringLiteral("OUT.png"));
}

/// Reads the single IMAGE argument and checks -o; returns false with exitCode set on a problem.
bool readInput(const QCommandLineParser& parser, const QString& name, engine::ImageU8& image, int& exitCode)
{
    if (parser.positionalArguments().size() != 1) {
        exitCode = usageError(name, QStringLiteral("give exactly one IMAGE"));
        return false;
    }
    if (!parser.isSet(QStringLiteral("output"))) {
        exitCode = usageError(name, QStringLiteral("-o OUT.png is required"));
        return false;
    }
    auto read = readImageRgb(parser.positionalArguments().front().toStdString());
    if (!read) {
        exitCode = fail(name, QString::fromStdString(read.error()));
        return false;
    }
    image = std::move(read).value();
    return true;
}

int writeOutput(const QCommandLineParser& parser, const QString& name, const engine::ImageU8& image)
{
    auto written = writeImage(parser.value(QStringLiteral("output")).toStdString(), image);
    return written ? 0 : fail(name, QString::fromStdString(written.error()));
}

} // namespace

int runNoise(const QStringList& arguments)
{
    const QString name = QStringLiteral("noise");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Salt-and-pepper noise as measure (b) draws it: each channel value flipped with probability P to 255 or 0, "
        "the others through the authors' float round trip. The draw is defined by the seed and the amount."));
    const QCommandLineOption amount(QStringLiteral("amount"), QStringLiteral("Probability P in [0, 1]."),
                                    QStringLiteral("P"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("S"),
                                  QStringLiteral("0"));
    const QCommandLineOption generator(
        QStringLiteral("generator"),
        QStringLiteral("Random generator: counter (the default) or sequential (that of runs stored before 2026-11)."),
        QStringLiteral("G"), QStringLiteral("counter"));
    parser.addOptions({amount, seed, generator, outputFileOption()});
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Input image."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    bool ok = false;
    const double p = parser.value(amount).toDouble(&ok);
    if (!parser.isSet(amount) || !ok || p < 0 || p > 1)
        return usageError(name, QStringLiteral("--amount needs a probability in [0, 1]"));
    const qulonglong s = parser.value(seed).toULongLong(&ok);
    if (!ok)
        return usageError(name, QStringLiteral("--seed needs a non-negative integer"));
    const QString generatorName = parser.value(generator).trimmed().toLower();
    if (generatorName != QLatin1String("counter") && generatorName != QLatin1String("sequential"))
        return usageError(name, QStringLiteral("--generator is counter or sequential"));
    const auto kind = generatorName == QLatin1String("counter") ? engine::NoiseGenerator::Counter
                                                                : engine::NoiseGenerator::Sequential;
    engine::ImageU8 image;
    if (!readInput(parser, name, image, exitCode))
        return exitCode;
    return writeOutput(parser, name, engine::addSaltPepperNoise(image, p, engine::noiseDrawSeed(s, 0, p), 0.5, kind));
}

int runTransform(const QStringList& arguments)
{
    const QString name = QStringLiteral("transform");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "One geometric transformation of measure (c): lr, tb, rot90cw, rot90ccw or shift:DX,DY (replicated borders; "
        "positive DX moves the content right, positive DY down)."));
    const QCommandLineOption kind(QStringLiteral("kind"), QStringLiteral("The transformation."),
                                  QStringLiteral("KIND"));
    parser.addOptions({kind, outputFileOption()});
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Input image."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    auto transform = engine::parseTransform(parser.value(kind).toStdString());
    if (!transform)
        return usageError(name, QString::fromStdString(transform.error()));
    engine::ImageU8 image;
    if (!readInput(parser, name, image, exitCode))
        return exitCode;
    return writeOutput(parser, name, engine::applyTransform(image, transform.value()));
}

int runDegrade(const QStringList& arguments)
{
    const QString name = QStringLiteral("degrade");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Salience-guided blur of measure (e): background blurs what the map calls non-salient, object blurs what "
        "it calls salient. MAP is the 8-bit map (small or upscaled; a small one is upscaled with Pillow bicubic)."));
    const QCommandLineOption map(QStringLiteral("map"), QStringLiteral("Salience map."), QStringLiteral("MAP.png"));
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("background or object."),
                                  QStringLiteral("MODE"));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral(
                                     "degradation.sigma_max, degradation.curve_order, degradation.guide_sigma."),
                                 QStringLiteral("key=value"));
    parser.addOptions({map, mode, set, outputFileOption()});
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Input image."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    engine::DegradationMode degradationMode;
    if (parser.value(mode) == QLatin1String("background"))
        degradationMode = engine::DegradationMode::Background;
    else if (parser.value(mode) == QLatin1String("object"))
        degradationMode = engine::DegradationMode::Object;
    else
        return usageError(name, QStringLiteral("--mode is background or object"));
    if (!parser.isSet(map))
        return usageError(name, QStringLiteral("--map is required"));
    MeasureSettings settings;
    for (const QString& assignment : parser.values(set))
        if (!assignment.startsWith(QLatin1String("degradation.")) || !settings.set(assignment.toStdString()))
            return usageError(name, QStringLiteral("bad --set %1").arg(assignment));
    engine::ImageU8 image;
    if (!readInput(parser, name, image, exitCode))
        return exitCode;
    auto guide = readImageGray(parser.value(map).toStdString());
    if (!guide)
        return fail(name, QString::fromStdString(guide.error()));
    auto degraded = engine::degradeBySalience(image, guide.value(), degradationMode, settings.degradation);
    if (!degraded)
        return fail(name, QString::fromStdString(degraded.error()));
    return writeOutput(parser, name, degraded.value());
}

} // namespace saliscope::cli
