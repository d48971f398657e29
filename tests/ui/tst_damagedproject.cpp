// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A damaged project opened in the application as a user opens one (MainWindow::openProject,
// File > Open): the user reads in the log the message saliscope-cli gives for the same file (it
// names the file, says it is damaged, names the unreadable run and how to salvage the others with
// `saliscope-cli export`, which works), nothing crashes, and what can be read is still shown
// (issue 19).
#include "tests/ui/referenceproject.h"

#include "ui/runs/runsdock.h"
#include "ui/project/logdock.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/images/imagelistmodel.h"
#include "ui/images/imagetable.h"
#include "core/project/logmodel.h"
#include "core/project/projectsession.h"
#include "ui/images/datasetbrowserwidget.h"
#include "ui/results/resultsview.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

/// Runs SQL on a project file directly, as a damaged or tampered file would have it; the first
/// column of the last statement's first row comes back ("" when none, "error" on failure).
QString rawSql(const QString& path, const QStringList& statements)
{
    QString answer;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        database.setDatabaseName(path);
        bool ok = database.open();
        QSqlQuery query(database);
        for (const QString& statement : statements)
            ok = ok && query.exec(statement);
        answer = !ok ? QStringLiteral("error") : query.next() ? query.value(0).toString() : QString();
        query = QSqlQuery();
        database.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return answer;
}

/// What saliscope-cli says on standard error after "saliscope-cli COMMAND: ", and its exit code.
std::pair<int, QString> cliError(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SALISCOPE_CLI), arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return {-1, {}};
    const QString prefix = QStringLiteral("saliscope-cli %1: ").arg(arguments.front());
    for (const QString& line : QString::fromUtf8(process.readAllStandardError()).split('\n'))
        if (line.startsWith(prefix))
            return {process.exitCode(), line.mid(prefix.size())};
    return {process.exitCode(), {}};
}

/// The log entries (all levels) that contain `text`.
QStringList logEntriesWith(const LogModel& log, const QString& text)
{
    QStringList found;
    for (int row = 0; row < log.rowCount(); ++row)
        if (log.text(row).contains(text))
            found << log.text(row);
    return found;
}

} // namespace

class TestDamagedProject final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        testing::isolateSettings("tst_damagedproject");
        QVERIFY(m_dir.isValid());
        auto dataset = testing::referenceFaces(QDir(m_dir.path()), {"stylegan1_000700", "stylegan2_000700"});
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().c_str());
        m_clean = m_dir.filePath(QStringLiteral("clean.saliscope"));
        auto run = testing::runReferenceModels(dataset.value(), {MeasureKind::Predictions, MeasureKind::Entropy},
                                               m_clean, 3);
        QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());
        m_entropyRun = run->runIds.at(MeasureKind::Entropy);
        m_predictionsRun = run->runIds.at(MeasureKind::Predictions);
        QVERIFY(m_predictionsRun < m_entropyRun);                  // the entropy rows come last in the results table
        QVERIFY(!QFile::exists(m_clean + QStringLiteral("-wal"))); // the whole project is in the one file
    }

    void damagedResultRowIsNamedAndTheRestShown()
    {
        // The entropy rows of one image (one per model) are shorter than the run's columns.
        const QString project = copyOfClean(QStringLiteral("row.saliscope"));
        QCOMPARE(rawSql(project,
                        {QStringLiteral("UPDATE results SET vals = x'0102' WHERE run_id = %1 AND image_id ="
                                        " (SELECT min(image_id) FROM results WHERE run_id = %1)")
                             .arg(m_entropyRun)}),
                 QString());
        const auto [exitCode, message] = cliError(
            {QStringLiteral("report"), project, QStringLiteral("-o"), m_dir.filePath(QStringLiteral("r.pdf"))});
        QCOMPARE(exitCode, 1);
        QVERIFY2(
            message.contains(
                QStringLiteral("the project %1 is damaged: run %2 has 2 result row(s)").arg(project).arg(m_entropyRun))
                && message.contains(QLatin1String("`saliscope-cli export`")),
            qPrintable(message));

        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(window.openProject(project));
        QTRY_VERIFY_WITH_TIMEOUT(window.images()->rowCount() == 3, 20000);
        const LogModel& log = *window.session()->log();
        // The image list and the Results tab each say it, in the command line's words, once.
        QTRY_COMPARE_WITH_TIMEOUT(logEntriesWith(log, message).size(), 2, 20000);
        QCOMPARE(log.errorCount(), 2);
        QCOMPARE(logEntriesWith(log,
                                QStringLiteral("The image list leaves out results that cannot be read: ") + message)
                     .size(),
                 1);
        QCOMPARE(logEntriesWith(log, QStringLiteral("Cannot read the measure results: ") + message).size(), 1);

        // What can be read is shown: every image, and the predictions run's scores for each model;
        // the damaged entropy run is left out whole (never one image short without a word).
        const ImageTable& table = window.images()->table();
        QCOMPARE(table.models.size(), std::size_t(2));
        for (const auto& model : table.models)
            for (std::size_t row = 0; row < table.images.size(); ++row) {
                QVERIFY2(!std::isnan(model.score[row]) && model.predicted[row] >= 0, qPrintable(model.name));
                QVERIFY2(std::isnan(model.entropy[row]), qPrintable(model.name));
            }
        QCOMPARE(table.unreadableRuns.size(), std::size_t(1));
        // The run set is still listed in the Results tab.
        auto* runSets = window.resultsView()->findChild<QComboBox*>();
        QVERIFY(runSets);
        QCOMPARE(runSets->count(), 1);

        // Reloading (new models, another dataset) does not repeat the message.
        QSignalSpy loaded(window.browser(), &DatasetBrowserWidget::tableLoaded);
        window.session()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 20000);
        QCOMPARE(logEntriesWith(log, QStringLiteral("The image list leaves out")).size(), 1);
    }

    void damagedPageIsRefusedWithTheCommandLineMessage()
    {
        const QString project = pageDamagedCopy(QStringLiteral("page.saliscope"));
        QVERIFY(!project.isEmpty());

        // The command line: it names the file, says it is damaged, which run cannot be read,
        // and how to salvage the other; the salvage gives exactly the undamaged rows.
        const auto [exitCode, message] = cliError({QStringLiteral("project"), project});
        QCOMPARE(exitCode, 1);
        QVERIFY2(message.startsWith(QStringLiteral("the project %1 is damaged (").arg(project))
                     && message.contains(
                         QStringLiteral("; the rows of run(s) %1 (entropy) cannot be read; ").arg(m_entropyRun))
                     && message.endsWith(QStringLiteral("`saliscope-cli export %1 --run ID -o FILE.csv` writes what "
                                                        "can still be read of run(s) %2 (predictions)")
                                             .arg(project)
                                             .arg(m_predictionsRun)),
                 qPrintable(message));
        const QString salvaged = m_dir.filePath(QStringLiteral("salvaged.csv"));
        const QString whole = m_dir.filePath(QStringLiteral("whole.csv"));
        const auto run = QString::number(m_predictionsRun);
        QCOMPARE(cliError(
                     {QStringLiteral("export"), m_clean, QStringLiteral("--run"), run, QStringLiteral("-o"), whole})
                     .first,
                 0);
        const auto salvage = cliError(
            {QStringLiteral("export"), project, QStringLiteral("--run"), run, QStringLiteral("-o"), salvaged});
        QCOMPARE(salvage.first, 1); // a damaged file is never an exit 0
        QVERIFY2(salvage.second.endsWith(
                     salvaged
                     + QStringLiteral(" holds the rows of run %1 that could still be read").arg(m_predictionsRun)),
                 qPrintable(salvage.second));
        QCOMPARE(readAll(salvaged), readAll(whole));
        QVERIFY(readAll(whole).count('\n') == 7); // the header and 3 images x 2 models
        const QString lost = m_dir.filePath(QStringLiteral("lost.csv"));
        QCOMPARE(cliError({QStringLiteral("export"), project, QStringLiteral("--run"), QString::number(m_entropyRun),
                           QStringLiteral("-o"), lost})
                     .first,
                 1);
        QVERIFY(!QFile::exists(lost)); // no partial file

        // The application, as File > Open: the same message in the log, which is brought forward.
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.runsDock()->raise(); // the Log dock hidden behind the Runs dock
        auto* logDock = window.findChild<LogDock*>();
        QVERIFY(logDock);
        QTRY_VERIFY(logDock->visibleRegion().isEmpty());

        QVERIFY(!window.openProject(project));
        QVERIFY(!window.session()->isOpen());
        const LogModel& log = *window.session()->log();
        QVERIFY2(log.errorCount() == 1, qPrintable(logEntriesWith(log, QString()).join(QLatin1Char(10))));
        QCOMPARE(logEntriesWith(log, message), QStringList{QStringLiteral("Cannot open %1: %2").arg(project, message)});
        QTRY_VERIFY(!logDock->visibleRegion().isEmpty()); // shown to the user, not only logged
        QCOMPARE(window.images()->rowCount(), 0);

        // The window goes on working: the undamaged copy opens and shows its images.
        QVERIFY(window.openProject(copyOfClean(QStringLiteral("again.saliscope"))));
        QTRY_VERIFY_WITH_TIMEOUT(window.images()->rowCount() == 3, 20000);
        QCOMPARE(log.errorCount(), 1);
    }

    void damagedFileIsNeverWrittenBeforeItIsChecked()
    {
        // A damaged project of the previous schema: opened writable (as the application opens
        // projects), it was migrated (a table created, pages written) before its check refused
        // it. It is refused untouched now.
        const QString project = pageDamagedCopy(QStringLiteral("old.saliscope"),
                                                {QStringLiteral("DROP TABLE dataset_problems"),
                                                 QStringLiteral("UPDATE schema_version SET version = 3")});
        QVERIFY(!project.isEmpty());
        const QByteArray before = readAll(project);
        ProjectSession session;
        QVERIFY(!session.open(project));
        QCOMPARE(session.log()->errorCount(), 1);
        const QString error = session.log()->text(session.log()->rowCount() - 1);
        QVERIFY2(error.startsWith(QStringLiteral("Cannot open %1: the project %1 is damaged (").arg(project)),
                 qPrintable(error));
        QVERIFY(readAll(project) == before);
        QVERIFY(QFileInfo(project + QStringLiteral("-wal")).size() == 0);
        QCOMPARE(rawSql(project, {QStringLiteral("SELECT version FROM schema_version")}), QStringLiteral("3"));
    }

private:
    /// A copy of the clean project whose entropy rows fill pages of their own (padded with
    /// copies under other variant names) and the last of those pages overwritten: PRAGMA
    /// quick_check fails, the entropy rows cannot be read, the predictions rows still can.
    /// `prepare` runs on the copy first. Empty on failure (the reason is a test failure).
    QString pageDamagedCopy(const QString& name, const QStringList& prepare = {})
    {
        const QString project = copyOfClean(name);
        const QStringList statements = prepare
            + QStringList{QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
                                         " INSERT INTO results (run_id, image_id, model, variant, vals) SELECT"
                                         " r.run_id, r.image_id, r.model, 'padding ' || n.i, r.vals FROM results r, n"
                                         " WHERE r.run_id = %1")
                              .arg(m_entropyRun)};
        if (rawSql(project, statements) != QString())
            return fail("cannot pad the entropy rows");
        const int pageSize = rawSql(project, {QStringLiteral("PRAGMA page_size")}).toInt();
        const int rootPage =
            rawSql(project, {QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'results'")}).toInt();
        QFile file(project);
        if (pageSize < 512 || rootPage < 2 || !file.open(QIODevice::ReadWrite)
            || !file.seek(qint64(rootPage - 1) * pageSize))
            return fail("cannot find the results table");
        const QByteArray header = file.read(12);
        if (header.size() != 12 || header[0] != 2) // an interior page of an index b-tree (WITHOUT ROWID)
            return fail("the results table is not two levels deep");
        const quint32 lastLeaf = (quint32(quint8(header[8])) << 24) | (quint32(quint8(header[9])) << 16)
            | (quint32(quint8(header[10])) << 8) | quint32(quint8(header[11]));
        if (lastLeaf < 2 || qint64(lastLeaf) * pageSize > file.size() || !file.seek(qint64(lastLeaf - 1) * pageSize)
            || file.write(QByteArray(8, '\x7f')) != 8) // not a b-tree page type
            return fail("cannot overwrite the last page of the results table");
        return project;
    }

    static QString fail(const char* why)
    {
        QTest::qFail(why, __FILE__, __LINE__);
        return {};
    }

    QString copyOfClean(const QString& name) const
    {
        const QString path = m_dir.filePath(name);
        return QFile::copy(m_clean, path) ? path : QString();
    }

    static QByteArray readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
    }

    QTemporaryDir m_dir;
    QString m_clean;
    std::int64_t m_predictionsRun = 0;
    std::int64_t m_entropyRun = 0;
};

QTEST_MAIN(TestDamagedProject)
#include "tst_damagedproject.moc"
