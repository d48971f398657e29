// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/engine/ssim.h"

#include <string>
#include <vector>

namespace saliscope {

/// Entropy of one salience map file made elsewhere (a CAM PNG, a human annotation).
struct MapEntropyRow final {
    std::string path;
    double entropyBits = 0;
    double normalizedEntropy = 0;
    double spatialEntropy = 0;
    std::string error; ///< non-empty when the file could not be read; the values are then NaN
};

/// Histogram and spatial entropy of each map file (folders are searched recursively). Colour
/// maps are read as grey. Unreadable files get a row with the reason.
std::vector<MapEntropyRow> entropyOfMapFiles(const std::vector<std::string>& inputs);

/// SSIM of two maps with the same file name in two folders.
struct MapPairRow final {
    std::string name;         ///< file name relative to the folders
    std::vector<double> ssim; ///< one value per folder pair
    double meanSsim = 0;
    std::string error;
};

/// Result of comparing K folders of maps: per image, the SSIM of every folder pair (i < j, in
/// the order (0,1), (0,2), ..., (1,2) ...) and the K x K matrix of mean SSIM per folder pair.
struct MapComparison final {
    std::vector<std::string> folders;
    std::vector<MapPairRow> rows;
    std::vector<std::vector<double>> meanMatrix; ///< K x K, diagonal 1
    std::vector<std::string> unmatched;          ///< names missing from at least one folder
};

/// Matches maps by file name (relative path without extension, so a.png matches a.jpg) across
/// K >= 2 folders and computes SSIM (scikit-image 0.19 defaults) per pair. Maps of different
/// sizes are an error for that name. Errors only for fewer than two folders or a missing folder.
Result<MapComparison> compareMapFolders(const std::vector<std::string>& folders, const engine::SsimParams& params = {});

} // namespace saliscope
