// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportlayout.h"

#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>

namespace saliscope::ui {

namespace {

QTextOption wrapping(Qt::Alignment alignment)
{
    QTextOption option(alignment);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return option;
}

} // namespace

ReportLayout::ReportLayout(QPdfWriter& writer, QPainter& painter, const QString& fontFamily, const QString& footer)
    : m_writer(writer), m_painter(painter), m_family(fontFamily), m_footer(footer)
{
    const QRect area = m_writer.pageLayout().paintRectPixels(m_writer.resolution());
    m_unit = m_writer.resolution() / 72.0;
    m_footerHeight = points(18);
    m_width = area.width();
    m_height = area.height() - m_footerHeight;
}

QFont ReportLayout::font(ReportFont style) const
{
    QFont font(m_family);
    font.setStyleStrategy(QFont::PreferOutline);
    switch (style) {
    case ReportFont::Body: font.setPointSizeF(9.5); break;
    case ReportFont::Small: font.setPointSizeF(7.5); break;
    case ReportFont::Bold:
        font.setPointSizeF(9.5);
        font.setBold(true);
        break;
    case ReportFont::SmallBold:
        font.setPointSizeF(7.5);
        font.setBold(true);
        break;
    case ReportFont::Title:
        font.setPointSizeF(24);
        font.setBold(true);
        break;
    case ReportFont::Heading1:
        font.setPointSizeF(15);
        font.setBold(true);
        break;
    case ReportFont::Heading2:
        font.setPointSizeF(11.5);
        font.setBold(true);
        break;
    }
    return font;
}

void ReportLayout::newPage()
{
    drawFooter();
    m_writer.newPage();
    ++m_page;
    m_y = 0;
}

void ReportLayout::ensureSpace(double height)
{
    if (!atPageTop() && height > remaining())
        newPage();
}

QRectF ReportLayout::take(double height)
{
    ensureSpace(height);
    const QRectF band(0, m_y, m_width, height);
    m_y = std::min(m_height, m_y + height);
    return band;
}

void ReportLayout::skip(double height)
{
    if (!atPageTop())
        m_y = std::min(m_height, m_y + height);
}

double ReportLayout::textHeight(const QString& text, const QFont& font, double width) const
{
    m_painter.setFont(font);
    return m_painter.boundingRect(QRectF(0, 0, width, 1e6), text, wrapping(Qt::AlignLeft)).height();
}

void ReportLayout::drawText(const QRectF& rect, const QString& text, const QFont& font, Qt::Alignment alignment)
{
    m_painter.setFont(font);
    m_painter.setPen(Qt::black);
    m_painter.drawText(rect, text, wrapping(alignment));
}

void ReportLayout::heading(const QString& text, ReportFont style, double keepWithNext)
{
    const QFont f = font(style);
    const double before = points(style == ReportFont::Heading1 ? 6 : 8);
    const double height = textHeight(text, f, m_width);
    ensureSpace(before + height + points(keepWithNext));
    skip(before);
    drawText(take(height), text, f);
    skip(points(style == ReportFont::Heading1 ? 8 : 4));
    if (style == ReportFont::Heading1) {
        m_painter.setPen(QPen(QColor(70, 90, 140), points(0.8)));
        m_painter.drawLine(QPointF(0, m_y - points(5)), QPointF(m_width, m_y - points(5)));
    }
}

void ReportLayout::paragraph(const QString& text, ReportFont style)
{
    const QFont f = font(style);
    const double height = textHeight(text, f, m_width);
    if (height <= remaining() || atPageTop()) {
        drawText(take(height), text, f);
        skip(points(6));
        return;
    }
    // Too long for the space left: lay it out line by line and break between lines.
    QTextLayout layout(text, f, &m_writer);
    layout.setTextOption(wrapping(Qt::AlignLeft));
    layout.beginLayout();
    double lineY = 0;
    while (true) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(m_width);
        line.setPosition(QPointF(0, lineY));
        lineY += line.height();
    }
    layout.endLayout();
    m_painter.setPen(Qt::black);
    for (int i = 0; i < layout.lineCount(); ++i) {
        QTextLine line = layout.lineAt(i);
        if (line.height() > remaining())
            newPage();
        line.draw(&m_painter, QPointF(0, m_y - line.y()));
        m_y += line.height();
    }
    skip(points(6));
}

void ReportLayout::finish() { drawFooter(); }

void ReportLayout::drawFooter()
{
    const QFont f = font(ReportFont::Small);
    const QRectF band(0, m_height + points(6), m_width, m_footerHeight - points(6));
    m_painter.setPen(QPen(QColor(160, 160, 160), points(0.5)));
    m_painter.drawLine(QPointF(0, m_height + points(4)), QPointF(m_width, m_height + points(4)));
    m_painter.setFont(f);
    m_painter.setPen(QColor(90, 90, 90));
    m_painter.drawText(band, Qt::AlignLeft | Qt::AlignVCenter, m_footer);
    m_painter.drawText(band, Qt::AlignRight | Qt::AlignVCenter, QString::number(m_page));
}

} // namespace saliscope::ui
