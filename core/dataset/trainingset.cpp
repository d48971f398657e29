// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/trainingset.h"

#include "core/dataset/imageio.h"

namespace saliscope {

TrainingSet loadTrainingSet(const Dataset& dataset, int size)
{
    TrainingSet set;
    set.images.reserve(dataset.records.size());
    for (const auto& record : dataset.records) {
        if (record.label == UnknownLabel) {
            set.skipped.emplace_back(record.path, "no class");
            continue;
        }
        auto input = readModelInput(record.path, size, size);
        if (!input) {
            set.skipped.emplace_back(record.path, input.error());
            continue;
        }
        engine::TrainingImage image;
        image.label = record.label;
        image.image = std::move(input).value();
        if (!record.annotationPath.empty()) {
            auto annotation = readImageGray(record.annotationPath);
            if (annotation) {
                image.annotation = std::move(annotation).value();
                ++set.annotated;
            } else {
                set.ignoredAnnotations.emplace_back(record.annotationPath, annotation.error());
            }
        }
        set.images.push_back(std::move(image));
    }
    return set;
}

} // namespace saliscope
