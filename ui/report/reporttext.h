// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measuretable.h"

#include <QCoreApplication>
#include <QString>

#include <string>
#include <vector>

namespace saliscope::ui {

/// The report's fixed wording (titles, how to read each measure, gallery captions), every
/// string through tr() so the report follows the installed translation.
class ReportText final {
    Q_DECLARE_TR_FUNCTIONS(ReportText)

public:
    /// "Salience entropy", "Reaction to noise", ...
    static QString measureTitle(MeasureKind kind);
    /// A measure's name where each is chosen on its own (the report dialog): measureTitle(), but
    /// "Deletion curve", "Insertion curve" and "ROAD curves" for the three that share a section.
    static QString choiceTitle(MeasureKind kind);
    /// A short paragraph on what the measure's charts show and which way is better.
    static QString howToRead(MeasureKind kind);
    /// One sentence on a faithfulness curve ("deletion", "insertion", "morf", "lerf"): how it is made,
    /// which way is better, and where it is defined; the deletion one has a %1 for the baseline.
    static QString curveSentence(const std::string& curve);
    /// What the gallery shows for a measure, and what its two ends mean.
    static QString galleryIntroduction(MeasureKind kind);
    /// Why an image was picked ("Most focused salience: mean normalised entropy 0.312").
    static QString galleryCaption(MeasureKind kind, bool highest, double value);
    /// The MeasureSettings keys a measure's results depend on (shown as its parameters).
    static std::vector<std::string> parameterKeys(MeasureKind kind);
    /// A number for tables: 3 decimals, "n/a" when not finite or absent.
    static QString number(double value, int decimals = 3);
};

} // namespace saliscope::ui
