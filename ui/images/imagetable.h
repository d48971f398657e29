// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <QString>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace saliscope::ui {

/// One image of the browsed dataset.
struct ImageEntry final {
    QString path;
    QString fileName;
    QString hash;       ///< content hash; empty when unreadable
    QString annotation; ///< path of the human annotation map; empty when none
    QString problem;    ///< why the file could not be read
    int label = -1;
    QString group; ///< the image's group (manipulation method, generator, video); empty when none
};

/// What the project's runs say about one model on each image (NaN / -1 where nothing is stored).
struct ModelColumnData final {
    QString name;
    std::vector<float> score;
    std::vector<std::int8_t> predicted; ///< -1 unknown
    std::vector<std::int8_t> correct;   ///< -1 unknown, 0, 1
    std::vector<float> entropy;         ///< normalised histogram entropy
};

/// A dataset's images with the per-model results of its `predictions` and `entropy` runs:
/// plain columns, so 100,000 rows cost a few megabytes and no per-row objects.
struct ImageTable final {
    std::int64_t datasetId = 0;
    std::vector<ImageEntry> images;
    std::vector<ModelColumnData> models;
    std::vector<QString> classNames{QStringLiteral("real"), QStringLiteral("synthetic")};
    /// Why the rows of a `predictions` or `entropy` run could not be read (a damaged project),
    /// one message per run; that run's values stay unknown in the columns.
    std::vector<std::string> unreadableRuns;

    /// Index of the model called `name`, or -1.
    int modelIndex(const QString& name) const;
    /// The distinct non-empty groups of the images, sorted.
    std::vector<QString> groupNames() const;
};

/// Reads a table from a project file opened read-only (safe on a worker thread while the GUI
/// holds the project open). `modelNames` fixes the model columns (order kept); results of
/// models not listed are ignored.
Result<ImageTable> readImageTable(const std::string& projectPath, std::int64_t datasetId,
                                  const std::vector<QString>& modelNames);

/// Writes the images of `table` at `rows` (indexes into table.images, in that order) to a CSV
/// file: path, file, true_class, content_hash, problem, then per model <name>_score,
/// <name>_predicted, <name>_correct (1 or 0) and <name>_entropy; unknown values are empty and
/// numbers are written in the shortest form that reads back exactly. Replaces `path` atomically.
Status writeImageTableCsv(const ImageTable& table, const std::vector<int>& rows, const std::string& path);

} // namespace saliscope::ui
