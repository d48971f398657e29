// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-cli as a user runs it: exit codes, one-line errors, and the maps it writes.

#include "tests/app/clirun.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdio>

namespace {

using saliscope::test::fixture;
using saliscope::test::reference;
using saliscope::test::Run;

Run cli(const QStringList& arguments) { return saliscope::test::cli(arguments, 120000); }

} // namespace

class TestCli final : public QObject {
    Q_OBJECT

private slots:
    void versionAndHelp_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("version") << QStringList{"--version"} << "saliscope-cli 0.1.0";
        QTest::newRow("version licence") << QStringList{"--version"}
                                         << "License GPL-3.0-or-later: GNU GPL version 3 or later";
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
        QTest::newRow("cam without model")
            << QStringList{"cam", "--out", "/tmp/x", "a.png"} << 2 << "--model is required";
        QTest::newRow("unknown option") << QStringList{"info", "--bogus"} << 2 << "bogus";
        QTest::newRow("text model") << QStringList{"info", "--model", fixture("text.pt")} << 1
                                    << "not a TorchScript archive";
        QTest::newRow("bad batch") << QStringList{"cam", "--model", "m.pt", "--out", "o", "--batch", "0", "x.png"} << 2
                                   << "--batch";
        QTest::newRow("unknown method") << QStringList{"cam",      "--model",          "m.pt", "--out", "o",
                                                       "--method", "gradcam,saliency", "x.png"}
                                        << 2 << "unknown salience method 'saliency'";
        QTest::newRow("measure: unknown method")
            << QStringList{"measure", "entropy", "--dataset", "x", "--model", "m.pt", "--out", "o", "--method", "cam"}
            << 2 << "unknown salience method 'cam'";
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
        QVERIFY(run.out.contains("output         2 logits (softmax)"));
        const Run oneLogit = cli({"info", "--model", fixture("one_logit.pt")});
        QCOMPARE(oneLogit.exitCode, 0);
        QVERIFY2(oneLogit.out.contains("output         one logit z (sigmoid): synthetic when z > 0"),
                 qPrintable(oneLogit.out));
        QVERIFY(oneLogit.out.contains("classes        real, synthetic (positive: synthetic)"));
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

    void camWritesOneFolderPerMethodFromOnePass()
    {
        QTemporaryDir out;
        const Run run = cli({"cam", "--model", reference("models/tiny_densenet.pt"), "--upscaled", "--method",
                             "gradcam,eigencam", "--out", out.path(), reference("faces")});
        QCOMPARE(run.exitCode, 0);
        // The Grad-CAM folder holds the reference maps, as a one-method run writes them.
        QImage gradCam(out.filePath("gradcam/ffhq_00001.png"));
        QImage expected(reference("gradcam/tiny_densenet__ffhq_00001__upscaled.png"));
        QCOMPARE(gradCam.convertToFormat(QImage::Format_Grayscale8),
                 expected.convertToFormat(QImage::Format_Grayscale8));
        QImage eigen(out.filePath("eigencam/ffhq_00001.png"));
        QVERIFY(!eigen.isNull());
        QVERIFY(eigen.convertToFormat(QImage::Format_Grayscale8)
                != expected.convertToFormat(QImage::Format_Grayscale8));
        QVERIFY(QFile::exists(out.filePath("gradcam/cams.csv")));
        QVERIFY(QFile::exists(out.filePath("eigencam/cams.csv")));
        QVERIFY(!QFile::exists(out.filePath("cams.csv")));
    }

    void measureRunsEachMethodIntoItsFolder()
    {
        QTemporaryDir out;
        QTemporaryDir data;
        QDir(data.path()).mkpath("real");
        QDir(data.path()).mkpath("fake");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), data.filePath("real/ffhq_00001.png")));
        QVERIFY(QFile::copy(reference("faces/stylegan2_000700.png"), data.filePath("fake/stylegan2_000700.png")));
        const Run run = cli({"measure", "entropy,sanity", "--dataset", data.path(), "--model",
                             reference("models/tiny_resnet.pt"), "--method", "gradcam,hirescam", "--set",
                             "sanity.steps=2", "--out", out.path()});
        QCOMPARE(run.exitCode, 0);
        for (const char* method : {"gradcam", "hirescam"}) {
            const QString folder = out.filePath(QString::fromLatin1(method));
            QVERIFY(QFile::exists(folder + "/entropy.csv"));
            QFile sanity(folder + "/sanity.csv");
            QVERIFY(sanity.open(QIODevice::ReadOnly));
            const QStringList lines = QString::fromUtf8(sanity.readAll()).split('\n', Qt::SkipEmptyParts);
            QCOMPARE(lines.front(), QStringLiteral("image,label,model,step,depth,randomised,ssim_small,spearman,flat"));
            QCOMPARE(lines.size(), 1 + 2 * 3); // two images, two steps and the random-logit test
            QFile summaryFile(folder + "/summary.json");
            QVERIFY(summaryFile.open(QIODevice::ReadOnly));
            const QJsonObject summary = QJsonDocument::fromJson(summaryFile.readAll()).object();
            QCOMPARE(summary["run"].toObject()["method"].toString(), QString::fromLatin1(method));
            QVERIFY(summary["models"].toObject()["tiny_resnet"].toObject().contains("sanity"));
        }
    }

    void faithfulnessCurvesAndLocalisationAgreeWithThemselves()
    {
        QTemporaryDir out;
        QTemporaryDir data;
        for (const char* folder : {"real", "fake", "masks", "annotations"})
            QDir(data.path()).mkpath(folder);
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), data.filePath("real/ffhq_00001.png")));
        QVERIFY(QFile::copy(reference("faces/stylegan2_000700.png"), data.filePath("fake/stylegan2_000700.png")));
        // An artefact mask for the fake image only (of another size than the input: it is resized),
        // and a human annotation for both.
        QImage mask(100, 60, QImage::Format_Grayscale8);
        mask.fill(0);
        for (int y = 10; y < 40; ++y)
            for (int x = 0; x < 50; ++x)
                mask.setPixel(x, y, qRgb(255, 255, 255));
        QVERIFY(mask.save(data.filePath("masks/stylegan2_000700.png")));
        QVERIFY(mask.save(data.filePath("annotations/stylegan2_000700.png")));
        QVERIFY(mask.mirrored(true, false).save(data.filePath("annotations/ffhq_00001.png")));
        const Run run = cli({"measure", "entropy,deletion,insertion,road,localisation", "--dataset", data.path(),
                             "--annotations", data.filePath("annotations"), "--masks", data.filePath("masks"),
                             "--model", reference("models/tiny_resnet.pt"), "--set", "curves.steps=4", "--set",
                             "curves.baseline=constant", "--set", "road.noise=0", "--out", out.path()});
        QCOMPARE(run.exitCode, 0);
        auto table = [&](const char* name) {
            QFile file(out.filePath(QString::fromLatin1(name) + ".csv"));
            QList<QStringList> rows;
            if (file.open(QIODevice::ReadOnly))
                for (const QString& line : QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts))
                    rows.append(line.split(','));
            return rows;
        };
        const auto deletion = table("deletion");
        const auto insertion = table("insertion");
        const auto road = table("road");
        QCOMPARE(deletion.front().join(','), QStringLiteral("image,label,model,step,fraction,probability,auc,flat"));
        QCOMPARE(road.front().join(','),
                 QStringLiteral("image,label,model,step,fraction,morf,lerf,morf_auc,lerf_auc,flat"));
        QCOMPARE(deletion.size(), 1 + 2 * 5); // two images, steps 0..4
        QCOMPARE(insertion.size(), deletion.size());
        QCOMPARE(road.size(), deletion.size());
        // Rows are step-major: row 1 + 2s + i is step s of image i in every table.
        auto value = [](const QList<QStringList>& rows, int step, int image, int column) {
            return rows[1 + 2 * step + image][column].toDouble();
        };
        for (int image = 0; image < 2; ++image) {
            // Step 0 of deletion and ROAD and step 4 of insertion are the clean image; deletion's
            // last step and insertion's first are the all-constant image.
            const double clean = value(deletion, 0, image, 5);
            QVERIFY(clean >= 0.5 && clean <= 1.0); // the predicted class's probability
            QCOMPARE(value(insertion, 4, image, 5), clean);
            QCOMPARE(value(road, 0, image, 5), clean);
            QCOMPARE(value(road, 0, image, 6), clean);
            QCOMPARE(value(deletion, 4, image, 5), value(insertion, 0, image, 5));
            QCOMPARE(value(road, 4, image, 5), value(road, 4, image, 6)); // all imputed: the same image
            // The image's area is the trapezoid over its five steps, on each of its rows.
            for (const auto* rows : {&deletion, &insertion}) {
                double area = 0;
                for (int step = 0; step < 4; ++step)
                    area += (value(*rows, step, image, 5) + value(*rows, step + 1, image, 5)) / 2 / 4;
                for (int step = 0; step <= 4; ++step)
                    QVERIFY(std::fabs(value(*rows, step, image, 6) - area) < 1e-9); // CSVs print 10 digits
            }
        }
        // Localisation: relevance mass against the annotation is entropy's annotation_mass; the
        // real image has no artefact mask (empty values), the fake one has all four in [0, 1].
        const auto entropy = table("entropy");
        const auto localisation = table("localisation");
        QCOMPARE(localisation.front().join(','),
                 QStringLiteral("image,label,model,annotation_pointing,annotation_mass,annotation_rank,annotation_auc,"
                                "mask_pointing,mask_mass,mask_rank,mask_auc,flat"));
        QCOMPARE(localisation.size(), 3);
        for (int row = 1; row <= 2; ++row) {
            QCOMPARE(localisation[row][0], entropy[row][0]);
            QCOMPARE(localisation[row][4].toDouble(), entropy[row][6].toDouble());
            const bool fake = localisation[row][0].contains("stylegan2");
            for (int column = 7; column <= 10; ++column) {
                QCOMPARE(localisation[row][column].isEmpty(), !fake);
                if (fake)
                    QVERIFY(localisation[row][column].toDouble() >= 0 && localisation[row][column].toDouble() <= 1);
            }
        }
        QFile summaryFile(out.filePath("summary.json"));
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const QJsonObject model =
            QJsonDocument::fromJson(summaryFile.readAll()).object()["models"].toObject()["tiny_resnet"].toObject();
        const QJsonObject morf = model["road"].toObject()["curves"].toObject()["morf"].toObject();
        QCOMPARE(morf["steps"].toArray().size(), 5);
        QVERIFY(std::fabs(morf["steps"].toArray()[0].toObject()["mean"].toDouble()
                          - (value(road, 0, 0, 5) + value(road, 0, 1, 5)) / 2)
                < 1e-9);
        QCOMPARE(model["localisation"].toObject()["mask_auc"].toObject()["count"].toDouble(), 1.0);
    }

    void entropyOfTheAuthorsMap()
    {
        const Run run = cli({"entropy", reference("entropy/authors_cam_ffhq_00001_densenet121_cyborg_run1.png")});
        QCOMPARE(run.exitCode, 0);
        const auto lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QStringLiteral("map,entropy_bits,normalized_entropy,spatial_entropy,error"));
        const auto fields = lines[1].split(',');
        QVERIFY(std::fabs(fields[1].toDouble() - 3.0413138289240225) < 1e-10); // 12 significant digits printed
        QVERIFY(std::fabs(fields[2].toDouble() - 0.5416689220568773) < 1e-11);
    }

    void ssimOfTwoFolders()
    {
        QTemporaryDir a, b;
        for (const char* face : {"ffhq_00001", "stylegan3_seed278567"}) {
            QFile::copy(reference(QStringLiteral("gradcam/tiny_densenet__%1__small.png").arg(face)),
                        a.filePath(QStringLiteral("%1.png").arg(face)));
            QFile::copy(reference(QStringLiteral("gradcam/tiny_resnet__%1__small.png").arg(face)),
                        b.filePath(QStringLiteral("%1.png").arg(face)));
        }
        const QString out = a.filePath("ssim.csv");
        const Run run = cli({"ssim", a.path(), b.path(), "-o", out});
        QCOMPARE(run.exitCode, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto lines = QString::fromUtf8(file.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[1].startsWith("ffhq_00001,0.15438447434"), qPrintable(lines[1])); // 0.15438447434693822
    }

    void noiseAtZeroIsTheRoundTrip()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("noisy.png");
        QCOMPARE(cli({"noise", reference("faces/ffhq_00001.png"), "--amount", "0", "--seed", "3", "-o", out}).exitCode,
                 0);
        const QImage in = QImage(reference("faces/ffhq_00001.png")).convertToFormat(QImage::Format_RGB888);
        const QImage noisy = QImage(out).convertToFormat(QImage::Format_RGB888);
        QCOMPARE(noisy.size(), in.size());
        // The authors' float round trip lowers exactly 24 values by one (noise/expected.json).
        QFile json(reference("noise/expected.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const auto roundTrip = QJsonDocument::fromJson(json.readAll()).object().value("roundtrip").toArray();
        for (int y = 0; y < in.height(); ++y)
            for (int x = 0; x < in.width() * 3; ++x)
                QCOMPARE(int(noisy.constScanLine(y)[x]), roundTrip[in.constScanLine(y)[x]].toInt());
    }

    void transformTwiceIsIdentity()
    {
        QTemporaryDir dir;
        const QString once = dir.filePath("once.png"), twice = dir.filePath("twice.png");
        QCOMPARE(cli({"transform", reference("faces/stylegan1_000700.png"), "--kind", "tb", "-o", once}).exitCode, 0);
        QCOMPARE(cli({"transform", once, "--kind", "tb", "-o", twice}).exitCode, 0);
        QCOMPARE(QImage(twice).convertToFormat(QImage::Format_RGB888),
                 QImage(reference("faces/stylegan1_000700.png")).convertToFormat(QImage::Format_RGB888));
        QVERIFY(QImage(once).convertToFormat(QImage::Format_RGB888)
                != QImage(twice).convertToFormat(QImage::Format_RGB888));
        QCOMPARE(cli({"transform", once, "--kind", "spin", "-o", twice}).exitCode, 2);
    }

    void degradeMatchesTheReference()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("object.png");
        const Run run = cli({"degrade", reference("faces/ffhq_00001.png"), "--map",
                             reference("gradcam/tiny_densenet__ffhq_00001__upscaled.png"), "--mode", "object", "-o",
                             out});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QImage(out).convertToFormat(QImage::Format_RGB888),
                 QImage(reference("degradation/tiny_densenet__ffhq_00001__object.png"))
                     .convertToFormat(QImage::Format_RGB888));
    }

    void measureAllEndToEnd()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("data/real");
        QDir(dir.path()).mkpath("data/fake");
        QFile::copy(reference("faces/ffhq_00001.png"), dir.filePath("data/real/ffhq_00001.png"));
        QFile::copy(reference("faces/stylegan2_000700.png"), dir.filePath("data/fake/stylegan2_000700.png"));
        const QString out = dir.filePath("out");
        const Run run = cli({"measure", "all", "--dataset", dir.filePath("data"), "--model",
                             reference("models/tiny_densenet.pt"), "--model", reference("models/tiny_resnet.pt"),
                             "--set", "noise.levels=0,0.5", "--batch", "2", "--out", out});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QMap<QString, int> rows{{"predictions", 4}, {"entropy", 4},   {"noise", 8},
                                      {"transforms", 48}, {"stability", 2}, {"degradation", 8}};
        for (auto it = rows.begin(); it != rows.end(); ++it) {
            QFile csv(out + "/" + it.key() + ".csv");
            QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(it.key()));
            QCOMPARE(QString::fromUtf8(csv.readAll()).trimmed().split('\n').size(), it.value() + 1);
        }
        QFile summaryFile(out + "/summary.json");
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const auto summary = QJsonDocument::fromJson(summaryFile.readAll()).object();
        QCOMPARE(summary.value("run")
                     .toObject()
                     .value("parameters")
                     .toObject()
                     .value("noise")
                     .toObject()
                     .value("levels")
                     .toArray()
                     .size(),
                 2);
        QVERIFY(summary.value("scorecard").toObject().contains("tiny_resnet"));
        QVERIFY(summary.value("families").toObject().contains("all models"));
    }

    void measureAllWithOneModelSkipsStability()
    {
        // "all" is every measure that applies: one model has no family, so stability is left out
        // with its reason (stderr and summary.json) and the other four run; named explicitly,
        // stability is still an error.
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("data/real");
        QFile::copy(reference("faces/ffhq_00001.png"), dir.filePath("data/real/ffhq_00001.png"));
        const QStringList common{"--dataset", dir.filePath("data"), "--model", reference("models/tiny_densenet.pt"),
                                 "--set",     "noise.levels=0,0.5", "--batch", "1"};
        const QString out = dir.filePath("out");
        const Run run = cli(QStringList{"measure", "all"} + common
                            + QStringList{"--out", out, "--project", dir.filePath("p.saliscope")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("stability skipped: stability compares the maps of a family's models, and this run "
                                  "has 1 model"),
                 qPrintable(run.err));
        for (const char* measure : {"predictions", "entropy", "noise", "transforms", "degradation"})
            QVERIFY2(QFile::exists(out + "/" + measure + ".csv"), measure);
        QVERIFY(!QFile::exists(out + "/stability.csv"));
        QFile summaryFile(out + "/summary.json");
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const auto run_ = QJsonDocument::fromJson(summaryFile.readAll()).object().value("run").toObject();
        QCOMPARE(run_.value("measures").toArray(), QJsonArray({"entropy", "noise", "transforms", "degradation"}));
        const QJsonArray skipped = run_.value("skipped_measures").toArray();
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(skipped.at(0).toObject().value("measure").toString(), QStringLiteral("stability"));

        const Run named = cli(QStringList{"measure", "entropy,stability"} + common
                              + QStringList{"--out", dir.filePath("named")});
        QCOMPARE(named.exitCode, 1);
        QVERIFY2(named.err.contains("stability needs a family of at least two models"), qPrintable(named.err));
    }

    void fileNamesThatAreNotUtf8AreSkippedWithAReason()
    {
        // Issue 19: a name with a stray byte was stored with U+FFFD in its place and never opened
        // again. It is skipped and counted, named with the byte escaped, in the project's runs
        // as in summary.json.
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("data/real");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), dir.filePath("data/real/ffhq_00001.png")));
        const std::string bad = dir.filePath("data/real/").toStdString() + "bad\xff.png";
        {
            QFile source(reference("faces/stylegan1_000700.png"));
            QVERIFY(source.open(QIODevice::ReadOnly));
            const QByteArray bytes = source.readAll();
            std::FILE* file = std::fopen(bad.c_str(), "wb");
            if (!file)
                QSKIP("this file system refuses names that are not UTF-8");
            const bool written = std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), file)
                == std::size_t(bytes.size());
            QVERIFY(std::fclose(file) == 0 && written);
        }
        const QString out = dir.filePath("out");
        const Run run = cli({"measure", "entropy", "--dataset", dir.filePath("data"), "--model",
                             reference("models/tiny_densenet.pt"), "--out", out, "--project",
                             dir.filePath("p.saliscope")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString named = dir.filePath("data/real/bad\\xFF.png");
        QVERIFY2(run.err.contains(named + ": file name is not valid UTF-8; rename it"), qPrintable(run.err));
        QVERIFY2(run.err.contains("1 images measured with 1 models, 1 skipped"), qPrintable(run.err));
        QFile summaryFile(out + "/summary.json");
        QVERIFY(summaryFile.open(QIODevice::ReadOnly));
        const QJsonArray skipped =
            QJsonDocument::fromJson(summaryFile.readAll()).object().value("run").toObject().value("skipped").toArray();
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(skipped.at(0).toObject().value("image").toString(), named);
        QCOMPARE(skipped.at(0).toObject().value("reason").toString(), "file name is not valid UTF-8; rename it");
        QFile csv(out + "/entropy.csv");
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()).trimmed().split('\n').size(), 1 + 1); // the readable image
    }

    void measureTakesMetadataPerModel()
    {
        // --model-metadata gives one model its metadata (here a CAM layer of the 14x14 map):
        // the run uses it and the project records it; the other model keeps its own.
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("data/real");
        QFile::copy(reference("faces/ffhq_00001.png"), dir.filePath("data/real/ffhq_00001.png"));
        QFile json(dir.filePath("custom.json"));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(R"({"input_size": [224, 224], "cam_layer": "body.1"})");
        json.close();
        const QString project = dir.filePath("p.saliscope");
        const Run run = cli({"measure", "entropy", "--dataset", dir.filePath("data"), "--model",
                             fixture("custom_named.pt"), "--model", reference("models/tiny_resnet.pt"),
                             "--model-metadata", fixture("custom_named.pt") + "=" + json.fileName(), "--project",
                             project});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const Run listing = cli({"project", project});
        QVERIFY2(listing.out.contains("custom_named.pt  named-layer, CAM layer body.1,"), qPrintable(listing.out));
        QVERIFY(listing.out.contains("tiny_resnet.pt  resnet, CAM layer layer4,"));

        const Run stranger = cli({"measure", "entropy", "--dataset", dir.filePath("data"), "--model",
                                  fixture("custom_named.pt"), "--model-metadata", "other.pt=" + json.fileName(),
                                  "--out", dir.filePath("out")});
        QCOMPARE(stranger.exitCode, 2);
        QVERIFY2(stranger.err.contains("--model-metadata names other.pt, which no --model or --family gives"),
                 qPrintable(stranger.err));
        const Run unreadable = cli({"measure", "entropy", "--dataset", dir.filePath("data"), "--model",
                                    fixture("custom_named.pt"), "--model-metadata",
                                    fixture("custom_named.pt") + "=" + dir.filePath("missing.json"), "--out",
                                    dir.filePath("out")});
        QCOMPARE(unreadable.exitCode, 1);
        QVERIFY2(unreadable.err.contains("missing.json"), qPrintable(unreadable.err));
    }

    void measureRefusesBadParameters()
    {
        const Run run = cli(
            {"measure", "entropy", "--dataset", "x", "--model", "m.pt", "--set", "noise.levels=2", "--out", "o"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("[0, 1]"));
        QCOMPARE(cli({"measure", "colour", "--dataset", "x", "--model", "m.pt", "--out", "o"}).exitCode, 2);
        const Run missing = cli(
            {"measure", "entropy", "--dataset", "/nonexistent", "--model", "m.pt", "--out", "/tmp/o"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("no such dataset"));
    }

    void killedRunResumesToTheSameResult()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("data/fake");
        // 40 different images (each reference face turned four ways, as it is and mirrored): with
        // 5, an idle machine finished the run before the kill arrived.
        for (const char* face :
             {"ffhq_00001", "stylegan1_000700", "stylegan2_000700", "stylegan2ada_seed81155", "stylegan3_seed278567"}) {
            const QImage image(reference(QStringLiteral("faces/%1.png").arg(face)));
            QVERIFY(!image.isNull());
            for (int k = 0; k < 8; ++k) {
                const QImage turned = image.transformed(QTransform().rotate(90 * (k % 4))).mirrored(k >= 4, false);
                QVERIFY(turned.save(dir.filePath(QStringLiteral("data/fake/%1_%2.png").arg(face).arg(k))));
            }
        }
        const QStringList common{"measure",   "entropy",
                                 "--dataset", dir.filePath("data"),
                                 "--model",   reference("models/tiny_densenet.pt"),
                                 "--batch",   "1"};
        // Uninterrupted run.
        const QString whole = dir.filePath("whole.saliscope");
        QCOMPARE(cli(common + QStringList{"--project", whole}).exitCode, 0);
        // Killed with SIGKILL once two images are committed, then resumed.
        const QString killed = dir.filePath("killed.saliscope");
        QProcess child;
        child.start(QStringLiteral(SALISCOPE_CLI), common + QStringList{"--project", killed});
        QVERIFY(child.waitForStarted());
        QByteArray err;
        while (!err.contains("2/40 images") && child.state() == QProcess::Running) {
            child.waitForReadyRead(100);
            err += child.readAllStandardError();
        }
        QVERIFY2(child.state() == QProcess::Running, "the run ended before it could be killed");
        child.kill(); // SIGKILL
        child.waitForFinished();
        const Run listing = cli({"project", killed});
        QCOMPARE(listing.exitCode, 0);
        QVERIFY2(listing.out.contains("running"), qPrintable(listing.out)); // the killed run never finished
        const Run resumed = cli(common + QStringList{"--project", killed});
        QCOMPARE(resumed.exitCode, 0);
        QVERIFY2(resumed.err.contains("images already done"), qPrintable(resumed.err));
        QVERIFY(!resumed.err.contains(" 0 images already done"));
        // Same rows as the uninterrupted run (run 2 is entropy in both projects).
        QCOMPARE(cli({"export", whole, "--run", "2", "-o", dir.filePath("whole.csv")}).exitCode, 0);
        QCOMPARE(cli({"export", killed, "--run", "2", "-o", dir.filePath("killed.csv")}).exitCode, 0);
        QFile a(dir.filePath("whole.csv")), b(dir.filePath("killed.csv"));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        auto lines = [](QFile& f) {
            QStringList l = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
            l.sort();
            return l;
        };
        const QStringList wholeLines = lines(a);
        QCOMPARE(wholeLines.size(), 41); // the header and 40 images
        QCOMPARE(lines(b), wholeLines);
    }

    void shardsMergeIntoOneProject()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath("data/real");
        QDir(dir.path()).mkpath("data/fake");
        QFile::copy(reference("faces/ffhq_00001.png"), dir.filePath("data/real/ffhq_00001.png"));
        for (const char* face : {"stylegan1_000700", "stylegan2_000700", "stylegan3_seed278567"})
            QFile::copy(reference(QStringLiteral("faces/%1.png").arg(face)),
                        dir.filePath(QStringLiteral("data/fake/%1.png").arg(face)));
        QStringList shards;
        for (int k = 1; k <= 2; ++k) {
            const QString project = dir.filePath(QStringLiteral("shard%1.saliscope").arg(k));
            const Run run = cli({"measure", "entropy", "--dataset", dir.filePath("data"), "--model",
                                 reference("models/tiny_resnet.pt"), "--project", project, "--shard",
                                 QStringLiteral("%1/2").arg(k)});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            shards << project;
        }
        const QString merged = dir.filePath("merged.saliscope");
        QCOMPARE(cli(QStringList{"merge", merged} + shards).exitCode, 0);
        const Run again = cli(QStringList{"merge", merged} + shards); // idempotent
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.err.contains("0 results added"));
        QCOMPARE(cli({"export", merged, "--run", "2", "-o", dir.filePath("merged.csv")}).exitCode, 0);
        QFile csv(dir.filePath("merged.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()).trimmed().split('\n').size(), 1 + 4);
        QCOMPARE(cli({"merge", merged, merged}).exitCode, 2);
        QCOMPARE(cli({"measure", "entropy", "--dataset", dir.filePath("data"), "--model", "m.pt", "--out", "o",
                      "--shard", "1/2"})
                     .exitCode,
                 2); // --shard needs --project
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
