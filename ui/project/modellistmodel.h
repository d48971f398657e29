// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/projectsession.h"

#include <QAbstractTableModel>
#include <QRegularExpression>

#include <map>
#include <vector>

namespace saliscope::ui {

/// The project's models: name, family, kind, architecture, CAM layer, input size,
/// normalisation, classes, where the metadata came from, file.
class ModelListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        FamilyColumn,
        KindColumn,
        ArchitectureColumn,
        CamLayerColumn,
        InputSizeColumn,
        NormalisationColumn,
        ClassesColumn,
        MetadataColumn,
        PathColumn,
        ColumnCount
    };
    enum Role { ModelIdRole = Qt::UserRole + 1 };

    explicit ModelListModel(QObject* parent = nullptr);
    void setModels(std::vector<ModelInfo> models);
    const ModelInfo& modelAt(int row) const { return m_models[std::size_t(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const ModelInfo& model, int column) const;

    std::vector<ModelInfo> m_models;
};

/// True when the metadata are Saliscope's defaults and say nothing of the model (no
/// architecture): probably assumed for a file without saliscope.json, worth checking.
bool metadataLooksAssumed(const engine::ModelMetadata& metadata);

/// Families by name pattern: each model whose name matches `pattern` (anywhere) joins the family
/// named by the first capture group (the whole match when there is none); models that do not
/// match, or capture nothing, are left out.
std::map<QString, std::vector<std::int64_t>> groupModelsByPattern(const std::vector<ModelInfo>& models,
                                                                  const QRegularExpression& pattern);

} // namespace saliscope::ui
