// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The sanity checks and the methods side by side in the application and the report, on a small
// project: the reference faces and the two reference models, measured (entropy and sanity) by
// Grad-CAM and by Eigen-CAM. The scorecard split by method lists every model and method with the
// summary's numbers; the sanity chart's points are the summary's step means; a click on a point
// selects exactly the images of that step; the report has the sanity section and the methods
// side by side, and names the method of its figures.

#include "tests/ui/referenceproject.h"

#include "core/dataset/imageio.h"
#include "core/engine/cammethod.h"
#include "core/engine/model.h"
#include "core/measures/measuresummary.h"
#include "core/project/measureresults.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"
#include "core/project/logmodel.h"
#include "ui/images/imagetable.h"
#include "ui/preview/measurepreviewcell.h"
#include "ui/preview/measurepreviewcompute.h"
#include "ui/preview/measurepreviewwidget.h"
#include "ui/report/chartbuilders.h"
#include "ui/report/methodsets.h"
#include "ui/report/reportbuilder.h"
#include "ui/report/reportoptions.h"
#include "ui/results/entropychartview.h"
#include "ui/results/imageselection.h"
#include "ui/results/resultsview.h"
#include "ui/results/sanitychartview.h"
#include "ui/results/scorecardmodel.h"
#include "ui/results/scorecardwidget.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>
#include <set>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

/// pdftotext's text of a PDF ("" and a warning when it fails).
QString pdfText(const QString& pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning() << "pdftotext failed" << process.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

/// The summary's sanity object of a model.
QJsonObject sanityOf(const MeasureResults& results, const std::string& model)
{
    return results.summary.value(QStringLiteral("models"))
        .toObject()
        .value(QString::fromStdString(model))
        .toObject()
        .value(QStringLiteral("sanity"))
        .toObject();
}

/// The pixel position of a curve's point `index` in a plot's data graph of series `series`.
QPointF pointPixel(QCustomPlot* plot, int series, const char* role, int index)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto* graph = qobject_cast<QCPGraph*>(plot->plottable(i));
        if (graph && chart::seriesOf(graph) == series && chart::roleOf(graph) == QLatin1String(role)) {
            const auto it = graph->data()->at(index);
            return {plot->xAxis->coordToPixel(it->key), plot->yAxis->coordToPixel(it->value)};
        }
    }
    return {-1, -1};
}

} // namespace

class TestSanity final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        testing::isolateSettings("tst_sanityview");
        QVERIFY(m_dir.isValid());
        auto dataset = testing::referenceFaces(QDir(m_dir.path()),
                                               {QStringLiteral("stylegan1_000700"), QStringLiteral("stylegan2_000700"),
                                                QStringLiteral("stylegan3_seed278567")});
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().c_str());
        m_dataset = dataset.value();
        m_project = QDir(m_dir.path()).filePath(QStringLiteral("methods.saliscope"));
        for (auto method : {engine::CamMethod::GradCam, engine::CamMethod::EigenCam}) {
            MeasureRunParams params;
            params.dataset = dataset.value();
            params.measures = {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Sanity};
            params.models = {
                {"tiny_densenet", testing::reference(QStringLiteral("models/tiny_densenet.pt")).toStdString(), {}, {}},
                {"tiny_resnet", testing::reference(QStringLiteral("models/tiny_resnet.pt")).toStdString(), {}, {}}};
            params.batchSize = 4;
            params.settings.method = method;
            params.settings.sanity.steps = 3;
            NullProgressSink progress;
            auto run = runMeasuresInProject(params, m_project.toStdString(), Shard{}, nullptr, progress, CancelToken());
            QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());
        }
        auto store = ProjectStore::open(m_project.toStdString(), ProjectOpenMode::ReadOnly);
        QVERIFY(store.ok());
        m_sets = groupRunSets(store.value()->runs().value());
        QCOMPARE(int(m_sets.size()), 2);
        const auto siblings = methodSiblings(m_sets, 0);
        QCOMPARE(int(siblings.size()), 2);
        QCOMPARE(runSetMethod(m_sets[std::size_t(siblings[0])]), engine::CamMethod::GradCam);
        QCOMPARE(runSetMethod(m_sets[std::size_t(siblings[1])]), engine::CamMethod::EigenCam);
        for (int index : siblings) {
            auto loaded = MeasureResults::load(*store.value(), m_sets[std::size_t(index)]);
            QVERIFY(loaded.ok());
            m_results.push_back(std::make_shared<const MeasureResults>(std::move(loaded).value()));
        }
    }

    void scorecardSplitListsEveryModelAndMethod()
    {
        ScorecardModel model;
        model.setSummaries({{QStringLiteral("Grad-CAM"), m_results[0]->summary},
                            {QStringLiteral("Eigen-CAM"), m_results[1]->summary}});
        QCOMPARE(model.rowCount(), 4); // two models by two methods, no family
        std::set<std::pair<QString, QString>> seen;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString method = model.rowMethod(row);
            QCOMPARE(model.index(row, ScorecardModel::MethodColumn).data().toString(), method);
            const MeasureResults& results = *m_results[method == QLatin1String("Grad-CAM") ? 0 : 1];
            const QJsonObject card = scorecard(results.summary).value(model.rowName(row)).toObject();
            QVERIFY(!card.isEmpty());
            seen.insert({model.rowName(row), method});
            const QJsonObject sanity = sanityOf(results, model.rowName(row).toStdString());
            // The final step's mean Spearman correlation and the verdict, as the summary has them.
            const double final = sanity.value(QStringLiteral("final_spearman")).toDouble();
            QVERIFY(std::isfinite(final));
            QCOMPARE(model.value(row, ScorecardModel::SanitySpearmanColumn), final);
            const double last =
                sanity.value(QStringLiteral("steps")).toArray().last()[QStringLiteral("spearman_mean")].toDouble();
            QCOMPARE(final, last);
            const bool passes = sanity.value(QStringLiteral("passes")).toBool();
            QCOMPARE(passes, final < SanityPassSpearman);
            QCOMPARE(model.value(row, ScorecardModel::SanityPassesColumn), passes ? 1.0 : 0.0);
            QCOMPARE(model.index(row, ScorecardModel::SanityPassesColumn).data().toString(),
                     passes ? QStringLiteral("pass") : QStringLiteral("fail"));
            QCOMPARE(model.value(row, ScorecardModel::EntropyColumn), card.value(QStringLiteral("entropy")).toDouble());
            QCOMPARE(model.value(row, ScorecardModel::AccuracyColumn),
                     card.value(QStringLiteral("accuracy")).toDouble());
        }
        const std::set<std::pair<QString, QString>> expected{
            {QStringLiteral("tiny_densenet"), QStringLiteral("Grad-CAM")},
            {QStringLiteral("tiny_densenet"), QStringLiteral("Eigen-CAM")},
            {QStringLiteral("tiny_resnet"), QStringLiteral("Grad-CAM")},
            {QStringLiteral("tiny_resnet"), QStringLiteral("Eigen-CAM")}};
        QVERIFY(seen == expected);
        // The two methods' maps differ, and so do their numbers.
        QVERIFY(model.value(0, ScorecardModel::EntropyColumn) != model.value(2, ScorecardModel::EntropyColumn)
                || model.value(0, ScorecardModel::SanitySpearmanColumn)
                    != model.value(2, ScorecardModel::SanitySpearmanColumn));

        // One set alone: no method column, sanity columns shown; a set without sanity hides them.
        ScorecardWidget widget;
        widget.setSummary(m_results[0]->summary);
        QVERIFY(widget.view()->isColumnHidden(ScorecardModel::MethodColumn));
        QVERIFY(!widget.view()->isColumnHidden(ScorecardModel::SanitySpearmanColumn));
        widget.setSummaries({{QStringLiteral("Grad-CAM"), m_results[0]->summary},
                             {QStringLiteral("Eigen-CAM"), m_results[1]->summary}});
        QVERIFY(!widget.view()->isColumnHidden(ScorecardModel::MethodColumn));
        widget.setSummary(QJsonObject{});
        QVERIFY(widget.view()->isColumnHidden(ScorecardModel::SanitySpearmanColumn));
    }

    void resultsViewSplitsByMethod()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        ResultsView view(&session);
        QCOMPARE(view.runSets()->count(), 2);
        QStringList names;
        for (int i = 0; i < view.runSets()->count(); ++i)
            names.append(view.runSets()->itemText(i));
        QVERIFY2(names.join(QLatin1Char('|')).contains(QLatin1String("Grad-CAM")), qPrintable(names.join('|')));
        QVERIFY2(names.join(QLatin1Char('|')).contains(QLatin1String("Eigen-CAM")), qPrintable(names.join('|')));
        QVERIFY(view.splitByMethod()->isEnabled());
        QCOMPARE(view.scorecard()->model()->rowCount(), 2);
        view.splitByMethod()->setChecked(true);
        QCOMPARE(int(view.methodResults().size()), 2);
        QCOMPARE(view.methodResults()[0].first, std::string("Grad-CAM"));
        QCOMPARE(view.methodResults()[1].first, std::string("Eigen-CAM"));
        QCOMPARE(view.scorecard()->model()->rowCount(), 4);
        // The sanity chart: a curve per family ("all models") and method, or per model and method.
        QCOMPARE(int(view.sanityView()->chart().steps.series.size()), 2);
        QCOMPARE(view.sanityView()->chart().steps.series[1].name, std::string("all models (Eigen-CAM)"));
        view.setGroupByFamily(false);
        QCOMPARE(int(view.sanityView()->chart().steps.series.size()), 4);
        QCOMPARE(view.sanityView()->chart().steps.series[2].name, std::string("tiny_densenet (Eigen-CAM)"));
        view.showMeasure(QStringLiteral("sanity"));
        QCOMPARE(view.tabs()->currentWidget(), static_cast<QWidget*>(view.sanityView()));
        // A picture of the split view for people to look at, beside the test program (as
        // tst_language's).
        view.resize(1600, 1000);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString shot = QCoreApplication::applicationDirPath() + QStringLiteral("/tst_sanityview-results.png");
        QVERIFY(view.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
        // A click on an Eigen-CAM row's entropy cell shows Eigen-CAM's charts; the split stays.
        view.showMeasure(QStringLiteral("sanity"));
        QCOMPARE(view.results()->settings.method, engine::CamMethod::GradCam); // preferred among the methods
        QSortFilterProxyModel* proxy = view.scorecard()->proxy();
        int eigenCamRow = -1;
        for (int row = 0; row < proxy->rowCount(); ++row)
            if (proxy->index(row, ScorecardModel::MethodColumn).data().toString() == QLatin1String("Eigen-CAM"))
                eigenCamRow = row;
        QVERIFY(eigenCamRow >= 0);
        QTableView* table = view.scorecard()->view();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualRect(proxy->index(eigenCamRow, ScorecardModel::EntropyColumn)).center());
        QCOMPARE(view.results()->settings.method, engine::CamMethod::EigenCam);
        QCOMPARE(view.tabs()->currentIndex(), 0); // entropy
        QCOMPARE(view.scorecard()->model()->rowCount(), 4);
        QString entropyTitle;
        QCustomPlot* entropyPlot = view.entropyView()->plots().front();
        for (int i = 0; i < entropyPlot->plotLayout()->elementCount(); ++i)
            if (auto* text = qobject_cast<QCPTextElement*>(entropyPlot->plotLayout()->elementAt(i)))
                entropyTitle = text->text();
        QCOMPARE(entropyTitle, QStringLiteral("Method: Eigen-CAM"));
        view.splitByMethod()->setChecked(false);
        QCOMPARE(view.scorecard()->model()->rowCount(), 2);
        QCOMPARE(int(view.sanityView()->chart().steps.series.size()), 2);
    }

    void sanityChartPointsAreTheSummaryMeans()
    {
        ImageSelection selection;
        SanityChartView view(&selection);
        view.resize(900, 600);
        view.setResults(m_results[0], false);
        for (const QString column : {QStringLiteral("spearman"), QStringLiteral("ssim_small")}) {
            view.setColumn(column);
            const SanityChart& chart = view.chart();
            QCOMPARE(chart.stepCount, 3);
            QCOMPARE(int(chart.steps.series.size()), 2);
            const QString meanKey = column == QLatin1String("spearman") ? QStringLiteral("spearman_mean")
                                                                        : QStringLiteral("ssim_mean");
            const QString stdKey = column == QLatin1String("spearman") ? QStringLiteral("spearman_std")
                                                                       : QStringLiteral("ssim_std");
            for (const auto& series : chart.steps.series) {
                const QJsonArray steps = sanityOf(*m_results[0], series.name).value(QStringLiteral("steps")).toArray();
                QCOMPARE(int(series.points.size()), steps.size());
                QCOMPARE(steps.size(), 3);
                for (int k = 0; k < steps.size(); ++k) {
                    const QJsonObject step = steps[k].toObject();
                    QCOMPARE(series.points[std::size_t(k)].x, step.value(QStringLiteral("step")).toDouble());
                    QVERIFY(std::abs(series.points[std::size_t(k)].mean - step.value(meanKey).toDouble()) < 1e-12);
                    QVERIFY(std::abs(series.points[std::size_t(k)].spread - step.value(stdKey).toDouble()) < 1e-12);
                }
            }
            // The drawn curve has the same means.
            for (int i = 0; i < view.plot()->plottableCount(); ++i) {
                auto* graph = qobject_cast<QCPGraph*>(view.plot()->plottable(i));
                if (!graph || chart::roleOf(graph) != QLatin1String(chart::DataRole))
                    continue;
                const auto& points = chart.steps.series[std::size_t(chart::seriesOf(graph))].points;
                QCOMPARE(graph->dataCount(), int(points.size()));
                for (int k = 0; k < graph->dataCount(); ++k)
                    QCOMPARE(graph->data()->at(k)->value, points[std::size_t(k)].mean);
            }
        }
        // The random-logit marker: the summary's random-logit SSIM mean (the Spearman correlation
        // of these two-class models' other-class maps is undefined: they are flat).
        view.setColumn(QStringLiteral("ssim_small"));
        for (std::size_t s = 0; s < view.chart().logit.series.size(); ++s) {
            const auto& series = view.chart().logit.series[s];
            const QJsonObject logit = sanityOf(*m_results[0], view.chart().steps.series[s].name)
                                          .value(QStringLiteral("random_logit"))
                                          .toObject()
                                          .value(QStringLiteral("ssim"))
                                          .toObject();
            if (logit.value(QStringLiteral("count")).toInt() == 0) {
                QVERIFY(series.points.empty());
                continue;
            }
            QCOMPARE(int(series.points.size()), 1);
            QCOMPARE(series.points.front().x, 4.0);
            QVERIFY(std::abs(series.points.front().mean - logit.value(QStringLiteral("mean")).toDouble()) < 1e-12);
        }
        // The title names the method.
        bool titled = false;
        for (int i = 0; i < view.plot()->plotLayout()->elementCount(); ++i)
            if (auto* text = qobject_cast<QCPTextElement*>(view.plot()->plotLayout()->elementAt(i)))
                titled = titled || text->text().contains(QLatin1String("Grad-CAM"));
        QVERIFY(titled);
    }

    void clickOnAPointSelectsThatStepsImages()
    {
        ImageSelection selection;
        SanityChartView view(&selection);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setResults(m_results[0], false);
        view.setColumn(QStringLiteral("spearman"));
        view.plot()->replot();
        const MeasureTable* table = m_results[0]->table(MeasureKind::Sanity);
        QVERIFY(table);
        const int spearman = table->column("spearman");
        for (int series = 0; series < 2; ++series)
            for (int step = 1; step <= 3; ++step) {
                const auto& name = view.chart().steps.series[std::size_t(series)].name;
                std::set<std::int64_t> expected;
                for (const auto& row : table->rows)
                    if (row.model == name && row.variant == std::to_string(step)
                        && std::isfinite(row.values[std::size_t(spearman)]))
                        expected.insert(row.imageIndex);
                QVERIFY(!expected.empty());
                const QPointF pixel = pointPixel(view.plot(), series, chart::DataRole, step - 1);
                QVERIFY(pixel.x() >= 0);
                selection.clear();
                view.clickAt(view.plot(), pixel);
                QVERIFY2(selection.isActive(), qPrintable(QStringLiteral("%1 step %2").arg(series).arg(step)));
                QVERIFY(selection.images() == expected);
                QVERIFY(selection.description().contains(QStringLiteral("step %1").arg(step)));
            }
    }

    void previewComputesTheRunnersRows()
    {
        // The preview tab's sanity rows of one image: one map per step and the random-logit map,
        // with the values the run stored (Eigen-CAM, as that run's settings say).
        const MeasureResults& results = *m_results[1];
        QCOMPARE(results.settings.method, engine::CamMethod::EigenCam);
        const MeasureTable* table = results.table(MeasureKind::Sanity);
        QVERIFY(table);
        QVERIFY(isPreviewMeasure(MeasureKind::Sanity));
        const auto& record = m_dataset.records[1];
        for (const char* name : {"tiny_densenet", "tiny_resnet"}) {
            auto model = engine::Model::load(
                testing::reference(QStringLiteral("models/%1.pt").arg(QLatin1String(name))).toStdString());
            QVERIFY(model.ok());
            auto input = readModelInput(record.path, 224, 224);
            QVERIFY(input.ok());
            auto column = computePreviewColumn(*model.value(), input.value(), record.label,
                                               previewNoiseKey(record.path, m_dataset.location), MeasureKind::Sanity,
                                               results.settings, CancelToken());
            QVERIFY2(column.ok(), column.ok() ? "" : column.error().c_str());
            QCOMPARE(int(column->variants.size()), 4); // steps 1..3 and the random logit
            QCOMPARE(column->variants.back().variant, std::string("logit"));
            int compared = 0;
            for (const auto& cell : column->variants) {
                QCOMPARE(cell.input.pixels, input->pixels); // the original image, the randomised map
                const MeasureRow* stored = nullptr;
                for (const auto& row : table->rows)
                    if (row.imageIndex == 1 && row.model == name && row.variant == cell.variant)
                        stored = &row;
                QVERIFY2(stored, cell.variant.c_str());
                QCOMPARE(cell.values.size(), stored->values.size());
                for (std::size_t v = 0; v < cell.values.size(); ++v)
                    if (std::isfinite(stored->values[v])) { // flat maps' values are left out of the results
                        QVERIFY2(std::abs(cell.values[v] - stored->values[v]) <= 1e-6,
                                 qPrintable(QStringLiteral("%1 %2 %3: preview %4, run %5")
                                                .arg(QLatin1String(name), QString::fromStdString(cell.variant))
                                                .arg(v)
                                                .arg(cell.values[v], 0, 'g', 17)
                                                .arg(stored->values[v], 0, 'g', 17)));
                        ++compared;
                    }
            }
            QVERIFY(compared >= 8);
        }
    }

    void previewTabShowsTheRandomisedMaps()
    {
        // The preview tab with the sanity checks: the clean map, one row per step of the newest
        // sanity run (3), the random-logit row; every cell computed, with its Spearman and SSIM.
        ProjectSession session;
        QVERIFY(session.open(m_project));
        auto images = session.store()->images(session.currentDatasetId());
        QVERIFY(images.ok());
        MeasurePreviewWidget preview(&session);
        preview.resize(900, 1000);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        preview.setMeasure(MeasureKind::Sanity);
        ImageEntry entry;
        entry.path = QString::fromStdString(images->at(1).path);
        entry.fileName = QFileInfo(entry.path).fileName();
        entry.hash = QString::fromStdString(images->at(1).contentHash);
        entry.label = images->at(1).label;
        preview.setImage(entry, session.currentDatasetId());
        QTRY_VERIFY_WITH_TIMEOUT(preview.isComplete(), 120000);
        QCOMPARE(preview.rowCount(), 5);
        QCOMPARE(preview.rowTitle(1), QStringLiteral("randomised to step 1"));
        QCOMPARE(preview.rowTitle(4), QStringLiteral("random logit (another class)"));
        QCOMPARE(preview.columnCount(), 2);
        for (int r = 0; r < preview.rowCount(); ++r)
            for (int c = 0; c < preview.columnCount(); ++c)
                QCOMPARE(preview.cell(r, c)->state(), MeasurePreviewCell::State::Ready);
        QVERIFY2(preview.cell(3, 0)->secondLine().startsWith(QStringLiteral("\u03c1 ")),
                 qPrintable(preview.cell(3, 0)->secondLine()));
        QCOMPARE(int(preview.result(0)->variants.size()), 4);
        QCOMPARE(session.log()->errorCount(), 0);
        const QString shot = QCoreApplication::applicationDirPath() + QStringLiteral("/tst_sanityview-preview.png");
        QVERIFY(preview.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }

    void reportHasTheSanitySectionAndTheMethods()
    {
        ReportOptions options;
        options.projectPath = m_project;
        options.outputPath = QDir(m_dir.path()).filePath(QStringLiteral("methods.pdf"));
        options.galleryImagesPerEnd = 1;
        NullProgressSink progress;
        auto pages = writeReport(options, progress, CancelToken());
        QVERIFY2(pages.ok(), pages.ok() ? "" : pages.error().c_str());
        const QString text = pdfText(options.outputPath).simplified();
        for (const char* expected :
             {"Scorecard (Grad-CAM)", "Methods side by side", "Sanity checks",
              "Results per model and method (Grad-CAM, Eigen-CAM)", "Spearman correlation with the model's own map",
              "Passing means", "Distribution of the normalised entropy (Grad-CAM)", "Parameters (Grad-CAM)"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        // The sanity table's verdicts are the summary's.
        for (const auto& results : m_results)
            for (const char* model : {"tiny_densenet", "tiny_resnet"}) {
                const QJsonObject sanity = sanityOf(*results, model);
                const QString final = QString::number(sanity.value(QStringLiteral("final_spearman")).toDouble(), 'f',
                                                      3);
                QVERIFY2(text.contains(final), qPrintable(final));
            }
    }

    void imageListKeepsGradCamEntropy()
    {
        // The Eigen-CAM entropy run is newer, but the image list (and the viewer's Grad-CAM panes)
        // show the Grad-CAM map's entropy.
        const auto table = readImageTable(m_project.toStdString(), m_results.front()->datasetId,
                                          {QStringLiteral("tiny_densenet"), QStringLiteral("tiny_resnet")});
        QVERIFY(table.ok());
        QCOMPARE(m_results.front()->settings.method, engine::CamMethod::GradCam);
        const MeasureTable* entropy = m_results.front()->table(MeasureKind::Entropy);
        const MeasureTable* eigen = m_results.back()->table(MeasureKind::Entropy);
        QVERIFY(entropy && eigen);
        const int column = entropy->column("normalized_entropy");
        std::map<std::pair<std::string, std::int64_t>, double> eigenValues;
        for (const auto& row : eigen->rows)
            eigenValues[{row.model, row.imageIndex}] = row.values[std::size_t(column)];
        int compared = 0;
        bool differsFromEigen = false;
        for (const auto& row : entropy->rows) {
            const int model = table->modelIndex(QString::fromStdString(row.model));
            QVERIFY(model >= 0);
            const float shown = table->models[std::size_t(model)].entropy[std::size_t(row.imageIndex)];
            QCOMPARE(shown, float(row.values[std::size_t(column)]));
            differsFromEigen = differsFromEigen || shown != float(eigenValues.at({row.model, row.imageIndex}));
            ++compared;
        }
        QCOMPARE(compared, 8); // four images, two models
        QVERIFY(differsFromEigen);
    }

private:
    QTemporaryDir m_dir;
    Dataset m_dataset;
    QString m_project;
    std::vector<RunSet> m_sets;
    std::vector<std::shared_ptr<const MeasureResults>> m_results;
};

QTEST_MAIN(TestSanity)
#include "tst_sanityview.moc"
