// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/jobs/progress.h"

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

/// What to scan: a folder (subfolders name the classes) or a CSV manifest (path,label[,group]).
struct DatasetSource final {
    std::string location; ///< folder or .csv file
    ClassMapping classes = ClassMapping::defaults();
    std::string annotationFolder; ///< optional folder of human annotation maps (matched by file stem)
    std::string maskFolder;       ///< optional folder of exact artefact masks (matched by file stem)
};

/// A scanned dataset: the usable records, and the entries that were set aside with a reason.
struct Dataset final {
    std::string location;
    std::string name; ///< optional, for people: tells apart datasets of the same location
    std::vector<DatasetRecord> records;
    std::vector<std::pair<std::string, std::string>> problems; ///< (path, reason)

    /// Number of records per label (UnknownLabel included when present).
    std::map<int, int> classCounts() const;
    /// True when every record has a known label.
    bool isLabelled() const;
};

/// Lists a dataset's images. A folder's immediate subfolders name the classes (files below them
/// are found recursively); a folder without class subfolders is an unlabelled dataset. A CSV
/// manifest has rows `path,label[,group]` (an optional header row; relative paths are relative
/// to the manifest). Entries that cannot be used are listed in `problems`, never fatal: files
/// that are not images Saliscope reads (GIF, text), unreadable subfolders, dangling links and
/// link loops, bad or duplicate manifest rows (a duplicate is counted once). Only a missing or
/// unreadable source or manifest, or a missing annotation or mask folder, is an error. Files are not decoded here.
Result<Dataset> scanDataset(const DatasetSource& source, ProgressSink& progress, const CancelToken& cancel);

} // namespace saliscope
