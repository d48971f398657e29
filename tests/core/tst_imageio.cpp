// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataset/imageio.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;

namespace {

/// Adds an EXIF block with one Orientation tag right after a JPEG's start-of-image marker.
bool insertExifOrientation(const QString& path, int orientation)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray jpeg = file.readAll();
    file.close();
    if (!jpeg.startsWith("\xFF\xD8"))
        return false;
    QByteArray tiff("MM\x00\x2A\x00\x00\x00\x08", 8);          // big-endian header, IFD at 8
    tiff += QByteArray("\x00\x01", 2);                             // one entry
    tiff += QByteArray("\x01\x12\x00\x03\x00\x00\x00\x01", 8);   // Orientation, SHORT, count 1
    tiff += char(0) + QByteArray(1, char(orientation)) + QByteArray(2, char(0));
    tiff += QByteArray(4, char(0));                                 // no next IFD
    const QByteArray payload = QByteArray("Exif\x00\x00", 6) + tiff;
    const int length = int(payload.size()) + 2;
    QByteArray segment("\xFF\xE1", 2);
    segment += char(length >> 8);
    segment += char(length & 0xFF);
    segment += payload;
    jpeg.insert(2, segment);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(jpeg) == jpeg.size();
}

} // namespace

class TestImageIo final : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    void convertsEveryPixelFormatToRgb_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<int>("expectedRed");
        QTest::addColumn<int>("expectedGreen");
        QTest::newRow("grey 8-bit") << int(QImage::Format_Grayscale8) << 77 << 77;
        QTest::newRow("grey 16-bit") << int(QImage::Format_Grayscale16) << 77 << 77;
        QTest::newRow("rgba") << int(QImage::Format_RGBA8888) << 200 << 10;
        QTest::newRow("rgba 16-bit") << int(QImage::Format_RGBA64) << 200 << 10;
        QTest::newRow("palette") << int(QImage::Format_Indexed8) << 200 << 10;
    }

    void convertsEveryPixelFormatToRgb()
    {
        QFETCH(int, format);
        QFETCH(int, expectedRed);
        QFETCH(int, expectedGreen);
        QImage source(5, 3, QImage::Format_RGB888);
        const bool grey = format == QImage::Format_Grayscale8 || format == QImage::Format_Grayscale16;
        source.fill(grey ? QColor(77, 77, 77) : QColor(200, 10, 30));
        QImage converted = format == QImage::Format_Indexed8
            ? source.convertToFormat(QImage::Format_Indexed8, {qRgb(200, 10, 30), qRgb(0, 0, 0)})
            : source.convertToFormat(QImage::Format(format));
        const QString path = m_dir.filePath(QStringLiteral("image%1.png").arg(format));
        QVERIFY(converted.save(path));
        auto image = readImageRgb(path.toStdString());
        QVERIFY2(image.ok(), image.ok() ? "" : image.error().c_str());
        QCOMPARE(image->channels, 3);
        QCOMPARE(image->width, 5);
        QCOMPARE(image->height, 3);
        QCOMPARE(int(image->at(2, 4, 0)), expectedRed);
        QCOMPARE(int(image->at(2, 4, 1)), expectedGreen);
    }

    void badFilesGiveReasons_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << "empty.png" << QByteArray() << "is empty";
        QTest::newRow("text") << "notes.png" << QByteArray("this is not a picture") << "not a readable image";
        QTest::newRow("missing") << "" << QByteArray() << "no such file";
    }

    void badFilesGiveReasons()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, fragment);
        QString path = m_dir.filePath(QStringLiteral("missing.png"));
        if (!name.isEmpty()) {
            path = m_dir.filePath(name);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        auto image = readImageRgb(path.toStdString());
        QVERIFY(!image.ok());
        QVERIFY2(QString::fromStdString(image.error()).contains(fragment), image.error().c_str());
    }

    void ignoresExifOrientationAsPillowDoes()
    {
        // A JPEG tagged "rotate 90" keeps its stored pixels: Pillow's Image.open().convert("RGB"),
        // which the paper's pipeline and torchvision's loaders use, does not apply the tag, so
        // the model sees the stored orientation.
        QImage source(16, 8, QImage::Format_RGB888);
        source.fill(QColor(0, 0, 255));
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x)
                source.setPixelColor(x, y, QColor(255, 0, 0));
        const QString path = m_dir.filePath(QStringLiteral("rotated.jpg"));
        QVERIFY(source.save(path, "JPEG", 95));
        QVERIFY(insertExifOrientation(path, 6));  // 6: rotate 90 degrees clockwise to display
        QCOMPARE(QImageReader(path).transformation(), QImageIOHandler::TransformationRotate90);
        QImageReader displayed(path);
        displayed.setAutoTransform(true);
        QCOMPARE(displayed.read().width(), 8);  // a viewer shows it upright, 8 wide
        auto image = readImageRgb(path.toStdString());
        QVERIFY2(image.ok(), image.ok() ? "" : image.error().c_str());
        QCOMPARE(image->width, 16);
        QCOMPARE(image->height, 8);
        QVERIFY(image->at(4, 2, 0) > 200 && image->at(4, 2, 2) < 60);   // left half red
        QVERIFY(image->at(4, 13, 2) > 200 && image->at(4, 13, 0) < 60); // right half blue
        auto grey = readImageGray(path.toStdString());
        QVERIFY(grey.ok());
        QCOMPARE(grey->width, 16);
    }

    void writeReadRoundTrip()
    {
        engine::ImageU8 map = engine::ImageU8::zeros(7, 5, 1);
        for (std::size_t i = 0; i < map.pixels.size(); ++i)
            map.pixels[i] = std::uint8_t(i * 7);
        const std::string path = m_dir.filePath(QStringLiteral("map.png")).toStdString();
        QVERIFY(writeImage(path, map).ok());
        auto back = readImageGray(path);
        QVERIFY(back.ok());
        QVERIFY(back.value() == map);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral(".partial-map.png"))));
    }

    void writeFailureIsReported()
    {
        const std::string path = m_dir.filePath(QStringLiteral("no/such/folder/map.png")).toStdString();
        auto status = writeImage(path, engine::ImageU8::zeros(2, 2, 1));
        QVERIFY(!status.ok());
        QVERIFY(QString::fromStdString(status.error()).startsWith("cannot write"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestImageIo)
#include "tst_imageio.moc"
