// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile but fair inputs to saliscope-cli: damaged project files, empty options, interrupted
// runs. The only acceptable outcomes are a correct result or a one-line error naming the file;
// never a crash, never a silently partial answer.

#include <QBuffer>
#include "tests/app/clirun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

#include <unistd.h>

namespace {

using saliscope::test::cli;
using saliscope::test::fixture;
using saliscope::test::reference;
using saliscope::test::Run;

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

/// A file's bytes; empty when it cannot be read.
QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
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

    void oneFailingImageIsSkippedNotTheRun()
    {
        // raises_on_dark.pt raises for stylegan1_000700 only. It aborted the run for every model
        // without naming the image, and a resume failed at the same image forever: the image is
        // skipped with the model's message, the others are measured, and a resume does the same.
        const QString project = m_dir.filePath("failing.saliscope");
        const QString out = m_dir.filePath("failing-out");
        const QString failing = QStringLiteral(SALISCOPE_FIXTURE_DIR "/raises_on_dark.pt");
        const QStringList arguments{"measure",   "entropy,noise",  "--dataset", m_dir.filePath("data"),
                                    "--model",   failing,          "--model",   reference("models/tiny_densenet.pt"),
                                    "--set",     "noise.levels=0", "--batch",   "3",
                                    "--project", project,          "--out",     out};
        for (int attempt = 0; attempt < 2; ++attempt) { // the first run, then a resume
            const Run run = cli(arguments);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY2(run.err.contains("stylegan1_000700.png: model raises_on_dark: ")
                         && run.err.contains("this model refuses images darker than its threshold"),
                     qPrintable(run.err));
            QVERIFY2(run.err.contains("with 2 models, 1 skipped"), qPrintable(run.err));
            QCOMPARE(csvRows(out + "/entropy.csv"), 4); // two images, two models
            QCOMPARE(csvRows(out + "/noise.csv"), 4);
            QFile summaryFile(out + "/summary.json");
            QVERIFY(summaryFile.open(QIODevice::ReadOnly));
            const QJsonArray skipped = QJsonDocument::fromJson(summaryFile.readAll())
                                           .object()
                                           .value("run")
                                           .toObject()
                                           .value("skipped")
                                           .toArray();
            QCOMPARE(skipped.size(), 1);
            QVERIFY(skipped[0].toObject().value("image").toString().endsWith("stylegan1_000700.png"));
            QVERIFY(skipped[0].toObject().value("reason").toString().startsWith("model raises_on_dark: "));
        }
    }

    void familyOfOneFileIsAUsageError()
    {
        // --family a=M.pt,M.pt made a family of one file, SSIM 1.0 everywhere.
        const QString model = reference("models/tiny_densenet.pt");
        const Run run = cli({"measure", "stability", "--dataset", m_dir.filePath("data"), "--family",
                             "a=" + model + "," + model, "--out", m_dir.filePath("family-out")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("names " + model + " twice"), qPrintable(run.err));
        QVERIFY(!QFile::exists(m_dir.filePath("family-out/stability.csv")));
    }

    void unknownDeviceIsAUsageError()
    {
        const QString model = reference("models/tiny_densenet.pt");
        const QList<QStringList> commands{{"measure", "entropy", "--dataset", m_dir.filePath("data"), "--model", model,
                                           "--out", m_dir.filePath("device-out")},
                                          {"info", "--model", model},
                                          {"cam", "--model", model, "--out", m_dir.filePath("device-cams"),
                                           m_dir.filePath("data")}};
        for (const QStringList& command : commands) {
            const Run run = cli(command + QStringList{"--device", "nonsense"});
            QVERIFY2(run.exitCode == 2, qPrintable(command.front() + ": " + run.err));
            QVERIFY2(run.err.contains("unknown device 'nonsense'"), qPrintable(run.err));
        }
    }

    void ssimWindowLargerThanTheMapIsNamed()
    {
        // features_head.pt has an 8x8 map: a 9-pixel window left every SSIM empty without a word.
        const QString model = QStringLiteral(SALISCOPE_FIXTURE_DIR "/features_head.pt");
        const Run run = cli({"measure", "noise", "--dataset", m_dir.filePath("data"), "--model", model, "--set",
                             "ssim.window=9", "--out", m_dir.filePath("window-out")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("ssim.window 9 is larger than the 8x8 Grad-CAM map of model features_head")
                     && run.err.contains(model) && run.err.contains("no larger than 7"),
                 qPrintable(run.err));
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
        QVERIFY(rawSql(project,
                       {"UPDATE results SET vals = x'0102' WHERE image_id = (SELECT min(image_id) FROM results)"}));

        const Run again = cli(measure("entropy", project));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("is damaged") && again.err.contains("damaged.saliscope"), qPrintable(again.err));

        const QString csv = m_dir.filePath("salvaged.csv");
        const Run exported = cli({"export", project, "--run", "1", "-o", csv});
        QCOMPARE(exported.exitCode, 1);
        QVERIFY2(exported.err.contains("1 result row(s) that do not match its columns"), qPrintable(exported.err));
        QCOMPARE(csvRows(csv), 2); // three images, one damaged row left out

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
        QVERIFY(rawSql(project,
                       {"DELETE FROM results WHERE image_id = (SELECT max(id) FROM images)",
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

    void nonFiniteOutputsAreNeverMeasured_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("NaN logits") << "nan_logits.pt";
        QTest::newRow("Inf logits") << "inf_logits.pt";
    }

    void nonFiniteOutputsAreNeverMeasured()
    {
        // A model whose logits are NaN or Inf was measured as valid (NaN scores read as class 0,
        // accuracy 0.6, perfect noise SSIM). Its images are not measured: they are named with
        // the reason, and no number is computed from them.
        QFETCH(QString, model);
        const QString out = m_dir.filePath("nonfinite-" + model);
        const Run run = cli({"measure", "entropy,noise", "--dataset", m_dir.filePath("data"), "--model", fixture(model),
                             "--set", "noise.levels=0,0.5", "--batch", "2", "--out", out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.err.count("the model gave non-finite logits (NaN or Inf)"), 3); // each image, named
        QVERIFY2(run.err.contains("0 images measured with 1 models, 3 skipped"), qPrintable(run.err));
        QVERIFY(csvRows(out + "/entropy.csv") <= 0); // no row: no number made from NaN
        QFile summaryFile(out + "/summary.json");
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const QJsonArray skipped =
            QJsonDocument::fromJson(summaryFile.readAll()).object().value("run").toObject().value("skipped").toArray();
        QCOMPARE(skipped.size(), 3);
        const Run cam = cli(
            {"cam", "--model", fixture(model), "--out", m_dir.filePath("cams-" + model), m_dir.filePath("data")});
        QVERIFY2(cam.err.contains("non-finite logits"), qPrintable(cam.err));
        QVERIFY(cam.exitCode != -1);
    }

    void corruptedProjectsGiveTheRightAnswerOrAClearError()
    {
        // A project corrupter: one page of the file overwritten with random bytes, over many
        // seeds. Each reader (project, export, a resumed measure with --out) must give exactly
        // the undamaged file's answer or exit 1 with a message; never crash, never answer less.
        const QString clean = m_dir.filePath("clean.saliscope");
        const QString cleanOut = m_dir.filePath("clean-out");
        QCOMPARE(cli(measure("entropy,noise", clean) + QStringList{"--out", cleanOut}).exitCode, 0);
        const Run listing = cli({"project", clean});
        QCOMPARE(listing.exitCode, 0);
        QVERIFY(cli({"export", clean, "--run", "2", "-o", m_dir.filePath("clean-2.csv")}).exitCode == 0);
        const QByteArray cleanExport = readAll(m_dir.filePath("clean-2.csv"));
        QFile cleanFile(clean);
        QVERIFY(cleanFile.open(QIODevice::ReadOnly));
        const QByteArray original = cleanFile.readAll();
        const int pageSize = 4096;
        const int pages = int(original.size() / pageSize);
        QVERIFY(pages > 4);
        int errors = 0, right = 0;
        for (quint32 seed = 1; seed <= 24; ++seed) {
            QRandomGenerator random(seed);
            QByteArray damaged = original;
            const int page = 1 + int(random.bounded(pages - 1)); // page 1 (the header) left whole
            const int start = int(random.bounded(pageSize - 64));
            const int length = 16 + int(random.bounded(pageSize - start - 16));
            for (int i = 0; i < length; ++i)
                damaged[page * pageSize + start + i] = char(random.bounded(256));
            const QString path = m_dir.filePath(QStringLiteral("damaged-%1.saliscope").arg(seed));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(damaged);
            file.close();
            const QString what = QStringLiteral("seed %1, page %2").arg(seed).arg(page);

            const Run listed = cli({"project", path});
            QVERIFY2(listed.exitCode == 0 || listed.exitCode == 1, qPrintable(what + ": " + listed.err));
            if (listed.exitCode == 0) {
                // Line 0 names the file; the rest must be the clean file's listing.
                QVERIFY2(listed.out.section('\n', 1) == listing.out.section('\n', 1),
                         qPrintable(what + ": listed\n" + listed.out + "\ninstead of\n" + listing.out));
                ++right;
            } else {
                QVERIFY2(!listed.err.trimmed().isEmpty() && !listed.err.trimmed().contains('\n'),
                         qPrintable(listed.err));
                ++errors;
            }
            const QString csv = m_dir.filePath(QStringLiteral("damaged-%1.csv").arg(seed));
            const Run exported = cli({"export", path, "--run", "2", "-o", csv});
            QVERIFY2(exported.exitCode == 0 || exported.exitCode == 1, qPrintable(what + ": " + exported.err));
            if (exported.exitCode == 0)
                QVERIFY2(readAll(csv) == cleanExport, qPrintable(what + ": export differs"));
            const QString out = m_dir.filePath(QStringLiteral("damaged-%1-out").arg(seed));
            const Run resumed = cli(measure("entropy,noise", path) + QStringList{"--out", out});
            QVERIFY2(resumed.exitCode == 0 || resumed.exitCode == 1, qPrintable(what + ": " + resumed.err));
            if (resumed.exitCode == 0)
                for (const char* name : {"entropy.csv", "noise.csv", "predictions.csv"})
                    QVERIFY2(readAll(out + "/" + name) == readAll(cleanOut + "/" + name),
                             qPrintable(what + ": " + name + " differs"));
        }
        qInfo("corrupted projects: %d listed as the clean one, %d refused with a message", right, errors);
    }

    void hostileImagesAreSkippedWithReasons()
    {
        // Issue 19, item 8: a truncated JPEG was measured as if whole, a GIF and a dangling link
        // vanished, a huge image decoded without limit. Each is skipped or listed with a one-line
        // reason naming it, counted among the skipped, and the whole images are measured.
        const QString data = m_dir.filePath("hostile");
        QDir(data).mkpath("real");
        QDir(data).mkpath("fake");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), data + "/real/ffhq_00001.png"));
        QVERIFY(QFile::copy(reference("faces/stylegan2_000700.png"), data + "/fake/stylegan2_000700.png"));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        QVERIFY(buffer.open(QIODevice::WriteOnly)
                && QImage(reference("faces/stylegan1_000700.png")).save(&buffer, "JPEG", 90));
        QFile cut(data + "/fake/cut.jpg");
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(jpeg.left(jpeg.size() / 2));
        cut.close();
        QFile gif(data + "/fake/dot.gif");
        QVERIFY(gif.open(QIODevice::WriteOnly));
        gif.write(QByteArray("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00"
                             "\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
                             43));
        gif.close();
        QVERIFY(QFile::link(data + "/real/moved-away.png", data + "/real/dangling.png"));
        QImage big(1000, 1000, QImage::Format_Mono); // 1 megapixel, a few KB as PNG
        big.fill(0);
        QVERIFY(big.save(data + "/real/big.png"));

        const QString out = m_dir.filePath("hostile-out");
        const Run run = cli({"measure", "entropy", "--dataset", data, "--model", reference("models/tiny_densenet.pt"),
                             "--set", "image.max_pixels=100000", "--out", out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("2 images measured with 1 models, 4 skipped"), qPrintable(run.err));
        const QJsonObject summary = QJsonDocument::fromJson(fileBytes(out + "/summary.json")).object();
        QMap<QString, QString> skipped;
        for (const auto& entry : summary.value("run").toObject().value("skipped").toArray())
            skipped[QFileInfo(entry.toObject().value("image").toString()).fileName()] =
                entry.toObject().value("reason").toString();
        QCOMPARE(skipped.keys(), (QStringList{"big.png", "cut.jpg", "dangling.png", "dot.gif"}));
        QVERIFY2(skipped["cut.jpg"].contains("cut.jpg is a truncated or damaged JPEG"), qPrintable(skipped["cut.jpg"]));
        QVERIFY2(skipped["dot.gif"].startsWith("not an image Saliscope reads (.gif"), qPrintable(skipped["dot.gif"]));
        QCOMPARE(skipped["dangling.png"], "dangling symbolic link (its target does not exist)");
        QVERIFY2(skipped["big.png"].contains("big.png is 1000 x 1000 pixels, more than the decoding limit of 100000"),
                 qPrintable(skipped["big.png"]));
        QCOMPARE(csvRows(out + "/entropy.csv"), 2);
        for (const QString& name : skipped.keys()) // each named on standard error, one line each
            QVERIFY2(run.err.contains(name), qPrintable(name));

        const Run listed = cli({"measure", "--list-parameters"});
        QVERIFY2(listed.out.contains("image.max_pixels=64000000"), qPrintable(listed.out + listed.err));
        const Run bad = cli({"measure", "entropy", "--dataset", data, "--model", reference("models/tiny_densenet.pt"),
                             "--set", "image.max_pixels=lots"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("image.max_pixels"), qPrintable(bad.err));
    }

    void manifestLabelsOutsideTheModelAndDuplicatesAreSkipped()
    {
        // A label 7 for a two-class model was accepted (a 3x3 confusion matrix), and a duplicate
        // row was measured twice without a word. Both are skipped with the row or file named.
        const QString manifest = m_dir.filePath("labels.csv");
        QFile file(manifest);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("path,label\n%1,0\n%2,1\n%1,0\n%3,7\n")
                       .arg(reference("faces/ffhq_00001.png"), reference("faces/stylegan1_000700.png"),
                            reference("faces/stylegan2_000700.png"))
                       .toUtf8());
        file.close();
        const QString out = m_dir.filePath("labels-out");
        const Run run = cli({"measure", "entropy", "--dataset", manifest, "--model",
                             reference("models/tiny_densenet.pt"), "--out", out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("2 images measured with 1 models, 2 skipped"), qPrintable(run.err));
        QVERIFY2(run.err.contains("labels.csv:4: duplicate row for"), qPrintable(run.err));
        QVERIFY2(run.err.contains("stylegan2_000700.png: label 7 is not a class of model tiny_densenet (classes 0..1)"),
                 qPrintable(run.err));
        const QJsonObject summary = QJsonDocument::fromJson(fileBytes(out + "/summary.json")).object();
        QCOMPARE(summary.value("run").toObject().value("skipped").toArray().size(), 2);
        int matrices = 0;
        std::function<void(const QJsonValue&)> visit = [&](const QJsonValue& value) {
            const QJsonObject object = value.toObject();
            if (object.contains("rows_true_columns_predicted")) {
                ++matrices;
                QCOMPARE(object.value("classes").toArray(), (QJsonArray{0, 1}));
                QCOMPARE(object.value("rows_true_columns_predicted").toArray().size(), 2);
            }
            for (const auto& child : object)
                visit(child);
            for (const auto& item : value.toArray())
                visit(item);
        };
        visit(summary);
        QVERIFY(matrices > 0);
    }

    void missingAnnotationFolderIsAnError()
    {
        const Run run = cli({"measure", "entropy", "--dataset", m_dir.filePath("data"), "--model",
                             reference("models/tiny_densenet.pt"), "--annotations", m_dir.filePath("no-annotations"),
                             "--out", m_dir.filePath("annotations-out")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.trimmed()
                     == "saliscope-cli measure: no such annotation folder: " + m_dir.filePath("no-annotations"),
                 qPrintable(run.err));
        QVERIFY(!QFile::exists(m_dir.filePath("annotations-out/summary.json")));
    }

    void olderProjectIsUpgradedOnRequest()
    {
        // A project of schema 3 (before the scan's set-aside entries were kept): the reading
        // commands refuse it with a message naming the one command that upgrades it, which then
        // keeps every run and row.
        const QString project = m_dir.filePath("older.saliscope");
        QCOMPARE(cli(measure("entropy", project)).exitCode, 0);
        const QString csv = m_dir.filePath("older-before.csv");
        QCOMPARE(cli({"export", project, "--run", "2", "-o", csv}).exitCode, 0);
        QVERIFY(rawSql(project,
                       {"DROP TABLE dataset_problems", "ALTER TABLE images DROP COLUMN mask",
                        "UPDATE schema_version SET version = 3"}));

        for (const QStringList& reader : {QStringList{"project", project},
                                          QStringList{"export", project, "--run", "2", "-o", m_dir.filePath("o.csv")},
                                          QStringList{"report", project, "-o", m_dir.filePath("older.pdf")}}) {
            const Run refused = cli(reader);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains("older Saliscope (schema version 3)")
                         && refused.err.contains("saliscope-cli project --upgrade " + project),
                     qPrintable(refused.err));
        }
        const Run upgraded = cli({"project", "--upgrade", project});
        QCOMPARE(upgraded.exitCode, 0);
        QVERIFY2(upgraded.out.contains("(schema 5)"), qPrintable(upgraded.out));
        QCOMPARE(cli({"project", project}).exitCode, 0);
        const QString after = m_dir.filePath("older-after.csv");
        QCOMPARE(cli({"export", project, "--run", "2", "-o", after}).exitCode, 0);
        QCOMPARE(readAll(after), readAll(csv));

        // A file that cannot be written cannot be upgraded: said, and left as it was.
        if (::geteuid() == 0)
            QSKIP("running as root, for whom a read-only file can still be written");
        QVERIFY(rawSql(project,
                       {"DROP TABLE dataset_problems", "ALTER TABLE images DROP COLUMN mask",
                        "UPDATE schema_version SET version = 3"}));
        QFile::setPermissions(project, QFileDevice::ReadOwner);
        const Run readOnly = cli({"project", "--upgrade", project});
        QFile::setPermissions(project, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(readOnly.exitCode, 1);
        QVERIFY2(readOnly.err.contains("cannot upgrade"), qPrintable(readOnly.err));
    }

private:
    static QByteArray readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
    }

    QStringList measure(const QString& measures, const QString& project) const
    {
        return {"measure",   measures,
                "--dataset", m_dir.filePath("data"),
                "--model",   reference("models/tiny_densenet.pt"),
                "--set",     "noise.levels=0,0.5",
                "--batch",   "1",
                "--project", project};
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
