// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Results per image group in the application (issue 22): on a small project whose images have
// two groups, the results view offers the groups, and with one chosen its scorecard shows the
// numbers the summary's `groups` hold for that group (groupScorecards), its charts that group's
// images only; "All groups" shows the whole set again, and an export writes the whole set's
// summary whatever group is shown. The videos table lists each video of frames with the summary's
// video score and verdict, and a click on one selects its frames.

#include "tests/ui/referenceproject.h"

#include "core/measures/measuresummary.h"
#include "core/project/measureresults.h"
#include "core/project/projectsession.h"
#include "ui/report/reportbuilder.h"
#include "ui/report/reportcontent.h"
#include "ui/report/reportoptions.h"
#include "ui/report/reportsummarytables.h"
#include "ui/results/imageselection.h"
#include "ui/results/resultsview.h"
#include "ui/results/scorecardmodel.h"
#include "ui/results/scorecardwidget.h"
#include "ui/results/videotableview.h"

#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

/// The scorecard row of a model, or -1.
int rowOf(const ScorecardModel* model, const QString& name)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->rowName(row) == name)
            return row;
    return -1;
}

} // namespace

class TestGroupResults final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;

private slots:
    void initTestCase()
    {
        testing::isolateSettings("tst_groupresults");
        QVERIFY(m_dir.isValid());
        auto dataset = testing::referenceFaces(QDir(m_dir.path()),
                                               {QStringLiteral("stylegan1_000700"), QStringLiteral("stylegan2_000700"),
                                                QStringLiteral("stylegan3_seed278567")});
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().c_str());
        // Group "first": the real face and stylegan1; "second": stylegan2 and stylegan3.
        for (auto& record : dataset->records)
            record.group = record.path.find("stylegan2") != std::string::npos
                    || record.path.find("stylegan3") != std::string::npos
                ? "second"
                : "first";
        m_project = QDir(m_dir.path()).filePath(QStringLiteral("groups.saliscope"));
        auto run = testing::runReferenceModels(dataset.value(), {MeasureKind::Predictions, MeasureKind::Entropy},
                                               m_project, 4);
        QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());
    }

    void scorecardPerGroupHasTheSummarysGroupNumbers()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        ResultsView view(&session);
        QVERIFY(view.results());
        const QJsonObject whole = view.results()->summary;
        const QJsonObject cards = groupScorecards(whole);
        QCOMPARE(cards.keys(), (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
        QVERIFY(!view.imageGroups()->isHidden());
        QCOMPARE(view.imageGroups()->count(), 3);
        QCOMPARE(view.imageGroups()->itemText(1), QStringLiteral("first"));

        const ScorecardModel* model = view.scorecard()->model();
        for (const QString& group : {QStringLiteral("first"), QStringLiteral("second")}) {
            view.setImageGroup(group);
            QCOMPARE(view.imageGroups()->currentText(), group);
            // Two images per group, each predicted by both models.
            QCOMPARE(view.results()->table(MeasureKind::Predictions)->rows.size(), std::size_t(4));
            QCOMPARE(model->rowCount(), 2);
            for (const QString& name : {QStringLiteral("tiny_densenet"), QStringLiteral("tiny_resnet")}) {
                const QJsonObject card = cards.value(group).toObject().value(name).toObject();
                QCOMPARE(card.value(QStringLiteral("images")).toInt(), 2);
                const int row = rowOf(model, name);
                QVERIFY(row >= 0);
                for (int column : {int(ScorecardModel::AccuracyColumn), int(ScorecardModel::EntropyColumn)}) {
                    const QJsonValue expected = card.value(ScorecardModel::key(column));
                    QVERIFY2(expected.isDouble(), qPrintable(group + QLatin1Char(' ') + ScorecardModel::key(column)));
                    QVERIFY2(std::abs(model->value(row, column) - expected.toDouble()) < 1e-9,
                             qPrintable(QStringLiteral("%1 %2 %3: %4 vs %5")
                                            .arg(group, name, ScorecardModel::key(column))
                                            .arg(model->value(row, column))
                                            .arg(expected.toDouble())));
                }
                // ROC AUC only where the group has both classes ("first": real and fake).
                const double auc = model->value(row, ScorecardModel::RocAucColumn);
                if (card.contains(QStringLiteral("roc_auc")))
                    QVERIFY(std::abs(auc - card.value(QStringLiteral("roc_auc")).toDouble()) < 1e-9);
                else
                    QVERIFY(std::isnan(auc));
            }
            QCOMPARE(group == QLatin1String("first"),
                     cards.value(group).toObject().value("tiny_resnet").toObject().contains("roc_auc"));
        }

        // An export writes the whole set's summary, whatever group is shown.
        QTemporaryDir out;
        QSignalSpy finished(&view, &ResultsView::exportFinished);
        view.exportShownRunSet(out.path());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY(finished.front().front().toBool());
        QFile summaryFile(QDir(out.path()).filePath(QStringLiteral("summary.json")));
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(summaryFile.readAll()).object();
        QCOMPARE(exported.value(QStringLiteral("models")).toObject().value("tiny_resnet").toObject().value("groups"),
                 whole.value(QStringLiteral("models")).toObject().value("tiny_resnet").toObject().value("groups"));

        // All groups again: the whole set's numbers.
        view.setImageGroup({});
        QCOMPARE(view.results()->table(MeasureKind::Predictions)->rows.size(), std::size_t(8));
        const QJsonObject card = scorecard(whole).value(QStringLiteral("tiny_resnet")).toObject();
        const int row = rowOf(model, QStringLiteral("tiny_resnet"));
        QVERIFY(std::abs(model->value(row, ScorecardModel::AccuracyColumn)
                         - card.value(QStringLiteral("accuracy")).toDouble())
                < 1e-9);
    }

    void videoTableListsTheVideosAndSelectsTheirFrames()
    {
        // Two videos of model "m": a real clip (frames 0-2, scores 0.1, 0.2, 0.6: mean 0.3, right)
        // and a fake one (frames 3-4, 0.4 and 0.5: mean 0.45, predicted real: wrong); image 5 a still.
        const std::vector<std::string> videos{"/v/real/a.mp4", "/v/real/a.mp4", "/v/real/a.mp4",
                                              "/v/fake/b.mp4", "/v/fake/b.mp4", ""};
        const std::vector<int> labels{0, 0, 0, 1, 1, 1};
        const std::vector<double> scores{0.1, 0.2, 0.6, 0.4, 0.5, 0.9};
        MeasureTable predictions{MeasureKind::Predictions,
                                 {"label", "predicted_class", "score", "correct", "flat"},
                                 {}};
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const int predicted = scores[i] >= 0.5 ? 1 : 0;
            predictions.rows.push_back(
                {std::int64_t(i),
                 "m",
                 "",
                 {double(labels[i]), double(predicted), scores[i], double(predicted == labels[i]), 0.0}});
        }
        ImageGrouping grouping;
        grouping.groups = {"real", "real", "real", "fake", "fake", "fake"};
        grouping.videos = videos;
        auto results = std::make_shared<const MeasureResults>(
            MeasureResults::fromTables({predictions}, "{}", 7, grouping));
        ImageSelection selection;
        VideoTableView view(&selection);
        view.setResults(results);
        QVERIFY(view.hasVideos());
        const QStandardItemModel* model = view.model();
        QCOMPARE(model->rowCount(), 2);
        // Sorted by path: /v/fake/b.mp4 first.
        QCOMPARE(model->item(0, VideoTableView::VideoColumn)->text(), QStringLiteral("b.mp4"));
        QCOMPARE(model->item(0, VideoTableView::FramesColumn)->text(), QStringLiteral("2"));
        QCOMPARE(model->item(0, VideoTableView::ScoreColumn)->text(), QStringLiteral("0.450"));
        QCOMPARE(model->item(0, VideoTableView::CorrectColumn)->text(), QStringLiteral("wrong"));
        QCOMPARE(model->item(0, VideoTableView::GroupColumn)->text(), QStringLiteral("fake"));
        QCOMPARE(model->item(1, VideoTableView::VideoColumn)->text(), QStringLiteral("a.mp4"));
        QCOMPARE(model->item(1, VideoTableView::ScoreColumn)->text(), QStringLiteral("0.300"));
        QCOMPARE(model->item(1, VideoTableView::CorrectColumn)->text(), QStringLiteral("right"));
        // One of two videos right; the real one's score is below the fake one's: ROC AUC 1.
        QVERIFY2(view.headline().contains(QStringLiteral("accuracy 0.500, ROC AUC 1.000")),
                 qPrintable(view.headline()));

        // A click on a video selects exactly its frames.
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRect cell = view.view()->visualRect(view.view()->model()->index(1, VideoTableView::VideoColumn));
        QTest::mouseClick(view.view()->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(selection.isActive());
        QCOMPARE(selection.datasetId(), std::int64_t(7));
        QCOMPARE(selection.images(), (std::set<std::int64_t>{0, 1, 2}));

        // Results without video frames: no videos.
        view.setResults(std::make_shared<const MeasureResults>(MeasureResults::fromTables({predictions}, "{}", 7)));
        QVERIFY(!view.hasVideos());
        QCOMPARE(view.model()->rowCount(), 0);
    }

    void reportHasThePerGroupTable()
    {
        ReportOptions options;
        options.projectPath = m_project;
        options.outputPath = QDir(m_dir.path()).filePath(QStringLiteral("groups.pdf"));
        options.galleryImagesPerEnd = 1;
        NullProgressSink progress;
        auto content = loadReportContent(options, progress, CancelToken());
        QVERIFY2(content.ok(), content.ok() ? "" : content.error().c_str());
        const QJsonObject cards = groupScorecards(content->results.summary);
        const ReportTable table = ReportSummaryTables::perGroup(content.value());
        QCOMPARE(table.header.mid(0, 4), (QStringList{"Model", "Group", "Images", "Accuracy \u2191"}));
        QCOMPARE(int(table.rows.size()), 4); // two models, two groups
        for (const auto& row : table.rows) {
            const QJsonObject card = cards.value(row[1]).toObject().value(row[0]).toObject();
            QCOMPARE(row[2], QStringLiteral("2"));
            QCOMPARE(row[3],
                     QStringLiteral("%1 %").arg(100 * card.value(QStringLiteral("accuracy")).toDouble(), 0, 'f', 1));
        }
        QCOMPARE(ReportSummaryTables::videoLevel(content.value()).rows.size(), std::size_t(0));

        auto pages = writeReport(options, progress, CancelToken());
        QVERIFY2(pages.ok(), pages.ok() ? "" : pages.error().c_str());
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"),
                        {QStringLiteral("-layout"), options.outputPath, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(60000));
        const QString text = QString::fromUtf8(pdftotext.readAllStandardOutput()).simplified();
        QVERIFY(text.contains(QLatin1String("Per group")));
        QVERIFY(!text.contains(QLatin1String("Per video")));
    }

    void reportVideoTablesAreTheSummarys()
    {
        // The summary of videoTableListsTheVideosAndSelectsTheirFrames' frames, in a report.
        MeasureTable predictions{MeasureKind::Predictions,
                                 {"label", "predicted_class", "score", "correct", "flat"},
                                 {}};
        const std::vector<double> scores{0.1, 0.2, 0.6, 0.4, 0.5};
        for (std::size_t i = 0; i < scores.size(); ++i) {
            const int label = i < 3 ? 0 : 1;
            const int predicted = scores[i] >= 0.5 ? 1 : 0;
            predictions.rows.push_back(
                {std::int64_t(i),
                 "m",
                 "",
                 {double(label), double(predicted), scores[i], double(predicted == label), 0.0}});
        }
        ImageGrouping grouping;
        grouping.videos = {"/v/a.mp4", "/v/a.mp4", "/v/a.mp4", "/v/b.mp4", "/v/b.mp4"};
        ReportContent content;
        content.results = MeasureResults::fromTables({predictions}, "{}", 1, grouping);
        content.models.push_back({QStringLiteral("m"), {}, {}});
        const ReportTable level = ReportSummaryTables::videoLevel(content);
        QCOMPARE(int(level.rows.size()), 1);
        QCOMPARE(level.rows[0], (QStringList{"m", "2", "2", "50.0 %", "1.000"}));
        int total = 0;
        const ReportTable videos = ReportSummaryTables::videoTable(content, 1, &total);
        QCOMPARE(total, 2);
        QCOMPARE(int(videos.rows.size()), 1); // truncated to the limit
        QCOMPARE(videos.rows[0], (QStringList{"m", "a.mp4", "0", "", "3", "0.300", "0", "right"}));
    }
};

QTEST_MAIN(TestGroupResults)
#include "tst_groupresults.moc"
