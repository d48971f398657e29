// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QAction;
class QMenu;
class QLabel;
class QProgressBar;
class QTabWidget;

namespace saliscope {
class MapService;
class MeasureQueue;
class ProjectSession;
} // namespace saliscope

namespace saliscope::ui {

class DatasetBrowserWidget;
class DatasetsDock;
class RunsDock;
class ImageListModel;
class LogDock;
class MeasurePreviewWidget;
class ModelsDock;
class ResultsView;
class SalienceViewerWidget;
class ThumbnailCache;

/// The application window: menus, the salience viewer in the middle and docks around it
/// (images, models, datasets, log), wired together; behaviour lives in the docks and views.
class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a project (creating it when `create`); false, with the reason in the log, on failure.
    bool openProject(const QString& path, bool create = false);
    /// Reopens the last project of the previous session, when it still exists.
    void openLastProject();
    /// Offers to build (or reopen) the built-in demo project.
    void offerDemo();

    ProjectSession* session() const { return m_session; }
    ImageListModel* images() const { return m_images; }
    DatasetBrowserWidget* browser() const { return m_browser; }
    SalienceViewerWidget* viewer() const { return m_viewer; }
    /// "What the measures do": the tab beside the viewer.
    MeasurePreviewWidget* measurePreview() const { return m_preview; }
    QTabWidget* centralTabs() const { return m_centralTabs; }
    ModelsDock* modelsDock() const { return m_modelsDock; }
    DatasetsDock* datasetsDock() const { return m_datasetsDock; }
    RunsDock* runsDock() const { return m_runsDock; }
    MeasureQueue* measureQueue() const { return m_queue; }
    /// The "Results" tab: scorecard and measure charts.
    ResultsView* resultsView() const { return m_results; }
    /// Opens the "Run measures" launcher (Measures menu, toolbar, Ctrl+R).
    void showLauncher();
    /// Opens File > Export report (the PDF review of the open project).
    void showReportDialog();
    /// Opens File > Export results (runs and maps as NumPy, FiftyOne or PNG files).
    void showExportDialog();
    /// Uses dropped files: the first .saliscope project is opened, then TorchScript models and
    /// dataset folders or CSV manifests are added to the open project; the rest is reported.
    void openDroppedPaths(const QStringList& paths);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void updateRecentMenu();
    void newProject();
    void openProjectDialog();
    void projectChanged();
    void showAbout();

    ProjectSession* m_session;
    ImageListModel* m_images;
    ThumbnailCache* m_thumbnails;
    MapService* m_maps;
    DatasetBrowserWidget* m_browser;
    SalienceViewerWidget* m_viewer;
    MeasurePreviewWidget* m_preview = nullptr;
    QTabWidget* m_centralTabs = nullptr;
    QProgressBar* m_progress = nullptr;
    ModelsDock* m_modelsDock;
    DatasetsDock* m_datasetsDock;
    LogDock* m_logDock;
    MeasureQueue* m_queue;
    RunsDock* m_runsDock;
    ResultsView* m_results = nullptr;
    QAction* m_runMeasures = nullptr;
    QAction* m_exportReport = nullptr;
    QAction* m_exportResults = nullptr;
    QMenu* m_recent = nullptr;
    QMenu* m_view = nullptr;
    QLabel* m_busy = nullptr;
};

} // namespace saliscope::ui
