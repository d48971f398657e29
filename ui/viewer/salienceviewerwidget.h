// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/viewer/saliencepanewidget.h"

#include <QWidget>

#include <cstdint>
#include <vector>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QSlider;

namespace saliscope {
class MapService;
class ProjectSession;
struct MapResult;
} // namespace saliscope

namespace saliscope::ui {

class ImageListModel;

/// One image seen by up to 12 models side by side: a grid of SaliencePaneWidgets under a bar of
/// overlay controls (colormap, opacity, small or upscaled map, contours, annotation outline,
/// synchronised zoom, columns), saved in QSettings. Maps come from the MapService; captions
/// from the ImageListModel. Arrow keys and Page Up/Down ask to move through the browser's list.
class SalienceViewerWidget final : public QWidget {
    Q_OBJECT

public:
    static constexpr int MaxPanes = 12;

    SalienceViewerWidget(ProjectSession* session, MapService* maps, ImageListModel* images, QWidget* parent = nullptr);

    /// Shows the image at `row` of the ImageListModel (-1 for none); `position` is shown beside its name.
    void showImage(int row, const QString& position = {});
    int currentRow() const { return m_row; }
    /// Rebuilds the panes from the session's models (the first 12).
    void reloadModels();

    int paneCount() const { return int(m_panes.size()); }
    SaliencePaneWidget* pane(int index) const { return m_panes[std::size_t(index)]; }
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
    void mapFailed(std::int64_t modelId, const QString& hash, const QString& error);
    void paneViewChanged(SaliencePaneWidget* source, double zoom, QPointF center);

    ProjectSession* m_session;
    MapService* m_maps;
    ImageListModel* m_images;
    OverlayStyle m_style;
    std::vector<SaliencePaneWidget*> m_panes;
    std::vector<std::int64_t> m_modelIds;
    std::vector<std::pair<int, int>> m_inputSizes;
    std::vector<double> m_mapEntropy;
    int m_row = -1;
    QString m_hash;
    std::uint64_t m_generation = 0;

    QComboBox* m_colormap = nullptr;
    QSlider* m_opacity = nullptr;
    QCheckBox* m_upscaled = nullptr;
    QCheckBox* m_contours = nullptr;
    QCheckBox* m_annotation = nullptr;
    QCheckBox* m_sync = nullptr;
    QComboBox* m_columns = nullptr;
    QLabel* m_title = nullptr;
    QWidget* m_grid = nullptr;
    QGridLayout* m_gridLayout = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace saliscope::ui
