// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/mapcomparison.h"

#include "core/dataset/imagefiles.h"
#include "core/dataset/imageio.h"
#include "core/engine/entropy.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <map>

namespace saliscope {

namespace fs = std::filesystem;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

/// Relative path without extension: the key that matches maps across folders.
std::string matchKey(const fs::path& folder, const fs::path& file)
{
    fs::path relative = file.lexically_relative(folder);
    relative.replace_extension();
    return relative.generic_string();
}

} // namespace

std::vector<MapEntropyRow> entropyOfMapFiles(const std::vector<std::string>& inputs)
{
    std::vector<std::string> missing;
    std::vector<MapEntropyRow> rows;
    for (const auto& file : collectImageFiles(inputs, &missing)) {
        MapEntropyRow row{file, NaN, NaN, NaN, {}};
        auto map = readImageGray(file);
        if (!map) {
            row.error = map.error();
        } else {
            const auto entropy = engine::histogramEntropy(map.value());
            row.entropyBits = entropy.bits;
            row.normalizedEntropy = entropy.normalized;
            row.spatialEntropy = engine::spatialEntropy(map.value());
        }
        rows.push_back(std::move(row));
    }
    for (const auto& path : missing)
        rows.push_back({path, NaN, NaN, NaN, "no such file or folder: " + path});
    return rows;
}

Result<MapComparison> compareMapFolders(const std::vector<std::string>& folders, const engine::SsimParams& params)
{
    if (folders.size() < 2)
        return Error{"comparing maps needs at least two folders"};
    const std::size_t k = folders.size();
    std::vector<std::map<std::string, std::string>> indexes(k);
    for (std::size_t i = 0; i < k; ++i) {
        std::error_code code;
        if (!fs::is_directory(folders[i], code))
            return Error{"no such folder: " + folders[i]};
        for (const auto& file : collectImageFiles({folders[i]}, nullptr))
            indexes[i].emplace(matchKey(folders[i], file), file);
    }
    MapComparison comparison;
    comparison.folders = folders;
    std::vector<std::vector<double>> sums(k, std::vector<double>(k, 0.0));
    std::vector<std::vector<int>> counts(k, std::vector<int>(k, 0));
    for (const auto& [name, firstPath] : indexes[0]) {
        std::vector<engine::ImageU8> maps;
        std::string error;
        for (std::size_t i = 0; i < k && error.empty(); ++i) {
            const auto it = indexes[i].find(name);
            if (it == indexes[i].end()) {
                comparison.unmatched.push_back(name);
                error = "missing";
                break;
            }
            auto map = readImageGray(it->second);
            if (!map)
                error = map.error();
            else
                maps.push_back(std::move(map).value());
        }
        if (error == "missing")
            continue;
        MapPairRow row{name, {}, NaN, error};
        if (error.empty()) {
            auto pairs = engine::pairwiseStructuralSimilarities(maps, params);
            if (!pairs) {
                row.error = pairs.error();
            } else {
                row.ssim = pairs.value();
                double total = 0;
                std::size_t index = 0;
                for (std::size_t a = 0; a < k; ++a)
                    for (std::size_t b = a + 1; b < k; ++b, ++index) {
                        sums[a][b] += row.ssim[index];
                        ++counts[a][b];
                        total += row.ssim[index];
                    }
                row.meanSsim = total / double(row.ssim.size());
            }
        }
        comparison.rows.push_back(std::move(row));
    }
    for (std::size_t i = 1; i < k; ++i)
        for (const auto& [name, path] : indexes[i])
            if (!indexes[0].count(name))
                comparison.unmatched.push_back(name);
    comparison.meanMatrix.assign(k, std::vector<double>(k, 1.0));
    for (std::size_t a = 0; a < k; ++a)
        for (std::size_t b = a + 1; b < k; ++b)
            comparison.meanMatrix[a][b] = comparison.meanMatrix[b][a] = counts[a][b] ? sums[a][b] / counts[a][b] : NaN;
    return comparison;
}

} // namespace saliscope
