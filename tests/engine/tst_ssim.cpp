// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of engine/ssim: skimage 0.19 structural_similarity on the reference map pairs, and the
// properties a wrong window, constant or covariance would break.

#include "core/engine/ssim.h"
#include "tests/engine/testimages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using namespace saliscope;

namespace {

QJsonArray referencePairs()
{
    QFile file(tests::referencePath(QStringLiteral("ssim/expected.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object()["pairs"].toArray();
}

engine::ImageU8 loadMap(const QString& relative) { return tests::loadImage(tests::referencePath(relative), 1); }

engine::ImageU8 constantMap(int size, std::uint8_t value)
{
    engine::ImageU8 map = engine::ImageU8::zeros(size, size, 1);
    std::fill(map.pixels.begin(), map.pixels.end(), value);
    return map;
}

} // namespace

class TestSsim final : public QObject {
    Q_OBJECT

private slots:
    void reference_data();
    void reference();
    void identityAndSymmetry_data();
    void identityAndSymmetry();
    void constantMaps_data();
    void constantMaps();
    void batched();
    void pairwise();
    void errors();
};

void TestSsim::reference_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<double>("expected");
    for (const QJsonValue item : referencePairs()) {
        const QJsonObject pair = item.toObject();
        QTest::newRow(qPrintable(pair["a"].toString()))
            << pair["a"].toString() << pair["b"].toString() << pair["ssim"].toDouble();
    }
}

void TestSsim::reference()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(double, expected);
    const engine::ImageU8 a = loadMap(first);
    const engine::ImageU8 b = loadMap(second);
    QVERIFY(!a.empty() && !b.empty());
    const Result<double> ssim = engine::structuralSimilarity(a, b);
    QVERIFY2(ssim.ok(), ssim.ok() ? "" : ssim.error().c_str());
    QVERIFY2(std::fabs(ssim.value() - expected) <= 1e-9,
             qPrintable(QStringLiteral("got %1, expected %2").arg(ssim.value(), 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

void TestSsim::identityAndSymmetry_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    for (const QJsonValue item : referencePairs()) {
        const QJsonObject pair = item.toObject();
        QTest::newRow(qPrintable(pair["a"].toString())) << pair["a"].toString() << pair["b"].toString();
    }
}

void TestSsim::identityAndSymmetry()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const engine::ImageU8 a = loadMap(first);
    const engine::ImageU8 b = loadMap(second);
    QVERIFY(std::fabs(engine::structuralSimilarity(a, a).value() - 1.0) <= 1e-12);
    QVERIFY(std::fabs(engine::structuralSimilarity(b, b).value() - 1.0) <= 1e-12);
    QCOMPARE(engine::structuralSimilarity(a, b).value(), engine::structuralSimilarity(b, a).value());
}

void TestSsim::constantMaps_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::newRow("7x7 0 and 255") << 7 << 0 << 255;
    QTest::newRow("7x7 100 and 120") << 7 << 100 << 120;
    QTest::newRow("224x224 30 and 200") << 224 << 30 << 200;
    QTest::newRow("9x9 equal") << 9 << 77 << 77;
}

void TestSsim::constantMaps()
{
    // Constant maps have no variance: SSIM = (2xy + C1) / (x^2 + y^2 + C1) with C1 = (0.01 * 255)^2.
    QFETCH(int, size);
    QFETCH(int, x);
    QFETCH(int, y);
    const double c1 = 6.5025;
    const double expected = (2.0 * x * y + c1) / (double(x) * x + double(y) * y + c1);
    const double ssim =
        engine::structuralSimilarity(constantMap(size, std::uint8_t(x)), constantMap(size, std::uint8_t(y))).value();
    QVERIFY2(std::fabs(ssim - expected) <= 1e-12, qPrintable(QString::number(ssim, 'g', 17)));
}

void TestSsim::batched()
{
    std::vector<engine::ImageU8> first;
    std::vector<engine::ImageU8> second;
    std::vector<double> expected;
    for (const QJsonValue item : referencePairs()) {
        first.push_back(loadMap(item.toObject()["a"].toString()));
        second.push_back(loadMap(item.toObject()["b"].toString()));
        expected.push_back(item.toObject()["ssim"].toDouble());
    }
    QCOMPARE(first.size(), std::size_t(10));
    const Result<std::vector<double>> values = engine::structuralSimilarities(first, second);
    QVERIFY(values.ok());
    QCOMPARE(values.value().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY(std::fabs(values.value()[i] - expected[i]) <= 1e-9);
    first.pop_back();
    QVERIFY(!engine::structuralSimilarities(first, second).ok());
}

void TestSsim::pairwise()
{
    std::vector<engine::ImageU8> maps;
    for (const QJsonValue item : referencePairs()) {
        const QString a = item.toObject()["a"].toString();
        if (a.endsWith(QStringLiteral("_small.png")))
            maps.push_back(loadMap(a));
    }
    QCOMPARE(maps.size(), std::size_t(5));
    const Result<std::vector<double>> values = engine::pairwiseStructuralSimilarities(maps);
    QVERIFY(values.ok());
    QCOMPARE(values.value().size(), std::size_t(10));
    std::size_t k = 0;
    for (std::size_t i = 0; i < maps.size(); ++i)
        for (std::size_t j = i + 1; j < maps.size(); ++j)
            QCOMPARE(values.value()[k++], engine::structuralSimilarity(maps[i], maps[j]).value());
    QVERIFY(engine::pairwiseStructuralSimilarities({maps[0]}).value().empty());
}

void TestSsim::errors()
{
    const engine::ImageU8 small = constantMap(7, 3);
    QVERIFY(!engine::structuralSimilarity(small, constantMap(8, 3)).ok());
    QVERIFY(!engine::structuralSimilarity(constantMap(6, 3), constantMap(6, 3)).ok());
    QVERIFY(!engine::structuralSimilarity(engine::ImageU8::zeros(7, 7, 3), engine::ImageU8::zeros(7, 7, 3)).ok());
    engine::SsimParams even;
    even.windowSize = 6;
    QVERIFY(!engine::structuralSimilarity(small, small, even).ok());
}

QTEST_GUILESS_MAIN(TestSsim)
#include "tst_ssim.moc"
