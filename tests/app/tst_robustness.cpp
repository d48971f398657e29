// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile but fair inputs to saliscope-cli: damaged project files, empty options, interrupted
// runs. The only acceptable outcomes are a correct result or a one-line error naming the file;
// never a crash, never a silently partial answer.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;  ///< -1: crashed (or did not finish)
    QString out;
    QString err;
};

Run cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SALISCOPE_CLI), arguments);
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

/// Runs SQL statements on a project file directly, as a damaged or tampered file would have them.
bool rawSql(const QString& path, const QStringList& statements)
{
    bool ok = true;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        database.setDatabaseName(path);
        ok = database.open();
        QSqlQuery query(database);
        for (const QString& statement : statements)
            ok = ok && query.exec(statement);
        query = QSqlQuery();
        database.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return ok;
}

/// Data rows of a CSV file (its lines less the header); -1 when it cannot be read.
int csvRows(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return int(QString::fromUtf8(file.readAll()).trimmed().split('\n').size()) - 1;
}

} // namespace

class TestRobustness final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("data/real"));
        QDir(m_dir.path()).mkpath(QStringLiteral("data/fake"));
        QFile::copy(reference("faces/ffhq_00001.png"), m_dir.filePath("data/real/ffhq_00001.png"));
        for (const char* face : {"stylegan1_000700", "stylegan2_000700"})
            QFile::copy(reference(QStringLiteral("faces/%1.png").arg(face)),
                        m_dir.filePath(QStringLiteral("data/fake/%1.png").arg(face)));
    }

    void emptyOptionsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("fragment");
        // An unset $OUTDIR in a batch script: refused before any work (it crashed after the run).
        QTest::newRow("out") << QStringList{"--out", ""} << "--out names no folder";
        QTest::newRow("project") << QStringList{"--project", ""} << "--project names no file";
    }

    void emptyOptionsAreUsageErrors()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, fragment);
        const Run run = cli(QStringList{"measure", "entropy", "--dataset", m_dir.filePath("data"), "--model",
                                        reference("models/tiny_densenet.pt")}
                            + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(fragment), qPrintable(run.err));
        QVERIFY2(!run.err.contains("images measured"), "the run was computed before the usage error");
    }

    void damagedResultRowIsNamedNotACrash()
    {
        // A result blob shorter than the run's columns: every reader names the damage and exits
        // 1 (measure, report and merge died with SIGSEGV); export writes the readable rows.
        const QString project = m_dir.filePath("damaged.saliscope");
        QCOMPARE(cli(measure("entropy", project)).exitCode, 0);
        QVERIFY(rawSql(project, {"UPDATE results SET vals = x'0102' WHERE image_id = (SELECT min(image_id) FROM results)"}));

        const Run again = cli(measure("entropy", project));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("is damaged") && again.err.contains("damaged.saliscope"), qPrintable(again.err));

        const QString csv = m_dir.filePath("salvaged.csv");
        const Run exported = cli({"export", project, "--run", "1", "-o", csv});
        QCOMPARE(exported.exitCode, 1);
        QVERIFY2(exported.err.contains("1 result row(s) that do not match its columns"), qPrintable(exported.err));
        QCOMPARE(csvRows(csv), 2);  // three images, one damaged row left out

        const Run merged = cli({"merge", m_dir.filePath("merged.saliscope"), project});
        QCOMPARE(merged.exitCode, 1);
        QVERIFY2(merged.err.contains("is damaged"), qPrintable(merged.err));

        const Run report = cli({"report", project, "-o", m_dir.filePath("r.pdf")});
        QCOMPARE(report.exitCode, 1);
        QVERIFY2(report.err.contains("is damaged"), qPrintable(report.err));
        QVERIFY(!QFile::exists(m_dir.filePath("r.pdf")));
    }

    void outHoldsEveryRowOfAResumedRun()
    {
        // Re-running after a kill wrote only the resuming process's rows into --out, and a
        // finished project wrote no CSV at all: --out is read from the project.
        const QString project = m_dir.filePath("resumed.saliscope");
        const QString first = m_dir.filePath("first");
        QCOMPARE(cli(measure("entropy,noise", project) + QStringList{"--out", first}).exitCode, 0);
        QCOMPARE(csvRows(first + "/entropy.csv"), 3);
        QCOMPARE(csvRows(first + "/noise.csv"), 6);

        // As a killed run leaves it: the last image's rows were never committed.
        QVERIFY(rawSql(project, {"DELETE FROM results WHERE image_id = (SELECT max(id) FROM images)",
                                 "UPDATE runs SET status = 'running'"}));
        const QString resumed = m_dir.filePath("resumed");
        const Run run = cli(measure("entropy,noise", project) + QStringList{"--out", resumed});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("images already done") && !run.err.contains("; 0 images already done"),
                 qPrintable(run.err));
        for (const char* name : {"entropy.csv", "noise.csv", "predictions.csv"}) {
            QFile a(first + "/" + name), b(resumed + "/" + name);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QCOMPARE(b.readAll(), a.readAll());
        }

        const QString finished = m_dir.filePath("finished");
        QCOMPARE(cli(measure("entropy,noise", project) + QStringList{"--out", finished}).exitCode, 0);
        QCOMPARE(csvRows(finished + "/entropy.csv"), 3);
        QCOMPARE(csvRows(finished + "/noise.csv"), 6);
        QFile summary(finished + "/summary.json");
        QVERIFY(summary.open(QIODevice::ReadOnly));
        QVERIFY(!QJsonDocument::fromJson(summary.readAll()).isNull());
    }

private:
    QStringList measure(const QString& measures, const QString& project) const
    {
        return {"measure",   measures, "--dataset", m_dir.filePath("data"), "--model", reference("models/tiny_densenet.pt"),
                "--set",     "noise.levels=0,0.5", "--batch", "1", "--project", project};
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
