// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/devicemeasures.h"
#include "core/engine/filterweights.h"

#include "core/engine/model.h"
#include "core/engine/modeltensors.h"
#include "core/engine/numpycompat.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/torch.h>

#ifdef SALISCOPE_TORCH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#endif

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <tuple>
#include <sstream>

namespace saliscope::engine {

using torch::indexing::Slice;

struct DeviceArray::Data final {
    at::Tensor tensor; // N x H x W x C uint8, N x h x w float32, or N float64
    // noiseRoundTrip() of the images, made by the first noise draw and reused by every level's.
    mutable at::Tensor roundTripped;
};

DeviceArray::DeviceArray() = default;
DeviceArray::~DeviceArray() = default;
DeviceArray::DeviceArray(const DeviceArray&) = default;
DeviceArray& DeviceArray::operator=(const DeviceArray&) = default;
DeviceArray::DeviceArray(std::shared_ptr<Data> data) : d(std::move(data)) {}
const DeviceArray::Data& DeviceArray::data() const { return *d; }
int DeviceArray::count() const { return d && d->tensor.defined() ? int(d->tensor.size(0)) : 0; }
bool DeviceArray::empty() const { return count() == 0; }
int DeviceArray::width() const { return d && d->tensor.dim() >= 3 ? int(d->tensor.size(2)) : 0; }
int DeviceArray::height() const { return d && d->tensor.dim() >= 3 ? int(d->tensor.size(1)) : 0; }

namespace {

DeviceArray wrap(at::Tensor tensor)
{
    return DeviceArray(std::make_shared<DeviceArray::Data>(DeviceArray::Data{std::move(tensor)}));
}

const at::Tensor& tensorOf(const DeviceArray& array)
{
    static const at::Tensor undefined;
    return array.empty() ? undefined : array.data().tensor;
}

std::string torchError(const std::exception& error)
{
    const auto* c10Error = dynamic_cast<const c10::Error*>(&error);
    const std::string text = c10Error ? c10Error->what_without_backtrace() : error.what();
    // A TorchScript interpreter's error starts with "The following operation failed ..." and
    // ends with the model's own words ("builtins.RuntimeError: ..."): those are the message.
    std::istringstream stream(text);
    std::string line, last;
    while (std::getline(stream, line))
        if (line.find("Error: ") != std::string::npos)
            last = line;
    return last.empty() ? text.substr(0, text.find('\n')) : last;
}

/// Runs `body`, turning LibTorch exceptions into an Error prefixed with the operation's name.
template <typename Body> auto guarded(const char* operation, Body&& body) -> Result<decltype(body())>
{
    try {
        return body();
    } catch (const std::exception& error) {
        return Error{std::string(operation) + " on the device failed: " + torchError(error)};
    }
}

Status needImages(const DeviceArray& array, const char* what)
{
    if (array.empty() || tensorOf(array).dim() != 4 || tensorOf(array).scalar_type() != at::kByte)
        return Error{std::string(what) + " needs a non-empty batch of 8-bit images or maps"};
    return Ok{};
}

Status needSingleChannel(const DeviceArray& array, const char* what)
{
    if (auto status = needImages(array, what); !status)
        return status;
    if (tensorOf(array).size(3) != 1)
        return Error{std::string(what) + " needs single-channel maps"};
    return Ok{};
}

Status needCams(const DeviceArray& array, const char* what)
{
    if (array.empty() || tensorOf(array).dim() != 3 || tensorOf(array).scalar_type() != at::kFloat)
        return Error{std::string(what) + " needs a non-empty batch of float CAMs"};
    return Ok{};
}

// --- Pillow's resampling weights (filterweights.h, shared with pillowresize.cpp) ---

/// outSize x inSize matrix of Pillow's fixed-point bicubic weights (integers stored as float64).
at::Tensor bicubicWeights(int inSize, int outSize)
{
    const AxisCoefficients c = pillowCoefficients(inSize, outSize, ResizeFilter::Bicubic);
    at::Tensor matrix = at::zeros({outSize, inSize}, at::kDouble);
    auto m = matrix.accessor<double, 2>();
    for (int xx = 0; xx < outSize; ++xx)
        for (int x = 0; x < c.count[std::size_t(xx)]; ++x)
            m[xx][c.first[std::size_t(xx)] + x] = double(c.weights[std::size_t(xx) * c.kernelSize + x]);
    return matrix;
}

/// Pillow's rounding of a fixed-point sum: (sum + 2^21) >> 22, clipped to 0..255 (exact in float64).
at::Tensor pillowRound(const at::Tensor& sums)
{
    const double half = double(1 << (PillowPrecisionBits - 1));
    const double one = double(1 << PillowPrecisionBits);
    return at::floor((sums + half) / one).clamp(0.0, 255.0);
}

// --- scipy's Gaussian filter (gaussianWeights and reflectIndex from filterweights.h) ---

/// Small constant tensors made once on the host and kept on the device, so that no operation
/// copies from pageable host memory (a synchronising copy on CUDA) after the first batch.
class DeviceTables final {
public:
    explicit DeviceTables(const at::Device& device) : m_device(device) {}

    /// Indices -radius .. n-1+radius of scipy's "reflect" extension, as a long tensor.
    const at::Tensor& reflectIndices(int n, int radius)
    {
        at::Tensor& cached = m_reflect[{n, radius}];
        if (!cached.defined()) {
            std::vector<std::int64_t> indices(std::size_t(n + 2 * radius));
            for (int i = -radius; i < n + radius; ++i)
                indices[std::size_t(i + radius)] = reflectIndex(i, n);
            cached = torch::tensor(indices, at::kLong).to(m_device);
        }
        return cached;
    }

    /// The blur of one axis of length n by gaussianWeights(sigma) as an n x n matrix in `type`:
    /// row i holds the weight of each input in output i, scipy's reflected border folded in (taps
    /// that land on the same input add up), so one matrix product blurs that axis.
    const at::Tensor& blurMatrix(double sigma, const std::vector<double>& weights, int n, at::ScalarType type)
    {
        at::Tensor& cached = m_blurMatrices[{sigma, n, int(type)}];
        if (!cached.defined()) {
            const int radius = int(weights.size() / 2);
            at::Tensor matrix = at::zeros({n, n}, at::kDouble);
            auto m = matrix.accessor<double, 2>();
            for (int i = 0; i < n; ++i)
                for (int k = -radius; k <= radius; ++k)
                    m[i][reflectIndex(i + k, n)] += weights[std::size_t(k + radius)];
            cached = matrix.to(type).to(m_device);
        }
        return cached;
    }

private:
    at::Device m_device;
    std::map<std::pair<int, int>, at::Tensor> m_reflect;
    std::map<std::tuple<double, int, int>, at::Tensor> m_blurMatrices;
};

/// scipy's correlate1d of float64 values along `dim` in its order of operations, each step
/// rounded on its own: in[0]*w[0], then += (in[-j] + in[j]) * w[j] for j = radius .. 1.
at::Tensor correlateExact(DeviceTables& tables, const at::Tensor& values, int dim, const std::vector<double>& weights)
{
    const int radius = int(weights.size() / 2);
    const int n = int(values.size(dim));
    const at::Tensor padded = values.index_select(dim, tables.reflectIndices(n, radius));
    auto shifted = [&](int offset) { return padded.narrow(dim, radius + offset, n); };
    at::Tensor sum = shifted(0) * weights[std::size_t(radius)];
    for (int j = radius; j >= 1; --j)
        sum = sum + (shifted(-j) + shifted(j)) * weights[std::size_t(radius + j)];
    return sum;
}

/// gaussianFilterU8 of N x H x W x C uint8 (axis 0 then axis 1, each pass truncated), bit-exact.
at::Tensor gaussianExact(DeviceTables& tables, const at::Tensor& images, double sigma)
{
    if (!(sigma > 1e-15))
        return images;
    const std::vector<double> weights = gaussianWeights(sigma);
    at::Tensor x = images.to(at::kDouble);
    x = at::trunc(correlateExact(tables, x, 1, weights));
    x = at::trunc(correlateExact(tables, x, 2, weights));
    return x.to(at::kByte);
}

/// Output rows of one blur pass per matrix product: few enough that a small radius skips most of
/// the zeros of the blur matrix, many enough that each product stays large.
constexpr std::int64_t BlurBlock = 32;

/// One pass of the blur along the first axis of `rowsByColumns` (n x M), output rows
/// [first, last) only: out = matrix[first:last] x input, computed block by block over the band
/// that holds each block's weights. Output rows [begin, end) draw only on inputs
/// [begin - radius, end + radius) (the reflected border folds into [0, radius) and
/// [n - radius, n)), so the zeros outside that band are never multiplied.
at::Tensor bandedRowsPass(const at::Tensor& matrix, const at::Tensor& rowsByColumns, int radius, std::int64_t first,
                          std::int64_t last)
{
    const std::int64_t n = rowsByColumns.size(0);
    at::Tensor out = at::empty({last - first, rowsByColumns.size(1)}, rowsByColumns.options());
    for (std::int64_t begin = first; begin < last; begin += BlurBlock) {
        const std::int64_t end = std::min(last, begin + BlurBlock);
        const std::int64_t low = std::max<std::int64_t>(0, begin - radius);
        const std::int64_t high = std::min(n, end + radius);
        at::Tensor block = out.narrow(0, begin - first, end - begin);
        at::mm_out(block, matrix.narrow(0, begin, end - begin).narrow(1, low, high - low),
                   rowsByColumns.narrow(0, low, high - low));
    }
    return out;
}

/// The same pass along the last axis of `rowsByColumns` (R x n): out = input x matrix^T, block by
/// block over columns (strided views: no copies).
at::Tensor bandedColumnsPass(const at::Tensor& matrix, const at::Tensor& rowsByColumns, int radius)
{
    const std::int64_t n = rowsByColumns.size(1);
    at::Tensor out = at::empty_like(rowsByColumns);
    for (std::int64_t begin = 0; begin < n; begin += BlurBlock) {
        const std::int64_t end = std::min(n, begin + BlurBlock);
        const std::int64_t low = std::max<std::int64_t>(0, begin - radius);
        const std::int64_t high = std::min(n, end + radius);
        at::Tensor block = out.narrow(1, begin, end - begin);
        at::mm_out(block, rowsByColumns.narrow(1, low, high - low),
                   matrix.narrow(0, begin, end - begin).narrow(1, low, high - low).t());
    }
    return out;
}

/// The same blur of H x ... x W float64 or float32 planes (images and channels between) in that type,
/// output rows [first, last) of the first axis only: axis 0 then axis 1, each pass banded matrix
/// products (summed in the library's order) and truncated. Returns (last - first) x ... x W.
at::Tensor blurPlanes(DeviceTables& tables, const at::Tensor& planes, double sigma, const std::vector<double>& weights,
                      std::int64_t first, std::int64_t last)
{
    const std::int64_t h = planes.size(0);
    const std::int64_t w = planes.size(planes.dim() - 1);
    const int radius = int(weights.size() / 2);
    const at::Tensor& rows = tables.blurMatrix(sigma, weights, int(h), planes.scalar_type());
    const at::Tensor& columns = tables.blurMatrix(sigma, weights, int(w), planes.scalar_type());
    const at::Tensor vertical = bandedRowsPass(rows, planes.view({h, -1}), radius, first, last).trunc_();
    std::vector<std::int64_t> shape = planes.sizes().vec();
    shape[0] = last - first;
    return bandedColumnsPass(columns, vertical.view({-1, w}), radius).trunc_().view(shape);
}

/// For each level 0..100, the first row and one past the last (of H) where some image of the
/// batch has a pixel at that level, {0, 0} where none has: `levels` is N x H x W (int64).
/// One small copy to the host (101 x H flags) per call.
std::vector<std::pair<std::int64_t, std::int64_t>> levelRowRanges(const at::Tensor& levels)
{
    const std::int64_t h = levels.size(1);
    const at::Tensor rows = at::arange(h, levels.options()).view({1, h, 1}).expand_as(levels);
    const at::Tensor keys = (levels * h + rows).reshape({-1});
    at::Tensor present = at::zeros({101 * h}, levels.options().dtype(at::kByte));
    present.index_fill_(0, keys, 1);
    const at::Tensor flags = present.view({101, h}).cpu();
    const auto table = flags.accessor<std::uint8_t, 2>();
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges(101, {0, 0});
    for (std::int64_t level = 0; level < 101; ++level) {
        std::int64_t first = -1, last = -1;
        for (std::int64_t row = 0; row < h; ++row)
            if (table[level][row]) {
                if (first < 0)
                    first = row;
                last = row + 1;
            }
        if (first >= 0)
            ranges[std::size_t(level)] = {first, last};
    }
    return ranges;
}

/// Logical right shift of int64 values holding uint64 bits (LibTorch's shift of int64 is arithmetic).
at::Tensor shiftRightLogical(const at::Tensor& bits, int shift)
{
    return bits.bitwise_right_shift(shift).bitwise_and_((std::int64_t(1) << (64 - shift)) - 1);
}

std::int64_t asSigned(std::uint64_t bits) { return std::bit_cast<std::int64_t>(bits); }

/// The counter generator's stream offsets (i + 1) * 0x9e3779b97f4a7c15 for i < count, as int64 bits.
at::Tensor counterOffsets(std::int64_t count, const at::TensorOptions& options)
{
    return at::arange(1, count + 1, options.dtype(at::kLong)).mul_(asSigned(0x9e3779b97f4a7c15ULL));
}

/// noiseCounterHash(seed[n], i) for every image n and value i (N x count, int64 bits) from the
/// seeds and counterOffsets(count). Every step wraps modulo 2^64 like the CPU's uint64 arithmetic.
at::Tensor counterHashes(const at::Tensor& seeds, const at::Tensor& offsets)
{
    at::Tensor z = offsets.unsqueeze(0) + seeds.unsqueeze(1);
    z.bitwise_xor_(shiftRightLogical(z, 30)).mul_(asSigned(0xbf58476d1ce4e5b9ULL));
    z.bitwise_xor_(shiftRightLogical(z, 27)).mul_(asSigned(0x94d049bb133111ebULL));
    return z.bitwise_xor_(shiftRightLogical(z, 31));
}

/// N x H x W integral images with a zero first row and column (int64).
at::Tensor integral(const at::Tensor& values)
{
    at::Tensor sums = values.cumsum(1).cumsum(2);
    return at::constant_pad_nd(sums, {1, 0, 1, 0}, 0);
}

at::Tensor boxSums(const at::Tensor& table, int win)
{
    const int64_t rows = table.size(1) - win;
    const int64_t columns = table.size(2) - win;
    auto part = [&](int64_t r, int64_t c) { return table.index({Slice(), Slice(r, r + rows), Slice(c, c + columns)}); };
    return part(win, win) - part(0, win) - part(win, 0) + part(0, 0);
}

} // namespace

struct DeviceMeasures::Impl final {
    torch::Device device{torch::kCPU};
    std::unique_ptr<DeviceTables> tables;
    std::map<std::pair<int, int>, at::Tensor> resizeWeights; // (in, out) -> out x in on the device
    at::Tensor roundTrip;                                    // 256 uint8: noiseRoundTrip
    std::map<std::int64_t, at::Tensor> counterOffsets;       // values per image -> offsets
    bool fastBlur = false;

    const at::Tensor& weights(int inSize, int outSize)
    {
        auto& cached = resizeWeights[{inSize, outSize}];
        if (!cached.defined())
            cached = bicubicWeights(inSize, outSize).to(device);
        return cached;
    }

    at::Tensor toDevice(at::Tensor host) const
    {
        if (!device.is_cuda())
            return host;
        at::Tensor pinned = at::empty(host.sizes(), host.options().pinned_memory(true));
        pinned.copy_(host);
        return pinned.to(device, /*non_blocking=*/true);
    }

    /// noiseRoundTrip() of every value of a uint8 batch, computed once per array.
    const at::Tensor& roundTripped(const DeviceArray& images) const
    {
        const DeviceArray::Data& data = images.data();
        if (!data.roundTripped.defined())
            data.roundTripped =
                roundTrip.index_select(0, data.tensor.reshape({-1}).to(at::kLong)).view(data.tensor.sizes());
        return data.roundTripped;
    }

    at::Tensor pixels(const std::uint8_t* data, std::int64_t n, std::int64_t h, std::int64_t w, std::int64_t c) const
    {
        at::Tensor host = at::from_blob(const_cast<std::uint8_t*>(data), {n, h, w, c}, at::kByte);
        if (!device.is_cuda())
            return host.clone();
        return toDevice(host);
    }
};

DeviceMeasures::DeviceMeasures(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
DeviceMeasures::~DeviceMeasures() = default;

Result<std::unique_ptr<DeviceMeasures>> DeviceMeasures::create(const std::string& device)
{
    auto impl = std::make_unique<Impl>();
    try {
        impl->device = device == "auto" ? torch::Device(torch::cuda::is_available() ? torch::kCUDA : torch::kCPU)
                                        : torch::Device(device);
    } catch (const std::exception&) {
        return Error{"unknown device '" + device + "' (use cpu, cuda, cuda:N or auto)"};
    }
    if (impl->device.is_cuda() && !torch::cuda::is_available())
        return Error{"device '" + device + "' requested but this LibTorch build sees no CUDA device"};
    if (!impl->device.is_cpu() && !impl->device.is_cuda())
        return Error{"device '" + device + "' is not supported (use cpu or cuda)"};
    impl->tables = std::make_unique<DeviceTables>(impl->device);
    std::vector<std::uint8_t> table(256);
    for (int v = 0; v < 256; ++v)
        table[std::size_t(v)] = noiseRoundTrip(std::uint8_t(v));
    impl->roundTrip =
        torch::tensor(std::vector<int64_t>(table.begin(), table.end()), at::kLong).to(at::kByte).to(impl->device);
    return std::unique_ptr<DeviceMeasures>(new DeviceMeasures(std::move(impl)));
}

std::string DeviceMeasures::deviceName() const { return d->device.str(); }
bool DeviceMeasures::isCuda() const { return d->device.is_cuda(); }

Result<DeviceArray> DeviceMeasures::upload(const ImageBatch& batch)
{
    if (batch.count <= 0 || batch.pixels.size() != std::size_t(batch.count) * batch.width * batch.height * 3)
        return Error{"upload needs a non-empty batch whose pixel buffer matches its shape"};
    return guarded("upload",
                   [&] { return wrap(d->pixels(batch.pixels.data(), batch.count, batch.height, batch.width, 3)); });
}

Result<DeviceArray> DeviceMeasures::upload(const std::vector<ImageU8>& images)
{
    if (images.empty())
        return Error{"upload needs at least one image"};
    const ImageU8& first = images.front();
    const std::size_t bytes = first.pixels.size();
    if (bytes == 0 || bytes != std::size_t(first.width) * first.height * first.channels)
        return Error{"upload needs non-empty images"};
    std::vector<std::uint8_t> packed;
    packed.reserve(bytes * images.size());
    for (std::size_t i = 0; i < images.size(); ++i) {
        const ImageU8& image = images[i];
        if (image.width != first.width || image.height != first.height || image.channels != first.channels)
            return Error{"upload: image " + std::to_string(i) + " differs in shape from the first"};
        packed.insert(packed.end(), image.pixels.begin(), image.pixels.end());
    }
    return guarded("upload", [&] {
        return wrap(d->pixels(packed.data(), std::int64_t(images.size()), first.height, first.width, first.channels));
    });
}

Result<DeviceArray> DeviceMeasures::uploadCams(const std::vector<MapF32>& cams)
{
    if (cams.empty() || cams.front().values.empty())
        return Error{"uploadCams needs at least one non-empty CAM"};
    const MapF32& first = cams.front();
    std::vector<float> packed;
    for (std::size_t i = 0; i < cams.size(); ++i) {
        if (cams[i].width != first.width || cams[i].height != first.height
            || cams[i].values.size() != std::size_t(first.width) * first.height)
            return Error{"uploadCams: CAM " + std::to_string(i) + " differs in shape from the first"};
        packed.insert(packed.end(), cams[i].values.begin(), cams[i].values.end());
    }
    return guarded("uploadCams", [&] {
        at::Tensor host = at::from_blob(packed.data(), {std::int64_t(cams.size()), first.height, first.width},
                                        at::kFloat);
        return wrap(d->device.is_cuda() ? d->toDevice(host) : host.clone());
    });
}

Result<std::vector<ImageU8>> DeviceMeasures::downloadImages(const DeviceArray& images)
{
    if (auto status = needImages(images, "downloadImages"); !status)
        return Error{status.error()};
    return guarded("download", [&] {
        const at::Tensor host = tensorOf(images).cpu().contiguous();
        std::vector<ImageU8> out;
        const auto n = host.size(0);
        const auto bytes = std::size_t(host.size(1) * host.size(2) * host.size(3));
        for (int64_t i = 0; i < n; ++i) {
            ImageU8 image{int(host.size(2)), int(host.size(1)), int(host.size(3)), {}};
            const std::uint8_t* data = host.data_ptr<std::uint8_t>() + std::size_t(i) * bytes;
            image.pixels.assign(data, data + bytes);
            out.push_back(std::move(image));
        }
        return out;
    });
}

Result<std::vector<MapF32>> DeviceMeasures::downloadCams(const DeviceArray& cams)
{
    if (auto status = needCams(cams, "downloadCams"); !status)
        return Error{status.error()};
    return guarded("download", [&] {
        const at::Tensor host = tensorOf(cams).cpu().contiguous();
        std::vector<MapF32> out;
        const auto size = std::size_t(host.size(1) * host.size(2));
        for (int64_t i = 0; i < host.size(0); ++i) {
            const float* data = host.data_ptr<float>() + std::size_t(i) * size;
            out.push_back(MapF32{int(host.size(2)), int(host.size(1)), std::vector<float>(data, data + size)});
        }
        return out;
    });
}

Result<std::vector<std::vector<double>>> DeviceMeasures::fetch(const std::vector<DeviceArray>& scalars)
{
    std::vector<at::Tensor> parts;
    for (const auto& array : scalars) {
        if (array.empty() || tensorOf(array).dim() != 1)
            return Error{"fetch needs non-empty scalar arrays"};
        parts.push_back(tensorOf(array).to(at::kDouble));
    }
    if (parts.empty())
        return std::vector<std::vector<double>>{};
    return guarded("fetch", [&] {
        const at::Tensor host = at::cat(parts).cpu().contiguous(); // the one synchronisation
        std::vector<std::vector<double>> out;
        const double* data = host.data_ptr<double>();
        for (const auto& part : parts) {
            out.emplace_back(data, data + part.size(0));
            data += part.size(0);
        }
        return out;
    });
}

Result<DeviceCams> DeviceMeasures::cams(const Model& model, const DeviceArray& images, CamMethod method)
{
    if (auto status = needImages(images, "cams"); !status)
        return Error{status.error()};
    if (ModelTensorAccess::device(model) != d->device)
        return Error{"cams: the model is on " + model.deviceName() + ", the measures on " + deviceName()};
    const int positive = model.metadata().positiveClass;
    return guarded(camMethodTitle(method), [&] {
        CamTensors cams = ModelTensorAccess::cams(model, tensorOf(images), method);
        DeviceCams out;
        out.cams = wrap(cams.cams);
        out.flat = wrap(cams.flat.to(at::kDouble));
        out.predicted = wrap(cams.logits.argmax(1).to(at::kDouble));
        out.sigmoidScore = wrap(ModelTensorAccess::sigmoidScore(model, cams.logits).to(at::kDouble));
        out.softmaxScore = wrap(torch::softmax(cams.logits, 1).select(1, positive).to(at::kDouble));
        return out;
    });
}

Result<DeviceArray> DeviceMeasures::predict(const Model& model, const DeviceArray& images)
{
    if (auto status = needImages(images, "predict"); !status)
        return Error{status.error()};
    return guarded("forward pass",
                   [&] { return wrap(ModelTensorAccess::logits(model, tensorOf(images)).argmax(1).to(at::kDouble)); });
}

Result<DeviceArray> DeviceMeasures::classProbability(const Model& model, const DeviceArray& images,
                                                     const DeviceArray& classes)
{
    if (auto status = needImages(images, "classProbability"); !status)
        return Error{status.error()};
    if (classes.count() != images.count())
        return Error{"classProbability needs one class per image"};
    return guarded("forward pass", [&] {
        const at::Tensor logits = ModelTensorAccess::logits(model, tensorOf(images));
        const at::Tensor index = tensorOf(classes).to(logits.device()).to(at::kLong).unsqueeze(1);
        return wrap(torch::softmax(logits, 1).gather(1, index).squeeze(1).to(at::kDouble));
    });
}

Result<DeviceArray> DeviceMeasures::quantize(const DeviceArray& cams)
{
    if (auto status = needCams(cams, "quantize"); !status)
        return Error{status.error()};
    return guarded("quantize", [&] {
        const at::Tensor scaled = tensorOf(cams) * 255.0f; // float32 product, as quantizeMap
        return wrap(scaled.clamp(0.0, 255.0).to(at::kByte).unsqueeze(3));
    });
}

Result<DeviceArray> DeviceMeasures::upscale(const DeviceArray& maps, int width, int height)
{
    if (auto status = needImages(maps, "upscale"); !status)
        return Error{status.error()};
    if (width < 1 || height < 1)
        return Error{"upscale needs a positive size"};
    return guarded("upscale", [&] {
        const at::Tensor& in = tensorOf(maps);
        if (in.size(1) == height && in.size(2) == width)
            return maps;
        at::Tensor x = in.permute({0, 3, 1, 2}).to(at::kDouble); // N x C x h x w
        if (x.size(3) != width)
            x = pillowRound(at::matmul(x, d->weights(int(x.size(3)), width).t()));
        if (x.size(2) != height)
            x = pillowRound(at::matmul(d->weights(int(x.size(2)), height), x));
        return wrap(x.to(at::kByte).permute({0, 2, 3, 1}).contiguous());
    });
}

Result<std::pair<DeviceArray, DeviceArray>> DeviceMeasures::histogramEntropy(const DeviceArray& maps)
{
    if (auto status = needImages(maps, "histogramEntropy"); !status)
        return Error{status.error()};
    return guarded("histogram entropy", [&] {
        const at::Tensor& in = tensorOf(maps);
        const at::Tensor values = in.reshape({in.size(0), -1}).to(at::kLong);
        const at::Tensor counts = at::zeros({in.size(0), 256}, in.options().dtype(at::kDouble))
                                      .scatter_add_(1, values,
                                                    at::ones(values.sizes(), in.options().dtype(at::kDouble)));
        const at::Tensor p = counts / double(values.size(1));
        const at::Tensor terms = at::where(counts > 0, -p * at::log(p), at::zeros_like(p));
        at::Tensor bits = terms.sum(1) / std::log(2.0);
        bits = at::where(bits == 0, at::zeros_like(bits), bits);
        const double pixels = double(in.size(1)) * double(in.size(2));
        const double largest = std::log2(std::min(pixels, 256.0));
        const at::Tensor normalized = largest > 0.0 ? bits / largest : at::zeros_like(bits);
        return std::make_pair(wrap(bits), wrap(normalized));
    });
}

Result<DeviceArray> DeviceMeasures::spatialEntropy(const DeviceArray& cams)
{
    if (auto status = needCams(cams, "spatialEntropy"); !status)
        return Error{status.error()};
    return guarded("spatial entropy", [&] {
        const at::Tensor& in = tensorOf(cams);
        const at::Tensor v = in.reshape({in.size(0), -1}).to(at::kDouble);
        const int64_t n = v.size(1);
        if (n < 2)
            return wrap(at::zeros({in.size(0)}, v.options()));
        const at::Tensor positive = v > 0; // false for NaN
        const at::Tensor weights = at::where(positive, v, at::zeros_like(v));
        const at::Tensor sum = weights.sum(1, /*keepdim=*/true);
        const at::Tensor usable = (sum > 0) & at::isfinite(sum);
        const at::Tensor safeSum = at::where(usable, sum, at::ones_like(sum));
        const at::Tensor p = weights / safeSum;
        const at::Tensor terms = at::where(positive, p * at::log(at::where(positive, p, at::ones_like(p))),
                                           at::zeros_like(p));
        at::Tensor entropy = (-terms.sum(1) / std::log(double(n))).clamp(0.0, 1.0);
        entropy = at::where(usable.squeeze(1), entropy, at::zeros_like(entropy));
        return wrap(entropy);
    });
}

Result<DeviceArray> DeviceMeasures::ssim(const DeviceArray& first, const DeviceArray& second, const SsimParams& params)
{
    if (auto status = needSingleChannel(first, "SSIM"); !status)
        return Error{status.error()};
    if (auto status = needSingleChannel(second, "SSIM"); !status)
        return Error{status.error()};
    const at::Tensor& a = tensorOf(first);
    const at::Tensor& b = tensorOf(second);
    if (a.sizes() != b.sizes())
        return Error{"SSIM needs two batches of maps of the same shape"};
    const int win = params.windowSize;
    if (win < 1 || win % 2 == 0)
        return Error{"The SSIM window size must be odd and positive."};
    if (a.size(1) < win || a.size(2) < win)
        return Error{"The SSIM window (" + std::to_string(win) + ") exceeds the map size."};
    return guarded("SSIM", [&] {
        // Exact integer window sums as ssim.cpp, then its float64 formulas element by element.
        const at::Tensor x = a.squeeze(3).to(at::kLong);
        const at::Tensor y = b.squeeze(3).to(at::kLong);
        const at::Tensor sx = boxSums(integral(x), win);
        const at::Tensor sy = boxSums(integral(y), win);
        const at::Tensor sxx = boxSums(integral(x * x), win);
        const at::Tensor syy = boxSums(integral(y * y), win);
        const at::Tensor sxy = boxSums(integral(x * y), win);
        const std::int64_t n = std::int64_t(win) * win;
        const double covarianceScale = params.sampleCovariance && n > 1 ? double(n) / double(n - 1) : 1.0;
        const double c1 = (params.k1 * params.dataRange) * (params.k1 * params.dataRange);
        const double c2 = (params.k2 * params.dataRange) * (params.k2 * params.dataRange);
        const double nn = double(n) * double(n);
        const at::Tensor ux = sx.to(at::kDouble) / double(n);
        const at::Tensor uy = sy.to(at::kDouble) / double(n);
        const at::Tensor vx = covarianceScale * ((n * sxx - sx * sx).to(at::kDouble) / nn);
        const at::Tensor vy = covarianceScale * ((n * syy - sy * sy).to(at::kDouble) / nn);
        const at::Tensor vxy = covarianceScale * ((n * sxy - sx * sy).to(at::kDouble) / nn);
        const at::Tensor a1 = 2.0 * ux * uy + c1;
        const at::Tensor a2 = 2.0 * vxy + c2;
        const at::Tensor b1 = ux * ux + uy * uy + c1;
        const at::Tensor b2 = vx + vy + c2;
        const at::Tensor values = (a1 * a2) / (b1 * b2);
        return wrap(values.reshape({values.size(0), -1}).mean(1));
    });
}

Result<DeviceArray> DeviceMeasures::transform(const DeviceArray& images, const Transform& transform)
{
    if (auto status = needImages(images, "transform"); !status)
        return Error{status.error()};
    return guarded("transform", [&] {
        const at::Tensor& x = tensorOf(images);
        const int h = int(x.size(1));
        const int w = int(x.size(2));
        switch (transform.kind) {
        case TransformKind::FlipLeftRight: return wrap(x.flip({2}));
        case TransformKind::FlipTopBottom: return wrap(x.flip({1}));
        case TransformKind::Rotate90Clockwise: return wrap(x.rot90(-1, {1, 2}).contiguous());
        case TransformKind::Rotate90CounterClockwise: return wrap(x.rot90(1, {1, 2}).contiguous());
        case TransformKind::Shift: break;
        }
        // out(r, c) = in(clamp(r - dy), clamp(c - dx)): the border replicates.
        const at::Tensor rows = (at::arange(h, x.options().dtype(at::kLong)) - transform.dy).clamp(0, h - 1);
        const at::Tensor columns = (at::arange(w, x.options().dtype(at::kLong)) - transform.dx).clamp(0, w - 1);
        return wrap(x.index_select(1, rows).index_select(2, columns));
    });
}

std::vector<std::uint8_t> DeviceMeasures::saltPepperCodes(int width, int height, int channels, double amount,
                                                          std::uint64_t drawSeed, double saltVsPepper)
{
    // The CPU generator itself on a grey image whose values survive the float round trip: 255 and
    // 0 are the flipped values, anything else kept its value. One code of 1 marks "unchanged".
    static const std::uint8_t grey = [] {
        for (int v = 128; v < 255; ++v)
            if (noiseRoundTrip(std::uint8_t(v)) == v)
                return std::uint8_t(v);
        return std::uint8_t(128);
    }();
    ImageU8 probe{width, height, channels, std::vector<std::uint8_t>(std::size_t(width) * height * channels, grey)};
    ImageU8 noisy = addSaltPepperNoise(probe, amount, drawSeed, saltVsPepper, NoiseGenerator::Sequential);
    for (std::uint8_t& value : noisy.pixels)
        if (value != 0 && value != 255)
            value = 1;
    return std::move(noisy.pixels);
}

Result<DeviceArray> DeviceMeasures::applySaltPepperCodes(const DeviceArray& images,
                                                         const std::vector<std::uint8_t>& codes)
{
    if (auto status = needImages(images, "salt-and-pepper noise"); !status)
        return Error{status.error()};
    const at::Tensor& x = tensorOf(images);
    if (codes.size() != std::size_t(x.numel()))
        return Error{"salt-and-pepper noise: the codes do not match the images' size"};
    return guarded("salt-and-pepper noise", [&] {
        const at::Tensor code = d->pixels(codes.data(), x.size(0), x.size(1), x.size(2), x.size(3));
        return wrap(at::where(code == 1, d->roundTripped(images), code));
    });
}

Result<DeviceArray> DeviceMeasures::saltPepper(const DeviceArray& images, double amount,
                                               const std::vector<std::uint64_t>& drawSeeds, double saltVsPepper,
                                               NoiseGenerator generator)
{
    if (auto status = needImages(images, "salt-and-pepper noise"); !status)
        return Error{status.error()};
    if (drawSeeds.size() != std::size_t(images.count()))
        return Error{"salt-and-pepper noise needs one draw seed per image"};
    const at::Tensor& x = tensorOf(images);
    if (generator == NoiseGenerator::Counter)
        return guarded("salt-and-pepper noise", [&] {
            std::vector<std::int64_t> seeds;
            for (const std::uint64_t seed : drawSeeds)
                seeds.push_back(asSigned(seed));
            const at::Tensor seedTensor = d->toDevice(torch::tensor(seeds, at::kLong)); // no synchronising copy
            at::Tensor& offsets = d->counterOffsets[x[0].numel()];
            if (!offsets.defined())
                offsets = counterOffsets(x[0].numel(), x.options());
            const at::Tensor hashes = counterHashes(seedTensor, offsets).view(x.sizes());
            const at::Tensor flipped = shiftRightLogical(hashes, 32) < std::int64_t(noiseThreshold(amount));
            const at::Tensor salt = hashes.bitwise_and(std::int64_t(0xffffffffLL))
                < std::int64_t(noiseThreshold(saltVsPepper));
            return wrap(at::where(flipped, salt.to(at::kByte).mul_(255), d->roundTripped(images)));
        });
    // The sequential generator: the codes of each image are drawn on the host, one thread each.
    const int h = int(x.size(1));
    const int w = int(x.size(2));
    const int c = int(x.size(3));
    const std::size_t bytes = std::size_t(h) * w * c;
    std::vector<std::uint8_t> codes(bytes * drawSeeds.size());
    at::parallel_for(0, std::int64_t(drawSeeds.size()), 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) {
            const auto one = saltPepperCodes(w, h, c, amount, drawSeeds[std::size_t(i)], saltVsPepper);
            std::memcpy(codes.data() + std::size_t(i) * bytes, one.data(), bytes);
        }
    });
    return applySaltPepperCodes(images, codes);
}

Result<DeviceArray> DeviceMeasures::degrade(const DeviceArray& images, const DeviceArray& maps, DegradationMode mode,
                                            const DegradationParams& params)
{
    if (auto status = needImages(images, "degradation"); !status)
        return Error{status.error()};
    if (auto status = needSingleChannel(maps, "degradation"); !status)
        return Error{status.error()};
    if (maps.count() != images.count())
        return Error{"degradation needs one map per image"};
    DeviceArray guides = maps;
    if (maps.width() != images.width() || maps.height() != images.height()) {
        auto upscaled = upscale(maps, images.width(), images.height());
        if (!upscaled)
            return Error{upscaled.error()};
        guides = upscaled.value();
    }
    return guarded("degradation", [&] {
        const at::Tensor& x = tensorOf(images);
        at::Tensor guide = tensorOf(guides).squeeze(3); // N x H x W
        if (mode == DegradationMode::Object)
            guide = 255 - guide;
        const at::Tensor smoothed =
            gaussianExact(*d->tables, guide.unsqueeze(3), params.guideSigma).squeeze(3).to(at::kDouble);
        const at::Tensor maximum = std::get<0>(smoothed.reshape({smoothed.size(0), -1}).max(1)).view({-1, 1, 1});
        const at::Tensor usable = maximum > 0; // a zero guide leaves its image unchanged
        const at::Tensor t = (10.0 * smoothed) / at::where(usable, maximum, at::ones_like(maximum));
        const at::Tensor levels = at::where(usable, at::round(t * 10.0), at::full_like(t, 100.0)).to(at::kLong);

        // H x N x C x W: both passes of a level's blur are then one matrix product each, with no
        // copy between them; the level of each pixel, H x N x 1 x W, applies to every channel.
        const at::Tensor planes = x.permute({1, 0, 3, 2}).to(d->fastBlur ? at::kFloat : at::kDouble).contiguous();
        const at::Tensor pixelLevels = levels.to(at::kByte).permute({1, 0, 2}).unsqueeze(2);
        at::Tensor out = x.permute({1, 0, 3, 2}).contiguous();
        // Each level is blurred only over the rows where some image of the batch has it.
        const auto rowRanges = levelRowRanges(levels);
        for (int level = 0; level < 100; ++level) {
            const auto [first, last] = rowRanges[std::size_t(level)];
            const double sigma = degradationSigma(level, params);
            if (first == last || !(sigma > 1e-15))
                continue;
            const std::vector<double> weights = gaussianWeights(sigma);
            if (weights.size() == 1)
                continue;
            const at::Tensor blurred = blurPlanes(*d->tables, planes, sigma, weights, first, last).to(at::kByte);
            at::Tensor slab = out.narrow(0, first, last - first);
            slab.copy_(at::where(pixelLevels.narrow(0, first, last - first) == level, blurred, slab));
        }
        return wrap(out.permute({1, 0, 3, 2}).contiguous());
    });
}

Result<DeviceArray> DeviceMeasures::annotationMass(const DeviceArray& maps, const DeviceArray& annotations)
{
    if (auto status = needSingleChannel(maps, "annotation mass"); !status)
        return Error{status.error()};
    if (auto status = needSingleChannel(annotations, "annotation mass"); !status)
        return Error{status.error()};
    if (tensorOf(maps).sizes() != tensorOf(annotations).sizes())
        return Error{"annotation mass needs maps and annotations of the same shape"};
    return guarded("annotation mass", [&] {
        const at::Tensor m = tensorOf(maps).reshape({maps.count(), -1}).to(at::kDouble);
        const at::Tensor inside = at::where(tensorOf(annotations).reshape({maps.count(), -1}) > 127, m,
                                            at::zeros_like(m));
        const at::Tensor total = m.sum(1);
        return wrap(at::where(total > 0, inside.sum(1) / total, at::full_like(total, std::nan(""))));
    });
}

void DeviceMeasures::setFastBlur(bool fast) { d->fastBlur = fast; }

void DeviceMeasures::synchronize()
{
    // A copy to the host waits for the work queued before it on the current stream.
    if (d->device.is_cuda())
        (void)at::zeros({1}, at::TensorOptions().device(d->device)).cpu();
}

void DeviceMeasures::releaseCachedMemory()
{
#ifdef SALISCOPE_TORCH_CUDA
    if (torch::cuda::is_available())
        c10::cuda::CUDACachingAllocator::emptyCache();
#endif
}

std::pair<std::uint64_t, std::uint64_t> DeviceMeasures::deviceMemory(const std::string& device)
{
#ifdef SALISCOPE_TORCH_CUDA
    try {
        const torch::Device parsed(device == "auto" ? std::string("cuda") : device);
        if (parsed.is_cuda() && torch::cuda::is_available()) {
            int previous = 0;
            cudaGetDevice(&previous);
            cudaSetDevice(parsed.has_index() ? parsed.index() : 0);
            std::size_t freeBytes = 0, totalBytes = 0;
            const bool ok = cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess;
            cudaSetDevice(previous);
            if (ok)
                return {freeBytes, totalBytes};
        }
    } catch (const std::exception&) {
    }
#endif
    (void)device;
    return {0, 0};
}

} // namespace saliscope::engine
