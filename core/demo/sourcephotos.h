// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace saliscope::demo {

/// A face photograph the demo dataset is made from.
struct SourcePhoto final {
    std::string name;   ///< "person/file" without extension: unique, stable, written to the manifest
    std::string person; ///< the identity (the photo's folder)
    cv::Mat image;      ///< 8-bit BGR, square
};

/// Finds and decodes the source photographs, or draws procedural ones in their place.
class SourcePhotos final {
public:
    /// The photographs `folder`/*/*.jpg (a folder per person), sorted by name; empty when the
    /// folder is missing or holds none. Nothing is decoded.
    static std::vector<std::string> list(const std::string& folder);

    /// The name a listed photograph gets: its path below `folder` without the extension.
    static std::string nameOf(const std::string& folder, const std::string& path);

    /// Decodes listed photographs (centre-cropped to a square). A photograph that does not decode
    /// is an error naming it.
    static Result<std::vector<SourcePhoto>> load(const std::string& folder, const std::vector<std::string>& paths);

    /// `persons` x `photosPerPerson` ProceduralFace photographs of `size` pixels, named
    /// "procedural/personN/photoMM".
    static std::vector<SourcePhoto> procedural(std::uint64_t seed, int persons = 5, int photosPerPerson = 11,
                                               int size = 150);
};

} // namespace saliscope::demo
