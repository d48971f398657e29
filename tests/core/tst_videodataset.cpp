// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Videos as datasets and face crops, on the clips tests/fixtures/make_videos.cpp writes at build time.
#include "core/dataset/videodataset.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/facecrop.h"
#include "core/dataset/imageio.h"
#include "core/dataset/videoframes.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <map>

using namespace saliscope;

namespace {

QString videos(const QString& name) { return QStringLiteral(SALISCOPE_FIXTURE_DIR "/videos/") + name; }
std::string videoPath(const char* name) { return videos(QString::fromLatin1(name)).toStdString(); }

/// Where make_videos put the photograph in each frame: (video, frame) -> (x, y, side).
struct Placement {
    int x = 0, y = 0, side = 0;
};
std::map<std::pair<std::string, int>, Placement> placements()
{
    std::map<std::pair<std::string, int>, Placement> table;
    std::ifstream in(videoPath("placement.csv"));
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        const QStringList fields = QString::fromStdString(line).split(',');
        if (fields.size() == 5)
            table[{fields[0].toStdString(), fields[1].toInt()}] = {fields[2].toInt(), fields[3].toInt(),
                                                                   fields[4].toInt()};
    }
    return table;
}

/// The frame index make_videos wrote into the background (green = 40 + y / 4 + 4 i at x, y).
int frameIndexOf(const engine::ImageU8& frame, int x = 3, int y = 3)
{
    return int(std::lround((frame.at(y, x, 1) - 40 - y / 4) / 4.0));
}

class Messages final : public ProgressSink {
public:
    void progress(std::int64_t, std::int64_t) override {}
    void message(const std::string&) override {}
};

Dataset datasetOf(const std::vector<std::string>& paths, int label = 0)
{
    Dataset dataset;
    dataset.location = QStringLiteral(SALISCOPE_FIXTURE_DIR "/videos").toStdString();
    for (const auto& path : paths)
        dataset.records.push_back({path, label, {}, {}});
    return dataset;
}

bool hasProblem(const Dataset& dataset, const std::string& path, const std::string& words)
{
    for (const auto& [where, reason] : dataset.problems)
        if (where == path && reason.find(words) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestVideoDataset final : public QObject {
    Q_OBJECT

private slots:
    void samplesUniformlyOrByStep()
    {
        QCOMPARE(sampleFrameIndices(24, {8, 0}), (std::vector<int>{1, 4, 7, 10, 13, 16, 19, 22}));
        QCOMPARE(sampleFrameIndices(10, {3, 0}), (std::vector<int>{1, 5, 8}));
        QCOMPARE(sampleFrameIndices(5, {8, 0}), (std::vector<int>{0, 1, 2, 3, 4})); // fewer frames than asked
        QCOMPARE(sampleFrameIndices(10, {0, 4}), (std::vector<int>{0, 4, 8}));
        QCOMPARE(sampleFrameIndices(24, {2, 5}), (std::vector<int>{0, 5}));
        QCOMPARE(sampleFrameIndices(4, {0, 0}), (std::vector<int>{0, 1, 2, 3}));
        QVERIFY(sampleFrameIndices(0, {8, 0}).empty());
    }

    void parsesAndWritesFragmentPaths()
    {
        const std::string video = videoPath("moving.avi");
        SourcePath parsed = parseSourcePath(video + "#frame=12&crop=-3,4,50,60&angle=-7.25");
        QCOMPARE(parsed.file, video);
        QCOMPARE(parsed.frame, 12);
        QVERIFY(parsed.crop.has_value());
        QCOMPARE(*parsed.crop, (CropRegion{-3, 4, 50, 60, -7.25}));
        QCOMPARE(parsed.text(), video + "#frame=12&crop=-3,4,50,60&angle=-7.25");
        parsed = parseSourcePath("photo.jpg#crop=1,2,3,4");
        QCOMPARE(parsed.frame, -1);
        QCOMPARE(*parsed.crop, (CropRegion{1, 2, 3, 4, 0}));
        QCOMPARE(sourceFileOf(video + "#frame=3"), video);
        QVERIFY(isSourceFragmentPath(video + "#frame=3"));
        // Not the grammar: a plain path.
        for (const std::string bad : {video + "#frame=", video + "#frame=-1", video + "#frame=3&x=1",
                                      video + "#crop=1,2,3", video + "#crop=1,2,0,4", video + "#angle=3",
                                      video + "#frame=1&angle=2", video + "#frame=1e2", std::string("#frame=1")})
            QVERIFY2(!isSourceFragmentPath(bad) && parseSourcePath(bad).file == bad, bad.c_str());
        // A file whose name holds the text is that file.
        QTemporaryDir dir;
        const QString odd = dir.filePath(QStringLiteral("odd.png#frame=2"));
        QFile file(odd);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(!isSourceFragmentPath(odd.toStdString()));
    }

    void decodesTheSampledFrames()
    {
        auto decoded = decodeVideoFrames(videoPath("moving.avi"), {8, 0});
        QVERIFY2(decoded, decoded ? "" : decoded.error().c_str());
        QCOMPARE(decoded->announcedFrames, 24);
        QCOMPARE(decoded->decodedFrames, 24);
        QVERIFY(!decoded->truncated);
        QCOMPARE(decoded->width, 320);
        QCOMPARE(decoded->height, 240);
        QCOMPARE(decoded->indices, (std::vector<int>{1, 4, 7, 10, 13, 16, 19, 22}));
        QCOMPARE(decoded->frames.size(), std::size_t(8));
        for (std::size_t i = 0; i < decoded->frames.size(); ++i)
            QCOMPARE(frameIndexOf(decoded->frames[i]), decoded->indices[i]); // the right frames, in order
        // With a visitor the frames are handed over, not kept: the same indices and pixels.
        std::vector<int> visited;
        auto visitedRead = decodeVideoFrames(videoPath("moving.avi"), {8, 0}, 0,
                                             [&](int index, const engine::ImageU8& frame) {
                                                 QCOMPARE(frameIndexOf(frame), index);
                                                 visited.push_back(index);
                                             });
        QVERIFY(visitedRead);
        QVERIFY(visitedRead->frames.empty());
        QCOMPARE(visitedRead->indices, decoded->indices);
        QCOMPARE(visited, decoded->indices);
        // Every 5th frame of the mp4v clip.
        auto stepped = decodeVideoFrames(videoPath("scaled.mp4"), {0, 5});
        QVERIFY(stepped);
        QCOMPARE(stepped->indices, (std::vector<int>{0, 5, 10, 15, 20}));
        for (std::size_t i = 0; i < stepped->frames.size(); ++i)
            QCOMPARE(frameIndexOf(stepped->frames[i]), stepped->indices[i]);
    }

    void readsOneFrameByItsPath()
    {
        const std::string video = videoPath("moving.avi");
        auto decoded = decodeVideoFrames(video, {8, 0});
        QVERIFY(decoded);
        // Out of order, and twice: the same pixels as the sequential decode.
        for (int position : {4, 1, 7, 4}) {
            auto frame = readImageRgb(video + "#frame=" + std::to_string(decoded->indices[std::size_t(position)]));
            QVERIFY2(frame, frame ? "" : frame.error().c_str());
            QVERIFY(frame.value() == decoded->frames[std::size_t(position)]);
        }
        auto crop = readImageRgb(video + "#frame=13&crop=30,20,50,40");
        QVERIFY(crop);
        QCOMPARE(crop->width, 50);
        QCOMPARE(crop->height, 40);
        const engine::ImageU8& frame13 = decoded->frames[4];
        QCOMPARE(crop->at(5, 7, 1), frame13.at(25, 37, 1));
        QCOMPARE(crop->at(39, 49, 2), frame13.at(59, 79, 2));
        auto past = readVideoFrame(video, 24);
        QVERIFY(!past);
        QVERIFY2(past.error().find("does not decode") != std::string::npos, past.error().c_str());
    }

    void hashesFramesApart()
    {
        const std::string video = videoPath("moving.avi");
        auto file = hashFile(video);
        auto frame4 = hashFile(video + "#frame=4");
        auto frame7 = hashFile(video + "#frame=7");
        QVERIFY(file && frame4 && frame7);
        QVERIFY(frame4.value() != frame7.value());
        QVERIFY(frame4.value() != file.value());
        const std::string key = file.value() + "#frame=4";
        QCOMPARE(frame4.value(), hashBytes(key.data(), key.size()));
        QVERIFY(!hashFile(videoPath("missing.avi") + "#frame=4"));
    }

    void refusesBrokenVideos()
    {
        QTemporaryDir dir;
        const std::string empty = dir.filePath(QStringLiteral("empty.mp4")).toStdString();
        std::ofstream(empty).close();
        const std::string text = dir.filePath(QStringLiteral("text.mkv")).toStdString();
        std::ofstream(text) << "not a video at all\n";
        auto emptyRead = decodeVideoFrames(empty, {});
        QVERIFY(!emptyRead);
        QVERIFY2(emptyRead.error().find("empty file") != std::string::npos, emptyRead.error().c_str());
        auto textRead = decodeVideoFrames(text, {});
        QVERIFY(!textRead);
        QVERIFY2(textRead.error().find("cannot open the video") != std::string::npos, textRead.error().c_str());
        QVERIFY(!decodeVideoFrames(dir.filePath(QStringLiteral("none.avi")).toStdString(), {}));

        // Truncated: the header announces 24 frames, fewer decode; resampled from those before the last.
        auto truncated = decodeVideoFrames(videoPath("truncated.avi"), {8, 0});
        QVERIFY2(truncated, truncated ? "" : truncated.error().c_str());
        QCOMPARE(truncated->announcedFrames, 24);
        QVERIFY(truncated->truncated);
        QVERIFY(truncated->decodedFrames > 1 && truncated->decodedFrames < 24);
        QCOMPARE(truncated->indices, sampleFrameIndices(truncated->decodedFrames - 1, {8, 0}));
        for (std::size_t i = 0; i < truncated->frames.size(); ++i)
            QCOMPARE(frameIndexOf(truncated->frames[i]), truncated->indices[i]);

        // In a dataset all of them are set aside with the reason; nothing stops.
        Dataset dataset = datasetOf({empty, text, videoPath("truncated.avi"), videoPath("noface.avi")});
        Messages sink;
        auto stats = expandVideos(dataset, {}, sink, CancelToken());
        QVERIFY(stats);
        QCOMPARE(stats->videos, 4);
        QCOMPARE(stats->skippedVideos, 3);
        QCOMPARE(dataset.records.size(), std::size_t(8)); // noface.avi's 8 frames
        QVERIFY(hasProblem(dataset, empty, "empty file"));
        QVERIFY(hasProblem(dataset, text, "cannot open the video"));
        QVERIFY(hasProblem(dataset, videoPath("truncated.avi"), "announces 24 frames"));
    }

    void framesBecomeRecordsGroupedByVideo()
    {
        Dataset dataset = datasetOf({videoPath("moving.avi"), videoPath("scaled.mp4")}, 1);
        dataset.records.push_back({"/somewhere/else/photo.png", 0, "kept", {}});
        dataset.records[1].group = "given";
        Messages sink;
        auto stats = expandVideos(dataset, {{3, 0}}, sink, CancelToken());
        QVERIFY(stats);
        QCOMPARE(stats->videos, 2);
        QCOMPARE(stats->frames, 6);
        QCOMPARE(dataset.records.size(), std::size_t(7));
        const std::vector<std::string> paths{videoPath("moving.avi") + "#frame=4",
                                             videoPath("moving.avi") + "#frame=12",
                                             videoPath("moving.avi") + "#frame=20",
                                             videoPath("scaled.mp4") + "#frame=4",
                                             videoPath("scaled.mp4") + "#frame=12",
                                             videoPath("scaled.mp4") + "#frame=20"};
        for (std::size_t i = 0; i < paths.size(); ++i) {
            QCOMPARE(dataset.records[i].path, paths[i]);
            QCOMPARE(dataset.records[i].label, 1);
            QCOMPARE(dataset.records[i].group, std::string(i < 3 ? "moving" : "given"));
        }
        QCOMPARE(dataset.records[6].path, std::string("/somewhere/else/photo.png")); // not a video: as it was
        QVERIFY(dataset.problems.empty());
        QCOMPARE(videoGroupName("/data/set", "/data/set/a/b/clip.mp4"), std::string("a/b/clip"));
        QCOMPARE(videoGroupName("/data/list.csv", "/data/clip.mp4"), std::string("clip"));
        QCOMPARE(videoGroupName("/data/set", "/elsewhere/clip.mkv"), std::string("clip"));
    }

    void findsTheFaceWhereItWasPlaced()
    {
        const auto placed = placements();
        QVERIFY(placed.size() >= 48);
        auto decoded = decodeVideoFrames(videoPath("moving.avi"), {8, 0});
        QVERIFY(decoded);
        for (std::size_t i = 0; i < decoded->frames.size(); ++i) {
            const Placement where = placed.at({"moving.avi", decoded->indices[i]});
            auto crop = findFaceCrop(decoded->frames[i], {});
            QVERIFY(crop);
            QVERIFY2(crop->has_value(), "no face found in moving.avi");
            const FaceBox box = crop->value().box;
            // The box lies on the photograph, and follows it as it moves.
            QVERIFY2(box.x >= where.x && box.y >= where.y && box.x + box.width <= where.x + where.side
                         && box.y + box.height <= where.y + where.side && box.width >= where.side / 2,
                     qPrintable(QString("frame %1: box %2,%3 %4x%5, photo at %6,%7")
                                    .arg(decoded->indices[i])
                                    .arg(box.x)
                                    .arg(box.y)
                                    .arg(box.width)
                                    .arg(box.height)
                                    .arg(where.x)
                                    .arg(where.y)));
            // The crop is FaceForensics++'s square of 1.3 x the box around it.
            const CropRegion region = crop->value().region;
            QCOMPARE(region, faceCropRegion(box, 320, 240, 1.3));
            QCOMPARE(region.width, region.height);
            QVERIFY(region.x <= box.x && region.y <= box.y && region.x + region.width >= box.x + box.width
                    && region.y + region.height >= box.y + box.height);
        }
        // The box grows with the scaled photograph.
        auto scaled = decodeVideoFrames(videoPath("scaled.mp4"), {0, 23});
        QVERIFY(scaled);
        QCOMPARE(scaled->indices, (std::vector<int>{0, 23}));
        auto small = findFaceCrop(scaled->frames[0], {});
        auto large = findFaceCrop(scaled->frames[1], {});
        QVERIFY(small && large && small->has_value() && large->has_value());
        QVERIFY(large->value().box.width > small->value().box.width * 3 / 2);
        for (const auto& frame : scaled->frames) // centred at (160, 120)
            QVERIFY(
                std::abs(findFaceCrop(frame, {}).value()->box.x + findFaceCrop(frame, {}).value()->box.width / 2 - 160)
                < 20);
    }

    void cropsTheFormulaOfFaceForensics()
    {
        // get_boundingbox: size = int(max(x2 - x1, y2 - y1) * 1.3) with inclusive corners, clipped.
        QCOMPARE(faceCropRegion({100, 50, 101, 81, 1}, 640, 480, 1.3), (CropRegion{85, 25, 130, 130, 0}));
        QCOMPARE(faceCropRegion({0, 0, 101, 101, 1}, 640, 480, 1.3), (CropRegion{0, 0, 130, 130, 0}));
        QCOMPARE(faceCropRegion({550, 400, 101, 101, 1}, 640, 480, 1.3), (CropRegion{535, 385, 95, 95, 0}));
        QCOMPARE(faceCropRegion({100, 50, 101, 81, 1}, 640, 480, 2.0), (CropRegion{50, 0, 200, 200, 0}));
    }

    void setsAsideFramesWithoutAFace()
    {
        QTemporaryDir cache;
        Dataset dataset = datasetOf({videoPath("moving.avi"), videoPath("noface.avi")});
        VideoDatasetParams params;
        params.sampling = {4, 0};
        params.faces = true;
        params.cacheFolder = cache.path().toStdString();
        Messages sink;
        auto stats = expandVideos(dataset, params, sink, CancelToken());
        QVERIFY2(stats, stats ? "" : stats.error().c_str());
        QCOMPARE(stats->faces, 4);
        QCOMPARE(stats->noFace, 4);
        QCOMPARE(stats->cacheHits, 0);
        QCOMPARE(dataset.records.size(), std::size_t(4));
        for (const auto& record : dataset.records) {
            const SourcePath source = parseSourcePath(record.path);
            QCOMPARE(source.file, videoPath("moving.avi"));
            QVERIFY(source.frame >= 0 && source.crop.has_value());
            auto crop = readImageRgb(record.path);
            QVERIFY(crop);
            QCOMPARE(crop->width, source.crop->width);
            // The crop holds the face: the detector finds one filling most of it.
            const auto again = detectFaces(crop.value(), 1);
            QVERIFY(!again.empty());
            QVERIFY(again.front().width > crop->width / 2);
        }
        for (int frame : sampleFrameIndices(12, {4, 0}))
            QVERIFY(hasProblem(dataset, videoPath("noface.avi") + "#frame=" + std::to_string(frame), "no face found"));

        // The second time everything comes from the cache, with the same records.
        Dataset again = datasetOf({videoPath("moving.avi"), videoPath("noface.avi")});
        auto cached = expandVideos(again, params, sink, CancelToken());
        QVERIFY(cached);
        QCOMPARE(cached->cacheHits, 2);
        QCOMPARE(cached->faces, 4);
        QCOMPARE(cached->noFace, 4);
        QCOMPARE(again.records.size(), dataset.records.size());
        for (std::size_t i = 0; i < again.records.size(); ++i)
            QCOMPARE(again.records[i].path, dataset.records[i].path);
        QCOMPARE(again.problems, dataset.problems);
    }

    void alignsTurnedFacesAndCropsStillImages()
    {
        // A frame of moving.avi turned by 20 degrees, as a still image.
        QTemporaryDir dir;
        auto frames = decodeVideoFrames(videoPath("moving.avi"), {1, 0});
        QVERIFY(frames);
        CropRegion turn{0, 0, 320, 240, 20.0};
        auto turned = cropImage(frames->frames[0], turn);
        QVERIFY(turned);
        const std::string still = dir.filePath(QStringLiteral("turned.png")).toStdString();
        QVERIFY(writeImage(still, turned.value()));
        auto image = readImageRgb(still);
        QVERIFY(image);

        FaceCropParams params;
        params.upsample = 1;
        params.align = true;
        auto aligned = findFaceCrop(image.value(), params);
        QVERIFY2(aligned, aligned ? "" : aligned.error().c_str());
        QVERIFY2(aligned->has_value(), "no face found in the turned photograph");
        // The frame was turned 20 degrees counter-clockwise: levelling the eyes turns it back.
        QVERIFY2(std::abs(aligned->value().region.angle + 20.0) < 6.0,
                 qPrintable(QString::number(aligned->value().region.angle)));

        Dataset dataset = datasetOf({still});
        VideoDatasetParams video;
        video.faces = true;
        video.face = params;
        Messages sink;
        auto stats = expandVideos(dataset, video, sink, CancelToken());
        QVERIFY(stats);
        QCOMPARE(stats->faces, 1);
        QCOMPARE(dataset.records.size(), std::size_t(1));
        const SourcePath source = parseSourcePath(dataset.records[0].path);
        QCOMPARE(source.file, still);
        QCOMPARE(source.frame, -1);
        QVERIFY(source.crop && source.crop->angle != 0);
        QVERIFY(readImageRgb(dataset.records[0].path));

        params.landmarkModel = dir.filePath(QStringLiteral("missing.dat")).toStdString();
        auto missing = findFaceCrop(image.value(), params);
        QVERIFY(!missing);
        QVERIFY(missing.error().find("missing.dat") != std::string::npos);
    }

    void recognisesFaceForensicsAndCelebDf()
    {
        const std::string root = QStringLiteral(SALISCOPE_FIXTURE_DIR "/ffpp").toStdString();
        DatasetSource source{root};
        source.video.sampling = {2, 0};
        Messages sink;
        auto ffpp = scanDataset(source, sink, CancelToken());
        QVERIFY2(ffpp, ffpp ? "" : ffpp.error().c_str());
        // 2 real and 2 fake videos, 2 frames each; the masks folder is not data.
        QCOMPARE(ffpp->records.size(), std::size_t(8));
        QCOMPARE(ffpp->videoStats.videos, 4);
        std::map<std::string, std::pair<int, int>> byVideo; // video -> (label, frames)
        std::map<std::string, std::string> groupOf;
        for (const auto& record : ffpp->records) {
            const SourcePath where = parseSourcePath(record.path);
            QVERIFY(where.frame >= 0);
            const std::string video = where.file.substr(root.size() + 1);
            byVideo[video] = {record.label, byVideo[video].second + 1};
            groupOf[video] = record.group;
        }
        const std::map<std::string, std::pair<int, int>> expected{
            {"original_sequences/youtube/c23/videos/000.mp4", {0, 2}},
            {"original_sequences/youtube/c23/videos/001.mp4", {0, 2}},
            {"manipulated_sequences/Deepfakes/c23/videos/000_001.mp4", {1, 2}},
            {"manipulated_sequences/Face2Face/c23/videos/001_000.mp4", {1, 2}}};
        QCOMPARE(byVideo, expected);
        QCOMPARE(groupOf["original_sequences/youtube/c23/videos/000.mp4"], std::string("youtube"));
        QCOMPARE(groupOf["manipulated_sequences/Deepfakes/c23/videos/000_001.mp4"], std::string("Deepfakes"));
        QCOMPARE(groupOf["manipulated_sequences/Face2Face/c23/videos/001_000.mp4"], std::string("Face2Face"));
        QVERIFY(hasProblem(ffpp.value(), root + "/manipulated_sequences/Deepfakes/masks", "masks"));

        // --classes can turn the meaning round.
        source.classes = ClassMapping::parse("original=1,manipulated=0").value();
        auto swapped = scanDataset(source, sink, CancelToken());
        QVERIFY(swapped);
        QCOMPARE(swapped->records.front().label, 1);

        const std::string celebRoot = QStringLiteral(SALISCOPE_FIXTURE_DIR "/celebdf").toStdString();
        DatasetSource celebSource{celebRoot};
        celebSource.video.sampling = {3, 0};
        celebSource.video.faces = true;
        auto celeb = scanDataset(celebSource, sink, CancelToken());
        QVERIFY2(celeb, celeb ? "" : celeb.error().c_str());
        QCOMPARE(celeb->records.size(), std::size_t(9));
        QCOMPARE(celeb->videoStats.faces, 9);
        std::map<std::string, int> labelOfGroup;
        for (const auto& record : celeb->records) {
            QVERIFY(parseSourcePath(record.path).crop.has_value());
            labelOfGroup[record.group] = record.label;
        }
        QCOMPARE(labelOfGroup,
                 (std::map<std::string, int>{{"Celeb-real", 0}, {"Celeb-synthesis", 1}, {"YouTube-real", 0}}));

        // A plain folder of videos: unlabelled, each frame grouped by its video.
        DatasetSource plain{QStringLiteral(SALISCOPE_FIXTURE_DIR "/videos").toStdString()};
        plain.video.sampling = {2, 0};
        auto clips = scanDataset(plain, sink, CancelToken());
        QVERIFY(clips);
        std::map<std::string, int> framesOfGroup;
        for (const auto& record : clips->records) {
            QCOMPARE(record.label, UnknownLabel);
            ++framesOfGroup[record.group];
        }
        QCOMPARE(framesOfGroup, (std::map<std::string, int>{{"moving", 2}, {"noface", 2}, {"scaled", 2}}));
        QVERIFY(hasProblem(clips.value(), plain.location + "/truncated.avi", "truncated"));
    }
};

QTEST_GUILESS_MAIN(TestVideoDataset)
#include "tst_videodataset.moc"
