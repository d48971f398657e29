// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace saliscope {

/// Life of a measure run in the project store.
enum class RunStatus { Queued, Running, Finished, Failed, Cancelled };

/// "queued", "running", "finished", "failed", "cancelled" (as stored).
const char* runStatusName(RunStatus status);
/// The status named by runStatusName(), or nullopt.
std::optional<RunStatus> runStatusFromName(const std::string& name);

/// A dataset as stored: where it was scanned and a fingerprint of its images' content hashes
/// (the same images anywhere, under any names, give the same fingerprint).
struct StoredDataset final {
    std::int64_t id = 0;
    std::string location;
    std::string fingerprint;
    std::int64_t imageCount = 0;
    std::string created; ///< ISO 8601 UTC
    std::string name;    ///< for people; empty when none was given

    /// What to call the dataset: its name, or its location when it has none.
    const std::string& title() const { return name.empty() ? location : name; }
};

/// One image of a stored dataset; `position` is its index in the dataset's records.
struct StoredImage final {
    std::int64_t id = 0;
    std::int64_t datasetId = 0;
    std::int64_t position = 0;
    std::string path;
    int label = -1;
    std::string group;
    std::string annotation;
    std::string contentHash; ///< empty when the file could not be read
    std::string problem;     ///< why it could not be read; empty when fine
    std::string mask;        ///< exact artefact mask; empty when none
};

/// A model file known to the project, identified by the hash of its bytes.
struct StoredModel final {
    std::int64_t id = 0;
    std::string path;
    std::string fileHash;
    std::string metadataJson = "{}";
    std::string kind; ///< densenet, resnet, inception, features-head, split
    std::string camLayer;
};

/// A small 8-bit salience map of one image by one model (`variant` "" for the plain image).
struct StoredMap final {
    std::int64_t modelId = 0;
    std::string imageHash;
    std::string variant;
    int width = 0;
    int height = 0;
    bool flat = false;
    std::vector<std::uint8_t> pixels; ///< width * height bytes
};

/// A measure run: what was asked (measure, parameters as JSON) and how it went.
struct StoredRun final {
    std::int64_t id = 0;
    std::string measure;
    std::string parametersJson = "{}";
    std::int64_t datasetId = 0;
    RunStatus status = RunStatus::Queued;
    std::string created, started, finished; ///< ISO 8601 UTC; empty until reached
    std::string softwareVersion;
    std::string device;
    std::string shard; ///< "K/N" for one slice of a sharded run; "" for a whole run
    std::string error;
    double computeSeconds = 0; ///< time spent computing, summed over resumes (schema v2)
    std::int64_t resultCount = 0;
};

/// One stored per-image result row; `position` is the image's index in the run's dataset.
struct StoredResult final {
    std::int64_t imageId = 0;
    std::int64_t position = 0;
    std::string model;
    std::string variant;
    std::vector<double> values;
};

} // namespace saliscope
