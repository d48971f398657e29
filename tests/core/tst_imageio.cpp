// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/imageio.h"

#include <QFile>
#include <QImage>
#include <QBuffer>
#include <QImageReader>
#include <QImageWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

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
    tiff += QByteArray("\x00\x01", 2);                         // one entry
    tiff += QByteArray("\x01\x12\x00\x03\x00\x00\x00\x01", 8); // Orientation, SHORT, count 1
    tiff += char(0) + QByteArray(1, char(orientation)) + QByteArray(2, char(0));
    tiff += QByteArray(4, char(0)); // no next IFD
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

std::uint32_t crc32(const QByteArray& bytes)
{
    std::uint32_t crc = 0xffffffffu;
    for (const char c : bytes) {
        crc ^= std::uint8_t(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray be32(std::uint32_t value)
{
    return QByteArray(1, char(value >> 24)) + char(value >> 16) + char(value >> 8) + char(value);
}

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    const QByteArray typed = QByteArray(type) + data;
    return be32(std::uint32_t(data.size())) + typed + be32(crc32(typed));
}

/// A valid, all-black 1-bit greyscale PNG of width x height: a few KB on disk, width x height x 3
/// bytes once decoded to RGB.
QByteArray blackBilevelPng(int width, int height)
{
    const int rowBytes = 1 + (width + 7) / 8; // filter byte and packed pixels
    const QByteArray raw(qsizetype(rowBytes) * height, '\0');
    const QByteArray zlib = qCompress(raw, 9).mid(4); // qCompress prefixes the length
    QByteArray header = be32(std::uint32_t(width)) + be32(std::uint32_t(height));
    header += QByteArray("\x01\x00\x00\x00\x00", 5); // bit depth 1, greyscale, no interlace
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", header) + pngChunk("IDAT", zlib)
        + pngChunk("IEND", {});
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
        QVERIFY(insertExifOrientation(path, 6)); // 6: rotate 90 degrees clockwise to display
        QCOMPARE(QImageReader(path).transformation(), QImageIOHandler::TransformationRotate90);
        QImageReader displayed(path);
        displayed.setAutoTransform(true);
        QCOMPARE(displayed.read().width(), 8); // a viewer shows it upright, 8 wide
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

    void truncatedJpegIsRefusedAsPillowDoes_data()
    {
        QTest::addColumn<bool>("progressive");
        QTest::newRow("baseline") << false;
        QTest::newRow("progressive") << true;
    }

    void truncatedJpegIsRefusedAsPillowDoes()
    {
        // OpenCV decodes a JPEG cut short (grey below the cut) and it was measured as if whole;
        // Pillow, which made the paper's numbers, refuses it. Bytes after the end marker are
        // still accepted, as by Pillow.
        QFETCH(bool, progressive);
        QImage source(96, 64, QImage::Format_RGB888);
        QRandomGenerator random(7);
        for (int y = 0; y < source.height(); ++y)
            for (int x = 0; x < source.width(); ++x)
                source.setPixel(x, y, random.generate() & 0xffffff);
        const QString whole = m_dir.filePath(QStringLiteral("whole-%1.jpg").arg(progressive));
        QImageWriter writer(whole, "jpeg");
        writer.setQuality(90);
        writer.setProgressiveScanWrite(progressive);
        QVERIFY(writer.write(source));
        QFile file(whole);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(readImageRgb(whole.toStdString()).ok());

        const QString cut = m_dir.filePath(QStringLiteral("cut-%1.jpg").arg(progressive));
        QFile cutFile(cut);
        QVERIFY(cutFile.open(QIODevice::WriteOnly));
        cutFile.write(bytes.left(bytes.size() * 6 / 10));
        cutFile.close();
        for (const auto& read : {readImageRgb(cut.toStdString()), readImageGray(cut.toStdString())}) {
            QVERIFY(!read.ok());
            QVERIFY2(read.error().find("truncated") != std::string::npos && read.error().find(cut.toStdString()) == 0,
                     read.error().c_str());
        }

        const QString trailing = m_dir.filePath(QStringLiteral("trailing-%1.jpg").arg(progressive));
        QFile trailingFile(trailing);
        QVERIFY(trailingFile.open(QIODevice::WriteOnly));
        trailingFile.write(bytes + QByteArray("camera maker's trailer"));
        trailingFile.close();
        QVERIFY(readImageRgb(trailing.toStdString()).ok());
    }

    void truncatedPngIsCalledTruncated()
    {
        QImage source(64, 64, QImage::Format_RGB888);
        source.fill(Qt::darkCyan);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && source.save(&buffer, "PNG"));
        const QString cut = m_dir.filePath(QStringLiteral("cut.png"));
        QFile file(cut);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes.left(bytes.size() / 2));
        file.close();
        auto image = readImageRgb(cut.toStdString());
        QVERIFY(!image.ok());
        QVERIFY2(image.error().find("truncated PNG") != std::string::npos, image.error().c_str());
    }

    void gifIsNamedAsUnsupported()
    {
        // A GIF was called "unsupported format or corrupt file"; it is a GIF, which is not read.
        const QString path = m_dir.filePath(QStringLiteral("dot.gif"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00"
                              "\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
                              43));
        file.close();
        QVERIFY(!QImage(path).isNull()); // a valid GIF, as Qt reads it
        auto image = readImageRgb(path.toStdString());
        QVERIFY(!image.ok());
        QVERIFY2(image.error().find("is a GIF image, which Saliscope does not read") != std::string::npos,
                 image.error().c_str());
        QVERIFY(image.error().find("corrupt") == std::string::npos);
    }

    void hugeImagesAreRefusedBeforeDecoding()
    {
        // A small PNG that declares 10000 x 10000 pixels (300 MB once decoded; 30000 x 30000,
        // 2.7 GB, made a 389 KB file take 3.7 GB): refused from its header, with the limit named.
        const QString path = m_dir.filePath(QStringLiteral("huge.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray png = blackBilevelPng(10000, 10000);
        QVERIFY(png.size() < 100000);
        file.write(png);
        file.close();
        QCOMPARE(QImageReader(path).size(), QSize(10000, 10000)); // a well-formed PNG
        for (const auto& read : {readImageRgb(path.toStdString()), readImageGray(path.toStdString()),
                                 readModelInput(path.toStdString(), 224, 224)}) {
            QVERIFY(!read.ok());
            QVERIFY2(read.error()
                         == path.toStdString()
                             + " is 10000 x 10000 pixels, more than the decoding limit of "
                               "64000000 pixels (parameter image.max_pixels)",
                     read.error().c_str());
        }
        // The limit is a parameter: a lower one refuses an ordinary image, 0 lifts it.
        const QString small = m_dir.filePath(QStringLiteral("small.png"));
        QImage image(40, 30, QImage::Format_RGB888);
        image.fill(Qt::gray);
        QVERIFY(image.save(small));
        QVERIFY(readImageRgb(small.toStdString(), 1200).ok());
        auto refused = readImageRgb(small.toStdString(), 1199);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().find("40 x 30 pixels") != std::string::npos, refused.error().c_str());
        QVERIFY(readImageRgb(small.toStdString(), 0).ok());
        for (const char* format : {"bmp", "jpg"}) { // sizes read from other headers too
            const QString other = m_dir.filePath(QStringLiteral("small.%1").arg(format));
            QVERIFY(image.save(other));
            QVERIFY2(!readImageRgb(other.toStdString(), 1199).ok(), format);
            QVERIFY2(readImageRgb(other.toStdString(), 1200).ok(), format);
        }
    }

    void unreadableFilesSayPermissionDenied()
    {
        // An unreadable file was called "corrupt". Tests run as root, where chmod does not make
        // a file unreadable: the errno wording is checked, and the file itself when not root.
        QCOMPARE(readErrorReason(EACCES), std::string("permission denied"));
        QCOMPARE(readErrorReason(EPERM), std::string("permission denied"));
        QCOMPARE(readErrorReason(ENOENT), std::string("no such file"));
        const QString path = m_dir.filePath(QStringLiteral("locked.png"));
        QImage image(4, 4, QImage::Format_RGB888);
        image.fill(Qt::gray);
        QVERIFY(image.save(path));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0) == 0);
        auto read = readImageRgb(path.toStdString());
        ::chmod(QFile::encodeName(path).constData(), 0644);
        if (::geteuid() == 0)
            QSKIP("running as root: the file stays readable (the wording is checked above)");
        QVERIFY(!read.ok());
        QCOMPARE(read.error(), "cannot read " + path.toStdString() + ": permission denied");
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
