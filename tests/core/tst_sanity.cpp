// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The sanity checks measure and the run's salience method: Spearman's rank correlation on hand
// cases, the cascading schedule, the random-logit class, the settings' keys, and runs over the
// reference faces with the reference models.

#include "core/measures/measurerunner.h"
#include "core/measures/measuresummary.h"
#include "core/measures/sanitymeasure.h"
#include "core/measures/statistics.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <set>

using namespace saliscope;

namespace {

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

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

class TestSanity final : public QObject {
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
        m_dataset = dataset.value();
    }

    void spearmanHandCases()
    {
        // Ranks with a tie: a -> 1, 2.5, 2.5, 4; b -> 1, 3, 2, 4; r = 4.5 / sqrt(4.5 * 5) (scipy: 0.9486832980505138).
        QVERIFY(std::abs(spearmanCorrelation({1, 2, 2, 3}, {1, 3, 2, 4}) - 0.9486832980505138) < 1e-12);
        // Any increasing function keeps the ranks; a decreasing one reverses them.
        QCOMPARE(spearmanCorrelation({0.1, 0.5, 0.2, 0.9}, {1, 125, 8, 729}), 1.0);
        QCOMPARE(spearmanCorrelation({0.1, 0.5, 0.2, 0.9}, {9, 5, 8, 1}), -1.0);
        QVERIFY(std::isnan(spearmanCorrelation({1, 1, 1}, {1, 2, 3})));
        QVERIFY(std::isnan(spearmanCorrelation({1, 2}, {1, 2, 3})));
        QVERIFY(std::isnan(spearmanCorrelation({1}, {1})));
    }

    void cascadeSchedule()
    {
        // Step 1 the head alone, the last step every block, the steps between evenly spread.
        QCOMPARE(sanityBlocksAtStep(1, 5, 11), 1);
        QCOMPARE(sanityBlocksAtStep(2, 5, 11), 4);
        QCOMPARE(sanityBlocksAtStep(3, 5, 11), 6);
        QCOMPARE(sanityBlocksAtStep(4, 5, 11), 9);
        QCOMPARE(sanityBlocksAtStep(5, 5, 11), 11);
        QCOMPARE(sanityBlocksAtStep(1, 1, 7), 7);
        // Fewer blocks than steps: depths repeat, never more than the model has.
        const std::vector<int> few{1, 2, 2, 3, 3};
        for (int step = 1; step <= 5; ++step)
            QCOMPARE(sanityBlocksAtStep(step, 5, 3), few[std::size_t(step - 1)]);
    }

    void randomLogitClassIsAnotherClass()
    {
        QCOMPARE(randomLogitClass(0, 2, 12345), 1);
        QCOMPARE(randomLogitClass(1, 2, 7), 0);
        std::set<int> seen;
        for (std::uint64_t key = 0; key < 40; ++key) {
            const int other = randomLogitClass(2, 5, key);
            QVERIFY(other != 2 && other >= 0 && other < 5);
            seen.insert(other);
        }
        QCOMPARE(int(seen.size()), 4);
    }

    void settingsKeys()
    {
        MeasureSettings settings;
        QVERIFY(!settings.toJson().contains("method")); // Grad-CAM runs keep their stored parameters
        QVERIFY(!settings.toJson().contains("sanity"));
        QVERIFY(settings.set("method=Grad-CAM++").ok());
        QCOMPARE(settings.method, engine::CamMethod::GradCamPlusPlus);
        QVERIFY(settings.set("sanity.steps=3").ok());
        QVERIFY(settings.set("sanity.seed=42").ok());
        QVERIFY(!settings.set("method=saliency").ok());
        QVERIFY(!settings.set("sanity.steps=0").ok());
        QCOMPARE(settings.value("method"), std::string("gradcampp"));
        const auto back = MeasureSettings::fromJson(settings.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->method, engine::CamMethod::GradCamPlusPlus);
        QCOMPARE(back->sanity.steps, 3);
        QCOMPARE(back->sanity.seed, std::uint64_t(42));
        QCOMPARE(back->toJson(), settings.toJson());
    }

    void sanityRowsFollowTheSchedule()
    {
        const auto result = run(engine::CamMethod::GradCam, 3, 0);
        const MeasureTable& table = tableOf(result, MeasureKind::Sanity);
        // Five images, one model, three steps and the random-logit test.
        QCOMPARE(int(table.rows.size()), 5 * 4);
        std::set<std::string> variants;
        for (const auto& row : table.rows) {
            variants.insert(row.variant);
            if (row.variant == "logit") {
                QVERIFY(std::isnan(value(table, row, "depth")));
                continue;
            }
            QCOMPARE(value(table, row, "depth"), std::stod(row.variant));
            if (row.variant == "3")
                QCOMPARE(value(table, row, "randomised"), 1.0);
            else
                QVERIFY(value(table, row, "randomised") < 1.0);
        }
        QCOMPARE(variants, (std::set<std::string>{"1", "2", "3", "logit"}));
        // The randomised model's map is not the model's own.
        for (const auto& row : table.rows)
            if (row.variant == "3" && std::isfinite(value(table, row, "spearman")))
                QVERIFY(value(table, row, "spearman") < 0.999);
        // The summary's curve and verdict come from these rows; the scorecard carries the final number.
        const QJsonObject summary = summarizeMeasures(result.tables, settingsOf(engine::CamMethod::GradCam, 3, 0), {});
        const QJsonObject sanity = summary["models"].toObject()["tiny_resnet"].toObject()["sanity"].toObject();
        QCOMPARE(sanity["steps"].toArray().size(), 3);
        QVERIFY(sanity.contains("passes"));
        const QJsonObject card = scorecard(summary)["tiny_resnet"].toObject();
        QCOMPARE(card["sanity_spearman"], sanity["final_spearman"]);
    }

    void randomisationIsSeeded()
    {
        const auto first = run(engine::CamMethod::GradCam, 2, 0);
        const auto again = run(engine::CamMethod::GradCam, 2, 0);
        const auto other = run(engine::CamMethod::GradCam, 2, 1);
        const auto& a = tableOf(first, MeasureKind::Sanity);
        const auto& b = tableOf(again, MeasureKind::Sanity);
        const auto& c = tableOf(other, MeasureKind::Sanity);
        bool differs = false;
        for (std::size_t r = 0; r < a.rows.size(); ++r) {
            for (std::size_t v = 0; v < a.rows[r].values.size(); ++v) {
                const double x = a.rows[r].values[v];
                const double y = b.rows[r].values[v];
                QVERIFY((std::isnan(x) && std::isnan(y)) || x == y);
            }
            if (a.rows[r].variant != "logit")
                differs = differs || a.rows[r].values != c.rows[r].values;
        }
        QVERIFY(differs);
    }

    void eigenCamIgnoresTheClass()
    {
        // Eigen-CAM uses no gradient: the map of another class is the same map.
        const auto result = run(engine::CamMethod::EigenCam, 1, 0);
        const MeasureTable& table = tableOf(result, MeasureKind::Sanity);
        int logits = 0;
        for (const auto& row : table.rows)
            if (row.variant == "logit") {
                ++logits;
                QCOMPARE(value(table, row, "spearman"), 1.0);
                QCOMPARE(value(table, row, "ssim_small"), 1.0);
            }
        QCOMPARE(logits, 5);
    }

    void theRunsMethodMakesItsMaps()
    {
        const auto gradCam = run(engine::CamMethod::GradCam, 1, 0, MeasureKind::Entropy);
        const auto hiRes = run(engine::CamMethod::HiResCam, 1, 0, MeasureKind::Entropy);
        const auto& a = tableOf(gradCam, MeasureKind::Entropy);
        const auto& b = tableOf(hiRes, MeasureKind::Entropy);
        QCOMPARE(a.rows.size(), b.rows.size());
        bool differs = false;
        for (std::size_t r = 0; r < a.rows.size(); ++r)
            differs = differs || value(a, a.rows[r], "spatial_entropy") != value(b, b.rows[r], "spatial_entropy");
        QVERIFY(differs);
        // The predictions do not depend on the method.
        const auto& pa = tableOf(gradCam, MeasureKind::Predictions);
        const auto& pb = tableOf(hiRes, MeasureKind::Predictions);
        for (std::size_t r = 0; r < pa.rows.size(); ++r)
            QCOMPARE(value(pa, pa.rows[r], "score"), value(pb, pb.rows[r], "score"));
    }

private:
    static MeasureSettings settingsOf(engine::CamMethod method, int steps, std::uint64_t seed)
    {
        MeasureSettings settings;
        settings.method = method;
        settings.sanity.steps = steps;
        settings.sanity.seed = seed;
        return settings;
    }

    MeasureRunResult run(engine::CamMethod method, int steps, std::uint64_t seed,
                         MeasureKind measure = MeasureKind::Sanity)
    {
        MeasureRunParams params;
        params.measures = {MeasureKind::Predictions, measure};
        params.models = {{"tiny_resnet", reference("models/tiny_resnet.pt").toStdString(), {}, {}}};
        params.dataset = m_dataset;
        params.settings = settingsOf(method, steps, seed);
        params.batchSize = 5;
        NullProgressSink progress;
        auto result = runMeasures(params, nullptr, true, progress, CancelToken());
        if (!result)
            qFatal("run failed: %s", result.error().c_str());
        return std::move(result).value();
    }

    QTemporaryDir m_dir;
    Dataset m_dataset;
};

QTEST_GUILESS_MAIN(TestSanity)
#include "tst_sanity.moc"
