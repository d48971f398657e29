#include "dataset/imageio.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;

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
