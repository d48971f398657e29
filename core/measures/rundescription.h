// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measurerunner.h"

#include <QDateTime>
#include <QJsonObject>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// The "run" section of summary.json: the measures run and left out (with reasons), parameters,
/// models, families, the dataset and its class counts, images computed and skipped, device, batch,
/// start and end times (the end is now) and the software versions.
QJsonObject runDescription(const MeasureRunParams& params, const std::vector<SkippedMeasure>& skippedMeasures,
                           const std::vector<std::pair<std::string, std::string>>& skippedImages,
                           std::int64_t imagesComputed, const QDateTime& started);

} // namespace saliscope
