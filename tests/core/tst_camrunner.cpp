// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cam/camrunner.h"
#include "core/dataset/imageio.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace saliscope;

namespace {

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

QStringList csvLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
}

} // namespace

class TestCamRunner final : public QObject {
    Q_OBJECT

private slots:
    void reproducesReferenceMaps_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("upscaled");
        QTest::newRow("densenet small") << "tiny_densenet" << false;
        QTest::newRow("densenet upscaled") << "tiny_densenet" << true;
        QTest::newRow("resnet small") << "tiny_resnet" << false;
        QTest::newRow("resnet upscaled") << "tiny_resnet" << true;
    }

    void reproducesReferenceMaps()
    {
        QFETCH(QString, model);
        QFETCH(bool, upscaled);
        QTemporaryDir out;
        CamRunParams params;
        params.modelPath = reference(QStringLiteral("models/%1.pt").arg(model)).toStdString();
        params.inputs = {reference(QStringLiteral("faces")).toStdString()};
        params.outputDirectory = out.path().toStdString();
        params.upscaled = upscaled;
        params.batchSize = 2; // 5 images: two full batches and a partial one
        NullProgressSink progress;
        auto result = runCam(params, progress, CancelToken());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        QCOMPARE(result->mapsWritten, 5);
        QVERIFY(result->skipped.empty());
        const QStringList faces = QDir(reference(QStringLiteral("faces"))).entryList({"*.png"});
        QCOMPARE(faces.size(), 5);
        for (const QString& face : faces) {
            const QString stem = QFileInfo(face).completeBaseName();
            auto written = readImageGray(out.filePath(stem + ".png").toStdString());
            QVERIFY(written.ok());
            auto expected = readImageGray(
                reference(QStringLiteral("gradcam/%1__%2__%3.png").arg(model, stem, upscaled ? "upscaled" : "small"))
                    .toStdString());
            QVERIFY(expected.ok());
            QVERIFY2(written.value() == expected.value(), qPrintable(stem));
        }
        // cams.csv: header + one row per image with the reference scores.
        const auto lines = csvLines(QString::fromStdString(result->csvPath));
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines[0],
                 QStringLiteral("image,map,predicted_class,predicted_label,score,softmax_real,"
                                "softmax_synthetic,logit_real,logit_synthetic,flat"));
        QFile json(reference(QStringLiteral("gradcam/expected.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        for (const auto& value : QJsonDocument::fromJson(json.readAll()).object().value("cases").toArray()) {
            const auto c = value.toObject();
            if (!c.value("model").toString().contains(model))
                continue;
            const QString image = QFileInfo(c.value("image").toString()).fileName();
            const auto row = std::find_if(lines.begin(), lines.end(),
                                          [&](const QString& l) { return l.contains(image); });
            QVERIFY(row != lines.end());
            const auto fields = row->split(',');
            QCOMPARE(fields[2].toInt(), c.value("class").toInt());
            QVERIFY(std::fabs(fields[4].toDouble() - c.value("score_sigmoid_class1").toDouble()) < 1e-6);
            QCOMPARE(fields[9], QStringLiteral("0"));
        }
    }

    void skipsUnreadableImagesAndResizes()
    {
        QTemporaryDir in;
        QTemporaryDir out;
        QFile::copy(reference(QStringLiteral("faces/ffhq_00001.png")), in.filePath(QStringLiteral("a.png")));
        QImage big(reference(QStringLiteral("faces/stylegan1_000700.png")));
        QVERIFY(big.scaled(448, 400).save(in.filePath(QStringLiteral("big.png"))));
        QFile broken(in.filePath(QStringLiteral("broken.jpg")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not a jpeg");
        broken.close();
        CamRunParams params;
        params.modelPath = reference(QStringLiteral("models/tiny_resnet.pt")).toStdString();
        params.inputs = {in.path().toStdString()};
        params.outputDirectory = out.path().toStdString();
        NullProgressSink progress;
        auto result = runCam(params, progress, CancelToken());
        QVERIFY(result.ok());
        QCOMPARE(result->mapsWritten, 2);
        QCOMPARE(int(result->skipped.size()), 1);
        QVERIFY(QString::fromStdString(result->skipped.front().first).endsWith("broken.jpg"));
        QVERIFY(QString::fromStdString(result->skipped.front().second).contains("not a readable image"));
        auto map = readImageGray(out.filePath(QStringLiteral("big.png")).toStdString());
        QVERIFY(map.ok());
        QCOMPARE(map->width, 7);
    }

    void oneOutputModelHasOneLogitColumn()
    {
        // A sigmoid detector: two class probabilities, one raw logit, every row as wide as the header.
        QTemporaryDir out;
        CamRunParams params;
        params.modelPath = SALISCOPE_FIXTURE_DIR "/one_logit.pt";
        params.inputs = {reference(QStringLiteral("faces")).toStdString()};
        params.outputDirectory = out.path().toStdString();
        NullProgressSink progress;
        auto result = runCam(params, progress, CancelToken());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        const QStringList lines = csvLines(out.filePath(QStringLiteral("cams.csv")));
        QCOMPARE(lines.front(),
                 QStringLiteral("image,map,predicted_class,predicted_label,score,softmax_real,"
                                "softmax_synthetic,logit,flat"));
        QCOMPARE(lines.size(), 1 + result->mapsWritten);
        for (const QString& line : lines.mid(1)) {
            const QStringList fields = line.split(',');
            QCOMPARE(fields.size(), 9);
            const double z = fields[7].toDouble();
            QCOMPARE(fields[2].toInt(), z > 0 ? 1 : 0);
            QVERIFY(std::fabs(fields[4].toDouble() - 1.0 / (1.0 + std::exp(-z))) <= 1e-6);
        }
    }

    void errorsStopTheRun_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("missing model") << "nope.pt"
                                       << "faces"
                                       << "no such model file";
        QTest::newRow("missing input") << "models/tiny_resnet.pt"
                                       << "nothing-here"
                                       << "no such file or folder";
        QTest::newRow("no images") << "models/tiny_resnet.pt"
                                   << "ssim"
                                   << "no images";
    }

    void errorsStopTheRun()
    {
        QFETCH(QString, model);
        QFETCH(QString, input);
        QFETCH(QString, fragment);
        QTemporaryDir out;
        CamRunParams params;
        params.modelPath = reference(model).toStdString();
        params.inputs = {reference(input).toStdString()};
        params.outputDirectory = out.path().toStdString();
        NullProgressSink progress;
        auto result = runCam(params, progress, CancelToken());
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error()).contains(fragment), result.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestCamRunner)
#include "tst_camrunner.moc"
