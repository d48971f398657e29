// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Export of the results view's run set as CSV files and summary.json: every stored row comes out
// once with its values, the summary is the one the view shows, and a folder that cannot take the
// files gives a message in the log without losing the files already written. Also: the view keeps
// where the user put the line between scorecard and charts.

#include "tests/ui/referenceproject.h"

#include "core/project/measureresults.h"
#include "core/project/logmodel.h"
#include "core/project/projectsession.h"
#include "core/project/resultsexport.h"
#include "core/store/projectstore.h"
#include "ui/results/resultsview.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

/// The data lines of a CSV file (header first), split at commas (the fields here hold none).
std::vector<QStringList> readCsv(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<QStringList> lines;
    for (const QByteArray& line : file.readAll().split('\n'))
        if (!line.isEmpty())
            lines.push_back(QString::fromUtf8(line).split(QLatin1Char(',')));
    return lines;
}

} // namespace

class TestResultsExport final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        testing::isolateSettings("tst_resultsexport");
        QVERIFY(m_dir.isValid());
        auto dataset = testing::referenceFaces(QDir(m_dir.path()), {QStringLiteral("stylegan2_000700")});
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().c_str());
        m_project = QDir(m_dir.path()).filePath(QStringLiteral("faces.saliscope"));
        auto run = testing::runReferenceModels(dataset.value(), {MeasureKind::Entropy, MeasureKind::Noise}, m_project,
                                               2);
        QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());
        m_runIds = run->runIds;
    }

    void exportsEveryStoredRowAndTheSummary()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        ResultsView view(&session);
        QVERIFY(view.results());
        QSignalSpy finished(&view, &ResultsView::exportFinished);
        const QString out = QDir(m_dir.path()).filePath(QStringLiteral("export"));
        QVERIFY(QDir().mkpath(out));
        view.exportShownRunSet(out);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(session.log()->errorCount(), 0);

        auto store = ProjectStore::open(m_project.toStdString(), ProjectOpenMode::ReadOnly);
        QVERIFY(store.ok());
        auto images = store.value()->images(view.results()->datasetId);
        QVERIFY(images.ok());
        std::map<std::int64_t, std::string> pathAt;
        for (const auto& image : images.value())
            pathAt[image.position] = image.path;
        for (const auto& [kind, runId] : m_runIds) {
            const QString path = QDir(out).filePath(QString::fromLatin1(measureName(kind)) + QStringLiteral(".csv"));
            const auto lines = readCsv(path);
            auto stored = store.value()->results(runId);
            auto columns = store.value()->resultColumns(runId);
            QVERIFY(stored.ok() && columns.ok());
            QVERIFY2(!lines.empty(), qPrintable(path));
            QCOMPARE(lines.front().mid(0, 6),
                     QStringList({"image", "label", "group", "content_hash", "model", "variant"}));
            QCOMPARE(lines.front().size(), 6 + int(columns->size()));
            QCOMPARE(lines.size() - 1, stored->size());
            // Every stored row appears with its values: shortest round-trip text, so exactly; an
            // empty field is a missing value (NaN).
            for (const auto& row : stored.value()) {
                bool found = false;
                for (std::size_t i = 1; i < lines.size() && !found; ++i) {
                    const QStringList& line = lines[i];
                    if (line[4].toStdString() != row.model || line[5].toStdString() != row.variant
                        || line[0].toStdString() != pathAt[row.position])
                        continue;
                    found = true;
                    for (std::size_t v = 0; v < row.values.size(); ++v) {
                        const QString field = line[int(6 + v)];
                        const double value = row.values[v];
                        if (std::isnan(value))
                            QVERIFY(field.isEmpty());
                        else
                            QVERIFY(field.toDouble() == value);
                    }
                }
                QVERIFY2(found, row.model.c_str());
            }
        }
        // summary.json is the summary the view shows.
        QFile summary(QDir(out).filePath(QStringLiteral("summary.json")));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(summary.readAll()).object(), view.results()->summary);
    }

    void aFolderThatCannotTakeTheFilesIsReported()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        ResultsView view(&session);
        QSignalSpy finished(&view, &ResultsView::exportFinished);
        // No such folder.
        view.exportShownRunSet(QDir(m_dir.path()).filePath(QStringLiteral("missing")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("no such folder")));
        // A folder named like the noise table: entropy.csv is written and kept, noise.csv fails.
        const QString out = QDir(m_dir.path()).filePath(QStringLiteral("blocked"));
        QVERIFY(QDir().mkpath(out + QStringLiteral("/noise.csv")));
        view.exportShownRunSet(out);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QVERIFY(!finished.at(1).at(0).toBool());
        QVERIFY2(finished.at(1).at(1).toString().contains(QStringLiteral("noise.csv")),
                 qPrintable(finished.at(1).at(1).toString()));
        QVERIFY(readCsv(out + QStringLiteral("/entropy.csv")).size() > 1);
        QCOMPARE(session.log()->errorCount(), 2);
    }

    void scorecardSplitterIsKept()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        int scorecardHeight = 0;
        {
            ResultsView view(&session);
            view.resize(900, 700);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            auto* splitter = view.findChild<QSplitter*>(QStringLiteral("ResultsSplitter"));
            QVERIFY(splitter);
            // Drag the line between scorecard and charts 120 pixels down.
            const int before = splitter->sizes().at(0);
            QSplitterHandle* handle = splitter->handle(1);
            const QPoint middle = handle->rect().center();
            QTest::mousePress(handle, Qt::LeftButton, Qt::NoModifier, middle);
            QTest::mouseMove(handle, middle + QPoint(0, 120)); // the handle moves with the pointer
            QTest::mouseRelease(handle, Qt::LeftButton, Qt::NoModifier, middle + QPoint(0, 120));
            scorecardHeight = splitter->sizes().at(0);
            QCOMPARE(scorecardHeight, before + 120);
            QVERIFY(QSettings().contains(QStringLiteral("results/splitter")));
        }
        ResultsView again(&session);
        again.resize(900, 700);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("ResultsSplitter"))->sizes().at(0), scorecardHeight);
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    std::map<MeasureKind, std::int64_t> m_runIds;
};

QTEST_MAIN(TestResultsExport)
#include "tst_resultsexport.moc"
