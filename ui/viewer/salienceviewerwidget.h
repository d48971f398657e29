// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/cammethod.h"
#include "ui/viewer/saliencepanewidget.h"

#include <QWidget>

#include <cstdint>
#include <vector>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QSlider;
class QToolButton;

namespace saliscope {
class MapService;
class ProjectSession;
struct MapResult;
} // namespace saliscope

namespace saliscope::ui {

class ImageListModel;

/// One image seen by up to 12 panes side by side: a grid of SaliencePaneWidgets under a bar of
/// overlay controls (colormap, opacity, small or upscaled map, contours, annotation outline,
/// synchronised zoom, columns, add a pane), saved in QSettings. Each pane shows one model under
/// one salience method, both chosen in the pane's combo boxes, so one model can be seen under
/// several methods side by side; by default one pane per model, Grad-CAM. The panes' choices are
/// saved per project in QSettings (models added later get a Grad-CAM pane of their own). Maps
/// come from the MapService; captions from the ImageListModel (a method other than Grad-CAM
/// shows its own map's entropy). Arrow keys and Page Up/Down ask to move through the browser's list.
class SalienceViewerWidget final : public QWidget {
    Q_OBJECT

public:
    static constexpr int MaxPanes = 12;

    SalienceViewerWidget(ProjectSession* session, MapService* maps, ImageListModel* images, QWidget* parent = nullptr);

    /// Shows the image at `row` of the ImageListModel (-1 for none); `position` is shown beside its name.
    void showImage(int row, const QString& position = {});
    int currentRow() const { return m_row; }
    /// Rebuilds the panes from the session's models: the project's saved panes, else one pane per
    /// model (the first 12) under Grad-CAM.
    void reloadModels();

    int paneCount() const { return int(m_panes.size()); }
    SaliencePaneWidget* pane(int index) const { return m_panes[std::size_t(index)].pane; }
    std::int64_t paneModel(int index) const { return m_panes[std::size_t(index)].modelId; }
    engine::CamMethod paneMethod(int index) const { return m_panes[std::size_t(index)].method; }
    /// Shows `modelId` under `method` in pane `index`, through its combo boxes as a user would.
    void setPaneChoice(int index, std::int64_t modelId, engine::CamMethod method);
    /// Adds a pane: the last pane's model under the first method no pane shows it with. False at
    /// MaxPanes or without models.
    bool addPane();
    /// Removes a pane (the last one stays).
    void removePane(int index);
    const OverlayStyle& style() const { return m_style; }

signals:
    /// Move by `delta` rows in the browser's current list (arrows: 1, pages: 10).
    void navigateRequested(int delta);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void createControls();
    void styleChanged();
    void relayout();
    void updateCaptions();
    void mapReady(const MapResult& result);
    void mapFailed(std::int64_t modelId, const QString& hash, engine::CamMethod method, const QString& error);
    void paneViewChanged(SaliencePaneWidget* source, double zoom, QPointF center);

    /// One pane: its frame (the model and method combos above the SaliencePaneWidget) and what it shows.
    struct Pane {
        QWidget* frame = nullptr;
        SaliencePaneWidget* pane = nullptr;
        QComboBox* modelBox = nullptr;
        QComboBox* methodBox = nullptr;
        QToolButton* remove = nullptr;
        std::int64_t modelId = 0;
        engine::CamMethod method = engine::CamMethod::GradCam;
        std::pair<int, int> inputSize;
        double mapEntropy = 0;
    };
    /// Appends a pane showing `modelId` under `method` (no map requested yet).
    void appendPane(std::int64_t modelId, engine::CamMethod method);
    /// A pane's combos changed: follow them and request its map for the image shown.
    void paneChoiceChanged(QWidget* frame);
    /// Asks the MapService for pane `index`'s map of the current image.
    void requestMap(std::size_t index);
    void updateRemoveButtons();
    /// QSettings key of the open project's saved panes ("" when none is open).
    QString layoutKey() const;
    void saveLayout() const;

    ProjectSession* m_session;
    MapService* m_maps;
    ImageListModel* m_images;
    OverlayStyle m_style;
    std::vector<Pane> m_panes;
    int m_row = -1;
    QString m_path;    ///< the current image's path
    QString m_problem; ///< why the current image has no maps (unreadable), or ""
    QString m_hash;
    std::uint64_t m_generation = 0;

    QComboBox* m_colormap = nullptr;
    QSlider* m_opacity = nullptr;
    QCheckBox* m_upscaled = nullptr;
    QCheckBox* m_contours = nullptr;
    QCheckBox* m_annotation = nullptr;
    QCheckBox* m_sync = nullptr;
    QComboBox* m_columns = nullptr;
    QToolButton* m_addPane = nullptr;
    QLabel* m_title = nullptr;
    QWidget* m_grid = nullptr;
    QGridLayout* m_gridLayout = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace saliscope::ui
