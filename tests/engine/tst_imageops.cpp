// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of engine/imageops: the salt-and-pepper noise of measure (b) and the geometric
// transformations of measure (c).

#include "core/engine/imageops.h"
#include "tests/engine/testimages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <set>

using namespace saliscope;

Q_DECLARE_METATYPE(saliscope::engine::NoiseGenerator)

namespace {

using engine::NoiseGenerator;

void addGeneratorColumn() { QTest::addColumn<NoiseGenerator>("generator"); }

NoiseGenerator generatorOfRow()
{
    QFETCH_GLOBAL(NoiseGenerator, generator);
    return generator;
}

engine::ImageU8 face() { return tests::loadImage(tests::referencePath(QStringLiteral("faces/ffhq_00001.png")), 3); }

/// An image whose every value is distinct in (row, column, channel) modulo 256, so moves show.
engine::ImageU8 patterned(int width, int height, int channels)
{
    engine::ImageU8 image = engine::ImageU8::zeros(width, height, channels);
    for (int r = 0; r < height; ++r)
        for (int c = 0; c < width; ++c)
            for (int ch = 0; ch < channels; ++ch)
                image.at(r, c, ch) = std::uint8_t((r * 7 + c * 13 + ch * 101) % 256);
    return image;
}

} // namespace

class TestImageOps final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data();
    void roundTripMatchesReference();
    void noiseLevelZeroIsRoundTrip();
    void noiseLevelOneIsSaltAndPepper();
    void noiseIsSeeded();
    void flippedFraction_data();
    void flippedFraction();
    void drawSeedDependsOnEveryPart();
    void counterHashIsSplitmix64();
    void counterNoiseGolden();
    void counterThresholds();
    void generatorsDiffer();
    void defaultParams();

    void names_data();
    void names();
    void badNames_data();
    void badNames();
    void standardSet();
    void involutions_data();
    void involutions();
    void rotationMapping();
    void shiftMovesMarkedPixel_data();
    void shiftMovesMarkedPixel();
    void shiftReplicatesBorder();
};

// Every noise test runs once per generator (the global data rows).
void TestImageOps::initTestCase_data()
{
    addGeneratorColumn();
    QTest::newRow("counter") << NoiseGenerator::Counter;
    QTest::newRow("sequential") << NoiseGenerator::Sequential;
}

void TestImageOps::roundTripMatchesReference()
{
    QFile file(tests::referencePath(QStringLiteral("noise/expected.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray roundtrip = expected["roundtrip"].toArray();
    QCOMPARE(roundtrip.size(), 256);
    QList<int> changed;
    for (int v = 0; v < 256; ++v) {
        QCOMPARE(int(engine::noiseRoundTrip(std::uint8_t(v))), roundtrip[v].toInt());
        if (engine::noiseRoundTrip(std::uint8_t(v)) != v)
            changed << v;
    }
    QList<int> expectedChanged;
    for (const QJsonValue v : expected["changed"].toArray())
        expectedChanged << v.toInt();
    QCOMPARE(changed, expectedChanged);
    QCOMPARE(changed.size(), 24);
}

void TestImageOps::noiseLevelZeroIsRoundTrip()
{
    const engine::ImageU8 image = face();
    QVERIFY(!image.empty());
    const engine::ImageU8 noisy = engine::addSaltPepperNoise(image, 0.0, 1234, 0.5, generatorOfRow());
    QCOMPARE(noisy.width, image.width);
    QCOMPARE(noisy.channels, 3);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        QCOMPARE(noisy.pixels[i], engine::noiseRoundTrip(image.pixels[i]));
        changed += noisy.pixels[i] != image.pixels[i];
    }
    QVERIFY(changed > 0); // the round trip alone changes a real image
}

void TestImageOps::noiseLevelOneIsSaltAndPepper()
{
    const engine::ImageU8 noisy = engine::addSaltPepperNoise(face(), 1.0, 99, 0.5, generatorOfRow());
    std::size_t salt = 0;
    for (const std::uint8_t v : noisy.pixels) {
        QVERIFY(v == 0 || v == 255);
        salt += v == 255;
    }
    const double fraction = double(salt) / double(noisy.pixels.size());
    // 150528 values, sd of the salt fraction = 0.5 / sqrt(150528) = 0.0013; allow 5 sd.
    QVERIFY2(std::fabs(fraction - 0.5) <= 5 * 0.5 / std::sqrt(double(noisy.pixels.size())),
             qPrintable(QString::number(fraction)));
}

void TestImageOps::noiseIsSeeded()
{
    const engine::ImageU8 image = face();
    const NoiseGenerator generator = generatorOfRow();
    auto noisy = [&](std::uint64_t seed) { return engine::addSaltPepperNoise(image, 0.25, seed, 0.5, generator); };
    const std::uint64_t seed = engine::noiseDrawSeed(7, 3, 0.25);
    QCOMPARE(noisy(seed), noisy(seed));
    QVERIFY(noisy(seed) != noisy(seed + 1));
    QVERIFY(noisy(engine::noiseDrawSeed(7, 3, 0.25)) != noisy(engine::noiseDrawSeed(7, 4, 0.25)));
}

void TestImageOps::flippedFraction_data()
{
    QTest::addColumn<double>("amount");
    for (const double p : {0.01, 0.05, 0.10, 0.25, 0.50, 0.75})
        QTest::newRow(qPrintable(QString::number(p))) << p;
}

void TestImageOps::flippedFraction()
{
    // On a constant 128 image (its own round trip) every changed value is a flipped one.
    QFETCH(double, amount);
    engine::ImageU8 grey = engine::ImageU8::zeros(224, 224, 3);
    std::fill(grey.pixels.begin(), grey.pixels.end(), std::uint8_t(128));
    QCOMPARE(int(engine::noiseRoundTrip(128)), 128);
    const engine::ImageU8 noisy = engine::addSaltPepperNoise(grey, amount, engine::noiseDrawSeed(2023, 0, amount), 0.5,
                                                             generatorOfRow());
    std::size_t flipped = 0;
    std::size_t salt = 0;
    for (const std::uint8_t v : noisy.pixels) {
        QVERIFY(v == 128 || v == 0 || v == 255);
        flipped += v != 128;
        salt += v == 255;
    }
    const double n = double(noisy.pixels.size());
    const double fraction = double(flipped) / n;
    // Binomial(n, p): accept within 5 standard deviations (false alarm below 1e-6 per row).
    const double tolerance = 5.0 * std::sqrt(amount * (1.0 - amount) / n);
    QVERIFY2(std::fabs(fraction - amount) <= tolerance,
             qPrintable(QStringLiteral("flipped %1, p %2, tolerance %3").arg(fraction).arg(amount).arg(tolerance)));
    const double saltShare = double(salt) / double(flipped);
    QVERIFY2(std::fabs(saltShare - 0.5) <= 5.0 * 0.5 / std::sqrt(double(flipped)),
             qPrintable(QString::number(saltShare)));
}

void TestImageOps::drawSeedDependsOnEveryPart()
{
    std::set<std::uint64_t> seeds;
    for (const std::uint64_t seed : {0ULL, 1ULL})
        for (const std::uint64_t image : {0ULL, 1ULL, 2ULL})
            for (const double level : engine::NoiseParams{}.levels)
                seeds.insert(engine::noiseDrawSeed(seed, image, level));
    QCOMPARE(seeds.size(), std::size_t(2 * 3 * 8));
    QCOMPARE(engine::noiseDrawSeed(5, 6, 0.1), engine::noiseDrawSeed(5, 6, 0.1));
}

void TestImageOps::counterHashIsSplitmix64()
{
    // Vigna's splitmix64.c seeded with 0 starts 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f.
    QCOMPARE(engine::noiseCounterHash(0, 0), 0xe220a8397b1dcdafULL);
    QCOMPARE(engine::noiseCounterHash(0, 1), 0x6e789e6aa1b965f4ULL);
    QCOMPARE(engine::noiseCounterHash(0, 2), 0x06c45d188009454fULL);
    // Far into a stream from another seed (computed with Python integers modulo 2^64).
    QCOMPARE(engine::noiseCounterHash(0xdeadbeefcafef00dULL, 150527), 0x4cd43f9d733021c2ULL);
}

void TestImageOps::counterNoiseGolden()
{
    // The first 16 values of a grey 128 image (its own round trip), computed independently in
    // Python from the definition (high 32 bits < ceil(p 2^32) flips, low 32 bits pick salt).
    engine::ImageU8 grey = engine::ImageU8::zeros(4, 2, 2);
    std::fill(grey.pixels.begin(), grey.pixels.end(), std::uint8_t(128));
    const std::uint64_t seed = 0xdeadbeefcafef00dULL;
    const auto half = engine::addSaltPepperNoise(grey, 0.5, seed, 0.5, NoiseGenerator::Counter);
    QCOMPARE(half.pixels,
             (std::vector<std::uint8_t>{128, 128, 0, 128, 255, 255, 128, 128, //
                                        255, 128, 128, 128, 128, 128, 128, 255}));
    const auto tenth = engine::addSaltPepperNoise(grey, 0.1, seed, 0.7, NoiseGenerator::Counter);
    QCOMPARE(tenth.pixels,
             (std::vector<std::uint8_t>{128, 128, 128, 128, 128, 255, 128, 128, //
                                        128, 128, 128, 128, 128, 128, 128, 255}));
}

void TestImageOps::counterThresholds()
{
    QCOMPARE(engine::noiseThreshold(0.0), 0ULL);
    QCOMPARE(engine::noiseThreshold(-1.0), 0ULL);
    QCOMPARE(engine::noiseThreshold(0.5), 1ULL << 31);
    QCOMPARE(engine::noiseThreshold(1.0), 1ULL << 32); // every 32-bit value is below: all flip
    QCOMPARE(engine::noiseThreshold(1e-12), 1ULL);     // a positive probability never rounds to "never"
    QCOMPARE(engine::noiseThreshold(0.25), 1ULL << 30);
}

void TestImageOps::generatorsDiffer()
{
    const engine::ImageU8 image = face();
    const std::uint64_t seed = engine::noiseDrawSeed(0, 1, 0.1);
    QVERIFY(engine::addSaltPepperNoise(image, 0.1, seed, 0.5, NoiseGenerator::Counter)
            != engine::addSaltPepperNoise(image, 0.1, seed, 0.5, NoiseGenerator::Sequential));
    QCOMPARE(QString(engine::noiseGeneratorName(NoiseGenerator::Counter)), QStringLiteral("counter"));
    QCOMPARE(QString(engine::noiseGeneratorName(NoiseGenerator::Sequential)), QStringLiteral("sequential"));
}

void TestImageOps::defaultParams()
{
    const engine::NoiseParams noise;
    QCOMPARE(noise.levels, (std::vector<double>{0.0, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 1.0}));
    QCOMPARE(noise.saltVsPepper, 0.5);
    QVERIFY(noise.generator == NoiseGenerator::Counter);
    const engine::TransformParams transform;
    QCOMPARE(transform.shiftAtReferenceSize, 16);
    QCOMPARE(transform.referenceSize, 224);
}

void TestImageOps::names_data()
{
    QTest::addColumn<QString>("name");
    for (const engine::Transform& t : engine::standardTransforms(224))
        QTest::newRow(engine::transformName(t).c_str()) << QString::fromStdString(engine::transformName(t));
    QTest::newRow("other shift") << QStringLiteral("shift:-3,7");
}

void TestImageOps::names()
{
    QFETCH(QString, name);
    const Result<engine::Transform> parsed = engine::parseTransform(name.toStdString());
    QVERIFY(parsed.ok());
    QCOMPARE(QString::fromStdString(engine::transformName(parsed.value())), name);
}

void TestImageOps::badNames_data()
{
    QTest::addColumn<QString>("name");
    for (const char* bad :
         {"", "LR", "rot90", "shift:", "shift:1", "shift:1,", "shift:a,b", "shift:1,2,3", "shift: 1,2", "lr "})
        QTest::newRow(bad[0] ? bad : "empty") << QString::fromLatin1(bad);
}

void TestImageOps::badNames()
{
    QFETCH(QString, name);
    const Result<engine::Transform> parsed = engine::parseTransform(name.toStdString());
    QVERIFY(!parsed.ok());
    QVERIFY(!parsed.error().empty());
}

void TestImageOps::standardSet()
{
    const std::vector<engine::Transform> set = engine::standardTransforms(224);
    QCOMPARE(set.size(), std::size_t(12));
    QStringList names;
    for (const engine::Transform& t : set)
        names << QString::fromStdString(engine::transformName(t));
    QCOMPARE(names,
             (QStringList{"lr", "tb", "rot90cw", "rot90ccw", "shift:-16,-16", "shift:0,-16", "shift:16,-16",
                          "shift:-16,0", "shift:16,0", "shift:-16,16", "shift:0,16", "shift:16,16"}));
    QCOMPARE(engine::shiftStep(224), 16);
    QCOMPARE(engine::shiftStep(299), 21); // 16 * 299 / 224 = 21.36
    QCOMPARE(engine::shiftStep(112), 8);
    QCOMPARE(engine::standardTransforms(299).back().dx, 21);
}

void TestImageOps::involutions_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("RGB square") << 3 << 224 << 224;
    QTest::newRow("map square") << 1 << 7 << 7;
    QTest::newRow("RGB wide") << 3 << 5 << 3;
    QTest::newRow("map tall") << 1 << 2 << 9;
}

void TestImageOps::involutions()
{
    QFETCH(int, channels);
    QFETCH(int, width);
    QFETCH(int, height);
    const engine::ImageU8 image = patterned(width, height, channels);
    using K = engine::TransformKind;
    const auto apply = [](const engine::ImageU8& in, K kind) { return engine::applyTransform(in, {kind}); };
    QVERIFY(apply(image, K::FlipLeftRight) != image || width == 1);
    QCOMPARE(apply(apply(image, K::FlipLeftRight), K::FlipLeftRight), image);
    QCOMPARE(apply(apply(image, K::FlipTopBottom), K::FlipTopBottom), image);
    QCOMPARE(apply(apply(image, K::Rotate90Clockwise), K::Rotate90CounterClockwise), image);
    QCOMPARE(apply(apply(image, K::Rotate90CounterClockwise), K::Rotate90Clockwise), image);
    engine::ImageU8 four = image;
    for (int i = 0; i < 4; ++i)
        four = apply(four, K::Rotate90Clockwise);
    QCOMPARE(four, image);
    // Two clockwise quarter turns are both flips.
    QCOMPARE(apply(apply(image, K::Rotate90Clockwise), K::Rotate90Clockwise),
             apply(apply(image, K::FlipLeftRight), K::FlipTopBottom));
}

void TestImageOps::rotationMapping()
{
    // 3 wide, 2 high:  a b c      clockwise:  d a      counter-clockwise:  c f
    //                  d e f                  e b                          b e
    //                                         f c                          a d
    const engine::ImageU8 image{3, 2, 1, {'a', 'b', 'c', 'd', 'e', 'f'}};
    const engine::ImageU8 cw = engine::applyTransform(image, {engine::TransformKind::Rotate90Clockwise});
    QCOMPARE(cw, (engine::ImageU8{2, 3, 1, {'d', 'a', 'e', 'b', 'f', 'c'}}));
    const engine::ImageU8 ccw = engine::applyTransform(image, {engine::TransformKind::Rotate90CounterClockwise});
    QCOMPARE(ccw, (engine::ImageU8{2, 3, 1, {'c', 'f', 'b', 'e', 'a', 'd'}}));
    QCOMPARE(engine::applyTransform(image, {engine::TransformKind::FlipLeftRight}),
             (engine::ImageU8{3, 2, 1, {'c', 'b', 'a', 'f', 'e', 'd'}}));
    QCOMPARE(engine::applyTransform(image, {engine::TransformKind::FlipTopBottom}),
             (engine::ImageU8{3, 2, 1, {'d', 'e', 'f', 'a', 'b', 'c'}}));
}

void TestImageOps::shiftMovesMarkedPixel_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("dx");
    QTest::addColumn<int>("dy");
    for (const int channels : {1, 3})
        for (const engine::Transform& t : engine::standardTransforms(224))
            if (t.kind == engine::TransformKind::Shift)
                QTest::newRow(qPrintable(QStringLiteral("%1 channel(s) %2")
                                             .arg(channels)
                                             .arg(QString::fromStdString(engine::transformName(t)))))
                    << channels << t.dx << t.dy;
}

void TestImageOps::shiftMovesMarkedPixel()
{
    QFETCH(int, channels);
    QFETCH(int, dx);
    QFETCH(int, dy);
    engine::ImageU8 image = engine::ImageU8::zeros(224, 224, channels);
    const int row = 100;
    const int column = 50;
    for (int ch = 0; ch < channels; ++ch)
        image.at(row, column, ch) = std::uint8_t(200 + ch);
    const engine::ImageU8 out = engine::applyTransform(image, {engine::TransformKind::Shift, dx, dy});
    std::size_t marked = 0;
    for (int r = 0; r < 224; ++r)
        for (int c = 0; c < 224; ++c)
            if (out.at(r, c) != 0) {
                ++marked;
                QCOMPARE(r, row + dy); // positive dy moves content down, positive dx right
                QCOMPARE(c, column + dx);
                for (int ch = 0; ch < channels; ++ch)
                    QCOMPARE(int(out.at(r, c, ch)), 200 + ch);
            }
    QCOMPARE(marked, std::size_t(1));
}

void TestImageOps::shiftReplicatesBorder()
{
    const engine::ImageU8 image = patterned(224, 224, 3);
    const engine::ImageU8 right = engine::applyTransform(image, {engine::TransformKind::Shift, 16, 16});
    for (int r = 0; r < 224; ++r)
        for (int c = 0; c < 224; ++c)
            for (int ch = 0; ch < 3; ++ch)
                QCOMPARE(right.at(r, c, ch), image.at(std::max(r - 16, 0), std::max(c - 16, 0), ch));
    // The new left columns repeat the old first column; the new top rows the old first row.
    QCOMPARE(right.at(5, 3, 1), image.at(0, 0, 1));
    QCOMPARE(right.at(40, 0, 2), image.at(24, 0, 2));
    const engine::ImageU8 left = engine::applyTransform(image, {engine::TransformKind::Shift, -16, -16});
    QCOMPARE(left.at(223, 223, 0), image.at(223, 223, 0));
    QCOMPARE(left.at(223, 200, 0), image.at(223, 216, 0));
    QCOMPARE(left.at(0, 0, 0), image.at(16, 16, 0));
}

QTEST_GUILESS_MAIN(TestImageOps)
#include "tst_imageops.moc"
