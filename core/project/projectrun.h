// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/jobs/progress.h"
#include "core/measures/measurerunner.h"

#include <QJsonObject>

#include <map>
#include <string>

namespace saliscope {

/// One of N deterministic slices of a dataset, chosen by content hash (so every node of a
/// cluster agrees whatever order it scanned the files in). 1/1 is the whole dataset.
struct Shard final {
    int index = 1; ///< K, 1-based
    int count = 1; ///< N

    /// Parses "K/N" with 1 <= K <= N.
    static Result<Shard> parse(const std::string& text);
    /// True when the image with this content hash belongs to the slice (unhashed images go to 1/N).
    bool includes(const std::string& contentHash) const;
    bool isWhole() const { return count == 1; }
    /// "K/N", or "" for the whole dataset.
    std::string text() const;
};

/// The folder of a project's image cache (decoded images resized to each model's input size):
/// `<project>.cache` beside the project file. It can be deleted at any time.
std::string imageCacheFolder(const std::string& projectPath);

/// What a project run stored and computed.
struct ProjectRunResult final {
    std::map<MeasureKind, std::int64_t> runIds;
    std::int64_t datasetId = 0;
    std::int64_t imagesComputed = 0;
    std::int64_t imagesAlreadyDone = 0; ///< resumed: found complete in the project
    std::vector<std::pair<std::string, std::string>> skipped;
    QJsonObject summary; ///< over every stored row of the runs (this part and earlier ones)
};

/// Runs measures into a project file: stores the dataset (content hashes) and models (file
/// hashes, metadata), the families, and one run per measure. A run with the same measure,
/// parameters, dataset and shard is resumed: only images without complete rows are computed.
/// Rows are committed per batch, so a killed process loses at most the batch in flight.
/// `extraSink` (may be null) also receives every row, e.g. CSV files. Runs on the calling
/// thread; the project is opened and closed here. Drives ProjectRun (projectrunplan.h), as the
/// application's run queue does.
Result<ProjectRunResult> runMeasuresInProject(MeasureRunParams params, const std::string& projectPath,
                                              const Shard& shard, MeasureSink* extraSink, ProgressSink& progress,
                                              const CancelToken& cancel);

/// Writes DIRECTORY/<measure>.csv for each of `runIds` from every row the project holds for it
/// (this process's, a killed earlier one's and a finished earlier run's alike), in the format of
/// CsvMeasureSink; `dataset` is the one the runs were made on (row positions index it).
Status writeRunsAsCsv(const std::string& projectPath, const std::map<MeasureKind, std::int64_t>& runIds,
                      const Dataset& dataset, const std::string& directory);

class ProjectStore;

/// The summary of a set of runs (one per measure, same parameters) from their stored rows, with
/// the settings and families their parameters record (summarizeRuns).
Result<QJsonObject> summarizeStoredRuns(ProjectStore& store, const std::vector<std::int64_t>& runIds);

} // namespace saliscope
