// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's optional video dataset (issue 22, part 6): clips of the demo's test faces that scan
// as a manifest of videos, with their class, their artefact group and moving frames.

#include "core/dataset/dataset.h"
#include "core/dataset/imageio.h"
#include "core/dataset/videoframes.h"
#include "core/demo/demodataset.h"
#include "core/measures/measuresummary.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <set>

using namespace saliscope;

namespace {

/// Mean absolute difference of two RGB images of one size.
double meanDifference(const engine::ImageU8& a, const engine::ImageU8& b)
{
    if (a.pixels.size() != b.pixels.size() || a.pixels.empty())
        return 255;
    double sum = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
    return sum / double(a.pixels.size());
}

} // namespace

class TestDemoVideos final : public QObject {
    Q_OBJECT

private slots:
    void clipsOfTestFacesScanAsVideos()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        DemoDatasetParams params;
        params.outputDirectory = root.filePath("dataset").toStdString();
        params.imagesPerClass = 12;
        params.imageSize = 64;
        NullProgressSink sink;
        const auto dataset = generateDemoDataset(params, sink, CancelToken());
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().c_str());

        const DemoVideoParams videoParams{root.filePath("videos").toStdString(), 2, 4};
        const auto made = makeDemoVideos(dataset.value(), videoParams);
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().c_str());
        QVERIFY(!made->reused);
        QCOMPARE(made->clips, 4);
        for (const char* clip : {"real/clip_00.avi", "real/clip_01.avi", "fake/clip_00.avi", "fake/clip_01.avi"})
            QVERIFY2(QFileInfo::exists(root.filePath(QStringLiteral("videos/") + clip)), clip);

        DatasetSource source{made->manifestPath};
        const auto scanned = scanDataset(source, sink, CancelToken());
        QVERIFY2(scanned.ok(), scanned.ok() ? "" : scanned.error().c_str());
        QVERIFY(scanned->problems.empty());
        QCOMPARE(scanned->records.size(), std::size_t(16)); // 4 clips x 4 frames
        QCOMPARE(scanned->videoStats.videos, 4);
        std::set<std::string> realGroups, fakeGroups;
        for (const auto& record : scanned->records) {
            const SourcePath path = parseSourcePath(record.path);
            QVERIFY2(path.frame >= 0 && path.frame < 4, record.path.c_str());
            const bool fake = path.file.find("/fake/") != std::string::npos;
            QCOMPARE(record.label, fake ? 1 : 0);
            (fake ? fakeGroups : realGroups).insert(record.group);
        }
        // Real clips are "real"; a fake clip has its face's artefact kinds (demo manifest).
        QCOMPARE(realGroups, (std::set<std::string>{"real"}));
        for (const auto& group : fakeGroups)
            QVERIFY2(group != "real" && group != "fake" && !group.empty(), group.c_str());
        const ImageGrouping grouping = ImageGrouping::of(scanned->records);
        QVERIFY(grouping.hasVideos());
        QCOMPARE(std::set<std::string>(grouping.videos.begin(), grouping.videos.end()).size(), std::size_t(4));

        // Frame 0 is the first test face, as MJPG keeps it; later frames move away from it.
        const QDir realTest(root.filePath("dataset/test/real"));
        const QStringList realFaces = realTest.entryList({"*.png"}, QDir::Files, QDir::Name);
        QVERIFY(!realFaces.isEmpty());
        const auto face = readImageRgb(realTest.filePath(realFaces.front()).toStdString());
        const std::string clip = root.filePath("videos/real/clip_00.avi").toStdString();
        const auto first = readVideoFrame(clip, 0);
        const auto last = readVideoFrame(clip, 3);
        QVERIFY(face.ok() && first.ok() && last.ok());
        QCOMPARE(first->width, 64);
        QVERIFY2(meanDifference(face.value(), first.value()) < 6, "frame 0 is not the face");
        QVERIFY2(meanDifference(first.value(), last.value()) > 2 * meanDifference(face.value(), first.value()),
                 "the face does not move");

        // Made again: the same manifest and clips are reused.
        const auto again = makeDemoVideos(dataset.value(), videoParams);
        QVERIFY(again.ok() && again->reused);
    }
};

QTEST_GUILESS_MAIN(TestDemoVideos)
#include "tst_demovideos.moc"
