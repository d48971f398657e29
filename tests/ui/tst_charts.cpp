// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Chart adapters, linked selection and the scorecard, on a small set of results written by
// hand (6 images, a family of three models and one model alone), so every bin, mean and cell
// can be checked against numbers worked out here.

#include "ui/report/chartadapters.h"
#include "ui/results/degradationchartview.h"
#include "ui/results/entropychartview.h"
#include "ui/results/imageselection.h"
#include "ui/results/measurechartview.h"
#include "core/project/measureresults.h"
#include "ui/results/noisechartview.h"
#include "ui/results/scorecardmodel.h"
#include "ui/results/stabilitychartview.h"
#include "ui/results/transformchartview.h"
#include "ui/report/chartbuilders.h"
#include "core/dataset/dataset.h"
#include "core/measures/measuresummary.h"
#include "core/project/projectrun.h"
#include "ui/images/imagefilterproxymodel.h"
#include "ui/images/imagelistmodel.h"
#include "core/store/projectstore.h"
#include "ui/results/scorecardwidget.h"

#include <qcustomplot.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <set>
#include <utility>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

constexpr int ImageCount = 6;
const std::vector<std::string> Models = {"a1", "a2", "a3", "solo"};

/// Normalised entropy per model and image. a1's values land in bins 0,1,1,2,3,3 of 4 bins
/// over [0, 1] (0.25 opens bin 1; 1.0 closes the last bin); nothing but a1 falls in bin 1.
const std::map<std::string, std::vector<double>> Entropy = {
    {"a1", {0.05, 0.25, 0.30, 0.55, 0.80, 1.0}},
    {"a2", {0.10, 0.10, 0.60, 0.60, 0.60, 0.90}},
    {"a3", {0.20, 0.15, 0.70, 0.65, 0.95, 0.60}},
    {"solo", {0.52, 0.53, 0.54, 0.56, 0.57, 0.99}},
};

/// Noise map SSIM (small) at level 0.5; at level 0 every map is its clean self (1).
const std::map<std::string, std::vector<double>> NoiseSsim = {
    {"a1", {0.2, 0.4, 0.6, 0.8, 1.0, 0.0}},
    {"a2", {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}},
    {"a3", {0.9, 0.1, 0.9, 0.1, 0.9, 0.1}},
    {"solo", {0.3, 0.3, 0.3, 0.3, 0.3, 0.3}},
};

/// Pairwise stability SSIM of family "fa" per pair and image.
const std::map<std::string, std::vector<double>> Stability = {
    {"a1|a2", {0.9, 0.8, 0.2, 0.7, 0.6, 0.5}},
    {"a1|a3", {0.7, 0.6, 0.1, 0.9, 0.8, 0.4}},
    {"a2|a3", {0.8, 0.7, 0.3, 0.8, 0.7, 0.6}},
};

double score(const std::string& model, int image) { return 0.1 + 0.15 * image + (model == "solo" ? 0.05 : 0.0); }

std::string parameters()
{
    QJsonObject settings{{"histogram_bins", 4}, {"noise", QJsonObject{{"levels", QJsonArray{0, 0.5}}}}};
    QJsonArray models;
    for (const auto& m : Models)
        models.append(QJsonObject{{"name", QString::fromStdString(m)}});
    QJsonArray families{QJsonObject{{"name", "fa"}, {"members", QJsonArray{"a1", "a2", "a3"}}}};
    return QJsonDocument(QJsonObject{{"settings", settings}, {"models", models}, {"families", families}})
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

std::vector<MeasureTable> knownTables()
{
    MeasureTable predictions{MeasureKind::Predictions, {"label", "predicted_class", "score", "correct", "flat"}, {}};
    MeasureTable entropy{MeasureKind::Entropy,
                         {"entropy_bits", "normalized_entropy", "spatial_entropy", "annotation_mass", "flat"},
                         {}};
    MeasureTable noise{MeasureKind::Noise,
                       {"level", "score", "predicted_class", "correct", "normalized_entropy", "ssim_small",
                        "ssim_upscaled", "flat"},
                       {}};
    MeasureTable transforms{MeasureKind::Transforms,
                            {"ssim_upscaled", "score", "predicted_class", "prediction_changed", "flat"},
                            {}};
    MeasureTable stability{MeasureKind::Stability, {"ssim_small"}, {}};
    MeasureTable degradation{MeasureKind::Degradation,
                             {"score", "predicted_class", "correct", "confidence_drop", "ssim_upscaled", "flat"},
                             {}};
    for (const auto& model : Models)
        for (int i = 0; i < ImageCount; ++i) {
            const int label = i % 2;
            const double s = score(model, i);
            const int predicted = s >= 0.5 ? 1 : 0;
            predictions.rows.push_back(
                {i, model, "", {double(label), double(predicted), s, double(predicted == label), 0}});
            const double e = Entropy.at(model)[std::size_t(i)];
            entropy.rows.push_back({i, model, "", {e * 5.6147, e, e / 2, 0.1 * i, 0}});
            for (double level : {0.0, 0.5}) {
                const double ssim = level == 0 ? 1.0 : NoiseSsim.at(model)[std::size_t(i)];
                noise.rows.push_back({i,
                                      model,
                                      level == 0 ? "0" : "0.5",
                                      {level, s - level / 4, double(predicted),
                                       double(level == 0 ? predicted == label : i < 3), e, ssim, ssim, 0}});
            }
            transforms.rows.push_back({i, model, "lr", {1.0 - 0.1 * i, s, double(predicted), 0, 0}});
            transforms.rows.push_back({i, model, "tb", {0.5 - 0.1 * i, s, double(predicted), double(i == 5), 0}});
            // Background drop x = 0.02 i, object drop y = 0.1 i (+0.05 for solo).
            degradation.rows.push_back(
                {i, model, "background", {s, double(predicted), double(predicted == label), 0.02 * i, 0.9, 0}});
            degradation.rows.push_back(
                {i,
                 model,
                 "object",
                 {s, double(predicted), double(predicted == label), 0.1 * i + (model == "solo" ? 0.05 : 0.0), 0.7, 0}});
        }
    for (const auto& [pair, values] : Stability)
        for (int i = 0; i < ImageCount; ++i)
            stability.rows.push_back({i, pair, "fa", {values[std::size_t(i)]}});
    return {predictions, entropy, noise, transforms, stability, degradation};
}

std::set<std::int64_t> set(std::initializer_list<std::int64_t> images) { return images; }
std::vector<std::int64_t> list(std::initializer_list<std::int64_t> images) { return images; }

const SampleSeries& seriesNamed(const std::vector<SampleSeries>& series, const std::string& name)
{
    for (const auto& s : series)
        if (s.name == name)
            return s;
    qFatal("no series %s", name.c_str());
}

/// The first plottable of `plot` with this role and series.
QCPAbstractPlottable* plottableOf(QCustomPlot* plot, const char* role, int series)
{
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (chart::roleOf(plot->plottable(i)) == QLatin1String(role) && chart::seriesOf(plot->plottable(i)) == series)
            return plot->plottable(i);
    return nullptr;
}

/// Shows `view` at 1000 x 500, waits until it is on screen, then gives it `results`.
bool showWithResults(MeasureChartView& view, std::shared_ptr<const MeasureResults> results, bool byFamily)
{
    view.resize(1000, 500);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    view.setResults(std::move(results), byFamily);
    return true;
}

/// The (column, row) of every selection outline on a matrix plot.
std::multiset<std::pair<int, int>> outlinedCells(QCustomPlot* plot)
{
    std::multiset<std::pair<int, int>> cells;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (const QVariant cell = plot->item(i)->property("selectedCell"); cell.isValid())
            cells.insert({cell.toPoint().x(), cell.toPoint().y()});
    return cells;
}

} // namespace

class TestCharts final : public QObject {
    Q_OBJECT

private slots:
    void histogramBinsHoldTheirImages()
    {
        const auto results = MeasureResults::fromTables(knownTables(), parameters());
        QCOMPARE(results.settings.histogramBins, 4);
        const auto byModel = columnSamples(*results.table(MeasureKind::Entropy), "normalized_entropy",
                                           results.groups(false));
        QCOMPARE(byModel.size(), std::size_t(4));
        const auto chart = histogramChart(byModel, 4, 0.0, 1.0);
        QCOMPARE(chart.binWidth(), 0.25);
        QCOMPARE(chart.series[0].name, std::string("a1"));
        QCOMPARE(chart.series[0].counts, (std::vector<std::int64_t>{1, 2, 1, 2}));
        QCOMPARE(chart.series[0].images[1], list({1, 2})); // 0.25 opens bin 1
        QCOMPARE(chart.series[0].images[3], list({4, 5})); // 1.0 closes the last bin
        QCOMPARE(chart.series[1].counts, (std::vector<std::int64_t>{2, 0, 3, 1}));
        // The counts agree with the summary's histogram (same bin rule).
        const auto summaryCounts = results.summary["models"]
                                       .toObject()["a2"]
                                       .toObject()["entropy"]
                                       .toObject()["histogram"]
                                       .toObject()["counts"]
                                       .toArray();
        for (int b = 0; b < 4; ++b)
            QCOMPARE(std::int64_t(summaryCounts[b].toDouble()), chart.series[1].counts[std::size_t(b)]);

        // By family: a1, a2 and a3 pooled (18 values), each image once per bin.
        const auto byFamily = histogramChart(columnSamples(*results.table(MeasureKind::Entropy), "normalized_entropy",
                                                           results.groups(true)),
                                             4, 0.0, 1.0);
        QCOMPARE(byFamily.series.size(), std::size_t(2));
        QCOMPARE(byFamily.series[0].name, std::string("fa"));
        QCOMPARE(byFamily.series[1].name, std::string("solo"));
        QCOMPARE(byFamily.series[0].counts, (std::vector<std::int64_t>{5, 2, 7, 4}));
        QCOMPARE(byFamily.series[0].images[0], list({0, 1}));
        QCOMPARE(byFamily.series[0].images[2], list({2, 3, 4, 5}));
        // Selected counts per bin for the highlight.
        QCOMPARE(selectedCounts(byModel[0], chart, set({1, 5})), (std::vector<std::int64_t>{0, 1, 0, 1}));
    }

    void boxStatsFollowNumpy()
    {
        SampleSeries series{"s", {}};
        for (int i = 1; i <= 9; ++i)
            series.samples.push_back({i, double(i)});
        series.samples.push_back({42, 100.0});
        const auto box = boxStats(series);
        // numpy.percentile([1..9, 100], [25, 50, 75]) = 3.25, 5.5, 7.75; whiskers reach 1 and 9.
        QCOMPARE(box.lowerQuartile, 3.25);
        QCOMPARE(box.median, 5.5);
        QCOMPARE(box.upperQuartile, 7.75);
        QCOMPARE(box.lowerWhisker, 1.0);
        QCOMPARE(box.upperWhisker, 9.0);
        QCOMPARE(box.outlierImages, list({42}));
        QCOMPARE(box.count, std::int64_t(10));
    }

    void noiseCurvesHaveMeanAndSpread()
    {
        const auto results = MeasureResults::fromTables(knownTables(), parameters());
        const auto& levels = results.settings.noise.levels;
        QCOMPARE(levels, (std::vector<double>{0, 0.5}));
        const auto curves = categoryChart(*results.table(MeasureKind::Noise), "ssim_small", results.groups(false),
                                          noiseVariants(levels), levels);
        QCOMPARE(curves.series[0].points.size(), std::size_t(2));
        const auto& clean = curves.series[0].points[0];
        const auto& noisy = curves.series[0].points[1];
        QCOMPARE(clean.x, 0.0);
        QCOMPARE(clean.mean, 1.0);
        QCOMPARE(clean.spread, 0.0);
        QCOMPARE(noisy.x, 0.5);
        // a1 at 0.5: {0.2, 0.4, 0.6, 0.8, 1.0, 0.0}: mean 0.5, population SD sqrt(0.35/3).
        QVERIFY(std::abs(noisy.mean - 0.5) < 1e-12);
        QVERIFY(std::abs(noisy.spread - std::sqrt(0.35 / 3)) < 1e-12);
        QCOMPARE(imagesWorseThanMean(noisy, Better::Higher), list({0, 1, 5}));
        QCOMPARE(imagesWorseThanMean(noisy, Better::Lower), list({2, 3, 4}));
        QVERIFY(std::abs(selectedMean(noisy, set({0, 4})) - 0.6) < 1e-12);
        QVERIFY(std::isnan(selectedMean(noisy, set({99}))));
        // The curve's means are the summary's.
        const auto summaryPoint = results.summary["models"]
                                      .toObject()["a3"]
                                      .toObject()["noise"]
                                      .toObject()["ssim_small"]
                                      .toArray()[1]
                                      .toObject();
        QVERIFY(std::abs(curves.series[2].points[1].mean - summaryPoint["mean"].toDouble()) < 1e-12);
        QVERIFY(std::abs(curves.series[2].points[1].spread - summaryPoint["std"].toDouble()) < 1e-12);
        // Accuracy is the mean of "correct": at 0.5 the first three images are right.
        const auto accuracy = categoryChart(*results.table(MeasureKind::Noise), "correct", results.groups(true),
                                            noiseVariants(levels), levels);
        QCOMPARE(accuracy.series[0].points[1].mean, 0.5);
        QCOMPARE(imagesWorseThanMean(accuracy.series[0].points[1], Better::Higher), list({3, 4, 5}));
    }

    void transformBarsPerTransformation()
    {
        const auto results = MeasureResults::fromTables(knownTables(), parameters());
        const auto* table = results.table(MeasureKind::Transforms);
        QCOMPARE(variantsOf(*table), (std::vector<std::string>{"lr", "tb"}));
        const auto bars = categoryChart(*table, "ssim_upscaled", results.groups(false), variantsOf(*table));
        // lr: 1 - 0.1 i over i = 0..5 -> mean 0.75; tb: 0.5 - 0.1 i -> mean 0.25.
        QVERIFY(std::abs(bars.series[0].points[0].mean - 0.75) < 1e-12);
        QVERIFY(std::abs(bars.series[0].points[1].mean - 0.25) < 1e-12);
        QCOMPARE(bars.series[0].points[1].x, 1.0);
        QCOMPARE(imagesWorseThanMean(bars.series[0].points[1], Better::Higher), list({3, 4, 5}));
        const double summaryMean = results.summary["models"]
                                       .toObject()["solo"]
                                       .toObject()["transforms"]
                                       .toObject()["per_transform"]
                                       .toObject()["tb"]
                                       .toObject()["ssim_mean"]
                                       .toDouble();
        QVERIFY(std::abs(bars.series[3].points[1].mean - summaryMean) < 1e-12);
        // The SSIM histogram starts at the lowest value rounded down to 0.1 (tb of image 5: 0.0).
        const auto samples = columnSamples(*table, "ssim_upscaled", results.groups(false));
        QCOMPARE(ssimHistogramLower(samples), 0.0);
        QCOMPARE(ssimHistogramLower({SampleSeries{"x", {{0, 0.37}}}}), 0.3);
        QCOMPARE(ssimHistogramLower({SampleSeries{"x", {{0, -3.0}}}}), -1.0);
    }

    void barLegendLeavesTheDataUncovered()
    {
        const auto results = MeasureResults::fromTables(knownTables(), parameters());
        const auto* table = results.table(MeasureKind::Transforms);
        const auto bars = categoryChart(*table, "ssim_upscaled", results.groups(false), variantsOf(*table));
        QCustomPlot plot;
        plot.resize(500, 300);
        chart::buildBars(&plot, bars, QStringLiteral("SSIM"));
        plot.replot();
        // The legend sits above the axis rect, not inside it, and every error bar's end is in range.
        QVERIFY(plot.legend->visible());
        QVERIFY(plot.legend->outerRect().bottom() <= plot.axisRect()->outerRect().top());
        QVERIFY(plot.legend->outerRect().width() < plot.axisRect()->outerRect().width() / 2);
        for (const auto& series : bars.series)
            for (const auto& point : series.points)
                QVERIFY(plot.yAxis->range().contains(point.mean + point.spread));
        // A histogram built on the same plot has its legend back inside the axis rect.
        chart::buildHistogram(&plot,
                              histogramChart(columnSamples(*table, "ssim_upscaled", results.groups(false)), 10, 0, 1),
                              QStringLiteral("SSIM"));
        plot.replot();
        QCOMPARE(plot.legend->layout(), static_cast<QCPLayout*>(plot.axisRect()->insetLayout()));
        QVERIFY(plot.axisRect()->outerRect().contains(plot.legend->outerRect()));
        QCOMPARE(plot.plotLayout()->rowCount(), 1);
    }

    void stabilityMatrixAndImageMeans()
    {
        const auto results = MeasureResults::fromTables(knownTables(), parameters());
        const auto* table = results.table(MeasureKind::Stability);
        const auto means = stabilityImageMeans(*table, results.families);
        QCOMPARE(means.size(), std::size_t(1));
        // Image 2: (0.2 + 0.1 + 0.3) / 3 = 0.2, the least stable.
        QVERIFY(std::abs(means[0].samples[2].value - 0.2) < 1e-12);
        QCOMPARE(means[0].samples[2].image, std::int64_t(2));
        const auto histogram = histogramChart(means, 4, 0.0, 1.0);
        QCOMPARE(histogram.series[0].images[0], list({2}));
        QCOMPARE(stabilityPairValues(*table, results.families)[0].samples.size(), std::size_t(18));

        const auto matrices = stabilityMatrices(*table, results.families);
        QCOMPARE(matrices.size(), std::size_t(1));
        const auto& m = matrices[0];
        QCOMPARE(m.members, (std::vector<std::string>{"a1", "a2", "a3"}));
        QCOMPARE(m.mean[0][0], 1.0);
        // a1|a2: (0.9 + 0.8 + 0.2 + 0.7 + 0.6 + 0.5) / 6 = 0.6166...
        QVERIFY(std::abs(m.mean[0][1] - 3.7 / 6) < 1e-12);
        QCOMPARE(m.mean[1][0], m.mean[0][1]);
        const auto summaryMatrix = results.summary["families"].toObject()["fa"].toObject()["matrix"].toArray();
        for (int a = 0; a < 3; ++a)
            for (int b = 0; b < 3; ++b)
                QVERIFY(std::abs(m.mean[std::size_t(a)][std::size_t(b)] - summaryMatrix[a].toArray()[b].toDouble())
                        < 1e-12);
    }

    void degradationScatterAndRectangle()
    {
        const auto results = MeasureResults::fromTables(knownTables(), parameters());
        const auto scatter = degradationScatter(*results.table(MeasureKind::Degradation), results.groups(false));
        QCOMPARE(scatter.series.size(), std::size_t(4));
        QCOMPARE(scatter.series[0].points.size(), std::size_t(ImageCount));
        QVERIFY(std::abs(scatter.series[0].points[3].x - 0.06) < 1e-12);
        QVERIFY(std::abs(scatter.series[0].points[3].y - 0.3) < 1e-12);
        // x in [0.03, 0.09] holds images 2, 3, 4; y <= 0.33 keeps a1..a3's 2 and 3, solo's 2 only.
        QCOMPARE(imagesInRectangle(scatter, 0.09, 0.03, 0.33, 0.0), list({2, 3}));
        QCOMPARE(imagesInRectangle(scatter, 0.03, 0.09, 0.0, 0.33, {false, false, false, true}), list({2}));
        const auto bars = categoryChart(*results.table(MeasureKind::Degradation), "confidence_drop",
                                        results.groups(true), {"background", "object"});
        QVERIFY(std::abs(bars.series[0].points[1].mean - 0.25) < 1e-12);
        QCOMPARE(imagesWorseThanMean(bars.series[0].points[1], Better::Lower), list({3, 4, 5}));
    }

    void runSetsGroupByDatasetAndParameters()
    {
        std::vector<StoredRun> runs(4);
        runs[0] = {1, "predictions", R"({"a":1})", 1, RunStatus::Finished};
        runs[1] = {2, "entropy", R"({"a": 1})", 1, RunStatus::Running};
        runs[2] = {3, "predictions", R"({"a":1})", 2, RunStatus::Finished};
        runs[3] = {4, "bogus", R"({"a":1})", 2, RunStatus::Finished};
        const auto sets = groupRunSets(runs);
        QCOMPARE(sets.size(), std::size_t(2));
        QCOMPARE(sets[0].datasetId, std::int64_t(2)); // newest first
        QCOMPARE(sets[1].runIds.size(), std::size_t(2));
        QVERIFY(sets[1].running);
        QVERIFY(!sets[0].running);
        QCOMPARE(preferredRunSet(sets, 2), 1); // the only set with a measure, on any dataset
        QCOMPARE(preferredRunSet({}, 1), -1);
    }

    void clickOnBinSelectsExactlyItsImages()
    {
        auto results = std::make_shared<const MeasureResults>(
            MeasureResults::fromTables(knownTables(), parameters(), 7));
        ImageSelection selection;
        EntropyChartView view(&selection);
        QVERIFY(showWithResults(view, results, false));
        QCustomPlot* plot = view.histogramPlot();
        plot->replot();
        // Bin 1 ([0.25, 0.5)) holds only a1's images 1 and 2.
        const QPointF inBin(plot->xAxis->coordToPixel(view.histogram().binCenter(1)), plot->yAxis->coordToPixel(1.0));
        view.clickAt(plot, inBin);
        QVERIFY(selection.isActive());
        QCOMPARE(selection.datasetId(), std::int64_t(7));
        QCOMPARE(selection.images(), set({1, 2}));
        QVERIFY(selection.description().contains("a1"));
        // Every histogram now overlays the selected counts: a1 has one selected image in bin 1 ...
        auto* overlay = dynamic_cast<QCPBars*>(plottableOf(plot, chart::SelectionRole, 0));
        QVERIFY(overlay);
        QCOMPARE(overlay->data()->size(), 4);
        QCOMPARE(overlay->data()->at(1)->value, 2.0);
        QCOMPARE(overlay->data()->at(0)->value, 0.0);
        // ... and a click on a1's last bin, above the other series' single values, picks images 4 and 5.
        view.clickAt(plot,
                     QPointF(plot->xAxis->coordToPixel(view.histogram().binCenter(3)), plot->yAxis->coordToPixel(1.5)));
        QCOMPARE(selection.images(), set({4, 5}));
        // A click on empty space changes nothing.
        view.clickAt(plot, QPointF(plot->xAxis->coordToPixel(0.4), plot->yAxis->coordToPixel(2.5)));
        QCOMPARE(selection.images(), set({4, 5}));
        // A legend click hides a series: a1's bars no longer answer clicks.
        auto* a1 = plottableOf(plot, chart::DataRole, 0);
        QVERIFY(a1->visible());
        auto* item = plot->legend->itemWithPlottable(a1);
        plot->replot();
        view.clickAt(plot, item->rect().center());
        QVERIFY(!a1->visible());
        selection.clear();
        view.clickAt(plot, inBin);
        QVERIFY(!selection.isActive());
    }

    void matrixCellValuesFollowTheCellSize()
    {
        auto results = std::make_shared<const MeasureResults>(MeasureResults::fromTables(knownTables(), parameters()));
        ImageSelection selection;
        StabilityChartView stability(&selection);
        QVERIFY(showWithResults(stability, results, true));
        QCustomPlot* matrix = stability.matrixPlot();
        auto visibleValues = [matrix]() {
            int count = 0;
            for (int i = 0; i < matrix->itemCount(); ++i)
                if (auto* text = qobject_cast<QCPItemText*>(matrix->item(i));
                    text && text->property("cellText").toBool())
                    count += text->visible() ? 1 : 0;
            return count;
        };
        // The replot a resize makes decides by the size it lays out (3 x 3 cells), not the last one.
        matrix->replot();
        QCOMPARE(visibleValues(), 9);
        matrix->resize(60, 60);
        QCOMPARE(visibleValues(), 0);
        matrix->resize(400, 400);
        QCOMPARE(visibleValues(), 9);
    }

    void clickOnMatrixCellAndDragOnScatter()
    {
        auto results = std::make_shared<const MeasureResults>(MeasureResults::fromTables(knownTables(), parameters()));
        ImageSelection selection;
        StabilityChartView stability(&selection);
        QVERIFY(showWithResults(stability, results, true));
        QCustomPlot* matrix = stability.matrixPlot();
        matrix->replot();
        // Row a1, column a2 (mean 0.6167): images 2 (0.2), 4 (0.6) and 5 (0.5) lie below.
        stability.clickAt(matrix, QPointF(matrix->xAxis->coordToPixel(1), matrix->yAxis->coordToPixel(0)));
        QCOMPARE(selection.images(), set({2, 4, 5}));
        // The clicked cell and its mirror are outlined (two outlines each: colour and white).
        QCOMPARE(outlinedCells(matrix), (std::multiset<std::pair<int, int>>{{1, 0}, {1, 0}, {0, 1}, {0, 1}}));
        // Edge cells answer anywhere inside them, not only up to the cell centre.
        stability.clickAt(matrix, QPointF(matrix->xAxis->coordToPixel(2.4), matrix->yAxis->coordToPixel(0.3)));
        QVERIFY(selection.description().contains("a3"));
        // The histogram's lowest bin holds the least stable image.
        QCustomPlot* histogram = stability.histogramPlot();
        histogram->replot();
        const int lowest = 0;
        stability.clickAt(histogram,
                          QPointF(histogram->xAxis->coordToPixel(stability.histogram().binCenter(lowest)),
                                  histogram->yAxis->coordToPixel(0.5)));
        QCOMPARE(selection.images(), set({2}));
        // A selection made elsewhere outlines no cell.
        QVERIFY(outlinedCells(matrix).empty());

        DegradationChartView degradation(&selection);
        QVERIFY(showWithResults(degradation, results, false));
        QCustomPlot* scatter = degradation.scatterPlot();
        scatter->replot();
        const QPoint from(int(scatter->xAxis->coordToPixel(0.03)), int(scatter->yAxis->coordToPixel(0.33)));
        const QPoint to(int(scatter->xAxis->coordToPixel(0.09)), int(scatter->yAxis->coordToPixel(-0.01)));
        QMouseEvent press(QEvent::MouseButtonPress, from, scatter->mapToGlobal(from), Qt::LeftButton, Qt::LeftButton,
                          Qt::NoModifier);
        QMouseEvent move(QEvent::MouseMove, to, scatter->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QMouseEvent release(QEvent::MouseButtonRelease, to, scatter->mapToGlobal(to), Qt::LeftButton, Qt::NoButton,
                            Qt::NoModifier);
        QCoreApplication::sendEvent(scatter, &press);
        QCoreApplication::sendEvent(scatter, &move);
        QCoreApplication::sendEvent(scatter, &release);
        QCOMPARE(selection.images(), set({2, 3}));
        // The selection shows on the scatter: a highlight curve with the selected points
        // (images 2 and 3 of four models).
        auto* highlight = dynamic_cast<QCPCurve*>(plottableOf(scatter, chart::SelectionRole, 0));
        QVERIFY(highlight);
        QCOMPARE(highlight->data()->size(), 8);
    }

    void browserFiltersToSelection()
    {
        ImageListModel images;
        ImageTable table;
        for (int i = 0; i < ImageCount; ++i)
            table.images.push_back(ImageEntry{QStringLiteral("/d/img%1.png").arg(i),
                                              QStringLiteral("img%1.png").arg(i),
                                              QStringLiteral("h%1").arg(i),
                                              {},
                                              {},
                                              i % 2});
        images.setTable(std::move(table));
        ImageFilterProxyModel proxy;
        proxy.setSourceModel(&images);
        QCOMPARE(proxy.rowCount(), ImageCount);
        proxy.setImageIdFilter({1, 4, 99});
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(proxy.index(0, 0).data(ImageListModel::ImageIndexRole).toInt(), 1);
        QCOMPARE(proxy.index(1, 0).data(ImageListModel::ImageIndexRole).toInt(), 4);
        proxy.setClassFilter(0); // filters combine: image 4 is class 0, image 1 class 1
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setClassFilter(-2);
        proxy.setImageIdFilter({});
        QCOMPARE(proxy.rowCount(), 0); // an empty selection shows no image
        proxy.clearImageIdFilter();
        QCOMPARE(proxy.rowCount(), ImageCount);
    }

    void scorecardMatchesTheSummaryOfStoredRows()
    {
        QTemporaryDir folder;
        auto opened = ProjectStore::open(folder.filePath("p.saliscope").toStdString(),
                                         ProjectOpenMode::CreateIfMissing);
        QVERIFY2(opened, opened ? "" : opened.error().c_str());
        auto& store = *opened.value();
        Dataset dataset;
        dataset.location = "/data";
        std::vector<std::string> hashes;
        for (int i = 0; i < ImageCount; ++i) {
            dataset.records.push_back({"/data/img" + std::to_string(i) + ".png", i % 2, "", {}});
            hashes.push_back("hash" + std::to_string(i));
        }
        const auto datasetId = store.addDataset(dataset, hashes).value();
        std::vector<std::int64_t> runIds;
        for (const auto& table : knownTables()) {
            StoredRun run;
            run.measure = measureName(table.measure);
            run.parametersJson = parameters();
            run.datasetId = datasetId;
            const auto runId = store.createRun(run).value();
            QVERIFY(store.writeResults(runId, table.columns, table.rows).ok());
            QVERIFY(store.setRunStatus(runId, RunStatus::Finished).ok());
            runIds.push_back(runId);
        }
        const auto sets = groupRunSets(store.runs().value());
        QCOMPARE(sets.size(), std::size_t(1));
        QCOMPARE(sets[0].runIds.size(), std::size_t(6));
        auto loaded = MeasureResults::load(store, sets[0]);
        QVERIFY(loaded);
        QCOMPARE(loaded->models, Models);
        const QJsonObject expected = summarizeStoredRuns(store, runIds).value();
        QCOMPARE(loaded->summary, expected);

        ScorecardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSummary(loaded->summary);
        QCOMPARE(model.rowCount(), 5); // four models and the family
        const QJsonObject card = scorecard(expected);
        double familyAccuracy = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString name = model.rowName(row);
            if (model.isFamilyRow(row)) {
                QCOMPARE(name, QStringLiteral("fa"));
                const double stability =
                    expected["families"].toObject()["fa"].toObject()["ssim"].toObject()["mean"].toDouble();
                QCOMPARE(model.value(row, ScorecardModel::StabilityColumn), stability);
                // (0.9+0.8+0.2+0.7+0.6+0.5 + 0.7+0.6+0.1+0.9+0.8+0.4 + 0.8+0.7+0.3+0.8+0.7+0.6) / 18
                QVERIFY(std::abs(stability - 11.1 / 18) < 1e-12);
                familyAccuracy = model.value(row, ScorecardModel::AccuracyColumn);
                continue;
            }
            const QJsonObject entry = card[name].toObject();
            for (int column = ScorecardModel::AccuracyColumn; column < ScorecardModel::ColumnCount; ++column) {
                const QJsonValue value = entry[ScorecardModel::key(column)];
                if (value.isDouble())
                    QCOMPARE(model.value(row, column), value.toDouble());
                else
                    QVERIFY(std::isnan(model.value(row, column)));
            }
        }
        const double membersAccuracy = (card["a1"].toObject()["accuracy"].toDouble()
                                        + card["a2"].toObject()["accuracy"].toDouble()
                                        + card["a3"].toObject()["accuracy"].toDouble())
            / 3;
        QVERIFY(std::abs(familyAccuracy - membersAccuracy) < 1e-12);
        // solo has no family: no stability number, shown as a dash.
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.rowName(row) == QLatin1String("solo")) {
                QCOMPARE(model.index(row, ScorecardModel::StabilityColumn).data().toString(), QStringLiteral("\u2013"));
                QVERIFY(!model.index(row, ScorecardModel::StabilityColumn).data(ScorecardModel::SortRole).isValid());
            }

        // Sorting by faithfulness (descending) puts solo first: object drops 0.05 higher.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ScorecardModel::SortRole);
        proxy.sort(ScorecardModel::FaithfulnessColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, ScorecardModel::NameColumn).data(ScorecardModel::SortRole).toString(),
                 QStringLiteral("solo"));
        // Colours: the best of a "higher is better" column is greener than the worst.
        const int best = proxy.mapToSource(proxy.index(0, 0)).row();
        const int worst = proxy.mapToSource(proxy.index(model.rowCount() - 1, 0)).row();
        const QColor bestColor =
            model.index(best, ScorecardModel::FaithfulnessColumn).data(Qt::BackgroundRole).value<QColor>();
        const QColor worstColor =
            model.index(worst, ScorecardModel::FaithfulnessColumn).data(Qt::BackgroundRole).value<QColor>();
        QVERIFY(bestColor.green() > bestColor.red());
        QVERIFY(worstColor.red() > worstColor.green());
        QVERIFY(model.headerData(ScorecardModel::StabilityColumn, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains("Higher"));
        QCOMPARE(
            model.headerData(ScorecardModel::StabilityColumn, Qt::Horizontal, ScorecardModel::MeasureRole).toString(),
            QStringLiteral("stability"));

        // The scorecard widget keeps the family row on top whichever way a column is sorted;
        // the models below it follow the column.
        ScorecardWidget widget;
        widget.setSummary(loaded->summary);
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            widget.proxy()->sort(ScorecardModel::AccuracyColumn, order);
            const auto* sorted = widget.proxy();
            QVERIFY(sorted->index(0, 0).data(ScorecardModel::IsFamilyRole).toBool());
            for (int row = 2; row < sorted->rowCount(); ++row) {
                QVERIFY(!sorted->index(row, 0).data(ScorecardModel::IsFamilyRole).toBool());
                const double above =
                    sorted->index(row - 1, ScorecardModel::AccuracyColumn).data(ScorecardModel::SortRole).toDouble();
                const double here =
                    sorted->index(row, ScorecardModel::AccuracyColumn).data(ScorecardModel::SortRole).toDouble();
                QVERIFY(order == Qt::AscendingOrder ? above <= here : above >= here);
            }
        }
    }

    void flatMapsStayOutOfChartsAndAreCountedInTheScorecard()
    {
        // a1's clean map of image 2 is flat, and so is its "tb" map of image 4: both transform
        // rows of image 2 and the "tb" row of image 4 leave the charts; the scorecard says so.
        auto tables = knownTables();
        for (auto& table : tables)
            for (auto& row : table.rows) {
                const bool clean = row.model == "a1" && row.imageIndex == 2;
                const bool transformed = table.measure == MeasureKind::Transforms && row.model == "a1"
                    && row.imageIndex == 4 && row.variant == "tb";
                if ((clean && table.measure == MeasureKind::Predictions)
                    || (clean && table.measure == MeasureKind::Entropy) || transformed)
                    row.values.back() = 1;
            }
        const auto results = MeasureResults::fromTables(tables, parameters());
        const auto samples = columnSamples(*results.table(MeasureKind::Transforms), "ssim_upscaled",
                                           results.groups(false));
        std::set<std::pair<std::int64_t, double>> a1;
        for (const auto& sample : seriesNamed(samples, "a1").samples)
            a1.insert({sample.image, sample.value});
        QCOMPARE(int(a1.size()), 2 * ImageCount - 3);
        QVERIFY(!a1.count({2, 1.0 - 0.2}));
        QVERIFY(!a1.count({4, 0.5 - 0.4}));
        const auto entropy = columnSamples(*results.table(MeasureKind::Entropy), "normalized_entropy",
                                           results.groups(false));
        QCOMPARE(int(seriesNamed(entropy, "a1").samples.size()), ImageCount - 1);

        ScorecardModel model;
        model.setSummary(results.summary);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString name = model.rowName(row);
            const QString tip = model.index(row, ScorecardModel::TransformsColumn).data(Qt::ToolTipRole).toString();
            if (name == QLatin1String("a1")) {
                QCOMPARE(model.value(row, ScorecardModel::FlatMapsColumn), 1.0);
                QCOMPARE(model.index(row, ScorecardModel::FlatMapsColumn).data().toString(), QStringLiteral("1"));
                QVERIFY2(tip.startsWith(QLatin1String("3 row(s)")), qPrintable(tip));
                QVERIFY(model.index(row, ScorecardModel::EntropyColumn)
                            .data(Qt::ToolTipRole)
                            .toString()
                            .startsWith(QLatin1String("1 row")));
                // The accuracy never depends on a map: no tooltip.
                QVERIFY(model.index(row, ScorecardModel::AccuracyColumn).data(Qt::ToolTipRole).isNull());
            } else if (model.isFamilyRow(row)) {
                QCOMPARE(model.value(row, ScorecardModel::FlatMapsColumn), 1.0); // the members' sum
                // Two of the family's pairs on image 2 involve a1's flat map.
                QVERIFY(model.index(row, ScorecardModel::StabilityColumn)
                            .data(Qt::ToolTipRole)
                            .toString()
                            .startsWith(QLatin1String("2 row(s)")));
            } else {
                QCOMPARE(model.value(row, ScorecardModel::FlatMapsColumn), 0.0);
                QVERIFY(tip.isEmpty());
            }
        }
    }

    void exportsPngAndPdf()
    {
        auto results = std::make_shared<const MeasureResults>(MeasureResults::fromTables(knownTables(), parameters()));
        ImageSelection selection;
        NoiseChartView view(&selection);
        view.resize(800, 400);
        view.setResults(results, true);
        QTemporaryDir folder;
        QVERIFY(view.exportPlot(folder.filePath("noise.png"), 0, 640, 360));
        QVERIFY(view.exportPlot(folder.filePath("noise.pdf"), 0, 640, 360));
        QVERIFY(!view.exportPlot(folder.filePath("noise.svg"))); // no SVG writer in this build
        QVERIFY(!view.exportPlot(folder.filePath("noise.png"), 5));
        QImage image(folder.filePath("noise.png"));
        QCOMPARE(image.size(), QSize(640, 360));
        QFile pdf(folder.filePath("noise.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        // The curves: one per series (family and solo), each with its band.
        QCOMPARE(view.curves().series.size(), std::size_t(2));
        QVERIFY(plottableOf(view.plot(), chart::BandRole, 1));
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
