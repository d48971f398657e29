// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/dataset/facecrop.h"
#include "core/dataset/videoframes.h"
#include "core/jobs/progress.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// Label of an image whose class is not known (an unlabelled folder).
inline constexpr int UnknownLabel = -1;

/// One image of a dataset. `label` is a class index (0 = real, 1 = synthetic by default).
struct DatasetRecord final {
    std::string path; ///< absolute or as given
    int label = UnknownLabel;
    std::string group;          ///< free grouping (generator, identity); empty when none
    std::string annotationPath; ///< human annotation map matched by file name; empty when none
    std::string maskPath;       ///< exact artefact mask (a second kind of annotation) matched by file name
};

/// Maps folder names and manifest labels to class indices, case-insensitively.
class ClassMapping final {
public:
    /// real, 0_real, bonafide, genuine, ... -> 0; fake, 1_fake, synthetic, generated, ... -> 1.
    static ClassMapping defaults();
    /// Parses "real=0,fake=1,gan=1" (the --classes option). Errors name the bad entry.
    static Result<ClassMapping> parse(const std::string& text);

    /// The class of a folder name or label text; integers map to themselves; UnknownLabel if none.
    int labelOf(const std::string& name) const;
    void set(const std::string& name, int label);

private:
    std::map<std::string, int> m_labels;
};

/// How a dataset's videos become images, and whether images become face crops.
struct VideoDatasetParams final {
    VideoSampling sampling;  ///< frames taken from each video
    bool faces = false;      ///< replace every frame and still image by the crop of its largest face
    FaceCropParams face;     ///< how faces are found and cut out
    std::string cacheFolder; ///< keeps sampled frames' indices and faces' boxes (per content hash); empty: none
    int threads = 0;         ///< decoding and detection threads; 0: one per core
    std::int64_t maxPixels = 64'000'000; ///< larger frames are refused (as images)
};

/// What expandVideos did.
struct VideoDatasetStats final {
    int videos = 0;        ///< videos listed (set-aside ones included)
    int frames = 0;        ///< frame records made
    int skippedVideos = 0; ///< unreadable, empty or truncated videos set aside
    int faces = 0;         ///< frames and images replaced by a face crop
    int noFace = 0;        ///< frames and images set aside because no face was found
    int cacheHits = 0;     ///< videos and images whose frames or boxes came from the cache
};

/// What to scan: a folder (subfolders name the classes) or a CSV manifest (path,label[,group]).
struct DatasetSource final {
    std::string location; ///< folder or .csv file
    ClassMapping classes = ClassMapping::defaults();
    std::string annotationFolder; ///< optional folder of human annotation maps (matched by file stem)
    std::string maskFolder;       ///< optional folder of exact artefact masks (matched by file stem)
    VideoDatasetParams video;     ///< how videos become frames, and whether images become face crops
};

/// A scanned dataset: the usable records, and the entries that were set aside with a reason.
struct Dataset final {
    std::string location;
    std::string name; ///< optional, for people: tells apart datasets of the same location
    std::vector<DatasetRecord> records;
    std::vector<std::pair<std::string, std::string>> problems; ///< (path, reason)
    VideoDatasetStats videoStats; ///< what reading videos and finding faces did (zeros when nothing)

    /// Number of records per label (UnknownLabel included when present).
    std::map<int, int> classCounts() const;
    /// True when every record has a known label.
    bool isLabelled() const;
};

/// Lists a dataset's images. A folder's immediate subfolders name the classes (files below them
/// are found recursively); a folder without class subfolders is an unlabelled dataset. A CSV
/// manifest has rows `path,label[,group]` (an optional header row; relative paths are relative
/// to the manifest). Two folder layouts are recognised: FaceForensics++ (original_sequences/<source>/
/// real, manipulated_sequences/<method>/ fake, the source or method as group, masks folders left
/// out) and Celeb-DF (Celeb-real/, YouTube-real/ real, Celeb-synthesis/ fake, the folder as group).
/// Videos (mp4, avi, mov, mkv, m4v, webm) in folders and manifests become their sampled frames,
/// and with source.video.faces every image becomes the crop of its largest face (expandVideos,
/// videodataset.h: this decodes, on workers). Entries that cannot be used are listed in
/// `problems`, never fatal: files that are not images or videos Saliscope reads (GIF, text),
/// unreadable subfolders, dangling links and link loops, bad or duplicate manifest rows (a
/// duplicate is counted once), unreadable, empty or truncated videos, frames and images without
/// a face. Only a missing or unreadable source or manifest, a missing annotation or mask folder,
/// or a missing landmark model when aligning faces, is an error.
Result<Dataset> scanDataset(const DatasetSource& source, ProgressSink& progress, const CancelToken& cancel);

} // namespace saliscope
