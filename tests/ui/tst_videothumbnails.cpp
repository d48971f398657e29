// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Video frames and face crops (paths `clip.avi#frame=N[&crop=...]`, issue 22) in the Images dock's
// thumbnails: decoded with readImageRgb, since Qt's image readers know no videos.
#include "ui/images/thumbnailcache.h"

#include "core/dataset/imageio.h"

#include <QSignalSpy>
#include <QtTest>

using namespace saliscope;

class TestVideoThumbnails final : public QObject {
    Q_OBJECT

private slots:
    void showsFramesAndCrops()
    {
        const QString video = QStringLiteral(SALISCOPE_FIXTURE_DIR "/videos/moving.avi");
        ui::ThumbnailCache cache(64);
        const QString frame = video + "#frame=13";
        const QString crop = video + "#frame=13&crop=88,45,150,100";
        for (const QString& path : {frame, crop, video + "#frame=99"}) {
            QSignalSpy ready(&cache, &ui::ThumbnailCache::ready);
            cache.thumbnail(path);
            QVERIFY(ready.wait(20000));
        }
        const QImage shown = cache.thumbnail(frame).toImage();
        QCOMPARE(shown.size(), QSize(64, 48)); // 320x240 kept in proportion
        // The thumbnail is the frame: its top-left corner is the frame's background.
        auto pixels = readImageRgb(frame.toStdString());
        QVERIFY(pixels);
        const QColor corner = shown.pixelColor(0, 0);
        QVERIFY(std::abs(corner.green() - int(pixels->at(0, 0, 1))) < 12);
        QCOMPARE(cache.thumbnail(crop).toImage().size(), QSize(150, 100).scaled(64, 64, Qt::KeepAspectRatio));
        // A frame past the video's end is the broken mark, not a crash or an empty image.
        const QImage missing = cache.thumbnail(video + "#frame=99").toImage();
        QVERIFY(!missing.isNull());
        QVERIFY(missing != shown);
    }
};

QTEST_MAIN(TestVideoThumbnails)
#include "tst_videothumbnails.moc"
