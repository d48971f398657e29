// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "core/engine/modelmetadata.h"
#include "core/engine/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace saliscope::engine {

/// One training example, already decoded and resized by the caller to the model's input size.
struct TrainingImage final {
    ImageU8 image;      ///< RGB (channels = 3), inputSize x inputSize
    int label = 0;      ///< class index (0 = real, 1 = synthetic)
    ImageU8 annotation; ///< human salience map (grey, any size; brighter = more salient); empty if none
};

/// How to train a small CNN classifier (SmallCnn: conv-BN-ReLU blocks, global average pool,
/// linear head, a 7x7 CAM map at 112x112 input). Every field has a working default.
struct TrainParams final {
    enum class Loss {
        CrossEntropy, ///< plain cross-entropy ("xent")
        Cyborg,       ///< alpha * cross-entropy + (1 - alpha) * MSE(CAM, human annotation) (Boyd et al., WACV 2023)
    };
    Loss loss = Loss::CrossEntropy;
    double alpha = 0.5;     ///< CYBORG's weight of the cross-entropy term, in [0, 1]
    std::uint64_t seed = 0; ///< weights, shuffling and augmentation all derive from it
    int epochs = 8;
    int batchSize = 32;
    double learningRate = 1e-3; ///< Adam
    int inputSize = 112;        ///< square input side; a multiple of 16 gives an exact inputSize/16 map
    int width = 16;             ///< channels of the first block; the CAM layer has 4 * width channels
    bool horizontalFlip = true; ///< random left-right flip of image and annotation together
    /// CYBORG's CAM before normalisation: false takes the raw class activation map (as the CYBORG
    /// collaborators' CYBORGLoss does), true its ReLU (Grad-CAM's form). With the ReLU, a map that is
    /// negative everywhere is flat and gets no gradient, so "absence" classes never learn a map.
    bool rectifiedCamInLoss = false;
    int run = -1; ///< run number written to the metadata; -1 writes the seed
    std::vector<std::string> classNames{"real", "synthetic"};
    int positiveClass = 1;
    /// "cpu" or "cuda[:N]". Bit-exact determinism is promised on the CPU only, for a given thread
    /// count and kind of CPU: oneDNN, OpenBLAS and ATen choose their kernels by instruction set
    /// (ONEDNN_MAX_CPU_ISA, OPENBLAS_CORETYPE and ATEN_CPU_CAPABILITY emulate another), and
    /// those round differently, so another CPU trains another, equally trained, model.
    std::string device = "cpu";
};

/// "xent" or "cyborg".
const char* trainingLossName(TrainParams::Loss loss);
/// Parses "xent" (also "cross-entropy", "ce") and "cyborg"; nullopt for anything else.
std::optional<TrainParams::Loss> parseTrainingLoss(const std::string& text);

/// Figures of one epoch. Training figures are running means over the epoch's batches (train mode,
/// augmented); validation figures are measured after the epoch in eval mode (NaN without validation images).
struct EpochReport final {
    int epoch = 0;        ///< 1-based
    double trainLoss = 0; ///< the optimised loss (CYBORG's blend or cross-entropy)
    double trainAccuracy = 0;
    double trainCamError = 0;  ///< mean MSE(normalised CAM, normalised annotation) over annotated images; NaN if none
    double validationLoss = 0; ///< cross-entropy
    double validationAccuracy = 0;
    double validationCamError = 0; ///< as trainCamError, on the validation images
    double seconds = 0;            ///< wall time of the epoch's training (validation excluded)
};

/// What a training produced.
struct TrainReport final {
    std::vector<EpochReport> epochs;
    ModelMetadata metadata; ///< as written into the archive's saliscope.json
    std::string outputPath;
    int mapSize = 0; ///< side of the CAM map (7 for a 112 input)
    std::int64_t parameterCount = 0;
    double trainingSeconds = 0; ///< all epochs, validation excluded
    double imagesPerSecond = 0; ///< training throughput (forward, backward and update)
    int threads = 0;            ///< LibTorch intra-op threads of the training thread (results depend on it)
};

/// Receives training progress on the training thread; every method has an empty default.
class TrainProgress {
public:
    virtual ~TrainProgress();
    /// After each batch: running means over the epoch so far.
    virtual void batchDone(int epoch, int batch, int batchCount, double loss, double accuracy);
    /// After each epoch, validation included.
    virtual void epochDone(const EpochReport& report);
    /// Polled before each batch; true stops the training with an Error and writes nothing.
    virtual bool isCancelled() const;
};

/// Trains a SmallCnn with Adam and saves it as a TorchScript archive at `outputPath` that exports
/// `features(x)` (post-ReLU 4*width x S/16 x S/16 activations, the CAM layer), `head(a)` and
/// `forward(x) = head(features(x))`, with `saliscope.json` metadata (ImageNet mean/std; the input is
/// normalised by the caller of the model as the engine does). CYBORG's CAM term uses the predicted
/// class's CAM, `sum_k W[c,k] A_k` (see rectifiedCamInLoss), differentiable in activations and head
/// weights, against the annotation area-averaged to the map size, both min-max normalised per image; images without
/// annotation contribute only alpha * cross-entropy. Deterministic on the CPU for a given seed, thread count and kind
/// of CPU (see TrainParams::device). Errors (bad inputs, LibTorch failures, an unwritable path, cancellation) are
/// returned.
Result<TrainReport> trainModel(const TrainParams& params, const std::vector<TrainingImage>& train,
                               const std::vector<TrainingImage>& validation, const std::string& outputPath,
                               TrainProgress& progress);

} // namespace saliscope::engine
