// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/measurerunner.h"

#include "core/dataset/imagecache.h"
#include "core/dataset/imageio.h"
#include "core/engine/cammaps.h"
#include "core/engine/devicemeasures.h"
#include "core/engine/entropy.h"
#include "core/engine/model.h"
#include "core/measures/prefetch.h"

#include <QString>
#include <QStringList>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <numeric>

namespace saliscope {

namespace {

using engine::Error;
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

struct LoadedModel final {
    std::string name;
    std::unique_ptr<engine::Model> model;
    int width = 0;
    int height = 0;
};

/// One decoded image of the current batch and its resized copies, by input size.
struct BatchImage final {
    std::int64_t index = 0;
    int label = UnknownLabel;
    std::uint64_t noiseKey = 0;
    std::map<std::pair<int, int>, engine::ImageU8> resized;
    std::map<std::pair<int, int>, engine::ImageU8> annotation; ///< human annotation at each input size; may be empty
};

/// The clean Grad-CAM of one image for one model, and what the measures derive from it.
struct CleanResult final {
    engine::Prediction prediction;
    engine::ImageU8 small;
    engine::ImageU8 upscaled;
    bool flat = false;
    double score = 0;
};

std::uint64_t fnv1a(const std::string& text)
{
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

class RowCollector final {
public:
    RowCollector(MeasureSink* sink, bool keep) : m_sink(sink), m_keep(keep) {}

    void add(MeasureKind kind, MeasureRow row) { m_batch[kind].push_back(std::move(row)); }

    void flush()
    {
        for (auto& [kind, rows] : m_batch) {
            if (rows.empty())
                continue;
            if (m_sink)
                m_sink->rowsReady(kind, measureColumns(kind), rows);
            if (m_keep) {
                auto& table = m_tables[kind];
                table.measure = kind;
                table.columns = measureColumns(kind);
                table.rows.insert(table.rows.end(), std::make_move_iterator(rows.begin()),
                                  std::make_move_iterator(rows.end()));
            }
            rows.clear();
        }
    }

    /// Drops the rows added since the last flush (a batch that failed part way).
    void discard() { m_batch.clear(); }

    std::vector<MeasureTable> tables() &&
    {
        std::vector<MeasureTable> tables;
        for (auto& [kind, table] : m_tables)
            tables.push_back(std::move(table));
        return tables;
    }

private:
    MeasureSink* m_sink;
    bool m_keep;
    std::map<MeasureKind, std::vector<MeasureRow>> m_batch;
    std::map<MeasureKind, MeasureTable> m_tables;
};

engine::Result<std::vector<engine::CamOutput>> gradCamOf(const engine::Model& model,
                                                         const std::vector<engine::ImageU8>& images)
{
    auto batch = engine::ImageBatch::fromImages(images);
    if (!batch)
        return Error{batch.error()};
    auto cams = model.gradCam(batch.value());
    if (!cams)
        return Error{model.path() + ": " + cams.error()};
    return cams;
}

/// Share of an upscaled map's salience inside the human annotation (pixels > 127); NaN when
/// the map is all zero.
double annotationMass(const engine::ImageU8& map, const engine::ImageU8& annotation)
{
    double inside = 0, total = 0;
    for (std::size_t p = 0; p < map.pixels.size() && p < annotation.pixels.size(); ++p) {
        total += map.pixels[p];
        if (annotation.pixels[p] > 127)
            inside += map.pixels[p];
    }
    return total > 0 ? inside / total : NaN;
}

/// Computes every requested measure of one batch for one model.
class BatchMeasurer final {
public:
    BatchMeasurer(const MeasureRunParams& params, RowCollector& rows) : m_params(params), m_rows(rows) {}

    engine::Result<std::vector<CleanResult>> measure(const LoadedModel& loaded, const std::vector<BatchImage>& images)
    {
        const auto& model = *loaded.model;
        const auto& metadata = model.metadata();
        const auto size = std::make_pair(loaded.width, loaded.height);
        std::vector<engine::ImageU8> inputs;
        for (const auto& image : images)
            inputs.push_back(image.resized.at(size));
        auto cams = gradCamOf(model, inputs);
        if (!cams)
            return Error{cams.error()};
        std::vector<CleanResult> clean(images.size());
        const bool needUpscaled = wants(MeasureKind::Noise) || wants(MeasureKind::Transforms)
            || wants(MeasureKind::Degradation);
        for (std::size_t i = 0; i < images.size(); ++i) {
            auto& c = clean[i];
            const auto& out = cams.value()[i];
            c.prediction = out.prediction;
            c.small = engine::quantizeMap(out.cam);
            c.flat = out.flat;
            c.score = scoreOf(out.prediction, metadata, m_params.settings.score);
            if (needUpscaled)
                c.upscaled = engine::upscaleMap(c.small, loaded.width, loaded.height);
            const int label = images[i].label;
            const int predicted = out.prediction.predictedClass;
            m_rows.add(MeasureKind::Predictions,
                       {images[i].index,
                        loaded.name,
                        "",
                        {double(label), double(predicted), c.score, correctOf(predicted, label), double(c.flat)}});
            if (wants(MeasureKind::Entropy)) {
                const auto entropy = engine::histogramEntropy(c.small);
                const auto annotation = images[i].annotation.find(size);
                const double mass = annotation == images[i].annotation.end()
                    ? NaN
                    : annotationMass(engine::upscaleMap(c.small, loaded.width, loaded.height), annotation->second);
                m_rows.add(MeasureKind::Entropy,
                           {images[i].index,
                            loaded.name,
                            "",
                            {entropy.bits, entropy.normalized, engine::spatialEntropy(out.cam), mass, double(c.flat)}});
            }
        }
        if (wants(MeasureKind::Noise))
            if (auto status = measureNoise(loaded, images, inputs, clean); !status)
                return Error{status.error()};
        if (wants(MeasureKind::Transforms))
            if (auto status = measureTransforms(loaded, images, inputs, clean); !status)
                return Error{status.error()};
        if (wants(MeasureKind::Degradation))
            if (auto status = measureDegradation(loaded, images, inputs, clean); !status)
                return Error{status.error()};
        return clean;
    }

private:
    bool wants(MeasureKind kind) const { return m_params.measures.count(kind) > 0; }

    double ssim(const engine::ImageU8& a, const engine::ImageU8& b) const
    {
        auto value = engine::structuralSimilarity(a, b, m_params.settings.ssim);
        return value ? value.value() : NaN;
    }

    engine::Status measureNoise(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                                const std::vector<engine::ImageU8>& inputs, const std::vector<CleanResult>& clean)
    {
        const auto& noise = m_params.settings.noise;
        for (double level : noise.levels) {
            std::vector<engine::ImageU8> noisy;
            for (std::size_t i = 0; i < inputs.size(); ++i)
                noisy.push_back(engine::addSaltPepperNoise(inputs[i], level,
                                                           engine::noiseDrawSeed(noise.seed, images[i].noiseKey, level),
                                                           noise.saltVsPepper, noise.generator));
            auto cams = gradCamOf(*loaded.model, noisy);
            if (!cams)
                return Error{cams.error()};
            const QString variant = QString::number(level, 'g', 12);
            for (std::size_t i = 0; i < inputs.size(); ++i) {
                const auto& out = cams.value()[i];
                const auto small = engine::quantizeMap(out.cam);
                const auto upscaled = engine::upscaleMap(small, loaded.width, loaded.height);
                const int predicted = out.prediction.predictedClass;
                m_rows.add(MeasureKind::Noise,
                           {images[i].index,
                            loaded.name,
                            variant.toStdString(),
                            {level, scoreOf(out.prediction, loaded.model->metadata(), m_params.settings.score),
                             double(predicted), correctOf(predicted, images[i].label),
                             engine::histogramEntropy(small).normalized, ssim(small, clean[i].small),
                             ssim(upscaled, clean[i].upscaled), double(out.flat)}});
            }
        }
        return engine::Ok{};
    }

    engine::Status measureTransforms(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                                     const std::vector<engine::ImageU8>& inputs, const std::vector<CleanResult>& clean)
    {
        const bool square = loaded.width == loaded.height;
        for (const auto& transform : engine::standardTransforms(loaded.width, m_params.settings.transforms)) {
            const bool rotation = transform.kind == engine::TransformKind::Rotate90Clockwise
                || transform.kind == engine::TransformKind::Rotate90CounterClockwise;
            if (rotation && !square)
                continue; // a rotated non-square image no longer fits the model's input
            std::vector<engine::ImageU8> transformed;
            for (const auto& input : inputs)
                transformed.push_back(engine::applyTransform(input, transform));
            auto cams = gradCamOf(*loaded.model, transformed);
            if (!cams)
                return Error{cams.error()};
            const std::string variant = engine::transformName(transform);
            for (std::size_t i = 0; i < inputs.size(); ++i) {
                const auto& out = cams.value()[i];
                const auto upscaled = engine::upscaleMap(engine::quantizeMap(out.cam), loaded.width, loaded.height);
                const auto expected = engine::applyTransform(clean[i].upscaled, transform);
                const int predicted = out.prediction.predictedClass;
                m_rows.add(MeasureKind::Transforms,
                           {images[i].index,
                            loaded.name,
                            variant,
                            {ssim(upscaled, expected),
                             scoreOf(out.prediction, loaded.model->metadata(), m_params.settings.score),
                             double(predicted), double(predicted != clean[i].prediction.predictedClass),
                             double(out.flat)}});
            }
        }
        return engine::Ok{};
    }

    engine::Status measureDegradation(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                                      const std::vector<engine::ImageU8>& inputs, const std::vector<CleanResult>& clean)
    {
        const int positive = loaded.model->metadata().positiveClass;
        for (auto mode : {engine::DegradationMode::Background, engine::DegradationMode::Object}) {
            // The blur is the costly CPU step of this measure: one image per pool thread.
            std::vector<std::size_t> order(inputs.size());
            std::iota(order.begin(), order.end(), std::size_t(0));
            const auto results =
                QtConcurrent::blockingMapped<std::vector<engine::Result<engine::ImageU8>>>(order, [&](std::size_t i) {
                    return engine::degradeBySalience(inputs[i], clean[i].upscaled, mode, m_params.settings.degradation);
                });
            std::vector<engine::ImageU8> degraded;
            for (const auto& image : results) {
                if (!image)
                    return Error{"degradation failed: " + image.error()};
                degraded.push_back(image.value());
            }
            auto cams = gradCamOf(*loaded.model, degraded);
            if (!cams)
                return Error{cams.error()};
            const std::string variant = mode == engine::DegradationMode::Background ? "background" : "object";
            for (std::size_t i = 0; i < inputs.size(); ++i) {
                const auto& out = cams.value()[i];
                const auto upscaled = engine::upscaleMap(engine::quantizeMap(out.cam), loaded.width, loaded.height);
                const int predicted = out.prediction.predictedClass;
                const double score = scoreOf(out.prediction, loaded.model->metadata(), m_params.settings.score);
                const int reference = images[i].label == UnknownLabel ? clean[i].prediction.predictedClass
                                                                      : images[i].label;
                const double drop = probabilityOf(clean[i].score, reference, positive)
                    - probabilityOf(score, reference, positive);
                m_rows.add(MeasureKind::Degradation,
                           {images[i].index,
                            loaded.name,
                            variant,
                            {score, double(predicted), correctOf(predicted, images[i].label), drop,
                             ssim(upscaled, clean[i].upscaled), double(out.flat)}});
            }
        }
        return engine::Ok{};
    }

    const MeasureRunParams& m_params;
    RowCollector& m_rows;
};

/// Per-image scalars computed on the device during a batch, and the code that turns them into
/// rows once they are fetched: one copy back per batch, rows added in the host path's order.
class PendingRows final {
public:
    using Values = std::vector<std::vector<double>>;

    /// Registers a scalar array for the batch's fetch; returns its column in the fetched values.
    std::size_t column(const engine::DeviceArray& array)
    {
        m_columns.push_back(array);
        return m_columns.size() - 1;
    }
    /// Runs `build` with the fetched values, in registration order.
    void later(std::function<void(const Values&)> build) { m_builders.push_back(std::move(build)); }

    engine::Status resolve(engine::DeviceMeasures& device)
    {
        auto values = device.fetch(m_columns);
        if (!values)
            return Error{values.error()};
        for (const auto& build : m_builders)
            build(values.value());
        m_columns.clear();
        m_builders.clear();
        return engine::Ok{};
    }

private:
    std::vector<engine::DeviceArray> m_columns;
    std::vector<std::function<void(const Values&)>> m_builders;
};

/// Unwraps an engine Result inside a function returning a Status or Result.
#define DEVICE_TRY(var, expr)              \
    auto var##Result = (expr);             \
    if (!var##Result)                      \
        return Error{var##Result.error()}; \
    auto var = std::move(var##Result).value()

/// The measures of one batch for one model with their maths on the model's device: the same rows
/// as BatchMeasurer (noise, transforms, maps, entropy and SSIM as on the host up to float64
/// summation order; the degradation's blur within one grey level per pass, see devicemeasures.h).
class DeviceBatchMeasurer final {
public:
    DeviceBatchMeasurer(const MeasureRunParams& params, RowCollector& rows, engine::DeviceMeasures& device)
        : m_params(params), m_rows(rows), m_device(device)
    {
    }

    /// Queues the batch's work and its rows in `pending`; returns the clean 8-bit maps (for stability).
    engine::Result<engine::DeviceArray> measure(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                                                PendingRows& pending)
    {
        const auto& model = *loaded.model;
        const auto size = std::make_pair(loaded.width, loaded.height);
        std::vector<engine::ImageU8> inputs;
        for (const auto& image : images)
            inputs.push_back(image.resized.at(size));
        DEVICE_TRY(batch, engine::ImageBatch::fromImages(inputs));
        DEVICE_TRY(pixels, m_device.upload(batch));
        DEVICE_TRY(clean, m_device.gradCam(model, pixels));
        DEVICE_TRY(small, m_device.quantize(clean.cams));
        DEVICE_TRY(upscaled, m_device.upscale(small, loaded.width, loaded.height));
        const Clean columns{pending.column(clean.predicted), pending.column(scoreArray(clean)),
                            pending.column(clean.flat)};
        const std::string name = loaded.name;
        const std::vector<RowKey> keys = rowKeys(images);
        pending.later([this, keys, name, columns](const PendingRows::Values& v) {
            for (std::size_t i = 0; i < keys.size(); ++i) {
                const double predicted = v[columns.predicted][i];
                m_rows.add(MeasureKind::Predictions,
                           {keys[i].index,
                            name,
                            "",
                            {double(keys[i].label), predicted, v[columns.score][i],
                             correctOf(int(predicted), keys[i].label), v[columns.flat][i]}});
            }
        });
        if (wants(MeasureKind::Entropy))
            if (auto status = entropy(loaded, images, clean, small, upscaled, pending); !status)
                return Error{status.error()};
        if (wants(MeasureKind::Noise))
            if (auto status = noise(loaded, images, pixels, small, upscaled, pending); !status)
                return Error{status.error()};
        if (wants(MeasureKind::Transforms))
            if (auto status = transforms(loaded, images, pixels, upscaled, columns, pending); !status)
                return Error{status.error()};
        if (wants(MeasureKind::Degradation))
            if (auto status = degradation(loaded, images, pixels, upscaled, columns, pending); !status)
                return Error{status.error()};
        return small;
    }

private:
    struct RowKey final {
        std::int64_t index = 0;
        int label = UnknownLabel;
    };
    /// Fetched columns of the clean pass.
    struct Clean final {
        std::size_t predicted = 0;
        std::size_t score = 0;
        std::size_t flat = 0;
    };
    static constexpr std::size_t Undefined = std::size_t(-1);

    bool wants(MeasureKind kind) const { return m_params.measures.count(kind) > 0; }

    static std::vector<RowKey> rowKeys(const std::vector<BatchImage>& images)
    {
        std::vector<RowKey> keys;
        for (const auto& image : images)
            keys.push_back({image.index, image.label});
        return keys;
    }

    const engine::DeviceArray& scoreArray(const engine::DeviceCams& cams) const
    {
        return m_params.settings.score == ScoreKind::Softmax ? cams.softmaxScore : cams.sigmoidScore;
    }

    /// The column of the SSIM of each pair, or Undefined (NaN) where the maps do not allow one.
    std::size_t ssimColumn(const engine::DeviceArray& a, const engine::DeviceArray& b, PendingRows& pending)
    {
        auto value = m_device.ssim(a, b, m_params.settings.ssim);
        return value ? pending.column(value.value()) : Undefined;
    }

    static double at(const PendingRows::Values& v, std::size_t column, std::size_t i)
    {
        return column == Undefined ? NaN : v[column][i];
    }

    engine::Status entropy(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                           const engine::DeviceCams& clean, const engine::DeviceArray& small,
                           const engine::DeviceArray& upscaled, PendingRows& pending)
    {
        DEVICE_TRY(histogram, m_device.histogramEntropy(small));
        DEVICE_TRY(spatial, m_device.spatialEntropy(clean.cams));
        const auto size = std::make_pair(loaded.width, loaded.height);
        std::vector<bool> annotated;
        std::vector<engine::ImageU8> annotations;
        for (const auto& image : images) {
            const auto found = image.annotation.find(size);
            annotated.push_back(found != image.annotation.end());
            annotations.push_back(found != image.annotation.end()
                                      ? found->second
                                      : engine::ImageU8::zeros(loaded.width, loaded.height, 1));
        }
        std::size_t mass = Undefined;
        if (std::find(annotated.begin(), annotated.end(), true) != annotated.end()) {
            DEVICE_TRY(uploaded, m_device.upload(annotations));
            DEVICE_TRY(values, m_device.annotationMass(upscaled, uploaded));
            mass = pending.column(values);
        }
        const std::size_t bits = pending.column(histogram.first);
        const std::size_t normalized = pending.column(histogram.second);
        const std::size_t spatialColumn = pending.column(spatial);
        const std::size_t flat = pending.column(clean.flat);
        const auto keys = rowKeys(images);
        const std::string name = loaded.name;
        pending.later([=, this](const PendingRows::Values& v) {
            for (std::size_t i = 0; i < keys.size(); ++i)
                m_rows.add(MeasureKind::Entropy,
                           {keys[i].index,
                            name,
                            "",
                            {v[bits][i], v[normalized][i], v[spatialColumn][i], annotated[i] ? at(v, mass, i) : NaN,
                             v[flat][i]}});
        });
        return engine::Ok{};
    }

    engine::Status noise(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                         const engine::DeviceArray& pixels, const engine::DeviceArray& cleanSmall,
                         const engine::DeviceArray& cleanUpscaled, PendingRows& pending)
    {
        const auto& noise = m_params.settings.noise;
        const auto keys = rowKeys(images);
        const std::string name = loaded.name;
        for (double level : noise.levels) {
            std::vector<std::uint64_t> seeds;
            for (const auto& image : images)
                seeds.push_back(engine::noiseDrawSeed(noise.seed, image.noiseKey, level));
            DEVICE_TRY(noisy, m_device.saltPepper(pixels, level, seeds, noise.saltVsPepper, noise.generator));
            DEVICE_TRY(cams, m_device.gradCam(*loaded.model, noisy));
            DEVICE_TRY(small, m_device.quantize(cams.cams));
            DEVICE_TRY(upscaled, m_device.upscale(small, loaded.width, loaded.height));
            DEVICE_TRY(histogram, m_device.histogramEntropy(small));
            const std::size_t score = pending.column(scoreArray(cams));
            const std::size_t predicted = pending.column(cams.predicted);
            const std::size_t entropy = pending.column(histogram.second);
            const std::size_t ssimSmall = ssimColumn(small, cleanSmall, pending);
            const std::size_t ssimUpscaled = ssimColumn(upscaled, cleanUpscaled, pending);
            const std::size_t flat = pending.column(cams.flat);
            const std::string variant = QString::number(level, 'g', 12).toStdString();
            pending.later([=, this](const PendingRows::Values& v) {
                for (std::size_t i = 0; i < keys.size(); ++i)
                    m_rows.add(MeasureKind::Noise,
                               {keys[i].index,
                                name,
                                variant,
                                {level, v[score][i], v[predicted][i], correctOf(int(v[predicted][i]), keys[i].label),
                                 v[entropy][i], at(v, ssimSmall, i), at(v, ssimUpscaled, i), v[flat][i]}});
            });
        }
        return engine::Ok{};
    }

    engine::Status transforms(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                              const engine::DeviceArray& pixels, const engine::DeviceArray& cleanUpscaled,
                              const Clean& clean, PendingRows& pending)
    {
        const bool square = loaded.width == loaded.height;
        const auto keys = rowKeys(images);
        const std::string name = loaded.name;
        for (const auto& transform : engine::standardTransforms(loaded.width, m_params.settings.transforms)) {
            const bool rotation = transform.kind == engine::TransformKind::Rotate90Clockwise
                || transform.kind == engine::TransformKind::Rotate90CounterClockwise;
            if (rotation && !square)
                continue; // a rotated non-square image no longer fits the model's input
            DEVICE_TRY(moved, m_device.transform(pixels, transform));
            DEVICE_TRY(cams, m_device.gradCam(*loaded.model, moved));
            DEVICE_TRY(small, m_device.quantize(cams.cams));
            DEVICE_TRY(upscaled, m_device.upscale(small, loaded.width, loaded.height));
            DEVICE_TRY(expected, m_device.transform(cleanUpscaled, transform));
            const std::size_t similarity = ssimColumn(upscaled, expected, pending);
            const std::size_t score = pending.column(scoreArray(cams));
            const std::size_t predicted = pending.column(cams.predicted);
            const std::size_t flat = pending.column(cams.flat);
            const std::string variant = engine::transformName(transform);
            pending.later([=, this](const PendingRows::Values& v) {
                for (std::size_t i = 0; i < keys.size(); ++i)
                    m_rows.add(MeasureKind::Transforms,
                               {keys[i].index,
                                name,
                                variant,
                                {at(v, similarity, i), v[score][i], v[predicted][i],
                                 double(v[predicted][i] != v[clean.predicted][i]), v[flat][i]}});
            });
        }
        return engine::Ok{};
    }

    engine::Status degradation(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                               const engine::DeviceArray& pixels, const engine::DeviceArray& cleanUpscaled,
                               const Clean& clean, PendingRows& pending)
    {
        const int positive = loaded.model->metadata().positiveClass;
        const auto keys = rowKeys(images);
        const std::string name = loaded.name;
        for (auto mode : {engine::DegradationMode::Background, engine::DegradationMode::Object}) {
            DEVICE_TRY(degraded, m_device.degrade(pixels, cleanUpscaled, mode, m_params.settings.degradation));
            DEVICE_TRY(cams, m_device.gradCam(*loaded.model, degraded));
            DEVICE_TRY(small, m_device.quantize(cams.cams));
            DEVICE_TRY(upscaled, m_device.upscale(small, loaded.width, loaded.height));
            const std::size_t similarity = ssimColumn(upscaled, cleanUpscaled, pending);
            const std::size_t score = pending.column(scoreArray(cams));
            const std::size_t predicted = pending.column(cams.predicted);
            const std::size_t flat = pending.column(cams.flat);
            const std::string variant = mode == engine::DegradationMode::Background ? "background" : "object";
            pending.later([=, this](const PendingRows::Values& v) {
                for (std::size_t i = 0; i < keys.size(); ++i) {
                    const int reference = keys[i].label == UnknownLabel ? int(v[clean.predicted][i]) : keys[i].label;
                    const double drop = probabilityOf(v[clean.score][i], reference, positive)
                        - probabilityOf(v[score][i], reference, positive);
                    m_rows.add(MeasureKind::Degradation,
                               {keys[i].index,
                                name,
                                variant,
                                {v[score][i], v[predicted][i], correctOf(int(v[predicted][i]), keys[i].label), drop,
                                 at(v, similarity, i), v[flat][i]}});
                }
            });
        }
        return engine::Ok{};
    }

    const MeasureRunParams& m_params;
    RowCollector& m_rows;
    engine::DeviceMeasures& m_device;
};

/// Fills `image.resized` for every model input size: from the cache when the run has one,
/// otherwise by decoding once and resizing with Pillow's bilinear filter.
engine::Status prepareImage(const MeasureRunParams& params, std::size_t index, const std::vector<LoadedModel>& models,
                            BatchImage& image)
{
    const auto& record = params.dataset.records[index];
    for (const auto& model : models) {
        const auto classes = int(model.model->metadata().classNames.size());
        if (record.label != UnknownLabel && (record.label < 0 || record.label >= classes))
            return Error{record.path + ": label " + std::to_string(record.label) + " is not a class of model "
                         + model.name + " (classes 0.." + std::to_string(classes - 1) + ")"};
    }
    const std::string hash = index < params.contentHashes.size() ? params.contentHashes[index] : std::string();
    const std::int64_t maxPixels = params.settings.maxImagePixels;
    if (params.cache && !hash.empty()) {
        for (const auto& model : models) {
            const auto size = std::make_pair(model.width, model.height);
            if (image.resized.count(size))
                continue;
            auto cached = params.cache->get(record.path, hash, model.width, model.height, maxPixels);
            if (!cached)
                return Error{cached.error()};
            image.resized[size] = std::move(cached).value();
        }
    } else {
        auto decoded = readImageRgb(record.path, maxPixels);
        if (!decoded)
            return Error{decoded.error()};
        for (const auto& model : models) {
            const auto size = std::make_pair(model.width, model.height);
            if (!image.resized.count(size))
                image.resized[size] = resizeForModel(decoded.value(), model.width, model.height);
        }
    }
    if (!record.annotationPath.empty() && params.measures.count(MeasureKind::Entropy)) {
        auto annotation = readImageGray(record.annotationPath);
        if (!annotation)
            return engine::Ok{}; // an unreadable annotation leaves annotation_mass undefined, nothing else
        for (const auto& model : models) {
            const auto size = std::make_pair(model.width, model.height);
            if (!image.annotation.count(size))
                image.annotation[size] = resizeForModel(annotation.value(), model.width, model.height);
        }
    }
    return engine::Ok{};
}

std::string relativeKey(const std::string& path, const std::string& location)
{
    std::error_code code;
    const auto base = std::filesystem::is_directory(location, code) ? std::filesystem::path(location)
                                                                    : std::filesystem::path(location).parent_path();
    const auto relative = std::filesystem::path(path).lexically_relative(base);
    return relative.empty() ? path : relative.generic_string();
}

} // namespace

double scoreOf(const engine::Prediction& prediction, const engine::ModelMetadata& metadata, ScoreKind kind)
{
    if (kind == ScoreKind::Softmax)
        return prediction.softmax.at(std::size_t(metadata.positiveClass));
    return prediction.positiveScore;
}

double correctOf(int predicted, int label) { return label == UnknownLabel ? NaN : double(predicted == label); }

double probabilityOf(double score, int reference, int positiveClass)
{
    return reference == positiveClass ? score : 1.0 - score;
}

const std::vector<std::string>& measureColumns(MeasureKind kind)
{
    static const std::map<MeasureKind, std::vector<std::string>> columns{
        {MeasureKind::Predictions, {"label", "predicted_class", "score", "correct", "flat"}},
        {MeasureKind::Entropy, {"entropy_bits", "normalized_entropy", "spatial_entropy", "annotation_mass", "flat"}},
        {MeasureKind::Noise,
         {"level", "score", "predicted_class", "correct", "normalized_entropy", "ssim_small", "ssim_upscaled", "flat"}},
        {MeasureKind::Transforms, {"ssim_upscaled", "score", "predicted_class", "prediction_changed", "flat"}},
        {MeasureKind::Stability, {"ssim_small"}},
        {MeasureKind::Degradation, {"score", "predicted_class", "correct", "confidence_drop", "ssim_upscaled", "flat"}},
    };
    return columns.at(kind);
}

std::vector<FamilyEntry> effectiveFamilies(const MeasureRunParams& params)
{
    if (!params.families.empty() || params.models.size() < 2)
        return params.families;
    FamilyEntry all{"all models", {}};
    for (const auto& model : params.models)
        all.members.push_back(model.name);
    return {all};
}

int rowsPerImage(MeasureKind kind, const MeasureRunParams& params, const std::vector<std::pair<int, int>>& inputSizes)
{
    const int models = int(params.models.size());
    switch (kind) {
    case MeasureKind::Predictions:
    case MeasureKind::Entropy: return models;
    case MeasureKind::Noise: return models * int(params.settings.noise.levels.size());
    case MeasureKind::Degradation: return models * 2;
    case MeasureKind::Transforms: {
        int rows = 0;
        for (const auto& [width, height] : inputSizes)
            rows += width == height ? 12 : 10; // rotations need a square input
        return rows;
    }
    case MeasureKind::Stability: {
        int rows = 0;
        for (const auto& family : effectiveFamilies(params))
            rows += int(family.members.size() * (family.members.size() - 1) / 2);
        return rows;
    }
    }
    return models;
}

int effectiveBatchSize(const MeasureRunParams& params)
{
    if (params.batchSize > 0)
        return params.batchSize;
    const auto [freeBytes, totalBytes] = engine::DeviceMeasures::deviceMemory(params.device);
    if (freeBytes == 0)
        return 16;
    // Grad-CAM of a 224 x 224 image with DenseNet-121 and the measures' float64 maps take well
    // under 64 MiB; use half the free memory, scaled by the largest input's pixel count.
    double pixels = 224.0 * 224.0;
    for (const auto& model : params.models)
        if (model.metadata)
            pixels = std::max(pixels, double(model.metadata->inputWidth) * model.metadata->inputHeight);
    const double perImage = 64.0 * 1024 * 1024 * pixels / (224.0 * 224.0);
    return std::clamp(int(0.5 * double(freeBytes) / perImage), 1, 256);
}

engine::Result<std::set<MeasureKind>> parseMeasures(const std::string& text)
{
    std::set<MeasureKind> measures;
    for (const QString& part : QString::fromStdString(text).split(',', Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().toLower();
        if (name == QLatin1String("all")) {
            measures.insert({MeasureKind::Entropy, MeasureKind::Noise, MeasureKind::Transforms, MeasureKind::Stability,
                             MeasureKind::Degradation});
            continue;
        }
        bool found = false;
        for (auto kind : {MeasureKind::Entropy, MeasureKind::Noise, MeasureKind::Transforms, MeasureKind::Stability,
                          MeasureKind::Degradation, MeasureKind::Predictions})
            if (name == QLatin1String(measureName(kind)) || (name == "transform" && kind == MeasureKind::Transforms)) {
                measures.insert(kind);
                found = true;
            }
        if (!found)
            return Error{"unknown measure '" + part.toStdString()
                         + "' (entropy, noise, transforms, stability, degradation or all)"};
    }
    if (measures.empty())
        return Error{"no measure given"};
    return measures;
}

bool measureListNamesAll(const std::string& text)
{
    for (const QString& part : QString::fromStdString(text).split(',', Qt::SkipEmptyParts))
        if (part.trimmed().toLower() == QLatin1String("all"))
            return true;
    return false;
}

std::vector<SkippedMeasure> removeInapplicableMeasures(MeasureRunParams& params)
{
    std::vector<SkippedMeasure> skipped;
    if (params.measures.count(MeasureKind::Stability) && effectiveFamilies(params).empty()) {
        params.measures.erase(MeasureKind::Stability);
        skipped.push_back({MeasureKind::Stability,
                           "stability compares the maps of a family's models, and this run has "
                               + std::to_string(params.models.size())
                               + " model (give two or more models, or a --family of two or more)"});
    }
    return skipped;
}

engine::Result<MeasureRunResult> runMeasures(const MeasureRunParams& params, MeasureSink* sink, bool keepTables,
                                             ProgressSink& progress, const CancelToken& cancel)
{
    if (params.models.empty())
        return Error{"a measure run needs at least one model"};
    if (params.batchSize < 0)
        return Error{"batch size must be at least 1 (or 0 to size batches to the device's memory)"};
    std::vector<LoadedModel> models;
    std::map<std::string, std::size_t> modelIndex;
    for (const auto& entry : params.models) {
        if (modelIndex.count(entry.name))
            return Error{"two models are named '" + entry.name + "'"};
        engine::ModelLoadOptions options;
        options.layer = entry.layer;
        options.device = params.device;
        options.metadata = entry.metadata;
        auto loaded = engine::Model::load(entry.path, options);
        if (!loaded)
            return Error{loaded.error()};
        LoadedModel model{entry.name, std::move(loaded).value(), 0, 0};
        model.width = model.model->metadata().inputWidth;
        model.height = model.model->metadata().inputHeight;
        modelIndex[entry.name] = models.size();
        models.push_back(std::move(model));
    }
    const std::vector<FamilyEntry> families = effectiveFamilies(params);
    if (params.measures.count(MeasureKind::Stability)) {
        if (families.empty())
            return Error{"stability needs a family of at least two models (--family NAME=M1.pt,M2.pt)"};
        for (const auto& family : families) {
            if (family.members.size() < 2)
                return Error{"family '" + family.name + "' needs at least two models"};
            for (const auto& member : family.members)
                if (!modelIndex.count(member))
                    return Error{"family '" + family.name + "' names an unknown model '" + member + "'"};
            for (std::size_t a = 0; a < family.members.size(); ++a)
                if (std::count(family.members.begin(), family.members.begin() + std::ptrdiff_t(a), family.members[a]))
                    return Error{"family '" + family.name + "' names model '" + family.members[a]
                                 + "' twice: a family needs two or more different models"};
        }
    }
    // SSIM slides its window over the maps: a window larger than a model's map (or input) leaves
    // every SSIM of that model empty.
    {
        const int window = params.settings.ssim.windowSize;
        const bool smallMaps = params.measures.count(MeasureKind::Noise)
            || params.measures.count(MeasureKind::Stability);
        const bool inputMaps = params.measures.count(MeasureKind::Noise)
            || params.measures.count(MeasureKind::Transforms) || params.measures.count(MeasureKind::Degradation);
        for (const auto& model : models) {
            const int mapSide = std::min(model.model->mapWidth(), model.model->mapHeight());
            const int inputSide = std::min(model.width, model.height);
            const int side = smallMaps ? std::min(mapSide, inputSide) : inputSide;
            if ((smallMaps || inputMaps) && window > side)
                return Error{"ssim.window " + std::to_string(window) + " is larger than the "
                             + std::to_string(smallMaps ? model.model->mapWidth() : model.width) + "x"
                             + std::to_string(smallMaps ? model.model->mapHeight() : model.height)
                             + (smallMaps ? " Grad-CAM map" : " input") + " of model " + model.name + " ("
                             + model.model->path() + "): set ssim.window to an odd number no larger than "
                             + std::to_string(side % 2 ? side : side - 1)};
        }
    }

    // The measures' maths on the model's device (one fetch per batch), or per image on the host.
    std::unique_ptr<engine::DeviceMeasures> device;
    const bool onDevice = params.maths == MeasureMaths::Device
        || (params.maths == MeasureMaths::Auto && models.front().model->deviceName().rfind("cpu", 0) != 0);
    if (onDevice) {
        auto created = engine::DeviceMeasures::create(models.front().model->deviceName());
        if (!created)
            return Error{created.error()};
        device = std::move(created).value();
    }
    // Whatever happens below, cached GPU memory goes back to the driver at the end of the run.
    struct ReleaseDeviceMemory final {
        bool active;
        ~ReleaseDeviceMemory()
        {
            if (active)
                engine::DeviceMeasures::releaseCachedMemory();
        }
    } release{params.device != "cpu"};

    RowCollector rows(sink, keepTables);
    BatchMeasurer measurer(params, rows);
    std::unique_ptr<DeviceBatchMeasurer> deviceMeasurer = device
        ? std::make_unique<DeviceBatchMeasurer>(params, rows, *device)
        : nullptr;
    MeasureRunResult result;
    // Entries the scan set aside (unsupported or unreadable files, bad manifest rows) are skipped
    // images of the run too, for the command line and the application alike.
    result.skipped = params.dataset.problems;
    const auto& records = params.dataset.records;
    std::vector<std::int64_t> selected;
    for (std::int64_t i = 0; i < std::int64_t(records.size()); ++i)
        if (!params.includeImage || params.includeImage(i))
            selected.push_back(i);
    const auto total = std::int64_t(selected.size());
    std::int64_t done = 0;
    progress.progress(0, total);

    // Batch b+1 is decoded on a second thread while batch b computes (at most one batch ahead).
    const std::size_t batchSize = std::size_t(effectiveBatchSize(params));
    const std::size_t batches = (selected.size() + batchSize - 1) / batchSize;
    struct PreparedBatch final {
        std::vector<BatchImage> images;
        std::vector<std::pair<std::string, std::string>> skipped;
        std::size_t size = 0;
    };
    auto prepareBatch = [&](std::size_t b) {
        PreparedBatch prepared;
        const std::size_t start = b * batchSize;
        const std::size_t end = std::min(selected.size(), start + batchSize);
        prepared.size = end - start;
        for (std::size_t s = start; s < end; ++s) {
            if (cancel.isCancelled())
                break;
            const auto& record = records[std::size_t(selected[s])];
            BatchImage image;
            image.index = selected[s];
            image.label = record.label;
            image.noiseKey = fnv1a(relativeKey(record.path, params.dataset.location));
            auto status = prepareImage(params, std::size_t(selected[s]), models, image);
            if (!status) {
                prepared.skipped.emplace_back(record.path, status.error());
                continue;
            }
            prepared.images.push_back(std::move(image));
        }
        return prepared;
    };
    Prefetcher<PreparedBatch> prefetcher(batches, params.prefetch ? 1 : 0, prepareBatch);

    // Measures `batch` with every model (or only models[only]); its rows wait in `rows` for a
    // flush. On failure, `failed` is the failing model's index when it is known.
    constexpr std::size_t NoModel = std::size_t(-1);
    auto measureBatch = [&](const std::vector<BatchImage>& batch, std::size_t only,
                            std::size_t& failed) -> engine::Status {
        if (deviceMeasurer) {
            PendingRows pending;
            std::vector<engine::DeviceArray> smallMaps;
            for (const auto& model : models) {
                if (cancel.isCancelled())
                    return Error{"cancelled"};
                if (only != NoModel && &model != &models[only])
                    continue;
                auto measured = deviceMeasurer->measure(model, batch, pending);
                if (!measured) {
                    failed = std::size_t(&model - models.data());
                    return Error{measured.error()};
                }
                smallMaps.push_back(measured.value());
            }
            if (only == NoModel && params.measures.count(MeasureKind::Stability))
                for (const auto& family : families)
                    for (std::size_t a = 0; a < family.members.size(); ++a)
                        for (std::size_t c = a + 1; c < family.members.size(); ++c) {
                            auto similarity = device->ssim(smallMaps[modelIndex[family.members[a]]],
                                                           smallMaps[modelIndex[family.members[c]]],
                                                           params.settings.ssim);
                            const std::size_t column = similarity ? pending.column(similarity.value())
                                                                  : std::size_t(-1);
                            const std::string pair = family.members[a] + "|" + family.members[c];
                            std::vector<std::int64_t> indices;
                            for (const auto& image : batch)
                                indices.push_back(image.index);
                            pending.later(
                                [&rows, indices, pair, column, name = family.name](const PendingRows::Values& v) {
                                    for (std::size_t i = 0; i < indices.size(); ++i)
                                        rows.add(
                                            MeasureKind::Stability,
                                            {indices[i], pair, name, {column == std::size_t(-1) ? NaN : v[column][i]}});
                                });
                        }
            if (auto status = pending.resolve(*device); !status)
                return Error{status.error()};
        } else {
            std::vector<std::vector<CleanResult>> clean;
            for (const auto& model : models) {
                if (cancel.isCancelled())
                    return Error{"cancelled"};
                if (only != NoModel && &model != &models[only])
                    continue;
                auto measured = measurer.measure(model, batch);
                if (!measured) {
                    failed = std::size_t(&model - models.data());
                    return Error{measured.error()};
                }
                clean.push_back(std::move(measured).value());
            }
            if (only == NoModel && params.measures.count(MeasureKind::Stability))
                for (const auto& family : families)
                    for (std::size_t i = 0; i < batch.size(); ++i)
                        for (std::size_t a = 0; a < family.members.size(); ++a)
                            for (std::size_t b = a + 1; b < family.members.size(); ++b) {
                                const auto& first = clean[modelIndex[family.members[a]]][i].small;
                                const auto& second = clean[modelIndex[family.members[b]]][i].small;
                                auto value = engine::structuralSimilarity(first, second, params.settings.ssim);
                                rows.add(MeasureKind::Stability,
                                         {batch[i].index,
                                          family.members[a] + "|" + family.members[b],
                                          family.name,
                                          {value ? value.value() : NaN}});
                            }
        }
        return engine::Ok{};
    };

    for (std::size_t b = 0; b < batches; ++b) {
        if (cancel.isCancelled())
            return Error{"cancelled"};
        PreparedBatch prepared = prefetcher.next();
        if (cancel.isCancelled())
            return Error{"cancelled"};
        for (auto& [path, reason] : prepared.skipped) {
            progress.message("skipped " + reason);
            result.skipped.emplace_back(path, reason);
        }
        // A batch that fails for a model is measured again image by image with that model: the
        // images that fail alone are skipped (for every model, so the run's images stay paired)
        // with the model's message, and the batch is measured without them.
        std::vector<BatchImage> batch = std::move(prepared.images);
        while (!batch.empty()) {
            std::size_t failedModel = NoModel;
            auto measured = measureBatch(batch, NoModel, failedModel);
            if (measured) {
                rows.flush();
                break;
            }
            rows.discard();
            if (cancel.isCancelled())
                return Error{"cancelled"};
            std::vector<BatchImage> kept;
            bool removed = false;
            for (auto& image : batch) {
                std::string reason;
                for (std::size_t m = 0; m < models.size() && reason.empty(); ++m) {
                    if (failedModel != NoModel && m != failedModel)
                        continue;
                    std::size_t ignored = NoModel;
                    auto alone = measureBatch({image}, m, ignored);
                    rows.discard();
                    if (cancel.isCancelled())
                        return Error{"cancelled"};
                    if (!alone)
                        reason = "model " + models[m].name + ": " + alone.error();
                }
                if (reason.empty()) {
                    kept.push_back(std::move(image));
                    continue;
                }
                const std::string& path = records[std::size_t(image.index)].path;
                progress.message("skipped " + path + ": " + reason);
                result.skipped.emplace_back(path, reason);
                removed = true;
            }
            if (!removed) // no image fails alone: the batch's failure is not an image's
                return Error{measured.error()};
            batch = std::move(kept);
        }
        done += std::int64_t(prepared.size);
        result.imagesComputed += std::int64_t(batch.size());
        progress.progress(done, total);
    }
    result.tables = std::move(rows).tables();
    return result;
}

} // namespace saliscope
