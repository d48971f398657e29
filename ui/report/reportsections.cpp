// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportsections.h"

#include "ui/report/chartadapters.h"
#include "ui/report/reportcharts.h"
#include "ui/report/reportcontent.h"
#include "ui/report/reportlayout.h"
#include "ui/report/reportsummarytables.h"
#include "ui/report/reporttable.h"
#include "ui/report/reporttext.h"

#include <QFileInfo>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

namespace saliscope::ui {

namespace {

QString numbered(int number, const QString& title) { return QStringLiteral("%1. %2").arg(number).arg(title); }

/// "title (Grad-CAM)": a figure's or table's title with the method its maps were made with.
QString withMethod(const QString& title, const QString& method)
{
    return method.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, method);
}

/// The methods a sanity section draws side by side ("Grad-CAM, Eigen-CAM"), or the report's one.
QString sanityMethods(const ReportContent& content)
{
    if (content.methodSets.size() < 2)
        return content.method;
    QStringList methods;
    for (const auto& set : content.methodSets)
        if (set.results.table(MeasureKind::Sanity))
            methods.append(set.method);
    return methods.join(QStringLiteral(", "));
}

/// A heading and its table, kept on one page when the table is short (a third of a page or less).
void headedTable(ReportLayout& layout, const QString& title, const ReportTable& table)
{
    const double height = tableHeight(layout, table);
    const double headingHeight = layout.textHeight(title, layout.font(ReportFont::Heading2), layout.width())
        + layout.points(14);
    if (height <= layout.pageHeight() / 3)
        layout.ensureSpace(headingHeight + height);
    layout.heading(title, ReportFont::Heading2, 40);
    drawTable(layout, table);
}

/// Charts two by two (half-width ones) or one per row, each with its caption above.
void drawCharts(ReportLayout& layout, const std::vector<ReportChart>& charts, const ReportChartDrawer& drawChart)
{
    const double gap = layout.points(12);
    const QFont captionFont = layout.font(ReportFont::SmallBold);
    std::size_t i = 0;
    while (i < charts.size()) {
        std::vector<const ReportChart*> row{&charts[i]};
        if (charts[i].halfWidth && i + 1 < charts.size() && charts[i + 1].halfWidth)
            row.push_back(&charts[i + 1]);
        i += row.size();
        const double width = row.size() == 2 || row.front()->halfWidth ? (layout.width() - gap) / 2 : layout.width();
        double height = 0;
        for (const ReportChart* chart : row)
            height = std::max(height, width * chart->aspect);
        height = std::min(height, layout.pageHeight() * 0.6);
        double captions = 0;
        for (const ReportChart* chart : row)
            captions = std::max(captions, layout.textHeight(chart->caption, captionFont, width));
        const QRectF band = layout.take(captions + layout.points(2) + height);
        double x = 0;
        for (const ReportChart* chart : row) {
            layout.drawText(QRectF(x, band.top(), width, captions), chart->caption, captionFont);
            drawChart(*chart, QRectF(x, band.top() + captions + layout.points(2), width, height));
            x += width + gap;
        }
        layout.skip(gap);
    }
}

/// The height of a gallery entry kept on one page (caption and every row of tiles).
double galleryEntryHeight(ReportLayout& layout, const GalleryEntry& entry)
{
    const double gap = layout.points(5);
    const int tiles = 1 + int(entry.tiles.size());
    const int columns = std::min(6, tiles);
    const double size = (layout.width() - gap * (columns - 1)) / columns;
    const QFont small = layout.font(ReportFont::Small);
    const double labelHeight = 2 * layout.textHeight(QStringLiteral("Ag"), small, size) + layout.points(2);
    const double caption = layout.textHeight(entry.caption, layout.font(ReportFont::SmallBold), layout.width())
        + layout.textHeight(QStringLiteral("Ag"), small, layout.width()) + layout.points(3);
    const int rows = (tiles + columns - 1) / columns;
    return caption + rows * (size + labelHeight + gap);
}

/// One gallery image: its caption, then the image and each model's overlay in rows of tiles.
void drawGalleryEntry(ReportLayout& layout, const GalleryEntry& entry)
{
    QPainter& painter = layout.painter();
    const double gap = layout.points(5);
    const int tiles = 1 + int(entry.tiles.size());
    const int columns = std::min(6, tiles);
    const double size = (layout.width() - gap * (columns - 1)) / columns;
    const QFont small = layout.font(ReportFont::Small);
    const QFont bold = layout.font(ReportFont::SmallBold);
    const double labelHeight = 2 * layout.textHeight(QStringLiteral("Ag"), small, size) + layout.points(2);
    const QString caption = entry.caption;
    const QString file = entry.label.isEmpty()
        ? QFileInfo(entry.path).fileName()
        : ReportSections::tr("%1, labelled %2").arg(QFileInfo(entry.path).fileName(), entry.label);
    const double captionHeight = layout.textHeight(caption, bold, layout.width())
        + layout.textHeight(file, small, layout.width()) + layout.points(3);
    const double rowHeight = size + labelHeight + gap;
    const int rows = (tiles + columns - 1) / columns;
    // The whole entry on one page when it fits; else at least its caption and first row.
    layout.ensureSpace(captionHeight
                       + rowHeight * (captionHeight + rows * rowHeight <= layout.pageHeight() ? rows : 1));
    const QRectF captionBand = layout.take(captionHeight);
    const double boldHeight = layout.textHeight(caption, bold, layout.width());
    layout.drawText(QRectF(0, captionBand.top(), layout.width(), boldHeight), caption, bold);
    painter.setPen(QColor(90, 90, 90));
    painter.setFont(small);
    painter.drawText(QRectF(0, captionBand.top() + boldHeight, layout.width(), captionBand.height() - boldHeight),
                     Qt::AlignLeft | Qt::AlignTop, file);

    auto drawTile = [&](const QRectF& square, const QImage& image, const QString& label, const QString& note) {
        if (!image.isNull()) {
            // Maps keep their exact colours (Flate, not JPEG).
            painter.setRenderHint(QPainter::LosslessImageRendering);
            painter.drawImage(square, image);
            painter.setRenderHint(QPainter::LosslessImageRendering, false);
        } else {
            painter.fillRect(square, QColor(236, 236, 236));
            layout.drawText(square.adjusted(layout.points(3), layout.points(3), -layout.points(3), -layout.points(3)),
                            note, small, Qt::AlignCenter);
        }
        painter.setPen(QPen(QColor(180, 180, 180), layout.points(0.4)));
        painter.drawRect(square);
        layout.drawText(QRectF(square.left(), square.bottom() + layout.points(2), square.width(), labelHeight), label,
                        small, Qt::AlignHCenter);
    };
    for (int start = 0; start < tiles; start += columns) {
        const QRectF band = layout.take(rowHeight);
        for (int column = 0; column < columns && start + column < tiles; ++column) {
            const QRectF square(column * (size + gap), band.top(), size, size);
            const int index = start + column;
            if (index == 0)
                drawTile(square, entry.image, ReportSections::tr("Image"), ReportSections::tr("image not available"));
            else {
                const GalleryTile& tile = entry.tiles[std::size_t(index - 1)];
                drawTile(square, tile.overlay, tile.model, tile.note);
            }
        }
    }
    layout.skip(layout.points(6));
}

} // namespace

void ReportSections::titlePage(ReportLayout& layout, const ReportContent& content, const QString& language)
{
    QPainter& painter = layout.painter();
    layout.skip(layout.points(1));
    const QRectF brand = layout.take(layout.points(16));
    painter.setFont(layout.font(ReportFont::Bold));
    painter.setPen(QColor(70, 90, 140));
    painter.drawText(brand, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Saliscope"));
    layout.heading(tr("Salience review"), ReportFont::Title, 60);
    layout.paragraph(QFileInfo(content.projectPath).fileName(), ReportFont::Heading2);

    std::set<QString> families;
    for (const auto& model : content.models)
        if (!model.family.isEmpty())
            families.insert(model.family);
    QStringList familyNames(families.begin(), families.end());
    QStringList measures;
    for (auto kind : content.measures)
        if (!measures.contains(ReportText::measureTitle(kind))) // the three curve measures share a title
            measures.append(ReportText::measureTitle(kind));
    const QLocale locale(language);
    ReportTable facts;
    facts.header = QStringList{QString(), QString()};
    facts.showHeader = false;
    facts.boldFirstColumn = true;
    facts.rows = {
        {tr("Project"), content.projectPath},
        {tr("Dataset"), content.datasetLocation},
        {tr("Images"), tr("%1 (%2 without results)").arg(content.imageCount).arg(content.skipped.size())},
        {tr("Models"),
         familyNames.isEmpty() ? QString::number(content.models.size())
                               : tr("%1 in %2 families: %3")
                                     .arg(content.models.size())
                                     .arg(familyNames.size())
                                     .arg(familyNames.join(QStringLiteral(", ")))},
        {tr("Measures"), measures.join(QStringLiteral(", "))},
        {tr("Report date"), locale.toString(content.created, QLocale::LongFormat)},
        {tr("Software"), tr("Saliscope %1").arg(content.softwareVersion)},
        {tr("Runs made with"), tr("Saliscope %1").arg(content.runSoftwareVersions)},
        {tr("Device"), content.devices},
        {tr("Runs finished"), content.runsFinished},
    };
    facts.alignments = {Qt::AlignLeft, Qt::AlignLeft};
    drawTable(layout, facts);

    headedTable(layout, tr("Models"), ReportSummaryTables::models(content));
    if (!content.warnings.isEmpty()) {
        layout.heading(tr("Notes"), ReportFont::Heading2, 20);
        for (const QString& warning : content.warnings)
            layout.paragraph(QStringLiteral("\u2022 ") + warning, ReportFont::Small);
    }
}

void ReportSections::scorecard(ReportLayout& layout, const ReportContent& content, int number)
{
    layout.heading(numbered(number, withMethod(tr("Scorecard"), content.method)), ReportFont::Heading1);
    layout.paragraph(
        tr("One number per measure for each model, to compare models of similar accuracy. The arrow says which way "
           "is better. Entropy: mean normalised entropy of the maps. Annotation mass: share of salience inside the "
           "human annotations. Noise SSIM area: area under the map-SSIM curve over the noise levels. Transform SSIM: "
           "mean map SSIM over the transformations. Stability SSIM: the family's mean pairwise map SSIM. "
           "Faithfulness: confidence drop when the object is blurred minus the drop when the background is. "
           "Flat maps: clean images whose map is flat (no defined salience); an entropy or SSIM that involves a "
           "flat map is left out of every number."));
    if (std::find(content.measures.begin(), content.measures.end(), MeasureKind::Sanity) != content.measures.end())
        layout.paragraph(tr("Sanity Spearman: mean Spearman correlation of the fully randomised model's maps with "
                            "the model's own maps (lower is better); the sanity check passes when it is below 0.5."));
    drawTable(layout, ReportSummaryTables::scorecard(content));
    if (const QString exclusions = ReportSummaryTables::flatExclusions(content); !exclusions.isEmpty())
        layout.paragraph(exclusions);
    // The faithfulness curves and localisation in a table of their own (one table would not fit
    // the page's width).
    if (const ReportTable more = ReportSummaryTables::faithfulnessScorecard(content); !more.rows.empty()) {
        layout.paragraph(tr("Faithfulness curves and localisation: the mean area under each curve (deletion and ROAD "
                            "most relevant first: lower is better; insertion and ROAD least relevant first: higher is "
                            "better) and the pixel AUC of the maps against the human annotations and the exact "
                            "artefact masks (higher is better)."));
        drawTable(layout, more);
    }
}

void ReportSections::measure(ReportLayout& layout, const ReportContent& content, MeasureKind kind, int number,
                             const ReportChartDrawer& drawChart)
{
    layout.heading(numbered(number, ReportText::measureTitle(kind)), ReportFont::Heading1);
    layout.paragraph(ReportText::howToRead(kind));
    // Every figure and table names the method its maps were made with.
    const bool sanity = kind == MeasureKind::Sanity;
    const QString method = sanity ? sanityMethods(content) : content.method;
    std::vector<LabelledResults> methodSets;
    if (sanity && content.methodSets.size() >= 2)
        for (const auto& set : content.methodSets)
            methodSets.push_back({set.method.toStdString(), &set.results});
    auto charts = reportCharts(kind, content.results, methodSets);
    for (auto& chart : charts)
        chart.caption = withMethod(chart.caption, method);
    drawCharts(layout, charts, drawChart);
    if (kind == MeasureKind::Localisation) {
        // A table per mask kind the dataset has.
        bool any = false;
        for (const auto& [mask, title] :
             {std::pair<std::string, QString>{"annotation", tr("Against the human annotations")},
              std::pair<std::string, QString>{"mask", tr("Against the exact artefact masks")}}) {
            const ReportTable table = ReportSummaryTables::localisation(content, mask);
            if (table.rows.empty())
                continue;
            headedTable(layout, withMethod(title, method), table);
            any = true;
        }
        if (!any)
            layout.paragraph(tr("No image of the dataset has an annotation or a mask: there is nothing to score."));
        headedTable(layout, withMethod(tr("Parameters"), content.method),
                    ReportSummaryTables::parameters(content.results.settings, kind));
        return;
    }
    const ReportTable summary = ReportSummaryTables::measureSummary(content, kind);
    if (!summary.rows.empty())
        headedTable(layout,
                    withMethod(kind == MeasureKind::Stability      ? tr("Results per family")
                                   : sanity && !methodSets.empty() ? tr("Results per model and method")
                                                                   : tr("Results per model"),
                               method),
                    summary);
    if (sanity)
        layout.paragraph(
            tr("Passing means that the maps of the fully randomised model are no longer like the model's own "
               "(mean Spearman correlation below 0.5): the maps depend on what the model learned. A method that "
               "fails gives much the same map whatever the weights, so its maps say little about the model. The "
               "random-logit values compare the map of another class with the predicted class's: a low value means "
               "the maps are specific to the class they explain; n/a where there is no value, for instance when every "
               "map of the other class is flat (no defined salience)."));
    headedTable(layout, withMethod(tr("Parameters"), content.method),
                ReportSummaryTables::parameters(content.results.settings, kind));
}

void ReportSections::curves(ReportLayout& layout, const ReportContent& content, int number,
                            const ReportChartDrawer& drawChart)
{
    layout.heading(numbered(number, ReportText::measureTitle(MeasureKind::Deletion)), ReportFont::Heading1);
    layout.paragraph(ReportText::howToRead(MeasureKind::Deletion));
    const CurveParams& parameters = content.results.settings.curves;
    const QString baseline = parameters.baseline == CurveBaseline::Blur
        ? tr("a copy of the image blurred with a Gaussian of sigma %1 pixels").arg(parameters.blurSigma)
        : tr("the constant grey level %1").arg(parameters.constant);
    const std::vector<LabelledResults> sets{LabelledResults{{}, &content.results}};
    for (const auto& curve : faithfulnessCurves(sets)) {
        QString sentence = ReportText::curveSentence(curve.name);
        if (curve.name == "deletion")
            sentence = sentence.arg(baseline);
        layout.paragraph(sentence);
    }
    std::vector<ReportChart> charts;
    for (MeasureKind kind : {MeasureKind::Deletion, MeasureKind::Insertion, MeasureKind::Road})
        if (std::find(content.measures.begin(), content.measures.end(), kind) != content.measures.end())
            for (auto& chart : reportCharts(kind, content.results))
                charts.push_back(std::move(chart));
    for (auto& chart : charts)
        chart.caption = withMethod(chart.caption, content.method);
    drawCharts(layout, charts, drawChart);
    const ReportTable table = ReportSummaryTables::curves(content);
    if (!table.rows.empty())
        headedTable(layout, withMethod(tr("Mean area under each curve per model (\u00b1 SD)"), content.method), table);
    headedTable(layout, withMethod(tr("Parameters"), content.method),
                ReportSummaryTables::parameters(content.results.settings, MeasureKind::Deletion));
}

void ReportSections::methods(ReportLayout& layout, const ReportContent& content, int number)
{
    layout.heading(numbered(number, tr("Methods side by side")), ReportFont::Heading1);
    QStringList methods;
    for (const auto& set : content.methodSets)
        methods.append(set.method);
    layout.paragraph(tr("The project holds runs on this dataset with the same parameters but for the salience method "
                        "(%1). The scorecard's numbers of each model under each method, side by side; the other "
                        "sections show %2.")
                         .arg(methods.join(QStringLiteral(", ")), content.method));
    drawTable(layout, ReportSummaryTables::methodsSideBySide(content));
}

void ReportSections::groups(ReportLayout& layout, const ReportContent& content, int number)
{
    layout.heading(numbered(number, tr("Per group")), ReportFont::Heading1);
    layout.paragraph(tr("The dataset's images have groups (manipulation method, generator, source or video). The "
                        "scorecard's numbers of each model over each group's images; ROC AUC only where a group has "
                        "both classes (a group of fakes only has none: read its accuracy). Images without a group "
                        "are in no row."));
    drawTable(layout, ReportSummaryTables::perGroup(content));
}

void ReportSections::videos(ReportLayout& layout, const ReportContent& content, int number)
{
    layout.heading(numbered(number, tr("Per video")), ReportFont::Heading1);
    layout.paragraph(tr("The images are frames of videos. A video's score is the mean of its frames' scores, "
                        "predicted fake when at least 0.5; the video-level accuracy and ROC AUC compare the videos' "
                        "scores with their labels."));
    drawTable(layout, ReportSummaryTables::videoLevel(content));
    int total = 0;
    const ReportTable table = ReportSummaryTables::videoTable(content, VideoRows, &total);
    layout.paragraph(int(table.rows.size()) < total
                         ? tr("The first %1 of %2 rows (every model's videos, by path); saliscope-cli export and "
                              "summary.json have them all.")
                               .arg(table.rows.size())
                               .arg(total)
                         : tr("Every model's videos, by path."));
    drawTable(layout, table);
}

void ReportSections::gallery(ReportLayout& layout, const ReportContent& content, int number)
{
    layout.heading(numbered(number, tr("Gallery")), ReportFont::Heading1);
    layout.paragraph(tr("For each measure, the images at both ends of its per-image values, with each model's "
                        "%1 map laid over the image (jet colours: red is most salient).")
                         .arg(content.method));
    for (auto kind : content.measures) {
        const auto it = content.gallery.find(kind);
        if (it == content.gallery.end() || it->second.empty())
            continue;
        // The heading, its introduction and the first image stay together.
        const QString title = ReportText::measureTitle(kind);
        const QString introduction = ReportText::galleryIntroduction(kind);
        const double first = std::min(galleryEntryHeight(layout, it->second.front()), layout.pageHeight() / 2);
        layout.ensureSpace(layout.textHeight(title, layout.font(ReportFont::Heading2), layout.width())
                           + layout.textHeight(introduction, layout.font(ReportFont::Small), layout.width())
                           + layout.points(24) + first);
        layout.heading(title, ReportFont::Heading2, 40);
        layout.paragraph(introduction, ReportFont::Small);
        for (const auto& entry : it->second)
            drawGalleryEntry(layout, entry);
    }
}

void ReportSections::skipped(ReportLayout& layout, const ReportContent& content, int number)
{
    layout.heading(numbered(number, tr("Skipped images")), ReportFont::Heading1);
    if (content.skipped.empty()) {
        layout.paragraph(tr("None: every image of the dataset has results."));
        return;
    }
    layout.paragraph(content.skipped.size() == 1
                         ? tr("One image of the dataset has no results in the runs, for the reason below.")
                         : tr("%1 images of the dataset have no results in the runs, for the reasons below.")
                               .arg(content.skipped.size()));
    ReportTable table;
    table.header = QStringList{tr("Image"), tr("Reason")};
    for (const auto& image : content.skipped)
        table.rows.push_back({image.path, image.reason});
    drawTable(layout, table);
}

} // namespace saliscope::ui
