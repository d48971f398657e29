// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/imagecache.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/imageio.h"
#include "core/engine/pillowresize.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <fstream>

using namespace saliscope;

namespace {

QString writeImage(const QString& path, int width, int height, int seed, const char* format = "PNG")
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb((x * 7 + seed) & 0xff, (y * 5 + seed * 3) & 0xff, (x * y + seed) & 0xff));
    image.save(path, format);
    return path;
}

std::string hashOf(const QString& path) { return hashFile(path.toStdString()).value(); }

long residentKilobytes()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return 0;
}

void truncate(const QString& path, qint64 keep)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.read(keep);
    file.close();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

} // namespace

class TestImageCache final : public QObject {
    Q_OBJECT

private slots:
    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = writeImage(dir.filePath("a.png"), 64, 48, 1);
        ImageCache cache(dir.filePath("cache").toStdString());
        const std::string hash = hashOf(path);
        QVERIFY(!cache.contains(hash, 32, 32));
        auto first = cache.get(path.toStdString(), hash, 32, 32);
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().c_str());
        QVERIFY(cache.contains(hash, 32, 32));
        QCOMPARE(cache.stats().misses, std::int64_t(1));
        const auto expected = engine::resizePillow(readImageRgb(path.toStdString()).value(), 32, 32,
                                                   engine::ResizeFilter::Bilinear);
        QVERIFY(first.value() == expected);
        QCOMPARE(first->channels, 3);

        QFile::remove(path); // a hit reads the cache only
        auto second = cache.get(path.toStdString(), hash, 32, 32);
        QVERIFY(second.ok());
        QVERIFY(second.value() == expected);
        QCOMPARE(cache.stats().hits, std::int64_t(1));
        // Another size is another entry, and needs the file.
        auto other = cache.get(path.toStdString(), hash, 16, 16);
        QVERIFY(!other.ok());
        QVERIFY(other.error().find("no such file") != std::string::npos);

        // A second cache on the same folder (another process) sees the entry.
        ImageCache again(dir.filePath("cache").toStdString());
        QVERIFY(again.get(path.toStdString(), hash, 32, 32).value() == expected);
    }

    void sameSizeIsNotResampled()
    {
        QTemporaryDir dir;
        const QString path = writeImage(dir.filePath("a.png"), 20, 10, 2);
        ImageCache cache(dir.filePath("cache").toStdString());
        auto image = cache.get(path.toStdString(), hashOf(path), 20, 10);
        QVERIFY(image.ok());
        QVERIFY(image.value() == readImageRgb(path.toStdString()).value());
    }

    void badImages()
    {
        QTemporaryDir dir;
        ImageCache cache(dir.filePath("cache").toStdString());
        const QString png = writeImage(dir.filePath("cut.png"), 200, 200, 3);
        truncate(png, QFileInfo(png).size() / 2);
        auto cut = cache.get(png.toStdString(), hashOf(png), 32, 32);
        QVERIFY(!cut.ok());
        QVERIFY2(cut.error().find("cut.png") != std::string::npos, cut.error().c_str());

        const QString jpeg = writeImage(dir.filePath("cut.jpg"), 200, 200, 4, "JPEG");
        truncate(jpeg, QFileInfo(jpeg).size() / 2);
        auto cutJpeg = cache.get(jpeg.toStdString(), hashOf(jpeg), 32, 32);
        QVERIFY(!cutJpeg.ok());
        QVERIFY2(cutJpeg.error().find("truncated") != std::string::npos, cutJpeg.error().c_str());

        const QString text = dir.filePath("text.png");
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not an image at all");
        file.close();
        auto notImage = cache.get(text.toStdString(), hashOf(text), 32, 32);
        QVERIFY(!notImage.ok());
        QVERIFY(notImage.error().find("not a readable image") != std::string::npos);

        const QString changed = writeImage(dir.filePath("changed.png"), 30, 30, 5);
        const std::string oldHash = hashOf(changed);
        writeImage(changed, 30, 30, 6);
        auto stale = cache.get(changed.toStdString(), oldHash, 32, 32);
        QVERIFY(!stale.ok());
        QVERIFY(stale.error().find("changed since") != std::string::npos);
        QCOMPARE(cache.stats().hits, std::int64_t(0));
    }

    void damagedEntryIsRemade()
    {
        QTemporaryDir dir;
        const QString path = writeImage(dir.filePath("a.png"), 40, 40, 7);
        ImageCache cache(dir.filePath("cache").toStdString());
        const std::string hash = hashOf(path);
        const auto good = cache.get(path.toStdString(), hash, 24, 24).value();
        truncate(QString::fromStdString(cache.entryPath(hash, 24, 24)), 10);
        auto remade = cache.get(path.toStdString(), hash, 24, 24);
        QVERIFY(remade.ok());
        QVERIFY(remade.value() == good);
    }

    void unwritableCacheStillDecodes()
    {
        QTemporaryDir dir;
        const QString path = writeImage(dir.filePath("a.png"), 40, 40, 8);
        QFile blocker(dir.filePath("cache")); // a file where the folder should be
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        ImageCache cache(dir.filePath("cache").toStdString());
        auto image = cache.get(path.toStdString(), hashOf(path), 24, 24);
        QVERIFY(image.ok());
        QCOMPARE(cache.stats().writeFailures, std::int64_t(1));
    }

    void threadsShareEntries()
    {
        QTemporaryDir dir;
        std::vector<std::pair<std::string, std::string>> images;
        for (int i = 0; i < 8; ++i) {
            const QString path = writeImage(dir.filePath(QString("i%1.png").arg(i)), 50, 40, 10 + i);
            images.emplace_back(path.toStdString(), hashOf(path));
        }
        ImageCache cache(dir.filePath("cache").toStdString());
        std::vector<QFuture<bool>> futures;
        for (int t = 0; t < 4; ++t)
            futures.push_back(QtConcurrent::run([&] {
                bool ok = true;
                for (int round = 0; round < 3; ++round)
                    for (const auto& [path, hash] : images)
                        ok = ok && cache.get(path, hash, 32, 32).ok();
                return ok;
            }));
        for (auto& future : futures)
            QVERIFY(future.result());
        const auto stats = cache.stats();
        QCOMPARE(stats.hits + stats.misses, std::int64_t(4 * 3 * 8));
        QVERIFY(QDir(dir.filePath("cache")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() > 0);
    }

    void memoryStaysBounded()
    {
        // 300 reads of 256x256x3 entries (59 MB in all): resident memory must not grow by what
        // was read (nothing is kept in memory, memory maps are released).
#ifdef __SANITIZE_ADDRESS__
        QSKIP("AddressSanitizer keeps freed memory in quarantine, so resident memory grows by what was read; "
              "LeakSanitizer checks for leaks in this build instead");
#endif
        QTemporaryDir dir;
        ImageCache cache(dir.filePath("cache").toStdString());
        std::vector<std::string> hashes;
        for (int i = 0; i < 4; ++i) {
            const QString image = writeImage(dir.filePath(QString("m%1.png").arg(i)), 64, 64, i);
            hashes.push_back(hashOf(image));
            QVERIFY(cache.get(image.toStdString(), hashes.back(), 256, 256).ok());
        }
        const long before = residentKilobytes();
        std::size_t checksum = 0;
        for (int round = 0; round < 300; ++round) {
            auto image = cache.get({}, hashes[std::size_t(round % 4)], 256, 256);
            QVERIFY(image.ok());
            checksum += image->pixels[std::size_t(round)];
        }
        const long grown = residentKilobytes() - before;
        QVERIFY2(grown < 20 * 1024, qPrintable(QString("resident memory grew by %1 kB").arg(grown)));
        QCOMPARE(cache.stats().hits, std::int64_t(300));
        Q_UNUSED(checksum);
    }
};

QTEST_GUILESS_MAIN(TestImageCache)
#include "tst_imagecache.moc"
