// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// tools/reference/paper_reference.py (the paper's per-image pipeline that `saliscope-bench
// reference` times Saliscope against) does the same work as `saliscope-cli measure`: on two
// reference faces and the two reference models, every deterministic per-image value agrees.

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

const QString Python = QStringLiteral("/usr/bin/python3");
const QString Script = QStringLiteral(SALISCOPE_SOURCE_DIR "/tools/reference/paper_reference.py");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

/// A CSV file's rows, keyed by the image's file name and the given key columns; values by column.
using Table = QMap<QString, QMap<QString, QString>>;

/// The cells of one CSV line; double quotes protect commas ("shift:-16,16") and escape quotes.
QStringList splitCsvLine(const QString& line)
{
    QStringList cells{QString()};
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
            cells.last() += line[++i];
        else if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted)
            cells << QString();
        else
            cells.last() += c;
    }
    return cells;
}

Table readCsv(const QString& path, const QStringList& keyColumns)
{
    Table table;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return table;
    const QStringList header = splitCsvLine(QString::fromUtf8(file.readLine()).trimmed());
    while (!file.atEnd()) {
        const QStringList cells = splitCsvLine(QString::fromUtf8(file.readLine()).trimmed());
        QMap<QString, QString> row;
        for (int c = 0; c < header.size() && c < cells.size(); ++c)
            row[header[c]] = cells[c];
        QString key = QFileInfo(row.value("image")).fileName();
        for (const auto& column : keyColumns)
            key += '|' + row.value(column);
        table[key] = row;
    }
    return table;
}

} // namespace

class TestPaperReference final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFile::exists(Python))
            QSKIP("Debian's /usr/bin/python3 is not installed");
        QVERIFY(m_dir.isValid());
        const QDir root(m_dir.path());
        QVERIFY(root.mkpath("ds/real") && root.mkpath("ds/fake"));
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), root.filePath("ds/real/ffhq_00001.png")));
        QVERIFY(QFile::copy(reference("faces/stylegan1_000700.png"), root.filePath("ds/fake/stylegan1_000700.png")));
        const QStringList models{"--model", reference("models/tiny_densenet.pt"), "--model",
                                 reference("models/tiny_resnet.pt")};
        // Noise at level 0 only: higher levels draw random numbers, which differ by design.
        const Run ours = run(QStringLiteral(SALISCOPE_CLI),
                             QStringList{"measure", "all", "--dataset", root.filePath("ds")} + models
                                 + QStringList{"--set", "noise.levels=0", "--out", root.filePath("ours")});
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.err));
        const Run paper = run(Python,
                              QStringList{Script} + models
                                  + QStringList{"--images", root.filePath("ds"), "--noise-levels", "0", "--warmup", "0",
                                                "--threads", "2", "--out", root.filePath("paper")});
        QVERIFY2(paper.exitCode == 0, qPrintable(paper.err));
        QVERIFY2(paper.out.contains("\"images\": 2") && paper.out.contains("\"forward_passes\": 64"),
                 qPrintable(paper.out)); // 2 images x 2 models x (1 clean + 1 noisy + 12 transformed + 2 degraded)
    }

    void perImageValuesAgree_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<int>("rows");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("entropy") << "entropy.csv" << QStringList{"model"}
                                 << QStringList{"label", "entropy_bits", "normalized_entropy", "spatial_entropy",
                                                "flat"}
                                 << 4 << 1e-6;
        QTest::newRow("noise 0") << "noise.csv" << QStringList{"model", "level"}
                                 << QStringList{"score",      "predicted_class", "correct", "normalized_entropy",
                                                "ssim_small", "ssim_upscaled",   "flat"}
                                 << 4 << 1e-6;
        QTest::newRow("transforms") << "transforms.csv" << QStringList{"model", "transform"}
                                    << QStringList{"ssim_upscaled", "score", "predicted_class", "prediction_changed",
                                                   "flat"}
                                    << 48 << 1e-6;
        QTest::newRow("stability") << "stability.csv" << QStringList{"models"} << QStringList{"ssim_small"} << 2
                                   << 1e-6;
        QTest::newRow("degradation") << "degradation.csv" << QStringList{"model", "mode"}
                                     << QStringList{"score",           "predicted_class", "correct",
                                                    "confidence_drop", "ssim_upscaled",   "flat"}
                                     << 8 << 1e-3;
    }

    // Tolerance 1e-6: both sides compute float32 Grad-CAMs of the same network (they agree to
    // about 1e-6, the reference tests' tolerance is 1e-5), then the same integer maps, entropy and
    // SSIM; scores are float32 sigmoids printed with 10 digits (largest difference seen: 3e-8).
    // Degradation 1e-3: the blurred images may differ by one grey level on up to 0.1% of values
    // (the golden data's tolerance), which moves the degraded map's SSIM by up to about 1e-4
    // (7e-5 seen). A wrong formula, transform, blur or resize moves these values by far more.
    void perImageValuesAgree()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, keys);
        QFETCH(QStringList, values);
        QFETCH(int, rows);
        QFETCH(double, tolerance);
        const Table ours = readCsv(QDir(m_dir.path()).filePath("ours/" + file), keys);
        const Table paper = readCsv(QDir(m_dir.path()).filePath("paper/" + file), keys);
        QCOMPARE(ours.size(), rows);
        QCOMPARE(paper.keys(), ours.keys());
        double largest = 0;
        for (auto row = ours.cbegin(); row != ours.cend(); ++row)
            for (const auto& column : values) {
                const QString a = row.value().value(column), b = paper.value(row.key()).value(column);
                bool okA = false, okB = false;
                const double x = a.toDouble(&okA), y = b.toDouble(&okB);
                QVERIFY2(okA && okB, qPrintable(row.key() + " " + column + ": '" + a + "' vs '" + b + "'"));
                largest = std::max(largest, std::abs(x - y));
                QVERIFY2(std::abs(x - y) <= tolerance,
                         qPrintable(row.key() + " " + column + ": ours " + a + ", reference " + b));
            }
        qInfo("%s: largest difference %.3g over %d rows", qPrintable(file), largest, int(ours.size()));
    }

    void badInputIsAOneLineError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no folder") << QStringList{"--model",    reference("models/tiny_densenet.pt"),
                                                  "--images",   "/nonexistent/faces",
                                                  "--measures", "entropy"}
                                   << "/nonexistent/faces: not a folder";
        QTest::newRow("not a model") << QStringList{"--model",          Script,       "--images",
                                                    reference("faces"), "--measures", "entropy"}
                                     << "not a TorchScript model";
        QTest::newRow("one model, stability") << QStringList{"--model",    reference("models/tiny_densenet.pt"),
                                                             "--images",   reference("faces"),
                                                             "--measures", "stability"}
                                              << "stability needs at least two models";
        QTest::newRow("unknown measure") << QStringList{"--model",    reference("models/tiny_densenet.pt"),
                                                        "--images",   reference("faces"),
                                                        "--measures", "entropy,speed"}
                                         << "unknown measure 'speed'";
        QTest::newRow("bad noise levels") << QStringList{"--model",        reference("models/tiny_densenet.pt"),
                                                         "--images",       reference("faces"),
                                                         "--noise-levels", "0,2"}
                                          << "--noise-levels";
    }

    void badInputIsAOneLineError()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, fragment);
        const Run bad = run(Python, QStringList{Script} + arguments);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.trimmed().count('\n') == 0 && bad.err.contains(fragment), qPrintable(bad.err));
        QVERIFY(bad.out.isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestPaperReference)
#include "tst_paperreference.moc"
