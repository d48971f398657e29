// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/scorecardmodel.h"

#include "core/measures/measuresummary.h"

#include <QColor>
#include <QFont>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace saliscope::ui {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

double numberOf(const QJsonValue& value)
{
    if (value.isBool())
        return value.toBool() ? 1.0 : 0.0;
    return value.isDouble() ? value.toDouble() : NaN;
}

QColor mix(const QColor& a, const QColor& b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}
} // namespace

ScorecardModel::ScorecardModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ScorecardModel::key(int column)
{
    switch (column) {
    case AccuracyColumn: return QStringLiteral("accuracy");
    case RocAucColumn: return QStringLiteral("roc_auc");
    case EntropyColumn: return QStringLiteral("entropy");
    case AnnotationMassColumn: return QStringLiteral("annotation_mass");
    case NoiseColumn: return QStringLiteral("noise_ssim_area");
    case TransformsColumn: return QStringLiteral("transform_ssim");
    case StabilityColumn: return QStringLiteral("stability_ssim");
    case FaithfulnessColumn: return QStringLiteral("faithfulness");
    case SanitySpearmanColumn: return QStringLiteral("sanity_spearman");
    case SanityPassesColumn: return QStringLiteral("sanity_passes");
    case DeletionColumn: return QStringLiteral("deletion_auc");
    case InsertionColumn: return QStringLiteral("insertion_auc");
    case RoadMorfColumn: return QStringLiteral("road_morf_auc");
    case RoadLerfColumn: return QStringLiteral("road_lerf_auc");
    case AnnotationPointingColumn: return QStringLiteral("annotation_pointing");
    case AnnotationRankColumn: return QStringLiteral("annotation_rank");
    case AnnotationAucColumn: return QStringLiteral("annotation_auc");
    case MaskPointingColumn: return QStringLiteral("mask_pointing");
    case MaskMassColumn: return QStringLiteral("mask_mass");
    case MaskRankColumn: return QStringLiteral("mask_rank");
    case MaskAucColumn: return QStringLiteral("mask_auc");
    case FlatMapsColumn: return QStringLiteral("flat_maps");
    default: return {};
    }
}

ScorecardModel::Direction ScorecardModel::direction(int column)
{
    switch (column) {
    case EntropyColumn: return Direction::Neither;
    case FlatMapsColumn:
    case SanitySpearmanColumn:
    case DeletionColumn:
    case RoadMorfColumn: return Direction::Lower;
    case NameColumn:
    case FamilyColumn:
    case MethodColumn: return Direction::Neither;
    default: return Direction::Higher;
    }
}

void ScorecardModel::setSummary(const QJsonObject& summary) { setSummaries({{QString(), summary}}); }

void ScorecardModel::setSummaries(const std::vector<std::pair<QString, QJsonObject>>& summaries)
{
    beginResetModel();
    m_rows.clear();
    for (const auto& [method, summary] : summaries) {
        const QJsonObject card = scorecard(summary);
        for (auto it = card.begin(); it != card.end(); ++it) {
            const QJsonObject entry = it.value().toObject();
            Row row{it.key(),
                    entry.value(QStringLiteral("family")).toString(),
                    method,
                    false,
                    std::vector<double>(ColumnCount, NaN),
                    std::vector<int>(ColumnCount, 0)};
            const QJsonObject excluded = entry.value(QStringLiteral("flat_excluded")).toObject();
            for (int c = AccuracyColumn; c < ColumnCount; ++c) {
                row.values[std::size_t(c)] = numberOf(entry.value(key(c)));
                row.flatExcluded[std::size_t(c)] = excluded.value(key(c)).toInt();
            }
            m_rows.push_back(std::move(row));
        }
        const QJsonObject families = summary.value(QStringLiteral("families")).toObject();
        for (auto it = families.begin(); it != families.end(); ++it) {
            const QJsonObject family = it.value().toObject();
            Row row{it.key(),
                    it.key(),
                    method,
                    true,
                    std::vector<double>(ColumnCount, NaN),
                    std::vector<int>(ColumnCount, 0)};
            const QJsonArray members = family.value(QStringLiteral("members")).toArray();
            for (int c = AccuracyColumn; c < ColumnCount; ++c) {
                double sum = 0;
                int count = 0;
                for (const auto& member : members) {
                    const QJsonObject entry = card.value(member.toString()).toObject();
                    const double v = numberOf(entry.value(key(c)));
                    if (std::isfinite(v)) {
                        sum += v;
                        ++count;
                    }
                    row.flatExcluded[std::size_t(c)] +=
                        entry.value(QStringLiteral("flat_excluded")).toObject().value(key(c)).toInt();
                }
                // Flat maps add up over the members; every other number is their mean.
                row.values[std::size_t(c)] = c == FlatMapsColumn ? sum : count ? sum / count : NaN;
            }
            row.values[StabilityColumn] = numberOf(
                family.value(QStringLiteral("ssim")).toObject().value(QStringLiteral("mean")));
            row.flatExcluded[StabilityColumn] = family.value(QStringLiteral("flat_pairs")).toInt();
            m_rows.push_back(std::move(row));
        }
    }
    m_ranges.assign(ColumnCount, {NaN, NaN});
    for (int c = AccuracyColumn; c < ColumnCount; ++c) {
        double low = INFINITY, high = -INFINITY;
        for (const auto& row : m_rows)
            if (std::isfinite(row.values[std::size_t(c)])) {
                low = std::min(low, row.values[std::size_t(c)]);
                high = std::max(high, row.values[std::size_t(c)]);
            }
        if (std::isfinite(low))
            m_ranges[std::size_t(c)] = {low, high};
    }
    endResetModel();
}

double ScorecardModel::value(int row, int column) const
{
    if (row < 0 || row >= int(m_rows.size()) || column < AccuracyColumn || column >= ColumnCount)
        return NaN;
    return m_rows[std::size_t(row)].values[std::size_t(column)];
}

QString ScorecardModel::rowName(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].name : QString();
}

QString ScorecardModel::rowMethod(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].method : QString();
}

bool ScorecardModel::hasValues(int column) const
{
    if (column == MethodColumn)
        return std::any_of(m_rows.begin(), m_rows.end(), [](const Row& row) { return !row.method.isEmpty(); });
    if (column < AccuracyColumn || column >= ColumnCount)
        return !m_rows.empty();
    return std::any_of(m_rows.begin(), m_rows.end(),
                       [column](const Row& row) { return std::isfinite(row.values[std::size_t(column)]); });
}

bool ScorecardModel::isFamilyRow(int row) const
{
    return row >= 0 && row < int(m_rows.size()) && m_rows[std::size_t(row)].isFamily;
}

int ScorecardModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ScorecardModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QColor ScorecardModel::background(int row, int column) const
{
    const double v = value(row, column);
    if (column == SanityPassesColumn && std::isfinite(v)) // pass green, fail red, whatever the other rows
        return mix(QColor(245, 190, 190), QColor(190, 230, 190), v);
    const auto [low, high] = m_ranges[std::size_t(column)];
    if (!std::isfinite(v) || !(high > low))
        return {};
    const double t = (v - low) / (high - low);
    switch (direction(column)) {
    case Direction::Neither: return mix(QColor(245, 248, 255), QColor(170, 200, 240), t);
    case Direction::Lower: return mix(QColor(190, 230, 190), QColor(245, 190, 190), t);
    case Direction::Higher: return mix(QColor(245, 190, 190), QColor(190, 230, 190), t);
    }
    return {};
}

QVariant ScorecardModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return row.isFamily ? tr("%1 (family)").arg(row.name) : row.name;
        if (column == FamilyColumn)
            return row.family;
        if (column == MethodColumn)
            return row.method;
        if (!std::isfinite(row.values[std::size_t(column)]))
            return QStringLiteral("\u2013");
        if (column == SanityPassesColumn) {
            const double share = row.values[std::size_t(column)];
            if (share == 1.0)
                return tr("pass");
            if (share == 0.0)
                return tr("fail");
            return tr("%1% pass").arg(share * 100, 0, 'f', 0);
        }
        if (column == FlatMapsColumn)
            return QString::number(row.values[std::size_t(column)], 'f', 0);
        return QString::number(row.values[std::size_t(column)], 'f', 3);
    case Qt::ToolTipRole:
        if (column >= AccuracyColumn && row.flatExcluded[std::size_t(column)] > 0)
            return tr("%n row(s) with a flat map (no defined salience) left out of this number.", nullptr,
                      row.flatExcluded[std::size_t(column)]);
        return {};
    case SortRole:
        if (column == NameColumn)
            return row.name;
        if (column == FamilyColumn)
            return row.family;
        if (column == MethodColumn)
            return row.method;
        return std::isfinite(row.values[std::size_t(column)]) ? QVariant(row.values[std::size_t(column)]) : QVariant();
    case Qt::BackgroundRole:
        if (column >= AccuracyColumn)
            if (const QColor color = background(index.row(), column); color.isValid())
                return color;
        return {};
    case Qt::FontRole:
        if (row.isFamily) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column >= AccuracyColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case IsFamilyRole: return row.isFamily;
    case MeasureRole: return headerData(column, Qt::Horizontal, MeasureRole);
    default: return {};
    }
}

QVariant ScorecardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == MeasureRole) {
        switch (section) {
        case EntropyColumn:
        case AnnotationMassColumn: return QStringLiteral("entropy");
        case NoiseColumn: return QStringLiteral("noise");
        case TransformsColumn: return QStringLiteral("transforms");
        case StabilityColumn: return QStringLiteral("stability");
        case FaithfulnessColumn: return QStringLiteral("degradation");
        case SanitySpearmanColumn:
        case SanityPassesColumn: return QStringLiteral("sanity");
        case DeletionColumn: return QStringLiteral("deletion");
        case InsertionColumn: return QStringLiteral("insertion");
        case RoadMorfColumn:
        case RoadLerfColumn: return QStringLiteral("road");
        case AnnotationPointingColumn:
        case AnnotationRankColumn:
        case AnnotationAucColumn:
        case MaskPointingColumn:
        case MaskMassColumn:
        case MaskRankColumn:
        case MaskAucColumn: return QStringLiteral("localisation");
        default: return QString();
        }
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn: return tr("Model or family");
        case FamilyColumn: return tr("Family");
        case MethodColumn: return tr("Method");
        case AccuracyColumn: return tr("Accuracy \u2191");
        case RocAucColumn: return tr("ROC AUC \u2191");
        case EntropyColumn: return tr("Entropy");
        case AnnotationMassColumn: return tr("In annotation \u2191");
        case NoiseColumn: return tr("Noise SSIM area \u2191");
        case TransformsColumn: return tr("Transform SSIM \u2191");
        case StabilityColumn: return tr("Stability SSIM \u2191");
        case FaithfulnessColumn: return tr("Faithfulness \u2191");
        case SanitySpearmanColumn: return tr("Sanity Spearman \u2193");
        case SanityPassesColumn: return tr("Sanity check");
        case DeletionColumn: return tr("Deletion AUC \u2193");
        case InsertionColumn: return tr("Insertion AUC \u2191");
        case RoadMorfColumn: return tr("ROAD MoRF AUC \u2193");
        case RoadLerfColumn: return tr("ROAD LeRF AUC \u2191");
        case AnnotationPointingColumn: return tr("Pointing (annotation) \u2191");
        case AnnotationRankColumn: return tr("Rank (annotation) \u2191");
        case AnnotationAucColumn: return tr("Pixel AUC (annotation) \u2191");
        case MaskPointingColumn: return tr("Pointing (mask) \u2191");
        case MaskMassColumn: return tr("Mass (mask) \u2191");
        case MaskRankColumn: return tr("Rank (mask) \u2191");
        case MaskAucColumn: return tr("Pixel AUC (mask) \u2191");
        case FlatMapsColumn: return tr("Flat maps \u2193");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn: return tr("Family rows show the mean of their members; stability is the family's own.");
        case AccuracyColumn: return tr("Share of images classified correctly. Higher is better.");
        case RocAucColumn: return tr("Area under the ROC curve of the synthetic score. Higher is better.");
        case EntropyColumn:
            return tr("Mean normalised entropy of the 8-bit salience map. Lower means salience on fewer, "
                      "more distinct regions; neither direction is better in itself.");
        case AnnotationMassColumn:
            return tr("Mean share of salience inside the human annotation. Higher: the model looks where people look.");
        case NoiseColumn:
            return tr("Area under the map-SSIM curve over the noise levels. Higher: maps change less under noise.");
        case TransformsColumn:
            return tr("Mean SSIM between a transformed image's map and the transformed original map. "
                      "Higher: the map follows the image.");
        case StabilityColumn:
            return tr("Mean SSIM between the maps of the family's independently trained models. "
                      "Higher: more stable across training runs.");
        case FaithfulnessColumn:
            return tr("Score drop when the salient object is blurred minus the drop when the background is. "
                      "Higher: the model relies on what its maps show.");
        case MethodColumn: return tr("The salience method the row's maps were made with.");
        case SanitySpearmanColumn:
            return tr("Mean Spearman rank correlation between the maps of the fully randomised model and the model's "
                      "own maps. Lower: the maps depend on what the model learned.");
        case SanityPassesColumn:
            return tr("Cascading randomisation test: passes when the mean Spearman correlation of the fully "
                      "randomised model's maps is below %1.")
                .arg(SanityPassSpearman);
        case DeletionColumn:
            return tr("Deletion (Petsiuk et al., RISE, BMVC 2018): mean area under the class probability as the most "
                      "salient pixels are replaced by the baseline first. Lower is better: a faithful map names the "
                      "pixels whose removal makes the probability fall fastest.");
        case InsertionColumn:
            return tr("Insertion (RISE): mean area under the class probability as the most salient pixels are "
                      "restored first from the baseline. Higher is better: the probability rises fast.");
        case RoadMorfColumn:
            return tr("ROAD (Rong et al., ICML 2022), most relevant first: mean area under the probability as the "
                      "most salient pixels are removed by noisy linear imputation. Lower is better.");
        case RoadLerfColumn:
            return tr("ROAD, least relevant first: mean area under the probability as the least salient pixels are "
                      "removed by noisy linear imputation. Higher is better: what the map calls unimportant is.");
        case AnnotationPointingColumn:
            return tr("Pointing game against the human annotation: share of images whose map maximum lies inside "
                      "the annotation. Higher is better.");
        case AnnotationRankColumn:
            return tr("Relevance rank accuracy against the human annotation: share of the map's top pixels (as many "
                      "as the annotation has) that lie inside it. Higher is better.");
        case AnnotationAucColumn:
            return tr("ROC AUC of the map's values as a pixel classifier of the human annotation (0.5: chance). "
                      "Higher is better.");
        case MaskPointingColumn:
            return tr("Pointing game against the exact artefact mask: share of images whose map maximum lies inside "
                      "the mask. Higher is better.");
        case MaskMassColumn:
            return tr("Relevance mass accuracy against the exact artefact mask: mean share of salience inside the "
                      "mask. Higher is better.");
        case MaskRankColumn:
            return tr("Relevance rank accuracy against the exact artefact mask: share of the map's top pixels (as "
                      "many as the mask has) that lie inside it. Higher is better.");
        case MaskAucColumn:
            return tr("ROC AUC of the map's values as a pixel classifier of the exact artefact mask (0.5: chance). "
                      "Higher is better.");
        case FlatMapsColumn:
            return tr("Clean images whose map is flat (no defined salience). Every entropy or SSIM that involves a "
                      "flat map is left out of the numbers; a cell's tooltip says how many rows it left out.");
        default: return {};
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace saliscope::ui
