// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The measures' maths as batched tensor operations on a model's device (docs/measures.md). Values stay
// on the device between calls; fetch() brings the per-image scalars of a batch back in one copy.
// Each operation matches its per-image CPU counterpart (entropy.h, ssim.h, cammaps.h, imageops.h,
// degradation.h); tst_devicemeasures states how closely. No LibTorch type appears here.

#include "core/engine/cammethod.h"
#include "core/engine/degradation.h"
#include "core/engine/image.h"
#include "core/engine/imageops.h"
#include "core/engine/result.h"
#include "core/engine/ssim.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace saliscope::engine {

class Model;
struct ImageBatch;

/// A batch held on a device: N images or maps (N x H x W x C uint8), N float CAMs (N x h x w) or
/// N scalars (float64). Copies share the same storage.
class DeviceArray final {
public:
    DeviceArray();
    ~DeviceArray();
    DeviceArray(const DeviceArray&);
    DeviceArray& operator=(const DeviceArray&);

    /// N, the batch size; 0 when empty.
    int count() const;
    bool empty() const;
    int width() const;  ///< W of images and maps, w of CAMs, 0 for scalars
    int height() const; ///< H of images and maps, h of CAMs, 0 for scalars

    struct Data;
    explicit DeviceArray(std::shared_ptr<Data> data);
    const Data& data() const;

private:
    std::shared_ptr<Data> d;
};

/// Grad-CAM of a batch on the device, and the per-image predictions derived from its logits.
struct DeviceCams final {
    DeviceArray cams;         ///< N x h x w float32, min-max normalised (torchcam), zeros where flat
    DeviceArray flat;         ///< 1 where max == min, else 0
    DeviceArray predicted;    ///< argmax of the logits
    DeviceArray sigmoidScore; ///< sigmoid(logit of the positive class)
    DeviceArray softmaxScore; ///< softmax probability of the positive class
};

/// Batched measure operations on one device ("cpu", "cuda", "cuda:N"). Not thread-safe: one
/// instance per thread. Every operation reports LibTorch failures as an Error.
class DeviceMeasures final {
public:
    /// An Error for an unknown device or CUDA requested where LibTorch sees none.
    static Result<std::unique_ptr<DeviceMeasures>> create(const std::string& device);
    ~DeviceMeasures();
    DeviceMeasures(const DeviceMeasures&) = delete;
    DeviceMeasures& operator=(const DeviceMeasures&) = delete;

    std::string deviceName() const;
    bool isCuda() const;

    /// Copies a batch of RGB images to the device (through pinned memory, asynchronously, on CUDA).
    Result<DeviceArray> upload(const ImageBatch& batch);
    /// Copies images or maps of one shape (any channel count) to the device.
    Result<DeviceArray> upload(const std::vector<ImageU8>& images);
    /// Copies float maps of one shape to the device, as a CAM batch.
    Result<DeviceArray> uploadCams(const std::vector<MapF32>& cams);
    /// Copies images or maps back (synchronises).
    Result<std::vector<ImageU8>> downloadImages(const DeviceArray& images);
    /// Copies CAMs back (synchronises).
    Result<std::vector<MapF32>> downloadCams(const DeviceArray& cams);
    /// Copies several scalar arrays back in one transfer (the batch's single synchronisation).
    Result<std::vector<std::vector<double>>> fetch(const std::vector<DeviceArray>& scalars);

    /// Maps of uint8 images by `method` on the model's device (the model must live on this device).
    Result<DeviceCams> cams(const Model& model, const DeviceArray& images, CamMethod method = CamMethod::GradCam);
    /// Forward pass only: the argmax of the logits, per image.
    Result<DeviceArray> predict(const Model& model, const DeviceArray& images);
    /// Forward pass only: the softmax probability of class classes[i] (a scalar array of class
    /// indices, e.g. DeviceCams::predicted) for each image i, as Prediction::softmax.
    Result<DeviceArray> classProbability(const Model& model, const DeviceArray& images, const DeviceArray& classes);

    /// quantizeMap() of each CAM: floor(255 * cam) in float32, one channel.
    Result<DeviceArray> quantize(const DeviceArray& cams);
    /// upscaleMap() of each 8-bit map: Pillow's bicubic resize as two matrix products of its
    /// fixed-point weights in float64 (every sum an exact integer, so the result is Pillow's).
    Result<DeviceArray> upscale(const DeviceArray& maps, int width, int height);
    /// histogramEntropy() of each map: bits and normalised bits.
    Result<std::pair<DeviceArray, DeviceArray>> histogramEntropy(const DeviceArray& maps);
    /// spatialEntropy() of each float CAM.
    Result<DeviceArray> spatialEntropy(const DeviceArray& cams);
    /// structuralSimilarity() of each pair of single-channel maps: integer window sums, skimage's
    /// formulas in float64; only the final mean is summed in another order than NumPy's.
    Result<DeviceArray> ssim(const DeviceArray& first, const DeviceArray& second, const SsimParams& params = {});
    /// applyTransform() of each image or map.
    Result<DeviceArray> transform(const DeviceArray& images, const Transform& transform);
    /// addSaltPepperNoise() of each image with the draw seed of its index, identical to the CPU's.
    /// The counter generator draws every value of the batch on the device at once; the sequential
    /// one draws each image's flips on the host (saltPepperCodes) and applies them on the device.
    Result<DeviceArray> saltPepper(const DeviceArray& images, double amount,
                                   const std::vector<std::uint64_t>& drawSeeds, double saltVsPepper = 0.5,
                                   NoiseGenerator generator = NoiseGenerator::Counter);
    /// The salt-and-pepper codes of one sequential draw, made on the CPU: 255 salt, 0 pepper, 1 unchanged.
    static std::vector<std::uint8_t> saltPepperCodes(int width, int height, int channels, double amount,
                                                     std::uint64_t drawSeed, double saltVsPepper);
    /// Applies codes made by saltPepperCodes() (N images, concatenated) to the images on the device.
    Result<DeviceArray> applySaltPepperCodes(const DeviceArray& images, const std::vector<std::uint8_t>& codes);
    /// degradeBySalience() of each image guided by its map (single channel, image size or smaller):
    /// the guide's smoothing and levels are exact (scipy's order of float64 operations); each
    /// level's blur is two matrix products of the whole batch (rows, then columns; scipy's reflected
    /// border folded into the matrices) in float64 (float32 after setFastBlur(true)), summed in
    /// another order than scipy's, so a pass can truncate to one grey level less or more: 0.4% of
    /// the values of the test faces differ (1.9% in float32; a float32 blur also follows the
    /// process's TF32 setting, which a tf32 model turns on), by at most 2.
    Result<DeviceArray> degrade(const DeviceArray& images, const DeviceArray& maps, DegradationMode mode,
                                const DegradationParams& params = {});
    /// Share of each map's salience inside its annotation (values > 127); NaN where the map sums to 0.
    Result<DeviceArray> annotationMass(const DeviceArray& maps, const DeviceArray& annotations);

    /// Blur the degradation's levels in float32 (faster on GPUs, 1.9% of values off by one or two
    /// grey levels) instead of float64 (0.4%).
    void setFastBlur(bool fast);

    /// Waits for the device's queued work (for timing).
    void synchronize();
    /// Returns cached device memory to the driver (CUDA); nothing on the CPU.
    static void releaseCachedMemory();
    /// Free and total memory of a CUDA device in bytes; {0, 0} where unknown (CPU, or a build without CUDA).
    static std::pair<std::uint64_t, std::uint64_t> deviceMemory(const std::string& device);

private:
    struct Impl;
    explicit DeviceMeasures(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace saliscope::engine
