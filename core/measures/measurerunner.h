// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset/dataset.h"
#include "core/engine/model.h"
#include "core/engine/modelmetadata.h"
#include "core/common/result.h"
#include "core/jobs/progress.h"
#include "core/measures/measuresettings.h"
#include "core/measures/measuretable.h"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace saliscope {

namespace engine {
struct Prediction;
}

class ImageCache;
class ModelCache;

/// A model taking part in a run, named for tables and charts.
struct ModelEntry final {
    std::string name; ///< unique within the run (default: the file's base name)
    std::string path;
    std::string layer; ///< CAM layer; empty: the model's default
    std::optional<engine::ModelMetadata> metadata;
};

/// K independent training runs of one architecture and loss, compared by measure (d).
struct FamilyEntry final {
    std::string name;
    std::vector<std::string> members; ///< model names (ModelEntry::name)
};

/// Where a run computes the measures' maths (noise, transforms, blur, maps, entropy, SSIM).
enum class MeasureMaths {
    Auto,   ///< on the model's device when that is not the CPU, else per image on the host
    Host,   ///< per image on the host: bit-exact with the reference pipeline
    Device, ///< batched tensor operations on the model's device (devicemeasures.h)
};

/// Everything a measure run needs. Defaults follow docs/measures.md.
struct MeasureRunParams final {
    std::set<MeasureKind> measures; ///< Predictions is always computed
    std::vector<ModelEntry> models;
    std::vector<FamilyEntry> families;
    Dataset dataset;
    MeasureSettings settings;
    std::string device = "cpu";
    int batchSize = 16; ///< 0: chosen from the device's free memory (16 on the CPU)
    MeasureMaths maths = MeasureMaths::Auto;
    /// Decode and resize the next batch on a second thread while this one computes.
    bool prefetch = true;
    /// When set, images for which it returns false are not computed (resume, --shard).
    std::function<bool(std::int64_t imageIndex)> includeImage;
    /// When set (with a content hash per record), decoded and resized images come from and go
    /// to this cache, so later runs and other models never decode an image again.
    ImageCache* cache = nullptr;
    std::vector<std::string> contentHashes;
    /// When set, models are loaded through it (core/cam/mapmaker), so whoever filled it first
    /// (a project run storing the models' metadata) and this run share one load.
    std::shared_ptr<ModelCache> modelCache;
};

/// What a run produced besides the rows it streamed: per-image tables (when kept) and the
/// images that could not be used, with reasons.
struct MeasureRunResult final {
    std::vector<MeasureTable> tables;
    /// (path, reason): what the dataset's scan set aside (Dataset::problems) first, then the
    /// images of this run that could not be measured. The command line and the application
    /// both list these as the run's skipped images.
    std::vector<std::pair<std::string, std::string>> skipped;
    std::int64_t imagesComputed = 0;
};

/// The synthetic score of a prediction: the sigmoid of the positive logit (the paper's) or the
/// softmax probability of the positive class, as the run's settings say.
double scoreOf(const engine::Prediction& prediction, const engine::ModelMetadata& metadata, ScoreKind kind);
/// 1 when the prediction is right, 0 when wrong, NaN when the label is unknown.
double correctOf(int predicted, int label);
/// The probability a binary score gives to class `reference` (score for the positive class).
double probabilityOf(double score, int reference, int positiveClass);

/// The per-image columns of each measure, in the order rows carry their values.
const std::vector<std::string>& measureColumns(MeasureKind kind);

/// The families stability compares: the given ones, or all models as one family "all models"
/// when none is given and there are at least two models.
std::vector<FamilyEntry> effectiveFamilies(const MeasureRunParams& params);

/// How many rows one image contributes to a measure's table in this run (for resuming).
int rowsPerImage(MeasureKind kind, const MeasureRunParams& params, const std::vector<std::pair<int, int>>& inputSizes);

/// The batch size a run uses: params.batchSize, or for 0 one sized to the free memory of a CUDA
/// device (at most 256) and 16 elsewhere.
int effectiveBatchSize(const MeasureRunParams& params);

/// How a run loads `entry` (its CAM layer and metadata, on `device`). The project run stores the
/// models' metadata with the same options, so the run's ModelCache loads each model once.
engine::ModelLoadOptions modelLoadOptions(const ModelEntry& entry, const std::string& device);

/// Parses "entropy", "noise", ..., or "all" into measures; an Error names an unknown one.
Result<std::set<MeasureKind>> parseMeasures(const std::string& text);
/// True when a measure list (as parseMeasures reads it) names "all".
bool measureListNamesAll(const std::string& text);

/// A measure left out of a run, and why.
struct SkippedMeasure final {
    MeasureKind kind;
    std::string reason;
};
/// Removes from params.measures those that cannot run on its models and families (stability
/// without a family of at least two models) and returns them with the reason. "all" means every
/// measure that applies: callers use this for it, and keep an explicitly named one as an error.
std::vector<SkippedMeasure> removeInapplicableMeasures(MeasureRunParams& params);

/// Runs the requested measures over the dataset for every model, batch by batch: decode
/// (skipping unreadable images with a reason), resize (Pillow bilinear) per model input size,
/// Grad-CAM of the clean images, then the noisy, transformed and degraded variants, and
/// pairwise stability within each family. Rows of each batch go to `sink` as they are ready
/// and, when `keepTables` is true, also into the result. A model that fails to load is an
/// Error before any work; cancellation returns an Error "cancelled". Runs on the calling thread.
Result<MeasureRunResult> runMeasures(const MeasureRunParams& params, MeasureSink* sink, bool keepTables,
                                     ProgressSink& progress, const CancelToken& cancel);

} // namespace saliscope
