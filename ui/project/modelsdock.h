// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

#include <cstdint>
#include <vector>

class QMenu;
class QPushButton;
class QTableView;

namespace saliscope {
class ProjectSession;
} // namespace saliscope

namespace saliscope::ui {

class ModelListModel;

/// The project's models (name, family, kind, architecture, CAM layer, input size,
/// normalisation, classes, file) with "Add model...", "Edit metadata..." (also on double-click)
/// and families: new family from the selection, add to or remove from a family, group by a
/// name pattern. The same actions are on the table's context menu.
class ModelsDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit ModelsDock(ProjectSession* session, QWidget* parent = nullptr);
    ModelListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    /// Asks for .pt files and adds them.
    void addModels();
    /// The ids of the selected models, in table order.
    std::vector<std::int64_t> selectedModelIds() const;
    /// Opens the metadata form of the first selected model; saving it reloads the model.
    void editMetadata();
    /// Opens the metadata form for a file that did not load with its own metadata (`reason`);
    /// OK adds it to the project with what the form says.
    void askMetadataToAdd(const QString& path, const QString& reason);
    /// Asks for a pattern (a regular expression whose first group names the family), shows
    /// the families it makes and applies them when confirmed.
    void groupByPatternDialog();
    /// Applies a name pattern (see groupModelsByPattern); false, with the reason in the log,
    /// for an invalid pattern or one that matches no model.
    bool groupByPattern(const QString& pattern);
    /// Asks for a name and makes a family of the selected models.
    void newFamilyFromSelection();

signals:
    /// The selection changed (the measure preview follows it).
    void selectedModelsChanged(const std::vector<std::int64_t>& modelIds);

private:
    void showContextMenu(const QPoint& position);
    void fillFamilyMenu(QMenu* menu);
    void updateActions();

    ProjectSession* m_session;
    ModelListModel* m_model;
    QTableView* m_view;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_families = nullptr;
};

} // namespace saliscope::ui
