// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Summaries split by group and by video (issue 22): hand-made tables whose per-group numbers,
// video scores, video-level accuracy and ROC AUC are computed by hand below, and a dataset
// without groups or videos, whose summary must not change.

#include "core/measures/measuresummary.h"
#include "core/project/measureresults.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

using namespace saliscope;

namespace {

/// One image of the hand-made tables: its label, the model's predicted class and class-1 score,
/// and its normalised entropy.
struct Image final {
    int label;
    int predicted;
    double score;
    double entropy;
};

/// Predictions and entropy tables of model "m" over `images` (image index = position).
std::vector<MeasureTable> tablesOf(const std::vector<Image>& images)
{
    MeasureTable predictions{MeasureKind::Predictions, {"label", "predicted_class", "score", "correct", "flat"}, {}};
    MeasureTable entropy{MeasureKind::Entropy,
                         {"entropy_bits", "normalized_entropy", "spatial_entropy", "annotation_mass", "flat"},
                         {}};
    for (std::size_t i = 0; i < images.size(); ++i) {
        const auto& image = images[i];
        const double correct = image.label < 0 ? std::nan("") : double(image.label == image.predicted);
        predictions.rows.push_back(
            {std::int64_t(i), "m", "", {double(image.label), double(image.predicted), image.score, correct, 0.0}});
        entropy.rows.push_back({std::int64_t(i), "m", "", {1.0, image.entropy, 0.5, std::nan(""), 0.0}});
    }
    return {predictions, entropy};
}

/// Degradation rows of model "m": per image its confidence drops with the object and the
/// background blurred.
MeasureTable degradationOf(const std::vector<std::pair<double, double>>& drops)
{
    MeasureTable table{MeasureKind::Degradation,
                       {"score", "predicted_class", "correct", "confidence_drop", "ssim_upscaled", "flat"},
                       {}};
    for (std::size_t i = 0; i < drops.size(); ++i) {
        table.rows.push_back({std::int64_t(i), "m", "object", {0.5, 0.0, 1.0, drops[i].first, 0.5, 0.0}});
        table.rows.push_back({std::int64_t(i), "m", "background", {0.5, 0.0, 1.0, drops[i].second, 0.5, 0.0}});
    }
    return table;
}

bool near(const QJsonValue& value, double expected)
{
    return value.isDouble() && std::abs(value.toDouble() - expected) < 1e-12;
}

} // namespace

class TestGroupSummary final : public QObject {
    Q_OBJECT

private slots:
    void framesAndCropsNameTheirVideos()
    {
        const std::vector<DatasetRecord> records{{"/nowhere/clips/a.mp4#frame=3", 0, "a", {}, {}},
                                                 {"/nowhere/clips/a.mp4#frame=7&crop=1,2,30,30", 0, "a", {}, {}},
                                                 {"/nowhere/faces/b.jpg#crop=1,2,30,30", 1, "", {}, {}},
                                                 {"/nowhere/faces/c.png", 1, "gan", {}, {}}};
        const ImageGrouping grouping = ImageGrouping::of(records);
        QCOMPARE(grouping.videoOf(0), std::string("/nowhere/clips/a.mp4"));
        QCOMPARE(grouping.videoOf(1), std::string("/nowhere/clips/a.mp4"));
        QCOMPARE(grouping.videoOf(2), std::string()); // a crop of a still image is no video
        QCOMPARE(grouping.videoOf(3), std::string());
        QCOMPARE(grouping.videoOf(4), std::string()); // out of range
        QCOMPARE(grouping.groupOf(3), std::string("gan"));
        QVERIFY(grouping.hasVideos());
        QCOMPARE(grouping.groupNames(), (std::vector<std::string>{"a", "gan"}));
        QVERIFY(grouping.splitsByGroup());
    }

    void videoScoresAreTheMeanOfTheirFrames()
    {
        // Videos (frames: label, predicted, class-1 score, entropy):
        //   r  real: 0.2, 0.4                 -> score 0.3,   predicted 0, right; entropy 0.3
        //   f1 fake: 0.7, 0.5, 0.6            -> score 0.6,   predicted 1, right; entropy 0.6
        //   f2 fake: 0.1, 0.35                -> score 0.225, predicted 0, wrong; entropy 0.9
        //   x  frames labelled 0 and 1        -> no label: out of accuracy and AUC
        // and a still image, in no video.
        const std::vector<Image> images{{0, 0, 0.2, 0.2}, {0, 0, 0.4, 0.4},  {1, 1, 0.7, 0.5},  {1, 1, 0.5, 0.5},
                                        {1, 1, 0.6, 0.8}, {1, 0, 0.1, 0.9},  {1, 0, 0.35, 0.9}, {0, 1, 0.9, 0.1},
                                        {1, 1, 0.9, 0.1}, {0, 0, 0.05, 0.05}};
        const std::vector<DatasetRecord> records{
            {"/v/real/r.mp4#frame=0", 0, "", {}, {}},  {"/v/real/r.mp4#frame=5", 0, "", {}, {}},
            {"/v/fake/f1.mp4#frame=0", 1, "", {}, {}}, {"/v/fake/f1.mp4#frame=5", 1, "", {}, {}},
            {"/v/fake/f1.mp4#frame=9", 1, "", {}, {}}, {"/v/fake/f2.mp4#frame=1", 1, "", {}, {}},
            {"/v/fake/f2.mp4#frame=2", 1, "", {}, {}}, {"/v/x.mp4#frame=0", 0, "", {}, {}},
            {"/v/x.mp4#frame=1", 1, "", {}, {}},       {"/v/real/still.png", 0, "", {}, {}}};
        const auto tables = tablesOf(images);
        const QJsonObject summary = summarizeMeasures(tables, MeasureSettings{}, {}, ImageGrouping::of(records));
        const QJsonObject model = summary["models"].toObject()["m"].toObject();
        QVERIFY(!model.contains("groups")); // no image has a group
        const QJsonObject videos = model["videos"].toObject();
        QCOMPARE(videos["count"].toInt(), 4);
        QCOMPARE(videos["labelled"].toInt(), 3);
        QCOMPARE(videos["mixed_labels"].toInt(), 1);
        QVERIFY(near(videos["accuracy"], 2.0 / 3.0));
        // Video level: positives f1 (0.6) and f2 (0.225) against r (0.3): 1 of 2 pairs ordered.
        QVERIFY(near(videos["roc_auc"], 0.5));
        // Frame level, for contrast: negatives 0.2, 0.4, 0.9 (x), 0.05 (the still image) against
        // positives 0.7, 0.5, 0.6 (3 pairs ordered each), 0.1 (1), 0.35 (2), 0.9 (3 and a tie).
        QVERIFY(near(model["roc_auc"], 15.5 / 24));
        // Each measure per video, then over videos: (0.3 + 0.6 + 0.9 + 0.1) / 4.
        QVERIFY(near(videos["measures"].toObject()["entropy"], (0.3 + 0.6 + 0.9 + 0.1) / 4));

        const QJsonArray table = videos["table"].toArray();
        QCOMPARE(table.size(), 4);
        // Sorted by path: /v/fake/f1, /v/fake/f2, /v/real/r, /v/x.
        const QJsonObject f2 = table[1].toObject();
        QCOMPARE(f2["video"].toString(), QStringLiteral("/v/fake/f2.mp4"));
        QCOMPARE(f2["label"].toInt(), 1);
        QCOMPARE(f2["frames"].toInt(), 2);
        QVERIFY(near(f2["score"], 0.225));
        QCOMPARE(f2["predicted"].toInt(), 0);
        QCOMPARE(f2["correct"].toDouble(), 0.0);
        QVERIFY(near(f2["frame_accuracy"], 0.0));
        QVERIFY(near(f2["measures"].toObject()["entropy"], 0.9));
        const QJsonObject r = table[2].toObject();
        QCOMPARE(r["video"].toString(), QStringLiteral("/v/real/r.mp4"));
        QVERIFY(near(r["score"], 0.3));
        QCOMPARE(r["predicted"].toInt(), 0);
        QCOMPARE(r["correct"].toDouble(), 1.0);
        const QJsonObject x = table[3].toObject();
        QCOMPARE(x["label"].toInt(), -1);
        QVERIFY(x["mixed_labels"].toBool());
        QVERIFY(x["correct"].isNull());
        QCOMPARE(x["predicted"].toInt(), 1); // score 0.9
    }

    void groupsGetTheirOwnNumbers()
    {
        // Group A (images 0-3) ranked and predicted perfectly; B (4-7): scores 0.6, 0.4 (labels
        // 0, 1) and 0.3, 0.7 (0, 1): 3 of 4 pairs ordered, half predicted right; C (8, 9): real
        // only, so no ROC AUC.
        const std::vector<Image> images{{0, 0, 0.1, 0.1}, {1, 1, 0.9, 0.2}, {0, 0, 0.2, 0.3}, {1, 1, 0.8, 0.4},
                                        {0, 1, 0.6, 0.5}, {1, 0, 0.4, 0.6}, {0, 0, 0.3, 0.7}, {1, 1, 0.7, 0.8},
                                        {0, 0, 0.2, 0.9}, {0, 0, 0.1, 0.9}};
        auto tables = tablesOf(images);
        // Faithfulness (object drop - background drop): A 0.5 - 0.1, B 0.2 - 0.2, C 0.3 - 0.
        tables.push_back(degradationOf({{0.5, 0.1},
                                        {0.5, 0.1},
                                        {0.5, 0.1},
                                        {0.5, 0.1},
                                        {0.2, 0.2},
                                        {0.2, 0.2},
                                        {0.2, 0.2},
                                        {0.2, 0.2},
                                        {0.3, 0.0},
                                        {0.3, 0.0}}));
        ImageGrouping grouping;
        grouping.groups = {"A", "A", "A", "A", "B", "B", "B", "B", "C", "C"};
        const QJsonObject summary = summarizeMeasures(tables, MeasureSettings{}, {}, grouping);
        const QJsonObject model = summary["models"].toObject()["m"].toObject();
        QVERIFY(!model.contains("videos"));
        const QJsonObject groups = model["groups"].toObject();
        QCOMPARE(groups.keys(), (QStringList{"A", "B", "C"}));
        const QJsonObject a = groups["A"].toObject();
        const QJsonObject b = groups["B"].toObject();
        const QJsonObject c = groups["C"].toObject();
        QCOMPARE(a["images"].toInt(), 4);
        QVERIFY(near(a["accuracy"], 1.0));
        QVERIFY(near(a["roc_auc"], 1.0));
        QVERIFY(near(a["entropy"], 0.25));
        QVERIFY(near(a["faithfulness"], 0.4));
        QVERIFY(near(b["accuracy"], 0.5));
        QVERIFY(near(b["roc_auc"], 0.75));
        QVERIFY(near(b["entropy"], 0.65));
        QVERIFY(near(b["faithfulness"], 0.0));
        QCOMPARE(c["images"].toInt(), 2);
        QVERIFY(!c.contains("roc_auc"));
        QVERIFY(near(c["faithfulness"], 0.3));
        // The whole set's numbers are unchanged by the split.
        QVERIFY(near(model["accuracy"], 0.8));

        // A scorecard per group: the same rows, by group then model.
        const QJsonObject cards = groupScorecards(summary);
        QCOMPARE(cards.keys(), (QStringList{"A", "B", "C"}));
        QCOMPARE(cards["B"].toObject()["m"].toObject(), b);

        // MeasureResults splits the same way: one group's results give that group's numbers.
        const MeasureResults results = MeasureResults::fromTables(tables, "{}", 0, grouping);
        QCOMPARE(results.imageGroupNames(), (std::vector<std::string>{"A", "B", "C"}));
        const MeasureResults onlyB = results.ofImageGroup("B");
        QCOMPARE(onlyB.table(MeasureKind::Predictions)->rows.size(), std::size_t(4));
        const QJsonObject cardB = scorecard(onlyB.summary)["m"].toObject();
        QVERIFY(near(cardB["accuracy"], 0.5));
        QVERIFY(near(cardB["roc_auc"], 0.75));
        QVERIFY(near(cardB["entropy"], 0.65));
        QVERIFY(!onlyB.summary["models"].toObject()["m"].toObject().contains("groups"));
    }

    void withoutGroupsOrVideosTheSummaryIsUnchanged()
    {
        const std::vector<Image> images{{0, 0, 0.1, 0.1}, {1, 1, 0.9, 0.2}, {0, 1, 0.6, 0.3}, {1, 1, 0.8, 0.4}};
        auto tables = tablesOf(images);
        tables.push_back(degradationOf({{0.5, 0.1}, {0.4, 0.1}, {0.3, 0.2}, {0.2, 0.2}}));
        const QJsonObject plain = summarizeMeasures(tables, MeasureSettings{}, {});
        const QByteArray plainText = QJsonDocument(plain).toJson();
        // Still images and crops of them, no group; then one group for every image.
        const std::vector<DatasetRecord> records{{"/i/a.png", 0, "", {}, {}},
                                                 {"/i/b.png#crop=1,2,30,30", 1, "", {}, {}},
                                                 {"/i/c.png", 0, "", {}, {}},
                                                 {"/i/d.png", 1, "", {}, {}}};
        QCOMPARE(QJsonDocument(summarizeMeasures(tables, MeasureSettings{}, {}, ImageGrouping::of(records))).toJson(),
                 plainText);
        ImageGrouping oneGroup;
        oneGroup.groups = {"gan", "gan", "gan", "gan"};
        QCOMPARE(QJsonDocument(summarizeMeasures(tables, MeasureSettings{}, {}, oneGroup)).toJson(), plainText);
        QVERIFY(MeasureResults::fromTables(tables, "{}", 0, oneGroup).imageGroupNames().empty());
    }
};

QTEST_GUILESS_MAIN(TestGroupSummary)
#include "tst_groupsummary.moc"
