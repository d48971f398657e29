// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/preview/measurepreviewcell.h"

#include <QPainter>

namespace saliscope::ui {

namespace {

/// An RGB ImageU8 as a QImage (a deep copy).
QImage rgbImage(const engine::ImageU8& image)
{
    if (image.width <= 0 || image.height <= 0 || image.channels != 3)
        return {};
    QImage copy(image.pixels.data(), image.width, image.height, image.width * 3, QImage::Format_RGB888);
    return copy.copy();
}

} // namespace

MeasurePreviewCell::MeasurePreviewCell(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void MeasurePreviewCell::setResult(const engine::ImageU8& input, const engine::ImageU8& map, const Colormap& colormap,
                                   double opacity, const QString& firstLine, const QString& secondLine)
{
    m_state = State::Ready;
    m_image = rgbImage(input);
    m_overlay = map.channels == 1 && !map.pixels.empty()
        ? colormap.colorize(map.pixels.data(), map.width, map.height, opacity)
        : QImage();
    m_first = firstLine;
    m_second = secondLine;
    update();
}

void MeasurePreviewCell::setPending()
{
    m_state = State::Pending;
    m_image = {};
    m_overlay = {};
    m_first = tr("computing\u2026");
    m_second.clear();
    update();
}

void MeasurePreviewCell::setFailed(const QString& reason)
{
    m_state = State::Failed;
    m_image = {};
    m_overlay = {};
    m_first = tr("failed");
    m_second = reason;
    setToolTip(reason);
    update();
}

void MeasurePreviewCell::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(30, 31, 34));
    const int side = width() - 8;
    const QRect area(4, 4, side, side);
    painter.fillRect(area, QColor(18, 18, 20));
    if (!m_image.isNull()) {
        const QSize fitted = m_image.size().scaled(area.size(), Qt::KeepAspectRatio);
        const QRect target(area.left() + (area.width() - fitted.width()) / 2,
                           area.top() + (area.height() - fitted.height()) / 2, fitted.width(), fitted.height());
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.drawImage(target, m_image);
        // The small map is drawn cell by cell, as the viewer does by default.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        if (!m_overlay.isNull())
            painter.drawImage(target, m_overlay);
    } else {
        painter.setPen(QColor(150, 150, 150));
        painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                         m_state == State::Pending ? tr("computing\u2026") : tr("no map"));
    }
    painter.setPen(m_state == State::Failed ? QColor(255, 120, 110) : QColor(230, 230, 230));
    const QRect line1(4, side + 6, side, 16);
    const QRect line2(4, side + 22, side, 16);
    painter.drawText(line1, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(m_first, Qt::ElideRight, line1.width()));
    painter.setPen(QColor(190, 200, 120));
    painter.drawText(line2, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(m_second, Qt::ElideRight, line2.width()));
}

} // namespace saliscope::ui
