// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The demo project's PDF review report: every section, all ten models, the gallery's maps
// (computed, since the demo stores none) embedded as images, and its fonts embedded. The PDF
// and its first pages as PNG are left in the build folder to look at.

#include "ui/report/reportbuilder.h"
#include "ui/report/reportcontent.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

QString run(const QString& tool, const QStringList& arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestDemoReport final : public QObject {
    Q_OBJECT

private slots:
    void demoReport()
    {
        const QString project = QStringLiteral(SALISCOPE_DEMO_DIR "/demo.saliscope");
        QVERIFY2(QFile::exists(project), "the demo is built by tst_democlaims");
        const QString pdf = QStringLiteral(SALISCOPE_REPORT_DIR "/demo-review.pdf");
        QFile::remove(pdf);
        ReportOptions options;
        options.projectPath = project;
        options.outputPath = pdf;
        NullProgressSink progress;
        auto content = loadReportContent(options, progress, CancelToken());
        QVERIFY2(content.ok(), content.ok() ? "" : content.error().c_str());
        QCOMPARE(int(content->models.size()), 10);
        QCOMPARE(int(content->measures.size()), 5);
        int overlays = 0;
        for (const auto& [kind, entries] : content->gallery)
            for (const auto& entry : entries)
                for (const auto& tile : entry.tiles) {
                    QVERIFY2(!tile.overlay.isNull(), qPrintable(tile.model + QStringLiteral(": ") + tile.note));
                    ++overlays;
                }
        QCOMPARE(overlays, 5 * 2 * 10);

        auto pages = writeReport(options, progress, CancelToken());
        QVERIFY2(pages.ok(), pages.ok() ? "" : pages.error().c_str());
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        for (const char* section : {"Salience review", "1. Scorecard", "2. Salience entropy", "3. Reaction to noise",
                                    "4. Resilience to geometric transformations", "5. Stability across training runs",
                                    "6. Salience-guided degradation", "7. Gallery", "8. Skipped images"})
            QVERIFY2(text.contains(QLatin1String(section)), section);
        for (const char* family : {"cyborg", "xent"})
            for (int index = 1; index <= 5; ++index) {
                const QString model = QStringLiteral("%1_%2").arg(QLatin1String(family)).arg(index);
                QVERIFY2(text.count(model) >= 5, qPrintable(model)); // models table, scorecard, tables, gallery
            }

        // Gallery tiles: each picked image and its ten overlays, at the models' input size.
        const QStringList images = run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf})
                                       .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QSize tile = content->gallery.begin()->second.front().image.size();
        int tiles = 0;
        for (const QString& line : images.mid(2)) {
            const QStringList f = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            tiles += f.size() > 4 && f[3].toInt() == tile.width() && f[4].toInt() == tile.height();
        }
        QVERIFY2(tiles >= 11, qPrintable(QString::number(tiles)));

        const QStringList fonts = run(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(fonts.size() > 2);
        for (const QString& line : fonts.mid(2)) {
            const QStringList f = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            QVERIFY2(f.size() >= 7 && f[f.size() - 5] == QLatin1String("yes"), qPrintable(line));
        }
        // Pages to look at.
        run(QStringLiteral("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("50"), pdf,
             QStringLiteral(SALISCOPE_REPORT_DIR "/demo-review")});
    }
};

QTEST_MAIN(TestDemoReport)
#include "tst_demoreport.moc"
