// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/result.h"

#include <array>
#include <string>
#include <vector>

namespace saliscope::engine {

/// What Saliscope needs to know about a classifier beyond its weights; travels inside the
/// TorchScript archive as the extra file `saliscope.json`. Defaults follow docs/measures.md.
struct ModelMetadata final {
    int inputWidth = 224;
    int inputHeight = 224;
    std::array<double, 3> mean{0.485, 0.456, 0.406};
    std::array<double, 3> std{0.229, 0.224, 0.225};
    std::vector<std::string> classNames{"real", "synthetic"};
    int positiveClass = 1;
    std::string architecture; ///< e.g. "densenet121"; empty when unknown
    std::string loss;         ///< e.g. "xent", "cyborg"; empty when unknown
    int run = -1;             ///< training run number within a family; -1 when unknown
    std::string camLayer;     ///< layer to take the CAM from; empty selects the default
    bool fromArchive = false; ///< true when read from the archive rather than defaulted

    /// Parses `saliscope.json` text; missing keys keep their defaults, wrong types are errors.
    static Result<ModelMetadata> fromJson(const std::string& text);
    /// Serialises every field to JSON (what `fromJson` reads back).
    std::string toJson() const;
    /// Checks ranges (positive input size, std > 0, positive class among the classes).
    Status validate() const;

    bool operator==(const ModelMetadata&) const = default;
};

} // namespace saliscope::engine
