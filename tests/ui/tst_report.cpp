// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF review report on a tiny project (two reference models as one family, the five
// reference faces and one unreadable file), checked with poppler's pdftotext, pdfimages,
// pdffonts and pdfinfo: sections, model names, skipped images, embedded images and fonts,
// paper sizes, and a 200-row table that breaks across pages under a repeated header.

#include "ui/mainwindow/reportdialog.h"
#include "core/project/projectrun.h"
#include "ui/report/reportbuilder.h"
#include "ui/report/reportcontent.h"
#include "ui/report/reportgallery.h"
#include "ui/report/reportlayout.h"
#include "ui/report/reporttable.h"
#include "core/store/projectstore.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QListWidget>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

QString reference(const QString& relative) { return QStringLiteral(SALISCOPE_REFERENCE_DIR "/") + relative; }

/// Runs a poppler tool and returns its standard output ("" and a failed check when it fails).
QString poppler(const QString& tool, const QStringList& arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning() << tool << arguments << process.readAllStandardError();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString pdfText(const QString& pdf, int page = 0)
{
    QStringList arguments{QStringLiteral("-layout")};
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    return poppler(QStringLiteral("pdftotext"), arguments << pdf << QStringLiteral("-"));
}

int pageCount(const QString& pdf)
{
    const auto match =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(poppler(QStringLiteral("pdfinfo"), {pdf}));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QSizeF pageSizePoints(const QString& pdf)
{
    const auto match = QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts"))
                           .match(poppler(QStringLiteral("pdfinfo"), {pdf}));
    return match.hasMatch() ? QSizeF(match.captured(1).toDouble(), match.captured(2).toDouble()) : QSizeF();
}

/// pdffonts' rows: (name, embedded).
std::vector<std::pair<QString, bool>> fonts(const QString& pdf)
{
    std::vector<std::pair<QString, bool>> rows;
    const QStringList lines = poppler(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 2; i < lines.size(); ++i) { // two header lines
        const QStringList fields = lines[i].split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        // name type [type2] encoding emb sub uni object ID: "emb" is the 5th field from the end.
        if (fields.size() >= 7)
            rows.emplace_back(fields.front(), fields[fields.size() - 5] == QLatin1String("yes"));
    }
    return rows;
}

/// pdfimages -list: the images' (width, height).
std::vector<QSize> images(const QString& pdf)
{
    std::vector<QSize> sizes;
    const QStringList lines = poppler(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf})
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 2; i < lines.size(); ++i) {
        const QStringList fields = lines[i].split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (fields.size() > 4 && fields[2] == QLatin1String("image"))
            sizes.emplace_back(fields[3].toInt(), fields[4].toInt());
    }
    return sizes;
}

} // namespace

class TestReport final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void reportHasTheSectionsModelsAndSkippedImages()
    {
        ensureReport();
        if (QTest::currentTestFailed())
            return;
        const QString text = pdfText(m_pdf);
        for (const char* expected :
             {"Salience review", "tiny.saliscope", "Scorecard", "1. Scorecard", "2. Salience entropy",
              "3. Reaction to noise", "4. Resilience to geometric transformations", "5. Stability across training runs",
              "6. Salience-guided degradation", "7. Gallery", "8. Skipped images", "Parameters", "noise.levels",
              "0,0.1,0.5", "tiny_densenet", "tiny_resnet", "broken_face.png", "Most focused salience"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        // The skipped image is listed with its reason, in the last section only.
        const QString last = pdfText(m_pdf, pageCount(m_pdf));
        QVERIFY(last.contains(QLatin1String("Skipped images")));
        QVERIFY(last.contains(QLatin1String("broken_face.png")));
        QVERIFY(last.contains(QLatin1String("One image of the dataset has no results")));
    }

    void scorecardShowsTheStoredAccuracy()
    {
        ensureReport();
        if (QTest::currentTestFailed())
            return;
        auto store = ProjectStore::open(m_project.toStdString(), ProjectOpenMode::ReadOnly);
        QVERIFY(store.ok());
        NullProgressSink progress;
        ReportOptions options;
        options.projectPath = m_project;
        auto content = loadReportContent(options, progress, CancelToken());
        QVERIFY(content.ok());
        // The model's row shows the accuracy the summary holds, as a percentage.
        const double accuracy = content->scorecard.value("tiny_resnet").toObject().value("accuracy").toDouble();
        const QString shown = QString::number(100 * accuracy, 'f', 1) + QStringLiteral(" %");
        const QString scorecardPage = pdfText(m_pdf, 2);
        QVERIFY(scorecardPage.contains(QLatin1String("Scorecard")));
        const QStringList lines = scorecardPage.split(QLatin1Char('\n'));
        bool found = false;
        for (const QString& line : lines)
            found = found || (line.contains(QLatin1String("tiny_resnet")) && line.contains(shown));
        QVERIFY2(found, qPrintable(shown));
        QCOMPARE(int(content->skipped.size()), 1);
        QVERIFY(content->skipped.front().path.endsWith(QLatin1String("broken_face.png")));
    }

    void galleryImagesAreEmbedded()
    {
        ensureReport();
        if (QTest::currentTestFailed())
            return;
        NullProgressSink progress;
        ReportOptions options;
        options.projectPath = m_project;
        auto content = loadReportContent(options, progress, CancelToken());
        QVERIFY(content.ok());
        std::set<std::int64_t> positions;
        for (const auto& [kind, entries] : content->gallery) {
            QCOMPARE(int(entries.size()), 2); // highest and lowest
            for (const auto& entry : entries) {
                positions.insert(entry.position);
                QVERIFY(!entry.image.isNull());
                QCOMPARE(int(entry.tiles.size()), 2);
                for (const auto& tile : entry.tiles)
                    QVERIFY2(!tile.overlay.isNull(), qPrintable(tile.note)); // maps computed: none are stored
            }
        }
        QCOMPARE(int(content->gallery.size()), 5);
        // Each distinct image once, and one overlay per model (Qt's PDF engine shares repeated images).
        const auto embedded = images(m_pdf);
        // The gallery's tiles at the models' input size (the other images are chart colour maps).
        const QSize tileSize = content->gallery.begin()->second.front().image.size();
        QCOMPARE(tileSize, QSize(224, 224));
        const auto tilesEmbedded = std::count(embedded.begin(), embedded.end(), tileSize);
        QVERIFY2(tilesEmbedded >= std::ptrdiff_t(positions.size() * 3), qPrintable(QString::number(tilesEmbedded)));
    }

    void fontsAreEmbedded()
    {
        ensureReport();
        if (QTest::currentTestFailed())
            return;
        const auto rows = fonts(m_pdf);
        QVERIFY(!rows.empty());
        bool dejaVu = false;
        for (const auto& [name, embedded] : rows) {
            QVERIFY2(embedded, qPrintable(name));
            dejaVu = dejaVu || name.contains(QLatin1String("DejaVuSans"));
        }
        QVERIFY(dejaVu);
    }

    void pageSizes_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QSizeF>("points");
        QTest::newRow("A4") << int(ReportPageSize::A4) << QSizeF(595.28, 841.89);
        QTest::newRow("Letter") << int(ReportPageSize::Letter) << QSizeF(612, 792);
    }

    void pageSizes()
    {
        ensureReport();
        if (QTest::currentTestFailed())
            return;
        QFETCH(int, size);
        QFETCH(QSizeF, points);
        NullProgressSink progress;
        ReportOptions options;
        options.projectPath = m_project;
        options.outputPath = QDir(m_dir.path()).filePath(QStringLiteral("size-%1.pdf").arg(size));
        options.pageSize = ReportPageSize(size);
        options.measures = {MeasureKind::Entropy};
        options.models = {QStringLiteral("tiny_densenet")};
        auto pages = writeReport(options, progress, CancelToken());
        QVERIFY(pages.ok());
        const QSizeF measured = pageSizePoints(options.outputPath);
        QVERIFY2(std::abs(measured.width() - points.width()) < 1.0
                     && std::abs(measured.height() - points.height()) < 1.0,
                 qPrintable(QStringLiteral("%1 x %2").arg(measured.width()).arg(measured.height())));
        // Only the chosen model and measure.
        const QString text = pdfText(options.outputPath);
        QVERIFY(text.contains(QLatin1String("Salience entropy")));
        QVERIFY(!text.contains(QLatin1String("Reaction to noise")));
        QVERIFY(!text.contains(QLatin1String("tiny_resnet")));
    }

    void badInputIsRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QStringList>("models");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("reason");
        QTest::newRow("no project") << "missing.saliscope" << QStringList() << "a.pdf"
                                    << "no such project";
        QTest::newRow("unknown model") << "tiny.saliscope" << QStringList{"resnet50"} << "b.pdf"
                                       << "unknown model 'resnet50' (the runs have: tiny_densenet, tiny_resnet)";
        QTest::newRow("unwritable") << "tiny.saliscope" << QStringList() << "no/such/folder/c.pdf"
                                    << "cannot write";
    }

    void badInputIsRefusedWithAReason()
    {
        ensureReport();
        if (QTest::currentTestFailed())
            return;
        QFETCH(QString, project);
        QFETCH(QStringList, models);
        QFETCH(QString, output);
        QFETCH(QString, reason);
        NullProgressSink progress;
        ReportOptions options;
        options.projectPath = QDir(m_dir.path()).filePath(project);
        options.outputPath = QDir(m_dir.path()).filePath(output);
        options.models = models;
        auto pages = writeReport(options, progress, CancelToken());
        QVERIFY(!pages.ok());
        QVERIFY2(QString::fromStdString(pages.error()).contains(reason), pages.error().c_str());
        QVERIFY(!QFile::exists(options.outputPath));
    }

    void failedReportLeavesAnExistingFileAlone()
    {
        ensureReport();
        if (QTest::currentTestFailed())
            return;
        const QString path = QDir(m_dir.path()).filePath("keep.pdf");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("earlier report");
        file.close();
        NullProgressSink progress;
        ReportOptions options;
        options.projectPath = m_project;
        options.outputPath = path;
        options.models = {QStringLiteral("nobody")};
        QVERIFY(!writeReport(options, progress, CancelToken()).ok());
        CancelToken cancel;
        cancel.cancel();
        options.models = {};
        auto cancelled = writeReport(options, progress, cancel);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error(), std::string("cancelled"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("earlier report"));
    }

    void dialogWritesTheChosenReport()
    {
        ensureReport();
        if (QTest::currentTestFailed())
            return;
        auto store = ProjectStore::open(m_project.toStdString(), ProjectOpenMode::ReadOnly);
        QVERIFY(store.ok());
        ReportDialog dialog(m_project, store.value().get());
        auto* models = dialog.findChild<QListWidget*>();
        QVERIFY(models);
        QCOMPARE(models->count(), 2);
        QCOMPARE(models->item(0)->text(), QStringLiteral("tiny_densenet"));
        QCOMPARE(dialog.options().measures.size(), std::size_t(5));
        QVERIFY(dialog.options().models.isEmpty()); // all
        models->item(1)->setCheckState(Qt::Unchecked);
        QCOMPARE(dialog.options().models, QStringList{QStringLiteral("tiny_densenet")});
        const QString path = QDir(m_dir.path()).filePath("dialog.pdf");
        dialog.setOutputPath(path);
        dialog.show();
        QSignalSpy written(&dialog, &ReportDialog::reportWritten);
        QSignalSpy failed(&dialog, &ReportDialog::reportFailed);
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(written.count() + failed.count() > 0, 300000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));
        QCOMPARE(written.front().at(0).toString(), path);
        QCOMPARE(written.front().at(1).toInt(), pageCount(path));
        const QString text = pdfText(path);
        QVERIFY(text.contains(QLatin1String("tiny_densenet")));
        QVERIFY(!text.contains(QLatin1String("tiny_resnet")));
        // One model has no stability: the section is left out with a note on the title page.
        QVERIFY(text.contains(QLatin1String("needs two or more chosen models of one family")));
        QVERIFY(!text.contains(QLatin1String(". Stability across training runs")));
        if (qEnvironmentVariableIsSet("SALISCOPE_KEEP_REPORT"))
            dialog.grab().save(qEnvironmentVariable("SALISCOPE_KEEP_REPORT") + QStringLiteral(".dialog.png"));
    }

    void galleryPicksBothEnds()
    {
        // Entropy rows of two models over four images: image means 0.2, 0.8, 0.5, 0.65.
        MeasureTable predictions{MeasureKind::Predictions,
                                 {"label", "predicted_class", "score", "correct", "flat"},
                                 {}};
        MeasureTable entropy{MeasureKind::Entropy,
                             {"entropy_bits", "normalized_entropy", "spatial_entropy", "annotation_mass", "flat"},
                             {}};
        const double values[4][2] = {{0.1, 0.3}, {0.9, 0.7}, {0.5, 0.5}, {0.6, 0.7}};
        for (int image = 0; image < 4; ++image)
            for (int m = 0; m < 2; ++m) {
                const std::string model = m ? "b" : "a";
                predictions.rows.push_back({image, model, "", {0, 0, 0.1, 1, 0}});
                entropy.rows.push_back({image, model, "", {1, values[image][m], 0.5, NAN, 0}});
            }
        const auto results = MeasureResults::fromTables({predictions, entropy}, "{}");
        auto picks = pickGalleryImages(results, MeasureKind::Entropy, 1);
        QCOMPARE(int(picks.size()), 2);
        QCOMPARE(picks[0].position, std::int64_t(1));
        QVERIFY(picks[0].highest);
        QCOMPARE(picks[0].value, 0.8);
        QCOMPARE(picks[1].position, std::int64_t(0));
        QVERIFY(!picks[1].highest);
        QVERIFY(std::abs(picks[1].value - 0.2) < 1e-12);
        // Two per end: no image twice even when the ends meet.
        picks = pickGalleryImages(results, MeasureKind::Entropy, 3);
        std::set<std::int64_t> distinct;
        for (const auto& pick : picks)
            distinct.insert(pick.position);
        QCOMPARE(int(distinct.size()), int(picks.size()));
        QCOMPARE(int(picks.size()), 4);
        QVERIFY(pickGalleryImages(results, MeasureKind::Noise, 1).empty()); // no noise rows
    }

    void columnWidthsFitThePage()
    {
        // Tables that fit stretch to the width (or keep their widths).
        auto widths = tableColumnWidths({50, 50}, {50, 50}, 400, true);
        QCOMPARE(widths, (std::vector<double>{200, 200}));
        widths = tableColumnWidths({50, 50}, {50, 50}, 400, false);
        QCOMPARE(widths, (std::vector<double>{50, 50}));
        // Too wide on one line: headers wrap; each column gets its minimum and a share of the rest
        // in proportion to what it lacks (here 100 of 200 lacking: half of each).
        widths = tableColumnWidths({150, 250, 100}, {100, 100, 100}, 400, true);
        QCOMPARE(widths, (std::vector<double>{125, 175, 100}));
        // Even the minimum is too wide: narrow columns keep it, wide ones share the rest (3:1).
        widths = tableColumnWidths({40, 600, 200}, {40, 600, 200}, 400, true);
        QCOMPARE(widths[0], 40.0);
        QVERIFY(std::abs(widths[0] + widths[1] + widths[2] - 400) < 1e-9);
        QVERIFY(std::abs(widths[1] / widths[2] - 3.0) < 1e-9);
    }

    void longTableBreaksUnderARepeatedHeader()
    {
        const QString path = QDir(m_dir.path()).filePath("table.pdf");
        int laidOut = 0;
        {
            QPdfWriter writer(path);
            writer.setResolution(96);
            writer.setPageSize(QPageSize(QPageSize::A4));
            QPainter painter(&writer);
            ReportLayout layout(writer, painter, reportFontFamily("en"), QStringLiteral("footer"));
            layout.paragraph(QStringLiteral("A table of 200 rows follows."));
            ReportTable table;
            table.header = QStringList{QStringLiteral("Index"), QStringLiteral("Name"), QStringLiteral("Value")};
            for (int row = 1; row <= 200; ++row)
                table.rows.push_back({QString::number(row), QStringLiteral("row%1").arg(row, 3, 10, QLatin1Char('0')),
                                      QStringLiteral("value%1").arg(row * 7)});
            drawTable(layout, table);
            layout.finish();
            laidOut = layout.pageNumber();
        }
        const int pages = pageCount(path);
        QCOMPARE(pages, laidOut);
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
        int next = 1;
        for (int page = 1; page <= pages; ++page) {
            const QStringList lines = pdfText(path, page).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            int headers = 0;
            for (const QString& line : lines) {
                const QStringList fields = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
                if (fields == QStringList{"Index", "Name", "Value"}) {
                    ++headers;
                    continue;
                }
                if (fields.size() == 3 && fields[1].startsWith(QLatin1String("row"))) {
                    // Rows come in order, whole (index, name and value on one line), each once.
                    QCOMPARE(fields[0].toInt(), next);
                    QCOMPARE(fields[1], QStringLiteral("row%1").arg(next, 3, 10, QLatin1Char('0')));
                    QCOMPARE(fields[2], QStringLiteral("value%1").arg(next * 7));
                    ++next;
                }
            }
            QCOMPARE(headers, 1);
        }
        QCOMPARE(next, 201);
    }

    void japaneseTextIsEmbedded()
    {
        const QString family = reportFontFamily("ja");
        if (family != QLatin1String("Noto Sans CJK JP"))
            QSKIP("fonts-noto-cjk is not installed");
        const QString path = QDir(m_dir.path()).filePath("ja.pdf");
        {
            QPdfWriter writer(path);
            QPainter painter(&writer);
            ReportLayout layout(writer, painter, family, QStringLiteral("フッター"));
            layout.heading(QStringLiteral("顕著性レビュー"), ReportFont::Heading1);
            layout.paragraph(QStringLiteral("各モデルの顕著性マップを比較します。"));
            layout.finish();
        }
        // NFKC: a glyph shared by a CJK ideograph and a Kangxi radical (比 and ⽐) may be extracted as either.
        const QString text = pdfText(path).normalized(QString::NormalizationForm_KC);
        QVERIFY2(text.contains(QStringLiteral("顕著性レビュー")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("各モデルの顕著性マップを比較します。")), qPrintable(text));
        for (const auto& [name, embedded] : fonts(path))
            QVERIFY2(embedded, qPrintable(name));
    }

private:
    /// Builds the tiny project (two reference models as one family, three reference faces and an
    /// unreadable file) and its report, once, for the tests that read them.
    void ensureReport()
    {
        if (!m_pdf.isEmpty())
            return;
        QDir root(m_dir.path());
        root.mkpath("data/real");
        root.mkpath("data/fake");
        QVERIFY(QFile::copy(reference("faces/ffhq_00001.png"), root.filePath("data/real/ffhq_00001.png")));
        for (const char* face : {"stylegan1_000700", "stylegan3_seed278567"})
            QVERIFY(QFile::copy(reference(QStringLiteral("faces/%1.png").arg(face)),
                                root.filePath(QStringLiteral("data/fake/%1.png").arg(face))));
        QFile broken(root.filePath("data/fake/broken_face.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("this is not a PNG");
        broken.close();

        NullProgressSink progress;
        auto dataset = scanDataset({root.filePath("data").toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        MeasureRunParams params;
        params.dataset = dataset.value();
        params.measures = {MeasureKind::Predictions, MeasureKind::Entropy,   MeasureKind::Noise,
                           MeasureKind::Transforms,  MeasureKind::Stability, MeasureKind::Degradation};
        params.models = {{"tiny_densenet", reference("models/tiny_densenet.pt").toStdString(), {}, {}},
                         {"tiny_resnet", reference("models/tiny_resnet.pt").toStdString(), {}, {}}};
        params.families = {{"tiny", {"tiny_densenet", "tiny_resnet"}}};
        QVERIFY(params.settings.set("noise.levels=0,0.1,0.5").ok());
        params.batchSize = 4;
        const QString project = root.filePath("tiny.saliscope");
        auto run = runMeasuresInProject(params, project.toStdString(), {}, nullptr, progress, CancelToken());
        QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());
        QCOMPARE(run->skipped.size(), std::size_t(1));

        ReportOptions options;
        options.projectPath = project;
        options.outputPath = root.filePath("review.pdf");
        auto pages = writeReport(options, progress, CancelToken());
        QVERIFY2(pages.ok(), pages.ok() ? "" : pages.error().c_str());
        QCOMPARE(pageCount(options.outputPath), pages.value());
        QVERIFY(pages.value() >= 8); // title, scorecard, five measures, gallery, skipped
        m_project = project;
        m_pdf = options.outputPath;
        if (qEnvironmentVariableIsSet("SALISCOPE_KEEP_REPORT")) // to look at it: pdftoppm -png
            QFile::copy(m_pdf, qEnvironmentVariable("SALISCOPE_KEEP_REPORT"));
    }

    QTemporaryDir m_dir;
    QString m_project;
    QString m_pdf;
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
