// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/project/modellistmodel.h"

#include <QBrush>
#include <QColor>
#include <QStringList>

namespace saliscope::ui {

namespace {

QString triple(const std::array<double, 3>& values)
{
    return QStringLiteral("%1, %2, %3").arg(values[0], 0, 'g', 4).arg(values[1], 0, 'g', 4).arg(values[2], 0, 'g', 4);
}

} // namespace

bool metadataLooksAssumed(const engine::ModelMetadata& metadata)
{
    engine::ModelMetadata defaults;
    defaults.camLayer = metadata.camLayer;
    defaults.fromArchive = metadata.fromArchive;
    return metadata == defaults;
}

std::map<QString, std::vector<std::int64_t>> groupModelsByPattern(const std::vector<ModelInfo>& models,
                                                                  const QRegularExpression& pattern)
{
    std::map<QString, std::vector<std::int64_t>> families;
    if (!pattern.isValid())
        return families;
    for (const auto& model : models) {
        const auto match = pattern.match(model.name);
        if (!match.hasMatch())
            continue;
        const QString family = (pattern.captureCount() >= 1 ? match.captured(1) : match.captured(0)).trimmed();
        if (!family.isEmpty())
            families[family].push_back(model.id);
    }
    return families;
}

ModelListModel::ModelListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModelListModel::setModels(std::vector<ModelInfo> models)
{
    beginResetModel();
    m_models = std::move(models);
    endResetModel();
}

int ModelListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_models.size()); }

int ModelListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ModelListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModelInfo& model = m_models[std::size_t(index.row())];
    switch (role) {
    case ModelIdRole: return qint64(model.id);
    case Qt::DisplayRole: return display(model, index.column());
    case Qt::ToolTipRole:
        if (index.column() == MetadataColumn && metadataLooksAssumed(model.metadata))
            return tr("Saliscope's defaults, probably assumed for a file without saliscope.json: "
                      "check them with Edit metadata\u2026");
        return QStringLiteral("%1\n%2\n%3")
            .arg(model.name, QString::fromStdString(model.stored.path),
                 QString::fromStdString(model.metadata.architecture));
    case Qt::ForegroundRole:
        if (index.column() == MetadataColumn && metadataLooksAssumed(model.metadata))
            return QBrush(QColor(210, 120, 20));
        return {};
    default: return {};
    }
}

QVariant ModelListModel::display(const ModelInfo& model, int column) const
{
    const auto& metadata = model.metadata;
    switch (column) {
    case NameColumn: return model.name;
    case FamilyColumn: return model.family;
    case KindColumn: return QString::fromStdString(model.stored.kind);
    case ArchitectureColumn: {
        QString text = QString::fromStdString(metadata.architecture);
        if (!metadata.loss.empty())
            text += QStringLiteral(" / ") + QString::fromStdString(metadata.loss);
        if (metadata.run >= 0)
            text += tr(" run %1").arg(metadata.run);
        return text.trimmed();
    }
    case CamLayerColumn: return QString::fromStdString(model.stored.camLayer);
    case InputSizeColumn: return QStringLiteral("%1x%2").arg(metadata.inputWidth).arg(metadata.inputHeight);
    case NormalisationColumn: return tr("mean %1; std %2").arg(triple(metadata.mean), triple(metadata.std));
    case ClassesColumn: {
        QStringList names;
        for (std::size_t i = 0; i < metadata.classNames.size(); ++i) {
            const QString name = QString::fromStdString(metadata.classNames[i]);
            names << (int(i) == metadata.positiveClass ? name + QStringLiteral("*") : name);
        }
        return names.join(QStringLiteral(", "));
    }
    case MetadataColumn: return metadataLooksAssumed(metadata) ? tr("defaults") : tr("stated");
    case PathColumn: return QString::fromStdString(model.stored.path);
    default: return {};
    }
}

QVariant ModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == ClassesColumn)
        return tr("The positive class (whose probability is the score) is marked *");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case FamilyColumn: return tr("Family");
    case KindColumn: return tr("Kind");
    case ArchitectureColumn: return tr("Architecture");
    case CamLayerColumn: return tr("CAM layer");
    case InputSizeColumn: return tr("Input");
    case NormalisationColumn: return tr("Normalisation");
    case ClassesColumn: return tr("Classes");
    case MetadataColumn: return tr("Metadata");
    case PathColumn: return tr("File");
    default: return {};
    }
}

} // namespace saliscope::ui
