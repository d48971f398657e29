// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/cammethod.h"
#include "core/engine/image.h"
#include "core/engine/modelmetadata.h"
#include "core/engine/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace saliscope::engine {

/// How a model's CAM layer and head were found.
enum class ModelKind {
    DenseNet,     ///< torchvision DenseNet: CAM at `features`, head relu -> pool -> classifier
    ResNet,       ///< torchvision ResNet: CAM at `layer4`
    InceptionV3,  ///< torchvision Inception-v3: CAM at `Mixed_7c`
    FeaturesHead, ///< the module exports `features(x)` and `head(a)` (the fast path)
    NamedLayer,   ///< any other module, split in its TorchScript graph at a named layer
};

/// A short English name for a kind ("densenet", "features-head", ...).
const char* modelKindName(ModelKind kind);

/// Numeric type the network runs in; CAM maths are always float32.
/// Arithmetic of the forward and backward passes. Float32 is strict IEEE (TF32 tensor cores off, so
/// maps match the reference within 1e-5); TensorFloat32 keeps float32 storage but lets CUDA's
/// convolutions and matrix products round inputs to TF32 (faster, about 1e-3 relative error).
enum class Precision { Float32, Float16, BFloat16, TensorFloat32 };

/// Parses "fp32", "fp16", "bf16", "tf32" (and long forms); nullopt for anything else.
std::optional<Precision> parsePrecision(const std::string& text);
const char* precisionName(Precision precision);

/// How the network's weights and activations are laid out in memory.
/// Automatic: channels-last (NHWC) on the CPU, where oneDNN's convolutions run 1.3x to 1.6x faster
/// with it (DenseNet-121, docs/performance.md), and for fp16/bf16 on CUDA (tensor cores);
/// the contiguous (NCHW) layout for fp32 and tf32 on CUDA.
enum class MemoryLayout { Automatic, Contiguous, ChannelsLast };

/// Parses "auto", "contiguous" (or "nchw"), "channels-last" (or "nhwc"); nullopt for anything else.
std::optional<MemoryLayout> parseMemoryLayout(const std::string& text);

/// How to load a model; every field has a working default.
struct ModelLoadOptions final {
    std::string layer;          ///< CAM layer path ("layer4", "features.denseblock4"); empty: default
    std::string device = "cpu"; ///< "cpu", "cuda", "cuda:N" or "auto"
    Precision precision = Precision::Float32;
    MemoryLayout layout = MemoryLayout::Automatic;
    std::optional<ModelMetadata> metadata; ///< replaces the archive's saliscope.json when set
    bool pinnedStaging = true;             ///< CUDA: copy batches through page-locked memory, asynchronously
};

/// N RGB images of one size stored contiguously (N x H x W x 3, uint8).
struct ImageBatch final {
    int count = 0;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;

    /// Packs images of identical size; an Error names the first image of another shape.
    static Result<ImageBatch> fromImages(const std::vector<ImageU8>& images);
    /// Copies image `index` out of the batch.
    ImageU8 image(int index) const;
};

/// A classifier's output for one image.
/// A model with one output (a binary detector trained with a sigmoid) is read as two classes
/// whose logits are [0, z]: class 1 when z > 0, softmax = [1 - sigmoid(z), sigmoid(z)].
struct Prediction final {
    std::vector<float> logits;  ///< the model's raw output (one value for a one-logit model)
    int predictedClass = -1;    ///< argmax of the raw logits ([0, z] for a one-logit model)
    double positiveScore = 0;   ///< sigmoid(logit[positive class]), the paper's score; softmax[positive] for one logit
    std::vector<float> softmax; ///< one probability per class
};

/// The salience map of one image: min-max normalised, at the CAM layer's resolution.
struct CamOutput final {
    Prediction prediction;
    MapF32 cam;        ///< values in [0, 1]; all zeros when flat
    bool flat = false; ///< max == min: no defined salience (torchcam would return NaN)
};

/// What the maps of a batch explain and how they are made.
struct CamRequest final {
    /// One map per method and image, all from one forward pass to the CAM layer and at most one
    /// backward pass (Score-CAM adds its masked forward passes).
    std::vector<CamMethod> methods{CamMethod::GradCam};
    /// The class each image's map explains; empty: the class the model predicts. A one-logit
    /// model's class 0 is explained by -z, class 1 by z.
    std::vector<int> targetClasses;
};

/// A loaded TorchScript classifier that predicts and computes Grad-CAM maps in batches.
/// Thread-safe for concurrent predict/gradCam calls. Owns the TorchScript module.
class Model final {
public:
    /// Loads `path`, reads metadata, finds the CAM layer and checks the model on a probe input.
    static Result<std::unique_ptr<Model>> load(const std::string& path, const ModelLoadOptions& options = {});
    ~Model();
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    const ModelMetadata& metadata() const;
    ModelKind kind() const;
    const std::string& path() const;
    const std::string& camLayer() const;
    int mapWidth() const;
    int mapHeight() const;
    int featureChannels() const;
    /// Classes the model tells apart (2 for a one-logit model).
    int classCount() const;
    /// Whether the CAM layer outputs a vision transformer's tokens (N x T x C), read as a map of
    /// its last mapHeight() x mapWidth() tokens (class and register tokens before them dropped).
    bool tokenLayer() const;
    /// Remarks on how the file was read that its user should know (one line each): a one-output
    /// model read as a sigmoid detector, a transformer whose tokens follow the layer chosen.
    const std::vector<std::string>& notes() const;
    /// Whether the model outputs one logit (a sigmoid binary detector) rather than one per class.
    bool singleLogit() const;
    std::string deviceName() const;
    Precision precision() const;
    /// Whether the model runs channels-last (the resolved MemoryLayout).
    bool channelsLast() const;

    /// Forward pass only, no autograd. Images must be RGB at the model's input size.
    Result<std::vector<Prediction>> predict(const ImageBatch& batch) const;
    /// Predictions and Grad-CAM (torchcam 0.3.2 semantics; docs/measures.md "Grad-CAM").
    /// A one-logit model's map follows the predicted class: the gradient of z when z > 0, of -z
    /// otherwise (pytorch-grad-cam's BinaryClassifierOutputTarget).
    Result<std::vector<CamOutput>> gradCam(const ImageBatch& batch) const;
    /// Predictions and maps by each method of `request` (outputs[m][i]: method m, image i), from
    /// the same activations and gradient as gradCam(): the methods differ only in their formula.
    Result<std::vector<std::vector<CamOutput>>> cams(const ImageBatch& batch, const CamRequest& request) const;

    /// The blocks the sanity checks' cascading randomisation re-initialises, from the head down
    /// ("classifier", "features.norm5", "features.denseblock4", ...; parameterreset.h says how).
    std::vector<std::string> randomisationBlocks() const;
    /// A copy of this model whose first `blocks` randomisation blocks (from the head down) are
    /// re-initialised as PyTorch initialises their layer types; block k's values come from a CPU
    /// generator seeded with a hash of (`seed`, k), so they are the same on every device and for
    /// every cap on the number of steps. The copy keeps this model's layer, device and precision.
    Result<std::unique_ptr<Model>> randomisedCopy(int blocks, std::uint64_t seed) const;

private:
    friend struct ModelTensorAccess; // device tensors for the batched measures (modeltensors.h)
    struct Impl;
    explicit Model(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace saliscope::engine
