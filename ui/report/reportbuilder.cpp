// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportbuilder.h"

#include "ui/report/reportcharts.h"
#include "ui/report/reportcontent.h"
#include "ui/report/reportlayout.h"
#include "ui/report/reportsections.h"
#include "ui/report/reporttext.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScreen>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace saliscope::ui {

namespace {

/// The resolution QCustomPlot lays its text out for (QFontMetrics without a device): the
/// screen's logical resolution. The PDF is painted at it so charts keep their proportions.
int layoutResolution()
{
    if (auto* screen = QGuiApplication::primaryScreen())
        return std::max(72, int(std::lround(screen->logicalDotsPerInch())));
    return 96;
}

} // namespace

struct ReportBuilder::Impl {
    const ReportContent& content;
    ReportOptions options;
    QString language;
    QSaveFile file;
    std::unique_ptr<QPdfWriter> writer;
    std::unique_ptr<QCPPainter> painter;
    std::unique_ptr<ReportLayout> layout;
    struct Step {
        QString name;
        std::function<void()> paint;
    };
    std::vector<Step> steps;

    Impl(const ReportContent& c, const ReportOptions& o) : content(c), options(o), file(o.outputPath) {}
};

ReportBuilder::ReportBuilder(const ReportContent& content, const ReportOptions& options)
    : d(std::make_unique<Impl>(content, options))
{
    d->language = options.language.isEmpty() ? QLocale().name().left(2) : options.language;
    int section = 0;
    d->steps.push_back(
        {tr("Title page"), [this]() { ReportSections::titlePage(*d->layout, d->content, d->language); }});
    d->steps.push_back({tr("Scorecard"), [this, number = ++section]() {
                            d->layout->newPage();
                            ReportSections::scorecard(*d->layout, d->content, number);
                        }});
    if (content.methodSets.size() >= 2)
        d->steps.push_back({tr("Methods side by side"), [this, number = ++section]() {
                                d->layout->newPage();
                                ReportSections::methods(*d->layout, d->content, number);
                            }});
    if (!content.results.imageGroupNames().empty())
        d->steps.push_back({tr("Per group"), [this, number = ++section]() {
                                d->layout->newPage();
                                ReportSections::groups(*d->layout, d->content, number);
                            }});
    if (content.results.grouping.hasVideos())
        d->steps.push_back({tr("Per video"), [this, number = ++section]() {
                                d->layout->newPage();
                                ReportSections::videos(*d->layout, d->content, number);
                            }});
    bool curves = false;
    for (auto kind : content.measures) {
        if (kind == MeasureKind::Deletion || kind == MeasureKind::Insertion || kind == MeasureKind::Road) {
            // The three curve measures share one section.
            if (!curves)
                d->steps.push_back({ReportText::measureTitle(kind), [this, number = ++section]() {
                                        d->layout->newPage();
                                        ReportSections::curves(*d->layout, d->content, number,
                                                               [this](const ReportChart& chart, const QRectF& rect) {
                                                                   drawReportChart(*d->painter, chart, rect);
                                                               });
                                    }});
            curves = true;
            continue;
        }
        d->steps.push_back({ReportText::measureTitle(kind), [this, kind, number = ++section]() {
                                d->layout->newPage();
                                ReportSections::measure(*d->layout, d->content, kind, number,
                                                        [this](const ReportChart& chart, const QRectF& rect) {
                                                            drawReportChart(*d->painter, chart, rect);
                                                        });
                            }});
    }
    // The faithfulness curves and localisation have no gallery of their own.
    const bool gallery = std::any_of(content.measures.begin(), content.measures.end(),
                                     [](MeasureKind kind) { return kind < MeasureKind::Deletion; });
    if (gallery)
        d->steps.push_back({tr("Gallery"), [this, number = ++section]() {
                                d->layout->newPage();
                                ReportSections::gallery(*d->layout, d->content, number);
                            }});
    d->steps.push_back({tr("Skipped images"), [this, number = ++section]() {
                            d->layout->newPage();
                            ReportSections::skipped(*d->layout, d->content, number);
                        }});
}

ReportBuilder::~ReportBuilder()
{
    if (d->painter && d->painter->isActive())
        d->painter->end();
    d->file.cancelWriting();
}

Status ReportBuilder::begin()
{
    if (!d->file.open(QIODevice::WriteOnly))
        return Error{tr("cannot write %1: %2").arg(d->options.outputPath, d->file.errorString()).toStdString()};
    d->writer = std::make_unique<QPdfWriter>(&d->file);
    d->writer->setResolution(layoutResolution());
    const QPageSize size(d->options.pageSize == ReportPageSize::Letter ? QPageSize::Letter : QPageSize::A4);
    d->writer->setPageLayout(
        QPageLayout(size, QPageLayout::Portrait, QMarginsF(16, 16, 16, 12), QPageLayout::Millimeter));
    d->writer->setTitle(tr("Salience review of %1").arg(QFileInfo(d->content.projectPath).fileName()));
    d->writer->setCreator(QStringLiteral("Saliscope %1").arg(d->content.softwareVersion));
    d->painter = std::make_unique<QCPPainter>();
    if (!d->painter->begin(d->writer.get()))
        return Error{tr("cannot start painting %1").arg(d->options.outputPath).toStdString()};
    d->painter->setRenderHint(QPainter::Antialiasing);
    const QString footer = tr("Saliscope salience review \u2014 %1").arg(QFileInfo(d->content.projectPath).fileName());
    d->layout = std::make_unique<ReportLayout>(*d->writer, *d->painter, reportFontFamily(d->language), footer);
    return Ok{};
}

int ReportBuilder::stepCount() const { return int(d->steps.size()); }

QString ReportBuilder::stepName(int index) const { return d->steps[std::size_t(index)].name; }

void ReportBuilder::step(int index) { d->steps[std::size_t(index)].paint(); }

Result<int> ReportBuilder::finish()
{
    d->layout->finish();
    const int pages = d->layout->pageNumber();
    if (!d->painter->end())
        return Error{tr("cannot finish %1").arg(d->options.outputPath).toStdString()};
    d->writer.reset();
    if (!d->file.commit())
        return Error{tr("cannot write %1: %2").arg(d->options.outputPath, d->file.errorString()).toStdString()};
    return pages;
}

QString reportFontFamily(const QString& language)
{
    const QStringList families = QFontDatabase::families();
    const QString wanted = language.startsWith(QLatin1String("ja")) ? QStringLiteral("Noto Sans CJK JP")
                                                                    : QStringLiteral("DejaVu Sans");
    if (families.contains(wanted))
        return wanted;
    return QGuiApplication::font().family();
}

Result<int> writeReport(const ReportOptions& options, ProgressSink& progress, const CancelToken& cancel)
{
    auto content = loadReportContent(options, progress, cancel);
    if (!content)
        return content.failure();
    ReportBuilder builder(content.value(), options);
    if (auto status = builder.begin(); !status)
        return status.failure();
    for (int i = 0; i < builder.stepCount(); ++i) {
        if (cancel.isCancelled())
            return Error::cancelled();
        progress.message(builder.stepName(i).toStdString());
        builder.step(i);
        progress.progress(i + 1, builder.stepCount());
    }
    return builder.finish();
}

} // namespace saliscope::ui
