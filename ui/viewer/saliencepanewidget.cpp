// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/viewer/saliencepanewidget.h"

#include "core/engine/cammaps.h"
#include "ui/viewer/contours.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace saliscope::ui {

namespace {
constexpr int CaptionHeight = 42;
}

SaliencePaneWidget::SaliencePaneWidget(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(false);
    setFocusPolicy(Qt::NoFocus);
}

void SaliencePaneWidget::setImage(const QImage& image)
{
    m_image = image;
    update();
}

void SaliencePaneWidget::setMap(const engine::ImageU8& map, int inputWidth, int inputHeight)
{
    m_map = map;
    m_upscaled = map.empty() ? engine::ImageU8{}
                             : engine::upscaleMap(map, std::max(1, inputWidth), std::max(1, inputHeight));
    m_state = map.empty() ? MapState::None : MapState::Ready;
    m_message.clear();
    rebuildOverlay();
    update();
}

void SaliencePaneWidget::setMapState(MapState state, const QString& message)
{
    m_state = state;
    m_message = message;
    if (state != MapState::Ready) {
        m_map = {};
        m_upscaled = {};
        rebuildOverlay();
    }
    update();
}

void SaliencePaneWidget::setAnnotationOutline(const QPainterPath& outline)
{
    m_annotation = outline;
    update();
}

void SaliencePaneWidget::setStyle(const OverlayStyle& style)
{
    m_style = style;
    rebuildOverlay();
    update();
}

void SaliencePaneWidget::setCaption(const PaneCaption& caption)
{
    m_caption = caption;
    setToolTip(caption.method.isEmpty() ? caption.modelName : tr("%1 under %2").arg(caption.modelName, caption.method));
    update();
}

void SaliencePaneWidget::setView(double zoom, QPointF center)
{
    m_zoom = zoom;
    m_center = center;
    update();
}

void SaliencePaneWidget::rebuildOverlay()
{
    m_overlay = {};
    m_contours = {};
    const engine::ImageU8& source = m_style.upscaled ? m_upscaled : m_map;
    if (source.empty())
        return;
    m_overlay = m_style.colormap.colorize(source.pixels.data(), source.width, source.height, m_style.opacity);
    if (m_style.contours && !m_upscaled.empty())
        for (double level : {63.75, 127.5, 191.25})
            m_contours.addPath(isoLine(m_upscaled.pixels.data(), m_upscaled.width, m_upscaled.height, level));
}

QRectF SaliencePaneWidget::imageArea() const
{
    return QRectF(0, CaptionHeight, width(), std::max(1, height() - CaptionHeight)).adjusted(4, 2, -4, -4);
}

QRectF SaliencePaneWidget::imageRect() const
{
    const QRectF area = imageArea();
    QSizeF size = m_image.isNull() ? QSizeF(1, 1) : QSizeF(m_image.size());
    if (!m_image.isNull() || !m_map.empty())
        size.scale(area.size(), Qt::KeepAspectRatio);
    else
        size = area.size();
    size *= m_zoom;
    const QPointF centre = area.center();
    return QRectF(centre.x() - m_center.x() * size.width(), centre.y() - m_center.y() * size.height(), size.width(),
                  size.height());
}

void SaliencePaneWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(30, 31, 34));

    // Caption: model name and method with the normalised entropy on the right, then score and
    // prediction (with a tick or cross) on the second line, so narrow panes keep every number.
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF line1(8, 3, width() - 16, 18);
    const QString entropyText = std::isnan(m_caption.entropy) ? QString()
                                                              : tr("entropy %1").arg(m_caption.entropy, 0, 'f', 3);
    const int entropyWidth = entropyText.isEmpty() ? 0 : painter.fontMetrics().horizontalAdvance(entropyText) + 10;
    if (!entropyText.isEmpty()) {
        painter.setPen(QColor(190, 190, 190));
        painter.drawText(line1, Qt::AlignRight | Qt::AlignVCenter, entropyText);
    }
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    // The method stays whole; a long model name is elided in the middle, and left out when not even
    // a few of its letters fit (the pane's model choice above names it).
    const QString separator = QStringLiteral(" \u00b7 ");
    const int available = std::max(0, int(line1.width()) - entropyWidth);
    const int methodWidth = painter.fontMetrics().horizontalAdvance(separator + m_caption.method);
    QString name =
        painter.fontMetrics().elidedText(m_caption.modelName, Qt::ElideMiddle,
                                         std::max(0, available - (m_caption.method.isEmpty() ? 0 : methodWidth)));
    const bool nameFits = name == m_caption.modelName || name.size() >= 4;
    if (!nameFits)
        name.clear();
    painter.setPen(QColor(235, 235, 235));
    painter.drawText(line1, Qt::AlignLeft | Qt::AlignVCenter, name);
    if (!m_caption.method.isEmpty()) {
        const QString methodText = name.isEmpty() ? m_caption.method : separator + m_caption.method;
        const qreal nameWidth = painter.fontMetrics().horizontalAdvance(name);
        painter.setPen(QColor(130, 190, 255));
        painter.drawText(line1.adjusted(nameWidth, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(methodText, Qt::ElideRight, int(available - nameWidth)));
    }
    painter.setFont(font());
    QString details;
    if (!std::isnan(m_caption.score))
        details += tr("score %1").arg(m_caption.score, 0, 'f', 3);
    if (!m_caption.prediction.isEmpty())
        details += (details.isEmpty() ? QString() : QStringLiteral(" · ")) + m_caption.prediction
            + (m_caption.correct == 1       ? QStringLiteral(" \u2713")
                   : m_caption.correct == 0 ? QStringLiteral(" \u2717")
                                            : QString());
    if (details.isEmpty())
        details = tr("no prediction yet");
    painter.setPen(m_caption.correct == 0       ? QColor(255, 120, 110)
                       : m_caption.correct == 1 ? QColor(140, 220, 150)
                                                : QColor(190, 190, 190));
    const QRectF line2(8, 21, width() - 16, 18);
    painter.drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(details, Qt::ElideRight, int(line2.width())));

    const QRectF area = imageArea();
    painter.save();
    painter.setClipRect(area);
    painter.fillRect(area, QColor(18, 18, 20));
    const QRectF target = imageRect();
    if (!m_image.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 4);
        painter.drawImage(target, m_image);
    }
    if (!m_overlay.isNull()) {
        // Small maps are drawn cell by cell (nearest neighbour); upscaled ones smoothly.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, m_style.upscaled);
        painter.drawImage(target, m_overlay);
    }
    auto drawNormalised = [&](const QPainterPath& path, const QPen& pen) {
        if (path.isEmpty())
            return;
        QTransform transform;
        transform.translate(target.left(), target.top());
        transform.scale(target.width(), target.height());
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(transform.map(path));
    };
    if (m_style.contours)
        drawNormalised(m_contours, QPen(QColor(255, 255, 255, 220), 1.2));
    if (m_style.annotation)
        drawNormalised(m_annotation, QPen(QColor(80, 255, 120), 2.0, Qt::DashLine));
    painter.restore();

    if (m_state == MapState::Pending || m_state == MapState::Failed) {
        const QString text = m_state == MapState::Pending ? tr("computing map\u2026") : tr("no map: %1").arg(m_message);
        QRectF box = painter.fontMetrics().boundingRect(area.toRect(), Qt::AlignCenter | Qt::TextWordWrap, text);
        box.adjust(-8, -4, 8, 4);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 170));
        painter.drawRoundedRect(box, 4, 4);
        painter.setPen(m_state == MapState::Failed ? QColor(255, 140, 130) : QColor(230, 230, 230));
        painter.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, text);
    }
    if (m_zoom > 1.001) {
        painter.setPen(QColor(200, 200, 200));
        painter.drawText(area.adjusted(4, 2, -4, -2), Qt::AlignRight | Qt::AlignBottom,
                         QStringLiteral("%1\u00d7").arg(m_zoom, 0, 'f', 1));
    }
}

void SaliencePaneWidget::wheelEvent(QWheelEvent* event)
{
    const QRectF before = imageRect();
    const QPointF cursor = event->position();
    const QPointF normalised((cursor.x() - before.left()) / before.width(),
                             (cursor.y() - before.top()) / before.height());
    const double factor = std::pow(1.0015, event->angleDelta().y());
    const double zoom = std::clamp(m_zoom * factor, 1.0, 40.0);
    const QSizeF size = before.size() * (zoom / m_zoom);
    const QPointF centre = imageArea().center();
    m_zoom = zoom;
    m_center = QPointF(normalised.x() - (cursor.x() - centre.x()) / size.width(),
                       normalised.y() - (cursor.y() - centre.y()) / size.height());
    if (m_zoom <= 1.0)
        m_center = {0.5, 0.5};
    update();
    emit viewChanged(m_zoom, m_center);
    event->accept();
}

void SaliencePaneWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragStart = event->position();
    m_dragCenter = m_center;
    setCursor(Qt::ClosedHandCursor);
}

void SaliencePaneWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragging)
        return;
    const QRectF target = imageRect();
    const QPointF delta = event->position() - m_dragStart;
    m_center = QPointF(m_dragCenter.x() - delta.x() / target.width(), m_dragCenter.y() - delta.y() / target.height());
    update();
    emit viewChanged(m_zoom, m_center);
}

void SaliencePaneWidget::mouseReleaseEvent(QMouseEvent*)
{
    m_dragging = false;
    unsetCursor();
}

void SaliencePaneWidget::mouseDoubleClickEvent(QMouseEvent*)
{
    m_zoom = 1.0;
    m_center = {0.5, 0.5};
    update();
    emit viewChanged(m_zoom, m_center);
}

} // namespace saliscope::ui
