// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The results view on a copy of the built demo: one screenshot per measure view and of the
// scorecard (written beside this test for people to look at), and the walk the demo is for:
// from "the CYBORG family is more stable" in the scorecard to the stability histogram, to the
// least stable images in the browser, to the first of them in the salience viewer.

#include "ui/results/entropychartview.h"
#include "ui/results/imageselection.h"
#include "core/project/measureresults.h"
#include "ui/results/scorecardmodel.h"
#include "ui/results/stabilitychartview.h"
#include "ui/mainwindow/mainwindow.h"
#include "core/project/projectrun.h"
#include "ui/images/imagefilterproxymodel.h"
#include "ui/images/imagelistmodel.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"
#include "ui/images/datasetbrowserwidget.h"
#include "ui/results/resultsview.h"
#include "ui/viewer/salienceviewerwidget.h"
#include "ui/results/scorecardwidget.h"

#include <qcustomplot.h>

#include <QDockWidget>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

/// The demo folder: $SALISCOPE_DEMO_DIR when set, else the one the demo claims test builds.
QString demoFolder() { return qEnvironmentVariable("SALISCOPE_DEMO_DIR", QStringLiteral(SALISCOPE_DEMO_DIR)); }

QString screenshot(const QString& name) { return QStringLiteral(SALISCOPE_SCREENSHOT_DIR "/") + name; }

/// Proxy row of the scorecard holding `name` (a family when `family`).
int scorecardRow(ScorecardWidget* card, const QString& name, bool family)
{
    for (int row = 0; row < card->proxy()->rowCount(); ++row) {
        const QModelIndex index = card->proxy()->index(row, ScorecardModel::NameColumn);
        if (index.data(ScorecardModel::SortRole).toString() == name
            && index.data(ScorecardModel::IsFamilyRole).toBool() == family)
            return row;
    }
    return -1;
}

} // namespace

class TestResultScreens final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString project = demoFolder() + QStringLiteral("/demo.saliscope");
        if (!QFileInfo::exists(project))
            QSKIP("the demo has not been built (tst_democlaims builds it)");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SaliscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_resultscreens"));
        QSettings().clear();
        QSettings().setValue(QStringLiteral("demo/offered"), true);
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(QStringLiteral("demo.saliscope"));
        // A consistent copy of the project (its WAL included), never the demo itself.
        auto source = ProjectStore::open(project.toStdString(), ProjectOpenMode::ReadOnly);
        QVERIFY2(source, source ? "" : source.error().c_str());
        QVERIFY(QFile::copy(project, m_project));
        for (const char* suffix : {"-wal"})
            if (QFileInfo::exists(project + suffix))
                QVERIFY(QFile::copy(project + suffix, m_project + suffix));
    }

    void screenshotsOfEveryView()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        ResultsView view(&session);
        view.resize(1500, 950);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.results());
        const MeasureResults& results = *view.results();
        QCOMPARE(results.tables.size(), std::size_t(6)); // predictions and the five measures
        QCOMPARE(results.families.size(), std::size_t(2));
        // The scorecard is the summary of the stored rows: every model and both families.
        QCOMPARE(view.scorecard()->model()->rowCount(), int(results.models.size() + results.families.size()));
        // The set the view shows: a project can hold several complete sets (a demo made by an
        // earlier version gains a second one when its measures run again with new parameters).
        const auto sets = groupRunSets(session.store()->runs().value());
        const int shown = preferredRunSet(sets, session.currentDatasetId());
        QVERIFY(shown >= 0);
        QCOMPARE(sets[std::size_t(shown)].datasetId, results.datasetId);
        QCOMPARE(sets[std::size_t(shown)].runIds.size(), std::size_t(6));
        std::vector<std::int64_t> runIds;
        for (const auto& [kind, id] : sets[std::size_t(shown)].runIds)
            runIds.push_back(id);
        QCOMPARE(results.summary, summarizeStoredRuns(*session.store(), runIds).value());

        // The demo runs the five measures; the tabs of the sanity checks, the faithfulness curves
        // and localisation (not part of "all") stay empty, and the Videos tab stays hidden (the
        // demo's test split holds no video frames).
        const QStringList names = {"entropy", "noise",        "transforms",   "stability", "degradation",
                                   "sanity",  "faithfulness", "localisation", "videos"};
        const QStringList empty = {"sanity", "faithfulness", "localisation", "videos"};
        QCOMPARE(view.tabs()->count(), int(names.size()));
        QVERIFY(!view.tabs()->isTabVisible(int(names.indexOf("videos"))));
        QVERIFY(!results.table(MeasureKind::Sanity));
        for (int tab = 0; tab < view.tabs()->count(); ++tab) {
            view.tabs()->setCurrentIndex(tab);
            QApplication::processEvents();
            if (empty.contains(names[tab]))
                continue;
            QVERIFY(view.grab().save(screenshot(QStringLiteral("results_%1.png").arg(names[tab]))));
            // Each view drew data: every plot holds at least one visible data plottable.
            auto* chartView = qobject_cast<MeasureChartView*>(view.tabs()->widget(tab));
            QVERIFY(chartView);
            for (QCustomPlot* plot : chartView->plots())
                QVERIFY2(plot->plottableCount() > 0, qPrintable(names[tab]));
        }
        view.setGroupByFamily(false);
        view.tabs()->setCurrentIndex(0);
        QApplication::processEvents();
        QVERIFY(view.grab().save(screenshot(QStringLiteral("results_entropy_by_model.png"))));
        QCOMPARE(view.entropyView()->histogram().series.size(), results.models.size());
        QVERIFY(view.scorecard()->grab().save(screenshot(QStringLiteral("results_scorecard.png"))));
    }

    void fromScorecardToTheLeastStableImages()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(window.browser(), &DatasetBrowserWidget::tableLoaded);
        QVERIFY(window.openProject(m_project));
        QVERIFY(loaded.wait(30000));
        ResultsView* results = window.resultsView();
        window.centralTabs()->setCurrentWidget(results);
        QVERIFY(results->results());

        // 1. The scorecard: the CYBORG family is more stable than the cross-entropy one.
        ScorecardWidget* card = results->scorecard();
        const int cyborg = scorecardRow(card, QStringLiteral("cyborg"), true);
        const int xent = scorecardRow(card, QStringLiteral("xent"), true);
        QVERIFY(cyborg >= 0 && xent >= 0);
        const QModelIndex cyborgStability = card->proxy()->index(cyborg, ScorecardModel::StabilityColumn);
        QVERIFY(
            cyborgStability.data(ScorecardModel::SortRole).toDouble()
            > card->proxy()->index(xent, ScorecardModel::StabilityColumn).data(ScorecardModel::SortRole).toDouble());
        // 2. Click the cyborg family's stability cell: the stability charts come up.
        card->view()->scrollTo(cyborgStability);
        QTest::mouseClick(card->view()->viewport(), Qt::LeftButton, {},
                          card->view()->visualRect(cyborgStability).center());
        QCOMPARE(results->tabs()->currentWidget(), static_cast<QWidget*>(results->stabilityView()));
        StabilityChartView* stability = results->stabilityView();
        QCustomPlot* plot = stability->histogramPlot();
        QTest::qWait(200); // the tab is laid out
        plot->replot();
        const auto& histogram = stability->histogram();
        QCOMPARE(histogram.series.size(), std::size_t(2));
        QCOMPARE(histogram.series[0].name, std::string("cyborg"));
        // 3. Hide xent by its legend entry, then click cyborg's lowest non-empty bin.
        for (int i = 0; i < plot->legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i)))
                if (item->plottable()->name() == QLatin1String("xent"))
                    stability->clickAt(plot, item->rect().center());
        int lowest = 0;
        while (lowest < histogram.binCount() && histogram.series[0].counts[std::size_t(lowest)] == 0)
            ++lowest;
        QVERIFY(lowest < histogram.binCount());
        const auto expected = histogram.series[0].images[std::size_t(lowest)];
        stability->clickAt(plot,
                           QPointF(plot->xAxis->coordToPixel(histogram.binCenter(lowest)),
                                   plot->yAxis->coordToPixel(0.5)));
        ImageSelection* selection = results->selection();
        QVERIFY(selection->isActive());
        QCOMPARE(std::vector<std::int64_t>(selection->images().begin(), selection->images().end()), expected);
        // 4. The browser shows exactly those images and the viewer the first of them.
        QCOMPARE(window.centralTabs()->currentWidget(), static_cast<QWidget*>(window.viewer()));
        if (window.session()->currentDatasetId() != results->results()->datasetId || loaded.count() > 1)
            QTRY_VERIFY_WITH_TIMEOUT(window.session()->currentDatasetId() == results->results()->datasetId, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(window.browser()->proxy()->rowCount(), int(expected.size()), 30000);
        std::set<std::int64_t> shown;
        for (int row = 0; row < window.browser()->proxy()->rowCount(); ++row)
            shown.insert(window.browser()->proxy()->index(row, 0).data(ImageListModel::ImageIndexRole).toLongLong());
        QCOMPARE(shown, selection->images());
        QTRY_COMPARE_WITH_TIMEOUT(window.viewer()->currentRow(),
                                  window.browser()->proxy()->mapToSource(window.browser()->proxy()->index(0, 0)).row(),
                                  10000);
        QTest::qWait(500);
        QVERIFY(window.grab().save(screenshot(QStringLiteral("results_journey.png"))));
        window.centralTabs()->setCurrentWidget(results);
        QApplication::processEvents();
        QVERIFY(window.grab().save(screenshot(QStringLiteral("results_journey_chart.png"))));
        // Clearing the selection shows every image again.
        selection->clear();
        QCOMPARE(window.browser()->proxy()->rowCount(), window.images()->rowCount());
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

QTEST_MAIN(TestResultScreens)
#include "tst_resultscreens.moc"
