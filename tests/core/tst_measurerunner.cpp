// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The five measures over a small labelled dataset of the reference faces, with the reference
// models: golden values where the paper's pipeline defines them, properties elsewhere.

#include "core/measures/measurerunner.h"
#include "core/measures/measuresummary.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace saliscope;

namespace {

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QJsonDocument::fromJson(file.readAll()).object();
}

const MeasureTable& tableOf(const MeasureRunResult& result, MeasureKind kind)
{
    for (const auto& table : result.tables)
        if (table.measure == kind)
            return table;
    qFatal("no table for %s", measureName(kind));
}

double value(const MeasureTable& table, const MeasureRow& row, const char* column)
{
    return row.values.at(std::size_t(table.column(column)));
}

} // namespace

class TestMeasureRunner final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir root(m_dir.path());
        root.mkpath("real");
        root.mkpath("fake");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), root.filePath("real/ffhq_00001.png")));
        for (const char* face :
             {"stylegan1_000700", "stylegan2_000700", "stylegan2ada_seed81155", "stylegan3_seed278567"})
            QVERIFY(QFile::copy(reference(QStringLiteral("faces/%1.png").arg(face)),
                                root.filePath(QStringLiteral("fake/%1.png").arg(face))));
        NullProgressSink progress;
        auto dataset = scanDataset({m_dir.path().toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        QCOMPARE(int(dataset->records.size()), 5);
        m_dataset = dataset.value();
    }

    void entropyAndStabilityMatchTheReference()
    {
        MeasureRunParams params;
        params.measures = {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Stability};
        params.models = {{"tiny_densenet", reference("models/tiny_densenet.pt").toStdString(), {}, {}},
                         {"tiny_resnet", reference("models/tiny_resnet.pt").toStdString(), {}, {}}};
        params.families = {{"pair", {"tiny_densenet", "tiny_resnet"}}};
        params.dataset = m_dataset;
        params.batchSize = 3;
        NullProgressSink progress;
        auto result = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        QCOMPARE(result->imagesComputed, std::int64_t(5));

        // (a) entropy of each map equals the reference pipeline's (exact to 1e-12).
        const auto golden = readJson(reference("gradcam/expected.json")).value("cases").toArray();
        const auto& entropy = tableOf(result.value(), MeasureKind::Entropy);
        QCOMPARE(int(entropy.rows.size()), 10);
        int matched = 0;
        for (const auto& row : entropy.rows) {
            const QString image =
                QFileInfo(QString::fromStdString(m_dataset.records[std::size_t(row.imageIndex)].path)).fileName();
            for (const auto& c : golden) {
                const auto object = c.toObject();
                if (object.value("image").toString().endsWith(image)
                    && object.value("model").toString().contains(QString::fromStdString(row.model))) {
                    QVERIFY(std::fabs(value(entropy, row, "entropy_bits") - object.value("entropy_bits").toDouble())
                            < 1e-12);
                    QVERIFY(std::fabs(value(entropy, row, "normalized_entropy")
                                      - object.value("normalized_entropy").toDouble())
                            < 1e-12);
                    ++matched;
                }
            }
        }
        QCOMPARE(matched, 10);

        // (d) the SSIM of the two models' small maps equals ssim/expected.json (1e-9).
        const auto pairs = readJson(reference("ssim/expected.json")).value("pairs").toArray();
        const auto& stability = tableOf(result.value(), MeasureKind::Stability);
        QCOMPARE(int(stability.rows.size()), 5);
        for (const auto& row : stability.rows) {
            QCOMPARE(row.model, std::string("tiny_densenet|tiny_resnet"));
            const QString stem = QFileInfo(QString::fromStdString(m_dataset.records[std::size_t(row.imageIndex)].path))
                                     .completeBaseName();
            bool found = false;
            for (const auto& p : pairs) {
                const auto object = p.toObject();
                if (object.value("a").toString() == QStringLiteral("gradcam/tiny_densenet__%1__small.png").arg(stem)) {
                    QVERIFY(std::fabs(row.values[0] - object.value("ssim").toDouble()) < 1e-9);
                    found = true;
                }
            }
            QVERIFY(found);
        }

        // Summary: accuracy, AUC and the K x K matrix follow from the rows.
        const auto summary = summarizeMeasures(result->tables, params.settings, params.families);
        const auto densenet = summary.value("models").toObject().value("tiny_densenet").toObject();
        int correct = 0;
        for (const auto& c : golden) {
            const auto object = c.toObject();
            if (object.value("model").toString().contains("tiny_densenet"))
                correct += object.value("class").toInt() == (object.value("image").toString().contains("ffhq") ? 0 : 1);
        }
        QCOMPARE(densenet.value("accuracy").toDouble(), correct / 5.0);
        const auto matrix = summary.value("families").toObject().value("pair").toObject().value("matrix").toArray();
        QCOMPARE(matrix.size(), 2);
        QCOMPARE(matrix[0].toArray()[0].toDouble(), 1.0);
        double mean = 0;
        for (const auto& row : stability.rows)
            mean += row.values[0] / 5.0;
        QVERIFY(std::fabs(matrix[0].toArray()[1].toDouble() - mean) < 1e-12);
        QCOMPARE(matrix[1].toArray()[0].toDouble(), matrix[0].toArray()[1].toDouble());
    }

    void stabilityOfAModelWithItselfIsOne()
    {
        MeasureRunParams params;
        params.measures = {MeasureKind::Predictions, MeasureKind::Stability};
        const std::string path = reference("models/tiny_resnet.pt").toStdString();
        params.models = {{"run1", path, {}, {}}, {"run2", path, {}, {}}, {"run3", path, {}, {}}};
        params.dataset = m_dataset;
        NullProgressSink progress;
        auto result = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY(result.ok());
        const auto& stability = tableOf(result.value(), MeasureKind::Stability);
        QCOMPARE(int(stability.rows.size()), 5 * 3); // K(K-1)/2 = 3 pairs per image
        for (const auto& row : stability.rows)
            QCOMPARE(row.values[0], 1.0);
    }

    void noiseTransformsDegradationProduceEveryVariant()
    {
        MeasureRunParams params;
        params.measures = {MeasureKind::Predictions, MeasureKind::Noise, MeasureKind::Transforms,
                           MeasureKind::Degradation};
        params.models = {{"tiny_resnet", reference("models/tiny_resnet.pt").toStdString(), {}, {}}};
        params.dataset = m_dataset;
        params.includeImage = [](std::int64_t index) { return index < 2; }; // two images keep the test short
        NullProgressSink progress;
        auto result = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        QCOMPARE(result->imagesComputed, std::int64_t(2));

        const auto& noise = tableOf(result.value(), MeasureKind::Noise);
        QCOMPARE(int(noise.rows.size()), 2 * 8);
        const auto& transforms = tableOf(result.value(), MeasureKind::Transforms);
        QCOMPARE(int(transforms.rows.size()), 2 * 12);
        std::set<std::string> names;
        for (const auto& row : transforms.rows) {
            names.insert(row.variant);
            const double ssim = value(transforms, row, "ssim_upscaled");
            QVERIFY(ssim <= 1.0 + 1e-12 && ssim >= -1.0);
        }
        QCOMPARE(int(names.size()), 12);
        QVERIFY(names.count("shift:16,-16"));
        const auto& degradation = tableOf(result.value(), MeasureKind::Degradation);
        QCOMPARE(int(degradation.rows.size()), 2 * 2);

        // At noise level 1 every channel value is 0 or 255: the maps change, so SSIM < 1.
        for (const auto& row : noise.rows)
            if (value(noise, row, "level") == 1.0)
                QVERIFY(value(noise, row, "ssim_small") < 1.0);

        // Same seed, same rows; another seed changes the noisy rows (above level 0).
        auto again = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY(again.ok());
        const auto& noiseAgain = tableOf(again.value(), MeasureKind::Noise);
        for (std::size_t i = 0; i < noise.rows.size(); ++i)
            QVERIFY(noise.rows[i].values == noiseAgain.rows[i].values);
        params.settings.noise.seed = 12345;
        params.measures = {MeasureKind::Predictions, MeasureKind::Noise};
        auto reseeded = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY(reseeded.ok());
        const auto& noiseReseeded = tableOf(reseeded.value(), MeasureKind::Noise);
        int different = 0;
        for (std::size_t i = 0; i < noise.rows.size(); ++i)
            different += noise.rows[i].values != noiseReseeded.rows[i].values;
        QVERIFY(different >= 10); // all but the p = 0 rows (and any exact ties)

        const auto summary = summarizeMeasures(result->tables, params.settings, {});
        const auto model = summary.value("models").toObject().value("tiny_resnet").toObject();
        QCOMPARE(model.value("noise").toObject().value("levels").toArray().size(), 8);
        QVERIFY(model.value("degradation").toObject().contains("faithfulness"));
        QCOMPARE(model.value("transforms").toObject().value("per_transform").toObject().size(), 12);
    }

    void unreadableImagesAreSkipped()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("real");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), dir.filePath("real/a.png")));
        QFile broken(dir.filePath("real/b.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("\x89PNG truncated");
        broken.close();
        NullProgressSink progress;
        auto dataset = scanDataset({dir.path().toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        MeasureRunParams params;
        params.measures = {MeasureKind::Predictions, MeasureKind::Entropy};
        params.models = {{"m", reference("models/tiny_resnet.pt").toStdString(), {}, {}}};
        params.dataset = dataset.value();
        auto result = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY(result.ok());
        QCOMPARE(result->imagesComputed, std::int64_t(1));
        QCOMPARE(int(result->skipped.size()), 1);
        QVERIFY(QString::fromStdString(result->skipped[0].first).endsWith("b.png"));
    }

    void imageThatFailsForAModelIsSkipped_data()
    {
        QTest::addColumn<int>("maths");
        QTest::newRow("host") << int(MeasureMaths::Host);
        QTest::newRow("device") << int(MeasureMaths::Device);
    }

    void imageThatFailsForAModelIsSkipped()
    {
        // raises_on_dark.pt raises for batches holding stylegan1_000700. The run failed for every
        // model; now that image is skipped with the model's message and the rest measured, on
        // the host and on the device path alike.
        QFETCH(int, maths);
        MeasureRunParams params;
        params.measures = {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Noise, MeasureKind::Stability};
        params.settings.noise.levels = {0.0, 0.2};
        params.models = {{"dark", QStringLiteral(SALISCOPE_FIXTURE_DIR "/raises_on_dark.pt").toStdString(), {}, {}},
                         {"tiny", reference("models/tiny_resnet.pt").toStdString(), {}, {}}};
        params.dataset = m_dataset;
        params.batchSize = 5;
        params.maths = MeasureMaths(maths);
        NullProgressSink progress;
        auto result = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        QCOMPARE(result->imagesComputed, std::int64_t(4));
        QCOMPARE(int(result->skipped.size()), 1);
        QVERIFY(QString::fromStdString(result->skipped[0].first).endsWith("stylegan1_000700.png"));
        const QString reason = QString::fromStdString(result->skipped[0].second);
        QVERIFY2(reason.startsWith("model dark: ") && reason.contains("refuses images darker"), qPrintable(reason));
        QCOMPARE(int(tableOf(result.value(), MeasureKind::Entropy).rows.size()), 4 * 2);
        QCOMPARE(int(tableOf(result.value(), MeasureKind::Noise).rows.size()), 4 * 2 * 2);
        QCOMPARE(int(tableOf(result.value(), MeasureKind::Stability).rows.size()), 4);
        const auto skippedIndex = std::int64_t(
            std::find_if(m_dataset.records.begin(), m_dataset.records.end(),
                         [](const auto& record) { return record.path.find("stylegan1_000700") != std::string::npos; })
            - m_dataset.records.begin());
        for (const auto& table : result->tables)
            for (const auto& row : table.rows)
                QVERIFY(row.imageIndex != skippedIndex);
    }

    void refusesBadRuns_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("stability");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("missing model") << "models/nope.pt" << false << "no such model file";
        QTest::newRow("stability with one model") << "models/tiny_resnet.pt" << true << "stability needs a family";
    }

    void refusesBadRuns()
    {
        QFETCH(QString, model);
        QFETCH(bool, stability);
        QFETCH(QString, fragment);
        MeasureRunParams params;
        params.measures = {MeasureKind::Predictions};
        if (stability)
            params.measures.insert(MeasureKind::Stability);
        params.models = {{"m", reference(model).toStdString(), {}, {}}};
        params.dataset = m_dataset;
        NullProgressSink progress;
        auto result = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error()).contains(fragment), result.error().c_str());
    }

    void cancellationStops()
    {
        MeasureRunParams params;
        params.measures = {MeasureKind::Predictions};
        params.models = {{"m", reference("models/tiny_resnet.pt").toStdString(), {}, {}}};
        params.dataset = m_dataset;
        CancelToken cancel;
        cancel.cancel();
        NullProgressSink progress;
        auto result = runMeasures(params, nullptr, true, progress, cancel);
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), std::string("cancelled"));
    }

private:
    QTemporaryDir m_dir;
    Dataset m_dataset;
};

QTEST_GUILESS_MAIN(TestMeasureRunner)
#include "tst_measurerunner.moc"
