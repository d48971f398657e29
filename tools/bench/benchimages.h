// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Images, timing and memory helpers shared by the full-build modes of saliscope-bench.

#include "core/dataset/dataset.h"
#include "core/common/result.h"

#include <QTemporaryDir>

#include <string>
#include <vector>

namespace saliscope::bench {

/// The images a benchmark runs on: a dataset of `count` labelled images (half real, half fake
/// when generated) and their content hashes, record for record.
struct BenchImages final {
    Dataset dataset;
    std::vector<std::string> hashes;
    std::string source; ///< "generated demo faces" or the folder given
};

/// Takes the first `count` images (0: all) of the dataset at `folder` or, when `folder` is empty,
/// generates `count` 224x224 demo faces (core/demo) under `workFolder`. Hashes every image.
Result<BenchImages> prepareBenchImages(const std::string& folder, int count, const std::string& workFolder);

/// A folder under `workFolder` with `real/` and `fake/` subfolders holding symbolic links to
/// exactly the dataset's records (unknown labels go to `unlabelled/`), so that another program
/// sees the same images in the same order. Returns the folder.
Result<std::string> linkImagesByLabel(const Dataset& dataset, const std::string& workFolder);

/// Peak resident memory of this process so far, in MB.
double peakResidentMegabytes();

/// User + system CPU time of this process (all threads) so far, in seconds.
double processCpuSeconds();

/// The median of some values (0 for none).
double median(std::vector<double> values);

/// Parses a positive integer option value; exits with a message naming the option otherwise.
int positiveOption(const std::string& option, const std::string& value);

} // namespace saliscope::bench
