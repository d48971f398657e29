// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/images/imagelistmodel.h"

#include "ui/images/thumbnailcache.h"

#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QPixmap>

#include <cmath>

namespace saliscope::ui {

ImageListModel::ImageListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ImageListModel::setTable(ImageTable table)
{
    beginResetModel();
    auto names = std::move(m_table.classNames);
    m_table = std::move(table);
    m_table.classNames = std::move(names);
    m_rowOfPath.clear();
    m_rowOfPath.reserve(int(m_table.images.size()));
    for (std::size_t row = 0; row < m_table.images.size(); ++row)
        m_rowOfPath.insert(m_table.images[row].path, int(row));
    endResetModel();
}

void ImageListModel::setClassNames(std::vector<QString> names)
{
    if (names.empty())
        return;
    m_table.classNames = std::move(names);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void ImageListModel::setThumbnailCache(ThumbnailCache* cache)
{
    if (m_thumbnails)
        disconnect(m_thumbnails, nullptr, this, nullptr);
    m_thumbnails = cache;
    if (cache)
        connect(cache, &ThumbnailCache::ready, this, &ImageListModel::thumbnailReady);
}

void ImageListModel::thumbnailReady(const QString& path)
{
    auto it = m_rowOfPath.constFind(path);
    if (it == m_rowOfPath.constEnd())
        return;
    const QModelIndex cell = index(it.value(), FileColumn);
    emit dataChanged(cell, cell, {Qt::DecorationRole});
}

QString ImageListModel::className(int label) const
{
    if (label < 0)
        return {};
    if (std::size_t(label) < m_table.classNames.size())
        return m_table.classNames[std::size_t(label)];
    return QString::number(label);
}

void ImageListModel::setComputedResult(int row, int model, double score, int predicted, double entropy)
{
    if (row < 0 || row >= rowCount() || model < 0 || model >= modelCount())
        return;
    auto& column = m_table.models[std::size_t(model)];
    const auto at = std::size_t(row);
    column.score[at] = float(score);
    column.predicted[at] = std::int8_t(predicted);
    const int label = m_table.images[at].label;
    column.correct[at] = label < 0 || predicted < 0 ? -1 : std::int8_t(label == predicted);
    if (!std::isnan(entropy))
        column.entropy[at] = float(entropy);
    emit dataChanged(index(row, modelColumn(model, ScoreField)), index(row, modelColumn(model, EntropyField)));
}

int ImageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.images.size());
}

int ImageListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + modelCount() * ModelFieldCount;
}

int ImageListModel::correctness(int row) const
{
    int result = -1;
    for (const auto& model : m_table.models) {
        const int correct = model.correct[std::size_t(row)];
        if (correct == 0)
            return 0;
        if (correct == 1)
            result = 1;
    }
    return result;
}

bool ImageListModel::disagree(int row) const
{
    int first = -1;
    for (const auto& model : m_table.models) {
        const int predicted = model.predicted[std::size_t(row)];
        if (predicted < 0)
            continue;
        if (first < 0)
            first = predicted;
        else if (predicted != first)
            return true;
    }
    return false;
}

double ImageListModel::numericValue(int row, int column) const
{
    const auto at = std::size_t(row);
    if (column == ClassColumn)
        return m_table.images[at].label;
    const int model = (column - FixedColumnCount) / ModelFieldCount;
    const auto& data = m_table.models[std::size_t(model)];
    switch ((column - FixedColumnCount) % ModelFieldCount) {
    case ScoreField: return data.score[at];
    case PredictionField: return data.predicted[at];
    case CorrectField: return data.correct[at];
    default: return data.entropy[at];
    }
}

bool ImageListModel::lessThan(int leftRow, int rightRow, int column) const
{
    if (column == FileColumn) {
        const int order = QString::compare(m_table.images[std::size_t(leftRow)].fileName,
                                           m_table.images[std::size_t(rightRow)].fileName, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : leftRow < rightRow;
    }
    const double left = numericValue(leftRow, column);
    const double right = numericValue(rightRow, column);
    // Unknown values (NaN, -1 for classes) sort after every known one in ascending order.
    const bool leftUnknown = std::isnan(left) || left < 0;
    const bool rightUnknown = std::isnan(right) || (right < 0);
    if (leftUnknown != rightUnknown)
        return rightUnknown;
    if (!leftUnknown && left != right)
        return left < right;
    return leftRow < rightRow;
}

QVariant ImageListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const int row = index.row();
    const int column = index.column();
    const ImageEntry& image = m_table.images[std::size_t(row)];
    switch (role) {
    case ImageIndexRole: return row;
    case PathRole: return image.path;
    case HashRole: return image.hash;
    case LabelRole: return image.label;
    case AnnotationRole: return image.annotation;
    case ProblemRole: return image.problem;
    case CorrectnessRole: return correctness(row);
    case DisagreeRole: return disagree(row);
    case GroupRole: return image.group;
    case SortRole:
        if (column == FileColumn)
            return image.fileName;
        return numericValue(row, column);
    default: break;
    }
    if (column == FileColumn) {
        if (role == Qt::DisplayRole)
            return image.fileName;
        if (role == Qt::ToolTipRole)
            return image.problem.isEmpty() ? image.path : tr("%1\nunreadable: %2").arg(image.path, image.problem);
        if (role == Qt::DecorationRole && m_thumbnails) {
            if (!image.problem.isEmpty())
                return QVariant();
            const QPixmap pixmap = m_thumbnails->thumbnail(image.path);
            return QIcon(pixmap.isNull() ? m_thumbnails->placeholder() : pixmap);
        }
        if (role == Qt::ForegroundRole && !image.problem.isEmpty())
            return QBrush(QColor(200, 40, 40));
        return {};
    }
    if (column == ClassColumn) {
        if (role == Qt::DisplayRole)
            return image.label < 0 ? tr("unknown") : className(image.label);
        return {};
    }
    const int model = (column - FixedColumnCount) / ModelFieldCount;
    const auto field = ModelField((column - FixedColumnCount) % ModelFieldCount);
    const auto& data = m_table.models[std::size_t(model)];
    const auto at = std::size_t(row);
    if (role == Qt::TextAlignmentRole)
        return int(field == PredictionField ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && field == CorrectField && data.correct[at] >= 0)
        return QBrush(data.correct[at] ? QColor(40, 150, 60) : QColor(210, 50, 50));
    if (role != Qt::DisplayRole)
        return {};
    switch (field) {
    case ScoreField: return std::isnan(data.score[at]) ? QVariant() : QVariant(QString::number(data.score[at], 'f', 3));
    case PredictionField: return data.predicted[at] < 0 ? QVariant() : QVariant(className(data.predicted[at]));
    case CorrectField: return data.correct[at] < 0 ? QVariant() : QVariant(data.correct[at] ? tr("yes") : tr("no"));
    case EntropyField:
        return std::isnan(data.entropy[at]) ? QVariant() : QVariant(QString::number(data.entropy[at], 'f', 3));
    default: return {};
    }
}

QVariant ImageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (section == FileColumn)
        return tr("File");
    if (section == ClassColumn)
        return tr("True class");
    const int model = (section - FixedColumnCount) / ModelFieldCount;
    const QString& name = m_table.models[std::size_t(model)].name;
    QString field;
    switch ((section - FixedColumnCount) % ModelFieldCount) {
    case ScoreField: field = tr("score"); break;
    case PredictionField: field = tr("prediction"); break;
    case CorrectField: field = tr("correct"); break;
    default: field = tr("entropy"); break;
    }
    return role == Qt::ToolTipRole ? tr("%1: %2").arg(name, field) : tr("%1\n%2").arg(name, field);
}

} // namespace saliscope::ui
