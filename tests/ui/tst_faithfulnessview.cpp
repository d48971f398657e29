// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The faithfulness curves (deletion, ROAD) and localisation in the Results view, the scorecard
// and the report's tables, on results written by hand (6 images, two models, 4 curve steps), so
// every mean, bin and selected image can be checked against numbers worked out here and against
// the summary core computes from the same rows.

#include "core/measures/measuresummary.h"
#include "core/project/measureresults.h"
#include "ui/report/chartadapters.h"
#include "ui/report/chartbuilders.h"
#include "ui/report/reportcharts.h"
#include "ui/report/reportcontent.h"
#include "ui/report/reportsummarytables.h"
#include "ui/results/faithfulnesschartview.h"
#include "ui/results/imageselection.h"
#include "ui/results/localisationchartview.h"
#include "ui/results/scorecardmodel.h"
#include "ui/results/scorecardwidget.h"

#include <qcustomplot.h>

#include <QJsonArray>
#include <QTableView>
#include <QtTest>

#include <cmath>
#include <limits>
#include <set>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

constexpr int ImageCount = 6;
constexpr int Steps = 4;
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
const std::vector<std::string> Models = {"m1", "m2"};

/// Deletion probability of a model's image at a step.
double deletion(const std::string& model, int image, int step)
{
    return model == "m1" ? 0.9 - 0.2 * step + 0.01 * image : 0.8 - 0.1 * step - 0.02 * image;
}
/// ROAD's LeRF probability.
double lerf(const std::string& model, int image, int step)
{
    return model == "m1" ? 0.95 - 0.02 * step - 0.01 * image : 0.9 - 0.05 * step + 0.01 * image;
}
/// Areas under the deletion curve per image: with 4 bins over [0, 1], m1's fall in bins
/// 0, 0, 1, 1, 2, 3 and m2's in 2, 2, 2, 2, 3, 3, so bin 1 holds only m1's images 2 and 3.
const std::map<std::string, std::vector<double>> DeletionArea = {
    {"m1", {0.05, 0.10, 0.30, 0.35, 0.60, 0.90}},
    {"m2", {0.55, 0.60, 0.65, 0.70, 0.80, 0.85}},
};
/// Pixel AUC against the annotation; against the artefact mask only images 0-2 have a value
/// (the others are real faces without artefacts).
const std::map<std::string, std::vector<double>> AnnotationAuc = {
    {"m1", {0.90, 0.80, 0.70, 0.60, 0.50, 0.95}},
    {"m2", {0.40, 0.45, 0.55, 0.65, 0.75, 0.85}},
};
const std::map<std::string, std::vector<double>> MaskAuc = {
    {"m1", {0.92, 0.81, 0.77}},
    {"m2", {0.30, 0.60, 0.62}},
};

std::string parameters()
{
    QJsonObject settings{{"histogram_bins", 4}, {"curves", QJsonObject{{"steps", Steps}}}};
    QJsonArray models;
    for (const auto& m : Models)
        models.append(QJsonObject{{"name", QString::fromStdString(m)}});
    return QJsonDocument(QJsonObject{{"settings", settings}, {"models", models}})
        .toJson(QJsonDocument::Compact)
        .toStdString();
}

std::vector<MeasureTable> knownTables()
{
    MeasureTable predictions{MeasureKind::Predictions, {"label", "predicted_class", "score", "correct", "flat"}, {}};
    MeasureTable deletionTable{MeasureKind::Deletion, {"fraction", "probability", "auc", "flat"}, {}};
    MeasureTable road{MeasureKind::Road, {"fraction", "morf", "lerf", "morf_auc", "lerf_auc", "flat"}, {}};
    MeasureTable localisation{MeasureKind::Localisation,
                              {"annotation_pointing", "annotation_mass", "annotation_rank", "annotation_auc",
                               "mask_pointing", "mask_mass", "mask_rank", "mask_auc", "flat"},
                              {}};
    for (const auto& model : Models)
        for (int i = 0; i < ImageCount; ++i) {
            const int label = i % 2;
            predictions.rows.push_back({i, model, "", {double(label), double(label), 0.6, 1, 0}});
            for (int step = 0; step <= Steps; ++step) {
                const double fraction = double(step) / Steps;
                const std::string variant = std::to_string(step);
                deletionTable.rows.push_back(
                    {i,
                     model,
                     variant,
                     {fraction, deletion(model, i, step), DeletionArea.at(model)[std::size_t(i)], 0}});
                road.rows.push_back({i,
                                     model,
                                     variant,
                                     {fraction, deletion(model, i, step) - 0.05, lerf(model, i, step), 0.2 + 0.1 * i,
                                      0.8 - 0.01 * i, 0}});
            }
            const double annotation = AnnotationAuc.at(model)[std::size_t(i)];
            const double mask = i < 3 ? MaskAuc.at(model)[std::size_t(i)] : NaN;
            localisation.rows.push_back(
                {i,
                 model,
                 "",
                 {double(annotation > 0.5), annotation / 2, annotation - 0.1, annotation,
                  i < 3 ? double(mask > 0.5) : NaN, i < 3 ? mask / 2 : NaN, i < 3 ? mask - 0.2 : NaN, mask, 0}});
        }
    return {predictions, deletionTable, road, localisation};
}

std::set<std::int64_t> set(std::initializer_list<std::int64_t> images) { return images; }

QJsonObject modelSummary(const MeasureResults& results, const std::string& model)
{
    return results.summary.value(QStringLiteral("models")).toObject().value(QString::fromStdString(model)).toObject();
}

/// The values of the data graph of series `series` on a plot (key, value).
std::vector<std::pair<double, double>> graphValues(QCustomPlot* plot, int series)
{
    std::vector<std::pair<double, double>> values;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto* graph = qobject_cast<QCPGraph*>(plot->plottable(i));
        if (graph && chart::seriesOf(graph) == series && chart::roleOf(graph) == QLatin1String(chart::DataRole))
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
                values.emplace_back(it->key, it->value);
    }
    return values;
}

/// The bar heights of series `series` on a plot.
std::vector<double> barValues(QCustomPlot* plot, int series)
{
    std::vector<double> values;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto* bars = qobject_cast<QCPBars*>(plot->plottable(i));
        if (bars && chart::seriesOf(bars) == series && chart::roleOf(bars) == QLatin1String(chart::DataRole))
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
                values.push_back(it->value);
    }
    return values;
}

bool showWithResults(MeasureChartView& view, std::shared_ptr<const MeasureResults> results)
{
    view.resize(1000, 500);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    view.setResults(std::move(results), false);
    return true;
}

} // namespace

class TestFaithfulnessView final : public QObject {
    Q_OBJECT

private slots:
    void curvesAreTheSummaryMeans_data()
    {
        QTest::addColumn<QString>("curve");
        QTest::addColumn<QString>("measure");
        QTest::newRow("deletion") << "deletion"
                                  << "deletion";
        QTest::newRow("ROAD MoRF") << "morf"
                                   << "road";
        QTest::newRow("ROAD LeRF") << "lerf"
                                   << "road";
    }

    void curvesAreTheSummaryMeans()
    {
        QFETCH(QString, curve);
        QFETCH(QString, measure);
        auto results = std::make_shared<const MeasureResults>(MeasureResults::fromTables(knownTables(), parameters()));
        ImageSelection selection;
        FaithfulnessChartView view(&selection);
        QVERIFY(showWithResults(view, results));
        QVERIFY(view.setCurve(curve));
        QCOMPARE(view.curve(), curve);
        // The results have no insertion: the choice does not offer it.
        QVERIFY(!view.setCurve(QStringLiteral("insertion")));
        QCOMPARE(view.chart().steps.series.size(), Models.size());
        for (std::size_t s = 0; s < Models.size(); ++s) {
            const auto& model = Models[s];
            const QJsonObject summary = modelSummary(*results, model)
                                            .value(measure)
                                            .toObject()
                                            .value(QStringLiteral("curves"))
                                            .toObject()
                                            .value(curve)
                                            .toObject();
            const QJsonArray steps = summary.value(QStringLiteral("steps")).toArray();
            QCOMPARE(steps.size(), Steps + 1);
            const auto drawn = graphValues(view.curvePlot(), int(s));
            QCOMPARE(int(drawn.size()), Steps + 1);
            for (int step = 0; step <= Steps; ++step) {
                const QJsonObject point = steps[step].toObject();
                QCOMPARE(drawn[std::size_t(step)].first, point.value(QStringLiteral("fraction")).toDouble());
                QCOMPARE(drawn[std::size_t(step)].second, point.value(QStringLiteral("mean")).toDouble());
                // ... and the mean worked out here (the images' values are linear in the image).
                double expected = 0;
                for (int i = 0; i < ImageCount; ++i)
                    expected += (curve == QLatin1String("lerf")       ? lerf(model, i, step)
                                     : curve == QLatin1String("morf") ? deletion(model, i, step) - 0.05
                                                                      : deletion(model, i, step))
                        / ImageCount;
                QVERIFY2(std::fabs(drawn[std::size_t(step)].second - expected) < 1e-12, // sums of 6 doubles
                         qPrintable(QStringLiteral("%1 step %2").arg(curve).arg(step)));
            }
            // The histogram of the areas counts what the summary's histogram counts.
            const QJsonArray counts =
                summary.value(QStringLiteral("auc_histogram")).toObject().value(QStringLiteral("counts")).toArray();
            const auto& series = view.histogram().series[s];
            QCOMPARE(int(series.counts.size()), counts.size());
            for (int bin = 0; bin < counts.size(); ++bin)
                QCOMPARE(double(series.counts[std::size_t(bin)]), counts[bin].toDouble());
            QCOMPARE(barValues(view.histogramPlot(), int(s)).size(), series.counts.size());
        }
    }

    void clicksSelectTheirImages()
    {
        auto results = std::make_shared<const MeasureResults>(
            MeasureResults::fromTables(knownTables(), parameters(), 3));
        ImageSelection selection;
        FaithfulnessChartView view(&selection);
        QVERIFY(showWithResults(view, results));
        QVERIFY(view.setCurve(QStringLiteral("deletion")));
        QCustomPlot* histogram = view.histogramPlot();
        histogram->replot();
        // Bin 1 ([0.25, 0.5)) of the deletion areas holds only m1's images 2 and 3.
        view.clickAt(histogram,
                     QPointF(histogram->xAxis->coordToPixel(view.histogram().binCenter(1)),
                             histogram->yAxis->coordToPixel(1.0)));
        QVERIFY(selection.isActive());
        QCOMPARE(selection.datasetId(), std::int64_t(3));
        QCOMPARE(selection.images(), set({2, 3}));
        QVERIFY(selection.description().contains(QLatin1String("m1")));
        // m2's bin 3 holds its images 4 and 5 (m1's image 5 too, but only once: a bar of height 1).
        view.clickAt(histogram,
                     QPointF(histogram->xAxis->coordToPixel(view.histogram().binCenter(3)),
                             histogram->yAxis->coordToPixel(1.5)));
        QCOMPARE(selection.images(), set({4, 5}));
        // A point of m1's deletion curve at step 2 (mean 0.525): a faithful map's probability falls,
        // so the worse images are those above the mean: 3, 4 and 5.
        QCustomPlot* curves = view.curvePlot();
        curves->replot();
        view.clickAt(curves, QPointF(curves->xAxis->coordToPixel(0.5), curves->yAxis->coordToPixel(0.525)));
        QCOMPARE(selection.images(), set({3, 4, 5}));
        QVERIFY(selection.description().contains(QLatin1String("m1")));
    }

    void splitByMethodDrawsEachMethod()
    {
        // A second method's rows: every deletion probability 0.1 lower.
        auto tables = knownTables();
        for (auto& table : tables)
            if (table.measure == MeasureKind::Deletion)
                for (auto& row : table.rows)
                    row.values[1] -= 0.1;
        auto gradCam = std::make_shared<const MeasureResults>(MeasureResults::fromTables(knownTables(), parameters()));
        auto other = std::make_shared<const MeasureResults>(MeasureResults::fromTables(tables, parameters()));
        ImageSelection selection;
        FaithfulnessChartView view(&selection);
        QVERIFY(showWithResults(view, gradCam));
        view.setMethodResults({{"Grad-CAM", gradCam}, {"Other", other}});
        QVERIFY(view.setCurve(QStringLiteral("deletion")));
        QCOMPARE(view.chart().steps.series.size(), std::size_t(4));
        QCOMPARE(view.chart().steps.series[0].name, std::string("m1 (Grad-CAM)"));
        QCOMPARE(view.chart().steps.series[2].name, std::string("m1 (Other)"));
        const auto first = graphValues(view.curvePlot(), 0);
        const auto second = graphValues(view.curvePlot(), 2);
        QCOMPARE(first.size(), second.size());
        for (std::size_t step = 0; step < first.size(); ++step)
            QVERIFY(std::fabs(first[step].second - second[step].second - 0.1) < 1e-12);
        // Localisation: a bar series per model and method too.
        LocalisationChartView localisation(&selection);
        QVERIFY(showWithResults(localisation, gradCam));
        localisation.setMethodResults({{"Grad-CAM", gradCam}, {"Other", other}});
        QCOMPARE(localisation.bars().series.size(), std::size_t(4));
        QCOMPARE(localisation.bars().series[3].name, std::string("m2 (Other)"));
    }

    void localisationBarsAreTheSummaryMeans()
    {
        auto results = std::make_shared<const MeasureResults>(MeasureResults::fromTables(knownTables(), parameters()));
        ImageSelection selection;
        LocalisationChartView view(&selection);
        QVERIFY(showWithResults(view, results));
        for (const QString mask : {QStringLiteral("annotation"), QStringLiteral("mask")}) {
            view.setMask(mask);
            QCOMPARE(view.bars().series.size(), Models.size());
            for (std::size_t s = 0; s < Models.size(); ++s) {
                const QJsonObject summary =
                    modelSummary(*results, Models[s]).value(QStringLiteral("localisation")).toObject();
                const auto drawn = barValues(view.barPlot(), int(s));
                QCOMPARE(drawn.size(), std::size_t(4));
                for (std::size_t m = 0; m < 4; ++m) {
                    const QString column = mask + QLatin1Char('_') + QString::fromStdString(localisationMetrics()[m]);
                    const QJsonObject stats = summary.value(column).toObject();
                    QCOMPARE(drawn[m], stats.value(QStringLiteral("mean")).toDouble());
                    QCOMPARE(view.bars().series[s].points[m].samples.size(),
                             std::size_t(stats.value(QStringLiteral("count")).toDouble()));
                }
            }
        }
        // Against the masks only images 0-2 count: m1's pixel AUC mean is (0.92 + 0.81 + 0.77) / 3.
        QVERIFY(std::fabs(view.bars().series[0].points[3].mean - (0.92 + 0.81 + 0.77) / 3) < 1e-12);
        // The pixel AUC histogram against the annotation: bin 1 ([0.25, 0.5)) holds m2's images 0
        // and 1 alone.
        view.setMask(QStringLiteral("annotation"));
        view.setMetric(QStringLiteral("auc"));
        QCustomPlot* histogram = view.histogramPlot();
        histogram->replot();
        view.clickAt(histogram,
                     QPointF(histogram->xAxis->coordToPixel(view.histogram().binCenter(1)),
                             histogram->yAxis->coordToPixel(1.0)));
        QCOMPARE(selection.images(), set({0, 1}));
        QVERIFY(selection.description().contains(QLatin1String("m2")));
        // m1's pixel-AUC bar (mean 0.741667): images 2, 3 and 4 lie below it.
        QCustomPlot* bars = view.barPlot();
        bars->replot();
        double key = -1;
        for (int i = 0; i < bars->plottableCount(); ++i)
            if (auto* b = qobject_cast<QCPBars*>(bars->plottable(i));
                b && chart::seriesOf(b) == 0 && chart::roleOf(b) == QLatin1String(chart::DataRole))
                key = (b->data()->constBegin() + 3)->key;
        view.clickAt(bars, QPointF(bars->xAxis->coordToPixel(key), bars->yAxis->coordToPixel(0.3)));
        QCOMPARE(selection.images(), set({2, 3, 4}));
    }

    void scorecardShowsTheRunColumnsOnly()
    {
        const auto results = MeasureResults::fromTables(knownTables(), parameters());
        ScorecardWidget widget;
        widget.setSummary(results.summary);
        const ScorecardModel* model = widget.model();
        QCOMPARE(model->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const QJsonObject m = modelSummary(results, model->rowName(row).toStdString());
            auto area = [&](const char* measure, const char* curve) {
                return m.value(QLatin1String(measure))
                    .toObject()
                    .value(QStringLiteral("curves"))
                    .toObject()
                    .value(QLatin1String(curve))
                    .toObject()
                    .value(QStringLiteral("auc"))
                    .toObject()
                    .value(QStringLiteral("mean"))
                    .toDouble();
            };
            QCOMPARE(model->value(row, ScorecardModel::DeletionColumn), area("deletion", "deletion"));
            QCOMPARE(model->value(row, ScorecardModel::RoadLerfColumn), area("road", "lerf"));
            QCOMPARE(model->value(row, ScorecardModel::MaskAucColumn),
                     m.value(QStringLiteral("localisation"))
                         .toObject()
                         .value(QStringLiteral("mask_auc"))
                         .toObject()
                         .value(QStringLiteral("mean"))
                         .toDouble());
        }
        // m1's deletion area (mean 0.383) is the better (lower) one: green, m2's red.
        const int m1 = model->rowName(0) == QLatin1String("m1") ? 0 : 1;
        const QColor better = model->index(m1, ScorecardModel::DeletionColumn).data(Qt::BackgroundRole).value<QColor>();
        QVERIFY(better.green() > better.red());
        QCOMPARE(ScorecardModel::direction(ScorecardModel::InsertionColumn), ScorecardModel::Direction::Higher);
        QCOMPARE(ScorecardModel::direction(ScorecardModel::RoadMorfColumn), ScorecardModel::Direction::Lower);
        // Columns of what ran show; insertion and the sanity checks did not run.
        QVERIFY(!widget.view()->isColumnHidden(ScorecardModel::DeletionColumn));
        QVERIFY(!widget.view()->isColumnHidden(ScorecardModel::RoadMorfColumn));
        QVERIFY(!widget.view()->isColumnHidden(ScorecardModel::MaskPointingColumn));
        QVERIFY(widget.view()->isColumnHidden(ScorecardModel::InsertionColumn));
        QVERIFY(widget.view()->isColumnHidden(ScorecardModel::SanitySpearmanColumn));
        // Each new column says which way is better.
        for (int column = ScorecardModel::DeletionColumn; column <= ScorecardModel::MaskAucColumn; ++column) {
            const QString tip = model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
            QVERIFY2(tip.contains(QLatin1String("better")), qPrintable(tip));
        }
    }

    void reportTablesAndCharts()
    {
        ReportContent content;
        content.results = MeasureResults::fromTables(knownTables(), parameters());
        content.scorecard = scorecard(content.results.summary);
        content.measures = {MeasureKind::Deletion, MeasureKind::Road, MeasureKind::Localisation};
        for (const auto& name : Models)
            content.models.push_back(ReportModel{QString::fromStdString(name), {}, {}});
        const ReportTable curves = ReportSummaryTables::curves(content);
        QCOMPARE(curves.header,
                 (QStringList{"Model", "Images", "Deletion AUC \u2193", "ROAD MoRF AUC \u2193",
                              "ROAD LeRF AUC \u2191"}));
        QCOMPARE(int(curves.rows.size()), 2);
        // m1's deletion areas: mean 0.383, population SD 0.292.
        QCOMPARE(curves.rows[0][1], QStringLiteral("6"));
        QCOMPARE(curves.rows[0][2], QStringLiteral("0.383 \u00b1 0.292"));
        const ReportTable annotation = ReportSummaryTables::localisation(content, "annotation");
        QCOMPARE(int(annotation.rows.size()), 2);
        QCOMPARE(annotation.rows[0][1], QStringLiteral("6"));
        QCOMPARE(annotation.rows[0][5], QStringLiteral("0.742"));
        const ReportTable mask = ReportSummaryTables::localisation(content, "mask");
        QCOMPARE(mask.rows[1][1], QStringLiteral("3"));
        QCOMPARE(mask.rows[1][5], QStringLiteral("0.507"));
        // The scorecard's second table has the curves' areas and the pixel AUCs; the first has none.
        const ReportTable more = ReportSummaryTables::faithfulnessScorecard(content);
        QCOMPARE(more.header,
                 (QStringList{"Model", "Deletion AUC \u2193", "ROAD MoRF AUC \u2193", "ROAD LeRF AUC \u2191",
                              "Pixel AUC, annotation \u2191", "Pixel AUC, mask \u2191"}));
        QCOMPARE(more.rows[0][1], QStringLiteral("0.383"));
        QCOMPARE(more.rows[1][5], QStringLiteral("0.507"));
        QVERIFY(!ReportSummaryTables::scorecard(content).header.contains(QStringLiteral("Deletion AUC \u2193")));
        // The charts: one per curve of each measure, one bar chart per mask kind.
        QCOMPARE(reportCharts(MeasureKind::Deletion, content.results).size(), std::size_t(1));
        QCOMPARE(reportCharts(MeasureKind::Road, content.results).size(), std::size_t(2));
        QCOMPARE(reportCharts(MeasureKind::Localisation, content.results).size(), std::size_t(2));
        QCustomPlot plot;
        reportCharts(MeasureKind::Road, content.results)[1].build(&plot);
        const auto lerfCurve = graphValues(&plot, 0);
        QCOMPARE(int(lerfCurve.size()), Steps + 1);
        QVERIFY(std::fabs(lerfCurve[2].second - (0.95 - 0.04 - 0.025)) < 1e-12);
    }
};

QTEST_MAIN(TestFaithfulnessView)
#include "tst_faithfulnessview.moc"
