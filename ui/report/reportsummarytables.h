// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measuresettings.h"
#include "core/measures/measuretable.h"
#include "ui/report/reporttable.h"

#include <QCoreApplication>
#include <QJsonValue>

#include <string>

namespace saliscope::ui {

struct ReportContent;

/// The report's tables of numbers, made from a report's content (pure functions, any thread).
class ReportSummaryTables final {
    Q_DECLARE_TR_FUNCTIONS(ReportSummaryTables)

public:
    /// One row per model: family, accuracy, ROC AUC and one number per selected measure, with
    /// an arrow saying which way is better.
    static ReportTable scorecard(const ReportContent& content);
    /// The faithfulness curves' mean areas and the localisation's pixel AUCs per model (the ones
    /// the runs have), beside the scorecard; no rows when the runs have none of them.
    static ReportTable faithfulnessScorecard(const ReportContent& content);
    /// One sentence naming, per model, how many rows each scorecard number left out because
    /// they involve a flat map (FlatMaps); empty when none did.
    static QString flatExclusions(const ReportContent& content);
    /// The measure's aggregates per model (per family for stability).
    static ReportTable measureSummary(const ReportContent& content, MeasureKind kind);
    /// The faithfulness curves: per model, the images and each curve's mean area under the curve
    /// with its standard deviation (the curves the runs have); no rows when there are none.
    static ReportTable curves(const ReportContent& content);
    /// Localisation against one mask kind ("annotation" or "mask"): per model, the images with a
    /// value and the mean pointing game, relevance mass, relevance rank and pixel AUC; no rows when
    /// no image has such a mask.
    static ReportTable localisation(const ReportContent& content, const std::string& mask);
    /// The parameters the measure's results were computed with: key, value, meaning.
    static ReportTable parameters(const MeasureSettings& settings, MeasureKind kind);
    /// With run sets that differ only by method: one scorecard row per model and method (the
    /// columns any of them has numbers in); no rows otherwise.
    static ReportTable methodsSideBySide(const ReportContent& content);
    /// With images of more than one group: one row per model and group (groupScorecards): the
    /// group's images, accuracy, ROC AUC (when the group has both classes) and the scorecard's
    /// numbers any group has; no rows otherwise.
    static ReportTable perGroup(const ReportContent& content);
    /// With video frames: per model the videos, those labelled, and the video-level accuracy and
    /// ROC AUC (the summary's `videos`); no rows otherwise.
    static ReportTable videoLevel(const ReportContent& content);
    /// With video frames: the videos of every model (model, video, label, group, frames, video
    /// score, predicted, right or wrong), the first `limit` rows; `total` gets the count of all.
    static ReportTable videoTable(const ReportContent& content, int limit, int* total = nullptr);
    /// "pass", "fail" or "n/a" for a scorecard's sanity_passes value.
    static QString passText(const QJsonValue& passes);
    /// The models of the report: name, family, kind, CAM layer, file.
    static ReportTable models(const ReportContent& content);
};

} // namespace saliscope::ui
