// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QRectF>
#include <QString>

class QImage;
class QPainter;
class QPdfWriter;

namespace saliscope::ui {

/// The text styles of a report.
enum class ReportFont { Body, Small, Bold, SmallBold, Title, Heading1, Heading2 };

/// Lays report blocks out top to bottom on the pages of a QPdfWriter, starting a new page when a
/// block does not fit, with a footer on every page. Lengths are in the writer's device units
/// (points(1) of them make a point); fonts are set in points.
/// The painter must be active on the writer; GUI or worker thread (QPdfWriter is not a widget).
class ReportLayout final {
public:
    /// `fontFamily` is used for every style (embedded by QPdfWriter); `footer` on every page.
    ReportLayout(QPdfWriter& writer, QPainter& painter, const QString& fontFamily, const QString& footer);

    QPainter& painter() { return m_painter; }
    QFont font(ReportFont style) const;
    /// Device units of `pt` points.
    double points(double pt) const { return pt * m_unit; }
    /// Width of the text area.
    double width() const { return m_width; }
    /// Height of the text area of a page (without the footer).
    double pageHeight() const { return m_height; }
    /// Space left below the cursor on this page.
    double remaining() const { return m_height - m_y; }
    double y() const { return m_y; }
    bool atPageTop() const { return m_y <= 0; }
    int pageNumber() const { return m_page; }

    /// Ends the page (footer) and starts the next.
    void newPage();
    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    void ensureSpace(double height);
    /// A full-width band of `height` at the cursor (after ensureSpace); the cursor moves below it.
    QRectF take(double height);
    /// Moves the cursor down (not past the page end).
    void skip(double height);

    /// Height of `text` wrapped to `width` (words, or anywhere in a word longer than a line).
    double textHeight(const QString& text, const QFont& font, double width) const;
    /// Draws wrapped text in `rect` with `alignment`.
    void drawText(const QRectF& rect, const QString& text, const QFont& font, Qt::Alignment alignment = Qt::AlignLeft);
    /// A heading kept on one page with at least `keepWithNext` points of what follows.
    void heading(const QString& text, ReportFont style, double keepWithNext = 140);
    /// A wrapped paragraph; split line by line across pages when longer than the space left.
    void paragraph(const QString& text, ReportFont style = ReportFont::Body);
    /// Draws the footer of the current page; call once after the last block.
    void finish();

private:
    void drawFooter();

    QPdfWriter& m_writer;
    QPainter& m_painter;
    QString m_family;
    QString m_footer;
    double m_width = 0;
    double m_height = 0;
    double m_unit = 1;
    double m_footerHeight = 0;
    double m_y = 0;
    int m_page = 1;
};

} // namespace saliscope::ui
