// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-cli export --format npz|fiftyone|png (issue 21): the npz reloads in Debian's NumPy with
// the CSV export's values, the FiftyOne directory has FiftyOne's documented layout, the PNGs are
// cam's, and bad input fails with a clear message and exit code.

#include "tests/app/clirun.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using saliscope::test::reference;
using saliscope::test::Run;

Run cli(const QStringList& arguments) { return saliscope::test::cli(arguments, 120000); }

/// Compares an npz with the CSV files of its runs: every key column as text, every value column as
/// float64 (NaN where the CSV is empty), in the same order; the maps' shapes and dtypes. Prints
/// "ok" and exits 0, or says what differs and exits 1.
const char* CompareScript = R"PY(
import csv, json, math, sys
import numpy as np
npz_path, csv_dir, expect_maps = sys.argv[1], sys.argv[2], sys.argv[3] == "maps"
z = np.load(npz_path)  # allow_pickle stays False: no object arrays
about = json.loads(str(z["saliscope"]))
assert about["format"] == "saliscope-npz", about
runs = [int(r) for r in z["runs"]]
assert runs == about["runs"] and len(runs) >= 2, runs
for run in runs:
    p = "run%d/" % run
    record = json.loads(str(z[p + "run"]))
    assert record["id"] == run and record["status"] == "finished", record
    json.loads(str(z[p + "parameters"]))
    with open("%s/run%d.csv" % (csv_dir, run), newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    columns = [str(c) for c in z[p + "columns"]]
    assert header[6:] == columns, (header, columns)
    keys = ["image", "label", "group", "content_hash", "model", "variant"]
    for k, key in enumerate(keys):
        a = z[p + key]
        assert a.shape == (len(rows),), (key, a.shape)
        assert a.dtype.kind == ("i" if key == "label" else "U"), (key, a.dtype)
        for i, row in enumerate(rows):
            assert str(a[i]) == row[k], (run, key, i, a[i], row[k])
    nans = 0
    for c, name in enumerate(columns):
        v = z[p + "values/" + name]
        assert v.dtype == np.float64 and v.shape == (len(rows),), (name, v.dtype, v.shape)
        for i, row in enumerate(rows):
            text = row[6 + c]
            if text == "":
                assert math.isnan(v[i]), (run, name, i, v[i])
                nans += 1
            else:
                assert float(text) == v[i], (run, name, i, text, repr(v[i]))
    print("run", run, len(rows), "rows", len(columns), "columns", nans, "NaN")
maps = [k for k in z.files if k.startswith("maps/") and k.endswith("/map")]
if expect_maps:
    assert len(maps) >= 2, z.files
    for key in maps:
        m = z[key]
        base = key[: -len("map")]
        assert m.dtype == np.uint8 and m.ndim == 3 and m.shape[0] >= 1, (key, m.dtype, m.shape)
        assert z[base + "content_hash"].shape == (m.shape[0],)
        assert z[base + "image"].dtype.kind == "U"
        assert z[base + "flat"].dtype == np.bool_
        assert m.max() == 255, (key, m.max())  # each map is scaled to its maximum
else:
    assert not maps, maps
print("ok")
)PY";

/// Runs CompareScript with Debian's Python and NumPy.
QString compareNpz(const QString& scriptDir, const QString& npz, const QString& csvDir, bool maps)
{
    const QString script = QDir(scriptDir).filePath("compare.py");
    QFile file(script);
    if (!file.open(QIODevice::WriteOnly) || file.write(CompareScript) < 0)
        return QStringLiteral("cannot write the script");
    file.close();
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {script, npz, csvDir, maps ? QStringLiteral("maps") : QStringLiteral("none")});
    python.waitForFinished(120000);
    const QString out = QString::fromUtf8(python.readAllStandardOutput() + python.readAllStandardError());
    return python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0 && out.trimmed().endsWith("ok")
        ? QString()
        : out;
}

QImage grey(const QString& path) { return QImage(path).convertToFormat(QImage::Format_Grayscale8); }

} // namespace

class TestCliExport final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkpath("data/real");
        QDir(m_dir.path()).mkpath("data/fake");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), m_dir.filePath("data/real/ffhq_00001.png")));
        for (const char* face : {"stylegan1_000700", "stylegan2_000700", "stylegan3_seed278567"})
            QVERIFY(QFile::copy(reference(QStringLiteral("faces/%1.png").arg(face)),
                                m_dir.filePath(QStringLiteral("data/fake/%1.png").arg(face))));
        m_project = m_dir.filePath("p.saliscope");
        const QStringList common{"--dataset", m_dir.filePath("data"),
                                 "--model",   reference("models/tiny_densenet.pt"),
                                 "--model",   reference("models/tiny_resnet.pt"),
                                 "--set",     "noise.levels=0,0.5",
                                 "--batch",   "4",
                                 "--project", m_project};
        // Runs 1-3 by Grad-CAM (no annotations: annotation_mass is NaN), runs 4 (predictions) and
        // 5 (entropy) by Eigen-CAM.
        Run run = cli(QStringList{"measure", "predictions,entropy,noise"} + common
                      + QStringList{"--out", m_dir.filePath("out")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli(QStringList{"measure", "entropy", "--method", "eigencam"} + common
                  + QStringList{"--out", m_dir.filePath("out-eigen")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const Run listed = cli({"project", m_project});
        QVERIFY2(listed.out.contains("5    entropy      eigencam"), qPrintable(listed.out));
        for (int id = 1; id <= 5; ++id) {
            const QString csv = m_dir.filePath(QStringLiteral("run%1.csv").arg(id));
            const Run exported = cli({"export", m_project, "--run", QString::number(id), "-o", csv});
            QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        }
    }

    void csvIsStillTheDefault()
    {
        const QString csv = m_dir.filePath("format-csv.csv");
        const Run run = cli({"export", m_project, "--format", "csv", "--run", "2", "-o", csv});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile a(csv), b(m_dir.filePath("run2.csv"));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
    }

    void npzReloadsWithTheCsvValues_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("maps");
        QTest::newRow("all finished runs, maps") << QStringList{} << true;
        QTest::newRow("runs named, no maps") << QStringList{"--run", "2", "--run", "3", "--no-maps"} << false;
    }

    void npzReloadsWithTheCsvValues()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, maps);
        const QString npz = m_dir.filePath(QStringLiteral("export-%1.npz").arg(maps));
        const Run run = cli(QStringList{"export", m_project, "--format", "npz", "-o", npz} + options);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString problem = compareNpz(m_dir.path(), npz, m_dir.path(), maps);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void pngIsWhatCamWrites_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("upscaled");
        QTest::newRow("densenet, small") << "tiny_densenet" << false;
        QTest::newRow("resnet, upscaled") << "tiny_resnet" << true;
    }

    void pngIsWhatCamWrites()
    {
        QFETCH(QString, model);
        QFETCH(bool, upscaled);
        QTemporaryDir camOut, exportOut;
        const QStringList scale = upscaled ? QStringList{"--upscaled"} : QStringList{};
        Run run = cli(QStringList{"cam", "--model", reference("models/" + model + ".pt"), "--out", camOut.path()}
                      + scale + QStringList{m_dir.filePath("data")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cli(QStringList{"export", m_project, "--format", "png", "--method", "gradcam", "--model", model, "-o",
                              exportOut.path()}
                  + scale);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // Only the model asked for, only Grad-CAM.
        QCOMPARE(QDir(exportOut.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList{model});
        const QDir exported(exportOut.filePath(model + "/gradcam"));
        QCOMPARE(QDir(exportOut.filePath(model)).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList{"gradcam"});
        const QStringList names = QDir(camOut.path()).entryList({"*.png"}, QDir::Files, QDir::Name);
        QCOMPARE(names.size(), 4);
        QCOMPARE(exported.entryList({"*.png"}, QDir::Files, QDir::Name), names);
        for (const QString& name : names) {
            const QImage written = grey(exported.filePath(name));
            QVERIFY(!written.isNull());
            QCOMPARE(written.size(), upscaled ? QSize(224, 224) : grey(camOut.filePath(name)).size());
            QCOMPARE(written, grey(camOut.filePath(name)));
        }
        QFile index(exportOut.filePath("maps.csv"));
        QVERIFY(index.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(index.readAll()).trimmed().split('\n').size(), 5);
    }

    void pngWritesEachMethodOfTheProject()
    {
        QTemporaryDir out;
        const Run run = cli({"export", m_project, "--format", "png", "-o", out.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const char* model : {"tiny_densenet", "tiny_resnet"})
            for (const char* method : {"gradcam", "eigencam"})
                QCOMPARE(QDir(out.filePath(QStringLiteral("%1/%2").arg(model, method)))
                             .entryList({"*.png"}, QDir::Files)
                             .size(),
                         4);
        QVERIFY(grey(out.filePath("tiny_densenet/gradcam/ffhq_00001.png"))
                != grey(out.filePath("tiny_densenet/eigencam/ffhq_00001.png")));
    }

    void fiftyOneHasTheDocumentedLayout()
    {
        // FiftyOne's FiftyOneDataset import format (docs.voxel51.com, user_guide/import_datasets,
        // "FiftyOneDataset"): DIR/metadata.json and DIR/samples.json; without a "version" in the
        // metadata, samples.json is {"samples": [...]}, each sample a dict of fields with labels
        // serialised with their class in "_cls" (Classification: label, confidence; Heatmap:
        // map_path, range).
        const QString dir = m_dir.filePath("fiftyone");
        const Run run = cli({"export", m_project, "--format", "fiftyone", "-o", dir});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile metadataFile(dir + "/metadata.json");
        QVERIFY(metadataFile.open(QIODevice::ReadOnly));
        const QJsonObject metadata = QJsonDocument::fromJson(metadataFile.readAll()).object();
        QVERIFY(!metadata.contains("version"));
        QCOMPARE(metadata.value("media_type").toString(), QStringLiteral("image"));
        QCOMPARE(metadata.value("info").toObject().value("default_classes").toArray(), (QJsonArray{"real", "fake"}));
        QFile samplesFile(dir + "/samples.json");
        QVERIFY(samplesFile.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(samplesFile.readAll()).object();
        QCOMPARE(root.keys(), QStringList{"samples"});
        const QJsonArray samples = root.value("samples").toArray();
        QCOMPARE(samples.size(), 4);
        int heatmaps = 0;
        for (const QJsonValue& value : samples) {
            const QJsonObject sample = value.toObject();
            const QString filepath = sample.value("filepath").toString();
            QVERIFY2(QFileInfo(filepath).isAbsolute() && QFileInfo::exists(filepath), qPrintable(filepath));
            QVERIFY(sample.value("tags").isArray());
            const QString folder = QFileInfo(filepath).dir().dirName();
            const QJsonObject truth = sample.value("ground_truth").toObject();
            QCOMPARE(truth.value("_cls").toString(), QStringLiteral("Classification"));
            QCOMPARE(truth.value("label").toString(), folder);
            for (const char* model : {"tiny_densenet", "tiny_resnet"}) {
                const QJsonObject prediction = sample.value(QStringLiteral("prediction_%1").arg(model)).toObject();
                QCOMPARE(prediction.value("_cls").toString(), QStringLiteral("Classification"));
                QVERIFY(QSet<QString>({"real", "fake"}).contains(prediction.value("label").toString()));
                // The confidence is the run's score of the predicted class (the score setting:
                // sigmoid of the positive logit by default, so it may fall below 0.5).
                const double confidence = prediction.value("confidence").toDouble(-1);
                QVERIFY2(confidence >= 0 && confidence <= 1, qPrintable(QString::number(confidence)));
                const double score = prediction.value("score").toDouble(-1);
                QCOMPARE(prediction.value("label").toString() == "fake" ? score : 1 - score, confidence);
                QVERIFY(sample.value(QStringLiteral("entropy_gradcam_%1_normalized_entropy").arg(model)).isDouble());
                QVERIFY(sample.value(QStringLiteral("entropy_gradcam_%1_annotation_mass").arg(model)).isNull());
                for (const char* method : {"gradcam", "eigencam"}) {
                    const QJsonObject heatmap =
                        sample.value(QStringLiteral("heatmap_%1_%2").arg(model, method)).toObject();
                    QCOMPARE(heatmap.value("_cls").toString(), QStringLiteral("Heatmap"));
                    QCOMPARE(heatmap.value("range").toArray(), (QJsonArray{0, 255}));
                    const QString mapPath = heatmap.value("map_path").toString();
                    QVERIFY2(QFileInfo(mapPath).isAbsolute(), qPrintable(mapPath));
                    QCOMPARE(QFileInfo(mapPath).fileName(), QFileInfo(filepath).fileName());
                    const QImage map(mapPath);
                    QVERIFY2(!map.isNull() && map.isGrayscale(), qPrintable(mapPath));
                    ++heatmaps;
                }
            }
        }
        QCOMPARE(heatmaps, 4 * 2 * 2);
        // The Grad-CAM heatmaps are the png export's maps.
        QTemporaryDir png;
        QCOMPARE(cli({"export", m_project, "--format", "png", "-o", png.path()}).exitCode, 0);
        QCOMPARE(grey(dir + "/heatmaps/tiny_resnet/gradcam/ffhq_00001.png"),
                 grey(png.filePath("tiny_resnet/gradcam/ffhq_00001.png")));
    }

    void badInputFailsClearly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("fragment");
        const QString p = m_dir.filePath("p.saliscope");
        const QString file = m_dir.filePath("data/real/ffhq_00001.png");
        QTest::newRow("unknown format") << QStringList{"export", p, "--format", "hdf5", "-o", "x"} << 2
                                        << "unknown format hdf5: give csv, npz, fiftyone or png";
        QTest::newRow("missing run") << QStringList{"export", p,    "--format", "npz",
                                                    "--run",  "99", "-o",       m_dir.filePath("x.npz")}
                                     << 1 << "no run 99 in";
        QTest::newRow("missing run, csv")
            << QStringList{"export", p, "--run", "99", "-o", m_dir.filePath("x.csv")} << 1 << "no run 99";
        QTest::newRow("bad run id") << QStringList{"export", p, "--format", "png", "--run", "two", "-o", "x"} << 2
                                    << "--run takes a run id, not two";
        QTest::newRow("npz into a missing folder")
            << QStringList{"export", p, "--format", "npz", "--no-maps", "-o", "/nonexistent/folder/x.npz"} << 1
            << "cannot write /nonexistent/folder/x.npz: no such folder";
        QTest::newRow("folder below a file") << QStringList{"export", p, "--format", "png", "-o", file + "/maps"} << 1
                                             << "cannot create " + file + "/maps";
        QTest::newRow("fiftyone below a file")
            << QStringList{"export", p, "--format", "fiftyone", "--no-maps", "-o", file + "/fo"} << 1
            << "cannot create " + file + "/fo";
        QTest::newRow("unknown model") << QStringList{"export",  p,     "--format", "npz",
                                                      "--model", "vgg", "-o",       m_dir.filePath("x.npz")}
                                       << 1 << "no run exported has a model named vgg";
        QTest::newRow("unknown method") << QStringList{"export", p, "--format", "npz", "--method", "cam", "-o", "x"}
                                        << 2 << "unknown salience method";
        QTest::newRow("method without runs")
            << QStringList{"export", p, "--format", "npz", "--method", "scorecam", "-o", m_dir.filePath("x.npz")} << 1
            << "no run of the salience methods asked for";
        QTest::newRow("png without maps") << QStringList{"export", p, "--format", "png", "--no-maps", "-o", "x"} << 2
                                          << "--no-maps leaves nothing for --format png to write";
        QTest::newRow("csv with a model") << QStringList{"export", p, "--run", "1", "--model", "a", "-o", "x.csv"} << 2
                                          << "--model applies to --format npz, fiftyone and png, not csv";
        QTest::newRow("csv with two runs")
            << QStringList{"export", p, "--run", "1", "--run", "2", "-o", "x.csv"} << 2 << "a CSV holds one run";
        QTest::newRow("no output") << QStringList{"export", p, "--format", "fiftyone"} << 2
                                   << "give PROJECT and -o FOLDER";
        QTest::newRow("no project") << QStringList{"export", m_dir.filePath("none.saliscope"), "--format", "npz",
                                                   "-o",     m_dir.filePath("x.npz")}
                                    << 1 << "none.saliscope";
    }

    void badInputFailsClearly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, fragment);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(fragment), qPrintable(run.err));
        QVERIFY2(run.err.trimmed().split('\n').size() <= 2, qPrintable(run.err)); // one line (and a usage hint)
        QVERIFY(!QFile::exists(m_dir.filePath("x.npz")));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
