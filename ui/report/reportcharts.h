// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/measureresults.h"
#include "ui/report/chartadapters.h"

#include <QRectF>
#include <QString>

#include <functional>
#include <vector>

class QCPPainter;
class QCustomPlot;

namespace saliscope::ui {

/// One chart of a measure's report section: a caption and how to fill a QCustomPlot with it
/// (with the chart builders of ui/charts, as the measure views draw on screen).
struct ReportChart final {
    QString caption;
    std::function<void(QCustomPlot*)> build;
    double aspect = 0.6;   ///< height / width
    bool halfWidth = true; ///< two charts side by side
};

/// The charts of a measure's section (the views' charts, with a matrix per family for
/// stability), grouped by family when there are families, else by model. The sanity charts draw
/// `methodSets` side by side (a curve per model and method) when there are two or more.
std::vector<ReportChart> reportCharts(MeasureKind kind, const MeasureResults& results,
                                      const std::vector<LabelledResults>& methodSets = {});

/// Draws `chart` into `rect` of `painter` as vector graphics (QCustomPlot::toPainter). `painter`
/// works in pixels of the screen's logical resolution (the one QCustomPlot lays text out for).
/// GUI thread only: QCustomPlot is a widget.
void drawReportChart(QCPPainter& painter, const ReportChart& chart, const QRectF& rect);

} // namespace saliscope::ui
