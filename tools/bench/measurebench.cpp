// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-bench measures: images/s of each measure with all its maths on the model's device
// (devicemeasures.h), against the forward and Grad-CAM rates of the same model and batch.
// Synthetic uint8 batches held on the host stand in for cached images; every iteration uploads
// its batch and ends with one fetch of the per-image scalars.

#include "tools/bench/benchmodes.h"

#include "core/engine/devicemeasures.h"
#include "core/engine/model.h"
#include "core/engine/runtime.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace saliscope::engine;

struct MeasureBenchOptions {
    std::vector<std::string> models;
    std::string device = "cpu";
    std::string precision = "fp32";
    std::vector<std::string> measures{"entropy",           "noise-draws", "noise",     "transforms",
                                      "degradation-blurs", "degradation", "stability", "all"};
    int batch = 16;
    int iterations = 3;
    int warmup = 1;
    int threads = 0;
    int stabilityModels = 3;
    MemoryLayout layout = MemoryLayout::Automatic;
    bool json = false;
    bool precisionCheck = false;
    bool fastBlur = false;
    NoiseGenerator noiseGenerator = NoiseGenerator::Counter;
};

void usage()
{
    std::cout
        << "usage: " << saliscope::bench::programName()
        << " measures --model M.pt [--model M2.pt ...] [--device cpu|cuda]\n"
           "                       [--batch N] [--precision fp32|fp16|bf16] [--channels-last|--contiguous]\n"
           "                       [--measures entropy,noise-draws,noise,transforms,degradation-blurs,degradation,\n"
           "                                   stability,all]\n"
           "                       [--stability-models K] [--iterations N] [--warmup N] [--threads N]\n"
           "                       [--precision-check] [--fast-blur] [--noise-generator counter|sequential] [--json]\n"
           "Images/s of each measure with its maths on the device, the forward passes (Grad-CAMs) per\n"
           "second that makes, and the ratio to the Grad-CAM and forward rates times those passes.\n"
           "Stability uses the --model files in turn, reusing them up to K models. `all` runs every measure\n"
           "on one clean pass: 1 + levels + 12 + 2 + (K - 1) passes. `noise-draws` times the noisy copies\n"
           "alone (every level, no Grad-CAM): images/s whose copies were drawn; `degradation-blurs` the\n"
           "degradation's two blurred copies alone, guided by maps made before timing.\n"
           "--precision-check: CAMs of fp16, bf16 and channels-last against fp32 on one batch.\n"
           "--fast-blur: the degradation's level blurs in float32 instead of float64.\n"
           "--noise-generator: counter (the default: drawn on the device) or sequential (drawn on the host).\n";
}

/// One timed workload: a name, the forward passes (Grad-CAMs) one image needs, and one batch's run.
struct Workload {
    std::string name;
    int passes = 1;
    std::function<Status()> run;
};

struct Timing {
    std::string name;
    int passes = 1;
    double imagesPerSecond = 0;
};

Result<double> timeWorkload(const MeasureBenchOptions& options, const Workload& workload, DeviceMeasures& device)
{
    for (int i = 0; i < options.warmup; ++i)
        if (auto status = workload.run(); !status)
            return Error{workload.name + ": " + status.error()};
    device.synchronize();
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < options.iterations; ++i)
        if (auto status = workload.run(); !status)
            return Error{workload.name + ": " + status.error()};
    device.synchronize();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return options.batch * double(options.iterations) / seconds;
}

/// Unwraps a Result inside a workload, returning its Error from the enclosing lambda.
#define BENCH_TRY(var, expr)               \
    auto var##Result = (expr);             \
    if (!var##Result)                      \
        return Error{var##Result.error()}; \
    auto var = std::move(var##Result).value()

class MeasureWorkloads final {
public:
    MeasureWorkloads(const MeasureBenchOptions& options, DeviceMeasures& device, std::vector<const Model*> models,
                     const ImageBatch& batch)
        : m_options(options), m_device(device), m_models(std::move(models)), m_batch(batch)
    {
        for (int i = 0; i < batch.count; ++i)
            m_keys.push_back(std::uint64_t(i) * 7919u + 13u);
    }

    const Model& model() const { return *m_models.front(); }

    Status forward()
    {
        BENCH_TRY(images, m_device.upload(m_batch));
        BENCH_TRY(predicted, m_device.predict(model(), images));
        return fetch({predicted});
    }

    Status gradCam()
    {
        BENCH_TRY(images, m_device.upload(m_batch));
        BENCH_TRY(cams, m_device.cams(model(), images));
        BENCH_TRY(small, m_device.quantize(cams.cams));
        return fetch({cams.predicted, cams.flat});
    }

    Status entropy() { return measure(&MeasureWorkloads::queueEntropy); }
    Status noise() { return measure(&MeasureWorkloads::queueNoise); }
    Status transforms() { return measure(&MeasureWorkloads::queueTransforms); }
    Status degradation() { return measure(&MeasureWorkloads::queueDegradation); }
    Status stability() { return measure(&MeasureWorkloads::queueStability); }

    /// The degradation's blurs alone: both modes of the batch guided by its clean maps (made once,
    /// before timing), no Grad-CAM of the degraded images.
    Status degradationBlurs()
    {
        BENCH_TRY(images, m_device.upload(m_batch));
        if (m_guides.empty()) {
            BENCH_TRY(clean, cleanPass(images));
            m_guides = clean.upscaled;
        }
        for (auto mode : {DegradationMode::Background, DegradationMode::Object}) {
            BENCH_TRY(degraded, m_device.degrade(images, m_guides, mode));
            (void)degraded;
        }
        return Ok{};
    }

    /// The noise draws alone: every level's salt-and-pepper copy of the batch, no Grad-CAM.
    Status noiseDraws()
    {
        BENCH_TRY(images, m_device.upload(m_batch));
        const NoiseParams params;
        for (double level : params.levels) {
            BENCH_TRY(noisy,
                      m_device.saltPepper(images, level, drawSeeds(params, level), params.saltVsPepper,
                                          m_options.noiseGenerator));
            (void)noisy;
        }
        return Ok{};
    }

    /// `measure all`: every measure of one batch sharing the clean pass, one fetch.
    Status all()
    {
        BENCH_TRY(images, m_device.upload(m_batch));
        BENCH_TRY(clean, cleanPass(images));
        std::vector<DeviceArray> scalars;
        for (auto queue :
             {&MeasureWorkloads::queueEntropy, &MeasureWorkloads::queueNoise, &MeasureWorkloads::queueTransforms,
              &MeasureWorkloads::queueDegradation, &MeasureWorkloads::queueStability})
            if (auto status = (this->*queue)(images, clean, scalars); !status)
                return status;
        return fetch(scalars);
    }

private:
    /// The clean pass: Grad-CAM, its 8-bit map and the upscaled map.
    struct Clean {
        DeviceCams cams;
        DeviceArray small;
        DeviceArray upscaled;
    };
    using Queue = Status (MeasureWorkloads::*)(const DeviceArray&, const Clean&, std::vector<DeviceArray>&);

    Result<Clean> cleanPass(const DeviceArray& images)
    {
        BENCH_TRY(cams, m_device.cams(model(), images));
        BENCH_TRY(small, m_device.quantize(cams.cams));
        BENCH_TRY(upscaled, m_device.upscale(small, m_batch.width, m_batch.height));
        return Clean{cams, small, upscaled};
    }

    /// One batch of one measure: upload, clean pass, the measure's work, one fetch.
    Status measure(Queue queue)
    {
        BENCH_TRY(images, m_device.upload(m_batch));
        BENCH_TRY(clean, cleanPass(images));
        std::vector<DeviceArray> scalars{clean.cams.predicted, clean.cams.sigmoidScore, clean.cams.flat};
        if (auto status = (this->*queue)(images, clean, scalars); !status)
            return status;
        return fetch(scalars);
    }

    Status queueEntropy(const DeviceArray&, const Clean& clean, std::vector<DeviceArray>& scalars)
    {
        BENCH_TRY(histogram, m_device.histogramEntropy(clean.small));
        BENCH_TRY(spatial, m_device.spatialEntropy(clean.cams.cams));
        scalars.insert(scalars.end(), {histogram.first, histogram.second, spatial});
        return Ok{};
    }

    std::vector<std::uint64_t> drawSeeds(const NoiseParams& params, double level) const
    {
        std::vector<std::uint64_t> seeds;
        for (auto key : m_keys)
            seeds.push_back(noiseDrawSeed(params.seed, key, level));
        return seeds;
    }

    Status queueNoise(const DeviceArray& images, const Clean& clean, std::vector<DeviceArray>& scalars)
    {
        const NoiseParams params;
        for (double level : params.levels) {
            BENCH_TRY(noisy,
                      m_device.saltPepper(images, level, drawSeeds(params, level), params.saltVsPepper,
                                          m_options.noiseGenerator));
            BENCH_TRY(cams, m_device.cams(model(), noisy));
            BENCH_TRY(small, m_device.quantize(cams.cams));
            BENCH_TRY(upscaled, m_device.upscale(small, m_batch.width, m_batch.height));
            BENCH_TRY(histogram, m_device.histogramEntropy(small));
            BENCH_TRY(ssimSmall, m_device.ssim(small, clean.small));
            BENCH_TRY(ssimUpscaled, m_device.ssim(upscaled, clean.upscaled));
            scalars.insert(scalars.end(),
                           {cams.sigmoidScore, cams.predicted, histogram.second, ssimSmall, ssimUpscaled, cams.flat});
        }
        return Ok{};
    }

    Status queueTransforms(const DeviceArray& images, const Clean& clean, std::vector<DeviceArray>& scalars)
    {
        for (const auto& transform : standardTransforms(m_batch.width)) {
            BENCH_TRY(moved, m_device.transform(images, transform));
            BENCH_TRY(cams, m_device.cams(model(), moved));
            BENCH_TRY(small, m_device.quantize(cams.cams));
            BENCH_TRY(upscaled, m_device.upscale(small, m_batch.width, m_batch.height));
            BENCH_TRY(expected, m_device.transform(clean.upscaled, transform));
            BENCH_TRY(similarity, m_device.ssim(upscaled, expected));
            scalars.insert(scalars.end(), {similarity, cams.sigmoidScore, cams.predicted, cams.flat});
        }
        return Ok{};
    }

    Status queueDegradation(const DeviceArray& images, const Clean& clean, std::vector<DeviceArray>& scalars)
    {
        for (auto mode : {DegradationMode::Background, DegradationMode::Object}) {
            BENCH_TRY(degraded, m_device.degrade(images, clean.upscaled, mode));
            BENCH_TRY(cams, m_device.cams(model(), degraded));
            BENCH_TRY(small, m_device.quantize(cams.cams));
            BENCH_TRY(upscaled, m_device.upscale(small, m_batch.width, m_batch.height));
            BENCH_TRY(similarity, m_device.ssim(upscaled, clean.upscaled));
            scalars.insert(scalars.end(), {cams.sigmoidScore, cams.predicted, similarity, cams.flat});
        }
        return Ok{};
    }

    /// K models' maps (the first is the clean pass) and the SSIM of every pair.
    Status queueStability(const DeviceArray& images, const Clean& clean, std::vector<DeviceArray>& scalars)
    {
        std::vector<DeviceArray> maps{clean.small};
        for (int k = 1; k < m_options.stabilityModels; ++k) {
            const Model& member = *m_models[std::size_t(k) % m_models.size()];
            BENCH_TRY(cams, m_device.cams(member, images));
            BENCH_TRY(small, m_device.quantize(cams.cams));
            maps.push_back(small);
        }
        for (std::size_t a = 0; a < maps.size(); ++a)
            for (std::size_t b = a + 1; b < maps.size(); ++b) {
                BENCH_TRY(similarity, m_device.ssim(maps[a], maps[b]));
                scalars.push_back(similarity);
            }
        return Ok{};
    }

    Status fetch(const std::vector<DeviceArray>& scalars)
    {
        BENCH_TRY(values, m_device.fetch(scalars));
        for (const auto& column : values)
            if (column.size() != std::size_t(m_batch.count))
                return Error{"a fetched column has the wrong length"};
        return Ok{};
    }

    const MeasureBenchOptions& m_options;
    DeviceMeasures& m_device;
    std::vector<const Model*> m_models;
    const ImageBatch& m_batch;
    std::vector<std::uint64_t> m_keys;
    DeviceArray m_guides; // the clean maps degradationBlurs() uses
};

Result<std::unique_ptr<Model>> loadModel(const std::string& path, const std::string& device, Precision precision,
                                         MemoryLayout layout)
{
    ModelLoadOptions load;
    load.device = device;
    load.precision = precision;
    load.layout = layout;
    return Model::load(path, load);
}

struct PrecisionComparison {
    std::string variant;
    double maxCamDifference = 0;
    std::int64_t differingMapValues = 0;
    std::int64_t mapValues = 0;
    int predictionChanges = 0;
};

/// CAMs of each lower-precision or channels-last variant of the first model against fp32, on one batch.
Result<std::vector<PrecisionComparison>> comparePrecisions(const MeasureBenchOptions& options, DeviceMeasures& device,
                                                           const ImageBatch& batch)
{
    struct Variant {
        std::string name;
        Precision precision;
        bool channelsLast;
    };
    std::vector<Variant> variants{{"fp32+channels-last", Precision::Float32, true},
                                  {"bf16", Precision::BFloat16, false},
                                  {"bf16+channels-last", Precision::BFloat16, true}};
    if (device.isCuda()) {
        variants.push_back({"tf32", Precision::TensorFloat32, false});
        variants.push_back({"fp16", Precision::Float16, false});
        variants.push_back({"fp16+channels-last", Precision::Float16, true});
    }
    auto camsOf =
        [&](Precision precision,
            bool channelsLast) -> Result<std::tuple<std::vector<MapF32>, std::vector<ImageU8>, std::vector<double>>> {
        BENCH_TRY(model,
                  loadModel(options.models.front(), options.device, precision,
                            channelsLast ? MemoryLayout::ChannelsLast : MemoryLayout::Contiguous));
        BENCH_TRY(images, device.upload(batch));
        BENCH_TRY(cams, device.cams(*model, images));
        BENCH_TRY(small, device.quantize(cams.cams));
        BENCH_TRY(hostCams, device.downloadCams(cams.cams));
        BENCH_TRY(hostMaps, device.downloadImages(small));
        BENCH_TRY(predicted, device.fetch({cams.predicted}));
        return std::make_tuple(std::move(hostCams), std::move(hostMaps), std::move(predicted.front()));
    };
    BENCH_TRY(reference, camsOf(Precision::Float32, false));
    std::vector<PrecisionComparison> out;
    for (const auto& variant : variants) {
        BENCH_TRY(other, camsOf(variant.precision, variant.channelsLast));
        PrecisionComparison comparison{variant.name};
        for (std::size_t i = 0; i < std::get<0>(reference).size(); ++i) {
            const auto& a = std::get<0>(reference)[i].values;
            const auto& b = std::get<0>(other)[i].values;
            for (std::size_t p = 0; p < a.size(); ++p)
                comparison.maxCamDifference = std::max(comparison.maxCamDifference, double(std::fabs(a[p] - b[p])));
            const auto& ma = std::get<1>(reference)[i].pixels;
            const auto& mb = std::get<1>(other)[i].pixels;
            for (std::size_t p = 0; p < ma.size(); ++p)
                comparison.differingMapValues += ma[p] != mb[p];
            comparison.mapValues += std::int64_t(ma.size());
            comparison.predictionChanges += std::get<2>(reference)[i] != std::get<2>(other)[i];
        }
        out.push_back(comparison);
    }
    return out;
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, ','))
        if (!part.empty())
            parts.push_back(part == "transform" ? "transforms" : part);
    return parts;
}

} // namespace

int saliscope::bench::runMeasureBench(int argc, char** argv)
{
    MeasureBenchOptions options;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << saliscope::bench::programName() << " measures: " << arg << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        try {
            if (arg == "--model")
                options.models.push_back(next());
            else if (arg == "--device")
                options.device = next();
            else if (arg == "--precision")
                options.precision = next();
            else if (arg == "--batch")
                options.batch = std::stoi(next());
            else if (arg == "--iterations")
                options.iterations = std::stoi(next());
            else if (arg == "--warmup")
                options.warmup = std::stoi(next());
            else if (arg == "--threads")
                options.threads = std::stoi(next());
            else if (arg == "--stability-models")
                options.stabilityModels = std::stoi(next());
            else if (arg == "--measures")
                options.measures = splitList(next());
            else if (arg == "--channels-last")
                options.layout = MemoryLayout::ChannelsLast;
            else if (arg == "--contiguous")
                options.layout = MemoryLayout::Contiguous;
            else if (arg == "--precision-check")
                options.precisionCheck = true;
            else if (arg == "--fast-blur")
                options.fastBlur = true;
            else if (arg == "--noise-generator") {
                const std::string name = next();
                if (name != "counter" && name != "sequential") {
                    std::cerr << saliscope::bench::programName()
                              << " measures: --noise-generator is counter or sequential\n";
                    return 2;
                }
                options.noiseGenerator = name == "counter" ? NoiseGenerator::Counter : NoiseGenerator::Sequential;
            } else if (arg == "--json")
                options.json = true;
            else if (arg == "--help" || arg == "-h") {
                usage();
                return 0;
            } else {
                std::cerr << saliscope::bench::programName() << " measures: unknown argument " << arg << "\n";
                return 2;
            }
        } catch (const std::exception&) {
            std::cerr << saliscope::bench::programName() << " measures: " << arg << " needs a number\n";
            return 2;
        }
    }
    const auto precision = parsePrecision(options.precision);
    if (options.models.empty() || !precision || options.batch < 1 || options.iterations < 1 || options.warmup < 0
        || options.stabilityModels < 2) {
        usage();
        return 2;
    }
    for (const auto& measure : options.measures)
        if (measure != "entropy" && measure != "noise" && measure != "noise-draws" && measure != "transforms"
            && measure != "degradation-blurs" && measure != "degradation" && measure != "stability"
            && measure != "all") {
            std::cerr << saliscope::bench::programName() << " measures: unknown measure " << measure << "\n";
            return 2;
        }
    configureThreads(options.threads);
    std::vector<std::unique_ptr<Model>> models;
    for (const auto& path : options.models) {
        auto model = loadModel(path, options.device, *precision, options.layout);
        if (!model) {
            std::cerr << saliscope::bench::programName() << " measures: " << model.error() << "\n";
            return 1;
        }
        models.push_back(std::move(model).value());
    }
    auto device = DeviceMeasures::create(options.device);
    if (!device) {
        std::cerr << saliscope::bench::programName() << " measures: " << device.error() << "\n";
        return 1;
    }
    device.value()->setFastBlur(options.fastBlur);
    const auto& metadata = models.front()->metadata();
    for (const auto& model : models)
        if (model->metadata().inputWidth != metadata.inputWidth
            || model->metadata().inputHeight != metadata.inputHeight) {
            std::cerr << saliscope::bench::programName() << " measures: the models take different input sizes\n";
            return 2;
        }
    ImageBatch batch{options.batch, metadata.inputWidth, metadata.inputHeight, {}};
    batch.pixels.resize(std::size_t(batch.count) * batch.width * batch.height * 3);
    std::mt19937 random(7);
    for (auto& p : batch.pixels)
        p = std::uint8_t(random() & 0xff);

    std::vector<const Model*> members;
    for (const auto& model : models)
        members.push_back(model.get());
    MeasureWorkloads workloads(options, *device.value(), members, batch);
    std::vector<Workload> list{{"forward", 1, [&] { return workloads.forward(); }},
                               {"gradcam", 1, [&] { return workloads.gradCam(); }}};
    for (const auto& measure : options.measures) {
        if (measure == "entropy")
            list.push_back({measure, 1, [&] { return workloads.entropy(); }});
        else if (measure == "noise")
            list.push_back({measure, 1 + int(NoiseParams().levels.size()), [&] { return workloads.noise(); }});
        else if (measure == "noise-draws")
            list.push_back({measure, 0, [&] { return workloads.noiseDraws(); }});
        else if (measure == "transforms")
            list.push_back(
                {measure, 1 + int(standardTransforms(batch.width).size()), [&] { return workloads.transforms(); }});
        else if (measure == "degradation-blurs")
            list.push_back({measure, 0, [&] { return workloads.degradationBlurs(); }});
        else if (measure == "degradation")
            list.push_back({measure, 3, [&] { return workloads.degradation(); }});
        else if (measure == "stability")
            list.push_back({measure, options.stabilityModels, [&] { return workloads.stability(); }});
        else if (measure == "all")
            list.push_back({measure,
                            int(NoiseParams().levels.size() + standardTransforms(batch.width).size()) + 2
                                + options.stabilityModels,
                            [&] { return workloads.all(); }});
    }
    std::vector<Timing> timings;
    for (const auto& workload : list) {
        auto rate = timeWorkload(options, workload, *device.value());
        if (!rate) {
            std::cerr << saliscope::bench::programName() << " measures: " << rate.error() << "\n";
            return 1;
        }
        timings.push_back({workload.name, workload.passes, rate.value()});
        if (!options.json)
            std::fflush(stdout);
    }
    std::vector<PrecisionComparison> comparisons;
    if (options.precisionCheck) {
        auto compared = comparePrecisions(options, *device.value(), batch);
        if (!compared) {
            std::cerr << saliscope::bench::programName() << " measures: precision check: " << compared.error() << "\n";
            return 1;
        }
        comparisons = compared.value();
    }
    DeviceMeasures::releaseCachedMemory();

    const double forwardRate = timings[0].imagesPerSecond;
    const double gradCamRate = timings[1].imagesPerSecond;
    if (options.json) {
        std::printf("{\"model\": \"%s\", \"device\": \"%s\", \"precision\": \"%s\", \"batch\": %d, \"threads\": %d, "
                    "\"channels_last\": %s, \"fast_blur\": %s, \"noise_generator\": \"%s\", \"measures\": [",
                    options.models.front().c_str(), device.value()->deviceName().c_str(), precisionName(*precision),
                    options.batch, threadCount(), models.front()->channelsLast() ? "true" : "false",
                    options.fastBlur ? "true" : "false", noiseGeneratorName(options.noiseGenerator));
        for (std::size_t i = 0; i < timings.size(); ++i) {
            const auto& t = timings[i];
            std::printf("%s{\"name\": \"%s\", \"passes\": %d, \"images_per_s\": %.3f, \"passes_per_s\": %.2f, "
                        "\"ratio_to_gradcam\": %.4f, \"ratio_to_forward\": %.4f}",
                        i ? ", " : "", t.name.c_str(), t.passes, t.imagesPerSecond, t.imagesPerSecond * t.passes,
                        t.imagesPerSecond * t.passes / gradCamRate, t.imagesPerSecond * t.passes / forwardRate);
        }
        std::printf("], \"precision_check\": [");
        for (std::size_t i = 0; i < comparisons.size(); ++i) {
            const auto& c = comparisons[i];
            std::printf("%s{\"variant\": \"%s\", \"max_cam_difference\": %.6g, \"differing_map_values\": %lld, "
                        "\"map_values\": %lld, \"prediction_changes\": %d}",
                        i ? ", " : "", c.variant.c_str(), c.maxCamDifference, (long long)c.differingMapValues,
                        (long long)c.mapValues, c.predictionChanges);
        }
        std::printf("]}\n");
        return 0;
    }
    std::printf("model      %s (%s), %d model file(s)\n", options.models.front().c_str(),
                modelKindName(models.front()->kind()), int(models.size()));
    std::printf("device     %s, %s, batch %d, %d threads%s, %s noise, %s blur\n", device.value()->deviceName().c_str(),
                precisionName(*precision), options.batch, threadCount(),
                models.front()->channelsLast() ? ", channels-last" : ", contiguous",
                noiseGeneratorName(options.noiseGenerator), options.fastBlur ? "float32" : "float64");
    const auto [freeBytes, totalBytes] = DeviceMeasures::deviceMemory(options.device);
    if (totalBytes > 0)
        std::printf("memory     %.1f of %.1f GiB free after the run (cache released)\n", double(freeBytes) / (1 << 30),
                    double(totalBytes) / (1 << 30));
    std::printf("%-12s %8s %12s %14s %10s %10s\n", "workload", "passes", "images/s", "passes/s", "/gradcam",
                "/forward");
    for (const auto& t : timings)
        std::printf("%-12s %8d %12.2f %14.2f %10.3f %10.3f\n", t.name.c_str(), t.passes, t.imagesPerSecond,
                    t.imagesPerSecond * t.passes, t.imagesPerSecond * t.passes / gradCamRate,
                    t.imagesPerSecond * t.passes / forwardRate);
    for (const auto& c : comparisons)
        std::printf("precision  %-20s max |CAM - fp32 CAM| %.3g, 8-bit map values differing %lld of %lld (%.3f%%), "
                    "predictions changed %d of %d\n",
                    c.variant.c_str(), c.maxCamDifference, (long long)c.differingMapValues, (long long)c.mapValues,
                    c.mapValues ? 100.0 * double(c.differingMapValues) / double(c.mapValues) : 0.0, c.predictionChanges,
                    options.batch);
    return 0;
}
