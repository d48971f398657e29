// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reporttable.h"

#include "ui/report/reportlayout.h"

#include <QPainter>

#include <algorithm>
#include <numeric>

namespace saliscope::ui {

std::vector<double> tableColumnWidths(const std::vector<double>& natural, const std::vector<double>& minimum,
                                      double available, bool fullWidth)
{
    const double total = std::accumulate(natural.begin(), natural.end(), 0.0);
    if (natural.empty() || total <= 0)
        return natural;
    std::vector<double> widths = natural;
    if (total <= available) {
        if (fullWidth)
            for (auto& w : widths)
                w *= available / total;
        return widths;
    }
    const double least = std::accumulate(minimum.begin(), minimum.end(), 0.0);
    if (minimum.size() == natural.size() && least <= available) {
        // Headers wrap: every column gets its minimum plus a share of the rest by what it lacks.
        const double lacking = total - least;
        for (std::size_t c = 0; c < widths.size(); ++c)
            widths[c] = minimum[c] + (lacking > 0 ? (natural[c] - minimum[c]) * (available - least) / lacking : 0);
        return widths;
    }
    // Columns narrower than an even share keep their width; the wide ones share the rest.
    const std::vector<double>& base = minimum.size() == natural.size() ? minimum : natural;
    const double share = available / double(base.size());
    double narrow = 0, wide = 0;
    for (double w : base)
        (w <= share ? narrow : wide) += w;
    const double left = std::max(available - narrow, 0.0);
    for (std::size_t c = 0; c < widths.size(); ++c)
        widths[c] = base[c] > share && wide > 0 ? base[c] * left / wide : base[c];
    return widths;
}

namespace {

/// Column widths and row heights of a table as the layout draws it.
struct TableGeometry final {
    std::vector<double> widths;
    double headerHeight = 0;
    std::vector<double> rowHeights;
};

TableGeometry measure(ReportLayout& layout, const ReportTable& table)
{
    TableGeometry geometry;
    const int columns = int(table.header.size());
    QPainter& painter = layout.painter();
    const double padding = layout.points(3);
    const QFont body = layout.font(ReportFont::Small);
    const QFont bold = layout.font(ReportFont::SmallBold);
    auto textWidth = [&](const QString& text, const QFont& font) {
        painter.setFont(font);
        return painter.boundingRect(QRectF(0, 0, 1e6, 1e6), Qt::AlignLeft, text).width();
    };
    std::vector<double> natural(std::size_t(columns), 0.0), minimum(std::size_t(columns), 0.0);
    if (table.showHeader)
        for (int c = 0; c < columns; ++c) {
            natural[std::size_t(c)] = textWidth(table.header[c], bold);
            for (const QString& word : table.header[c].split(QLatin1Char(' '), Qt::SkipEmptyParts))
                minimum[std::size_t(c)] = std::max(minimum[std::size_t(c)], textWidth(word, bold));
        }
    for (const auto& row : table.rows)
        for (int c = 0; c < columns && c < row.size(); ++c) {
            const double width = textWidth(row[c], c == 0 && table.boldFirstColumn ? bold : body);
            natural[std::size_t(c)] = std::max(natural[std::size_t(c)], width);
            minimum[std::size_t(c)] = std::max(minimum[std::size_t(c)], width);
        }
    for (std::size_t c = 0; c < natural.size(); ++c) {
        natural[c] += 2 * padding + 1;
        minimum[c] += 2 * padding + 1;
    }
    geometry.widths = tableColumnWidths(natural, minimum, layout.width(), table.fullWidth);
    auto rowHeight = [&](const QStringList& cells, const QFont& font) {
        double height = 0;
        for (int c = 0; c < columns; ++c)
            height = std::max(height,
                              layout.textHeight(c < cells.size() ? cells[c] : QString(),
                                                c == 0 && table.boldFirstColumn ? bold : font,
                                                geometry.widths[std::size_t(c)] - 2 * padding));
        return height + 2 * padding;
    };
    geometry.headerHeight = table.showHeader ? rowHeight(table.header, bold) : 0;
    for (const auto& row : table.rows)
        geometry.rowHeights.push_back(rowHeight(row, body));
    return geometry;
}

} // namespace

double tableHeight(ReportLayout& layout, const ReportTable& table)
{
    if (table.header.isEmpty())
        return 0;
    const TableGeometry geometry = measure(layout, table);
    return geometry.headerHeight + std::accumulate(geometry.rowHeights.begin(), geometry.rowHeights.end(), 0.0);
}

void drawTable(ReportLayout& layout, const ReportTable& table)
{
    const int columns = int(table.header.size());
    if (columns == 0)
        return;
    QPainter& painter = layout.painter();
    const double padding = layout.points(3);
    const QFont body = layout.font(ReportFont::Small);
    const QFont bold = layout.font(ReportFont::SmallBold);
    const TableGeometry geometry = measure(layout, table);
    auto alignment = [&](int column) {
        return column < int(table.alignments.size()) ? table.alignments[std::size_t(column)] : Qt::AlignLeft;
    };
    auto drawRow = [&](const QStringList& cells, const QFont& font, const QRectF& band, const QColor& fill) {
        if (fill.isValid())
            painter.fillRect(band, fill);
        double x = band.left();
        for (int c = 0; c < columns; ++c) {
            const double width = geometry.widths[std::size_t(c)];
            const QRectF cell(x + padding, band.top() + padding, width - 2 * padding, band.height() - 2 * padding);
            layout.drawText(cell, c < cells.size() ? cells[c] : QString(),
                            c == 0 && table.boldFirstColumn ? bold : font, alignment(c) | Qt::AlignTop);
            x += width;
        }
        painter.setPen(QPen(QColor(200, 200, 200), layout.points(0.4)));
        painter.drawLine(band.bottomLeft(), QPointF(x, band.bottom()));
    };
    const QColor headerFill(222, 228, 240);
    const QColor stripeFill(245, 246, 250);
    auto drawHeader = [&]() {
        if (table.showHeader)
            drawRow(table.header, bold, layout.take(geometry.headerHeight), headerFill);
    };

    const double firstRow = geometry.rowHeights.empty() ? 0 : geometry.rowHeights.front();
    layout.ensureSpace(geometry.headerHeight + firstRow);
    drawHeader();
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        if (geometry.rowHeights[r] > layout.remaining()) {
            layout.newPage();
            drawHeader();
        }
        drawRow(table.rows[r], body, layout.take(geometry.rowHeights[r]), r % 2 ? stripeFill : QColor());
    }
    layout.skip(layout.points(8));
}

} // namespace saliscope::ui
