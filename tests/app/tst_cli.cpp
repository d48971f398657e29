// saliscope-cli as a user runs it: exit codes, one-line errors, and the maps it writes.

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(SALISCOPE_CLI), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }
QString fixture(const QString& relative) { return QStringLiteral(SALISCOPE_FIXTURE_DIR "/") + relative; }

} // namespace

class TestCli final : public QObject {
    Q_OBJECT

private slots:
    void versionAndHelp_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("version") << QStringList{"--version"} << "saliscope-cli 0.1.0";
        QTest::newRow("help") << QStringList{"--help"} << "Commands:";
        QTest::newRow("cam help") << QStringList{"cam", "--help"} << "--upscaled";
        QTest::newRow("cam version") << QStringList{"cam", "--version"} << "LibTorch";
        QTest::newRow("info help") << QStringList{"info", "--help"} << "--model";
    }

    void versionAndHelp()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, fragment);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(fragment), qPrintable(run.out));
    }

    void failuresExitNonZeroWithOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no command") << QStringList{} << 2 << "Usage";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "unknown command";
        QTest::newRow("cam without model") << QStringList{"cam", "--out", "/tmp/x", "a.png"} << 2 << "--model is required";
        QTest::newRow("unknown option") << QStringList{"info", "--bogus"} << 2 << "bogus";
        QTest::newRow("text model") << QStringList{"info", "--model", fixture("text.pt")} << 1
                                    << "not a TorchScript archive";
        QTest::newRow("bad batch") << QStringList{"cam", "--model", "m.pt", "--out", "o", "--batch", "0", "x.png"} << 2
                                   << "--batch";
    }

    void failuresExitNonZeroWithOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, fragment);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(fragment), qPrintable(run.err));
        if (exitCode == 1)
            QCOMPARE(run.err.trimmed().count('\n'), 0);
    }

    void infoDescribesTheModel()
    {
        const Run run = cli({"info", "--model", reference("models/tiny_densenet.pt")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("kind           densenet"), qPrintable(run.out));
        QVERIFY(run.out.contains("cam layer      features (7x7 map"));
        QVERIFY(run.out.contains("defaults (no saliscope.json"));
    }

    void camReproducesReferenceMaps()
    {
        QTemporaryDir out;
        const Run run = cli({"cam", "--model", reference("models/tiny_densenet.pt"), "--upscaled", "--out", out.path(),
                             reference("faces")});
        QCOMPARE(run.exitCode, 0);
        for (const QString& stem : {QStringLiteral("ffhq_00001"), QStringLiteral("stylegan3_seed278567")}) {
            QFile written(out.filePath(stem + ".png"));
            QVERIFY(written.exists());
            // Compare decoded pixels, not PNG bytes.
            QImage a(written.fileName());
            QImage b(reference(QStringLiteral("gradcam/tiny_densenet__%1__upscaled.png").arg(stem)));
            QCOMPARE(a.convertToFormat(QImage::Format_Grayscale8), b.convertToFormat(QImage::Format_Grayscale8));
        }
        QVERIFY(QFile::exists(out.filePath("cams.csv")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
