#include "models/modellistmodel.h"

#include <QStringList>

namespace saliscope::ui {

ModelListModel::ModelListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModelListModel::setModels(std::vector<ModelInfo> models)
{
    beginResetModel();
    m_models = std::move(models);
    endResetModel();
}

int ModelListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

int ModelListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModelInfo& model = m_models[std::size_t(index.row())];
    if (role == ModelIdRole)
        return qint64(model.id);
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1\n%2\n%3").arg(model.name, QString::fromStdString(model.stored.path),
                                                QString::fromStdString(model.metadata.architecture));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn: return model.name;
    case KindColumn:
        return model.metadata.architecture.empty()
                   ? QString::fromStdString(model.stored.kind)
                   : QStringLiteral("%1 (%2)").arg(QString::fromStdString(model.stored.kind),
                                                   QString::fromStdString(model.metadata.architecture));
    case CamLayerColumn: return QString::fromStdString(model.stored.camLayer);
    case InputSizeColumn: return QStringLiteral("%1x%2").arg(model.metadata.inputWidth).arg(model.metadata.inputHeight);
    case ClassesColumn: {
        QStringList names;
        for (const auto& name : model.metadata.classNames)
            names << QString::fromStdString(name);
        return names.join(QStringLiteral(", "));
    }
    case FamilyColumn: return model.family;
    case PathColumn: return QString::fromStdString(model.stored.path);
    default: return {};
    }
}

QVariant ModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case KindColumn: return tr("Kind");
    case CamLayerColumn: return tr("CAM layer");
    case InputSizeColumn: return tr("Input");
    case ClassesColumn: return tr("Classes");
    case FamilyColumn: return tr("Family");
    case PathColumn: return tr("File");
    default: return {};
    }
}

} // namespace saliscope::ui
