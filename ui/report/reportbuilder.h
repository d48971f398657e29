// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/jobs/progress.h"
#include "ui/report/reportoptions.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace saliscope::ui {

struct ReportContent;

/// Paints a review report into a PDF one section at a time (title page, scorecard, one section
/// per measure, gallery, skipped images), so a GUI can keep its window responsive between
/// steps. The file is written to a temporary file and replaces `outputPath` only when finish()
/// succeeds. GUI thread only: the charts are drawn by QCustomPlot widgets.
class ReportBuilder final {
    Q_DECLARE_TR_FUNCTIONS(ReportBuilder)

public:
    /// `content` must outlive the builder.
    ReportBuilder(const ReportContent& content, const ReportOptions& options);
    ~ReportBuilder();

    /// Opens the output and the first page. Errors: the file cannot be written.
    Status begin();
    /// The number of steps between begin() and finish().
    int stepCount() const;
    /// What step `index` paints (for progress messages).
    QString stepName(int index) const;
    /// Paints step `index` (0 <= index < stepCount(), in order).
    void step(int index);
    /// Ends painting and moves the PDF into place; returns the page count.
    Result<int> finish();

    ReportBuilder(const ReportBuilder&) = delete;
    ReportBuilder& operator=(const ReportBuilder&) = delete;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// The font family a report in `language` is set in: Noto Sans CJK JP for Japanese, DejaVu Sans
/// otherwise, when installed (else the application's default family).
QString reportFontFamily(const QString& language);

/// Reads the project and writes the whole report on the calling thread (the CLI and tests);
/// returns the page count. Needs a QApplication (QCustomPlot); GUI thread.
Result<int> writeReport(const ReportOptions& options, ProgressSink& progress, const CancelToken& cancel);

} // namespace saliscope::ui
