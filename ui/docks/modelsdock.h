#pragma once

#include <QDockWidget>

class QTableView;

namespace saliscope::ui {

class ModelListModel;
class ProjectSession;

/// The project's models (name, kind, CAM layer, input size, classes, family) and "Add model...".
class ModelsDock final : public QDockWidget {
    Q_OBJECT

public:
    explicit ModelsDock(ProjectSession* session, QWidget* parent = nullptr);
    ModelListModel* model() const { return m_model; }
    /// Asks for .pt files and adds them.
    void addModels();

private:
    ProjectSession* m_session;
    ModelListModel* m_model;
    QTableView* m_view;
};

} // namespace saliscope::ui
