// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportsummarytables.h"

#include "ui/report/reportcontent.h"
#include "ui/report/reporttext.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace saliscope::ui {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

/// The number at a path of keys ("entropy", "normalized", "mean"); NaN when absent or null.
double at(const QJsonObject& object, std::initializer_list<const char*> path)
{
    QJsonValue value = object;
    for (const char* key : path)
        value = value.toObject().value(QLatin1String(key));
    return value.isDouble() ? value.toDouble() : NaN;
}

QString num(double value, int decimals = 3) { return ReportText::number(value, decimals); }

QString percent(double value)
{
    return std::isfinite(value) ? QString::number(100 * value, 'f', 1) + QStringLiteral(" %")
                                : ReportText::number(value);
}

QJsonObject modelSummary(const ReportContent& content, const QString& model)
{
    return content.results.summary.value(QStringLiteral("models")).toObject().value(model).toObject();
}

bool anyFinite(const ReportContent& content, std::initializer_list<const char*> path)
{
    for (const auto& model : content.models)
        if (std::isfinite(at(modelSummary(content, model.name), path)))
            return true;
    return false;
}

ReportTable numericTable(QStringList header)
{
    ReportTable table;
    for (int c = 0; c < header.size(); ++c)
        table.alignments.push_back(c == 0 ? Qt::AlignLeft : Qt::AlignRight);
    table.header = std::move(header);
    table.boldFirstColumn = true;
    return table;
}

} // namespace

ReportTable ReportSummaryTables::scorecard(const ReportContent& content)
{
    bool families = false, hasStability = false;
    for (const auto& model : content.models) {
        families = families || !model.family.isEmpty();
        hasStability = hasStability
            || content.scorecard.value(model.name).toObject().value(QLatin1String("stability_ssim")).isDouble();
    }
    const bool hasMass = anyFinite(content, {"entropy", "annotation_mass", "mean"});
    auto has = [&](MeasureKind kind) {
        return std::find(content.measures.begin(), content.measures.end(), kind) != content.measures.end();
    };
    struct Column {
        QString title;
        const char* key;
        bool percentage;
    };
    std::vector<Column> columns{{tr("Accuracy \u2191"), "accuracy", true}, {tr("ROC AUC \u2191"), "roc_auc", false}};
    if (has(MeasureKind::Entropy))
        columns.push_back({tr("Entropy \u2193"), "entropy", false});
    if (has(MeasureKind::Entropy) && hasMass)
        columns.push_back({tr("Annotation mass \u2191"), "annotation_mass", false});
    if (has(MeasureKind::Noise))
        columns.push_back({tr("Noise SSIM area \u2191"), "noise_ssim_area", false});
    if (has(MeasureKind::Transforms))
        columns.push_back({tr("Transform SSIM \u2191"), "transform_ssim", false});
    if (has(MeasureKind::Stability) && hasStability)
        columns.push_back({tr("Stability SSIM \u2191"), "stability_ssim", false});
    if (has(MeasureKind::Degradation))
        columns.push_back({tr("Faithfulness \u2191"), "faithfulness", false});
    if (has(MeasureKind::Sanity)) {
        columns.push_back({tr("Sanity Spearman \u2193"), "sanity_spearman", false});
        columns.push_back({tr("Sanity check"), "sanity_passes", false});
    }
    columns.push_back({tr("Flat maps \u2193"), "flat_maps", false});
    QStringList header{tr("Model")};
    if (families)
        header.append(tr("Family"));
    for (const auto& column : columns)
        header.append(column.title);
    ReportTable table = numericTable(header);
    if (families)
        table.alignments[1] = Qt::AlignLeft;
    for (const auto& model : content.models) {
        const QJsonObject row = content.scorecard.value(model.name).toObject();
        QStringList cells{model.name};
        if (families)
            cells.append(model.family);
        for (const auto& column : columns) {
            const QJsonValue value = row.value(QLatin1String(column.key));
            const double number = value.isDouble() ? value.toDouble() : NaN;
            if (QLatin1String(column.key) == QLatin1String("flat_maps"))
                cells.append(value.isDouble() ? QString::number(value.toInt()) : QStringLiteral("\u2013"));
            else if (QLatin1String(column.key) == QLatin1String("sanity_passes"))
                cells.append(passText(value));
            else
                cells.append(column.percentage ? percent(number) : num(number));
        }
        table.rows.push_back(cells);
    }
    return table;
}

ReportTable ReportSummaryTables::faithfulnessScorecard(const ReportContent& content)
{
    auto has = [&](MeasureKind kind) {
        return std::find(content.measures.begin(), content.measures.end(), kind) != content.measures.end();
    };
    std::vector<std::pair<QString, const char*>> columns;
    if (has(MeasureKind::Deletion))
        columns.emplace_back(tr("Deletion AUC \u2193"), "deletion_auc");
    if (has(MeasureKind::Insertion))
        columns.emplace_back(tr("Insertion AUC \u2191"), "insertion_auc");
    if (has(MeasureKind::Road)) {
        columns.emplace_back(tr("ROAD MoRF AUC \u2193"), "road_morf_auc");
        columns.emplace_back(tr("ROAD LeRF AUC \u2191"), "road_lerf_auc");
    }
    // Localisation: the pixel AUC of each mask kind the dataset has (its section has the rest).
    if (has(MeasureKind::Localisation)) {
        if (anyFinite(content, {"localisation", "annotation_auc", "mean"}))
            columns.emplace_back(tr("Pixel AUC, annotation \u2191"), "annotation_auc");
        if (anyFinite(content, {"localisation", "mask_auc", "mean"}))
            columns.emplace_back(tr("Pixel AUC, mask \u2191"), "mask_auc");
    }
    bool families = false;
    for (const auto& model : content.models)
        families = families || !model.family.isEmpty();
    QStringList header{tr("Model")};
    if (families)
        header.append(tr("Family"));
    for (const auto& column : columns)
        header.append(column.first);
    ReportTable table = numericTable(header);
    if (families)
        table.alignments[1] = Qt::AlignLeft;
    if (columns.empty())
        return table;
    for (const auto& model : content.models) {
        const QJsonObject row = content.scorecard.value(model.name).toObject();
        QStringList cells{model.name};
        if (families)
            cells.append(model.family);
        for (const auto& column : columns) {
            const QJsonValue value = row.value(QLatin1String(column.second));
            cells.append(num(value.isDouble() ? value.toDouble() : NaN));
        }
        table.rows.push_back(cells);
    }
    return table;
}

QString ReportSummaryTables::flatExclusions(const ReportContent& content)
{
    const std::vector<std::pair<const char*, QString>> numbers{{"entropy", tr("entropy")},
                                                               {"annotation_mass", tr("annotation mass")},
                                                               {"noise_ssim_area", tr("noise SSIM")},
                                                               {"transform_ssim", tr("transform SSIM")},
                                                               {"stability_ssim", tr("stability SSIM")},
                                                               {"faithfulness", tr("faithfulness")},
                                                               {"deletion_auc", tr("deletion")},
                                                               {"insertion_auc", tr("insertion")},
                                                               {"road_morf_auc", tr("ROAD")},
                                                               {"annotation_auc", tr("localisation")}};
    QStringList perModel;
    for (const auto& model : content.models) {
        const QJsonObject excluded =
            content.scorecard.value(model.name).toObject().value(QLatin1String("flat_excluded")).toObject();
        QStringList counts;
        for (const auto& [key, title] : numbers)
            if (const int n = excluded.value(QLatin1String(key)).toInt(); n > 0)
                counts.append(tr("%1 %2").arg(title).arg(n));
        if (!counts.isEmpty())
            perModel.append(tr("%1: %2").arg(model.name, counts.join(QStringLiteral(", "))));
    }
    if (perModel.isEmpty())
        return {};
    return tr("Rows left out of these numbers because they involve a flat map: %1.")
        .arg(perModel.join(QStringLiteral("; ")));
}

ReportTable ReportSummaryTables::measureSummary(const ReportContent& content, MeasureKind kind)
{
    ReportTable table;
    switch (kind) {
    case MeasureKind::Entropy: {
        const bool mass = anyFinite(content, {"entropy", "annotation_mass", "mean"});
        QStringList header{tr("Model"),         tr("Images"),      tr("Mean"),       tr("Median"),         tr("SD"),
                           tr("Mean, correct"), tr("Mean, wrong"), tr("Mean, real"), tr("Mean, synthetic")};
        if (mass)
            header.append(tr("Annotation mass"));
        table = numericTable(header);
        for (const auto& model : content.models) {
            const QJsonObject m = modelSummary(content, model.name);
            QStringList cells{model.name,
                              QString::number(at(m, {"entropy", "normalized", "count"})),
                              num(at(m, {"entropy", "normalized", "mean"})),
                              num(at(m, {"entropy", "normalized", "median"})),
                              num(at(m, {"entropy", "normalized", "std"})),
                              num(at(m, {"entropy", "by_correctness", "correct", "mean"})),
                              num(at(m, {"entropy", "by_correctness", "incorrect", "mean"})),
                              num(at(m, {"entropy", "by_class", "0", "mean"})),
                              num(at(m, {"entropy", "by_class", "1", "mean"}))};
            if (mass)
                cells.append(num(at(m, {"entropy", "annotation_mass", "mean"})));
            table.rows.push_back(cells);
        }
        break;
    }
    case MeasureKind::Noise: {
        const auto& levels = content.results.settings.noise.levels;
        const QString first = levels.empty() ? QString() : QString::number(levels.front());
        const QString last = levels.empty() ? QString() : QString::number(levels.back());
        table = numericTable({tr("Model"), tr("SSIM area (small maps)"), tr("SSIM area (upscaled)"),
                              tr("Accuracy at %1").arg(first), tr("Accuracy at %1").arg(last),
                              tr("Score at %1").arg(first), tr("Score at %1").arg(last)});
        for (const auto& model : content.models) {
            const QJsonObject noise = modelSummary(content, model.name).value(QStringLiteral("noise")).toObject();
            const QJsonArray accuracy = noise.value(QStringLiteral("accuracy")).toArray();
            const QJsonArray score = noise.value(QStringLiteral("score")).toArray();
            auto value = [](const QJsonValue& v) { return v.isDouble() ? v.toDouble() : NaN; };
            table.rows.push_back({model.name, num(at(noise, {"auc_ssim_small"})), num(at(noise, {"auc_ssim_upscaled"})),
                                  percent(accuracy.isEmpty() ? NaN : value(accuracy.first())),
                                  percent(accuracy.isEmpty() ? NaN : value(accuracy.last())),
                                  num(score.isEmpty() ? NaN : at(score.first().toObject(), {"mean"})),
                                  num(score.isEmpty() ? NaN : at(score.last().toObject(), {"mean"}))});
        }
        break;
    }
    case MeasureKind::Transforms: {
        table = numericTable({tr("Model"), tr("Mean SSIM"), tr("SD"), tr("Predictions changed"),
                              tr("Weakest transformation"), tr("Its mean SSIM")});
        table.alignments[4] = Qt::AlignLeft;
        for (const auto& model : content.models) {
            const QJsonObject t = modelSummary(content, model.name).value(QStringLiteral("transforms")).toObject();
            const QJsonObject perTransform = t.value(QStringLiteral("per_transform")).toObject();
            QString weakest;
            double weakestValue = NaN;
            for (auto it = perTransform.begin(); it != perTransform.end(); ++it) {
                const double mean = at(it.value().toObject(), {"ssim_mean"});
                if (std::isfinite(mean) && (!std::isfinite(weakestValue) || mean < weakestValue)) {
                    weakestValue = mean;
                    weakest = it.key();
                }
            }
            table.rows.push_back({model.name, num(at(t, {"ssim", "mean"})), num(at(t, {"ssim", "std"})),
                                  percent(at(t, {"flip_rate"})), weakest, num(weakestValue)});
        }
        break;
    }
    case MeasureKind::Stability: {
        table = numericTable({tr("Family"), tr("Models"), tr("Pairs"), tr("Mean SSIM"), tr("Median"), tr("SD"),
                              tr("Lowest image mean")});
        table.alignments[1] = Qt::AlignLeft;
        const QJsonObject families = content.results.summary.value(QStringLiteral("families")).toObject();
        for (auto it = families.begin(); it != families.end(); ++it) {
            const QJsonObject f = it.value().toObject();
            QStringList members;
            for (const auto& member : f.value(QStringLiteral("members")).toArray())
                members.append(member.toString());
            table.rows.push_back({it.key(), members.join(QStringLiteral(", ")), QString::number(at(f, {"pairs"})),
                                  num(at(f, {"ssim", "mean"})), num(at(f, {"ssim", "median"})),
                                  num(at(f, {"ssim", "std"})), num(at(f, {"per_image_mean", "min"}))});
        }
        break;
    }
    case MeasureKind::Degradation: {
        table = numericTable({tr("Model"), tr("Confidence drop, background blurred"),
                              tr("Confidence drop, object blurred"), tr("Faithfulness"),
                              tr("Accuracy drop, background"), tr("Accuracy drop, object")});
        for (const auto& model : content.models) {
            const QJsonObject d = modelSummary(content, model.name).value(QStringLiteral("degradation")).toObject();
            table.rows.push_back({model.name, num(at(d, {"background", "confidence_drop"})),
                                  num(at(d, {"object", "confidence_drop"})), num(at(d, {"faithfulness"})),
                                  percent(at(d, {"background", "accuracy_drop"})),
                                  percent(at(d, {"object", "accuracy_drop"}))});
        }
        break;
    }
    case MeasureKind::Sanity: {
        table = numericTable({tr("Model"), tr("Method"), tr("Steps"), tr("Final Spearman"), tr("SD"), tr("Final SSIM"),
                              tr("Random logit, Spearman"), tr("Random logit, SSIM"), tr("Result")});
        table.alignments[1] = Qt::AlignLeft;
        table.alignments[8] = Qt::AlignLeft;
        std::vector<std::pair<QString, const QJsonObject*>> sets;
        if (content.methodSets.size() >= 2)
            for (const auto& set : content.methodSets)
                sets.emplace_back(set.method, &set.results.summary);
        else
            sets.emplace_back(content.method, &content.results.summary);
        for (const auto& model : content.models)
            for (const auto& [method, summary] : sets) {
                const QJsonObject sanity = summary->value(QStringLiteral("models"))
                                               .toObject()
                                               .value(model.name)
                                               .toObject()
                                               .value(QStringLiteral("sanity"))
                                               .toObject();
                if (sanity.isEmpty())
                    continue;
                const QJsonArray steps = sanity.value(QStringLiteral("steps")).toArray();
                const QJsonObject last = steps.isEmpty() ? QJsonObject() : steps.last().toObject();
                table.rows.push_back({model.name, method, QString::number(steps.size()),
                                      num(at(last, {"spearman_mean"})), num(at(last, {"spearman_std"})),
                                      num(at(last, {"ssim_mean"})),
                                      num(at(sanity, {"random_logit", "spearman", "mean"})),
                                      num(at(sanity, {"random_logit", "ssim", "mean"})),
                                      passText(sanity.value(QStringLiteral("passes")))});
            }
        break;
    }
    case MeasureKind::Deletion:
    case MeasureKind::Insertion:
    case MeasureKind::Road: return curves(content);
    case MeasureKind::Localisation: return localisation(content, "annotation");
    case MeasureKind::Predictions: break;
    }
    return table;
}

ReportTable ReportSummaryTables::curves(const ReportContent& content)
{
    struct Column {
        const char* measure;
        const char* curve;
        QString title;
    };
    const Column all[] = {{"deletion", "deletion", tr("Deletion AUC \u2193")},
                          {"insertion", "insertion", tr("Insertion AUC \u2191")},
                          {"road", "morf", tr("ROAD MoRF AUC \u2193")},
                          {"road", "lerf", tr("ROAD LeRF AUC \u2191")}};
    std::vector<Column> columns;
    for (const auto& column : all)
        if (anyFinite(content, {column.measure, "curves", column.curve, "auc", "count"}))
            columns.push_back(column);
    QStringList header{tr("Model"), tr("Images")};
    for (const auto& column : columns)
        header.append(column.title);
    ReportTable table = numericTable(header);
    if (columns.empty())
        return table;
    for (const auto& model : content.models) {
        const QJsonObject m = modelSummary(content, model.name);
        QStringList cells{model.name,
                          QString::number(
                              at(m, {columns.front().measure, "curves", columns.front().curve, "auc", "count"}))};
        for (const auto& column : columns)
            cells.append(tr("%1 \u00b1 %2")
                             .arg(num(at(m, {column.measure, "curves", column.curve, "auc", "mean"})),
                                  num(at(m, {column.measure, "curves", column.curve, "auc", "std"}))));
        table.rows.push_back(cells);
    }
    return table;
}

ReportTable ReportSummaryTables::localisation(const ReportContent& content, const std::string& mask)
{
    const std::string prefix = mask + "_";
    auto key = [&](const char* metric) { return prefix + metric; };
    ReportTable table = numericTable({tr("Model"), tr("Images"), tr("Pointing game \u2191"),
                                      tr("Relevance mass \u2191"), tr("Relevance rank \u2191"),
                                      tr("Pixel AUC \u2191")});
    const std::string auc = key("auc");
    if (!anyFinite(content, {"localisation", auc.c_str(), "mean"}))
        return table;
    for (const auto& model : content.models) {
        const QJsonObject l = modelSummary(content, model.name).value(QStringLiteral("localisation")).toObject();
        auto mean = [&](const char* metric) {
            const std::string column = key(metric);
            return num(at(l, {column.c_str(), "mean"}));
        };
        table.rows.push_back({model.name, QString::number(at(l, {auc.c_str(), "count"})), mean("pointing"),
                              mean("mass"), mean("rank"), mean("auc")});
    }
    return table;
}

QString ReportSummaryTables::passText(const QJsonValue& passes)
{
    if (!passes.isBool())
        return ReportText::number(NaN);
    return passes.toBool() ? tr("pass") : tr("fail");
}

ReportTable ReportSummaryTables::methodsSideBySide(const ReportContent& content)
{
    if (content.methodSets.size() < 2)
        return {};
    struct Column {
        QString title;
        const char* key;
        bool percentage;
    };
    const std::vector<Column> all{{tr("Accuracy \u2191"), "accuracy", true},
                                  {tr("ROC AUC \u2191"), "roc_auc", false},
                                  {tr("Entropy \u2193"), "entropy", false},
                                  {tr("Noise SSIM area \u2191"), "noise_ssim_area", false},
                                  {tr("Transform SSIM \u2191"), "transform_ssim", false},
                                  {tr("Stability SSIM \u2191"), "stability_ssim", false},
                                  {tr("Faithfulness \u2191"), "faithfulness", false},
                                  {tr("Sanity Spearman \u2193"), "sanity_spearman", false},
                                  {tr("Sanity check"), "sanity_passes", false},
                                  {tr("Deletion AUC \u2193"), "deletion_auc", false},
                                  {tr("Insertion AUC \u2191"), "insertion_auc", false},
                                  {tr("ROAD MoRF AUC \u2193"), "road_morf_auc", false},
                                  {tr("ROAD LeRF AUC \u2191"), "road_lerf_auc", false},
                                  {tr("Pixel AUC, annotation \u2191"), "annotation_auc", false},
                                  {tr("Pixel AUC, mask \u2191"), "mask_auc", false}};
    std::vector<Column> columns;
    for (const auto& column : all) {
        bool any = false;
        for (const auto& set : content.methodSets)
            for (const auto& model : content.models) {
                const QJsonValue value = set.scorecard.value(model.name).toObject().value(QLatin1String(column.key));
                any = any || value.isDouble() || value.isBool();
            }
        if (any)
            columns.push_back(column);
    }
    QStringList header{tr("Model"), tr("Method")};
    for (const auto& column : columns)
        header.append(column.title);
    ReportTable table = numericTable(header);
    table.alignments[1] = Qt::AlignLeft;
    for (const auto& model : content.models)
        for (const auto& set : content.methodSets) {
            const QJsonObject row = set.scorecard.value(model.name).toObject();
            if (row.isEmpty())
                continue;
            QStringList cells{model.name, set.method};
            for (const auto& column : columns) {
                const QJsonValue value = row.value(QLatin1String(column.key));
                const double number = value.isDouble() ? value.toDouble() : NaN;
                if (QLatin1String(column.key) == QLatin1String("sanity_passes"))
                    cells.append(passText(value));
                else
                    cells.append(column.percentage ? percent(number) : num(number));
            }
            table.rows.push_back(cells);
        }
    return table;
}

ReportTable ReportSummaryTables::perGroup(const ReportContent& content)
{
    const QJsonObject cards = groupScorecards(content.results.summary);
    if (cards.isEmpty())
        return {};
    struct Column {
        QString title;
        const char* key;
        bool percentage;
    };
    const std::vector<Column> all{{tr("Accuracy \u2191"), "accuracy", true},
                                  {tr("ROC AUC \u2191"), "roc_auc", false},
                                  {tr("Entropy \u2193"), "entropy", false},
                                  {tr("Noise SSIM area \u2191"), "noise_ssim_area", false},
                                  {tr("Transform SSIM \u2191"), "transform_ssim", false},
                                  {tr("Stability SSIM \u2191"), "stability_ssim", false},
                                  {tr("Faithfulness \u2191"), "faithfulness", false},
                                  {tr("Sanity Spearman \u2193"), "sanity_spearman", false},
                                  {tr("Deletion AUC \u2193"), "deletion_auc", false},
                                  {tr("Insertion AUC \u2191"), "insertion_auc", false},
                                  {tr("ROAD MoRF AUC \u2193"), "road_morf_auc", false},
                                  {tr("ROAD LeRF AUC \u2191"), "road_lerf_auc", false},
                                  {tr("Pixel AUC, annotation \u2191"), "annotation_auc", false},
                                  {tr("Pixel AUC, mask \u2191"), "mask_auc", false}};
    std::vector<Column> columns;
    for (const auto& column : all) {
        bool any = false;
        for (const auto& group : cards)
            for (const auto& model : content.models)
                any = any || group.toObject().value(model.name).toObject().value(QLatin1String(column.key)).isDouble();
        if (any)
            columns.push_back(column);
    }
    QStringList header{tr("Model"), tr("Group"), tr("Images")};
    for (const auto& column : columns)
        header.append(column.title);
    ReportTable table = numericTable(header);
    table.alignments[1] = Qt::AlignLeft;
    for (const auto& model : content.models)
        for (auto group = cards.begin(); group != cards.end(); ++group) {
            const QJsonObject row = group.value().toObject().value(model.name).toObject();
            if (row.isEmpty())
                continue;
            QStringList cells{model.name, group.key(), QString::number(row.value(QLatin1String("images")).toInt())};
            for (const auto& column : columns) {
                const QJsonValue value = row.value(QLatin1String(column.key));
                const double number = value.isDouble() ? value.toDouble() : NaN;
                cells.append(column.percentage ? percent(number) : num(number));
            }
            table.rows.push_back(cells);
        }
    return table;
}

ReportTable ReportSummaryTables::videoLevel(const ReportContent& content)
{
    ReportTable table = numericTable(
        {tr("Model"), tr("Videos"), tr("Labelled"), tr("Video accuracy \u2191"), tr("Video ROC AUC \u2191")});
    for (const auto& model : content.models) {
        const QJsonObject videos = modelSummary(content, model.name).value(QLatin1String("videos")).toObject();
        if (videos.isEmpty())
            continue;
        const QJsonValue accuracy = videos.value(QLatin1String("accuracy"));
        const QJsonValue auc = videos.value(QLatin1String("roc_auc"));
        table.rows.push_back({model.name, QString::number(videos.value(QLatin1String("count")).toInt()),
                              QString::number(videos.value(QLatin1String("labelled")).toInt()),
                              percent(accuracy.isDouble() ? accuracy.toDouble() : NaN),
                              num(auc.isDouble() ? auc.toDouble() : NaN)});
    }
    return table;
}

ReportTable ReportSummaryTables::videoTable(const ReportContent& content, int limit, int* total)
{
    ReportTable table = numericTable({tr("Model"), tr("Video"), tr("Label"), tr("Group"), tr("Frames"),
                                      tr("Video score"), tr("Predicted"), tr("Right")});
    table.alignments[1] = Qt::AlignLeft;
    table.alignments[3] = Qt::AlignLeft;
    int count = 0;
    for (const auto& model : content.models) {
        const QJsonArray videos = modelSummary(content, model.name)
                                      .value(QLatin1String("videos"))
                                      .toObject()
                                      .value(QLatin1String("table"))
                                      .toArray();
        for (const auto& entry : videos) {
            ++count;
            if (int(table.rows.size()) >= limit)
                continue;
            const QJsonObject video = entry.toObject();
            const int label = video.value(QLatin1String("label")).toInt(-1);
            const int predicted = video.value(QLatin1String("predicted")).toInt(-1);
            const QJsonValue correct = video.value(QLatin1String("correct"));
            const QJsonValue score = video.value(QLatin1String("score"));
            table.rows.push_back(
                {model.name, QFileInfo(video.value(QLatin1String("video")).toString()).fileName(),
                 label < 0 ? tr("unknown") : QString::number(label), video.value(QLatin1String("group")).toString(),
                 QString::number(video.value(QLatin1String("frames")).toInt()),
                 num(score.isDouble() ? score.toDouble() : NaN),
                 predicted < 0 ? QStringLiteral("\u2013") : QString::number(predicted),
                 correct.isDouble() ? (correct.toInt() == 1 ? tr("right") : tr("wrong")) : QStringLiteral("\u2013")});
        }
    }
    if (total)
        *total = count;
    return table;
}

ReportTable ReportSummaryTables::parameters(const MeasureSettings& settings, MeasureKind kind)
{
    ReportTable table;
    table.header = QStringList{tr("Parameter"), tr("Value"), tr("Meaning")};
    for (const auto& key : ReportText::parameterKeys(kind)) {
        QString meaning;
        for (const auto& parameter : measureParameters())
            if (parameter.key == key)
                meaning = QCoreApplication::translate("MeasureParameter", parameter.explanation.c_str());
        table.rows.push_back({QString::fromStdString(key), QString::fromStdString(settings.value(key)), meaning});
    }
    return table;
}

ReportTable ReportSummaryTables::models(const ReportContent& content)
{
    ReportTable table;
    table.header = QStringList{tr("Model"), tr("Family"), tr("Kind"), tr("CAM layer"), tr("File")};
    table.boldFirstColumn = true;
    for (const auto& model : content.models)
        table.rows.push_back({model.name, model.family, QString::fromStdString(model.stored.kind),
                              QString::fromStdString(model.stored.camLayer),
                              model.stored.id ? QString::fromStdString(model.stored.path) : tr("not in the project")});
    return table;
}

} // namespace saliscope::ui
