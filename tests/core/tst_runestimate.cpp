// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The launcher's work estimate: hand-computed numbers for docs/measures.md's defaults, and the
// number of Grad-CAM passes a real runMeasures makes (one row of predictions, noise,
// transforms or degradation per pass). Also the parameter list shown by the CLI and the GUI.

#include "core/engine/model.h"
#include "core/measures/measurerunner.h"
#include "core/measures/runestimate.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;

namespace {

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

const std::set<MeasureKind> AllMeasures{MeasureKind::Predictions, MeasureKind::Entropy,   MeasureKind::Noise,
                                        MeasureKind::Transforms,  MeasureKind::Stability, MeasureKind::Degradation};

} // namespace

class TestRunEstimate final : public QObject {
    Q_OBJECT

private slots:
    void defaultsByHand()
    {
        const MeasureSettings defaults;
        // 1 clean + 8 noise levels + 12 transforms + 2 degradation modes.
        QCOMPARE(camPassesPerImage(AllMeasures, defaults, 224, 224), 23);
        // A non-square input loses the two rotations.
        QCOMPARE(camPassesPerImage(AllMeasures, defaults, 224, 192), 21);
        QCOMPARE(camPassesPerImage({MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Stability}, defaults,
                                   224, 224),
                 1);
        QCOMPARE(camPassesPerImage({MeasureKind::Noise}, defaults, 299, 299), 9);
        QCOMPARE(camPassesPerImage({MeasureKind::Degradation}, defaults, 299, 299), 3);

        const auto estimate = estimateRun(AllMeasures, defaults, 1000, {{224, 224}, {224, 224}, {299, 299}});
        QCOMPARE(estimate.images, std::int64_t(1000));
        QCOMPARE(estimate.models, 3);
        QCOMPARE(estimate.passesPerImage, std::int64_t(69));
        QCOMPARE(estimate.forwardPasses, std::int64_t(69000));
        QCOMPARE(estimateRun(AllMeasures, defaults, 0, {{224, 224}}).forwardPasses, std::int64_t(0));
    }

    void followsTheSettings()
    {
        MeasureSettings settings;
        QVERIFY(settings.set("noise.levels=0,0.5,1").ok());
        QCOMPARE(camPassesPerImage({MeasureKind::Noise}, settings, 64, 64), 4);
        // A shift that rounds to zero pixels leaves only the flips and rotations.
        QVERIFY(settings.set("transforms.shift=1").ok());
        QVERIFY(settings.set("transforms.reference_size=1000").ok());
        QCOMPARE(camPassesPerImage({MeasureKind::Transforms}, settings, 64, 64), 5);
    }

    void matchesWhatTheRunnerComputes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir root(dir.path());
        QVERIFY(root.mkpath("data/real") && root.mkpath("data/fake"));
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), root.filePath("data/real/a.png")));
        QVERIFY(QFile::copy(reference("faces/stylegan2_000700.png"), root.filePath("data/fake/b.png")));
        NullProgressSink progress;
        auto dataset = scanDataset({root.filePath("data").toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());

        // Every measure but stability (one model; stability makes no pass of its own).
        MeasureRunParams params;
        params.dataset = dataset.value();
        params.measures = AllMeasures;
        params.measures.erase(MeasureKind::Stability);
        params.batchSize = 2;
        QVERIFY(params.settings.set("noise.levels=0,0.3").ok());
        const std::string path = reference("models/tiny_densenet.pt").toStdString();
        auto model = engine::Model::load(path);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().c_str());
        const std::vector<std::pair<int, int>> sizes{
            {model.value()->metadata().inputWidth, model.value()->metadata().inputHeight}};
        params.models.push_back({"tiny_densenet", path, {}, {}});
        auto result = runMeasures(params, nullptr, true, progress, CancelToken());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        // Every pass gives exactly one row of one of these tables; entropy adds none.
        std::int64_t passes = 0;
        for (const auto& table : result->tables)
            if (table.measure == MeasureKind::Predictions || table.measure == MeasureKind::Noise
                || table.measure == MeasureKind::Transforms || table.measure == MeasureKind::Degradation)
                passes += std::int64_t(table.rows.size());
        const auto estimate = estimateRun(params.measures, params.settings, 2, sizes);
        QCOMPARE(passes, estimate.forwardPasses);
        QCOMPARE(estimate.forwardPasses, std::int64_t(2 * (1 + 2 + (sizes[0].first == sizes[0].second ? 12 : 10) + 2)));
    }

    void curvesCountTheirForwardPasses()
    {
        MeasureSettings settings;
        settings.curves.steps = 4;
        // Deletion: 5 steps of one curve; ROAD: 5 steps of two; no extra map pass.
        const std::set<MeasureKind> measures{MeasureKind::Deletion, MeasureKind::Road, MeasureKind::Localisation};
        QCOMPARE(curvePassesPerImage(measures, settings), 15);
        const auto estimate = estimateRun(measures, settings, 10, {{224, 224}, {128, 96}});
        QCOMPARE(estimate.passesPerImage, std::int64_t(2));
        QCOMPARE(estimate.curvePassesPerImage, std::int64_t(30));
        QCOMPARE(estimate.forwardPasses, std::int64_t(10 * (2 + 30)));
        RunEstimate total = estimate;
        addEstimate(total, estimate);
        QCOMPARE(total.curvePassesPerImage, std::int64_t(60));
    }

    void parametersAreListedWithExplanations()
    {
        const MeasureSettings defaults;
        const auto& parameters = measureParameters();
        // the five measures', score, histogram bins, image.max_pixels, method, sanity.steps and sanity.seed,
        // and the five of the faithfulness curves
        QCOMPARE(int(parameters.size()), 23);
        const QString described = QString::fromStdString(defaults.describe());
        QCOMPARE(described.count('\n'), 23);
        for (const auto& parameter : parameters) {
            const std::string value = defaults.value(parameter.key);
            QVERIFY2(!value.empty(), parameter.key.c_str());
            QVERIFY2(parameter.explanation.size() > 10, parameter.key.c_str());
            // Each listed default is accepted back by set() and leaves the settings unchanged.
            MeasureSettings copy;
            QVERIFY2(copy.set(parameter.key + "=" + value).ok(), parameter.key.c_str());
            QCOMPARE(copy.toJson(), defaults.toJson());
            QVERIFY(described.contains(QString::fromStdString(parameter.key + "=" + value)));
            QVERIFY(described.contains(QString::fromStdString(parameter.explanation)));
        }
        QCOMPARE(defaults.value("noise.levels"), std::string("0,0.01,0.05,0.1,0.25,0.5,0.75,1"));
        QCOMPARE(defaults.value("no.such.key"), std::string());
        MeasureSettings changed;
        QVERIFY(changed.set("degradation.sigma_max=7.5").ok());
        QCOMPARE(changed.value("degradation.sigma_max"), std::string("7.5"));
    }
};

QTEST_GUILESS_MAIN(TestRunEstimate)
#include "tst_runestimate.moc"
