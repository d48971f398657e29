// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/jobs/progress.h"

#include <cstdint>
#include <map>
#include <string>

namespace saliscope {

/// What generateDemoDataset makes. Every image is `imageSize` square; the same parameters always
/// give byte-identical files.
struct DemoDatasetParams final {
    std::string outputDirectory;
    int imagesPerClass = 500; ///< real images, and as many synthetic ones
    int imageSize = 112;
    std::uint64_t seed = 1;
    double testFraction = 0.25; ///< of the images, and of each person's photographs
    /// Aligned face photographs, a folder per person; when missing or empty, faces are drawn
    /// procedurally instead.
    std::string photoFolder = "/usr/share/doc/libdlib19.1/examples/johns";
};

/// What was made (or found already made) and where.
struct DemoDatasetSummary final {
    std::string outputDirectory;
    std::string trainDirectory;      ///< holds real/ and fake/
    std::string testDirectory;       ///< holds real/ and fake/
    std::string annotationDirectory; ///< human annotation maps, one per image, by file stem
    std::string maskDirectory;       ///< exact artefact masks, one per image, by file stem
    std::string manifestPath;        ///< manifest.csv: path,label,group,split,source
    std::string source;              ///< "photographs" or "procedural"
    int sourcePhotos = 0;
    int trainPhotos = 0, testPhotos = 0;
    int trainPerClass = 0, testPerClass = 0;
    std::map<std::string, int> artefactCounts; ///< synthetic images carrying each artefact kind
    bool reused = false;                       ///< the folder already held this very dataset
};

/// Makes the built-in demo dataset of real and synthetic faces with human-like annotation maps,
/// in `outputDirectory`:
///
///     train/real/real_NNNNN.png  train/fake/fake_NNNNN.png   (and the same under test/)
///     annotations/<stem>.png     human-like annotation map (8-bit grey, 255 inside)
///     masks/<stem>.png           exact artefact mask (all zero for real images)
///     manifest.csv               path,label,group,split,source (group: artefact kinds or "real")
///     dataset.json               parameters, source, split, counts (written last)
///
/// Real image N and synthetic image N are the same augmented photograph; the synthetic one also
/// carries one or two localized artefacts, so only those regions tell the classes apart. The
/// train/test split is by photograph (stratified by person): a photograph's images all fall in
/// one split. A folder already holding a complete dataset of the same parameters is reused as it
/// is; one holding an earlier demo dataset is replaced; any other non-empty folder is refused.
/// Runs on its own pool of worker threads; `progress` is called on the calling thread.
Result<DemoDatasetSummary> generateDemoDataset(const DemoDatasetParams& params, ProgressSink& progress,
                                               const CancelToken& cancel);

/// The demo's optional video dataset: short clips of its test faces.
struct DemoVideoParams final {
    std::string outputDirectory; ///< the demo makes DIR/videos
    int clipsPerClass = 5;
    int framesPerClip = 6;
};

/// What makeDemoVideos made (or found already made).
struct DemoVideoSummary final {
    std::string directory;
    std::string manifestPath; ///< manifest.csv: path,label,group
    int clips = 0;
    int framesPerClip = 0;
    bool reused = false; ///< the folder already held these clips
};

/// Makes a small video dataset from a demo dataset's test faces, in `outputDirectory`:
///
///     real/clip_NN.avi  fake/clip_NN.avi   (MJPG, `framesPerClip` frames of the image's size)
///     manifest.csv      path,label,group (group "real", or the fake face's artefact kinds)
///
/// Clip N of a class is the class's N-th test image (in name order), drifting sideways and down
/// by a few pixels and zooming in by up to 8% over the clip (reflected borders): a moving face,
/// as a detector reads it, compressed as video is. The same dataset and parameters give the same
/// frames. A folder whose manifest lists the same clips is reused (the manifest is written last).
/// Errors: fewer test images than clips, a clip that cannot be written.
Result<DemoVideoSummary> makeDemoVideos(const DemoDatasetSummary& dataset, const DemoVideoParams& params);

} // namespace saliscope
