// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of engine/degradation: scipy's uint8 Gaussian filter and the salience-guided blur of
// measure (e) against the reference pipeline's images.

#include "core/engine/degradation.h"
#include "tests/engine/testimages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace saliscope;

namespace {

QJsonObject expectedJson()
{
    QFile file(tests::referencePath(QStringLiteral("degradation/expected.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

engine::ImageU8 grey(int width, int height, std::vector<std::uint8_t> values)
{
    return engine::ImageU8{width, height, 1, std::move(values)};
}

} // namespace

class TestDegradation final : public QObject {
    Q_OBJECT

private slots:
    void gaussianMatchesScipy_data();
    void gaussianMatchesScipy();
    void gaussianFiltersChannelsApart();
    void sigmaSchedule();
    void levels();
    void reference_data();
    void reference();
    void zeroGuideLeavesImageUnchanged_data();
    void zeroGuideLeavesImageUnchanged();
    void errors();
};

void TestDegradation::gaussianMatchesScipy_data()
{
    // Expected values: scipy 1.10 ndimage.gaussian_filter on these uint8 arrays (NumPy 1.24).
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("sigma");
    QTest::addColumn<QVector<int>>("input");
    QTest::addColumn<QVector<int>>("expected");
    QTest::newRow("radius 12 on 4x3 (repeated reflection)")
        << 4 << 3 << 3.0 << QVector<int>{241, 160, 175, 229, 148, 198, 213, 57, 14, 76, 72, 223}
        << QVector<int>{149, 149, 150, 151, 148, 149, 150, 151, 148, 149, 149, 150};
    QTest::newRow("sigma 1.3 on 11x9")
        << 11 << 9 << 1.3
        << QVector<int>{233, 1,   127, 210, 33,  204, 30,  119, 209, 77,  87,  71,  184, 65,  253, 113, 122,
                        129, 149, 141, 130, 254, 206, 202, 179, 159, 87,  253, 119, 55,  216, 41,  219, 156,
                        29,  11,  113, 9,   36,  131, 248, 119, 206, 234, 210, 161, 112, 131, 68,  127, 97,
                        63,  254, 3,   24,  49,  248, 177, 225, 51,  184, 94,  125, 0,   158, 212, 169, 39,
                        136, 68,  247, 225, 47,  130, 240, 216, 181, 163, 10,  189, 121, 23,  62,  138, 186,
                        129, 156, 223, 175, 92,  164, 153, 27,  15,  169, 99,  153, 82,  57}
        << QVector<int>{138, 131, 132, 136, 132, 124, 122, 128, 135, 137, 139, 142, 136, 134, 135, 131, 127,
                        126, 132, 140, 146, 154, 145, 137, 129, 124, 121, 122, 127, 135, 143, 151, 161, 145,
                        135, 123, 114, 110, 114, 123, 133, 140, 146, 152, 142, 136, 127, 118, 113, 114, 119,
                        127, 134, 138, 141, 137, 136, 133, 129, 124, 121, 121, 126, 135, 143, 149, 129, 129,
                        130, 127, 123, 121, 123, 131, 143, 153, 160, 128, 125, 123, 117, 107, 107, 118, 132,
                        142, 147, 149, 132, 127, 122, 109, 93,  94,  112, 128, 133, 131, 128};
    // A constant 179 through the level-6.1 kernel sums to just under 179 and truncates to 178:
    // this only holds with scipy's exact kernel, summation order and per-pass truncation.
    QTest::newRow("constant 179 at level 6.1")
        << 5 << 6 << engine::degradationSigma(61) << QVector<int>(30, 179) << QVector<int>(30, 178);
    QTest::newRow("tiny sigma is the identity") << 5 << 6 << 0.01 << QVector<int>(30, 179) << QVector<int>(30, 179);
}

void TestDegradation::gaussianMatchesScipy()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, sigma);
    QFETCH(QVector<int>, input);
    QFETCH(QVector<int>, expected);
    const engine::ImageU8 image = grey(width, height, std::vector<std::uint8_t>(input.begin(), input.end()));
    const engine::ImageU8 out = engine::gaussianFilterU8(image, sigma);
    QCOMPARE(out.width, width);
    QCOMPARE(out.height, height);
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(int(out.pixels[std::size_t(i)]), expected[i]);
}

void TestDegradation::gaussianFiltersChannelsApart()
{
    const engine::ImageU8 face = tests::loadImage(tests::referencePath(QStringLiteral("faces/ffhq_00001.png")), 3);
    const engine::ImageU8 blurred = engine::gaussianFilterU8(face, 2.0);
    for (int ch = 0; ch < 3; ++ch) {
        engine::ImageU8 channel = engine::ImageU8::zeros(face.width, face.height, 1);
        for (int r = 0; r < face.height; ++r)
            for (int c = 0; c < face.width; ++c)
                channel.at(r, c) = face.at(r, c, ch);
        const engine::ImageU8 one = engine::gaussianFilterU8(channel, 2.0);
        for (int r = 0; r < face.height; ++r)
            for (int c = 0; c < face.width; ++c)
                QCOMPARE(blurred.at(r, c, ch), one.at(r, c));
    }
}

void TestDegradation::sigmaSchedule()
{
    const engine::DegradationParams defaults;
    QCOMPARE(defaults.sigmaMax, 10.0);
    QCOMPARE(defaults.curveOrder, 4.0);
    QCOMPARE(defaults.guideSigma, 5.0);
    QCOMPARE(engine::degradationSigma(0), 10.0);
    QCOMPARE(engine::degradationSigma(100), 0.0);
    QCOMPARE(engine::degradationSigma(50), 0.001 * std::pow(5.0, 4.0));
    // The exact double the reference data used: 0.001 * ((100 - 61) / 10)^4, not 0.001 * (10 - 6.1)^4.
    QCOMPARE(engine::degradationSigma(61), 0.001 * std::pow(3.9, 4.0));
    for (int k = 1; k <= 100; ++k)
        QVERIFY(engine::degradationSigma(k) < engine::degradationSigma(k - 1));
    engine::DegradationParams linear;
    linear.sigmaMax = 4.0;
    linear.curveOrder = 1.0;
    QVERIFY(std::fabs(engine::degradationSigma(75, linear) - 1.0) <= 1e-15);
}

void TestDegradation::levels()
{
    // 10 * g / max: 0 -> 0, 127/254 -> 5.0, 254 -> 10; 1/254*100 = 0.394 -> 0; 3/254*100 = 1.18 -> 1;
    // round half to even: g/max*100 = 2.5 exactly (g = 5, max = 200) -> 2, 7.5 (g = 15) -> 8.
    const std::vector<int> a = engine::degradationLevels(grey(5, 1, {0, 127, 254, 1, 3}));
    QCOMPARE(a, (std::vector<int>{0, 50, 100, 0, 1}));
    const std::vector<int> b = engine::degradationLevels(grey(3, 1, {5, 15, 200}));
    QCOMPARE(b, (std::vector<int>{2, 8, 100}));
    QVERIFY(engine::degradationLevels(grey(2, 1, {0, 0})).empty());
}

void TestDegradation::reference_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("guide");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<double>("changedFraction");
    const QJsonObject json = expectedJson();
    QCOMPARE(json["sigma_max"].toDouble(), engine::DegradationParams{}.sigmaMax);
    QCOMPARE(json["curve_order"].toDouble(), engine::DegradationParams{}.curveOrder);
    QCOMPARE(json["guide_sigma"].toDouble(), engine::DegradationParams{}.guideSigma);
    for (const QJsonValue item : json["cases"].toArray()) {
        const QJsonObject c = item.toObject();
        const QString expected = c["expected"].toString();
        const QString small =
            QString(c["guide_map"].toString()).replace(QStringLiteral("_upscaled"), QStringLiteral("_small"));
        QTest::newRow(qPrintable(expected)) << c["image"].toString() << c["guide_map"].toString()
                                            << c["mode"].toString() << expected << c["changed_fraction"].toDouble();
        // The small 7x7 map, upscaled inside, must give the same image.
        QTest::newRow(qPrintable(expected + QStringLiteral(" from small map")))
            << c["image"].toString() << small << c["mode"].toString() << expected << c["changed_fraction"].toDouble();
    }
}

void TestDegradation::reference()
{
    QFETCH(QString, image);
    QFETCH(QString, guide);
    QFETCH(QString, mode);
    QFETCH(QString, expected);
    QFETCH(double, changedFraction);
    const engine::ImageU8 input = tests::loadImage(tests::referencePath(image), 3);
    const engine::ImageU8 map = tests::loadImage(tests::referencePath(guide), 1);
    const engine::ImageU8 reference = tests::loadImage(tests::referencePath(expected), 3);
    QVERIFY(!input.empty() && !map.empty() && !reference.empty());
    const Result<engine::ImageU8> out = engine::degradeBySalience(input, map,
                                                                  mode == QLatin1String("object")
                                                                      ? engine::DegradationMode::Object
                                                                      : engine::DegradationMode::Background);
    QVERIFY(out.ok());
    QCOMPARE(out->width, reference.width);
    QCOMPARE(out->height, reference.height);
    QCOMPARE(out->channels, 3);
    std::size_t differing = 0;
    int largest = 0;
    std::size_t changed = 0;
    for (std::size_t i = 0; i < reference.pixels.size(); ++i) {
        const int difference = std::abs(int(out->pixels[i]) - int(reference.pixels[i]));
        differing += difference != 0;
        largest = std::max(largest, difference);
        changed += out->pixels[i] != input.pixels[i];
    }
    const double n = double(reference.pixels.size());
    qInfo("%zu of %zu values differ from the reference, by at most %d", differing, reference.pixels.size(), largest);
    // Stated tolerance: exact, or at most 1 grey level on at most 0.1% of values.
    QVERIFY2(largest <= 1, qPrintable(QString::number(largest)));
    QVERIFY2(double(differing) <= 0.001 * n, qPrintable(QString::number(differing)));
    QVERIFY(std::fabs(double(changed) / n - changedFraction) <= 0.001);
}

void TestDegradation::zeroGuideLeavesImageUnchanged_data()
{
    QTest::addColumn<int>("mapValue");
    QTest::addColumn<bool>("object");
    QTest::newRow("background, all-zero map") << 0 << false;
    QTest::newRow("object, all-255 map") << 255 << true;
}

void TestDegradation::zeroGuideLeavesImageUnchanged()
{
    QFETCH(int, mapValue);
    QFETCH(bool, object);
    const engine::ImageU8 face = tests::loadImage(tests::referencePath(QStringLiteral("faces/ffhq_00001.png")), 3);
    engine::ImageU8 map = engine::ImageU8::zeros(224, 224, 1);
    std::fill(map.pixels.begin(), map.pixels.end(), std::uint8_t(mapValue));
    const Result<engine::ImageU8> out = engine::degradeBySalience(face, map,
                                                                  object ? engine::DegradationMode::Object
                                                                         : engine::DegradationMode::Background);
    QVERIFY(out.ok());
    QCOMPARE(out.value(), face);
    // A constant non-zero guide is level 10 everywhere: also unchanged.
    std::fill(map.pixels.begin(), map.pixels.end(), std::uint8_t(object ? 0 : 255));
    QCOMPARE(engine::degradeBySalience(face, map,
                                       object ? engine::DegradationMode::Object : engine::DegradationMode::Background)
                 .value(),
             face);
}

void TestDegradation::errors()
{
    const engine::ImageU8 face = engine::ImageU8::zeros(8, 8, 3);
    QVERIFY(!engine::degradeBySalience(face, engine::ImageU8::zeros(8, 8, 3), engine::DegradationMode::Object).ok());
    QVERIFY(!engine::degradeBySalience(face, engine::ImageU8{}, engine::DegradationMode::Object).ok());
    QVERIFY(
        !engine::degradeBySalience(engine::ImageU8{}, engine::ImageU8::zeros(8, 8, 1), engine::DegradationMode::Object)
             .ok());
}

QTEST_GUILESS_MAIN(TestDegradation)
#include "tst_degradation.moc"
