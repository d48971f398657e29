// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The measure launcher, the run queue and the jobs dock: the estimate and the request follow
// the ticked boxes and fields; queued runs run end to end into the project with live signals
// and skipped images; a cancelled run, a run interrupted by closing the project and one
// killed midway by the CLI all resume to exactly the rows of an uninterrupted run.

#include "core/dataset/contenthash.h"
#include "core/dataset/datasethashing.h"
#include "ui/runs/launcherdialog.h"
#include "ui/runs/runsdock.h"
#include "core/engine/model.h"
#include "core/project/projectrun.h"
#include "core/project/projectrunplan.h"
#include "ui/runs/runlistmodel.h"
#include "core/project/logmodel.h"
#include "core/project/measurequeue.h"
#include "core/project/projectsession.h"
#include "core/project/runparameters.h"
#include "core/store/projectstore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMap>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

constexpr int RunTimeout = 60000;
const char* const ModelNames[] = {"tiny_densenet", "densenet_scripted"};

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

/// Two small DenseNets (224 x 224 input): one reference model and one build-time fixture.
std::string modelFile(const char* name)
{
    const QString file = QStringLiteral("%1.pt").arg(name);
    return QString::compare(name, "tiny_densenet") == 0
        ? reference("models/" + file).toStdString()
        : QStringLiteral(SALISCOPE_FIXTURE_DIR "/%1").arg(file).toStdString();
}

/// A project with a dataset of four faces and one unreadable file, two models and their family.
QString makeProject(const QDir& root, const QString& name)
{
    root.mkpath("data/real");
    root.mkpath("data/fake");
    QFile::copy(reference("faces/ffhq_00001.png"), root.filePath("data/real/a.png"));
    QFile::copy(reference("faces/stylegan1_000700.png"), root.filePath("data/fake/b.png"));
    QFile::copy(reference("faces/stylegan2_000700.png"), root.filePath("data/fake/c.png"));
    QFile::copy(reference("faces/stylegan3_seed278567.png"), root.filePath("data/fake/d.png"));
    QFile broken(root.filePath("data/fake/e.png"));
    if (!broken.exists() && broken.open(QIODevice::WriteOnly))
        broken.write("not an image at all");
    broken.close();

    const QString path = root.filePath(name);
    auto store = ProjectStore::open(path.toStdString(), ProjectOpenMode::CreateIfMissing);
    if (!store)
        qFatal("cannot create %s: %s", qPrintable(path), store.error().c_str());
    NullProgressSink progress;
    DatasetSource source;
    source.location = root.filePath("data").toStdString();
    auto dataset = scanDataset(source, progress, CancelToken());
    auto hashes = hashDataset(dataset.value(), {}, progress, CancelToken());
    if (!dataset || !hashes || !store.value()->addDataset(dataset.value(), hashes->hashes, hashes->problems))
        qFatal("cannot store the dataset");
    std::vector<std::int64_t> ids;
    for (const char* model : ModelNames) {
        const std::string file = modelFile(model);
        auto loaded = engine::Model::load(file);
        auto hash = hashFile(file);
        if (!loaded || !hash)
            qFatal("cannot load %s", model);
        StoredModel stored;
        stored.path = file;
        stored.fileHash = hash.value();
        stored.metadataJson = loaded.value()->metadata().toJson();
        stored.kind = engine::modelKindName(loaded.value()->kind());
        stored.camLayer = loaded.value()->camLayer();
        ids.push_back(store.value()->addModel(stored).value());
    }
    store.value()->addFamily("tiny", ids);
    return path;
}

/// The session and its queue, destroyed queue first (it stops runs while the store is open).
struct Open {
    std::unique_ptr<ProjectSession> session = std::make_unique<ProjectSession>();
    std::unique_ptr<MeasureQueue> queue;
    explicit Open(const QString& path)
    {
        if (!session->open(path))
            qFatal("cannot open %s", qPrintable(path));
        queue = std::make_unique<MeasureQueue>(session.get());
        queue->setResumeBatchSize(1); // as the runs were launched: rows then match exactly
    }
    ~Open() { queue.reset(); }
};

RunRequest smallRequest(const ProjectSession& session)
{
    RunRequest request;
    request.measures = {MeasureKind::Entropy, MeasureKind::Noise};
    request.families = {QStringLiteral("tiny")};
    request.datasetId = session.datasets().front().id;
    request.batchSize = 1;
    if (!request.settings.set("noise.levels=0,0.5"))
        qFatal("bad levels");
    return request;
}

/// Every stored row of the newest finished run of each measure, as comparable text.
std::map<std::string, std::vector<QString>> storedRows(const QString& path)
{
    auto store = ProjectStore::open(path.toStdString(), ProjectOpenMode::ReadOnly);
    std::map<std::string, std::vector<QString>> rows;
    const auto runs = store.value()->runs().value();
    for (const auto& run : runs) {
        if (run.status != RunStatus::Finished)
            continue;
        auto& list = rows[run.measure];
        list.clear();
        const auto results = store.value()->results(run.id).value();
        for (const auto& row : results) {
            QString text = QStringLiteral("%1|%2|%3")
                               .arg(row.position)
                               .arg(QString::fromStdString(row.model), QString::fromStdString(row.variant));
            for (double value : row.values)
                text += QLatin1Char('|')
                    + (std::isnan(value) ? QStringLiteral("nan") : QString::number(value, 'g', 17));
            list.push_back(text);
        }
    }
    return rows;
}

std::vector<RunStatus> storedStatuses(const QString& path)
{
    auto store = ProjectStore::open(path.toStdString(), ProjectOpenMode::ReadOnly);
    std::vector<RunStatus> statuses;
    const auto runs = store.value()->runs().value();
    for (const auto& run : runs)
        statuses.push_back(run.status);
    return statuses;
}

} // namespace

class TestLauncher final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The uninterrupted run every resumed one must match.
        m_reference = makeProject(QDir(m_dir.path()), "reference.saliscope");
        Open open(m_reference);
        auto id = open.queue->enqueue(smallRequest(*open.session));
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(open.queue->isIdle(), RunTimeout);
        QCOMPARE(open.queue->run(id.value())->status, RunStatus::Finished);
    }

    void estimateAndRequestFollowTheBoxes()
    {
        const QString path = makeProject(QDir(m_dir.path()), "dialog.saliscope");
        Open open(path);
        LauncherDialog dialog(open.session.get(), open.queue.get());
        QAbstractItemModelTester tester(dialog.modelsList(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Defaults: every measure, the family ticked, its models not ticked on their own.
        auto request = dialog.request();
        QVERIFY2(request.ok(), request.ok() ? "" : request.error().c_str());
        QCOMPARE(request->families, std::vector<QString>{QStringLiteral("tiny")});
        QVERIFY(request->modelIds.empty());
        QCOMPARE(int(request->measures.size()), 5);
        QCOMPARE(request->settings.toJson(), MeasureSettings().toJson());
        // 5 images x 2 square models x (1 clean + 8 noise + 12 transforms + 2 degradation).
        auto estimate = dialog.estimate();
        QCOMPARE(estimate.images, std::int64_t(5));
        QCOMPARE(estimate.models, 2);
        QCOMPARE(estimate.passesPerImage, std::int64_t(46));
        QCOMPARE(estimate.forwardPasses, std::int64_t(230));

        for (auto kind : {MeasureKind::Transforms, MeasureKind::Stability, MeasureKind::Degradation})
            dialog.setMeasureChecked(kind, false);
        dialog.setParameterText("noise.levels", "0, 0.5");
        estimate = dialog.estimate();
        QCOMPARE(estimate.passesPerImage, std::int64_t(6));
        QCOMPARE(estimate.forwardPasses, std::int64_t(30));
        QVERIFY2(dialog.estimateText().contains(QStringLiteral("5 images")), qPrintable(dialog.estimateText()));
        QVERIFY(dialog.estimateText().contains(QStringLiteral("30 forward passes")));
        request = dialog.request();
        QCOMPARE(request->settings.noise.levels, (std::vector<double>{0.0, 0.5}));
        QCOMPARE(request->measures, (std::set<MeasureKind>{MeasureKind::Entropy, MeasureKind::Noise}));

        // A bad parameter names itself, in the dialog too; reset brings the defaults back.
        dialog.setParameterText("ssim.window", "4");
        request = dialog.request();
        QVERIFY(!request.ok());
        QVERIFY2(QString::fromStdString(request.error()).contains("ssim.window"), request.error().c_str());
        QVERIFY(dialog.findChild<QLabel*>("Problem")->text().contains("ssim.window"));
        QCOMPARE(dialog.estimate().forwardPasses, std::int64_t(0));
        dialog.resetParameters();
        QCOMPARE(dialog.request()->settings.toJson(), MeasureSettings().toJson());

        // Parameters with a few accepted names are lists of them.
        auto* score = dialog.findChild<QComboBox*>(QStringLiteral("score"));
        QVERIFY(score);
        QCOMPARE(score->count(), 2);
        QCOMPARE(score->currentText(), QStringLiteral("sigmoid"));
        score->setCurrentText(QStringLiteral("softmax"));
        QCOMPARE(dialog.request()->settings.score, ScoreKind::Softmax);
        dialog.setParameterText("noise.generator", "sequential");
        QVERIFY(dialog.request()->settings.noise.generator == engine::NoiseGenerator::Sequential);
        dialog.resetParameters();
        QCOMPARE(score->currentText(), QStringLiteral("sigmoid"));
        QCOMPARE(dialog.request()->settings.toJson(), MeasureSettings().toJson());

        // One model on its own: no family, so stability is refused with the reason.
        const std::int64_t first = open.session->models().front().id;
        dialog.setFamilyChecked("tiny", false);
        dialog.setModelChecked(first, true);
        request = dialog.request();
        QVERIFY(request.ok());
        QCOMPARE(request->modelIds, std::vector<std::int64_t>{first});
        QVERIFY(request->families.empty());
        QCOMPARE(dialog.estimate().models, 1);
        dialog.setMeasureChecked(MeasureKind::Stability, true);
        QVERIFY(!dialog.queueRun());
        QVERIFY2(dialog.findChild<QLabel*>("Problem")->text().contains("Stability"),
                 qPrintable(dialog.findChild<QLabel*>("Problem")->text()));
        QVERIFY(open.queue->runs().empty());

        // Nothing ticked is refused before anything is queued.
        dialog.setModelChecked(first, false);
        QVERIFY(!dialog.request().ok());
        QVERIFY(!dialog.queueRun());
    }

    void methodsAndSanityInTheLauncher()
    {
        const QString path = makeProject(QDir(m_dir.path()), "methods.saliscope");
        Open open(path);
        RunsDock dock(open.queue.get(), open.session.get());
        LauncherDialog dialog(open.session.get(), open.queue.get());
        // Grad-CAM alone by default; the method is no parameter field of its own.
        QVERIFY(!dialog.findChild<QWidget*>(QStringLiteral("method")));
        auto runs = dialog.requests();
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), std::size_t(1));
        QCOMPARE(runs->front().settings.method, engine::CamMethod::GradCam);
        QVERIFY(!runs->front().measures.count(MeasureKind::Sanity)); // not part of "all"

        // The sanity checks: 5 steps and the random-logit map per image and model, beside the clean pass.
        for (auto kind :
             {MeasureKind::Noise, MeasureKind::Transforms, MeasureKind::Stability, MeasureKind::Degradation})
            dialog.setMeasureChecked(kind, false);
        dialog.setMeasureChecked(MeasureKind::Sanity, true);
        QCOMPARE(dialog.request()->measures, (std::set<MeasureKind>{MeasureKind::Entropy, MeasureKind::Sanity}));
        auto estimate = dialog.estimate();
        QCOMPARE(estimate.passesPerImage, std::int64_t(2 * (1 + 5 + 1)));
        QCOMPARE(estimate.forwardPasses, std::int64_t(5 * 14));
        dialog.setParameterText("sanity.steps", "2");
        QCOMPARE(dialog.estimate().passesPerImage, std::int64_t(2 * (1 + 2 + 1)));

        // Two methods: the work doubles, and one run per method is queued.
        dialog.setMeasureChecked(MeasureKind::Sanity, false);
        dialog.setMethodChecked(engine::CamMethod::HiResCam, true);
        runs = dialog.requests();
        QCOMPARE(runs->size(), std::size_t(2));
        QCOMPARE(runs->at(0).settings.method, engine::CamMethod::GradCam);
        QCOMPARE(runs->at(1).settings.method, engine::CamMethod::HiResCam);
        QCOMPARE(dialog.estimate().passesPerImage, std::int64_t(2 * 2));
        QCOMPARE(dialog.estimate().forwardPasses, std::int64_t(5 * 4));
        QVERIFY2(dialog.estimateText().contains(QStringLiteral("20 forward passes")),
                 qPrintable(dialog.estimateText()));
        QVERIFY(!dialog.estimateText().contains(QStringLiteral("Score-CAM"))); // no masked passes to count

        // Score-CAM: one masked pass per CAM-layer channel and map pass, assumed until the models load.
        dialog.setMethodChecked(engine::CamMethod::GradCam, false);
        dialog.setMethodChecked(engine::CamMethod::HiResCam, false);
        QVERIFY(!dialog.request().ok()); // no method ticked
        dialog.setMethodChecked(engine::CamMethod::ScoreCam, true);
        estimate = dialog.estimate();
        QCOMPARE(estimate.assumedChannels, 2);
        QCOMPARE(estimate.extraPassesPerImage, std::int64_t(2 * AssumedCamChannels));
        QVERIFY2(dialog.estimateText().contains(QStringLiteral("assumed")), qPrintable(dialog.estimateText()));
        std::int64_t extra = 0;
        for (const auto& model : open.session->models()) {
            QTRY_VERIFY_WITH_TIMEOUT(dialog.modelChannels(model.id) > 0, 30000);
            auto loaded = engine::Model::load(model.stored.path);
            QVERIFY(loaded.ok());
            QCOMPARE(dialog.modelChannels(model.id), loaded.value()->featureChannels());
            extra += loaded.value()->featureChannels();
        }
        estimate = dialog.estimate();
        QCOMPARE(estimate.assumedChannels, 0);
        QCOMPARE(estimate.extraPassesPerImage, extra);
        QCOMPARE(estimate.forwardPasses, 5 * (2 + extra));
        QVERIFY(!dialog.estimateText().contains(QStringLiteral("assumed")));
        dialog.setMeasureChecked(MeasureKind::Sanity, true);
        dialog.setMethodChecked(engine::CamMethod::GradCam, true);
        dialog.resize(1060, 700);
        dialog.grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/tst_launcher-methods.png"));
        dialog.setMeasureChecked(MeasureKind::Sanity, false);
        dialog.setMethodChecked(engine::CamMethod::GradCam, false);

        // Queued: one run per ticked method, each with its method; the runs dock names it.
        dialog.setMethodChecked(engine::CamMethod::ScoreCam, false);
        dialog.setMethodChecked(engine::CamMethod::GradCam, true);
        dialog.setMethodChecked(engine::CamMethod::EigenCam, true);
        QVERIFY(dialog.queueRun());
        QCOMPARE(open.queue->runs().size(), std::size_t(2));
        const std::vector<engine::CamMethod> expected{engine::CamMethod::GradCam, engine::CamMethod::EigenCam};
        for (std::size_t i = 0; i < 2; ++i) {
            const QueuedRun& run = open.queue->runs()[i];
            QVERIFY(!run.runIds.empty());
            for (auto runId : run.runIds) {
                auto stored = open.session->store()->run(runId);
                QVERIFY(stored.ok());
                QCOMPARE(RunParameters::fromJson(stored->parametersJson).settings.method, expected[i]);
            }
            QCOMPARE(dock.model()->index(int(i), RunListModel::MethodColumn).data().toString(),
                     QString::fromLatin1(engine::camMethodTitle(expected[i])));
        }
        QTRY_VERIFY_WITH_TIMEOUT(open.queue->isIdle(), RunTimeout);
        for (const QueuedRun& run : open.queue->runs())
            QCOMPARE(run.status, RunStatus::Finished);
    }

    void planResolvesFamiliesAndModels()
    {
        const QString path = makeProject(QDir(m_dir.path()), "plan.saliscope");
        Open open(path);
        auto plan = planRunRequest(*open.session, smallRequest(*open.session));
        QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().c_str());
        QCOMPARE(int(plan->params.models.size()), 2);
        QCOMPARE(plan->params.models[0].name, std::string(ModelNames[0]));
        QCOMPARE(int(plan->params.families.size()), 1);
        QCOMPARE(plan->params.families[0].members, (std::vector<std::string>{ModelNames[0], ModelNames[1]}));
        QCOMPARE(int(plan->params.dataset.records.size()), 5);
        QCOMPARE(int(plan->contentHashes.size()), 5);
        QVERIFY(plan->params.measures.count(MeasureKind::Predictions));
        QCOMPARE(plan->params.batchSize, 1);

        RunRequest unknown = smallRequest(*open.session);
        unknown.families = {QStringLiteral("nope")};
        QVERIFY(!planRunRequest(*open.session, unknown).ok());
        unknown.families.clear();
        unknown.datasetId = 999;
        unknown.modelIds = {open.session->models().front().id};
        QVERIFY(!planRunRequest(*open.session, unknown).ok());
    }

    void queueRunsEndToEndWithLiveSignals()
    {
        const QString path = makeProject(QDir(m_dir.path()), "endtoend.saliscope");
        Open open(path);
        RunsDock dock(open.queue.get());
        QAbstractItemModelTester jobs(dock.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester skipped(dock.skipped(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy rowsStored(open.session.get(), &ProjectSession::measureRowsStored);
        QSignalSpy runsChanged(open.session.get(), &ProjectSession::runsChanged);

        auto id = open.queue->enqueue(smallRequest(*open.session));
        QVERIFY(id.ok());
        QCOMPARE(dock.model()->rowCount(), 1);
        // The same run cannot be queued twice.
        auto twice = open.queue->enqueue(smallRequest(*open.session));
        QVERIFY(!twice.ok());
        QTRY_VERIFY_WITH_TIMEOUT(open.queue->isIdle(), RunTimeout);
        const QueuedRun* run = open.queue->run(id.value());
        QCOMPARE(run->status, RunStatus::Finished);
        QCOMPARE(run->alreadyDone, std::int64_t(0));
        QCOMPARE(run->done, std::int64_t(5));
        QCOMPARE(int(run->skipped.size()), 1);
        QVERIFY(run->skipped[0].first.endsWith("e.png"));
        QVERIFY(!run->skipped[0].second.isEmpty());
        QVERIFY(rowsStored.count() >= 1);
        QVERIFY(runsChanged.count() >= 3); // queued, started, finished
        QCOMPARE(dock.model()->index(0, RunListModel::StatusColumn).data().toString(), QStringLiteral("finished"));
        QCOMPARE(dock.model()->index(0, RunListModel::ProgressColumn).data(RunListModel::ProgressRole).toInt(), 100);
        dock.view()->selectRow(0);
        QCOMPARE(dock.skipped()->rowCount(), 1);
        QCOMPARE(dock.skipped()->index(0, 0).data().toString(), QStringLiteral("e.png"));

        // 4 readable images x 2 models; noise has two levels; stored as finished.
        const auto rows = storedRows(path);
        QCOMPARE(int(rows.at("predictions").size()), 8);
        QCOMPARE(int(rows.at("entropy").size()), 8);
        QCOMPARE(int(rows.at("noise").size()), 16);
        QCOMPARE(rows, storedRows(m_reference));

        // Queued again, it resumes: the readable images are done, only the broken one is tried.
        auto again = open.queue->enqueue(smallRequest(*open.session));
        QVERIFY(again.ok());
        QTRY_VERIFY_WITH_TIMEOUT(open.queue->isIdle(), RunTimeout);
        QCOMPARE(open.queue->run(again.value())->alreadyDone, std::int64_t(4));
        QCOMPARE(open.queue->run(again.value())->status, RunStatus::Finished);
    }

    void cancelledRunsResumeToTheSameRows()
    {
        const QString path = makeProject(QDir(m_dir.path()), "cancel.saliscope");
        Open open(path);
        auto id = open.queue->enqueue(smallRequest(*open.session));
        QVERIFY(id.ok());
        // A second, different run waits in the queue and is cancelled before it starts.
        RunRequest other = smallRequest(*open.session);
        other.measures = {MeasureKind::Entropy};
        QVERIFY(other.settings.set("histogram.bins=10").ok()); // other parameters: other runs
        auto waiting = open.queue->enqueue(other);
        QVERIFY(waiting.ok());
        QCOMPARE(open.queue->run(waiting.value())->status, RunStatus::Queued);
        open.queue->cancel(waiting.value());
        QCOMPARE(open.queue->run(waiting.value())->status, RunStatus::Cancelled);
        open.queue->cancel(id.value());
        QTRY_VERIFY_WITH_TIMEOUT(open.queue->isIdle(), RunTimeout);
        QCOMPARE(open.queue->run(id.value())->status, RunStatus::Cancelled);
        for (auto status : storedStatuses(path))
            QCOMPARE(status, RunStatus::Cancelled);

        auto resumed = open.queue->enqueue(smallRequest(*open.session));
        QVERIFY(resumed.ok());
        QTRY_VERIFY_WITH_TIMEOUT(open.queue->isIdle(), RunTimeout);
        QCOMPARE(open.queue->run(resumed.value())->status, RunStatus::Finished);
        QCOMPARE(storedRows(path), storedRows(m_reference));
    }

    void closingTheProjectLeavesRunsToResume()
    {
        const QString path = makeProject(QDir(m_dir.path()), "closed.saliscope");
        {
            Open open(path);
            QVERIFY(open.queue->enqueue(smallRequest(*open.session)).ok());
            RunRequest other = smallRequest(*open.session);
            other.measures = {MeasureKind::Entropy};
            QVERIFY(other.settings.set("histogram.bins=10").ok()); // other parameters: other runs
            QVERIFY(open.queue->enqueue(other).ok());
            open.session->close(); // as when the application quits mid-run
            QVERIFY(open.queue->runs().empty());
        }
        for (auto status : storedStatuses(path))
            QVERIFY(status == RunStatus::Running || status == RunStatus::Queued);

        Open reopened(path);
        RunsDock dock(reopened.queue.get());
        QCOMPARE(int(reopened.queue->unfinished().size()), 2);
        QVERIFY2(dock.bannerText().contains(QStringLiteral("2 unfinished")), qPrintable(dock.bannerText()));
        QCOMPARE(reopened.queue->resumeUnfinished(), 2);
        QVERIFY(dock.bannerText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(reopened.queue->isIdle(), RunTimeout);
        for (const auto& run : reopened.queue->runs())
            QCOMPARE(run.status, RunStatus::Finished);
        const auto rows = storedRows(path);
        const auto expected = storedRows(m_reference);
        for (const char* measure : {"predictions", "entropy", "noise"})
            QCOMPARE(rows.at(measure), expected.at(measure));
    }

    void runKilledMidwayByTheCliResumesInTheGui()
    {
        const QString path = makeProject(QDir(m_dir.path()), "killed.saliscope");
        // The CLI's project run, stopped after two images; marked running as a killed process leaves it.
        {
            Open open(path);
            auto plan = planRunRequest(*open.session, smallRequest(*open.session));
            QVERIFY(plan.ok());
            MeasureRunParams params = plan->params;
            open.queue.reset();
            open.session->close();
            CancelToken cancel;
            class CancelAfterTwo final : public ProgressSink {
            public:
                explicit CancelAfterTwo(CancelToken token) : m_token(std::move(token)) {}
                void progress(std::int64_t done, std::int64_t) override
                {
                    if (done >= 2)
                        m_token.cancel();
                }

            private:
                CancelToken m_token;
            } progress(cancel);
            params.models[0].metadata.reset();
            params.models[1].metadata.reset();
            auto partial = runMeasuresInProject(params, path.toStdString(), {}, nullptr, progress, cancel);
            QVERIFY(!partial.ok());
            QCOMPARE(partial.error(), std::string("cancelled"));
            auto store = ProjectStore::open(path.toStdString(), ProjectOpenMode::OpenExisting);
            const auto runs = store.value()->runs().value();
            for (const auto& run : runs)
                QVERIFY(store.value()->setRunStatus(run.id, RunStatus::Running).ok());
        }
        Open reopened(path);
        QCOMPARE(int(reopened.queue->unfinished().size()), 1);
        QCOMPARE(reopened.queue->resumeUnfinished(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(reopened.queue->isIdle(), RunTimeout);
        const QueuedRun& run = reopened.queue->runs().front();
        QCOMPARE(run.status, RunStatus::Finished);
        QCOMPARE(run.alreadyDone, std::int64_t(2));
        QCOMPARE(run.done, std::int64_t(3));
        QCOMPARE(storedRows(path), storedRows(m_reference));
    }

    void datasetScanProblemsAreListedAsSkipped()
    {
        // A folder added in the application as a user adds one (scanned and stored on the
        // session's pools): a GIF, a dangling link and a file that is not an image were listed
        // as skipped by the command line but left out of the application's runs without a word.
        // Each is listed with its reason among the run's skipped images, also in a later session
        // (from the project), and counted.
        const QDir root(m_dir.filePath("scanned"));
        root.mkpath("data/real");
        root.mkpath("data/fake");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), root.filePath("data/real/a.png")));
        QVERIFY(QFile::copy(reference("faces/stylegan1_000700.png"), root.filePath("data/fake/b.png")));
        QFile gif(root.filePath("data/fake/anim.gif"));
        QVERIFY(gif.open(QIODevice::WriteOnly) && gif.write("GIF89a") == 6);
        gif.close();
        QVERIFY(QFile::link(root.filePath("data/fake/moved-away.png"), root.filePath("data/fake/dangling.png")));
        QFile broken(root.filePath("data/real/broken.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write("not an image at all") > 0);
        broken.close();
        // Unreadable for anyone but root (who reads it; then it is simply measured).
        QVERIFY(QFile::copy(reference("faces/stylegan2_000700.png"), root.filePath("data/fake/locked.png")));
        QVERIFY(QFile::setPermissions(root.filePath("data/fake/locked.png"), QFileDevice::WriteOwner));
        QFile probe(root.filePath("data/fake/locked.png"));
        const bool lockedIsUnreadable = !probe.open(QIODevice::ReadOnly);
        probe.close();

        const QString path = root.filePath("scanned.saliscope");
        {
            ProjectSession session;
            QVERIFY(session.open(path, true));
            session.addDatasetLocation(root.filePath("data"));
            session.addModelFile(QString::fromStdString(modelFile("tiny_densenet")));
            QTRY_VERIFY_WITH_TIMEOUT(session.datasets().size() == 1 && session.models().size() == 1, RunTimeout);
        }
        Open open(path); // a later session: what the scan set aside comes from the project
        RunsDock dock(open.queue.get());
        RunRequest request;
        request.measures = {MeasureKind::Entropy};
        request.modelIds = {open.session->models().front().id};
        request.datasetId = open.session->datasets().front().id;
        auto id = open.queue->enqueue(request);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(open.queue->isIdle(), RunTimeout);
        const QueuedRun* run = open.queue->run(id.value());
        QCOMPARE(run->status, RunStatus::Finished);
        QMap<QString, QString> skipped;
        for (const auto& [image, reason] : run->skipped)
            skipped[QFileInfo(image).fileName()] = reason;
        QStringList expected{"anim.gif", "broken.png", "dangling.png"};
        if (lockedIsUnreadable)
            expected << "locked.png";
        expected.sort();
        QCOMPARE(skipped.keys(), expected);
        QCOMPARE(int(run->skipped.size()), int(expected.size()));
        QCOMPARE(skipped["anim.gif"], "not an image Saliscope reads (.gif; png, jpg, jpeg, bmp, tif, tiff or webp)");
        QCOMPARE(skipped["dangling.png"], "dangling symbolic link (its target does not exist)");
        QVERIFY2(skipped["broken.png"].contains("broken.png"), qPrintable(skipped["broken.png"]));
        if (lockedIsUnreadable)
            QVERIFY2(skipped["locked.png"].contains("permission denied"), qPrintable(skipped["locked.png"]));
        // The dataset's images were tried (a, b, broken, locked); the scan's entries are listed
        // but are not images of the dataset.
        QCOMPARE(run->done, std::int64_t(4));
        // Shown in the Runs dock, and counted in the log as the command line counts them.
        dock.view()->selectRow(0);
        QCOMPARE(dock.skipped()->rowCount(), int(expected.size()));
        const QString finished = QStringLiteral("Run #%1 finished: %2 images computed, 0 already done, %3 skipped")
                                     .arg(id.value())
                                     .arg(lockedIsUnreadable ? 2 : 3)
                                     .arg(expected.size());
        QStringList log;
        for (int row = 0; row < open.session->log()->rowCount(); ++row)
            log << open.session->log()->text(row);
        QVERIFY2(log.contains(finished), qPrintable(log.join('\n')));
    }

private:
    QTemporaryDir m_dir;
    QString m_reference;
};

QTEST_MAIN(TestLauncher)
#include "tst_launcher.moc"
