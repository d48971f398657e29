// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "ui/report/colormap.h"

#include <QImage>
#include <QPainterPath>
#include <QPointF>
#include <QWidget>

#include <limits>

namespace saliscope::ui {

/// How maps are drawn over images; shared by every pane of a viewer.
struct OverlayStyle final {
    Colormap colormap = Colormap::named(QStringLiteral("jet"));
    double opacity = 0.5;
    bool upscaled = false;  ///< the bicubic upscaled map instead of the small map's cells
    bool contours = false;  ///< iso-lines at 25, 50 and 75 % salience
    bool annotation = true; ///< outline of the human annotation, when there is one
};

/// What a pane says about its model on the current image.
struct PaneCaption final {
    QString modelName;
    QString method; ///< the salience method's title ("Grad-CAM", "Eigen-CAM", ...)
    double score = std::numeric_limits<double>::quiet_NaN();
    QString prediction;
    int correct = -1; ///< -1 unknown
    double entropy = std::numeric_limits<double>::quiet_NaN();
};

/// One model's view of one image: the image with the model's map by one salience method overlaid,
/// a caption with the model's name and the method, score, prediction and entropy (the tooltip
/// names the model and method too), zoom (wheel) and pan (drag; double-click resets).
class SaliencePaneWidget final : public QWidget {
    Q_OBJECT

public:
    enum class MapState { None, Pending, Ready, Failed };

    explicit SaliencePaneWidget(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    /// The small 8-bit map; `inputWidth` x `inputHeight` is the model input its upscaled form has.
    void setMap(const engine::ImageU8& map, int inputWidth, int inputHeight);
    /// The small map shown (empty while none).
    const engine::ImageU8& map() const { return m_map; }
    void setMapState(MapState state, const QString& message = {});
    MapState mapState() const { return m_state; }
    void setAnnotationOutline(const QPainterPath& outline);
    void setStyle(const OverlayStyle& style);
    void setCaption(const PaneCaption& caption);
    const PaneCaption& caption() const { return m_caption; }

    /// Zoom (1 = fit) and the image point (normalised) at the pane's centre.
    void setView(double zoom, QPointF center);
    double zoom() const { return m_zoom; }
    QPointF center() const { return m_center; }

    QSize sizeHint() const override { return {360, 400}; }
    QSize minimumSizeHint() const override { return {160, 180}; }

signals:
    /// The user zoomed or panned.
    void viewChanged(double zoom, QPointF center);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    QRectF imageArea() const;
    QRectF imageRect() const;
    void rebuildOverlay();

    QImage m_image;
    engine::ImageU8 m_map;
    engine::ImageU8 m_upscaled;
    QImage m_overlay;
    QPainterPath m_contours;
    QPainterPath m_annotation;
    OverlayStyle m_style;
    PaneCaption m_caption;
    MapState m_state = MapState::None;
    QString m_message;
    double m_zoom = 1.0;
    QPointF m_center{0.5, 0.5};
    QPointF m_dragStart;
    QPointF m_dragCenter;
    bool m_dragging = false;
};

} // namespace saliscope::ui
