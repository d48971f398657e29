// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/project/measureresults.h"
#include "core/common/result.h"
#include "core/jobs/progress.h"
#include "ui/report/reportoptions.h"
#include "core/store/storetypes.h"

#include <QDateTime>
#include <QImage>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace saliscope::ui {

/// A model as the report names it: the name its runs gave it and what the project knows of it.
struct ReportModel final {
    QString name;
    QString family;     ///< "" when it belongs to none
    StoredModel stored; ///< id 0 when the project has no model with the runs' file hash
};

/// An image the runs have no results for, with the reason.
struct SkippedImage final {
    QString path;
    QString reason;
};

/// One model's overlay of a gallery image (or why there is none).
struct GalleryTile final {
    QString model;
    QImage overlay; ///< the image with the model's upscaled map over it; null when `note` says why
    QString note;
};

/// One image of a measure's gallery: why it was picked, the image and each model's overlay.
struct GalleryEntry final {
    std::int64_t position = 0; ///< in the run's dataset
    QString path;
    QString caption; ///< e.g. "Highest mean normalised entropy (0.812)"
    QString label;   ///< the image's class name ("" when unlabelled)
    QImage image;    ///< at the first model's input size; null when unreadable
    std::vector<GalleryTile> tiles;
};

/// A run set that differs from the report's only by its salience method (the report's own among
/// them), with the selected models' rows and scorecard.
struct ReportMethodSet final {
    QString method; ///< the method's title ("Grad-CAM")
    MeasureResults results;
    QJsonObject scorecard;
};

/// Everything a review report shows, read from a project (plain data, any thread).
struct ReportContent final {
    QString projectPath;
    QString datasetLocation;
    std::int64_t imageCount = 0;
    QDateTime created;                 ///< when the content was read (the report's date)
    QString softwareVersion;           ///< this Saliscope's
    QString runSoftwareVersions;       ///< the versions the runs were made with
    QString devices;                   ///< the devices the runs ran on
    QString runsFinished;              ///< newest finish time of the runs (ISO 8601)
    std::vector<ReportModel> models;   ///< the selected models, in run order
    std::vector<MeasureKind> measures; ///< the selected measures that have results, in report order
    MeasureResults results;            ///< rows of the selected models only, summarised
    QJsonObject scorecard;             ///< scorecard(results.summary)
    QString method;                    ///< the title of the runs' salience method ("Grad-CAM")
    /// With two or more: the run sets on the dataset that differ only by method, in the methods'
    /// order (the report's own among them); else empty.
    std::vector<ReportMethodSet> methodSets;
    std::vector<SkippedImage> skipped;
    std::map<MeasureKind, std::vector<GalleryEntry>> gallery;
    QStringList warnings; ///< what could not be shown and why (missing model files ...)
};

/// Reads the project of `options` read-only: its preferred run set (the one with most measures;
/// among sets that differ only by method, the Grad-CAM one when it has as many measures), the
/// sets beside it that differ only by method,
/// the selected models' rows and summary, the images without results, and for each selected
/// measure the most extreme images with each model's overlay (stored maps, else computed with
/// the model). Errors: no such project, no measure runs, an unknown model, a measure the runs lack.
/// Any thread; reads its own connection, so the GUI may keep the project open.
Result<ReportContent> loadReportContent(const ReportOptions& options, ProgressSink& progress,
                                        const CancelToken& cancel);

} // namespace saliscope::ui
