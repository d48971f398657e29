// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of engine/entropy: the histogram entropy of measure (a) against the authors' map and the
// reference pipeline, and the spatial entropy's defining properties.

#include "core/engine/entropy.h"
#include "tests/engine/testimages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace saliscope;

namespace {

QJsonObject readJson(const QString& relative)
{
    QFile file(tests::referencePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

engine::ImageU8 mapOf(int width, int height, std::vector<std::uint8_t> values)
{
    return engine::ImageU8{width, height, 1, std::move(values)};
}

} // namespace

class TestEntropy final : public QObject {
    Q_OBJECT

private slots:
    void authorsMap();
    void referenceMaps_data();
    void referenceMaps();
    void properties_data();
    void properties();
    void batchedMatchesSingle();
    void spatial_data();
    void spatial();
};

void TestEntropy::authorsMap()
{
    const QJsonObject expected = readJson(QStringLiteral("entropy/expected.json"));
    QVERIFY(!expected.isEmpty());
    const engine::ImageU8 map =
        tests::loadImage(tests::referencePath(QStringLiteral("entropy/") + expected["map"].toString()), 1);
    QCOMPARE(map.width, 7);
    QCOMPARE(map.height, 7);
    const QJsonArray rows = expected["values"].toArray();
    for (int r = 0; r < 7; ++r)
        for (int c = 0; c < 7; ++c)
            QCOMPARE(int(map.at(r, c)), rows[r].toArray()[c].toInt());
    const engine::HistogramEntropy entropy = engine::histogramEntropy(map);
    QVERIFY(std::fabs(entropy.bits - 3.0413138289240225) <= 1e-12);
    QVERIFY(std::fabs(entropy.normalized - 0.5416689220568773) <= 1e-12);
    QVERIFY(std::fabs(entropy.bits - expected["entropy_bits"].toDouble()) <= 1e-12);
    QVERIFY(std::fabs(entropy.normalized - expected["normalized_entropy"].toDouble()) <= 1e-12);
}

void TestEntropy::referenceMaps_data()
{
    QTest::addColumn<QString>("png");
    QTest::addColumn<double>("bits");
    QTest::addColumn<double>("normalized");
    const QJsonObject expected = readJson(QStringLiteral("gradcam/expected.json"));
    for (const QJsonValue item : expected["cases"].toArray()) {
        const QJsonObject c = item.toObject();
        const QString png = c["small_png"].toString();
        QTest::newRow(qPrintable(png)) << png << c["entropy_bits"].toDouble() << c["normalized_entropy"].toDouble();
    }
}

void TestEntropy::referenceMaps()
{
    QFETCH(QString, png);
    QFETCH(double, bits);
    QFETCH(double, normalized);
    const engine::ImageU8 map = tests::loadImage(tests::referencePath(png), 1);
    QVERIFY(!map.empty());
    const engine::HistogramEntropy entropy = engine::histogramEntropy(map);
    QVERIFY2(std::fabs(entropy.bits - bits) <= 1e-12, qPrintable(QString::number(entropy.bits - bits)));
    QVERIFY2(std::fabs(entropy.normalized - normalized) <= 1e-12,
             qPrintable(QString::number(entropy.normalized - normalized)));
}

void TestEntropy::properties_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QVector<int>>("values"); // repeated cyclically over the map
    QTest::addColumn<double>("bits");
    QTest::addColumn<double>("normalized");
    QVector<int> distinct49;
    for (int i = 0; i < 49; ++i)
        distinct49 << i * 5;
    QVector<int> all256;
    for (int i = 0; i < 256; ++i)
        all256 << i;
    QTest::newRow("constant 7x7") << 7 << 7 << QVector<int>{42} << 0.0 << 0.0;
    QTest::newRow("constant zero 224x224") << 224 << 224 << QVector<int>{0} << 0.0 << 0.0;
    QTest::newRow("49 distinct values") << 7 << 7 << distinct49 << std::log2(49.0) << 1.0;
    QTest::newRow("two halves 2x2") << 2 << 2 << QVector<int>{0, 255} << 1.0 << 0.5;
    QTest::newRow("all 256 values on 16x16") << 16 << 16 << all256 << 8.0 << 1.0;
    // 32x32 = 1024 pixels: the largest possible value is capped at log2(256) = 8.
    QTest::newRow("four values on 32x32") << 32 << 32 << QVector<int>{1, 2, 3, 4} << 2.0 << 0.25;
    QTest::newRow("single pixel") << 1 << 1 << QVector<int>{7} << 0.0 << 0.0;
}

void TestEntropy::properties()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QVector<int>, values);
    QFETCH(double, bits);
    QFETCH(double, normalized);
    std::vector<std::uint8_t> pixels(std::size_t(width) * height);
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = std::uint8_t(values[int(i % std::size_t(values.size()))]);
    const engine::HistogramEntropy entropy = engine::histogramEntropy(mapOf(width, height, pixels));
    QVERIFY2(std::fabs(entropy.bits - bits) <= 1e-12, qPrintable(QString::number(entropy.bits, 'g', 17)));
    QVERIFY2(std::fabs(entropy.normalized - normalized) <= 1e-12,
             qPrintable(QString::number(entropy.normalized, 'g', 17)));
    QVERIFY(!std::signbit(entropy.bits));
}

void TestEntropy::batchedMatchesSingle()
{
    std::vector<engine::ImageU8> maps;
    const QJsonObject expected = readJson(QStringLiteral("gradcam/expected.json"));
    for (const QJsonValue item : expected["cases"].toArray())
        maps.push_back(tests::loadImage(tests::referencePath(item.toObject()["small_png"].toString()), 1));
    QCOMPARE(maps.size(), std::size_t(10));
    const std::vector<engine::HistogramEntropy> batch = engine::histogramEntropies(maps);
    QCOMPARE(batch.size(), maps.size());
    for (std::size_t i = 0; i < maps.size(); ++i) {
        QCOMPARE(batch[i].bits, engine::histogramEntropy(maps[i]).bits);
        QCOMPARE(batch[i].normalized, engine::histogramEntropy(maps[i]).normalized);
    }
    std::vector<engine::MapF32> cams;
    for (const engine::ImageU8& map : maps) {
        engine::MapF32 cam{map.width, map.height, {}};
        for (const std::uint8_t v : map.pixels)
            cam.values.push_back(float(v) / 255.0f);
        cams.push_back(cam);
    }
    const std::vector<double> spatial = engine::spatialEntropies(cams);
    QCOMPARE(spatial.size(), cams.size());
    for (std::size_t i = 0; i < cams.size(); ++i) {
        QCOMPARE(spatial[i], engine::spatialEntropy(cams[i]));
        // The scale of a map does not change its spatial entropy.
        QVERIFY(std::fabs(spatial[i] - engine::spatialEntropy(maps[i])) <= 1e-6);
    }
}

void TestEntropy::spatial_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QVector<float>>("values");
    QTest::addColumn<double>("expected");
    QTest::newRow("all zero") << 7 << 7 << QVector<float>(49, 0.0f) << 0.0;
    QTest::newRow("uniform") << 7 << 7 << QVector<float>(49, 0.3f) << 1.0;
    QVector<float> hot(49, 0.0f);
    hot[24] = 1.0f;
    QTest::newRow("one hot pixel") << 7 << 7 << hot << 0.0;
    QTest::newRow("two of four") << 2 << 2 << QVector<float>{1.0f, 0.0f, 0.0f, 1.0f} << 0.5;
    // p = (1/4, 3/4) over 4 pixels: H = -(1/4 ln 1/4 + 3/4 ln 3/4) / ln 4.
    QTest::newRow("quarter and three quarters") << 2 << 2 << QVector<float>{0.25f, 0.75f, 0.0f, 0.0f}
                                                << -(0.25 * std::log(0.25) + 0.75 * std::log(0.75)) / std::log(4.0);
    QTest::newRow("negative and NaN count as zero")
        << 2 << 2 << QVector<float>{1.0f, -1.0f, std::nanf(""), 1.0f} << 0.5;
    QTest::newRow("single pixel") << 1 << 1 << QVector<float>{1.0f} << 0.0;
}

void TestEntropy::spatial()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QVector<float>, values);
    QFETCH(double, expected);
    const engine::MapF32 cam{width, height, std::vector<float>(values.begin(), values.end())};
    const double value = engine::spatialEntropy(cam);
    QVERIFY2(std::fabs(value - expected) <= 1e-12, qPrintable(QString::number(value, 'g', 17)));
}

QTEST_GUILESS_MAIN(TestEntropy)
#include "tst_entropy.moc"
