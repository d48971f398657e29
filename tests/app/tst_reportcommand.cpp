// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-cli report: a PDF from a project measured by the CLI, without a display; paper
// size, model and measure choices; usage errors (exit 2) and bad projects or models (exit 1).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Outcome {
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome cli(const QStringList& arguments, bool display = true)
{
    QProcess process;
    if (!display) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QLatin1String(name));
        process.setProcessEnvironment(environment);
    }
    process.start(QStringLiteral(SALISCOPE_CLI), arguments);
    process.waitForFinished(600000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString poppler(const QString& tool, const QStringList& arguments)
{
    QProcess process;
    process.start(tool, arguments);
    process.waitForFinished(60000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

} // namespace

class TestReportCommand final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir root(m_dir.path());
        root.mkpath("data/real");
        root.mkpath("data/fake");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), root.filePath("data/real/ffhq_00001.png")));
        QVERIFY(QFile::copy(reference("faces/stylegan2_000700.png"), root.filePath("data/fake/stylegan2_000700.png")));
        m_project = root.filePath("cli.saliscope");
        const QString a = reference("models/tiny_densenet.pt");
        const QString b = reference("models/tiny_resnet.pt");
        const auto measured = cli({"measure", "entropy,stability", "--dataset", root.filePath("data"), "--model", a,
                                   "--model", b, "--project", m_project, "--out", root.filePath("csv")});
        QVERIFY2(measured.exitCode == 0, qPrintable(measured.err));
    }

    void writesAPdfWithoutADisplay()
    {
        const QString pdf = QDir(m_dir.path()).filePath("letter.pdf");
        const auto result = cli({"report", m_project, "-o", pdf, "--page", "letter"}, /*display=*/false);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.err.contains(QLatin1String("pages")));
        const QString info = poppler("pdfinfo", {pdf});
        QVERIFY2(info.contains(QRegularExpression("Page size:\\s+612 x 792 pts")), qPrintable(info));
        const QString text = poppler("pdftotext", {pdf, "-"});
        for (const char* expected : {"Scorecard", "Salience entropy", "Stability across training runs", "Gallery",
                                     "tiny_densenet", "tiny_resnet"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        QVERIFY(!text.contains(QLatin1String("Reaction to noise"))); // not measured
    }

    void choosesModelsAndMeasures()
    {
        const QString pdf = QDir(m_dir.path()).filePath("one.pdf");
        const auto result = cli({"report", m_project, "-o", pdf, "--models", "tiny_resnet", "--measures", "entropy"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString text = poppler("pdftotext", {pdf, "-"});
        QVERIFY(text.contains(QLatin1String("tiny_resnet")));
        QVERIFY(!text.contains(QLatin1String("tiny_densenet")));
        QVERIFY(!text.contains(QLatin1String("Stability across training runs")));
        QVERIFY(poppler("pdfinfo", {pdf}).contains(QLatin1String("(A4)"))); // the default
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no output") << QStringList{"report", "@project"} << 2 << "give PROJECT and -o FILE.pdf";
        QTest::newRow("page size") << QStringList{"report", "@project", "-o", "@out", "--page", "legal"} << 2
                                   << "unknown page size 'legal'";
        QTest::newRow("measure") << QStringList{"report", "@project", "-o", "@out", "--measures", "entropy,focus"} << 2
                                 << "unknown measure 'focus'";
        QTest::newRow("language") << QStringList{"report", "@project", "-o", "@out", "--language", "xx"} << 2
                                  << "unknown language 'xx'";
        QTest::newRow("model") << QStringList{"report", "@project", "-o", "@out", "--models", "resnet50"} << 1
                               << "unknown model 'resnet50'";
        QTest::newRow("not measured") << QStringList{"report", "@project", "-o", "@out", "--measures", "noise"} << 1
                                      << "the runs have no 'noise' results";
        QTest::newRow("project") << QStringList{"report", "@missing", "-o", "@out"} << 1 << "no such project";
    }

    void refusesBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString out = QDir(m_dir.path()).filePath("refused.pdf");
        for (QString& argument : arguments) {
            if (argument == QLatin1String("@project"))
                argument = m_project;
            else if (argument == QLatin1String("@missing"))
                argument = QDir(m_dir.path()).filePath("missing.saliscope");
            else if (argument == QLatin1String("@out"))
                argument = out;
        }
        const auto result = cli(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
        QVERIFY(!QFile::exists(out));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

QTEST_MAIN(TestReportCommand)
#include "tst_reportcommand.moc"
