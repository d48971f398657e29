// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/cammethod.h"
#include "core/common/result.h"
#include "core/jobs/progress.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// The formats other tools read (`saliscope-cli export --format`; CSV is ProjectStore::exportRunCsv).
enum class ToolExportFormat {
    Npz,      ///< one NumPy .npz: per-run tables, parameters, maps (docs/cli.md, "Exporting to other tools")
    FiftyOne, ///< a FiftyOne dataset directory (metadata.json, samples.json, heatmaps/)
    Png,      ///< every map as an 8-bit PNG named after its image, as `saliscope-cli cam` writes them
};

/// "npz", "fiftyone", "png".
const char* toolExportFormatName(ToolExportFormat format);
/// The format of that name (case-insensitive), or nullopt.
std::optional<ToolExportFormat> toolExportFormatNamed(const std::string& name);

/// What to export and where.
struct ToolExportParams final {
    std::string projectPath;
    ToolExportFormat format = ToolExportFormat::Npz;
    std::vector<std::int64_t> runIds;       ///< empty: every finished run of the project
    std::vector<std::string> models;        ///< model names (as the rows carry them); empty: all
    std::vector<engine::CamMethod> methods; ///< only runs of these salience methods; empty: all
    bool maps = true;                       ///< npz and fiftyone: include the maps (png always writes them)
    bool upscaled = false;                  ///< maps at the model's input size (Pillow bicubic, as `cam --upscaled`)
    std::string output;                     ///< npz: the file; fiftyone and png: the folder (created when missing)
    std::string device = "cpu";             ///< where maps that the project does not hold are computed
    int batchSize = 16;
};

/// What an export wrote.
struct ToolExportResult final {
    std::vector<std::int64_t> runIds; ///< the runs exported, ascending
    std::int64_t rows = 0;            ///< per-image rows exported (npz, fiftyone)
    std::int64_t maps = 0;            ///< maps written
    std::int64_t mapsComputed = 0;    ///< of which the project held no copy (computed now, not stored)
    std::int64_t samples = 0;         ///< fiftyone: samples written
    std::vector<std::pair<std::string, std::string>> skipped; ///< (image or model, reason): maps left out
};

/// Exports runs of a project for other tools. Reads the project through a read-only connection of
/// its own (the application may keep writing), the rows in the order of the CSV export. The maps
/// of a run are those of its models (those kept by `models`) by its salience method, for the
/// images its rows cover, one per (model, method, image content): read from the project's maps
/// table when held there (what the viewer stored), else computed as the viewer computes them
/// (the 8-bit map of camMaps on the image cache's model input, in batches) and not stored.
/// Errors: unknown run, no run left to export, an unwritable output, a model that cannot be
/// loaded; an image that cannot be read is skipped with its reason. Runs on the calling thread;
/// honours `cancel` between batches. See docs/cli.md for the layouts.
Result<ToolExportResult> exportForTools(const ToolExportParams& params, ProgressSink& progress,
                                        const CancelToken& cancel);

} // namespace saliscope
