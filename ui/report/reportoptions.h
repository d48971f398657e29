// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/measures/measuretable.h"

#include <QString>
#include <QStringList>

#include <set>

namespace saliscope::ui {

/// Paper sizes a report is laid out for.
enum class ReportPageSize { A4, Letter };

/// What goes into a review report and where it is written. Empty lists mean "all".
struct ReportOptions final {
    QString projectPath;
    QString outputPath;
    QStringList models;             ///< model names as the runs name them; empty: every model
    std::set<MeasureKind> measures; ///< the measures to show; empty: every measure the runs have
    ReportPageSize pageSize = ReportPageSize::A4;
    QString language;            ///< "en", "ja" ...; picks fonts and date formats ("" = current)
    int galleryImagesPerEnd = 1; ///< images shown at each end (highest, lowest) of a measure
};

/// Parses "a4" or "letter" (any case); an Error names the bad value.
Result<ReportPageSize> parseReportPageSize(const QString& text);
/// Parses a comma-separated list of measures ("entropy,noise,transforms,stability,degradation,
/// sanity,deletion,insertion,road,localisation", or "all": the five measures, as `measure all`);
/// an Error names an unknown one.
Result<std::set<MeasureKind>> parseReportMeasures(const QString& text);
/// The measures in report order: the five, the sanity checks, the faithfulness curves (deletion,
/// insertion, ROAD: one section) and localisation.
const std::vector<MeasureKind>& reportMeasureOrder();

} // namespace saliscope::ui
