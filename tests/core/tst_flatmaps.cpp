// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Flat maps (no defined salience) never reach an aggregate: hand-made tables where the flat rows
// carry the values a flat map really gives (entropy 0, SSIM 1 between two all-zero maps), so a
// summary that still counted them would read "perfectly focused" and "perfectly stable".

#include "core/measures/flatmaps.h"
#include "core/measures/measuresummary.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>
#include <limits>
#include <tuple>

using namespace saliscope;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

MeasureTable predictions(const std::vector<std::tuple<std::string, std::int64_t, bool>>& rows)
{
    MeasureTable table{MeasureKind::Predictions, {"label", "predicted_class", "score", "correct", "flat"}, {}};
    for (const auto& [model, image, flat] : rows) // image i has label i % 2, always predicted right
        table.rows.push_back({image, model, "", {double(image % 2), double(image % 2), 0.9, 1.0, double(flat)}});
    return table;
}

double meanOf(const QJsonObject& stats) { return stats.value("mean").toDouble(NaN); }

} // namespace

class TestFlatMaps final : public QObject {
    Q_OBJECT

private slots:
    void flatMapsNeverCountAsPerfectlyStable()
    {
        // Two models, four images. a's clean map is flat on images 0 and 1, b's on image 1 only.
        std::vector<MeasureTable> tables{predictions({{"a", 0, true},
                                                      {"a", 1, true},
                                                      {"a", 2, false},
                                                      {"a", 3, false},
                                                      {"b", 0, false},
                                                      {"b", 1, true},
                                                      {"b", 2, false},
                                                      {"b", 3, false}})};
        MeasureTable stability{MeasureKind::Stability, {"ssim_small"}, {}};
        // Image 1: both maps all zeros, SSIM 1; image 0: a flat map against b's, SSIM 0.1.
        for (const auto& [image, ssim] : std::vector<std::pair<int, double>>{{0, 0.1}, {1, 1.0}, {2, 0.5}, {3, 0.7}})
            stability.rows.push_back({image, "a|b", "fam", {ssim}});
        tables.push_back(stability);
        const QJsonObject summary = summarizeMeasures(tables, MeasureSettings{}, {{"fam", {"a", "b"}}});
        const QJsonObject family = summary["families"].toObject()["fam"].toObject();
        QCOMPARE(family["flat_pairs"].toInt(), 2);
        QCOMPARE(family["ssim"].toObject()["count"].toInt(), 2);
        QVERIFY(std::abs(meanOf(family["ssim"].toObject()) - 0.6) < 1e-12); // (0.5 + 0.7) / 2
        // The K x K matrix and the per-image means leave them out too.
        QVERIFY(std::abs(family["matrix"].toArray()[0].toArray()[1].toDouble() - 0.6) < 1e-12);
        QCOMPARE(family["per_image_mean"].toObject()["count"].toInt(), 2);
        // Accuracy never depends on a map: all four images count.
        QCOMPARE(summary["models"].toObject()["a"].toObject()["accuracy"].toDouble(), 1.0);
        QCOMPARE(summary["models"].toObject()["a"].toObject()["flat_maps"].toInt(), 2);

        const QJsonObject card = scorecard(summary);
        QVERIFY(std::abs(card["a"].toObject()["stability_ssim"].toDouble() - 0.6) < 1e-12);
        QCOMPARE(card["a"].toObject()["flat_maps"].toInt(), 2);
        QCOMPARE(card["b"].toObject()["flat_maps"].toInt(), 1);
        QCOMPARE(card["a"].toObject()["flat_excluded"].toObject()["stability_ssim"].toInt(), 2);
    }

    void entropyNoiseTransformsAndDegradationLeaveFlatRowsOut()
    {
        // One model "m", images 0..3; the clean map of image 3 is flat.
        std::vector<MeasureTable> tables{
            predictions({{"m", 0, false}, {"m", 1, false}, {"m", 2, false}, {"m", 3, true}})};
        MeasureTable entropy{MeasureKind::Entropy,
                             {"entropy_bits", "normalized_entropy", "spatial_entropy", "annotation_mass", "flat"},
                             {}};
        for (int image = 0; image < 3; ++image)
            entropy.rows.push_back({image, "m", "", {4.0, 0.5 + 0.1 * image, 0.8, 0.3, 0.0}});
        entropy.rows.push_back({3, "m", "", {0.0, 0.0, 0.0, NaN, 1.0}}); // a flat map: one bin, entropy 0
        tables.push_back(entropy);

        MeasureTable transforms{MeasureKind::Transforms,
                                {"ssim_upscaled", "score", "predicted_class", "prediction_changed", "flat"},
                                {}};
        // "lr": image 1's transformed map is flat (SSIM 0.05), image 3's clean map is flat and its
        // transformed one too (two zero maps: SSIM 1). "tb": nothing flat but image 3's clean map.
        transforms.rows.push_back({0, "m", "lr", {0.8, 0.9, 0, 0.0, 0.0}});
        transforms.rows.push_back({1, "m", "lr", {0.05, 0.9, 1, 1.0, 1.0}});
        transforms.rows.push_back({2, "m", "lr", {0.6, 0.9, 0, 0.0, 0.0}});
        transforms.rows.push_back({3, "m", "lr", {1.0, 0.9, 1, 0.0, 1.0}});
        transforms.rows.push_back({0, "m", "tb", {0.4, 0.9, 0, 0.0, 0.0}});
        transforms.rows.push_back({1, "m", "tb", {0.2, 0.9, 1, 0.0, 0.0}});
        transforms.rows.push_back({2, "m", "tb", {0.3, 0.9, 0, 1.0, 0.0}});
        transforms.rows.push_back({3, "m", "tb", {0.9, 0.9, 1, 0.0, 0.0}});
        tables.push_back(transforms);

        MeasureTable noise{MeasureKind::Noise,
                           {"level", "score", "predicted_class", "correct", "normalized_entropy", "ssim_small",
                            "ssim_upscaled", "flat"},
                           {}};
        for (int image = 0; image < 4; ++image) {
            noise.rows.push_back({image, "m", "0.1", {0.1, 0.9, 0, 1.0, 0.6, 0.9, 0.9, 0.0}});
            const bool flat = image == 0; // the noisiest level empties image 0's map
            noise.rows.push_back(
                {image,
                 "m",
                 "0.2",
                 {0.2, 0.9, 0, 1.0, flat ? 0.0 : 0.7, flat ? 1.0 : 0.5, flat ? 1.0 : 0.5, double(flat)}});
        }
        tables.push_back(noise);

        MeasureTable degradation{MeasureKind::Degradation,
                                 {"score", "predicted_class", "correct", "confidence_drop", "ssim_upscaled", "flat"},
                                 {}};
        for (int image = 0; image < 4; ++image) {
            // Image 3's blur was guided by a flat map: its drop and SSIM mean nothing.
            degradation.rows.push_back({image, "m", "background", {0.8, 0, 1.0, image == 3 ? 0.9 : 0.1, 0.7, 0.0}});
            degradation.rows.push_back({image, "m", "object", {0.5, 0, 1.0, image == 3 ? 0.0 : 0.4, 0.6, 0.0}});
        }
        tables.push_back(degradation);

        MeasureSettings settings;
        settings.noise.levels = {0.1, 0.2};
        const QJsonObject summary = summarizeMeasures(tables, settings, {});
        const QJsonObject m = summary["models"].toObject()["m"].toObject();
        QCOMPARE(m["flat_maps"].toInt(), 1);
        QCOMPARE(m["accuracy"].toDouble(), 1.0);

        const QJsonObject e = m["entropy"].toObject();
        QCOMPARE(e["flat_maps"].toInt(), 1);
        QCOMPARE(e["normalized"].toObject()["count"].toInt(), 3);
        QVERIFY(std::abs(meanOf(e["normalized"].toObject()) - 0.6) < 1e-12); // (0.5 + 0.6 + 0.7) / 3
        QCOMPARE(e["bits"].toObject()["count"].toInt(), 3);
        QCOMPARE(e["histogram"].toObject()["counts"].toArray()[0].toInt(), 0); // no flat 0 in the first bin

        const QJsonObject t = m["transforms"].toObject();
        QCOMPARE(t["flat_maps"].toInt(), 3); // lr: images 1 and 3; tb: image 3
        QCOMPARE(t["per_transform"].toObject()["lr"].toObject()["flat_maps"].toInt(), 2);
        QVERIFY(std::abs(t["per_transform"].toObject()["lr"].toObject()["ssim_mean"].toDouble() - 0.7) < 1e-12);
        QVERIFY(std::abs(t["per_transform"].toObject()["tb"].toObject()["ssim_mean"].toDouble() - 0.3) < 1e-12);
        QCOMPARE(t["ssim"].toObject()["count"].toInt(), 5);
        QVERIFY(std::abs(meanOf(t["ssim"].toObject()) - (0.8 + 0.6 + 0.4 + 0.2 + 0.3) / 5) < 1e-12);
        // Flips never depend on a map: all eight rows count.
        QVERIFY(std::abs(t["flip_rate"].toDouble() - 2.0 / 8) < 1e-12);

        const QJsonObject n = m["noise"].toObject();
        QCOMPARE(n["flat_maps_per_level"].toArray(), QJsonArray({1, 2})); // 0.1: image 3 (clean); 0.2: 0 and 3
        QCOMPARE(n["flat_maps"].toInt(), 3);
        QVERIFY(std::abs(n["ssim_small"].toArray()[0].toObject()["mean"].toDouble() - 0.9) < 1e-12);
        QVERIFY(std::abs(n["ssim_small"].toArray()[1].toObject()["mean"].toDouble() - 0.5) < 1e-12);
        // The noisy map's own entropy is left out only where that map is flat (image 0).
        QVERIFY(std::abs(n["normalized_entropy"].toArray()[1].toObject()["mean"].toDouble() - 0.7) < 1e-12);
        QVERIFY(std::abs(n["auc_ssim_small"].toDouble() - 0.1 * (0.9 + 0.5) / 2) < 1e-12);

        const QJsonObject d = m["degradation"].toObject();
        QVERIFY(std::abs(d["background"].toObject()["confidence_drop"].toDouble() - 0.1) < 1e-12);
        QVERIFY(std::abs(d["object"].toObject()["confidence_drop"].toDouble() - 0.4) < 1e-12);
        QVERIFY(std::abs(d["faithfulness"].toDouble() - 0.3) < 1e-12);
        QCOMPARE(d["background"].toObject()["flat_maps"].toInt(), 1);
        QCOMPARE(d["flat_maps"].toInt(), 2);
        QCOMPARE(d["object"].toObject()["accuracy"].toDouble(), 1.0); // predictions count

        const QJsonObject excluded = scorecard(summary)["m"].toObject()["flat_excluded"].toObject();
        QCOMPARE(excluded["entropy"].toInt(), 1);
        QCOMPARE(excluded["transform_ssim"].toInt(), 3);
        QCOMPARE(excluded["noise_ssim_area"].toInt(), 3);
        QCOMPARE(excluded["faithfulness"].toInt(), 2);
    }

    void aModelWithOnlyFlatMapsHasNoMapNumbers()
    {
        // As a model whose gradients vanish (or a NaN model before its rows were refused) gives.
        std::vector<MeasureTable> tables{predictions({{"dead", 0, true}, {"dead", 1, true}})};
        MeasureTable transforms{MeasureKind::Transforms,
                                {"ssim_upscaled", "score", "predicted_class", "prediction_changed", "flat"},
                                {}};
        for (int image = 0; image < 2; ++image)
            transforms.rows.push_back({image, "dead", "lr", {1.0, 0.9, 0, 0.0, 1.0}});
        tables.push_back(transforms);
        const QJsonObject summary = summarizeMeasures(tables, MeasureSettings{}, {});
        const QJsonObject card = scorecard(summary)["dead"].toObject();
        QVERIFY2(card["transform_ssim"].isNull(), "two all-zero maps must not read as perfectly resilient");
        QCOMPARE(card["flat_maps"].toInt(), 2);
        QCOMPARE(card["flat_excluded"].toObject()["transform_ssim"].toInt(), 2);
    }

    void exclusionKeepsMeasuredRowsAndIsIdempotent()
    {
        std::vector<MeasureTable> tables{predictions({{"m", 0, true}, {"m", 1, false}})};
        MeasureTable entropy{MeasureKind::Entropy,
                             {"entropy_bits", "normalized_entropy", "spatial_entropy", "annotation_mass", "flat"},
                             {}};
        entropy.rows.push_back({0, "m", "", {0.0, 0.0, 0.0, 0.2, 1.0}});
        entropy.rows.push_back({1, "m", "", {3.0, 0.4, 0.7, 0.2, 0.0}});
        tables.push_back(entropy);
        const FlatMaps flat(tables);
        QVERIFY(flat.cleanIsFlat("m", 0));
        QVERIFY(!flat.cleanIsFlat("m", 1));
        QVERIFY(!flat.involvesFlatMap(tables[0], tables[0].rows[0])); // predictions: nothing to exclude
        QVERIFY(flat.involvesFlatMap(tables[1], tables[1].rows[0]));
        const auto once = flat.excluded(tables);
        const auto twice = FlatMaps(once).excluded(once);
        for (const auto& result : {once, twice}) {
            QCOMPARE(result[0].rows[0].values, tables[0].rows[0].values);
            for (int c = 0; c < 4; ++c)
                QVERIFY(std::isnan(result[1].rows[0].values[std::size_t(c)]));
            QCOMPARE(result[1].rows[0].values[4], 1.0); // the flag stays
            QCOMPARE(result[1].rows[1].values, tables[1].rows[1].values);
        }
        // The tables given are never changed.
        QCOMPARE(tables[1].rows[0].values[3], 0.2);
    }
};

QTEST_GUILESS_MAIN(TestFlatMaps)
#include "tst_flatmaps.moc"
