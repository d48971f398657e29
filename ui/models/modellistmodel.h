#pragma once

#include "project/projectsession.h"

#include <QAbstractTableModel>

#include <vector>

namespace saliscope::ui {

/// The project's models: name, kind, CAM layer, input size, classes, family, file.
class ModelListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, KindColumn, CamLayerColumn, InputSizeColumn, ClassesColumn, FamilyColumn, PathColumn, ColumnCount };
    enum Role { ModelIdRole = Qt::UserRole + 1 };

    explicit ModelListModel(QObject* parent = nullptr);
    void setModels(std::vector<ModelInfo> models);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ModelInfo> m_models;
};

} // namespace saliscope::ui
