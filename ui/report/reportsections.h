// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measuretable.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>

#include <functional>

namespace saliscope::ui {

class ReportLayout;
struct ReportChart;
struct ReportContent;

/// Draws a chart into a rectangle of the layout's painter (the builder's QCPPainter).
using ReportChartDrawer = std::function<void(const ReportChart& chart, const QRectF& rect)>;

/// The sections of a review report, each drawn from the layout's cursor on.
class ReportSections final {
    Q_DECLARE_TR_FUNCTIONS(ReportSections)

public:
    /// Title page: project, dataset, models, measures, date, software version and device, and
    /// notes on what could not be shown.
    static void titlePage(ReportLayout& layout, const ReportContent& content, const QString& language);
    /// The scorecard: one number per measure and model.
    static void scorecard(ReportLayout& layout, const ReportContent& content, int number);
    /// A measure: how to read it, its charts, its numbers per model and its parameters.
    static void measure(ReportLayout& layout, const ReportContent& content, MeasureKind kind, int number,
                        const ReportChartDrawer& drawChart);
    /// The faithfulness curves (deletion, insertion and ROAD, the ones the runs have) in one
    /// section: how to read them, a sentence per curve with its source, the curves, the mean
    /// areas per model and the parameters.
    static void curves(ReportLayout& layout, const ReportContent& content, int number,
                       const ReportChartDrawer& drawChart);
    /// With run sets that differ only by method: the scorecard of each model under each method.
    static void methods(ReportLayout& layout, const ReportContent& content, int number);
    /// With images of more than one group: the scorecard's numbers per model and group.
    static void groups(ReportLayout& layout, const ReportContent& content, int number);
    /// With video frames: the video-level accuracy and ROC AUC per model and the videos (the first
    /// VideoRows rows, the count of all said).
    static void videos(ReportLayout& layout, const ReportContent& content, int number);
    /// The rows of the per-video table a report shows at most.
    static constexpr int VideoRows = 60;
    /// The most extreme images of each measure with every model's overlay side by side.
    static void gallery(ReportLayout& layout, const ReportContent& content, int number);
    /// The images without results, with the reasons.
    static void skipped(ReportLayout& layout, const ReportContent& content, int number);
};

} // namespace saliscope::ui
