// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measurerunner.h"
#include "core/measures/measuresettings.h"

#include <QJsonObject>

#include <map>
#include <string>
#include <vector>

namespace saliscope {

/// A model as a run's parameters record it: the name the rows carry, the file hash that finds
/// it in the project, and the CAM layer asked for ("" for the model's default).
struct RunModel final {
    std::string name;
    std::string fileHash;
    std::string layer;
};

/// The parameters that define a run's results, as every run stores them (runs.parameters): the
/// settings, the models by file hash and the families stability compares (the implicit "all
/// models" family included). The one writer and the one reader of that JSON: stored JSON read
/// and written again is byte-identical, so runs are found (resumed, merged) by comparing it.
struct RunParameters final {
    MeasureSettings settings;
    std::vector<RunModel> models;
    std::vector<FamilyEntry> families;
    /// Set by fromJson when the stored settings could not be read (settings then keep their
    /// defaults): resuming such a run is refused, views show the rows with default settings.
    std::string settingsError;

    /// The parameters of a run of `params` whose models have these file hashes (model name ->
    /// hash; a model without one is recorded with an empty hash).
    static RunParameters of(const MeasureRunParams& params, const std::map<std::string, std::string>& fileHashes);
    /// Reads stored parameters; what is missing keeps its default, never an error (see
    /// settingsError).
    static RunParameters fromJson(const std::string& json);

    QJsonObject toJsonObject() const;
    /// Compact JSON with sorted keys: what runs.parameters holds.
    std::string toJson() const;

    /// The recorded file hash of a model, or "" when it has none.
    std::string fileHashOf(const std::string& modelName) const;
    /// The model names in recorded order.
    std::vector<std::string> modelNames() const;
};

} // namespace saliscope
