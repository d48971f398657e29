// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Run parameters have one writer and one reader (RunParameters): struct -> JSON -> struct keeps
// every field, and the JSON a project stored before RunParameters existed reads back and is
// written again byte for byte (runs are found, resumed and merged by comparing that text).

#include "core/project/projectrunplan.h"
#include "core/project/runparameters.h"

#include <QtTest>

using namespace saliscope;

namespace {

/// runs.parameters of `saliscope-cli measure all` with tiny_densenet and tiny_resnet and
/// --set noise.levels=0,0.5, as a project written before RunParameters stored it.
const std::string kStoredAll =
    R"({"families":[{"members":["tiny_densenet","tiny_resnet"],"name":"all models"}],"models":[{"file_hash":"42eb7dbeadcd70fe","layer":"","name":"tiny_densenet"},{"file_hash":"df284a22efc33ae6","layer":"","name":"tiny_resnet"}],"settings":{"degradation":{"curve_order":4,"guide_sigma":5,"sigma_max":10},"histogram_bins":20,"noise":{"generator":"counter","levels":[0,0.5],"salt_vs_pepper":0.5,"seed":"0"},"score":"sigmoid","ssim":{"data_range":255,"k1":0.01,"k2":0.03,"sample_covariance":true,"window":7},"transforms":{"reference_size":224,"shift":16}}})";

/// One model, no family (entropy only), a named CAM layer and settings away from the defaults,
/// the image limit among them (written only when it is not the default).
const std::string kStoredOneModel =
    R"({"families":[],"models":[{"file_hash":"0123456789abcdef","layer":"features.denseblock4","name":"détecteur"}],"settings":{"degradation":{"curve_order":4,"guide_sigma":5,"sigma_max":8},"histogram_bins":10,"image":{"max_pixels":"1000000"},"noise":{"generator":"counter","levels":[0,0.1,0.5],"salt_vs_pepper":0.5,"seed":"7"},"score":"softmax","ssim":{"data_range":255,"k1":0.01,"k2":0.03,"sample_covariance":true,"window":7},"transforms":{"reference_size":224,"shift":16}}})";

} // namespace

class TestRunParameters final : public QObject {
    Q_OBJECT

private slots:
    void storedJsonReadsAndWritesBackIdentically_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("measure all, two models") << QString::fromStdString(kStoredAll);
        QTest::newRow("one model, layer, settings") << QString::fromStdString(kStoredOneModel);
    }

    void storedJsonReadsAndWritesBackIdentically()
    {
        QFETCH(QString, stored);
        const RunParameters read = RunParameters::fromJson(stored.toStdString());
        QVERIFY2(read.settingsError.empty(), read.settingsError.c_str());
        QCOMPARE(QString::fromStdString(read.toJson()), stored);
    }

    void storedJsonReadsIntoFields()
    {
        const RunParameters all = RunParameters::fromJson(kStoredAll);
        QCOMPARE(all.models.size(), std::size_t(2));
        QCOMPARE(all.models[1].name, std::string("tiny_resnet"));
        QCOMPARE(all.models[1].fileHash, std::string("df284a22efc33ae6"));
        QCOMPARE(all.fileHashOf("tiny_densenet"), std::string("42eb7dbeadcd70fe"));
        QCOMPARE(all.fileHashOf("unknown"), std::string());
        QCOMPARE(all.families.size(), std::size_t(1));
        QCOMPARE(all.families[0].name, std::string("all models"));
        QCOMPARE(all.families[0].members, (std::vector<std::string>{"tiny_densenet", "tiny_resnet"}));
        QCOMPARE(all.settings.noise.levels, (std::vector<double>{0, 0.5}));

        const RunParameters one = RunParameters::fromJson(kStoredOneModel);
        QCOMPARE(one.modelNames(), std::vector<std::string>{"détecteur"});
        QCOMPARE(one.models[0].layer, std::string("features.denseblock4"));
        QVERIFY(one.families.empty());
        QCOMPARE(one.settings.score, ScoreKind::Softmax);
        QCOMPARE(one.settings.histogramBins, 10);
        QCOMPARE(one.settings.maxImagePixels, std::int64_t(1000000));
    }

    void structToJsonToStruct()
    {
        // What a run of these parameters stores, as registerRuns writes it.
        MeasureRunParams params;
        params.measures = {MeasureKind::Entropy, MeasureKind::Stability};
        params.models = {{"a", "/models/a.pt", "layer4", std::nullopt},
                         {"b", "/models/b.pt", "", std::nullopt},
                         {"c", "/models/c.pt", "", std::nullopt}};
        params.families = {{"resnets", {"a", "b"}}};
        QVERIFY(params.settings.set("noise.levels=0,0.25").ok());
        QVERIFY(params.settings.set("score=softmax").ok());
        QVERIFY(params.settings.set("image.max_pixels=4000").ok());
        ProjectRunPlan plan;
        plan.params = params;
        plan.fileHashes = {{"a", "aaaa"}, {"b", "bbbb"}}; // c has none: recorded with an empty hash
        const RunParameters written = plan.parameters();

        const RunParameters read = RunParameters::fromJson(written.toJson());
        QVERIFY(read.settingsError.empty());
        QCOMPARE(read.modelNames(), (std::vector<std::string>{"a", "b", "c"}));
        QCOMPARE(read.fileHashOf("a"), std::string("aaaa"));
        QCOMPARE(read.fileHashOf("b"), std::string("bbbb"));
        QCOMPARE(read.fileHashOf("c"), std::string());
        QCOMPARE(read.models[0].layer, std::string("layer4"));
        QCOMPARE(read.families.size(), std::size_t(1));
        QCOMPARE(read.families[0].name, std::string("resnets"));
        QCOMPARE(read.families[0].members, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(read.settings.toJson(), params.settings.toJson());
        QCOMPARE(read.settings.noise.levels, (std::vector<double>{0, 0.25}));
        QCOMPARE(read.settings.score, ScoreKind::Softmax);
        QCOMPARE(read.settings.maxImagePixels, std::int64_t(4000));
        QCOMPARE(read.toJson(), written.toJson());
    }

    void implicitFamilyIsRecorded()
    {
        // Without families, two or more models are recorded as the family "all models".
        MeasureRunParams params;
        params.models = {{"x", "/x.pt", "", std::nullopt}, {"y", "/y.pt", "", std::nullopt}};
        const RunParameters parameters = RunParameters::of(params, {{"x", "1"}, {"y", "2"}});
        QCOMPARE(parameters.families.size(), std::size_t(1));
        QCOMPARE(parameters.families[0].name, std::string("all models"));
        QCOMPARE(parameters.families[0].members, (std::vector<std::string>{"x", "y"}));
    }

    void unreadableSettingsAreNamed()
    {
        const RunParameters read = RunParameters::fromJson(R"({"settings":{"score":"median"},"models":[]})");
        QVERIFY(!read.settingsError.empty());
        QCOMPARE(read.settings.toJson(), MeasureSettings().toJson()); // defaults kept
        QVERIFY(RunParameters::fromJson("not json").models.empty());
    }
};

QTEST_GUILESS_MAIN(TestRunParameters)
#include "tst_runparameters.moc"
