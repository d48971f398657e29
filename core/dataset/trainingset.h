// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset/dataset.h"
#include "core/engine/trainer.h"

#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// A dataset decoded for training: images at the model's input size and their annotations.
struct TrainingSet final {
    std::vector<engine::TrainingImage> images;
    std::vector<std::pair<std::string, std::string>> skipped;            ///< (path, reason): unlabelled or unreadable
    std::vector<std::pair<std::string, std::string>> ignoredAnnotations; ///< (path, reason): unreadable maps
    int annotated = 0;                                                   ///< images that carry an annotation
};

/// Decodes every labelled record as RGB resized to size x size (readModelInput) and its
/// annotation as a grey map at its own size. Unreadable images and unlabelled records are
/// skipped with a reason; an unreadable annotation leaves that image without one (listed apart).
TrainingSet loadTrainingSet(const Dataset& dataset, int size);

} // namespace saliscope
