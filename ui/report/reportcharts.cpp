// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportcharts.h"

#include "ui/report/chartadapters.h"
#include "ui/report/chartbuilders.h"
#include "core/measures/measuresummary.h"

#include <qcustomplot.h>

#include <QCoreApplication>

#include <algorithm>
#include <optional>

namespace saliscope::ui {

namespace {

class ChartText final {
    Q_DECLARE_TR_FUNCTIONS(ReportCharts)
};

} // namespace

std::vector<ReportChart> reportCharts(MeasureKind kind, const MeasureResults& results,
                                      const std::vector<LabelledResults>& methodSets)
{
    const MeasureTable* table = results.table(kind);
    if (!table)
        return {};
    const auto groups = results.groups(!results.families.empty());
    const int bins = results.settings.histogramBins;
    std::vector<ReportChart> charts;
    switch (kind) {
    case MeasureKind::Entropy: {
        const auto samples = columnSamples(*table, "normalized_entropy", groups);
        const auto histogram = histogramChart(samples, bins, 0.0, 1.0);
        std::vector<BoxStats> boxes;
        for (const auto& series : samples)
            boxes.push_back(boxStats(series));
        const QString label = ChartText::tr("Normalised entropy (8-bit map)");
        charts.push_back({ChartText::tr("Distribution of the normalised entropy"),
                          [=](QCustomPlot* plot) { chart::buildHistogram(plot, histogram, label); }});
        charts.push_back({ChartText::tr("Median, quartiles and outliers"),
                          [=](QCustomPlot* plot) { chart::buildBoxes(plot, boxes, label); }});
        break;
    }
    case MeasureKind::Noise: {
        const auto& levels = results.settings.noise.levels;
        const auto variants = noiseVariants(levels);
        const QString x = ChartText::tr("Salt-and-pepper noise level");
        const struct {
            const char* column;
            QString caption;
            QString label;
        } curves[] = {
            {"ssim_small", ChartText::tr("Map SSIM with the clean image's map"),
             ChartText::tr("Map SSIM (small maps)")},
            {"score", ChartText::tr("Mean synthetic score"), ChartText::tr("Score")},
            {"correct", ChartText::tr("Accuracy"), ChartText::tr("Accuracy")},
            {"normalized_entropy", ChartText::tr("Normalised entropy of the noisy images' maps"),
             ChartText::tr("Normalised entropy")},
        };
        for (const auto& curve : curves) {
            if (table->column(curve.column) < 0)
                continue;
            const auto data = categoryChart(*table, curve.column, groups, variants, levels);
            const QString label = curve.label;
            charts.push_back(
                {curve.caption, [=](QCustomPlot* plot) { chart::buildCurves(plot, data, x, label); }, 0.5});
        }
        break;
    }
    case MeasureKind::Transforms: {
        const auto bars = categoryChart(*table, "ssim_upscaled", groups, variantsOf(*table));
        const auto samples = columnSamples(*table, "ssim_upscaled", groups);
        const auto histogram = histogramChart(samples, bins, ssimHistogramLower(samples), 1.0);
        charts.push_back({ChartText::tr("Mean map SSIM per transformation"),
                          [=](QCustomPlot* plot) { chart::buildBars(plot, bars, ChartText::tr("Mean map SSIM")); }, 0.4,
                          false});
        charts.push_back({ChartText::tr("Distribution of the map SSIM (every transformation)"),
                          [=](QCustomPlot* plot) { chart::buildHistogram(plot, histogram, ChartText::tr("Map SSIM")); },
                          0.35, false});
        break;
    }
    case MeasureKind::Stability: {
        const auto means = stabilityImageMeans(*table, results.families);
        const auto histogram = histogramChart(means, bins, ssimHistogramLower(means), 1.0);
        charts.push_back({ChartText::tr("Per-image mean pairwise SSIM"),
                          [=](QCustomPlot* plot) {
                              chart::buildHistogram(plot, histogram, ChartText::tr("Mean pairwise map SSIM"));
                          },
                          0.35, false});
        for (const auto& matrix : stabilityMatrices(*table, results.families))
            charts.push_back(
                {ChartText::tr("Mean SSIM per pair of models: %1").arg(QString::fromStdString(matrix.family)),
                 [=](QCustomPlot* plot) {
                     chart::buildMatrix(plot, matrix, ChartText::tr("mean SSIM"));
                     // Model names side by side need room on paper.
                     plot->xAxis->setTickLabelRotation(35);
                 },
                 0.85});
        break;
    }
    case MeasureKind::Degradation: {
        const auto bars = categoryChart(*table, "confidence_drop", groups, {"background", "object"});
        const auto scatter = degradationScatter(*table, groups);
        charts.push_back({ChartText::tr("Mean confidence drop by blurred region"),
                          [=](QCustomPlot* plot) { chart::buildBars(plot, bars, ChartText::tr("Mean score drop")); }});
        charts.push_back({ChartText::tr("Confidence drop per image"),
                          [=](QCustomPlot* plot) {
                              chart::buildScatter(plot, scatter, ChartText::tr("Score drop, background blurred"),
                                                  ChartText::tr("Score drop, object blurred"));
                          },
                          0.8});
        break;
    }
    case MeasureKind::Sanity: {
        std::vector<LabelledResults> sets = methodSets;
        if (sets.size() < 2)
            sets = {LabelledResults{{}, &results}};
        // A curve per model and method (the verdict is per model and method, in the table below),
        // per family and method when that would be more curves than a chart can tell apart.
        const bool byFamily = results.models.size() * sets.size() > 12 && !results.families.empty();
        const auto spearman = sanityChart(sets, "spearman", byFamily);
        const auto ssim = sanityChart(sets, "ssim_small", byFamily);
        const QString x = ChartText::tr("Cascading randomisation step (from the head down)");
        const QString logit = ChartText::tr("random logit");
        charts.push_back({ChartText::tr("Spearman correlation with the model's own map (dashed: pass line)"),
                          [=](QCustomPlot* plot) {
                              chart::buildSanity(plot, spearman, x, ChartText::tr("Mean Spearman correlation"), logit,
                                                 {}, SanityPassSpearman);
                          },
                          sets.size() >= 2 ? 0.55 : 0.6, sets.size() < 2});
        charts.push_back(
            {ChartText::tr("SSIM with the model's own map (small maps)"),
             [=](QCustomPlot* plot) { chart::buildSanity(plot, ssim, x, ChartText::tr("Mean map SSIM"), logit); },
             sets.size() >= 2 ? 0.55 : 0.6, sets.size() < 2});
        break;
    }
    case MeasureKind::Deletion:
    case MeasureKind::Insertion:
    case MeasureKind::Road: {
        const std::vector<LabelledResults> sets{LabelledResults{{}, &results}};
        const bool byFamily = !results.families.empty();
        for (const auto& curve : faithfulnessCurves(sets)) {
            if (curve.measure != kind)
                continue;
            const auto data = curveChart(sets, curve, byFamily);
            const QString caption = curve.name == "deletion" ? ChartText::tr("Deletion curve: lower area is better")
                : curve.name == "insertion"                  ? ChartText::tr("Insertion curve: higher area is better")
                : curve.name == "morf" ? ChartText::tr("ROAD, most relevant first: lower area is better")
                                       : ChartText::tr("ROAD, least relevant first: higher area is better");
            const QString x = curve.name == "insertion" ? ChartText::tr("Share of pixels inserted")
                                                        : ChartText::tr("Share of pixels removed");
            charts.push_back({caption,
                              [=](QCustomPlot* plot) {
                                  chart::buildCurves(plot, data.steps, x, ChartText::tr("Mean class probability"));
                                  plot->yAxis->setRange(-0.03, 1.03); // a probability, whatever the spread
                              },
                              0.65});
        }
        break;
    }
    case MeasureKind::Localisation: {
        const std::vector<LabelledResults> sets{LabelledResults{{}, &results}};
        const bool byFamily = !results.families.empty();
        for (const std::string mask : {"annotation", "mask"}) {
            auto bars = localisationChart(sets, mask, byFamily);
            const bool any = std::any_of(bars.series.begin(), bars.series.end(),
                                         [](const CategoryChart::Series& s) { return !s.points.empty(); });
            if (!any)
                continue;
            bars.categories = {ChartText::tr("pointing").toStdString(), ChartText::tr("mass").toStdString(),
                               ChartText::tr("rank").toStdString(), ChartText::tr("pixel AUC").toStdString()};
            charts.push_back({mask == "mask" ? ChartText::tr("Against the exact artefact masks")
                                             : ChartText::tr("Against the human annotations"),
                              [=](QCustomPlot* plot) { chart::buildBars(plot, bars, ChartText::tr("Mean")); }, 0.7});
        }
        break;
    }
    case MeasureKind::Predictions: break;
    }
    return charts;
}

void drawReportChart(QCPPainter& painter, const ReportChart& chart, const QRectF& rect)
{
    QCustomPlot plot;
    plot.setAttribute(Qt::WA_DontShowOnScreen);
    const int width = int(rect.width());
    const int height = int(rect.height());
    plot.resize(width, height);
    chart.build(&plot);
    painter.save();
    painter.translate(rect.topLeft());
    painter.setClipRect(QRectF(0, 0, width, height));
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    plot.toPainter(&painter, width, height);
    painter.restore();
}

} // namespace saliscope::ui
