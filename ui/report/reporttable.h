// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace saliscope::ui {

class ReportLayout;

/// A table of text for a report: a header row and rows of cells.
struct ReportTable final {
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<Qt::Alignment> alignments; ///< per column; missing: left
    bool fullWidth = true;                 ///< stretch narrow tables to the text width
    bool showHeader = true;                ///< false: `header` only gives the column count
    bool boldFirstColumn = false;
};

/// Column widths in `available` points. `natural` is each column's width on one line, `minimum`
/// the width it needs when its header wraps between words (cells stay on one line). Tables that
/// fit on one line keep `natural` (stretched when `fullWidth`); else headers wrap, and when even
/// `minimum` does not fit, narrow columns keep their width and the wide ones share what is left
/// in proportion, so their text wraps.
std::vector<double> tableColumnWidths(const std::vector<double>& natural, const std::vector<double>& minimum,
                                      double available, bool fullWidth);

/// The height `table` takes when drawn unbroken (header and every row).
double tableHeight(ReportLayout& layout, const ReportTable& table);

/// Draws `table` at the layout's cursor. Cells wrap; a row is never split: when it does not fit
/// on the page the table goes on on the next page under a repeated header.
void drawTable(ReportLayout& layout, const ReportTable& table);

} // namespace saliscope::ui
