// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/model.h"

#include "core/engine/camformulas.h"
#include "core/engine/layersplit.h"
#include "core/engine/parameterreset.h"
#include "core/engine/modeltensors.h"
#include "core/engine/tensorconvert.h"

#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/jit/api/function_impl.h>
#include <torch/cuda.h>
#include <torch/script.h>
#include <caffe2/serialize/inline_container.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace saliscope::engine {

const char* modelKindName(ModelKind kind)
{
    switch (kind) {
    case ModelKind::DenseNet: return "densenet";
    case ModelKind::ResNet: return "resnet";
    case ModelKind::InceptionV3: return "inception-v3";
    case ModelKind::FeaturesHead: return "features-head";
    case ModelKind::NamedLayer: return "named-layer";
    }
    return "unknown";
}

std::optional<Precision> parsePrecision(const std::string& text)
{
    if (text == "fp32" || text == "float32" || text == "float")
        return Precision::Float32;
    if (text == "fp16" || text == "float16" || text == "half")
        return Precision::Float16;
    if (text == "bf16" || text == "bfloat16")
        return Precision::BFloat16;
    if (text == "tf32" || text == "tensorfloat32")
        return Precision::TensorFloat32;
    return std::nullopt;
}

const char* precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Float32: return "fp32";
    case Precision::Float16: return "fp16";
    case Precision::BFloat16: return "bf16";
    case Precision::TensorFloat32: return "tf32";
    }
    return "fp32";
}

std::optional<MemoryLayout> parseMemoryLayout(const std::string& text)
{
    if (text == "auto" || text == "automatic")
        return MemoryLayout::Automatic;
    if (text == "contiguous" || text == "nchw")
        return MemoryLayout::Contiguous;
    if (text == "channels-last" || text == "channels_last" || text == "nhwc")
        return MemoryLayout::ChannelsLast;
    return std::nullopt;
}

namespace {

/// The layout MemoryLayout::Automatic stands for on a device at a precision (see model.h).
bool usesChannelsLast(MemoryLayout layout, const torch::Device& device, Precision precision)
{
    if (layout != MemoryLayout::Automatic)
        return layout == MemoryLayout::ChannelsLast;
    return device.is_cpu() || precision == Precision::Float16 || precision == Precision::BFloat16;
}

} // namespace

Result<ImageBatch> ImageBatch::fromImages(const std::vector<ImageU8>& images)
{
    ImageBatch batch;
    if (images.empty())
        return batch;
    batch.width = images.front().width;
    batch.height = images.front().height;
    batch.count = int(images.size());
    const std::size_t imageBytes = std::size_t(batch.width) * batch.height * 3;
    batch.pixels.reserve(imageBytes * images.size());
    for (std::size_t i = 0; i < images.size(); ++i) {
        const auto& image = images[i];
        if (image.width != batch.width || image.height != batch.height || image.channels != 3)
            return Error{"image " + std::to_string(i) + " is " + std::to_string(image.width) + "x"
                         + std::to_string(image.height) + "x" + std::to_string(image.channels) + ", expected "
                         + std::to_string(batch.width) + "x" + std::to_string(batch.height) + "x3"};
        batch.pixels.insert(batch.pixels.end(), image.pixels.begin(), image.pixels.end());
    }
    return batch;
}

ImageU8 ImageBatch::image(int index) const
{
    const std::size_t imageBytes = std::size_t(width) * height * 3;
    ImageU8 image{width, height, 3, {}};
    image.pixels.assign(pixels.begin() + long(imageBytes * index), pixels.begin() + long(imageBytes * (index + 1)));
    return image;
}

namespace {

std::string firstLine(const std::string& text)
{
    std::string line = text.substr(0, text.find('\n'));
    const auto exceptionMarker = line.find("Exception raised from");
    if (exceptionMarker != std::string::npos)
        line = line.substr(0, exceptionMarker);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
        line.pop_back();
    return line;
}

/// The most informative line of a TorchScript runtime error (the one naming the failing op).
std::string torchMessage(const std::exception& error)
{
    if (const auto* c10Error = dynamic_cast<const c10::Error*>(&error))
        return firstLine(c10Error->what_without_backtrace());
    std::string text = error.what();
    std::istringstream stream(text);
    std::string line;
    std::string last;
    while (std::getline(stream, line))
        if (line.rfind("RuntimeError:", 0) == 0 || line.find("Error:") != std::string::npos)
            last = line;
    return last.empty() ? firstLine(text) : last;
}

std::string shapeText(const at::Tensor& tensor)
{
    std::string text = "[";
    for (int64_t i = 0; i < tensor.dim(); ++i)
        text += (i ? ", " : "") + std::to_string(tensor.size(i));
    return text + "]";
}

bool hasChild(const torch::jit::Module& module, const std::string& name)
{
    for (const auto& child : module.named_children())
        if (child.name == name)
            return true;
    return false;
}

std::optional<ModelKind> torchvisionKind(const torch::jit::Module& module)
{
    if (hasChild(module, "features") && hasChild(module, "classifier")
        && hasChild(module.attr("features").toModule(), "denseblock1"))
        return ModelKind::DenseNet;
    if (hasChild(module, "layer4") && hasChild(module, "fc") && hasChild(module, "conv1"))
        return ModelKind::ResNet;
    if (hasChild(module, "Mixed_7c") && hasChild(module, "fc"))
        return ModelKind::InceptionV3;
    return std::nullopt;
}

const char* defaultLayer(ModelKind kind)
{
    switch (kind) {
    case ModelKind::DenseNet: return "features";
    case ModelKind::ResNet: return "layer4";
    case ModelKind::InceptionV3: return "Mixed_7c";
    default: return "";
    }
}

bool isMapShaped(const at::Tensor& activation)
{
    return activation.dim() == 4 && activation.size(2) > 1 && activation.size(3) > 1;
}

/// Register or class tokens a vision transformer may put before its patch tokens.
constexpr int64_t MaxPrefixTokens = 8;

/// A layer's output as an N x C x h x w map: 4-D maps as they are; a vision transformer's
/// N x T x C tokens as the grid of its last h * w tokens (the first T - h * w being class or
/// register tokens), h / w the input's aspect ratio. Undefined when neither fits.
at::Tensor spatialMap(const at::Tensor& activation, int inputWidth, int inputHeight)
{
    if (activation.dim() == 4)
        return isMapShaped(activation) ? activation : at::Tensor();
    if (activation.dim() != 3)
        return {};
    const int64_t tokens = activation.size(1);
    for (int64_t prefix = 0; prefix <= MaxPrefixTokens && prefix < tokens; ++prefix) {
        const int64_t cells = tokens - prefix;
        const auto width = int64_t(std::llround(std::sqrt(double(cells) * inputWidth / inputHeight)));
        if (width < 2 || cells % width != 0)
            continue;
        const int64_t height = cells / width;
        if (height < 2 || height * inputWidth != width * inputHeight)
            continue;
        return activation.narrow(1, prefix, cells)
            .reshape({activation.size(0), height, width, activation.size(2)})
            .permute({0, 3, 1, 2});
    }
    return {};
}

Result<torch::Device> parseDevice(const std::string& text)
{
    try {
        if (text == "auto")
            return torch::Device(torch::cuda::is_available() ? torch::kCUDA : torch::kCPU);
        torch::Device device(text);
        if (device.is_cuda() && !torch::cuda::is_available())
            return Error{"device '" + text + "' requested but this LibTorch build sees no CUDA device"};
        return device;
    } catch (const std::exception& error) {
        return Error{"unknown device '" + text + "' (use cpu, cuda, cuda:N or auto)"};
    }
}

c10::ScalarType scalarType(Precision precision)
{
    switch (precision) {
    case Precision::Float16: return at::kHalf;
    case Precision::BFloat16: return at::kBFloat16;
    default: return at::kFloat;
    }
}

} // namespace

/// A page-locked buffer for a batch's pixels (CUDA) and the mutex that keeps two threads from
/// sharing it. A copy starts empty: a copied model (Model::randomisedCopy) stages its own batches.
struct StagingBuffer final {
    at::Tensor pixels;
    std::mutex mutex;

    StagingBuffer() = default;
    StagingBuffer(const StagingBuffer&) {}
    StagingBuffer& operator=(const StagingBuffer&) = delete;
};

struct Model::Impl final {
    torch::jit::Module module;
    ModelMetadata metadata;
    ModelKind kind = ModelKind::NamedLayer;
    std::string path;
    std::string camLayer;
    torch::Device device{torch::kCPU};
    Precision precision = Precision::Float32;
    bool channelsLast = false;
    int mapWidth = 0;
    int mapHeight = 0;
    int channels = 0;
    int classes = 0;
    bool singleLogit = false; ///< one output z, read as class logits [0, z]
    bool tokenLayer = false;  ///< the CAM layer outputs transformer tokens (N x T x C)
    std::vector<std::string> notes;
    bool useExportedMethods = false;
    LayerSplit split;
    at::Tensor mean;
    at::Tensor std;

    bool pinnedStaging = true;
    mutable StagingBuffer staging; ///< page-locked copy of the last batch (CUDA), reused across batches

    /// The batch's pixels on the model's device. On CUDA they go through a reused page-locked
    /// buffer with an asynchronous copy; every caller reads results back to the host (which
    /// synchronises the stream) before the next batch overwrites the buffer, and the mutex
    /// keeps two threads from sharing it.
    at::Tensor input(const ImageBatch& batch) const
    {
        applyMathMode();
        const at::Tensor pixels = imageBatchToTensor(batch);
        if (!device.is_cuda() || !pinnedStaging)
            return inputFromPixels(pixels.to(device, /*non_blocking=*/true));
        std::lock_guard lock(staging.mutex);
        if (!staging.pixels.defined() || staging.pixels.numel() < pixels.numel())
            staging.pixels = at::empty({pixels.numel()}, at::TensorOptions().dtype(at::kByte).pinned_memory(true));
        at::Tensor view = staging.pixels.narrow(0, 0, pixels.numel()).view(pixels.sizes());
        view.copy_(pixels);
        return inputFromPixels(view.to(device, /*non_blocking=*/true));
    }

    /// Sets the layout of the input and of the 4-D parameters (convolution weights).
    void setLayout(bool useChannelsLast)
    {
        channelsLast = useChannelsLast;
        const auto format = useChannelsLast ? at::MemoryFormat::ChannelsLast : at::MemoryFormat::Contiguous;
        for (auto parameter : module.parameters())
            if (parameter.dim() == 4)
                parameter.set_data(parameter.contiguous(format));
    }

    /// TF32 tensor cores only when the model asked for them (the setting is process-wide, so it
    /// is set before each batch).
    void applyMathMode() const
    {
        if (!device.is_cuda())
            return;
        const bool tf32 = precision == Precision::TensorFloat32;
        at::globalContext().setAllowTF32CuDNN(tf32);
        at::globalContext().setAllowTF32CuBLAS(tf32);
    }

    /// The normalised network input of N x H x W x 3 uint8 pixels already on the model's device.
    at::Tensor inputFromPixels(const at::Tensor& pixels) const
    {
        at::Tensor x = pixels.permute({0, 3, 1, 2}).to(at::kFloat).div(255.0);
        x = x.sub(mean).div(std).to(scalarType(precision));
        return channelsLast ? x.contiguous(at::MemoryFormat::ChannelsLast) : x.contiguous();
    }

    at::Tensor features(const at::Tensor& x) const
    {
        if (useExportedMethods)
            return module.get_method("features")({x}).toTensor();
        torch::jit::Stack stack{module._ivalue(), x};
        split.features->run(stack);
        return stack.back().toTensor();
    }

    at::Tensor head(const at::Tensor& x, const at::Tensor& activation) const
    {
        c10::IValue output;
        if (useExportedMethods) {
            output = module.get_method("head")({activation});
        } else {
            torch::jit::Stack stack{module._ivalue(), x, activation};
            split.head->run(stack);
            output = stack.back();
        }
        if (output.isTuple()) // e.g. Inception's (logits, aux) named tuple in training mode
            output = output.toTupleRef().elements().at(0);
        if (!output.isTensor())
            throw std::runtime_error("the model returns " + output.tagKind() + ", not a tensor of logits");
        // A sigmoid detector often squeezes its one output away: N logits (or one, for one image).
        const at::Tensor logits = output.toTensor();
        if (logits.dim() == 1 || (logits.dim() == 0 && x.size(0) == 1))
            return logits.reshape({-1, 1});
        return logits;
    }

    Status checkLogits(const at::Tensor& logits, int64_t batchSize) const
    {
        if (logits.dim() != 2 || logits.size(0) != batchSize || logits.size(1) < 1)
            return Error{"the model's output has shape " + shapeText(logits)
                         + ", expected N x C logits (or N logits for a sigmoid binary detector)"};
        // Grad-CAM differentiates the logits: integers (an argmax, a rounded score) have no gradient.
        if (!logits.is_floating_point())
            return Error{std::string("the model's output is of type ") + c10::toString(logits.scalar_type())
                         + ", not floating-point logits (Grad-CAM needs their gradient): return the raw logits"};
        return Ok{};
    }

    /// NaN or Inf in the model's logits or maps (NaN weights, an overflow) gives numbers that mean
    /// nothing: an error, so the image is skipped with this reason instead of measured.
    static Status checkFinite(const at::Tensor& values, const char* what)
    {
        if (!torch::isfinite(values.detach()).all().item<bool>())
            return Error{std::string("the model gave non-finite ") + what + " (NaN or Inf)"};
        return Ok{};
    }

    /// One logit per class: a one-logit model's z becomes [0, z] (softmax [1 - sigmoid(z), sigmoid(z)]).
    static at::Tensor classLogits(const at::Tensor& raw)
    {
        return raw.size(1) == 1 ? at::cat({at::zeros_like(raw), raw}, 1) : raw;
    }

    /// The paper's score of class logits (N x C): sigmoid of the positive class's logit; for a
    /// one-logit model (logits [0, z]) the positive class's probability, sigmoid(+-z).
    at::Tensor sigmoidScore(const at::Tensor& logits) const
    {
        const int positive = metadata.positiveClass;
        return singleLogit ? torch::softmax(logits, 1).select(1, positive) : torch::sigmoid(logits.select(1, positive));
    }

    /// Predictions from class logits (N x C, as classLogits gives them); a one-logit model's
    /// Prediction keeps its raw z.
    std::vector<Prediction> predictions(const at::Tensor& classLogitsIn) const
    {
        at::Tensor logits = classLogitsIn.detach().to(at::kFloat).cpu().contiguous();
        at::Tensor softmax = torch::softmax(logits, 1);
        at::Tensor score = sigmoidScore(logits);
        at::Tensor argmax = logits.argmax(1);
        std::vector<Prediction> result(std::size_t(logits.size(0)));
        const int64_t classes = logits.size(1);
        for (std::size_t i = 0; i < result.size(); ++i) {
            auto& prediction = result[i];
            const float* row = logits.data_ptr<float>() + int64_t(i) * classes;
            const float* probabilities = softmax.data_ptr<float>() + int64_t(i) * classes;
            prediction.logits.assign(singleLogit ? row + 1 : row, row + classes);
            prediction.softmax.assign(probabilities, probabilities + classes);
            prediction.predictedClass = int(argmax[int64_t(i)].item<int64_t>());
            prediction.positiveScore = double(score[int64_t(i)].item<float>());
        }
        return result;
    }

    /// Maps of a batch by each method (outputs[m][i]); throws on LibTorch errors (caught by the
    /// public methods).
    std::vector<std::vector<CamOutput>> camOutputs(const at::Tensor& x, const std::vector<CamMethod>& methods,
                                                   const at::Tensor& targets) const
    {
        const std::vector<CamTensors> perMethod = camTensors(x, methods, targets);
        // Every method comes from the same pass: one set of predictions serves them all.
        const std::vector<Prediction> predicted = predictions(perMethod.front().logits);
        std::vector<std::vector<CamOutput>> all;
        for (const CamTensors& cams : perMethod) {
            at::Tensor normalised = cams.cams.cpu().contiguous();
            at::Tensor flat = cams.flat.cpu();
            std::vector<CamOutput> outputs(predicted.size());
            const int64_t mapSize = normalised.size(1) * normalised.size(2);
            for (std::size_t i = 0; i < outputs.size(); ++i) {
                auto& output = outputs[i];
                output.prediction = predicted[i];
                output.flat = flat[int64_t(i)].item<bool>();
                output.cam.height = int(normalised.size(1));
                output.cam.width = int(normalised.size(2));
                const float* values = normalised.data_ptr<float>() + int64_t(i) * mapSize;
                output.cam.values.assign(values, values + mapSize);
            }
            all.push_back(std::move(outputs));
        }
        return all;
    }

    /// The logit each image's map explains (N values): the target class's, or for a one-logit
    /// model z for class 1 and -z for class 0 (pytorch-grad-cam's BinaryClassifierOutputTarget).
    static at::Tensor explainedLogits(const at::Tensor& raw, const at::Tensor& targets)
    {
        if (raw.size(1) == 1)
            return raw.squeeze(1) * targets.to(raw.scalar_type()).mul(2).sub(1);
        return classLogits(raw).gather(1, targets.unsqueeze(1)).squeeze(1);
    }

    /// What one pass at the CAM layer gives every method: the class logits, the activations and
    /// (when asked) the gradient of the explained logits there, both as N x C x h x w float32, and
    /// the explained classes.
    struct LayerPass final {
        at::Tensor logits;
        at::Tensor activations;
        at::Tensor gradients;
        at::Tensor targets;
    };

    /// One forward pass to the CAM layer and through the head, and the backward pass when
    /// `needGradient`; `targets` (N int64 classes) undefined: each image's predicted class.
    LayerPass layerPass(const at::Tensor& x, bool needGradient, at::Tensor targets) const
    {
        at::Tensor activation;
        {
            torch::NoGradGuard noGrad;
            activation = features(x);
        }
        if (!spatialMap(activation, metadata.inputWidth, metadata.inputHeight).defined())
            throw std::runtime_error("layer '" + camLayer + "' outputs " + shapeText(activation)
                                     + ", not a 4-D map with spatial size > 1");
        torch::AutoGradMode gradMode(needGradient);
        at::Tensor leaf = activation.detach().requires_grad_(needGradient);
        // The head gets a copy: an in-place op in it (DenseNet's relu) then changes the copy,
        // which is what torchcam's hook sees, while the gradient is taken at the layer output.
        at::Tensor seen = leaf.clone();
        at::Tensor raw = head(x, seen);
        if (auto status = checkLogits(raw, x.size(0)); !status)
            throw std::runtime_error(status.error());
        if (auto status = checkFinite(raw, "logits"); !status)
            throw std::runtime_error(status.error());
        at::Tensor logits = classLogits(raw);
        if (!targets.defined())
            targets = logits.detach().to(at::kFloat).argmax(1);
        const int width = metadata.inputWidth;
        const int height = metadata.inputHeight;
        LayerPass pass;
        pass.targets = targets;
        if (needGradient) {
            at::Tensor selected = explainedLogits(raw, targets).sum();
            auto gradients = torch::autograd::grad({selected}, {leaf}, /*grad_outputs=*/{}, /*retain_graph=*/false,
                                                   /*create_graph=*/false, /*allow_unused=*/true);
            if (gradients.empty() || !gradients[0].defined())
                throw std::runtime_error("the model's output does not depend on layer '" + camLayer + "'");
            pass.gradients = spatialMap(gradients[0].detach(), width, height).to(at::kFloat);
        }
        pass.logits = logits.detach().to(at::kFloat);
        pass.activations = spatialMap(seen.detach(), width, height).to(at::kFloat);
        return pass;
    }

    /// Maps by each method from one layer pass (Score-CAM adds its masked forward passes):
    /// logits, min-max normalised maps (N x h x w, float32) and the flat flags, on the device.
    std::vector<CamTensors> camTensors(const at::Tensor& x, const std::vector<CamMethod>& methods,
                                       const at::Tensor& targets) const
    {
        const bool needGradient = std::any_of(methods.begin(), methods.end(), camMethodNeedsGradient);
        const LayerPass pass = layerPass(x, needGradient, targets);
        std::vector<CamTensors> all;
        for (CamMethod method : methods) {
            const at::Tensor maps = method == CamMethod::ScoreCam
                ? scoreCam(x, pass)
                : layerCamMaps(method, pass.activations, pass.gradients);
            if (auto status = checkFinite(maps, "map values"); !status)
                throw std::runtime_error(std::string(camMethodTitle(method)) + ": " + status.error());
            auto [normalised, flat] = normalisedMaps(maps);
            all.push_back({pass.logits, normalised, flat});
        }
        return all;
    }

    /// Score-CAM's masked forward passes, ScoreCamChunk masked inputs at a time.
    at::Tensor scoreCam(const at::Tensor& x, const LayerPass& pass) const
    {
        torch::NoGradGuard noGrad;
        const at::Tensor input = x.to(at::kFloat).contiguous();
        return scoreCamMaps(pass.activations, input, ScoreCamChunk,
                            [&](const at::Tensor& masked, const at::Tensor& images) {
                                at::Tensor in = masked.to(scalarType(precision));
                                in = channelsLast ? in.contiguous(at::MemoryFormat::ChannelsLast) : in.contiguous();
                                const at::Tensor raw = head(in, features(in));
                                return explainedLogits(raw, pass.targets.index_select(0, images)).to(at::kFloat);
                            });
    }
    static constexpr int64_t ScoreCamChunk = 32;

    /// The batch's explained classes on the device: `targets`, or undefined (the predicted ones).
    at::Tensor targetTensor(const std::vector<int>& targets, int64_t count) const
    {
        if (targets.empty())
            return {};
        if (int64_t(targets.size()) != count)
            throw std::runtime_error("the batch has " + std::to_string(count) + " images but "
                                     + std::to_string(targets.size()) + " target classes");
        for (int target : targets)
            if (target < 0 || target >= classes)
                throw std::runtime_error("target class " + std::to_string(target) + " is not a class of the model ("
                                         + std::to_string(classes) + " classes)");
        std::vector<int64_t> values(targets.begin(), targets.end());
        return torch::tensor(values, at::kLong).to(device);
    }

    // The phases of Model::load, in order.
    /// Device, precision and memory layout from the options, refusing combinations the device lacks.
    Status configureDevice(const ModelLoadOptions& options);
    /// The options' metadata, else the archive's `saliscope.json`, validated.
    Status takeMetadata(const ModelLoadOptions& options, const std::string& archiveJson);
    /// Eval mode, precision, layout and the normalisation tensors on the device.
    void prepareModule();
    /// The CAM layer asked for (user's, then archive's, then the architecture's; "" = search) and
    /// the model kind it implies.
    std::string chooseLayer(const ModelLoadOptions& options);
    /// The whole network must accept the declared input size before any layer is chosen; falls back
    /// to the contiguous layout when channels-last was Saliscope's choice and the model rejects it.
    Status checkInputSize(const ModelLoadOptions& options, const ImageBatch& probe, at::Tensor& probeInput);
    /// Finds the layer when none is named and splits the graph there.
    Status splitAtCamLayer(std::string layer, const at::Tensor& probeInput);
    /// Probes once: the layer must give a map, the head N x C logits; fixes the map shape and classes.
    Status probeMapAndLogits(const ModelLoadOptions& options, const at::Tensor& probeInput);
};

Model::Model(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Model::~Model() = default;

namespace {

/// The layer Model::load picks when none is named, and a token-shaped layer called after it.
struct AutomaticLayer final {
    std::string layer;
    std::string laterTokenLayer;
};

/// The last layer called by `module.forward` whose output on `probe` is a 4-D map. When no layer
/// at the top level gives one (a wrapper whose forward calls one backbone), the layers called
/// inside the last layers are searched too, down to three levels ("detector.body").
AutomaticLayer findAutomaticLayer(const torch::jit::Module& module, const at::Tensor& probe, int inputWidth,
                                  int inputHeight)
{
    AutomaticLayer found;
    std::vector<std::string> candidates = topLevelLayerCalls(module);
    for (int depth = 0; depth < 3 && !candidates.empty(); ++depth) {
        std::vector<std::string> inner; // the next level, searched only when this one has no map
        for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
            auto split = splitAtLayer(module, *it);
            if (!split)
                continue;
            torch::NoGradGuard noGrad;
            torch::jit::Stack stack{module._ivalue(), probe};
            try {
                split->features->run(stack);
            } catch (const std::exception&) {
                continue;
            }
            if (!stack.back().isTensor())
                continue;
            const at::Tensor output = stack.back().toTensor();
            if (isMapShaped(output)) {
                found.layer = *it;
                return found;
            }
            if (found.laterTokenLayer.empty() && output.dim() == 3
                && spatialMap(output, inputWidth, inputHeight).defined())
                found.laterTokenLayer = *it;
            // Parents are visited last first: prepend, so that `inner` keeps the call order.
            const auto calls = layerCallsInside(module, *it);
            inner.insert(inner.begin(), calls.begin(), calls.end());
        }
        candidates = std::move(inner);
    }
    return found;
}

Result<torch::jit::Module> readArchive(const std::string& path, const torch::Device& device, std::string& metadataJson)
{
    std::error_code code;
    if (!std::filesystem::is_regular_file(path, code))
        return Error{"no such model file: " + path};
    if (std::filesystem::file_size(path, code) == 0)
        return Error{path + " is empty, not a TorchScript archive"};
    torch::jit::ExtraFilesMap extra{{"saliscope.json", ""}};
    try {
        auto module = torch::jit::load(path, device, extra);
        metadataJson = extra["saliscope.json"];
        return module;
    } catch (const std::exception& error) {
        const std::string message = torchMessage(error);
        if (message.find("zip archive") != std::string::npos || message.find("central directory") != std::string::npos)
            return Error{path + " is not a TorchScript archive (not a zip file, or truncated)"};
        // What the archive holds says what it is, not the words of the error: a damaged
        // TorchScript archive's message quotes its code/ files too.
        std::vector<std::string> records;
        try {
            records = caffe2::serialize::PyTorchStreamReader(path).getAllRecords();
        } catch (const std::exception&) {
            return Error{path + " is not a TorchScript archive (not a zip file, or truncated)"};
        }
        bool code = false, constants = false, data = false;
        for (const auto& record : records) {
            code = code || record.rfind("code/", 0) == 0 || record.find("/code/") != std::string::npos;
            constants = constants || record == "constants.pkl";
            data = data || record == "data.pkl";
        }
        if (data && !code && !constants)
            return Error{path + " is a PyTorch checkpoint, not TorchScript: convert it with saliscope-export"};
        if (code || constants) {
            // The parser quotes the damaged bytes: keep its words only when they are plain text.
            const bool plain = !message.empty()
                && std::all_of(message.begin(), message.end(), [](char c) { return c >= ' ' && c <= '~'; });
            return Error{path + " is a damaged TorchScript archive (" + (plain ? message : "its code cannot be read")
                         + "): copy or export the model again"};
        }
        return Error{path + " could not be loaded as TorchScript: " + message};
    }
}

} // namespace

Status Model::Impl::configureDevice(const ModelLoadOptions& options)
{
    precision = options.precision;
    auto parsed = parseDevice(options.device);
    if (!parsed)
        return Error{parsed.error()};
    device = parsed.value();
    channelsLast = usesChannelsLast(options.layout, device, options.precision);
    if (device.is_cpu() && options.precision == Precision::Float16)
        return Error{"fp16 needs a CUDA device; use fp32 or bf16 on the CPU"};
    if (device.is_cpu() && options.precision == Precision::TensorFloat32)
        return Error{"tf32 needs a CUDA device; use fp32 or bf16 on the CPU"};
    pinnedStaging = options.pinnedStaging;
    if (device.is_cuda())
        at::globalContext().setBenchmarkCuDNN(true); // fixed batch shapes: let cuDNN pick its fastest kernels
    return Ok{};
}

Status Model::Impl::takeMetadata(const ModelLoadOptions& options, const std::string& archiveJson)
{
    if (options.metadata) {
        metadata = *options.metadata;
        if (auto status = metadata.validate(); !status)
            return Error{"model metadata: " + status.error()};
    } else if (!archiveJson.empty()) {
        auto parsed = ModelMetadata::fromJson(archiveJson);
        if (!parsed)
            return Error{path + ": " + parsed.error()};
        metadata = parsed.value();
    }
    return Ok{};
}

void Model::Impl::prepareModule()
{
    module.eval();
    if (scalarType(precision) != at::kFloat)
        module.to(scalarType(precision));
    if (channelsLast)
        setLayout(true);
    const auto& m = metadata;
    mean = torch::tensor({m.mean[0], m.mean[1], m.mean[2]}, at::kFloat).view({1, 3, 1, 1}).to(device);
    std = torch::tensor({m.std[0], m.std[1], m.std[2]}, at::kFloat).view({1, 3, 1, 1}).to(device);
}

std::string Model::Impl::chooseLayer(const ModelLoadOptions& options)
{
    // Which layer: the user's, then the archive's, then the architecture's, then the last map-shaped one.
    const bool exportsMethods = module.find_method("features") && module.find_method("head");
    std::string layer = !options.layer.empty() ? options.layer : metadata.camLayer;
    // "features" names the exported method itself (it is what load() records as the CAM layer).
    if (exportsMethods && (layer.empty() || layer == "features")) {
        kind = ModelKind::FeaturesHead;
        useExportedMethods = true;
        camLayer = "features";
    } else {
        const auto known = torchvisionKind(module);
        kind = known ? *known : ModelKind::NamedLayer;
        if (layer.empty() && known)
            layer = defaultLayer(*known);
        if (known && layer != defaultLayer(*known))
            kind = ModelKind::NamedLayer;
    }
    return layer;
}

Status Model::Impl::checkInputSize(const ModelLoadOptions& options, const ImageBatch& probe, at::Tensor& probeInput)
{
    if (!module.find_method("forward"))
        return Ok{};
    torch::NoGradGuard noGrad;
    auto forwardError = [&]() -> std::string {
        try {
            module.forward({probeInput});
            return {};
        } catch (const std::exception& error) {
            return torchMessage(error);
        }
    };
    std::string failure = forwardError();
    if (!failure.empty() && channelsLast && options.layout == MemoryLayout::Automatic) {
        // Some models only work in the contiguous layout (x.view(N, -1) on a 4-D map):
        // channels-last was Saliscope's choice, not the model's, so take it back.
        setLayout(false);
        probeInput = input(probe);
        const std::string contiguousFailure = forwardError();
        if (contiguousFailure.empty())
            notes.push_back("runs in the contiguous memory layout: with channels-last input it fails (" + failure
                            + ")");
        failure = contiguousFailure; // the reason that remains, if any
    }
    if (!failure.empty())
        return Error{path + ": the model rejects a " + std::to_string(metadata.inputHeight) + "x"
                     + std::to_string(metadata.inputWidth) + " input (" + failure
                     + "); set the input size in its metadata"};
    return Ok{};
}

Status Model::Impl::splitAtCamLayer(std::string layer, const at::Tensor& probeInput)
{
    if (useExportedMethods)
        return Ok{};
    if (layer.empty()) {
        // No layer named: the last layer called by forward whose output is a 4-D map.
        const AutomaticLayer automatic = findAutomaticLayer(module, probeInput, metadata.inputWidth,
                                                            metadata.inputHeight);
        layer = automatic.layer;
        if (!layer.empty() && !automatic.laterTokenLayer.empty())
            notes.push_back("'" + automatic.laterTokenLayer + "' after '" + layer
                            + "' outputs transformer tokens: for a vision transformer's Grad-CAM name a "
                              "layer inside it (the last block's first norm) with --layer or the "
                              "metadata's cam_layer");
        if (layer.empty())
            return Error{path
                         + ": no usable CAM layer: no layer called by forward (or inside the layers it "
                           "calls) outputs a 4-D map with spatial size > 1; name one with --layer"};
    }
    auto made = splitAtLayer(module, layer);
    if (!made)
        return Error{path + ": " + made.error()};
    split = std::move(made).value();
    camLayer = layer;
    return Ok{};
}

Status Model::Impl::probeMapAndLogits(const ModelLoadOptions& options, const at::Tensor& probeInput)
{
    // Probe once: the layer must give a map, the head N x C logits, at the declared input size.
    at::Tensor activation;
    {
        torch::NoGradGuard noGrad;
        try {
            activation = features(probeInput);
        } catch (const std::exception& error) {
            return Error{path + ": the model rejects a " + std::to_string(metadata.inputHeight) + "x"
                         + std::to_string(metadata.inputWidth) + " input (" + torchMessage(error)
                         + "); set the input size in its metadata"};
        }
    }
    const at::Tensor map = spatialMap(activation, metadata.inputWidth, metadata.inputHeight);
    if (!map.defined())
        return Error{path + ": no usable CAM layer: '" + camLayer + "' outputs " + shapeText(activation)
                     + ", neither a 4-D map with spatial size > 1 nor tokens on a grid of the input's shape"};
    at::Tensor logits;
    {
        torch::NoGradGuard noGrad;
        try {
            logits = head(probeInput, activation.clone());
        } catch (const std::exception& error) {
            return Error{path + ": the model fails after layer '" + camLayer + "': " + torchMessage(error)};
        }
    }
    if (auto status = checkLogits(logits, 1); !status)
        return Error{path + ": " + status.error()};
    mapHeight = int(map.size(2));
    mapWidth = int(map.size(3));
    channels = int(map.size(1));
    tokenLayer = activation.dim() == 3;
    singleLogit = logits.size(1) == 1;
    classes = int(Impl::classLogits(logits).size(1));
    if (classes != int(metadata.classNames.size())) {
        if (metadata.fromArchive || options.metadata)
            return Error{path + ": the model has " + std::to_string(logits.size(1)) + " output"
                         + (singleLogit ? " (a sigmoid detector: 2 classes)" : "s") + " but its metadata names "
                         + std::to_string(metadata.classNames.size()) + " classes"};
        metadata.classNames.clear();
        for (int c = 0; c < classes; ++c)
            metadata.classNames.push_back(c == 0 ? "real" : c == 1 ? "synthetic" : "class" + std::to_string(c));
    }
    if (singleLogit)
        notes.push_back("one output: read as a sigmoid detector, class 1 ('" + metadata.classNames.at(1)
                        + "') when the logit is > 0");
    if (metadata.camLayer.empty())
        metadata.camLayer = camLayer;
    return Ok{};
}

Result<std::unique_ptr<Model>> Model::load(const std::string& path, const ModelLoadOptions& options)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    if (auto status = impl->configureDevice(options); !status)
        return Error{status.error()};
    std::string archiveJson;
    auto module = readArchive(path, impl->device, archiveJson);
    if (!module)
        return Error{module.error()};
    impl->module = std::move(module).value();
    if (auto status = impl->takeMetadata(options, archiveJson); !status)
        return Error{status.error()};
    try {
        impl->prepareModule();
        const std::string layer = impl->chooseLayer(options);
        const ImageBatch probe{
            1, impl->metadata.inputWidth, impl->metadata.inputHeight,
            std::vector<std::uint8_t>(std::size_t(impl->metadata.inputWidth) * impl->metadata.inputHeight * 3, 128)};
        at::Tensor probeInput = impl->input(probe);
        if (auto status = impl->checkInputSize(options, probe, probeInput); !status)
            return Error{status.error()};
        if (auto status = impl->splitAtCamLayer(layer, probeInput); !status)
            return Error{status.error()};
        if (auto status = impl->probeMapAndLogits(options, probeInput); !status)
            return Error{status.error()};
    } catch (const std::exception& error) {
        return Error{path + ": " + torchMessage(error)};
    }
    return std::unique_ptr<Model>(new Model(std::move(impl)));
}

std::vector<std::string> Model::randomisationBlocks() const { return engine::randomisationBlocks(d->module); }

namespace {

/// SplitMix64 of (seed, k): the seed of randomisation block k.
std::uint64_t blockSeed(std::uint64_t seed, std::uint64_t block)
{
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (block + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

Result<std::unique_ptr<Model>> Model::randomisedCopy(int blocks, std::uint64_t seed) const
{
    const std::vector<std::string> all = randomisationBlocks();
    if (blocks < 0 || blocks > int(all.size()))
        return Error{"the model has " + std::to_string(all.size()) + " randomisation blocks, not "
                     + std::to_string(blocks)};
    try {
        auto impl = std::make_unique<Impl>(*d); // every setting; the module is shared until replaced
        impl->module = d->module.deepcopy();
        for (int b = 0; b < blocks; ++b)
            resetBlock(impl->module, all[std::size_t(b)], blockSeed(seed, std::uint64_t(b)));
        impl->module.eval();
        return std::unique_ptr<Model>(new Model(std::move(impl)));
    } catch (const std::exception& error) {
        return Error{d->path + ": randomising the model: " + torchMessage(error)};
    }
}

const ModelMetadata& Model::metadata() const { return d->metadata; }
ModelKind Model::kind() const { return d->kind; }
const std::string& Model::path() const { return d->path; }
const std::string& Model::camLayer() const { return d->camLayer; }
int Model::mapWidth() const { return d->mapWidth; }
int Model::mapHeight() const { return d->mapHeight; }
int Model::featureChannels() const { return d->channels; }
int Model::classCount() const { return d->classes; }
bool Model::singleLogit() const { return d->singleLogit; }
bool Model::tokenLayer() const { return d->tokenLayer; }
const std::vector<std::string>& Model::notes() const { return d->notes; }
std::string Model::deviceName() const { return d->device.str(); }
Precision Model::precision() const { return d->precision; }
bool Model::channelsLast() const { return d->channelsLast; }

namespace {

Status checkBatch(const ImageBatch& batch, const ModelMetadata& metadata)
{
    if (batch.count <= 0)
        return Error{"empty batch"};
    if (batch.width != metadata.inputWidth || batch.height != metadata.inputHeight)
        return Error{"images are " + std::to_string(batch.width) + "x" + std::to_string(batch.height)
                     + ", the model takes " + std::to_string(metadata.inputWidth) + "x"
                     + std::to_string(metadata.inputHeight)};
    if (batch.pixels.size() != std::size_t(batch.count) * batch.width * batch.height * 3)
        return Error{"batch pixel buffer does not match its shape"};
    return Ok{};
}

} // namespace

Result<std::vector<Prediction>> Model::predict(const ImageBatch& batch) const
{
    if (auto status = checkBatch(batch, d->metadata); !status)
        return Error{status.error()};
    try {
        torch::NoGradGuard noGrad;
        const at::Tensor x = d->input(batch);
        const at::Tensor logits = d->head(x, d->features(x));
        if (auto status = d->checkLogits(logits, batch.count); !status)
            return Error{status.error()};
        if (auto status = Impl::checkFinite(logits, "logits"); !status)
            return Error{status.error()};
        return d->predictions(Impl::classLogits(logits));
    } catch (const std::exception& error) {
        return Error{torchMessage(error)};
    }
}

Result<std::vector<CamOutput>> Model::gradCam(const ImageBatch& batch) const
{
    auto maps = cams(batch, {});
    if (!maps)
        return maps.failure();
    return std::move(maps.value().front());
}

Result<std::vector<std::vector<CamOutput>>> Model::cams(const ImageBatch& batch, const CamRequest& request) const
{
    if (auto status = checkBatch(batch, d->metadata); !status)
        return Error{status.error()};
    if (request.methods.empty())
        return Error{"no salience method asked for"};
    try {
        const at::Tensor x = d->input(batch);
        return d->camOutputs(x, request.methods, d->targetTensor(request.targetClasses, batch.count));
    } catch (const std::exception& error) {
        return Error{torchMessage(error)};
    }
}

CamTensors ModelTensorAccess::cams(const Model& model, const at::Tensor& pixels, CamMethod method)
{
    model.d->applyMathMode();
    return model.d->camTensors(model.d->inputFromPixels(pixels), {method}, {}).front();
}

at::Tensor ModelTensorAccess::logits(const Model& model, const at::Tensor& pixels)
{
    torch::NoGradGuard noGrad;
    model.d->applyMathMode();
    const at::Tensor x = model.d->inputFromPixels(pixels);
    return Model::Impl::classLogits(model.d->head(x, model.d->features(x)).detach().to(at::kFloat));
}

at::Tensor ModelTensorAccess::sigmoidScore(const Model& model, const at::Tensor& logits)
{
    return model.d->sigmoidScore(logits);
}

c10::Device ModelTensorAccess::device(const Model& model) { return model.d->device; }

} // namespace saliscope::engine
