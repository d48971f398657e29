// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/measuresummary.h"

#include "core/dataset/videoframes.h"
#include "core/measures/curvemeasures.h"
#include "core/measures/flatmaps.h"
#include "core/measures/statistics.h"

#include <QJsonArray>
#include <QString>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace saliscope {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

QJsonValue number(double value) { return std::isfinite(value) ? QJsonValue(value) : QJsonValue(); }

QJsonObject statsJson(const std::vector<double>& values)
{
    const auto s = summarize(values);
    return QJsonObject{{"count", double(s.count)},           {"mean", number(s.mean)},   {"median", number(s.median)},
                       {"std", number(s.standardDeviation)}, {"min", number(s.minimum)}, {"max", number(s.maximum)}};
}

/// Entropies live in [0, 1]; SSIM in [-1, 1].
QJsonObject histogramJson(const std::vector<double>& values, int bins, double lower = 0.0, double upper = 1.0)
{
    const auto h = histogram(values, bins, lower, upper);
    QJsonArray counts;
    for (auto c : h.counts)
        counts.append(double(c));
    return QJsonObject{{"lower", h.lower}, {"upper", h.upper}, {"counts", counts}};
}

double meanOf(const std::vector<double>& values) { return summarize(values).mean; }

/// Values of one column, grouped by model then by variant.
using Grouped = std::map<std::string, std::map<std::string, std::vector<double>>>;

Grouped groupColumn(const MeasureTable& table, const std::string& column)
{
    Grouped grouped;
    const int c = table.column(column);
    if (c < 0)
        return grouped;
    for (const auto& row : table.rows)
        grouped[row.model][row.variant].push_back(row.values[std::size_t(c)]);
    return grouped;
}

/// Rows that involve a flat map (FlatMaps' rule), per model and variant: one pass over a table,
/// so that each block of the summary looks its counts up instead of scanning every row again.
class FlatRowCounts final {
public:
    FlatRowCounts(const FlatMaps& flat, const MeasureTable& table)
    {
        for (const auto& row : table.rows)
            if (flat.involvesFlatMap(table, row))
                ++m_counts[row.model][row.variant];
    }
    /// Of every variant of `model`.
    int of(const std::string& model) const
    {
        int count = 0;
        if (const auto m = m_counts.find(model); m != m_counts.end())
            for (const auto& [variant, n] : m->second)
                count += n;
        return count;
    }
    int of(const std::string& model, const std::string& variant) const
    {
        const auto m = m_counts.find(model);
        if (m == m_counts.end())
            return 0;
        const auto v = m->second.find(variant);
        return v == m->second.end() ? 0 : v->second;
    }

private:
    std::map<std::string, std::map<std::string, int>> m_counts;
};

/// Labels and predictions per (model, image) from the predictions table.
struct ModelPredictions final {
    std::vector<std::int64_t> images;
    std::vector<int> labels;
    std::vector<int> predicted;
    std::vector<double> scores;
    std::vector<double> correct;
    int flat = 0;
};

std::map<std::string, ModelPredictions> predictionsByModel(const MeasureTable& table)
{
    std::map<std::string, ModelPredictions> byModel;
    for (const auto& row : table.rows) {
        auto& p = byModel[row.model];
        p.images.push_back(row.imageIndex);
        p.labels.push_back(int(row.values[0]));
        p.predicted.push_back(int(row.values[1]));
        p.scores.push_back(row.values[2]);
        p.correct.push_back(row.values[3]);
        p.flat += row.values[4] != 0;
    }
    return byModel;
}

QJsonObject accuracyJson(const ModelPredictions& p)
{
    std::set<int> classes;
    for (std::size_t i = 0; i < p.labels.size(); ++i) {
        if (p.labels[i] >= 0)
            classes.insert(p.labels[i]);
        classes.insert(p.predicted[i]);
    }
    std::vector<int> classList(classes.begin(), classes.end());
    std::map<int, int> position;
    for (std::size_t i = 0; i < classList.size(); ++i)
        position[classList[i]] = int(i);
    std::vector<std::vector<int>> matrix(classList.size(), std::vector<int>(classList.size(), 0));
    int labelled = 0;
    for (std::size_t i = 0; i < p.labels.size(); ++i)
        if (p.labels[i] >= 0) {
            ++matrix[std::size_t(position[p.labels[i]])][std::size_t(position[p.predicted[i]])];
            ++labelled;
        }
    QJsonArray rows;
    for (const auto& row : matrix) {
        QJsonArray cells;
        for (int cell : row)
            cells.append(cell);
        rows.append(cells);
    }
    QJsonArray classArray;
    for (int c : classList)
        classArray.append(c);
    return QJsonObject{{"images", double(p.labels.size())},
                       {"labelled", labelled},
                       {"accuracy", number(meanOf(p.correct))},
                       {"roc_auc", number(rocAuc(p.scores, p.labels))},
                       {"mean_score", number(meanOf(p.scores))},
                       {"flat_maps", p.flat},
                       {"confusion", QJsonObject{{"classes", classArray}, {"rows_true_columns_predicted", rows}}}};
}

QJsonObject entropyJson(const MeasureTable& table, const std::string& model, const ModelPredictions& p, int bins,
                        const FlatRowCounts& flat)
{
    const int normalizedColumn = table.column("normalized_entropy");
    const int bitsColumn = table.column("entropy_bits");
    const int spatialColumn = table.column("spatial_entropy");
    const int massColumn = table.column("annotation_mass");
    std::vector<double> mass;
    std::map<std::int64_t, std::size_t> rowOfImage;
    for (std::size_t i = 0; i < p.images.size(); ++i)
        rowOfImage[p.images[i]] = i;
    std::vector<double> bits, normalized, spatial;
    std::map<int, std::vector<double>> byClass;
    std::vector<double> correct, incorrect;
    for (const auto& row : table.rows) {
        if (row.model != model)
            continue;
        bits.push_back(row.values[std::size_t(bitsColumn)]);
        const double value = row.values[std::size_t(normalizedColumn)];
        normalized.push_back(value);
        spatial.push_back(row.values[std::size_t(spatialColumn)]);
        if (massColumn >= 0)
            mass.push_back(row.values[std::size_t(massColumn)]);
        const auto it = rowOfImage.find(row.imageIndex);
        if (it == rowOfImage.end())
            continue;
        const int label = p.labels[it->second];
        if (label >= 0)
            byClass[label].push_back(value);
        const double isCorrect = p.correct[it->second];
        if (isCorrect == 1.0)
            correct.push_back(value);
        else if (isCorrect == 0.0)
            incorrect.push_back(value);
    }
    QJsonObject classes;
    for (const auto& [label, values] : byClass)
        classes[QString::number(label)] = statsJson(values);
    return QJsonObject{{"normalized", statsJson(normalized)},
                       {"bits", statsJson(bits)},
                       {"spatial", statsJson(spatial)},
                       {"annotation_mass", statsJson(mass)},
                       {"histogram", histogramJson(normalized, bins)},
                       {"by_class", classes},
                       {"by_correctness",
                        QJsonObject{{"correct", statsJson(correct)}, {"incorrect", statsJson(incorrect)}}},
                       {"flat_maps", flat.of(model)}};
}

QJsonObject noiseJson(const MeasureTable& table, const std::string& model, const MeasureSettings& settings,
                      const FlatRowCounts& flat)
{
    QJsonArray levels, score, accuracy, ssimSmall, ssimUpscaled, entropy, flatPerLevel;
    std::vector<double> x, meanSmall, meanUpscaled;
    auto meanStd = [](const std::vector<double>& values) {
        const auto s = summarize(values);
        return QJsonObject{{"mean", number(s.mean)}, {"std", number(s.standardDeviation)}};
    };
    const auto columns = std::map<std::string, Grouped>{
        {"score", groupColumn(table, "score")},
        {"correct", groupColumn(table, "correct")},
        {"ssim_small", groupColumn(table, "ssim_small")},
        {"ssim_upscaled", groupColumn(table, "ssim_upscaled")},
        {"normalized_entropy", groupColumn(table, "normalized_entropy")},
    };
    for (double level : settings.noise.levels) {
        const std::string variant = QString::number(level, 'g', 12).toStdString();
        auto values = [&](const char* column) -> std::vector<double> {
            const auto& grouped = columns.at(column);
            const auto m = grouped.find(model);
            if (m == grouped.end())
                return {};
            const auto v = m->second.find(variant);
            return v == m->second.end() ? std::vector<double>() : v->second;
        };
        if (values("score").empty())
            continue;
        levels.append(level);
        score.append(meanStd(values("score")));
        accuracy.append(number(meanOf(values("correct"))));
        ssimSmall.append(meanStd(values("ssim_small")));
        ssimUpscaled.append(meanStd(values("ssim_upscaled")));
        entropy.append(meanStd(values("normalized_entropy")));
        flatPerLevel.append(flat.of(model, variant));
        x.push_back(level);
        meanSmall.push_back(meanOf(values("ssim_small")));
        meanUpscaled.push_back(meanOf(values("ssim_upscaled")));
    }
    return QJsonObject{{"levels", levels},
                       {"score", score},
                       {"accuracy", accuracy},
                       {"ssim_small", ssimSmall},
                       {"ssim_upscaled", ssimUpscaled},
                       {"normalized_entropy", entropy},
                       {"flat_maps_per_level", flatPerLevel},
                       {"flat_maps", flat.of(model)},
                       {"auc_ssim_small", number(trapezoidArea(x, meanSmall))},
                       {"auc_ssim_upscaled", number(trapezoidArea(x, meanUpscaled))}};
}

QJsonObject transformsJson(const MeasureTable& table, const std::string& model, int bins, const FlatRowCounts& flat)
{
    const auto ssim = groupColumn(table, "ssim_upscaled");
    const auto changed = groupColumn(table, "prediction_changed");
    QJsonObject perTransform;
    std::vector<double> all, allChanged;
    if (!ssim.count(model))
        return {};
    for (const auto& [variant, values] : ssim.at(model)) {
        const auto& flips = changed.at(model).at(variant);
        const auto s = summarize(values);
        perTransform[QString::fromStdString(variant)] = QJsonObject{{"ssim_mean", number(s.mean)},
                                                                    {"ssim_std", number(s.standardDeviation)},
                                                                    {"flip_rate", number(meanOf(flips))},
                                                                    {"flat_maps", flat.of(model, variant)}};
        all.insert(all.end(), values.begin(), values.end());
        allChanged.insert(allChanged.end(), flips.begin(), flips.end());
    }
    return QJsonObject{{"per_transform", perTransform},
                       {"ssim", statsJson(all)},
                       {"histogram", histogramJson(all, bins, -1.0, 1.0)},
                       {"flip_rate", number(meanOf(allChanged))},
                       {"flat_maps", flat.of(model)}};
}

QJsonObject degradationJson(const MeasureTable& table, const std::string& model, const ModelPredictions& p,
                            const FlatRowCounts& flat)
{
    QJsonObject modes;
    std::map<std::string, double> drops;
    const double cleanAccuracy = meanOf(p.correct);
    for (const std::string mode : {"background", "object"}) {
        std::vector<double> score, correct, drop, ssim;
        for (const auto& row : table.rows) {
            if (row.model != model || row.variant != mode)
                continue;
            score.push_back(row.values[0]);
            correct.push_back(row.values[2]);
            drop.push_back(row.values[3]);
            ssim.push_back(row.values[4]);
        }
        if (score.empty())
            continue;
        drops[mode] = meanOf(drop);
        const double accuracy = meanOf(correct);
        modes[QString::fromStdString(mode)] = QJsonObject{{"score_mean", number(meanOf(score))},
                                                          {"accuracy", number(accuracy)},
                                                          {"accuracy_drop", number(cleanAccuracy - accuracy)},
                                                          {"confidence_drop", number(drops[mode])},
                                                          {"ssim_mean", number(meanOf(ssim))},
                                                          {"flat_maps", flat.of(model, mode)}};
    }
    if (drops.count("background") && drops.count("object")) {
        modes["faithfulness"] = number(drops["object"] - drops["background"]);
        modes["flat_maps"] = flat.of(model);
    }
    return modes;
}

QJsonObject stabilityJson(const MeasureTable& table, const FamilyEntry& family, int bins, const FlatMaps& flat)
{
    std::vector<double> all;
    int flatPairs = 0;
    std::map<std::int64_t, std::vector<double>> perImage;
    const std::size_t k = family.members.size();
    std::vector<std::vector<std::vector<double>>> pairs(k, std::vector<std::vector<double>>(k));
    forEachFamilyPair(table, family, [&](std::size_t a, std::size_t b, const MeasureRow& row) {
        flatPairs += flat.involvesFlatMap(table, row);
        all.push_back(row.values[0]);
        perImage[row.imageIndex].push_back(row.values[0]);
        pairs[a][b].push_back(row.values[0]);
    });
    std::vector<double> imageMeans;
    for (const auto& [image, values] : perImage)
        imageMeans.push_back(meanOf(values));
    QJsonArray matrix;
    for (std::size_t a = 0; a < k; ++a) {
        QJsonArray row;
        for (std::size_t b = 0; b < k; ++b) {
            if (a == b)
                row.append(1.0);
            else
                row.append(number(meanOf(a < b ? pairs[a][b] : pairs[b][a])));
        }
        matrix.append(row);
    }
    QJsonArray members;
    for (const auto& m : family.members)
        members.append(QString::fromStdString(m));
    return QJsonObject{{"members", members},
                       {"pairs", double(k * (k - 1) / 2)},
                       {"ssim", statsJson(all)},
                       {"histogram", histogramJson(all, bins, -1.0, 1.0)},
                       {"per_image_mean", statsJson(imageMeans)},
                       {"matrix", matrix},
                       {"flat_pairs", flatPairs}};
}

/// The sanity checks of one model: per cascading step the mean similarity of the randomised
/// map to the model's own (SSIM of the small maps, Spearman of the float maps) with its spread,
/// the random-logit test's, and whether the method passes: the mean Spearman correlation at
/// the last step (every block randomised) is below SanityPassSpearman.
QJsonObject sanityJson(const MeasureTable& table, const std::string& model, const FlatRowCounts& flat)
{
    const int depth = table.column("depth");
    const int share = table.column("randomised");
    const int ssim = table.column("ssim_small");
    const int spearman = table.column("spearman");
    std::map<int, std::vector<const MeasureRow*>> steps;
    std::vector<double> logitSsim, logitSpearman;
    for (const auto& row : table.rows) {
        if (row.model != model)
            continue;
        if (row.variant == "logit") {
            logitSsim.push_back(row.values[std::size_t(ssim)]);
            logitSpearman.push_back(row.values[std::size_t(spearman)]);
        } else if (std::isfinite(row.values[std::size_t(depth)])) {
            steps[int(row.values[std::size_t(depth)])].push_back(&row);
        }
    }
    if (steps.empty() && logitSsim.empty())
        return {};
    QJsonArray curve;
    std::vector<double> stepSpearman;
    for (const auto& [step, rows] : steps) {
        std::vector<double> s, r, randomised;
        for (const MeasureRow* row : rows) {
            s.push_back(row->values[std::size_t(ssim)]);
            r.push_back(row->values[std::size_t(spearman)]);
            randomised.push_back(row->values[std::size_t(share)]);
        }
        const auto ssimStats = summarize(s);
        const auto spearmanStats = summarize(r);
        stepSpearman.push_back(spearmanStats.mean);
        curve.append(QJsonObject{{"step", step},
                                 {"randomised", number(meanOf(randomised))},
                                 {"ssim_mean", number(ssimStats.mean)},
                                 {"ssim_std", number(ssimStats.standardDeviation)},
                                 {"spearman_mean", number(spearmanStats.mean)},
                                 {"spearman_std", number(spearmanStats.standardDeviation)},
                                 {"count", double(spearmanStats.count)},
                                 {"flat_maps", flat.of(model, std::to_string(step))}});
    }
    QJsonObject json{{"steps", curve},
                     {"random_logit",
                      QJsonObject{{"ssim", statsJson(logitSsim)},
                                  {"spearman", statsJson(logitSpearman)},
                                  {"flat_maps", flat.of(model, "logit")}}},
                     {"flat_maps", flat.of(model)}};
    if (!stepSpearman.empty()) {
        const double last = stepSpearman.back();
        json["final_spearman"] = number(last);
        if (std::isfinite(last))
            json["passes"] = last < SanityPassSpearman;
    }
    return json;
}

/// A faithfulness curve measure: per curve, the mean and SD of the probability at each step, the
/// statistics and histogram of the images' areas under the curve.
QJsonObject curvesJson(const MeasureTable& table, const std::string& model, int bins, const FlatRowCounts& flat)
{
    const auto& measure = static_cast<const CurveMeasure&>(measureOf(table.measure));
    const int fraction = table.column("fraction");
    QJsonObject curves;
    for (int curve = 0; curve < measure.curveCount(); ++curve) {
        const int probability = table.column(measure.probabilityColumn(curve));
        const int area = table.column(measure.areaColumn(curve));
        std::map<int, std::vector<double>> byStep;
        std::map<int, double> fractions;
        std::vector<double> areas;
        for (const auto& row : table.rows) {
            if (row.model != model)
                continue;
            const int step = std::stoi(row.variant);
            byStep[step].push_back(row.values[std::size_t(probability)]);
            fractions[step] = row.values[std::size_t(fraction)];
            if (step == 0) // the image's area is on each of its rows: count it once
                areas.push_back(row.values[std::size_t(area)]);
        }
        if (byStep.empty())
            continue;
        QJsonArray steps;
        for (const auto& [step, values] : byStep) {
            const auto s = summarize(values);
            steps.append(QJsonObject{{"step", step},
                                     {"fraction", fractions[step]},
                                     {"mean", number(s.mean)},
                                     {"std", number(s.standardDeviation)},
                                     {"count", double(s.count)}});
        }
        curves[QString::fromStdString(measure.curveName(curve))] =
            QJsonObject{{"steps", steps}, {"auc", statsJson(areas)}, {"auc_histogram", histogramJson(areas, bins)}};
    }
    if (curves.isEmpty())
        return {};
    return QJsonObject{{"curves", curves}, {"flat_maps", flat.of(model)}};
}

/// Localisation: each column's statistics and, for the values in [0, 1], a histogram.
QJsonObject localisationJson(const MeasureTable& table, const std::string& model, int bins, const FlatRowCounts& flat)
{
    QJsonObject json;
    bool any = false;
    for (const auto& column : table.columns) {
        if (column == "flat")
            continue;
        const int c = table.column(column);
        std::vector<double> values;
        for (const auto& row : table.rows)
            if (row.model == model) {
                values.push_back(row.values[std::size_t(c)]);
                any = true;
            }
        QJsonObject entry = statsJson(values);
        entry["histogram"] = histogramJson(values, bins);
        json[QString::fromStdString(column)] = entry;
    }
    if (!any)
        return {};
    json["flat_maps"] = flat.of(model);
    return json;
}

/// The rows of `tables` split by a key of their image, in one pass: each part holds every table
/// (with its columns) and the rows of its images. Images whose key is "" are in no part.
std::map<std::string, std::vector<MeasureTable>>
partitionTables(const std::vector<MeasureTable>& tables, const std::function<const std::string&(std::int64_t)>& keyOf)
{
    std::map<std::string, std::vector<MeasureTable>> parts;
    for (std::size_t t = 0; t < tables.size(); ++t)
        for (const auto& row : tables[t].rows) {
            const std::string& key = keyOf(row.imageIndex);
            if (key.empty())
                continue;
            auto& part = parts[key];
            if (part.empty())
                for (const auto& table : tables)
                    part.push_back(MeasureTable{table.measure, table.columns, {}});
            part[t].rows.push_back(row);
        }
    return parts;
}

/// Per part, per model: its scorecard row (scorecard() of the part's summary) with `images`, and
/// without `roc_auc` where the part has one class.
std::map<std::string, QJsonObject> partScorecards(const std::map<std::string, std::vector<MeasureTable>>& parts,
                                                  const MeasureSettings& settings,
                                                  const std::vector<FamilyEntry>& families)
{
    std::map<std::string, QJsonObject> cards;
    for (const auto& [key, tables] : parts) {
        const QJsonObject summary = summarizeMeasures(tables, settings, families);
        const QJsonObject models = summary.value("models").toObject();
        QJsonObject card = scorecard(summary);
        for (auto it = card.begin(); it != card.end(); ++it) {
            QJsonObject row = it.value().toObject();
            row["images"] = models.value(it.key()).toObject().value("images");
            if (!row.value("roc_auc").isDouble())
                row.remove("roc_auc");
            it.value() = row;
        }
        cards[key] = card;
    }
    return cards;
}

/// One video's frames as one model predicted them.
struct VideoFrames final {
    std::vector<double> scores;
    std::vector<double> correct;
    std::set<int> labels;
    std::vector<int> predicted;
    std::string group;
};

/// The class a video is predicted: for two classes (every label and prediction 0 or 1) 1 when
/// its score (the mean of its frames' class-1 scores) is at least 0.5, as DeepfakeBench
/// thresholds video scores; otherwise the class most of its frames are predicted (the smaller
/// on a tie).
int videoPrediction(const VideoFrames& frames, double score, bool binary)
{
    if (binary)
        return score >= 0.5 ? 1 : 0;
    std::map<int, int> votes;
    for (int p : frames.predicted)
        ++votes[p];
    int best = -1, most = 0;
    for (const auto& [c, n] : votes)
        if (n > most) {
            best = c;
            most = n;
        }
    return best;
}

/// The `videos` block of one model: per video (frames in the predictions table) its score, label
/// and predicted class; video-level accuracy and ROC AUC over the videos with one known label;
/// each measure's number per video (`perVideo`, the scorecards of each video's rows) averaged
/// over the videos where it is defined; and the table of the videos, sorted by path.
QJsonObject videosJson(const std::map<std::string, VideoFrames>& videos,
                       const std::map<std::string, QJsonObject>& perVideo, const std::string& model)
{
    bool binary = true;
    for (const auto& [video, frames] : videos) {
        for (int label : frames.labels)
            binary = binary && (label == UnknownLabel || label == 0 || label == 1);
        for (int p : frames.predicted)
            binary = binary && (p == 0 || p == 1);
    }
    QJsonArray table;
    std::vector<double> scores, correct;
    std::vector<int> labels;
    int mixed = 0;
    std::map<std::string, std::vector<double>> measureValues;
    for (const auto& [video, frames] : videos) {
        const double score = meanOf(frames.scores);
        const int predicted = videoPrediction(frames, score, binary);
        const bool mixedLabels = frames.labels.size() > 1;
        mixed += mixedLabels;
        const int label = frames.labels.size() == 1 ? *frames.labels.begin() : UnknownLabel;
        QJsonObject entry{{"video", QString::fromStdString(video)},
                          {"label", label},
                          {"group", QString::fromStdString(frames.group)},
                          {"frames", double(frames.scores.size())},
                          {"score", number(score)},
                          {"predicted", predicted},
                          {"correct", label == UnknownLabel ? QJsonValue() : QJsonValue(double(predicted == label))},
                          {"frame_accuracy", number(meanOf(frames.correct))}};
        if (mixedLabels)
            entry["mixed_labels"] = true;
        QJsonObject measures;
        if (const auto card = perVideo.find(video); card != perVideo.end()) {
            const QJsonObject row = card->second.value(QString::fromStdString(model)).toObject();
            for (const auto& key : scorecardMeasureKeys()) {
                const QJsonValue value = row.value(QString::fromStdString(key));
                if (value.isDouble()) {
                    measures[QString::fromStdString(key)] = value;
                    measureValues[key].push_back(value.toDouble());
                }
            }
        }
        entry["measures"] = measures;
        table.append(entry);
        if (label != UnknownLabel) {
            scores.push_back(score);
            labels.push_back(label);
            correct.push_back(double(predicted == label));
        }
    }
    QJsonObject means;
    for (const auto& key : scorecardMeasureKeys())
        if (const auto values = measureValues.find(key); values != measureValues.end())
            means[QString::fromStdString(key)] = number(meanOf(values->second));
    return QJsonObject{{"count", double(videos.size())},
                       {"labelled", double(labels.size())},
                       {"mixed_labels", mixed},
                       {"accuracy", number(meanOf(correct))},
                       {"roc_auc", number(rocAuc(scores, labels))},
                       {"measures", means},
                       {"table", table}};
}

} // namespace

ImageGrouping ImageGrouping::of(const std::vector<DatasetRecord>& records)
{
    ImageGrouping grouping;
    grouping.groups.reserve(records.size());
    grouping.videos.reserve(records.size());
    for (const auto& record : records) {
        grouping.groups.push_back(record.group);
        const SourcePath source = parseSourcePath(record.path);
        grouping.videos.push_back(source.frame >= 0 ? source.file : std::string());
    }
    return grouping;
}

const std::string& ImageGrouping::groupOf(std::int64_t image) const
{
    static const std::string none;
    return image >= 0 && image < std::int64_t(groups.size()) ? groups[std::size_t(image)] : none;
}

const std::string& ImageGrouping::videoOf(std::int64_t image) const
{
    static const std::string none;
    return image >= 0 && image < std::int64_t(videos.size()) ? videos[std::size_t(image)] : none;
}

std::vector<std::string> ImageGrouping::groupNames() const
{
    std::set<std::string> names(groups.begin(), groups.end());
    names.erase(std::string());
    return {names.begin(), names.end()};
}

bool ImageGrouping::hasVideos() const
{
    return std::any_of(videos.begin(), videos.end(), [](const std::string& v) { return !v.empty(); });
}

std::vector<MeasureTable> tablesOfImages(const std::vector<MeasureTable>& tables,
                                         const std::function<bool(std::int64_t image)>& keep)
{
    std::vector<MeasureTable> kept;
    kept.reserve(tables.size());
    for (const auto& table : tables) {
        MeasureTable part{table.measure, table.columns, {}};
        for (const auto& row : table.rows)
            if (keep(row.imageIndex))
                part.rows.push_back(row);
        kept.push_back(std::move(part));
    }
    return kept;
}

QJsonObject summarizeMeasures(const std::vector<MeasureTable>& measured, const MeasureSettings& settings,
                              const std::vector<FamilyEntry>& families, const ImageGrouping& grouping)
{
    const FlatMaps flat(measured);
    const std::vector<MeasureTable> tables = flat.excluded(measured);
    QJsonObject summary;
    const MeasureTable* predictions = findTable(tables, MeasureKind::Predictions);
    if (!predictions)
        return summary;
    const auto byModel = predictionsByModel(*predictions);
    std::map<MeasureKind, FlatRowCounts> flatRows;
    for (const auto& table : tables)
        flatRows.emplace(table.measure, FlatRowCounts(flat, table));
    QJsonObject models;
    for (const auto& [model, p] : byModel) {
        QJsonObject entry = accuracyJson(p);
        if (const auto* table = findTable(tables, MeasureKind::Entropy))
            entry["entropy"] = entropyJson(*table, model, p, settings.histogramBins, flatRows.at(table->measure));
        if (const auto* table = findTable(tables, MeasureKind::Noise))
            entry["noise"] = noiseJson(*table, model, settings, flatRows.at(table->measure));
        if (const auto* table = findTable(tables, MeasureKind::Transforms))
            entry["transforms"] = transformsJson(*table, model, settings.histogramBins, flatRows.at(table->measure));
        if (const auto* table = findTable(tables, MeasureKind::Degradation))
            entry["degradation"] = degradationJson(*table, model, p, flatRows.at(table->measure));
        if (const auto* table = findTable(tables, MeasureKind::Sanity))
            entry["sanity"] = sanityJson(*table, model, flatRows.at(table->measure));
        for (MeasureKind kind : {MeasureKind::Deletion, MeasureKind::Insertion, MeasureKind::Road})
            if (const auto* table = findTable(tables, kind))
                if (auto curves = curvesJson(*table, model, settings.histogramBins, flatRows.at(kind));
                    !curves.isEmpty())
                    entry[measureName(kind)] = curves;
        if (const auto* table = findTable(tables, MeasureKind::Localisation))
            if (auto localisation = localisationJson(*table, model, settings.histogramBins,
                                                     flatRows.at(MeasureKind::Localisation));
                !localisation.isEmpty())
                entry["localisation"] = localisation;
        models[QString::fromStdString(model)] = entry;
    }
    if (grouping.splitsByGroup()) {
        const auto cards = partScorecards(partitionTables(measured,
                                                          [&](std::int64_t image) -> const std::string& {
                                                              return grouping.groupOf(image);
                                                          }),
                                          settings, families);
        for (auto it = models.begin(); it != models.end(); ++it) {
            QJsonObject groups;
            for (const auto& [group, card] : cards)
                if (card.contains(it.key()))
                    groups[QString::fromStdString(group)] = card.value(it.key());
            QJsonObject entry = it.value().toObject();
            entry["groups"] = groups;
            it.value() = entry;
        }
    }
    if (grouping.hasVideos()) {
        const auto perVideo = partScorecards(partitionTables(measured,
                                                             [&](std::int64_t image) -> const std::string& {
                                                                 return grouping.videoOf(image);
                                                             }),
                                             settings, families);
        std::map<std::string, std::map<std::string, VideoFrames>> framesByModel;
        for (const auto& row : predictions->rows) {
            const std::string& video = grouping.videoOf(row.imageIndex);
            if (video.empty())
                continue;
            auto& frames = framesByModel[row.model][video];
            frames.labels.insert(int(row.values[0]));
            frames.predicted.push_back(int(row.values[1]));
            frames.scores.push_back(row.values[2]);
            frames.correct.push_back(row.values[3]);
            if (frames.group.empty())
                frames.group = grouping.groupOf(row.imageIndex);
        }
        for (const auto& [model, videos] : framesByModel) {
            QJsonObject entry = models.value(QString::fromStdString(model)).toObject();
            entry["videos"] = videosJson(videos, perVideo, model);
            models[QString::fromStdString(model)] = entry;
        }
    }
    summary["models"] = models;
    if (const auto* table = findTable(tables, MeasureKind::Stability)) {
        QJsonObject familyJson;
        std::vector<FamilyEntry> known = families;
        if (known.empty()) {
            // The run's implicit family of all models, named by its rows.
            std::map<std::string, std::set<std::string>> members;
            for (const auto& row : table->rows)
                if (const auto pair = stabilityPair(row.model)) {
                    members[row.variant].insert(pair->first);
                    members[row.variant].insert(pair->second);
                }
            for (const auto& [name, set] : members) {
                FamilyEntry family{name, {}};
                for (const auto& [model, p] : byModel)
                    if (set.count(model))
                        family.members.push_back(model);
                known.push_back(family);
            }
        }
        for (const auto& family : known)
            familyJson[QString::fromStdString(family.name)] = stabilityJson(*table, family, settings.histogramBins,
                                                                            flat);
        summary["families"] = familyJson;
    }
    return summary;
}

QJsonObject scorecard(const QJsonObject& summary)
{
    QJsonObject card;
    const auto models = summary.value("models").toObject();
    const auto families = summary.value("families").toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const auto m = it.value().toObject();
        QJsonObject row{{"accuracy", m.value("accuracy")},
                        {"roc_auc", m.value("roc_auc")},
                        {"entropy", m.value("entropy").toObject().value("normalized").toObject().value("mean")},
                        {"annotation_mass",
                         m.value("entropy").toObject().value("annotation_mass").toObject().value("mean")},
                        {"noise_ssim_area", m.value("noise").toObject().value("auc_ssim_small")},
                        {"transform_ssim", m.value("transforms").toObject().value("ssim").toObject().value("mean")},
                        {"faithfulness", m.value("degradation").toObject().value("faithfulness")},
                        {"flat_maps", m.value("flat_maps")}};
        if (const auto sanity = m.value("sanity").toObject(); !sanity.isEmpty()) {
            row["sanity_spearman"] = sanity.value("final_spearman");
            row["sanity_passes"] = sanity.value("passes");
        }
        // Faithfulness curves: the mean area under each curve.
        auto curveArea = [&](const char* measure, const char* curve) {
            return m.value(measure)
                .toObject()
                .value("curves")
                .toObject()
                .value(curve)
                .toObject()
                .value("auc")
                .toObject()
                .value("mean");
        };
        const std::pair<const char*, std::pair<const char*, const char*>> curveColumns[] = {
            {"deletion_auc", {"deletion", "deletion"}},
            {"insertion_auc", {"insertion", "insertion"}},
            {"road_morf_auc", {"road", "morf"}},
            {"road_lerf_auc", {"road", "lerf"}}};
        for (const auto& [column, source] : curveColumns)
            if (m.contains(source.first))
                row[column] = curveArea(source.first, source.second);
        if (const auto localisation = m.value("localisation").toObject(); !localisation.isEmpty())
            for (const char* column : {"annotation_pointing", "annotation_rank", "annotation_auc", "mask_pointing",
                                       "mask_mass", "mask_rank", "mask_auc"})
                row[column] = localisation.value(column).toObject().value("mean");
        // Beside each number, the rows it left out because they involve a flat map (FlatMaps).
        QJsonObject excluded;
        auto exclude = [&](const char* key, const QJsonValue& count) {
            if (count.isDouble())
                excluded[key] = count;
        };
        exclude("entropy", m.value("entropy").toObject().value("flat_maps"));
        exclude("annotation_mass", m.value("entropy").toObject().value("flat_maps"));
        exclude("noise_ssim_area", m.value("noise").toObject().value("flat_maps"));
        exclude("transform_ssim", m.value("transforms").toObject().value("flat_maps"));
        exclude("faithfulness", m.value("degradation").toObject().value("flat_maps"));
        exclude("sanity_spearman", m.value("sanity").toObject().value("flat_maps"));
        exclude("deletion_auc", m.value("deletion").toObject().value("flat_maps"));
        exclude("insertion_auc", m.value("insertion").toObject().value("flat_maps"));
        exclude("road_morf_auc", m.value("road").toObject().value("flat_maps"));
        exclude("road_lerf_auc", m.value("road").toObject().value("flat_maps"));
        for (const char* column : {"annotation_pointing", "annotation_rank", "annotation_auc", "mask_pointing",
                                   "mask_mass", "mask_rank", "mask_auc"})
            exclude(column, m.value("localisation").toObject().value("flat_maps"));
        for (auto f = families.begin(); f != families.end(); ++f) {
            const auto family = f.value().toObject();
            if (family.value("members").toArray().contains(it.key())) {
                row["family"] = f.key();
                row["stability_ssim"] = family.value("ssim").toObject().value("mean");
                exclude("stability_ssim", family.value("flat_pairs"));
            }
        }
        row["flat_excluded"] = excluded;
        card[it.key()] = row;
    }
    return card;
}

const std::vector<std::string>& scorecardMeasureKeys()
{
    static const std::vector<std::string> keys{"entropy",         "annotation_mass", "noise_ssim_area",
                                               "transform_ssim",  "faithfulness",    "sanity_spearman",
                                               "stability_ssim",  "deletion_auc",    "insertion_auc",
                                               "road_morf_auc",   "road_lerf_auc",   "annotation_pointing",
                                               "annotation_rank", "annotation_auc",  "mask_pointing",
                                               "mask_mass",       "mask_rank",       "mask_auc"};
    return keys;
}

QJsonObject groupScorecards(const QJsonObject& summary)
{
    QJsonObject byGroup;
    const QJsonObject models = summary.value("models").toObject();
    for (auto m = models.begin(); m != models.end(); ++m) {
        const QJsonObject groups = m.value().toObject().value("groups").toObject();
        for (auto g = groups.begin(); g != groups.end(); ++g) {
            QJsonObject card = byGroup.value(g.key()).toObject();
            card[m.key()] = g.value();
            byGroup[g.key()] = card;
        }
    }
    return byGroup;
}

std::optional<std::pair<std::string, std::string>> stabilityPair(const std::string& model)
{
    const auto bar = model.find('|');
    if (bar == std::string::npos)
        return std::nullopt;
    return std::make_pair(model.substr(0, bar), model.substr(bar + 1));
}

void forEachFamilyPair(const MeasureTable& stability, const FamilyEntry& family,
                       const std::function<void(std::size_t, std::size_t, const MeasureRow&)>& visit)
{
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < family.members.size(); ++i)
        position[family.members[i]] = i;
    for (const auto& row : stability.rows) {
        if (row.variant != family.name)
            continue;
        const auto pair = stabilityPair(row.model);
        if (!pair)
            continue;
        const auto a = position.find(pair->first);
        const auto b = position.find(pair->second);
        if (a == position.end() || b == position.end())
            continue;
        visit(std::min(a->second, b->second), std::max(a->second, b->second), row);
    }
}

} // namespace saliscope
