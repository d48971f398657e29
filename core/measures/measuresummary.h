// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measurerunner.h"
#include "core/measures/measuretable.h"

#include <QJsonObject>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// What splits a summary by image: per image index (a row's imageIndex, an index into the run's
/// dataset records), its group (DatasetRecord::group: manipulation method, generator, the video;
/// "" when none) and its video (the file of a frame path `clip.mp4#frame=N[&crop=...]`, "" for a
/// still image or a crop of one). Empty: no groups, no videos.
struct ImageGrouping final {
    std::vector<std::string> groups;
    std::vector<std::string> videos;

    /// From a dataset's records, index for index (parseSourcePath finds the frames' videos).
    static ImageGrouping of(const std::vector<DatasetRecord>& records);
    /// The group of an image ("" when it has none or the index is out of range).
    const std::string& groupOf(std::int64_t image) const;
    /// The video of an image ("" for a still image or an index out of range).
    const std::string& videoOf(std::int64_t image) const;
    /// The distinct non-empty groups, sorted.
    std::vector<std::string> groupNames() const;
    /// A summary is split by group when the images have more than one group.
    bool splitsByGroup() const { return groupNames().size() > 1; }
    /// Whether any image is a video frame.
    bool hasVideos() const;
};

/// The rows of `tables` whose image `keep` accepts (stability rows by their image too); every
/// table stays, with its columns, even when no row of it is kept.
std::vector<MeasureTable> tablesOfImages(const std::vector<MeasureTable>& tables,
                                         const std::function<bool(std::int64_t image)>& keep);

/// The aggregates docs/measures.md lists, computed from a run's per-image tables (so they can be
/// recomputed from stored rows after a resume or a merge): per model accuracy, ROC AUC,
/// confusion matrix, and for each measure its summary statistics, histograms and curves; per
/// family the stability distribution and the K x K mean-SSIM matrix. Labels come from the
/// predictions table. Values that involve a flat map are left out of every aggregate, and each
/// block counts them in `flat_maps` (`flat_pairs` for a family): see FlatMaps. With a grouping
/// whose images have more than one group, each model also gets `groups` (per group its images,
/// accuracy, ROC AUC when both classes are there, and each measure's scorecard number over the
/// group's rows); when some images are video frames, `videos` (a video's score is the mean of its
/// frames' scores: video-level accuracy and ROC AUC, each measure's number per video averaged
/// over the videos, and a table of the videos). Without groups or videos the summary is what it
/// was without a grouping. docs/measures.md, "Groups and videos". Pure function; any thread.
QJsonObject summarizeMeasures(const std::vector<MeasureTable>& tables, const MeasureSettings& settings,
                              const std::vector<FamilyEntry>& families, const ImageGrouping& grouping = {});

/// The sanity checks pass for a model and method when the mean Spearman correlation of the fully
/// randomised model's maps with its own maps has fallen below this (from 1, the model's own).
constexpr double SanityPassSpearman = 0.5;

/// The one-number-per-measure scorecard row of each model, from a summary:
/// accuracy, roc_auc, mean normalised entropy, noise SSIM area, mean transform SSIM,
/// degradation faithfulness, the sanity checks' final Spearman correlation and verdict
/// (sanity_spearman, sanity_passes) when they ran (and the family's mean stability SSIM where it
/// belongs to one),
/// `flat_maps` (the model's flat clean maps) and `flat_excluded` (per number above, the rows it
/// left out because they involve a flat map).
QJsonObject scorecard(const QJsonObject& summary);

/// The scorecard's keys that hold a measure's headline number (entropy, annotation_mass,
/// noise_ssim_area, transform_ssim, faithfulness, sanity_spearman, stability_ssim, the curves'
/// areas and the localisation means): what `groups` and `videos` report per group and video.
const std::vector<std::string>& scorecardMeasureKeys();

/// A scorecard per group, from a summary with `groups` (summarizeMeasures with a grouping):
/// {group: {model: row}}, each row with the scorecard's keys (scorecard()) computed over the
/// group's rows, plus `images`; `roc_auc` is absent where the group has one class. Empty when the
/// summary has no groups. The groups' counterpart of a scorecard per salience method.
QJsonObject groupScorecards(const QJsonObject& summary);

/// The two model names of a stability row's "a|b" model field; nullopt for any other field.
std::optional<std::pair<std::string, std::string>> stabilityPair(const std::string& model);

/// Calls visit(a, b, row) for each stability row of `family` whose two models are both members,
/// with a < b their positions in family.members.
void forEachFamilyPair(const MeasureTable& stability, const FamilyEntry& family,
                       const std::function<void(std::size_t, std::size_t, const MeasureRow&)>& visit);

} // namespace saliscope
