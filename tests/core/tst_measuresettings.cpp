// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/measuresettings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>

using namespace saliscope;

class TestMeasureSettings final : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreThePapers()
    {
        const MeasureSettings settings;
        QCOMPARE(settings.noise.levels, (std::vector<double>{0.0, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 1.0}));
        QCOMPARE(settings.transforms.shiftAtReferenceSize, 16);
        QCOMPARE(settings.degradation.sigmaMax, 10.0);
        QCOMPARE(settings.degradation.curveOrder, 4.0);
        QCOMPARE(settings.degradation.guideSigma, 5.0);
        QCOMPARE(settings.ssim.windowSize, 7);
        QCOMPARE(settings.score, ScoreKind::Sigmoid);
        QVERIFY(settings.noise.generator == engine::NoiseGenerator::Counter);
        QCOMPARE(settings.value("noise.generator"), std::string("counter"));
    }

    void storedSettingsWithoutGeneratorAreSequential()
    {
        // The default settings as the version before the counter generator stored them (copied
        // from a project it made): no "generator". Resuming such a run must draw as it did, and
        // the sequential generator must write exactly this, so the stored run is found again.
        const QByteArray stored =
            R"({"degradation": {"curve_order": 4, "guide_sigma": 5, "sigma_max": 10}, "histogram_bins": 20,
                "noise": {"levels": [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 1], "salt_vs_pepper": 0.5, "seed": "0"},
                "score": "sigmoid", "ssim": {"data_range": 255, "k1": 0.01, "k2": 0.03, "sample_covariance": true,
                "window": 7}, "transforms": {"reference_size": 224, "shift": 16}})";
        const QJsonObject legacyJson = QJsonDocument::fromJson(stored).object();
        QVERIFY(!legacyJson.isEmpty());
        auto legacy = MeasureSettings::fromJson(legacyJson);
        QVERIFY(legacy.ok());
        QVERIFY(legacy->noise.generator == engine::NoiseGenerator::Sequential);
        QCOMPARE(legacy->value("noise.generator"), std::string("sequential"));
        QCOMPARE(legacy->toJson(), legacyJson);
        MeasureSettings sequential;
        QVERIFY(sequential.set("noise.generator=sequential").ok());
        QCOMPARE(sequential.toJson(), legacyJson);

        // New runs name the counter generator, so they never match a legacy run.
        const QJsonObject current = MeasureSettings().toJson();
        QCOMPARE(current.value("noise").toObject().value("generator").toString(), QStringLiteral("counter"));
        QVERIFY(current != legacyJson);
        auto back = MeasureSettings::fromJson(current);
        QVERIFY(back.ok());
        QVERIFY(back->noise.generator == engine::NoiseGenerator::Counter);
    }

    void setAndRoundTrip()
    {
        MeasureSettings settings;
        QVERIFY(settings.set("noise.levels=0,0.2,0.9").ok());
        QVERIFY(settings.set("noise.seed=18446744073709551615").ok());
        QVERIFY(settings.set("degradation.sigma_max=7.5").ok());
        QVERIFY(settings.set("score=softmax").ok());
        QVERIFY(settings.set("transforms.shift=8").ok());
        QVERIFY(settings.set("noise.generator=Sequential").ok());
        auto back = MeasureSettings::fromJson(settings.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->noise.levels, settings.noise.levels);
        QCOMPARE(back->noise.seed, std::uint64_t(18446744073709551615ull));
        QCOMPARE(back->degradation.sigmaMax, 7.5);
        QCOMPARE(back->score, ScoreKind::Softmax);
        QCOMPARE(back->transforms.shiftAtReferenceSize, 8);
        QVERIFY(back->noise.generator == engine::NoiseGenerator::Sequential);
        QCOMPARE(back->toJson(), settings.toJson());
    }

    void choicesAreWhatSetAccepts()
    {
        // A parameter that lists its choices (the GUI offers them in a list) accepts each of
        // them, shows it back as value(), and refuses anything else.
        int withChoices = 0;
        for (const auto& parameter : measureParameters()) {
            if (parameter.choices.empty())
                continue;
            ++withChoices;
            for (const auto& choice : parameter.choices) {
                MeasureSettings settings;
                QVERIFY2(settings.set(parameter.key + "=" + choice).ok(), (parameter.key + "=" + choice).c_str());
                QCOMPARE(settings.value(parameter.key), choice);
            }
            MeasureSettings settings;
            QVERIFY(!settings.set(parameter.key + "=not-a-choice").ok());
            const std::string defaultValue = MeasureSettings().value(parameter.key);
            QVERIFY(std::find(parameter.choices.begin(), parameter.choices.end(), defaultValue)
                    != parameter.choices.end());
        }
        QCOMPARE(withChoices, 4); // noise.generator, score, method, curves.baseline
    }

    void imagePixelLimitIsAParameter()
    {
        // Images above the limit are skipped before decoding (a 389 KB PNG took 3.7 GB). The
        // default is not stored, so runs stored before the key existed still match.
        const MeasureSettings defaults;
        QCOMPARE(defaults.maxImagePixels, std::int64_t(64'000'000));
        QCOMPARE(defaults.value("image.max_pixels"), std::string("64000000"));
        QVERIFY(!defaults.toJson().contains("image"));
        QVERIFY(QString::fromStdString(defaults.describe()).contains("image.max_pixels=64000000"));
        MeasureSettings settings;
        QVERIFY(settings.set("image.max_pixels=1000").ok());
        QCOMPARE(settings.maxImagePixels, std::int64_t(1000));
        auto back = MeasureSettings::fromJson(settings.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->maxImagePixels, std::int64_t(1000));
        QVERIFY(settings.set("image.max_pixels=0").ok()); // no limit
        QCOMPARE(MeasureSettings::fromJson(settings.toJson())->maxImagePixels, std::int64_t(0));
    }

    void badAssignmentsChangeNothing_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no equals") << "noise.seed"
                                   << "key=value";
        QTest::newRow("unknown key") << "noise.colour=red"
                                     << "unknown parameter";
        QTest::newRow("level out of range") << "noise.levels=0,2"
                                            << "[0, 1]";
        QTest::newRow("levels not increasing") << "noise.levels=0.5,0.1"
                                               << "increase";
        QTest::newRow("negative sigma") << "degradation.sigma_max=-1"
                                        << "positive";
        QTest::newRow("even window") << "ssim.window=8"
                                     << "odd";
        QTest::newRow("bad score") << "score=logit"
                                   << "sigmoid or softmax";
        QTest::newRow("bad generator") << "noise.generator=mt19937"
                                       << "'counter' or 'sequential'";
        QTest::newRow("negative pixel limit") << "image.max_pixels=-5"
                                              << "non-negative integer";
        QTest::newRow("fractional pixel limit") << "image.max_pixels=1.5"
                                                << "non-negative integer";
    }

    void badAssignmentsChangeNothing()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, fragment);
        MeasureSettings settings;
        const auto before = settings.toJson();
        auto status = settings.set(assignment.toStdString());
        QVERIFY(!status.ok());
        QVERIFY2(QString::fromStdString(status.error()).contains(fragment), status.error().c_str());
        QCOMPARE(settings.toJson(), before);
    }
};

QTEST_GUILESS_MAIN(TestMeasureSettings)
#include "tst_measuresettings.moc"
