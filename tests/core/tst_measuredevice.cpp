// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Measure runs with the measures' maths batched on the model's device (here the CPU device,
// forced with MeasureMaths::Device) against the per-image host path, and runs with and without
// the decode prefetch thread: the same rows, in the same order.

#include "core/measures/measurerunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace saliscope;

namespace {

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

const MeasureTable* tableOf(const MeasureRunResult& result, MeasureKind kind)
{
    for (const auto& table : result.tables)
        if (table.measure == kind)
            return &table;
    return nullptr;
}

bool same(double a, double b, double tolerance)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::fabs(a - b) <= tolerance;
}

} // namespace

class TestMeasureDevice final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir root(m_dir.path());
        root.mkpath("real");
        root.mkpath("fake");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), root.filePath("real/ffhq_00001.png")));
        for (const char* face : {"stylegan1_000700", "stylegan2_000700"})
            QVERIFY(QFile::copy(reference(QStringLiteral("faces/%1.png").arg(face)),
                                root.filePath(QStringLiteral("fake/%1.png").arg(face))));
        QFile broken(root.filePath("fake/broken.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not an image");
        broken.close();
        NullProgressSink progress;
        auto dataset = scanDataset({m_dir.path().toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        m_dataset = dataset.value();
    }

    void deviceMathsMatchHostMaths()
    {
        MeasureRunParams params = allMeasures();
        params.maths = MeasureMaths::Host;
        auto host = run(params);
        QVERIFY(host);
        params.maths = MeasureMaths::Device;
        auto device = run(params);
        QVERIFY(device);
        QCOMPARE(device->imagesComputed, host->imagesComputed);
        QCOMPARE(device->skipped.size(), std::size_t(1)); // the broken file, on both paths
        QCOMPARE(device->tables.size(), host->tables.size());
        int degradationDifferences = 0;
        double largestDegradationDifference = 0;
        for (const auto& hostTable : host->tables) {
            const MeasureTable* deviceTable = tableOf(device.value(), hostTable.measure);
            QVERIFY(deviceTable);
            QCOMPARE(deviceTable->columns, hostTable.columns);
            QCOMPARE(deviceTable->rows.size(), hostTable.rows.size());
            QVERIFY(!hostTable.rows.empty());
            for (std::size_t r = 0; r < hostTable.rows.size(); ++r) {
                const auto& a = hostTable.rows[r];
                const auto& b = deviceTable->rows[r];
                QCOMPARE(b.imageIndex, a.imageIndex);
                QCOMPARE(b.model, a.model);
                QCOMPARE(b.variant, a.variant);
                for (std::size_t c = 0; c < a.values.size(); ++c) {
                    if (hostTable.measure == MeasureKind::Degradation) {
                        // The blurred images may differ by a grey level in 0.4% of values.
                        degradationDifferences += !same(a.values[c], b.values[c], 1e-9);
                        if (!std::isnan(a.values[c]) && !std::isnan(b.values[c]))
                            largestDegradationDifference = std::max(largestDegradationDifference,
                                                                    std::fabs(a.values[c] - b.values[c]));
                        continue;
                    }
                    QVERIFY2(same(a.values[c], b.values[c], 1e-9),
                             qPrintable(QStringLiteral("%1 row %2 column %3: %4 vs %5")
                                            .arg(measureName(hostTable.measure))
                                            .arg(r)
                                            .arg(QString::fromStdString(hostTable.columns[c]))
                                            .arg(a.values[c], 0, 'g', 17)
                                            .arg(b.values[c], 0, 'g', 17)));
                }
            }
        }
        qInfo("degradation rows: %d values differ beyond 1e-9, the largest by %.3g", degradationDifferences,
              largestDegradationDifference);
        QVERIFY(largestDegradationDifference <= 0.1);
    }

    void otherMethodsAndSanityMatchToo_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("hirescam") << int(engine::CamMethod::HiResCam);
        QTest::newRow("eigencam") << int(engine::CamMethod::EigenCam);
    }

    void otherMethodsAndSanityMatchToo()
    {
        // The run's method makes the device's maps as the host's; the sanity checks compare on the host.
        QFETCH(int, method);
        MeasureRunParams params = allMeasures();
        params.measures = {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Noise, MeasureKind::Sanity};
        params.settings.noise.levels = {0.0, 0.5};
        params.settings.method = engine::CamMethod(method);
        params.settings.sanity.steps = 2;
        params.models.resize(1);
        params.maths = MeasureMaths::Host;
        auto host = run(params);
        QVERIFY(host);
        params.maths = MeasureMaths::Device;
        auto device = run(params);
        QVERIFY(device);
        sameTables(host.value(), device.value(), 1e-9);
        if (QTest::currentTestFailed())
            return;
    }

    void curvesAndLocalisationMatchToo()
    {
        // The curves' images are made on the host and scored on the device; localisation scores
        // the fetched maps on the host: the same rows up to the device's float softmax.
        MeasureRunParams params = allMeasures();
        params.measures = {MeasureKind::Predictions, MeasureKind::Deletion, MeasureKind::Road,
                           MeasureKind::Localisation};
        params.settings.curves.steps = 2;
        params.models.resize(1);
        // The fake faces' own images as masks: any grey image resized to the input size will do.
        for (auto& record : params.dataset.records)
            if (record.path.find("stylegan") != std::string::npos)
                record.maskPath = record.annotationPath = record.path;
        params.maths = MeasureMaths::Host;
        auto host = run(params);
        QVERIFY(host);
        params.maths = MeasureMaths::Device;
        auto device = run(params);
        QVERIFY(device);
        sameTables(host.value(), device.value(), 1e-6);
        if (QTest::currentTestFailed())
            return;
        const MeasureTable* localisation = tableOf(host.value(), MeasureKind::Localisation);
        const int maskAuc = localisation->column("mask_auc");
        int masked = 0;
        for (const auto& row : localisation->rows)
            masked += std::isfinite(row.values[std::size_t(maskAuc)]) ? 1 : 0;
        QCOMPARE(masked, 2); // the two fake faces
    }

    void prefetchChangesNothing_data()
    {
        QTest::addColumn<int>("maths");
        QTest::newRow("host maths") << int(MeasureMaths::Host);
        QTest::newRow("device maths") << int(MeasureMaths::Device);
    }

    void prefetchChangesNothing()
    {
        QFETCH(int, maths);
        MeasureRunParams params = allMeasures();
        params.measures = {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Stability, MeasureKind::Noise};
        params.settings.noise.levels = {0.0, 0.1};
        params.maths = MeasureMaths(maths);
        params.batchSize = 1; // three batches: the prefetch thread works ahead
        params.prefetch = false;
        auto plain = run(params);
        QVERIFY(plain);
        params.prefetch = true;
        auto prefetched = run(params);
        QVERIFY(prefetched);
        QCOMPARE(prefetched->imagesComputed, plain->imagesComputed);
        QCOMPARE(prefetched->skipped, plain->skipped);
        QCOMPARE(prefetched->tables.size(), plain->tables.size());
        for (std::size_t t = 0; t < plain->tables.size(); ++t) {
            const auto& a = plain->tables[t];
            const auto& b = prefetched->tables[t];
            QCOMPARE(b.rows.size(), a.rows.size());
            for (std::size_t r = 0; r < a.rows.size(); ++r) {
                QCOMPARE(b.rows[r].imageIndex, a.rows[r].imageIndex);
                QCOMPARE(b.rows[r].variant, a.rows[r].variant);
                for (std::size_t c = 0; c < a.rows[r].values.size(); ++c)
                    QVERIFY(same(a.rows[r].values[c], b.rows[r].values[c], 0.0)); // bit for bit
            }
        }
    }

    void cancellationStopsAPrefetchingRun()
    {
        MeasureRunParams params = allMeasures();
        params.batchSize = 1;
        CancelToken cancel;
        cancel.cancel();
        NullProgressSink progress;
        auto result = runMeasures(params, nullptr, true, progress, cancel);
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error()), QStringLiteral("cancelled"));
    }

    void batchSizeZeroIsChosenForTheDevice()
    {
        MeasureRunParams params = allMeasures();
        params.batchSize = 0;
        QCOMPARE(effectiveBatchSize(params), 16); // the CPU: no device memory to size against
        params.batchSize = 5;
        QCOMPARE(effectiveBatchSize(params), 5);
        params.batchSize = -1;
        NullProgressSink progress;
        auto refused = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().find("batch size") != std::string::npos);
    }

private:
    MeasureRunParams allMeasures() const
    {
        MeasureRunParams params;
        params.measures = {MeasureKind::Predictions, MeasureKind::Entropy,   MeasureKind::Noise,
                           MeasureKind::Transforms,  MeasureKind::Stability, MeasureKind::Degradation};
        const std::string densenet = reference("models/tiny_densenet.pt").toStdString();
        params.models = {{"dense_a", densenet, {}, {}}, {"dense_b", densenet, "features.denseblock2", {}}};
        params.settings.noise.levels = {0.0, 0.05, 0.5};
        params.dataset = m_dataset;
        params.batchSize = 2;
        return params;
    }

    /// Every table of `device` has the rows of `host`'s, variant for variant, each value within
    /// `tolerance` (NaN where the host has NaN).
    static void sameTables(const MeasureRunResult& host, const MeasureRunResult& device, double tolerance)
    {
        QCOMPARE(device.tables.size(), host.tables.size());
        for (const auto& hostTable : host.tables) {
            const MeasureTable* deviceTable = tableOf(device, hostTable.measure);
            QVERIFY(deviceTable);
            QCOMPARE(deviceTable->rows.size(), hostTable.rows.size());
            QVERIFY(!hostTable.rows.empty());
            for (std::size_t r = 0; r < hostTable.rows.size(); ++r) {
                QCOMPARE(deviceTable->rows[r].variant, hostTable.rows[r].variant);
                for (std::size_t c = 0; c < hostTable.columns.size(); ++c)
                    QVERIFY2(same(hostTable.rows[r].values[c], deviceTable->rows[r].values[c], tolerance),
                             qPrintable(QStringLiteral("%1 row %2 column %3")
                                            .arg(measureName(hostTable.measure))
                                            .arg(r)
                                            .arg(QString::fromStdString(hostTable.columns[c]))));
            }
        }
    }

    static Result<MeasureRunResult> run(const MeasureRunParams& params)
    {
        NullProgressSink progress;
        auto result = runMeasures(params, nullptr, true, progress, CancelToken());
        if (!result)
            qWarning("%s", result.error().c_str());
        return result;
    }

    QTemporaryDir m_dir;
    Dataset m_dataset;
};

QTEST_GUILESS_MAIN(TestMeasureDevice)
#include "tst_measuredevice.moc"
