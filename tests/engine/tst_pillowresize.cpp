// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Pillow-exact resizing: the upscaled maps of the paper and torchvision's PIL preprocessing.

#include "core/engine/cammaps.h"
#include "core/engine/pillowresize.h"
#include "tests/engine/testimages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QtTest>

using namespace saliscope;
using engine::ResizeFilter;

class TestPillowResize final : public QObject {
    Q_OBJECT

private slots:
    void matchesPillow_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("filter");
        QTest::addColumn<QSize>("size");
        const QList<QSize> sizes{{64, 64}, {299, 299}, {100, 37}, {224, 225}, {17, 300}};
        for (const QSize& size : sizes)
            for (int filter : {int(ResizeFilter::Bilinear), int(ResizeFilter::Bicubic)}) {
                const char* filterName = filter == int(ResizeFilter::Bilinear) ? "bilinear" : "bicubic";
                QTest::addRow("face %s %dx%d", filterName, size.width(), size.height())
                    << QStringLiteral("face") << 3 << filter << size;
                QTest::addRow("map %s %dx%d", filterName, size.width(), size.height())
                    << QStringLiteral("map") << 1 << filter << size;
            }
    }

    void matchesPillow()
    {
        QFETCH(QString, source);
        QFETCH(int, channels);
        QFETCH(int, filter);
        QFETCH(QSize, size);
        const QString input = source == QLatin1String("face")
            ? tests::referencePath(QStringLiteral("faces/ffhq_00001.png"))
            : tests::referencePath(QStringLiteral("gradcam/tiny_resnet__ffhq_00001__small.png"));
        const auto image = tests::loadImage(input, channels);
        QVERIFY(!image.empty());
        const QString expectedPath = tests::fixturePath(
            QStringLiteral("golden/resize/%1_%2_%3x%4.png")
                .arg(source, filter == int(ResizeFilter::Bilinear) ? "bilinear" : "bicubic")
                .arg(size.width())
                .arg(size.height()));
        const auto expected = tests::loadImage(expectedPath, channels);
        QVERIFY2(!expected.empty(), qPrintable(expectedPath));
        const auto resized = engine::resizePillow(image, size.width(), size.height(), ResizeFilter(filter));
        QCOMPARE(resized.width, expected.width);
        QCOMPARE(resized.height, expected.height);
        int differences = 0;
        for (std::size_t i = 0; i < resized.pixels.size(); ++i)
            differences += resized.pixels[i] != expected.pixels[i];
        QCOMPARE(differences, 0); // bit-exact
    }

    void referenceUpscaledMaps_data()
    {
        QTest::addColumn<QString>("small");
        QTest::addColumn<QString>("upscaled");
        QFile file(tests::referencePath(QStringLiteral("gradcam/expected.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto cases = QJsonDocument::fromJson(file.readAll()).object().value("cases").toArray();
        QCOMPARE(cases.size(), 10);
        for (const auto& value : cases) {
            const auto object = value.toObject();
            QTest::newRow(qPrintable(object.value("small_png").toString()))
                << object.value("small_png").toString() << object.value("upscaled_png").toString();
        }
    }

    void referenceUpscaledMaps()
    {
        QFETCH(QString, small);
        QFETCH(QString, upscaled);
        const auto map = tests::loadImage(tests::referencePath(small), 1);
        const auto expected = tests::loadImage(tests::referencePath(upscaled), 1);
        QCOMPARE(map.width, 7);
        QVERIFY(engine::upscaleMap(map, 224, 224) == expected);
    }

    void quantizeTruncates()
    {
        engine::MapF32 cam{4, 1, {0.0f, 0.999999f, 1.0f, 0.5f}};
        const auto map = engine::quantizeMap(cam);
        QCOMPARE(int(map.pixels[0]), 0);
        QCOMPARE(int(map.pixels[1]), 254); // floor, not round
        QCOMPARE(int(map.pixels[2]), 255);
        QCOMPARE(int(map.pixels[3]), 127);
    }

    void sameSizeIsIdentity()
    {
        const auto image = tests::loadImage(tests::referencePath(QStringLiteral("faces/stylegan3_seed278567.png")));
        QVERIFY(engine::resizePillow(image, image.width, image.height, ResizeFilter::Bicubic) == image);
    }
};

QTEST_GUILESS_MAIN(TestPillowResize)
#include "tst_pillowresize.moc"
