// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-cli measure on videos (issue 22): the FaceForensics++ tree and the clips that
// tests/fixtures/make_videos.cpp writes at build time, with --faces, --frames and --frame-step.
#include "tests/app/clirun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <vector>

using namespace saliscope::test;

namespace {

/// The rows of a CSV file below its header, split at commas outside quotes (enough for these files).
QList<QStringList> csvRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        QStringList fields;
        QString field;
        bool quoted = false;
        for (const QChar c : lines[i]) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted) {
                fields << field;
                field.clear();
            } else
                field += c;
        }
        fields << field;
        rows << fields;
    }
    return rows;
}

} // namespace

class TestCliVideo final : public QObject {
    Q_OBJECT

private slots:
    void measuresFaceForensicsWithFaces()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const QString project = dir.filePath("ff.saliscope");
        const QStringList arguments{"measure",
                                    "all",
                                    "--dataset",
                                    fixture("ffpp"),
                                    "--model",
                                    reference("models/tiny_densenet.pt"),
                                    "--faces",
                                    "--frames",
                                    "3",
                                    "--set",
                                    "noise.levels=0,0.5",
                                    "--out",
                                    out,
                                    "--project",
                                    project};
        const Run run = cli(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("dataset: 4 videos, 0 set aside; 12 frames taken"), qPrintable(run.err));
        QVERIFY2(run.err.contains("dataset: 12 face crops; 0 frames or images without a face"), qPrintable(run.err));
        QVERIFY2(run.err.contains("manipulated_sequences/Deepfakes/masks: FaceForensics++ manipulation masks"),
                 qPrintable(run.err));

        // One row per frame crop: 4 videos x 3 frames, real first (original_sequences), then fake.
        const QList<QStringList> predictions = csvRows(out + "/predictions.csv");
        QCOMPARE(predictions.size(), 12);
        QMap<QString, int> labelOfVideo;
        QMap<QString, int> framesOfVideo;
        for (const QStringList& row : predictions) {
            const QString image = row.value(0);
            QVERIFY2(image.contains(QRegularExpression("\\.mp4#frame=[0-9]+&crop=[0-9]+,[0-9]+,[0-9]+,[0-9]+$")),
                     qPrintable(image));
            const QString video = QDir(fixture("ffpp")).relativeFilePath(image.section('#', 0, 0));
            labelOfVideo[video] = row.value(2).toInt();
            ++framesOfVideo[video];
        }
        const QMap<QString, int> expectedLabels{{"original_sequences/youtube/c23/videos/000.mp4", 0},
                                                {"original_sequences/youtube/c23/videos/001.mp4", 0},
                                                {"manipulated_sequences/Deepfakes/c23/videos/000_001.mp4", 1},
                                                {"manipulated_sequences/Face2Face/c23/videos/001_000.mp4", 1}};
        QCOMPARE(labelOfVideo, expectedLabels);
        for (int frames : framesOfVideo)
            QCOMPARE(frames, 3);
        for (const char* measure : {"entropy", "transforms", "noise", "degradation"})
            QVERIFY2(csvRows(out + "/" + measure + ".csv").size() >= 12, measure);

        // summary.json splits by method (the groups) and by video: a video's score is the mean of
        // its frames' scores in predictions.csv, its predicted class 1 from 0.5.
        QFile summaryFile(out + "/summary.json");
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const QJsonObject model =
            QJsonDocument::fromJson(summaryFile.readAll()).object()["models"].toObject()["tiny_densenet"].toObject();
        const QJsonObject groups = model["groups"].toObject();
        QCOMPARE(groups.keys(), (QStringList{"Deepfakes", "Face2Face", "youtube"}));
        QCOMPARE(groups["youtube"].toObject()["images"].toInt(), 6);
        QCOMPARE(groups["Deepfakes"].toObject()["images"].toInt(), 3);
        QVERIFY(!groups["Deepfakes"].toObject().contains("roc_auc")); // one class: fake
        QVERIFY(groups["Face2Face"].toObject()["entropy"].isDouble());
        QMap<QString, double> scoreSums;
        for (const QStringList& row : predictions)
            scoreSums[QDir(fixture("ffpp")).relativeFilePath(row.value(0).section('#', 0, 0))] +=
                row.value(4).toDouble();
        const QJsonObject videos = model["videos"].toObject();
        QCOMPARE(videos["count"].toInt(), 4);
        std::vector<double> realScores, fakeScores;
        int right = 0;
        for (const auto& value : videos["table"].toArray()) {
            const QJsonObject video = value.toObject();
            const QString path = QDir(fixture("ffpp")).relativeFilePath(video["video"].toString());
            QVERIFY2(expectedLabels.contains(path), qPrintable(path));
            QCOMPARE(video["label"].toInt(), expectedLabels[path]);
            QCOMPARE(video["frames"].toInt(), 3);
            QCOMPARE(video["group"].toString(), path.section('/', 1, 1));
            const double score = video["score"].toDouble();
            QVERIFY2(std::abs(score - scoreSums[path] / 3) < 1e-9, qPrintable(path));
            QCOMPARE(video["predicted"].toInt(), score >= 0.5 ? 1 : 0);
            right += video["predicted"].toInt() == expectedLabels[path];
            (expectedLabels[path] == 1 ? fakeScores : realScores).push_back(score);
        }
        QCOMPARE(videos["accuracy"].toDouble(), right / 4.0);
        double ordered = 0;
        for (double fake : fakeScores)
            for (double real : realScores)
                ordered += fake > real ? 1.0 : fake == real ? 0.5 : 0.0;
        QVERIFY(std::abs(videos["roc_auc"].toDouble() - ordered / 4) < 1e-12);

        // Again: everything is in the project, and the frames' faces come from its cache.
        const Run again = cli(arguments);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.err.contains("12 images already done"), qPrintable(again.err));
        QVERIFY(QDir(project + ".cache/faces").exists());
        QCOMPARE(csvRows(out + "/predictions.csv"), predictions);
    }

    void setsAsideBrokenVideosAndFramesWithoutFaces()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const Run run = cli({"measure", "entropy", "--dataset", fixture("videos"), "--model",
                             reference("models/tiny_densenet.pt"), "--faces", "--frames", "8", "--frame-step", "5",
                             "--out", out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("truncated.avi: truncated or damaged video: the container announces 24 frames"),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains("noface.avi#frame=5: no face found"), qPrintable(run.err));
        QVERIFY2(run.err.contains("dataset: 4 videos, 1 set aside"), qPrintable(run.err));
        // Every 5th frame: moving.avi and scaled.mp4 (24 frames) give 0, 5, 10, 15, 20, all with a face.
        const QList<QStringList> rows = csvRows(out + "/entropy.csv");
        QCOMPARE(rows.size(), 10);
        QStringList frames;
        for (const QStringList& row : rows)
            frames << row.value(0).section('#', 1).section('&', 0, 0);
        QCOMPARE(frames.mid(0, 5), (QStringList{"frame=0", "frame=5", "frame=10", "frame=15", "frame=20"}));
        QVERIFY(rows.front().value(0).startsWith(fixture("videos/moving.avi#")));
        QVERIFY(rows.back().value(0).startsWith(fixture("videos/scaled.mp4#")));
    }

    void refusesBadVideoOptions()
    {
        QTemporaryDir dir;
        const QStringList common{"measure",         "entropy",          "--dataset",
                                 fixture("videos"), "--model",          reference("models/tiny_densenet.pt"),
                                 "--out",           dir.filePath("out")};
        Run run = cli(common + QStringList{"--face-margin", "1.5"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("need --faces"), qPrintable(run.err));
        run = cli(common + QStringList{"--frames", "-2"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("--frames takes a whole number"), qPrintable(run.err));
        run = cli(common + QStringList{"--faces", "--face-margin", "zero"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("--face-margin takes a number"), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliVideo)
#include "tst_clivideo.moc"
