// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Measures into a project: resume computes only what is missing, shards partition the
// dataset, and stored summaries equal an in-memory run's.

#include "core/measures/measuresummary.h"
#include "core/project/measureresults.h"
#include "core/project/projectrun.h"
#include "core/project/runparameters.h"
#include "core/store/projectstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace saliscope;

namespace {

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

/// Counts the images the runner was asked to compute.
class CountingSink final : public MeasureSink {
public:
    std::set<std::int64_t> images;
    void rowsReady(MeasureKind, const std::vector<std::string>&, const std::vector<MeasureRow>& rows) override
    {
        for (const auto& row : rows)
            images.insert(row.imageIndex);
    }
};

} // namespace

class TestProjectRun final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir root(m_dir.path());
        root.mkpath("data/real");
        root.mkpath("data/fake");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), root.filePath("data/real/ffhq_00001.png")));
        for (const char* face :
             {"stylegan1_000700", "stylegan2_000700", "stylegan2ada_seed81155", "stylegan3_seed278567"})
            QVERIFY(QFile::copy(reference(QStringLiteral("faces/%1.png").arg(face)),
                                root.filePath(QStringLiteral("data/fake/%1.png").arg(face))));
        NullProgressSink progress;
        auto dataset = scanDataset({root.filePath("data").toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        m_params.dataset = dataset.value();
        m_params.measures = {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Stability};
        m_params.models = {{"tiny_densenet", reference("models/tiny_densenet.pt").toStdString(), {}, {}},
                           {"tiny_resnet", reference("models/tiny_resnet.pt").toStdString(), {}, {}}};
        m_params.batchSize = 2;
    }

    void shardShape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("1/1") << "1/1" << true;
        QTest::newRow("3/4") << "3/4" << true;
        QTest::newRow("0/4") << "0/4" << false;
        QTest::newRow("5/4") << "5/4" << false;
        QTest::newRow("words") << "half" << false;
    }

    void shardShape()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(Shard::parse(text.toStdString()).ok(), valid);
    }

    void resumeComputesOnlyWhatIsMissing()
    {
        const std::string project = QDir(m_dir.path()).filePath("resume.saliscope").toStdString();
        NullProgressSink progress;
        // First part: only the first two images (as if the process had been killed after them).
        MeasureRunParams partial = m_params;
        // (includeImage is replaced by the project run; emulate the kill with a cancel after 2 images.)
        CancelToken cancel;
        class CancelAfter final : public ProgressSink {
        public:
            explicit CancelAfter(CancelToken token) : m_token(std::move(token)) {}
            void progress(std::int64_t done, std::int64_t) override
            {
                if (done >= 2)
                    m_token.cancel();
            }

        private:
            CancelToken m_token;
        } cancelAfterTwo(cancel);
        auto first = runMeasuresInProject(partial, project, {}, nullptr, cancelAfterTwo, cancel);
        QVERIFY(!first.ok());
        QCOMPARE(first.error(), std::string("cancelled"));

        CountingSink counting;
        auto second = runMeasuresInProject(m_params, project, {}, &counting, progress, CancelToken());
        QVERIFY2(second.ok(), second.ok() ? "" : second.error().c_str());
        QCOMPARE(second->imagesAlreadyDone, std::int64_t(2));
        QCOMPARE(second->imagesComputed, std::int64_t(3));
        QCOMPARE(int(counting.images.size()), 3);

        // The stored rows give the same summary as one uninterrupted in-memory run.
        auto whole = runMeasures(m_params, nullptr, true, progress, CancelToken());
        QVERIFY(whole.ok());
        const auto expected = summarizeMeasures(whole->tables, m_params.settings, {});
        QCOMPARE(second->summary.value("models"), expected.value("models"));
        QCOMPARE(second->summary.value("families"), expected.value("families"));

        // A third run finds everything done.
        auto third = runMeasuresInProject(m_params, project, {}, nullptr, progress, CancelToken());
        QVERIFY(third.ok());
        QCOMPARE(third->imagesComputed, std::int64_t(0));
        QCOMPARE(third->imagesAlreadyDone, std::int64_t(5));
        auto store = ProjectStore::open(project, ProjectOpenMode::ReadOnly);
        QVERIFY(store.ok());
        QCOMPARE(store.value()->integrityCheck().value(), std::string("ok"));
        // The Result must outlive the loop: runs().value() on the temporary would dangle (ASan).
        const auto runs = store.value()->runs();
        QVERIFY(runs.ok());
        std::vector<std::int64_t> runIds;
        for (const auto& run : runs.value()) {
            QCOMPARE(run.status, RunStatus::Finished);
            // The summary is computed from the rows, never stored (docs/measures.md).
            QCOMPARE(store.value()->summary(run.id).value(), std::optional<std::string>());
            runIds.push_back(run.id);
        }
        QCOMPARE(summarizeStoredRuns(*store.value(), runIds).value(), third->summary);
    }

    void eachMethodIsItsOwnRunSet()
    {
        const std::string project = QDir(m_dir.path()).filePath("methods.saliscope").toStdString();
        NullProgressSink progress;
        MeasureRunParams gradCam = m_params;
        gradCam.measures = {MeasureKind::Predictions, MeasureKind::Entropy};
        MeasureRunParams eigenCam = gradCam;
        eigenCam.settings.method = engine::CamMethod::EigenCam;
        auto first = runMeasuresInProject(gradCam, project, {}, nullptr, progress, CancelToken());
        QVERIFY(first.ok());
        auto second = runMeasuresInProject(eigenCam, project, {}, nullptr, progress, CancelToken());
        QVERIFY(second.ok());
        // Another method is another run: nothing of the Grad-CAM run is taken for it.
        QCOMPARE(second->imagesAlreadyDone, std::int64_t(0));
        QCOMPARE(second->imagesComputed, std::int64_t(5));
        QVERIFY(second->runIds.at(MeasureKind::Entropy) != first->runIds.at(MeasureKind::Entropy));
        // Running a method again resumes its own run.
        auto again = runMeasuresInProject(eigenCam, project, {}, nullptr, progress, CancelToken());
        QVERIFY(again.ok());
        QCOMPARE(again->imagesAlreadyDone, std::int64_t(5));
        QCOMPARE(again->runIds, second->runIds);
        auto store = ProjectStore::open(project, ProjectOpenMode::ReadOnly);
        QVERIFY(store.ok());
        const auto runs = store.value()->runs();
        QVERIFY(runs.ok());
        const auto sets = groupRunSets(runs.value());
        QCOMPARE(int(sets.size()), 2);
        std::set<engine::CamMethod> methods;
        for (const auto& set : sets)
            methods.insert(RunParameters::fromJson(set.parametersJson).settings.method);
        QCOMPARE(methods, (std::set<engine::CamMethod>{engine::CamMethod::GradCam, engine::CamMethod::EigenCam}));
        // The Grad-CAM run's parameters are written as before methods existed.
        for (const auto& run : runs.value())
            if (run.id == first->runIds.at(MeasureKind::Entropy))
                QVERIFY(!QString::fromStdString(run.parametersJson).contains("method"));
    }

    void shardsPartitionTheDataset()
    {
        NullProgressSink progress;
        std::set<std::int64_t> seen;
        int total = 0;
        for (int k = 1; k <= 3; ++k) {
            const std::string project =
                QDir(m_dir.path()).filePath(QStringLiteral("shard%1.saliscope").arg(k)).toStdString();
            CountingSink counting;
            MeasureRunParams params = m_params;
            params.measures = {MeasureKind::Predictions};
            auto result = runMeasuresInProject(params, project, Shard{k, 3}, &counting, progress, CancelToken());
            QVERIFY(result.ok());
            total += int(counting.images.size());
            seen.insert(counting.images.begin(), counting.images.end());
        }
        QCOMPARE(total, 5);            // no image twice
        QCOMPARE(int(seen.size()), 5); // every image once
    }

    void refusesAReadOnlyLocation()
    {
        NullProgressSink progress;
        auto result = runMeasuresInProject(m_params, "/proc/saliscope-test.saliscope", {}, nullptr, progress,
                                           CancelToken());
        QVERIFY(!result.ok());
    }

private:
    QTemporaryDir m_dir;
    MeasureRunParams m_params;
};

QTEST_GUILESS_MAIN(TestProjectRun)
#include "tst_projectrun.moc"
