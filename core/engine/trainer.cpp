// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <torch/optim/adam.h>
#include <torch/script.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <random>
#include <sstream>

namespace saliscope::engine {

TrainProgress::~TrainProgress() = default;
void TrainProgress::batchDone(int, int, int, double, double) {}
void TrainProgress::epochDone(const EpochReport&) {}
bool TrainProgress::isCancelled() const { return false; }

const char* trainingLossName(TrainParams::Loss loss) { return loss == TrainParams::Loss::Cyborg ? "cyborg" : "xent"; }

std::optional<TrainParams::Loss> parseTrainingLoss(const std::string& text)
{
    if (text == "xent" || text == "cross-entropy" || text == "crossentropy" || text == "ce")
        return TrainParams::Loss::CrossEntropy;
    if (text == "cyborg")
        return TrainParams::Loss::Cyborg;
    return std::nullopt;
}

namespace {

constexpr double kNormaliseEpsilon = 1e-6; // keeps min-max normalisation of flat maps finite

/// One conv(3x3, padding 1, no bias) -> batch norm -> ReLU block.
struct Block final {
    std::string name;
    std::int64_t in = 0;
    std::int64_t out = 0;
    std::int64_t stride = 1;
};

/// SmallCnn: four stride-2 blocks (S -> S/16) and one stride-1 block at the map resolution.
std::vector<Block> smallCnnBlocks(std::int64_t width)
{
    return {{"block1", 3, width, 2},
            {"block2", width, 2 * width, 2},
            {"block3", 2 * width, 4 * width, 2},
            {"block4", 4 * width, 4 * width, 2},
            {"block5", 4 * width, 4 * width, 1}};
}

/// TorchScript source of the methods; only aten builtins, so it compiles without Python.
std::string smallCnnSource(const std::vector<Block>& blocks)
{
    std::ostringstream source;
    source << "def features(self, x):\n";
    for (const auto& b : blocks) {
        const std::string p = "self." + b.name;
        source << "    x = torch.conv2d(x, " << p << "_conv_weight, None, [" << b.stride << ", " << b.stride
               << "], [1, 1])\n"
               << "    x = torch.batch_norm(x, " << p << "_bn_weight, " << p << "_bn_bias, " << p
               << "_bn_running_mean, " << p << "_bn_running_var, self.training, 0.1, 1e-05, False)\n"
               << "    x = torch.relu(x)\n";
    }
    source << "    return x\n\n"
              "def head(self, a):\n"
              "    return torch.addmm(self.fc_bias, torch.mean(a, [2, 3]), self.fc_weight.t())\n\n"
              "def forward(self, x):\n"
              "    return self.head(self.features(x))\n";
    return source.str();
}

/// The TorchScript module with freshly initialised weights and handles on its trainable tensors.
struct SmallCnn final {
    torch::jit::Module module{"__torch__.saliscope.SmallCnn"};
    std::vector<at::Tensor> parameters;
    at::Tensor fcWeight;
    std::int64_t parameterCount = 0;

    SmallCnn(std::int64_t width, std::int64_t classes, std::uint64_t seed, const torch::Device& device)
    {
        at::Generator generator = at::detail::createCPUGenerator(seed);
        const auto options = at::TensorOptions().dtype(at::kFloat);
        const auto blocks = smallCnnBlocks(width);
        module.register_attribute("training", c10::BoolType::get(), true);
        auto addParameter = [&](const std::string& name, at::Tensor tensor) {
            tensor = tensor.to(device).set_requires_grad(true);
            module.register_parameter(name, tensor, /*is_buffer=*/false);
            parameters.push_back(tensor);
            parameterCount += tensor.numel();
            return tensor;
        };
        auto addBuffer = [&](const std::string& name, const at::Tensor& tensor) {
            module.register_parameter(name, tensor.to(device), /*is_buffer=*/true);
        };
        for (const auto& b : blocks) {
            // Kaiming normal, fan-out mode, as torchvision initialises its convolutions.
            const double deviation = std::sqrt(2.0 / double(b.out * 9));
            addParameter(b.name + "_conv_weight", at::randn({b.out, b.in, 3, 3}, generator, options).mul_(deviation));
            addParameter(b.name + "_bn_weight", at::ones({b.out}, options));
            addParameter(b.name + "_bn_bias", at::zeros({b.out}, options));
            addBuffer(b.name + "_bn_running_mean", at::zeros({b.out}, options));
            addBuffer(b.name + "_bn_running_var", at::ones({b.out}, options));
        }
        const std::int64_t channels = blocks.back().out;
        fcWeight = addParameter("fc_weight", at::randn({classes, channels}, generator, options).mul_(0.01));
        addParameter("fc_bias", at::zeros({classes}, options));
        module.define(smallCnnSource(blocks));
    }

    at::Tensor features(const at::Tensor& x) { return module.get_method("features")({x}).toTensor(); }
    at::Tensor head(const at::Tensor& activations) { return module.get_method("head")({activations}).toTensor(); }
};

/// Per-image annotation target at the map size, min-max normalised, with its mirror image.
struct AnnotationTarget final {
    bool present = false;
    std::vector<float> map;
    std::vector<float> mirrored;
};

at::Tensor minMaxNormalise(const at::Tensor& maps) // [N, M] -> each row to [0, 1]
{
    const at::Tensor minimum = maps.amin(1, /*keepdim=*/true);
    const at::Tensor maximum = maps.amax(1, /*keepdim=*/true);
    return (maps - minimum) / (maximum - minimum + kNormaliseEpsilon);
}

AnnotationTarget annotationTarget(const ImageU8& annotation, int mapSize)
{
    AnnotationTarget target;
    if (annotation.empty())
        return target;
    at::Tensor pixels = at::from_blob(const_cast<std::uint8_t*>(annotation.pixels.data()),
                                      {annotation.height, annotation.width, annotation.channels}, at::kByte);
    at::Tensor grey = pixels.to(at::kFloat).mean(2).div(255.0).view({1, 1, annotation.height, annotation.width});
    at::Tensor pooled = at::adaptive_avg_pool2d(grey, {mapSize, mapSize}).view({1, mapSize * mapSize});
    at::Tensor normalised = minMaxNormalise(pooled).view({mapSize, mapSize}).contiguous();
    at::Tensor mirrored = normalised.flip({1}).contiguous();
    target.present = true;
    target.map.assign(normalised.data_ptr<float>(), normalised.data_ptr<float>() + normalised.numel());
    target.mirrored.assign(mirrored.data_ptr<float>(), mirrored.data_ptr<float>() + mirrored.numel());
    return target;
}

/// A batch ready for the network.
struct Batch final {
    at::Tensor input;     // [B, 3, S, S], normalised
    at::Tensor labels;    // [B] int64
    at::Tensor targets;   // [B, M] annotation maps (zeros where absent)
    at::Tensor annotated; // [B] float, 1 where an annotation exists
    std::int64_t annotatedCount = 0;
};

Batch makeBatch(const std::vector<TrainingImage>& images, const std::vector<AnnotationTarget>& annotations,
                const std::size_t* indices, std::size_t count, const std::vector<bool>& flips, int inputSize,
                int mapSize, const at::Tensor& mean, const at::Tensor& deviation, const torch::Device& device)
{
    const std::int64_t n = std::int64_t(count);
    const std::int64_t rowBytes = std::int64_t(inputSize) * 3;
    const std::int64_t mapCells = std::int64_t(mapSize) * mapSize;
    at::Tensor pixels = at::empty({n, inputSize, inputSize, 3}, at::kByte);
    at::Tensor labels = at::empty({n}, at::kLong);
    at::Tensor targets = at::zeros({n, mapCells}, at::kFloat);
    at::Tensor annotated = at::zeros({n}, at::kFloat);
    std::uint8_t* out = pixels.data_ptr<std::uint8_t>();
    std::int64_t* labelValues = labels.data_ptr<std::int64_t>();
    float* annotatedValues = annotated.data_ptr<float>();
    Batch batch;
    for (std::int64_t i = 0; i < n; ++i) {
        const std::size_t index = indices[i];
        const auto& image = images[index].image;
        const bool flip = !flips.empty() && flips[std::size_t(i)];
        std::uint8_t* destination = out + i * rowBytes * inputSize;
        if (!flip) {
            std::memcpy(destination, image.pixels.data(), std::size_t(rowBytes) * inputSize);
        } else {
            for (int row = 0; row < inputSize; ++row) {
                const std::uint8_t* source = image.pixels.data() + std::size_t(row) * rowBytes;
                std::uint8_t* target = destination + std::int64_t(row) * rowBytes;
                for (int column = 0; column < inputSize; ++column)
                    std::memcpy(target + std::int64_t(column) * 3, source + std::int64_t(inputSize - 1 - column) * 3,
                                3);
            }
        }
        labelValues[i] = std::int64_t(images[index].label);
        const auto& annotation = annotations[index];
        if (annotation.present) {
            const auto& map = flip ? annotation.mirrored : annotation.map;
            std::memcpy(targets.data_ptr<float>() + i * mapCells, map.data(), sizeof(float) * std::size_t(mapCells));
            annotatedValues[i] = 1.0f;
            ++batch.annotatedCount;
        }
    }
    // Exactly the engine's preprocessing (Model::input): [0, 1], then (x - mean) / std.
    batch.input =
        pixels.to(device).permute({0, 3, 1, 2}).to(at::kFloat).div(255.0).sub(mean).div(deviation).contiguous();
    batch.labels = labels.to(device);
    batch.targets = targets.to(device);
    batch.annotated = annotated.to(device);
    return batch;
}

/// Class activation maps of the predicted classes, sum_k W[c,k] A_k (Grad-CAM of a GAP + linear head
/// is its ReLU, up to the positive factor 1/HW), optionally rectified, min-max normalised: [B, M],
/// differentiable in A and W.
at::Tensor predictedClassCams(const at::Tensor& activations, const at::Tensor& logits, const at::Tensor& fcWeight,
                              bool rectified)
{
    const at::Tensor predicted = logits.detach().argmax(1);
    const at::Tensor weights = fcWeight.index_select(0, predicted).unsqueeze(1); // [B, 1, C]
    at::Tensor cams = at::bmm(weights, activations.flatten(2)).squeeze(1);       // [B, M]
    if (rectified)
        cams = cams.relu();
    return minMaxNormalise(cams);
}

/// Per-image squared error between normalised CAM and annotation, meaned over the map: [B].
at::Tensor camErrors(const at::Tensor& cams, const at::Tensor& targets) { return (cams - targets).pow(2).mean(1); }

Status checkImages(const std::vector<TrainingImage>& images, const char* what, const TrainParams& params)
{
    for (std::size_t i = 0; i < images.size(); ++i) {
        const auto& image = images[i];
        const std::string name = std::string(what) + " image " + std::to_string(i);
        if (image.image.channels != 3 || image.image.width != params.inputSize || image.image.height != params.inputSize
            || image.image.pixels.size() != std::size_t(params.inputSize) * params.inputSize * 3)
            return Error{name + " is " + std::to_string(image.image.width) + "x" + std::to_string(image.image.height)
                         + "x" + std::to_string(image.image.channels) + ", expected " + std::to_string(params.inputSize)
                         + "x" + std::to_string(params.inputSize) + "x3"};
        if (image.label < 0 || image.label >= int(params.classNames.size()))
            return Error{name + " has label " + std::to_string(image.label) + ", expected 0 to "
                         + std::to_string(params.classNames.size() - 1)};
        const auto& annotation = image.annotation;
        if (!annotation.empty()
            && (annotation.width <= 0 || annotation.height <= 0 || annotation.channels < 1
                || annotation.pixels.size() != std::size_t(annotation.width) * annotation.height * annotation.channels))
            return Error{name + " has a malformed annotation"};
    }
    return Ok{};
}

Status checkParams(const TrainParams& params)
{
    if (params.inputSize < 16)
        return Error{"input size must be at least 16 pixels"};
    if (params.width < 1)
        return Error{"width must be a positive number of channels"};
    if (params.epochs < 0)
        return Error{"epochs must not be negative"};
    if (params.batchSize < 1)
        return Error{"batch size must be positive"};
    if (!(params.learningRate > 0))
        return Error{"learning rate must be positive"};
    if (!(params.alpha >= 0 && params.alpha <= 1))
        return Error{"alpha must lie in [0, 1]"};
    if (params.classNames.size() < 2)
        return Error{"a classifier needs at least two classes"};
    if (params.positiveClass < 0 || params.positiveClass >= int(params.classNames.size()))
        return Error{"the positive class must be one of the classes"};
    return Ok{};
}

/// Uniform integer in [0, bound) from a 64-bit generator; portable (std::uniform_int_distribution is not).
std::uint64_t drawBelow(std::mt19937_64& random, std::uint64_t bound) { return random() % bound; }

struct Evaluation final {
    double loss = std::numeric_limits<double>::quiet_NaN();
    double accuracy = std::numeric_limits<double>::quiet_NaN();
    double camError = std::numeric_limits<double>::quiet_NaN();
};

/// One training run in phases: the network and its inputs, an epoch, a validation pass, the save.
/// Every step runs in the order the original single function ran it, so a seed and thread count
/// still give the same weights.
class Training final {
public:
    Training(const TrainParams& params, const ModelMetadata& metadata, const torch::Device& device)
        : m_params(params), m_device(device),
          m_network(params.width, std::int64_t(params.classNames.size()), params.seed, device),
          m_mean(torch::tensor({metadata.mean[0], metadata.mean[1], metadata.mean[2]}, at::kFloat)
                     .view({1, 3, 1, 1})
                     .to(device)),
          m_deviation(torch::tensor({metadata.std[0], metadata.std[1], metadata.std[2]}, at::kFloat)
                          .view({1, 3, 1, 1})
                          .to(device)),
          m_mapSize(probeMapSize()), m_random(params.seed), m_cyborg(params.loss == TrainParams::Loss::Cyborg),
          m_alpha(m_cyborg ? params.alpha : 1.0), m_batchSize(std::size_t(params.batchSize))
    {
    }

    std::int64_t parameterCount() const { return m_network.parameterCount; }
    int mapSize() const { return m_mapSize; }

    /// The annotation maps of `images` at the CAM map's size.
    std::vector<AnnotationTarget> targets(const std::vector<TrainingImage>& images) const
    {
        torch::NoGradGuard noGrad;
        std::vector<AnnotationTarget> result;
        for (const auto& image : images)
            result.push_back(annotationTarget(image.annotation, m_mapSize));
        return result;
    }

    void startOptimiser()
    {
        m_optimiser = std::make_unique<torch::optim::Adam>(m_network.parameters,
                                                           torch::optim::AdamOptions(m_params.learningRate));
        m_network.module.train(true);
    }

    /// One pass over `train` in a seeded order, with optional flips; an error only when cancelled.
    Result<EpochReport> trainEpoch(int epoch, const std::vector<TrainingImage>& train,
                                   const std::vector<AnnotationTarget>& trainTargets, TrainProgress& progress)
    {
        using Clock = std::chrono::steady_clock;
        const auto epochStart = Clock::now();
        const int batchCount = int((train.size() + m_batchSize - 1) / m_batchSize);
        // Fisher-Yates with a portable draw: the order depends only on the seed.
        std::vector<std::size_t> order(train.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        for (std::size_t i = order.size(); i > 1; --i)
            std::swap(order[i - 1], order[drawBelow(m_random, i)]);

        double lossSum = 0;
        double correct = 0;
        double camErrorSum = 0;
        std::int64_t annotatedSeen = 0;
        std::size_t seen = 0;
        for (int b = 0; b < batchCount; ++b) {
            if (progress.isCancelled())
                return Error{"training cancelled", ErrorKind::Cancelled};
            const std::size_t start = std::size_t(b) * m_batchSize;
            const std::size_t count = std::min(m_batchSize, train.size() - start);
            std::vector<bool> flips(count, false);
            if (m_params.horizontalFlip)
                for (std::size_t i = 0; i < count; ++i)
                    flips[i] = (m_random() >> 63) != 0;
            Batch batch = makeBatch(train, trainTargets, order.data() + start, count, flips, m_params.inputSize,
                                    m_mapSize, m_mean, m_deviation, m_device);

            const at::Tensor activations = m_network.features(batch.input);
            const at::Tensor logits = m_network.head(activations);
            const at::Tensor crossEntropy = at::nll_loss(logits.log_softmax(1), batch.labels, {}, at::Reduction::None);
            at::Tensor loss;
            at::Tensor errors;
            if (m_cyborg) {
                errors = camErrorsOf(activations, logits, batch.targets);
                loss = (crossEntropy * m_alpha + errors * batch.annotated * (1.0 - m_alpha)).mean();
            } else {
                loss = crossEntropy.mean();
                if (batch.annotatedCount > 0) {
                    torch::NoGradGuard noGrad;
                    errors = camErrorsOf(activations, logits, batch.targets);
                }
            }
            m_optimiser->zero_grad();
            loss.backward();
            m_optimiser->step();

            lossSum += loss.item<double>() * double(count);
            correct += logits.detach().argmax(1).eq(batch.labels).sum().item<double>();
            if (batch.annotatedCount > 0) {
                camErrorSum += errors.detach().mul(batch.annotated).sum().item<double>();
                annotatedSeen += batch.annotatedCount;
            }
            seen += count;
            progress.batchDone(epoch, b + 1, batchCount, lossSum / double(seen), correct / double(seen));
        }
        EpochReport report;
        report.epoch = epoch;
        report.seconds = std::chrono::duration<double>(Clock::now() - epochStart).count();
        report.trainLoss = lossSum / double(seen);
        report.trainAccuracy = correct / double(seen);
        report.trainCamError = annotatedSeen > 0 ? camErrorSum / double(annotatedSeen)
                                                 : std::numeric_limits<double>::quiet_NaN();
        return report;
    }

    /// Loss, accuracy and CAM error over `images` in eval mode (NaN where there is nothing to measure).
    Evaluation evaluate(const std::vector<TrainingImage>& images, const std::vector<AnnotationTarget>& targets)
    {
        Evaluation evaluation;
        if (images.empty())
            return evaluation;
        torch::NoGradGuard noGrad;
        m_network.module.train(false);
        std::vector<std::size_t> indices(images.size());
        for (std::size_t i = 0; i < indices.size(); ++i)
            indices[i] = i;
        double lossSum = 0;
        double correct = 0;
        double camErrorSum = 0;
        std::int64_t annotatedCount = 0;
        for (std::size_t start = 0; start < images.size(); start += m_batchSize) {
            const std::size_t count = std::min(m_batchSize, images.size() - start);
            Batch batch = makeBatch(images, targets, indices.data() + start, count, {}, m_params.inputSize, m_mapSize,
                                    m_mean, m_deviation, m_device);
            const at::Tensor activations = m_network.features(batch.input);
            const at::Tensor logits = m_network.head(activations);
            lossSum += at::nll_loss(logits.log_softmax(1), batch.labels, {}, at::Reduction::Sum).item<double>();
            correct += logits.argmax(1).eq(batch.labels).sum().item<double>();
            if (batch.annotatedCount > 0) {
                const at::Tensor errors = camErrorsOf(activations, logits, batch.targets);
                camErrorSum += errors.mul(batch.annotated).sum().item<double>();
                annotatedCount += batch.annotatedCount;
            }
        }
        m_network.module.train(true);
        evaluation.loss = lossSum / double(images.size());
        evaluation.accuracy = correct / double(images.size());
        if (annotatedCount > 0)
            evaluation.camError = camErrorSum / double(annotatedCount);
        return evaluation;
    }

    /// Saves on the CPU in eval mode, through a temporary file so a failure leaves no half-written model.
    Status save(const std::string& outputPath, const ModelMetadata& metadata)
    {
        m_network.module.train(false);
        for (auto& parameter : m_network.parameters)
            parameter.set_requires_grad(false);
        if (!m_device.is_cpu())
            m_network.module.to(torch::kCPU);
        std::error_code code;
        const std::filesystem::path target(outputPath);
        if (target.has_parent_path())
            std::filesystem::create_directories(target.parent_path(), code);
        const std::string temporary = outputPath + ".part";
        torch::jit::ExtraFilesMap extra{{"saliscope.json", metadata.toJson()}};
        try {
            m_network.module.save(temporary, extra);
        } catch (const std::exception& error) {
            std::filesystem::remove(temporary, code);
            return Error{"cannot write " + outputPath + ": " + std::string(error.what()).substr(0, 200)};
        }
        std::filesystem::rename(temporary, target, code);
        if (code) {
            std::filesystem::remove(temporary, code);
            return Error{"cannot write " + outputPath + ": " + code.message()};
        }
        return Ok{};
    }

private:
    /// The map size follows from the input size; probed once without touching the BN statistics.
    int probeMapSize()
    {
        torch::NoGradGuard noGrad;
        m_network.module.train(false);
        const at::Tensor probe = at::zeros({1, 3, m_params.inputSize, m_params.inputSize}, at::kFloat).to(m_device);
        const int size = int(m_network.features(probe).size(2));
        m_network.module.train(true);
        return size;
    }

    at::Tensor camErrorsOf(const at::Tensor& activations, const at::Tensor& logits, const at::Tensor& targets)
    {
        return camErrors(predictedClassCams(activations, logits, m_network.fcWeight, m_params.rectifiedCamInLoss),
                         targets);
    }

    const TrainParams& m_params;
    const torch::Device m_device;
    SmallCnn m_network;
    const at::Tensor m_mean;
    const at::Tensor m_deviation;
    const int m_mapSize;
    std::mt19937_64 m_random;
    const bool m_cyborg;
    const double m_alpha;
    const std::size_t m_batchSize;
    std::unique_ptr<torch::optim::Adam> m_optimiser;
};

Status checkInputs(const TrainParams& params, const std::vector<TrainingImage>& train,
                   const std::vector<TrainingImage>& validation, const std::string& outputPath)
{
    if (auto status = checkParams(params); !status)
        return status;
    if (train.empty())
        return Error{"no training images"};
    if (auto status = checkImages(train, "training", params); !status)
        return status;
    if (auto status = checkImages(validation, "validation", params); !status)
        return status;
    if (outputPath.empty())
        return Error{"no output path"};
    return Ok{};
}

/// The metadata saved with a trained model.
ModelMetadata trainedMetadata(const TrainParams& params)
{
    ModelMetadata metadata;
    metadata.inputWidth = params.inputSize;
    metadata.inputHeight = params.inputSize;
    metadata.classNames = params.classNames;
    metadata.positiveClass = params.positiveClass;
    metadata.architecture = "saliscope-smallcnn";
    metadata.loss = trainingLossName(params.loss);
    metadata.run = params.run >= 0 ? params.run : int(params.seed % 2147483648ULL);
    metadata.camLayer.clear(); // empty: the engine takes the features/head fast path
    return metadata;
}

} // namespace

Result<TrainReport> trainModel(const TrainParams& params, const std::vector<TrainingImage>& train,
                               const std::vector<TrainingImage>& validation, const std::string& outputPath,
                               TrainProgress& progress)
{
    if (auto status = checkInputs(params, train, validation, outputPath); !status)
        return Error{status.error()};
    TrainReport report;
    report.outputPath = outputPath;
    report.metadata = trainedMetadata(params);
    auto& metadata = report.metadata;

    try {
        torch::Device device{torch::kCPU};
        try {
            device = torch::Device(params.device);
        } catch (const std::exception&) {
            return Error{"unknown device '" + params.device + "'"};
        }
        Training training(params, metadata, device);
        report.parameterCount = training.parameterCount();
        report.threads = at::get_num_threads();
        report.mapSize = training.mapSize();
        const std::vector<AnnotationTarget> trainTargets = training.targets(train);
        const std::vector<AnnotationTarget> validationTargets = training.targets(validation);
        training.startOptimiser();
        for (int epoch = 1; epoch <= params.epochs; ++epoch) {
            auto epochReport = training.trainEpoch(epoch, train, trainTargets, progress);
            if (!epochReport)
                return Error{epochReport.error()};
            const Evaluation evaluation = training.evaluate(validation, validationTargets);
            epochReport->validationLoss = evaluation.loss;
            epochReport->validationAccuracy = evaluation.accuracy;
            epochReport->validationCamError = evaluation.camError;
            report.trainingSeconds += epochReport->seconds;
            report.epochs.push_back(epochReport.value());
            progress.epochDone(epochReport.value());
        }
        if (report.trainingSeconds > 0)
            report.imagesPerSecond = double(train.size()) * params.epochs / report.trainingSeconds;
        if (auto saved = training.save(outputPath, metadata); !saved)
            return Error{saved.error()};
        metadata.fromArchive = true;
    } catch (const c10::Error& error) {
        std::string message = error.what_without_backtrace();
        return Error{"training failed: " + message.substr(0, message.find('\n'))};
    } catch (const std::exception& error) {
        std::string message = error.what();
        return Error{"training failed: " + message.substr(0, message.find('\n'))};
    }
    return report;
}

} // namespace saliscope::engine
