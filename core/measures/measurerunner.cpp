// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/measurerunner.h"

#include "core/cam/mapmaker.h"
#include "core/dataset/imagecache.h"
#include "core/dataset/imageio.h"
#include "core/engine/devicemeasures.h"
#include "core/engine/model.h"
#include "core/measures/curvemeasures.h"
#include "core/measures/faithfulness.h"
#include "core/measures/measure.h"
#include "core/measures/measurepass.h"
#include "core/measures/noisemeasure.h"
#include "core/measures/sanitymeasure.h"
#include "core/measures/prefetch.h"

#include <QString>
#include <QStringList>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <numeric>

namespace saliscope {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

struct LoadedModel final {
    std::string name;
    std::shared_ptr<engine::Model> model;
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
    std::map<std::pair<int, int>, engine::ImageU8> mask;       ///< exact artefact mask at each input size; may be empty
};

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

/// An image's map at `size` in `maps`, or null.
const engine::ImageU8* mapAt(const std::map<std::pair<int, int>, engine::ImageU8>& maps, std::pair<int, int> size)
{
    const auto found = maps.find(size);
    return found == maps.end() ? nullptr : &found->second;
}

/// The probability of class `classes[i]` for each image of `images` (a forward pass only).
Result<std::vector<double>> classProbabilities(const engine::Model& model, const std::vector<engine::ImageU8>& images,
                                               const std::vector<int>& classes)
{
    auto batch = engine::ImageBatch::fromImages(images);
    if (!batch)
        return batch.failure();
    auto predictions = model.predict(batch.value());
    if (!predictions)
        return Error{model.path() + ": " + predictions.error()};
    std::vector<double> probabilities;
    for (std::size_t i = 0; i < images.size(); ++i)
        probabilities.push_back(predictions.value()[i].softmax.at(std::size_t(classes[i])));
    return probabilities;
}

/// What the rows of one image need besides its values: its index, label and key.
struct ImageKey final {
    std::int64_t index;
    int label;
};

/// A curve measure's rows for a batch from each curve's probabilities [curve][step][image]: one
/// row per step and image, each carrying the image's areas under its curves.
void addCurveRows(RowCollector& rows, const CurveMeasure& measure, const std::vector<MeasureVariant>& steps,
                  const std::string& model, int positiveClass, const std::vector<ImageKey>& keys,
                  const std::vector<PassValues>& clean,
                  const std::vector<std::vector<std::vector<double>>>& probability)
{
    const auto curves = std::size_t(measure.curveCount());
    std::vector<std::vector<double>> areas(curves, std::vector<double>(keys.size()));
    for (std::size_t c = 0; c < curves; ++c)
        for (std::size_t i = 0; i < keys.size(); ++i) {
            std::vector<double> curve;
            for (std::size_t s = 0; s < steps.size(); ++s)
                curve.push_back(probability[c][s][i]);
            areas[c][i] = curveArea(curve);
        }
    for (std::size_t s = 0; s < steps.size(); ++s)
        for (std::size_t i = 0; i < keys.size(); ++i) {
            RowInputs in;
            in.label = keys[i].label;
            in.positiveClass = positiveClass;
            in.clean = clean[i];
            in.pass = clean[i];
            for (std::size_t c = 0; c < curves; ++c) {
                in.curveProbability.push_back(probability[c][s][i]);
                in.curveArea.push_back(areas[c][i]);
            }
            rows.add(measure.kind(), {keys[i].index, model, steps[s].name, measure.row(steps[s], in)});
        }
}

/// Each image's curve context (salience order, baseline), one image per pool thread.
std::vector<CurveContext> curveContexts(const CurveMeasure& measure, const std::vector<engine::ImageU8>& inputs,
                                        const std::vector<engine::ImageU8>& cleanUpscaled,
                                        const std::vector<BatchImage>& images, const MeasureSettings& settings)
{
    std::vector<std::size_t> order(inputs.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    return QtConcurrent::blockingMapped<std::vector<CurveContext>>(order, [&](std::size_t i) {
        return measure.context(inputs[i], cleanUpscaled[i], images[i].noiseKey, settings);
    });
}

/// The images one step of one curve gives the model, one image per pool thread.
Result<std::vector<engine::ImageU8>> curveImages(const CurveMeasure& measure, const std::vector<CurveContext>& contexts,
                                                 const std::vector<engine::ImageU8>& inputs, const MeasureVariant& step,
                                                 int curve, const MeasureSettings& settings)
{
    std::vector<std::size_t> order(inputs.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    const auto made = QtConcurrent::blockingMapped<std::vector<Result<engine::ImageU8>>>(order, [&](std::size_t i) {
        return measure.curveImage(contexts[i], inputs[i], step, curve, settings);
    });
    std::vector<engine::ImageU8> images;
    for (const auto& image : made) {
        if (!image)
            return image.failure();
        images.push_back(image.value());
    }
    return images;
}

/// The maps of a run's method (each explaining `targets`, or the predicted classes when empty),
/// errors prefixed with the model's file.
Result<std::vector<engine::CamOutput>> camsOf(const engine::Model& model, const std::vector<engine::ImageU8>& images,
                                              engine::CamMethod method, std::vector<int> targets = {})
{
    engine::CamRequest request;
    request.methods = {method};
    request.targetClasses = std::move(targets);
    auto cams = camMaps(model, images, request);
    if (!cams)
        return Error{model.path() + ": " + cams.error()};
    return std::move(cams.value().front());
}

/// The sanity checks' randomised copies of a run's models, made once per model and depth (on the
/// run's thread).
class RandomisedCopies final {
public:
    explicit RandomisedCopies(std::uint64_t seed) : m_seed(seed) {}

    /// The copy of `model` with its first `blocks` randomisation blocks re-initialised.
    Result<const engine::Model*> get(const engine::Model& model, int blocks)
    {
        auto& copy = m_copies[{&model, blocks}];
        if (!copy) {
            auto made = model.randomisedCopy(blocks, m_seed);
            if (!made)
                return made.failure();
            copy = std::move(made).value();
        }
        return static_cast<const engine::Model*>(copy.get());
    }

    /// The model's randomisation blocks, listed once.
    const std::vector<std::string>& blocks(const engine::Model& model)
    {
        auto found = m_blocks.find(&model);
        if (found == m_blocks.end())
            found = m_blocks.emplace(&model, model.randomisationBlocks()).first;
        return found->second;
    }

private:
    const std::uint64_t m_seed;
    std::map<std::pair<const engine::Model*, int>, std::unique_ptr<engine::Model>> m_copies;
    std::map<const engine::Model*, std::vector<std::string>> m_blocks;
};

/// The batch's images at the model's input size, in batch order.
std::vector<engine::ImageU8> inputsAt(const LoadedModel& loaded, const std::vector<BatchImage>& images)
{
    const auto size = std::make_pair(loaded.width, loaded.height);
    std::vector<engine::ImageU8> inputs;
    for (const auto& image : images)
        inputs.push_back(image.resized.at(size));
    return inputs;
}

/// The measures a run computes, in registry order: the predictions always, the others as asked.
std::vector<const Measure*> requestedMeasures(const MeasureRunParams& params)
{
    std::vector<const Measure*> measures;
    for (const Measure* measure : measureRegistry())
        if (measure->kind() == MeasureKind::Predictions || params.measures.count(measure->kind()))
            measures.push_back(measure);
    return measures;
}

/// Whether any requested measure needs this of its maps.
bool anyNeeds(const MeasureRunParams& params, bool MapNeeds::*need)
{
    for (const Measure* measure : requestedMeasures(params))
        if (measure->needs().*need)
            return true;
    return false;
}

/// Computes every requested measure of one batch for one model, per image on the host.
class BatchMeasurer final {
public:
    BatchMeasurer(const MeasureRunParams& params, RowCollector& rows)
        : m_params(params), m_rows(rows), m_measures(requestedMeasures(params)), m_copies(params.settings.sanity.seed)
    {
    }

    /// Adds the batch's rows; returns the clean passes (for stability).
    Result<std::vector<HostPass>> measure(const LoadedModel& loaded, const std::vector<BatchImage>& images)
    {
        const auto& model = *loaded.model;
        const std::vector<engine::ImageU8> inputs = inputsAt(loaded, images);
        auto cams = camsOf(model, inputs, m_params.settings.method);
        if (!cams)
            return cams.failure();
        const auto clean = hostPasses(std::move(cams).value(), model.metadata(), m_params.settings.score);
        for (const Measure* measure : m_measures)
            if (measure->source() == RowSource::CleanPass)
                addRows(*measure, {}, loaded, images, clean, clean);
        for (const Measure* measure : m_measures)
            if (measure->source() == RowSource::VariantPasses)
                for (const auto& variant : measure->variants(m_params.settings, loaded.width, loaded.height))
                    if (auto status = measureVariant(*measure, variant, loaded, images, inputs, clean); !status)
                        return status.failure();
        if (auto status = measureRandomised(loaded, images, inputs, clean); !status)
            return status.failure();
        if (auto status = measureCurves(loaded, images, inputs, clean); !status)
            return status.failure();
        return clean;
    }

    /// The rows of the measures made from randomised copies of the model (the sanity checks)
    /// alone, from a clean pass of their own: what a run with its maths on a device adds.
    Status measureRandomisedOnly(const LoadedModel& loaded, const std::vector<BatchImage>& images)
    {
        if (!needsRandomised())
            return Ok{};
        const std::vector<engine::ImageU8> inputs = inputsAt(loaded, images);
        auto cams = camsOf(*loaded.model, inputs, m_params.settings.method);
        if (!cams)
            return cams.failure();
        return measureRandomised(loaded, images, inputs,
                                 hostPasses(std::move(cams).value(), loaded.model->metadata(),
                                            m_params.settings.score));
    }

private:
    bool needsRandomised() const
    {
        return std::any_of(m_measures.begin(), m_measures.end(),
                           [](const Measure* m) { return m->source() == RowSource::RandomisedModels; });
    }

    /// Each variant's maps from a randomised copy of the model (cascadeStep > 0) or of another
    /// class than the predicted one (the random-logit test), against the clean maps.
    Status measureRandomised(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                             const std::vector<engine::ImageU8>& inputs, const std::vector<HostPass>& clean)
    {
        const engine::CamMethod method = m_params.settings.method;
        for (const Measure* measure : m_measures) {
            if (measure->source() != RowSource::RandomisedModels)
                continue;
            const int blocks = int(m_copies.blocks(*loaded.model).size());
            const auto variants = measure->variants(m_params.settings, loaded.width, loaded.height);
            for (const auto& variant : variants) {
                Result<std::vector<engine::CamOutput>> cams = Error{"no maps"};
                double share = std::numeric_limits<double>::quiet_NaN();
                if (variant.cascadeStep > 0) {
                    const int count = sanityBlocksAtStep(variant.cascadeStep, m_params.settings.sanity.steps, blocks);
                    auto copy = m_copies.get(*loaded.model, count);
                    if (!copy)
                        return Error{loaded.model->path() + ": " + copy.error()};
                    cams = camsOf(*copy.value(), inputs, method);
                    share = blocks > 0 ? double(count) / blocks : share;
                } else {
                    std::vector<int> targets;
                    for (std::size_t i = 0; i < images.size(); ++i)
                        targets.push_back(randomLogitClass(clean[i].values.predicted, loaded.model->classCount(),
                                                           images[i].noiseKey));
                    cams = camsOf(*loaded.model, inputs, method, targets);
                }
                if (!cams)
                    return cams.failure();
                addRows(*measure, variant, loaded, images, clean,
                        hostPasses(std::move(cams).value(), loaded.model->metadata(), m_params.settings.score), share);
            }
        }
        return Ok{};
    }

    /// The faithfulness curves: each step's image of each curve, forward passes only, scored by
    /// the probability of the class each clean map explains (its predicted class).
    Status measureCurves(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                         const std::vector<engine::ImageU8>& inputs, const std::vector<HostPass>& clean)
    {
        std::vector<engine::ImageU8> cleanMaps;
        std::vector<int> classes;
        std::vector<PassValues> cleanValues;
        std::vector<ImageKey> keys;
        for (std::size_t i = 0; i < clean.size(); ++i) {
            cleanMaps.push_back(clean[i].upscaled);
            classes.push_back(clean[i].values.predicted);
            cleanValues.push_back(clean[i].values);
            keys.push_back({images[i].index, images[i].label});
        }
        for (const Measure* measure : m_measures) {
            if (measure->source() != RowSource::ScoreCurves)
                continue;
            const auto& curves = static_cast<const CurveMeasure&>(*measure);
            const auto steps = curves.variants(m_params.settings, loaded.width, loaded.height);
            const auto contexts = curveContexts(curves, inputs, cleanMaps, images, m_params.settings);
            std::vector<std::vector<std::vector<double>>> probability(std::size_t(curves.curveCount()));
            for (int curve = 0; curve < curves.curveCount(); ++curve)
                for (const auto& step : steps) {
                    auto varied = curveImages(curves, contexts, inputs, step, curve, m_params.settings);
                    if (!varied)
                        return varied.failure();
                    auto probabilities = classProbabilities(*loaded.model, varied.value(), classes);
                    if (!probabilities)
                        return probabilities.failure();
                    probability[std::size_t(curve)].push_back(std::move(probabilities).value());
                }
            addCurveRows(m_rows, curves, steps, loaded.name, loaded.model->metadata().positiveClass, keys, cleanValues,
                         probability);
        }
        return Ok{};
    }

    Status measureVariant(const Measure& measure, const MeasureVariant& variant, const LoadedModel& loaded,
                          const std::vector<BatchImage>& images, const std::vector<engine::ImageU8>& inputs,
                          const std::vector<HostPass>& clean)
    {
        // Varying an image (the degradation's blur above all) is the costly CPU step: one image
        // per pool thread.
        std::vector<std::size_t> order(inputs.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        const auto results =
            QtConcurrent::blockingMapped<std::vector<Result<engine::ImageU8>>>(order, [&](std::size_t i) {
                return measure.vary(variant, inputs[i], clean[i].upscaled, images[i].noiseKey, m_params.settings);
            });
        std::vector<engine::ImageU8> varied;
        for (const auto& image : results) {
            if (!image)
                return image.failure();
            varied.push_back(image.value());
        }
        auto cams = camsOf(*loaded.model, varied, m_params.settings.method);
        if (!cams)
            return cams.failure();
        addRows(measure, variant, loaded, images, clean,
                hostPasses(std::move(cams).value(), loaded.model->metadata(), m_params.settings.score));
        return Ok{};
    }

    void addRows(const Measure& measure, const MeasureVariant& variant, const LoadedModel& loaded,
                 const std::vector<BatchImage>& images, const std::vector<HostPass>& clean,
                 const std::vector<HostPass>& passes, double randomisedShare = std::numeric_limits<double>::quiet_NaN())
    {
        const auto size = std::make_pair(loaded.width, loaded.height);
        const int positive = loaded.model->metadata().positiveClass;
        for (std::size_t i = 0; i < images.size(); ++i) {
            auto in = hostRowInputs(measure, variant, clean[i], passes[i], images[i].label, positive,
                                    mapAt(images[i].annotation, size), m_params.settings.ssim,
                                    mapAt(images[i].mask, size));
            in.randomisedShare = randomisedShare;
            m_rows.add(measure.kind(), {images[i].index, loaded.name, variant.name, measure.row(variant, in)});
        }
    }

    const MeasureRunParams& m_params;
    RowCollector& m_rows;
    const std::vector<const Measure*> m_measures;
    RandomisedCopies m_copies;
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

    Status resolve(engine::DeviceMeasures& device)
    {
        auto values = device.fetch(m_columns);
        if (!values)
            return values.failure();
        for (const auto& build : m_builders)
            build(values.value());
        m_columns.clear();
        m_builders.clear();
        return Ok{};
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
/// summation order; the degradation's blur within one grey level per pass, see devicemeasures.h),
/// made by the same Measure::row() from values fetched once per batch.
class DeviceBatchMeasurer final {
public:
    DeviceBatchMeasurer(const MeasureRunParams& params, RowCollector& rows, engine::DeviceMeasures& device)
        : m_params(params), m_rows(rows), m_device(device), m_measures(requestedMeasures(params))
    {
    }

    /// Queues the batch's work and its rows in `pending`; returns the clean 8-bit maps (for stability).
    Result<engine::DeviceArray> measure(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                                        PendingRows& pending)
    {
        const auto& model = *loaded.model;
        DEVICE_TRY(batch, engine::ImageBatch::fromImages(inputsAt(loaded, images)));
        DEVICE_TRY(pixels, m_device.upload(batch));
        DEVICE_TRY(cams, m_device.cams(model, pixels, m_params.settings.method));
        DEVICE_TRY(small, m_device.quantize(cams.cams));
        DEVICE_TRY(upscaled, m_device.upscale(small, loaded.width, loaded.height));
        const Maps clean{cams, small, upscaled};
        DEVICE_TRY(cleanColumns, columnsOf(loaded, images, cleanNeeds(), clean, clean, nullptr, {}, pending));
        for (const Measure* measure : m_measures)
            if (measure->source() == RowSource::CleanPass)
                later(*measure, {}, loaded, images, cleanColumns, cleanColumns, pending);
        for (const Measure* measure : m_measures) {
            if (measure->source() != RowSource::VariantPasses)
                continue;
            for (const auto& variant : measure->variants(m_params.settings, loaded.width, loaded.height)) {
                std::vector<std::uint64_t> noiseKeys;
                for (const auto& image : images)
                    noiseKeys.push_back(image.noiseKey);
                DEVICE_TRY(varied,
                           measure->varyOnDevice(m_device, variant, pixels, upscaled, noiseKeys, m_params.settings));
                DEVICE_TRY(passCams, m_device.cams(model, varied, m_params.settings.method));
                DEVICE_TRY(passSmall, m_device.quantize(passCams.cams));
                DEVICE_TRY(passUpscaled, m_device.upscale(passSmall, loaded.width, loaded.height));
                DEVICE_TRY(columns,
                           columnsOf(loaded, images, measure->needs(), {passCams, passSmall, passUpscaled}, clean,
                                     measure, variant, pending));
                later(*measure, variant, loaded, images, cleanColumns, columns, pending);
            }
        }
        DEVICE_TRY(curvesQueued, measureCurves(loaded, images, cams, upscaled, cleanColumns, pending));
        (void)curvesQueued;
        return small;
    }

private:
    /// One pass's arrays on the device.
    struct Maps final {
        const engine::DeviceCams& cams;
        const engine::DeviceArray& small;
        const engine::DeviceArray& upscaled;
    };
    /// Where a pass's values lie in the batch's fetch (Undefined: NaN).
    struct Columns final {
        std::size_t score = Undefined;
        std::size_t predicted = Undefined;
        std::size_t flat = Undefined;
        std::size_t entropyBits = Undefined;
        std::size_t normalizedEntropy = Undefined;
        std::size_t spatialEntropy = Undefined;
        std::size_t annotationMass = Undefined;
        std::size_t ssimSmall = Undefined;
        std::size_t ssimUpscaled = Undefined;
        std::vector<bool> annotated;
        /// Computed on the host from the fetched upscaled maps (empty when not asked for).
        std::vector<LocalisationScores> annotationLocalisation;
        std::vector<LocalisationScores> maskLocalisation;
    };
    static constexpr std::size_t Undefined = std::size_t(-1);

    /// The faithfulness curves: the varied images are made on the host (from the clean maps,
    /// fetched once), each step's forward pass runs on the device.
    Result<bool> measureCurves(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                               const engine::DeviceCams& cams, const engine::DeviceArray& upscaled,
                               const Columns& cleanColumns, PendingRows& pending)
    {
        std::vector<const CurveMeasure*> curveMeasures;
        for (const Measure* measure : m_measures)
            if (measure->source() == RowSource::ScoreCurves)
                curveMeasures.push_back(static_cast<const CurveMeasure*>(measure));
        if (curveMeasures.empty())
            return false;
        DEVICE_TRY(cleanMaps, m_device.downloadImages(upscaled));
        const std::vector<engine::ImageU8> inputs = inputsAt(loaded, images);
        std::vector<ImageKey> keys;
        for (const auto& image : images)
            keys.push_back({image.index, image.label});
        for (const CurveMeasure* curves : curveMeasures) {
            const auto steps = curves->variants(m_params.settings, loaded.width, loaded.height);
            const auto contexts = curveContexts(*curves, inputs, cleanMaps, images, m_params.settings);
            std::vector<std::vector<std::size_t>> columns(std::size_t(curves->curveCount()));
            for (int curve = 0; curve < curves->curveCount(); ++curve)
                for (const auto& step : steps) {
                    DEVICE_TRY(varied, curveImages(*curves, contexts, inputs, step, curve, m_params.settings));
                    DEVICE_TRY(pixels, m_device.upload(varied));
                    DEVICE_TRY(probabilities, m_device.classProbability(*loaded.model, pixels, cams.predicted));
                    columns[std::size_t(curve)].push_back(pending.column(probabilities));
                }
            pending.later([this, curves, steps, keys, columns, cleanColumns, name = loaded.name,
                           positive = loaded.model->metadata().positiveClass](const PendingRows::Values& v) {
                std::vector<PassValues> clean;
                for (std::size_t i = 0; i < keys.size(); ++i)
                    clean.push_back(valuesAt(v, cleanColumns, i));
                std::vector<std::vector<std::vector<double>>> probability;
                for (const auto& curve : columns) {
                    probability.emplace_back();
                    for (std::size_t column : curve)
                        probability.back().push_back(v[column]);
                }
                addCurveRows(m_rows, *curves, steps, name, positive, keys, clean, probability);
            });
        }
        return true;
    }

    /// What the clean pass's measures (predictions, entropy, ...) need, together.
    MapNeeds cleanNeeds() const
    {
        MapNeeds needs;
        for (const Measure* measure : m_measures)
            if (measure->source() == RowSource::CleanPass) {
                const MapNeeds own = measure->needs();
                needs.histogramEntropy |= own.histogramEntropy;
                needs.spatialEntropy |= own.spatialEntropy;
                needs.annotationMass |= own.annotationMass;
                needs.ssimSmall |= own.ssimSmall;
                needs.ssimUpscaled |= own.ssimUpscaled;
                needs.localisation |= own.localisation;
            }
        return needs;
    }

    /// Queues the arrays `needs` asks of `pass` (compared with `clean`) for the batch's fetch.
    Result<Columns> columnsOf(const LoadedModel& loaded, const std::vector<BatchImage>& images, const MapNeeds& needs,
                              const Maps& pass, const Maps& clean, const Measure* measure,
                              const MeasureVariant& variant, PendingRows& pending)
    {
        Columns columns;
        if (needs.histogramEntropy) {
            DEVICE_TRY(histogram, m_device.histogramEntropy(pass.small));
            columns.entropyBits = pending.column(histogram.first);
            columns.normalizedEntropy = pending.column(histogram.second);
        }
        if (needs.spatialEntropy) {
            DEVICE_TRY(spatial, m_device.spatialEntropy(pass.cams.cams));
            columns.spatialEntropy = pending.column(spatial);
        }
        if (needs.annotationMass) {
            const auto size = std::make_pair(loaded.width, loaded.height);
            std::vector<engine::ImageU8> annotations;
            for (const auto& image : images) {
                const auto found = image.annotation.find(size);
                columns.annotated.push_back(found != image.annotation.end());
                annotations.push_back(found != image.annotation.end()
                                          ? found->second
                                          : engine::ImageU8::zeros(loaded.width, loaded.height, 1));
            }
            if (std::find(columns.annotated.begin(), columns.annotated.end(), true) != columns.annotated.end()) {
                DEVICE_TRY(uploaded, m_device.upload(annotations));
                DEVICE_TRY(values, m_device.annotationMass(pass.upscaled, uploaded));
                columns.annotationMass = pending.column(values);
            }
        }
        if (needs.localisation) {
            // Histograms of 256 levels per image: the maps are fetched and scored on the host,
            // by the same function as the host batch.
            DEVICE_TRY(maps, m_device.downloadImages(pass.upscaled));
            const auto size = std::make_pair(loaded.width, loaded.height);
            for (std::size_t i = 0; i < images.size(); ++i) {
                const engine::ImageU8* annotation = mapAt(images[i].annotation, size);
                const engine::ImageU8* mask = mapAt(images[i].mask, size);
                columns.annotationLocalisation.push_back(annotation ? localisationScores(maps[i], *annotation)
                                                                    : LocalisationScores());
                columns.maskLocalisation.push_back(mask ? localisationScores(maps[i], *mask) : LocalisationScores());
            }
        }
        if (needs.ssimSmall)
            columns.ssimSmall = ssimColumn(pass.small, clean.small, pending);
        if (needs.ssimUpscaled) {
            if (measure) {
                DEVICE_TRY(expected, measure->expectedMapOnDevice(m_device, variant, clean.upscaled));
                columns.ssimUpscaled = ssimColumn(pass.upscaled, expected, pending);
            } else {
                columns.ssimUpscaled = ssimColumn(pass.upscaled, clean.upscaled, pending);
            }
        }
        columns.score = pending.column(scoreArray(pass.cams));
        columns.predicted = pending.column(pass.cams.predicted);
        columns.flat = pending.column(pass.cams.flat);
        return columns;
    }

    /// Adds the measure's rows of this pass once the batch's values are fetched.
    void later(const Measure& measure, const MeasureVariant& variant, const LoadedModel& loaded,
               const std::vector<BatchImage>& images, const Columns& clean, const Columns& pass, PendingRows& pending)
    {
        struct Key final {
            std::int64_t index;
            int label;
        };
        std::vector<Key> keys;
        for (const auto& image : images)
            keys.push_back({image.index, image.label});
        const int positive = loaded.model->metadata().positiveClass;
        pending.later(
            [this, &measure, variant, keys, positive, clean, pass, name = loaded.name](const PendingRows::Values& v) {
                for (std::size_t i = 0; i < keys.size(); ++i) {
                    RowInputs in;
                    in.label = keys[i].label;
                    in.positiveClass = positive;
                    in.clean = valuesAt(v, clean, i);
                    in.pass = valuesAt(v, pass, i);
                    in.entropyBits = at(v, pass.entropyBits, i);
                    in.normalizedEntropy = at(v, pass.normalizedEntropy, i);
                    in.spatialEntropy = at(v, pass.spatialEntropy, i);
                    if (i < pass.annotated.size() && pass.annotated[i])
                        in.annotationMass = at(v, pass.annotationMass, i);
                    in.ssimSmall = at(v, pass.ssimSmall, i);
                    in.ssimUpscaled = at(v, pass.ssimUpscaled, i);
                    if (i < pass.annotationLocalisation.size()) {
                        in.annotationLocalisation = pass.annotationLocalisation[i];
                        in.maskLocalisation = pass.maskLocalisation[i];
                    }
                    m_rows.add(measure.kind(), {keys[i].index, name, variant.name, measure.row(variant, in)});
                }
            });
    }

    static PassValues valuesAt(const PendingRows::Values& v, const Columns& columns, std::size_t i)
    {
        PassValues values;
        values.score = v[columns.score][i];
        values.predicted = int(v[columns.predicted][i]);
        values.flat = v[columns.flat][i] != 0;
        return values;
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

    const MeasureRunParams& m_params;
    RowCollector& m_rows;
    engine::DeviceMeasures& m_device;
    const std::vector<const Measure*> m_measures;
};

/// A mask (annotation or artefact mask) at each model's input size, resized as the images are
/// (Pillow's bilinear). An unreadable mask leaves its values undefined (NaN), nothing else.
void addMaskSizes(const std::string& path, const std::vector<LoadedModel>& models,
                  std::map<std::pair<int, int>, engine::ImageU8>& sizes)
{
    auto mask = readImageGray(path);
    if (!mask)
        return;
    for (const auto& model : models) {
        const auto size = std::make_pair(model.width, model.height);
        if (!sizes.count(size))
            sizes[size] = resizeForModel(mask.value(), model.width, model.height);
    }
}

/// Fills `image.resized` for every model input size: from the cache when the run has one,
/// otherwise by decoding once and resizing with Pillow's bilinear filter.
Status prepareImage(const MeasureRunParams& params, std::size_t index, const std::vector<LoadedModel>& models,
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
                return cached.failure();
            image.resized[size] = std::move(cached).value();
        }
    } else {
        auto decoded = readImageRgb(record.path, maxPixels);
        if (!decoded)
            return decoded.failure();
        for (const auto& model : models) {
            const auto size = std::make_pair(model.width, model.height);
            if (!image.resized.count(size))
                image.resized[size] = resizeForModel(decoded.value(), model.width, model.height);
        }
    }
    const bool localisation = anyNeeds(params, &MapNeeds::localisation);
    if (!record.annotationPath.empty() && (localisation || anyNeeds(params, &MapNeeds::annotationMass)))
        addMaskSizes(record.annotationPath, models, image.annotation);
    if (!record.maskPath.empty() && localisation)
        addMaskSizes(record.maskPath, models, image.mask);
    return Ok{};
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

const std::vector<std::string>& measureColumns(MeasureKind kind) { return measureOf(kind).columns(); }

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
    const Measure& measure = measureOf(kind);
    int rows = 0;
    if (measure.source() == RowSource::ModelPairs) {
        for (const auto& family : effectiveFamilies(params))
            rows += int(family.members.size() * (family.members.size() - 1) / 2);
        return rows;
    }
    // inputSizes holds one size per model (ProjectRunPlan::inputSizes)
    for (std::size_t m = 0; m < params.models.size(); ++m) {
        const auto [width, height] = m < inputSizes.size() ? inputSizes[m] : std::make_pair(0, 0);
        rows += measure.rowsPerModel(params.settings, width, height);
    }
    return rows;
}

engine::ModelLoadOptions modelLoadOptions(const ModelEntry& entry, const std::string& device)
{
    engine::ModelLoadOptions options;
    options.layer = entry.layer;
    options.device = device;
    options.metadata = entry.metadata;
    return options;
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

Result<std::set<MeasureKind>> parseMeasures(const std::string& text)
{
    std::set<MeasureKind> measures;
    for (const QString& part : QString::fromStdString(text).split(',', Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().toLower();
        if (name == QLatin1String("all")) {
            for (const Measure* measure : measureRegistry())
                if (measure->partOfAll())
                    measures.insert(measure->kind());
            continue;
        }
        bool found = false;
        for (const Measure* measure : measureRegistry()) {
            const auto aliases = measure->aliases();
            if (name == QLatin1String(measure->name())
                || std::find(aliases.begin(), aliases.end(), name.toStdString()) != aliases.end()) {
                measures.insert(measure->kind());
                found = true;
            }
        }
        if (!found) {
            std::string names;
            for (const Measure* measure : measureRegistry())
                if (measure->kind() != MeasureKind::Predictions)
                    names += std::string(measure->name()) + ", ";
            names = names.substr(0, names.size() - 2);
            return Error{"unknown measure '" + part.toStdString() + "' (" + names + " or all)"};
        }
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

namespace {

/// The models of a run, loaded (through the run's model cache when it has one) and indexed by name.
struct RunModels final {
    std::vector<LoadedModel> models;
    std::map<std::string, std::size_t> index;
};

Result<RunModels> loadRunModels(const MeasureRunParams& params)
{
    RunModels loadedModels;
    auto& models = loadedModels.models;
    auto& modelIndex = loadedModels.index;
    for (const auto& entry : params.models) {
        if (modelIndex.count(entry.name))
            return Error{"two models are named '" + entry.name + "'"};
        const engine::ModelLoadOptions options = modelLoadOptions(entry, params.device);
        auto loaded = params.modelCache ? params.modelCache->get(entry.path, options) : loadModel(entry.path, options);
        if (!loaded)
            return loaded.failure();
        LoadedModel model{entry.name, std::move(loaded).value(), 0, 0};
        model.width = model.model->metadata().inputWidth;
        model.height = model.model->metadata().inputHeight;
        modelIndex[entry.name] = models.size();
        models.push_back(std::move(model));
    }
    return loadedModels;
}

/// Stability needs families of two or more different, known models.
Status checkFamilies(const MeasureRunParams& params, const std::vector<FamilyEntry>& families,
                     const std::map<std::string, std::size_t>& modelIndex)
{
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
    return Ok{};
}

/// SSIM slides its window over the maps: a window larger than a model's map (or input) would
/// leave every SSIM of that model empty.
Status checkSsimWindow(const MeasureRunParams& params, const std::vector<LoadedModel>& models)
{
    const int window = params.settings.ssim.windowSize;
    const bool smallMaps = anyNeeds(params, &MapNeeds::ssimSmall);
    const bool inputMaps = anyNeeds(params, &MapNeeds::ssimUpscaled);
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
    return Ok{};
}

/// The measures' maths on the model's device (one fetch per batch), or null: per image on the host.
Result<std::unique_ptr<engine::DeviceMeasures>> deviceMathsFor(const MeasureRunParams& params,
                                                               const std::vector<LoadedModel>& models)
{
    const bool onDevice = params.maths == MeasureMaths::Device
        || (params.maths == MeasureMaths::Auto && models.front().model->deviceName().rfind("cpu", 0) != 0);
    if (onDevice) {
        auto created = engine::DeviceMeasures::create(models.front().model->deviceName());
        if (!created)
            return created.failure();
        return std::move(created).value();
    }
    return std::unique_ptr<engine::DeviceMeasures>();
}

/// A batch of images decoded and resized for every model, and the images that could not be.
struct PreparedBatch final {
    std::vector<BatchImage> images;
    std::vector<std::pair<std::string, std::string>> skipped;
    std::size_t size = 0;
};

/// The batch loop of a run: prepares batch b+1 on a second thread while batch b computes, measures
/// each batch with every model (on the device or the host), adds the family pairs' rows, and
/// retries a failing batch image by image so only the images that fail alone are skipped.
class MeasureRun final {
public:
    MeasureRun(const MeasureRunParams& params, RunModels models, std::vector<FamilyEntry> families,
               engine::DeviceMeasures* device, RowCollector& rows, const CancelToken& cancel)
        : m_params(params), m_models(std::move(models.models)), m_modelIndex(std::move(models.index)),
          m_families(std::move(families)), m_device(device), m_rows(rows), m_cancel(cancel), m_measurer(params, rows),
          m_deviceMeasurer(device ? std::make_unique<DeviceBatchMeasurer>(params, rows, *device) : nullptr),
          m_records(params.dataset.records), m_batchSize(std::size_t(effectiveBatchSize(params)))
    {
        // Measures whose rows compare the clean maps of a family's models (stability).
        for (const Measure* measure : requestedMeasures(params))
            if (measure->source() == RowSource::ModelPairs)
                m_pairMeasures.push_back(measure);
        for (std::int64_t i = 0; i < std::int64_t(m_records.size()); ++i)
            if (!params.includeImage || params.includeImage(i))
                m_selected.push_back(i);
    }

    Status run(MeasureRunResult& result, ProgressSink& progress)
    {
        const auto total = std::int64_t(m_selected.size());
        std::int64_t done = 0;
        progress.progress(0, total);
        // Batch b+1 is decoded on a second thread while batch b computes (at most one batch ahead).
        const std::size_t batches = (m_selected.size() + m_batchSize - 1) / m_batchSize;
        Prefetcher<PreparedBatch> prefetcher(batches, m_params.prefetch ? 1 : 0,
                                             [this](std::size_t b) { return prepareBatch(b); });
        for (std::size_t b = 0; b < batches; ++b) {
            if (m_cancel.isCancelled())
                return Error::cancelled();
            PreparedBatch prepared = prefetcher.next();
            if (m_cancel.isCancelled())
                return Error::cancelled();
            for (auto& [path, reason] : prepared.skipped) {
                progress.message("skipped " + reason);
                result.skipped.emplace_back(path, reason);
            }
            std::vector<BatchImage> batch = std::move(prepared.images);
            if (auto measured = measureOrSkip(batch, result, progress); !measured)
                return measured;
            done += std::int64_t(prepared.size);
            result.imagesComputed += std::int64_t(batch.size());
            progress.progress(done, total);
        }
        return Ok{};
    }

private:
    static constexpr std::size_t NoModel = std::size_t(-1);

    PreparedBatch prepareBatch(std::size_t b)
    {
        PreparedBatch prepared;
        const std::size_t start = b * m_batchSize;
        const std::size_t end = std::min(m_selected.size(), start + m_batchSize);
        prepared.size = end - start;
        for (std::size_t s = start; s < end; ++s) {
            if (m_cancel.isCancelled())
                break;
            const auto& record = m_records[std::size_t(m_selected[s])];
            BatchImage image;
            image.index = m_selected[s];
            image.label = record.label;
            image.noiseKey = noiseKeyOf(record.path, m_params.dataset.location);
            auto status = prepareImage(m_params, std::size_t(m_selected[s]), m_models, image);
            if (!status) {
                prepared.skipped.emplace_back(record.path, status.error());
                continue;
            }
            prepared.images.push_back(std::move(image));
        }
        return prepared;
    }

    /// Measures `batch` and flushes its rows. A batch that fails for a model is measured again
    /// image by image with that model: the images that fail alone are skipped (for every model, so
    /// the run's images stay paired) with the model's message, and the batch is measured without
    /// them. `batch` keeps the images measured.
    Status measureOrSkip(std::vector<BatchImage>& batch, MeasureRunResult& result, ProgressSink& progress)
    {
        while (!batch.empty()) {
            std::size_t failedModel = NoModel;
            auto measured = measureBatch(batch, NoModel, failedModel);
            if (measured) {
                m_rows.flush();
                break;
            }
            m_rows.discard();
            if (m_cancel.isCancelled())
                return Error::cancelled();
            std::vector<BatchImage> kept;
            bool removed = false;
            for (auto& image : batch) {
                std::string reason;
                for (std::size_t m = 0; m < m_models.size() && reason.empty(); ++m) {
                    if (failedModel != NoModel && m != failedModel)
                        continue;
                    std::size_t ignored = NoModel;
                    auto alone = measureBatch({image}, m, ignored);
                    m_rows.discard();
                    if (m_cancel.isCancelled())
                        return Error::cancelled();
                    if (!alone)
                        reason = "model " + m_models[m].name + ": " + alone.error();
                }
                if (reason.empty()) {
                    kept.push_back(std::move(image));
                    continue;
                }
                const std::string& path = m_records[std::size_t(image.index)].path;
                progress.message("skipped " + path + ": " + reason);
                result.skipped.emplace_back(path, reason);
                removed = true;
            }
            if (!removed) // no image fails alone: the batch's failure is not an image's
                return measured.failure();
            batch = std::move(kept);
        }
        return Ok{};
    }

    /// Measures `batch` with every model (or only models[only]); its rows wait in the collector
    /// for a flush. On failure, `failed` is the failing model's index when it is known.
    Status measureBatch(const std::vector<BatchImage>& batch, std::size_t only, std::size_t& failed)
    {
        return m_deviceMeasurer ? measureOnDevice(batch, only, failed) : measureOnHost(batch, only, failed);
    }

    Status measureOnDevice(const std::vector<BatchImage>& batch, std::size_t only, std::size_t& failed)
    {
        PendingRows pending;
        std::vector<engine::DeviceArray> smallMaps;
        for (const auto& model : m_models) {
            if (m_cancel.isCancelled())
                return Error::cancelled();
            if (only != NoModel && &model != &m_models[only])
                continue;
            auto measured = m_deviceMeasurer->measure(model, batch, pending);
            if (!measured) {
                failed = std::size_t(&model - m_models.data());
                return measured.failure();
            }
            // The sanity checks compare maps on the host (their Spearman ranks).
            if (auto randomised = m_measurer.measureRandomisedOnly(model, batch); !randomised) {
                failed = std::size_t(&model - m_models.data());
                return randomised.failure();
            }
            smallMaps.push_back(measured.value());
        }
        if (only == NoModel)
            for (const Measure* measure : m_pairMeasures)
                for (const auto& family : m_families)
                    for (std::size_t a = 0; a < family.members.size(); ++a)
                        for (std::size_t c = a + 1; c < family.members.size(); ++c) {
                            auto similarity = m_device->ssim(smallMaps[m_modelIndex[family.members[a]]],
                                                             smallMaps[m_modelIndex[family.members[c]]],
                                                             m_params.settings.ssim);
                            const std::size_t column = similarity ? pending.column(similarity.value())
                                                                  : std::size_t(-1);
                            const std::string pair = family.members[a] + "|" + family.members[c];
                            std::vector<std::int64_t> indices;
                            for (const auto& image : batch)
                                indices.push_back(image.index);
                            pending.later([rows = &m_rows, measure, indices, pair, column,
                                           name = family.name](const PendingRows::Values& v) {
                                for (std::size_t i = 0; i < indices.size(); ++i) {
                                    RowInputs in;
                                    in.ssimSmall = column == std::size_t(-1) ? NaN : v[column][i];
                                    MeasureVariant variant;
                                    variant.name = name;
                                    rows->add(measure->kind(), {indices[i], pair, name, measure->row(variant, in)});
                                }
                            });
                        }
        if (auto status = pending.resolve(*m_device); !status)
            return status.failure();
        return Ok{};
    }

    Status measureOnHost(const std::vector<BatchImage>& batch, std::size_t only, std::size_t& failed)
    {
        std::vector<std::vector<HostPass>> clean;
        for (const auto& model : m_models) {
            if (m_cancel.isCancelled())
                return Error::cancelled();
            if (only != NoModel && &model != &m_models[only])
                continue;
            auto measured = m_measurer.measure(model, batch);
            if (!measured) {
                failed = std::size_t(&model - m_models.data());
                return measured.failure();
            }
            clean.push_back(std::move(measured).value());
        }
        if (only == NoModel)
            for (const Measure* measure : m_pairMeasures)
                for (const auto& family : m_families)
                    for (std::size_t i = 0; i < batch.size(); ++i)
                        for (std::size_t a = 0; a < family.members.size(); ++a)
                            for (std::size_t b = a + 1; b < family.members.size(); ++b) {
                                RowInputs in;
                                in.ssimSmall = ssimOrNaN(clean[m_modelIndex[family.members[a]]][i].small,
                                                         clean[m_modelIndex[family.members[b]]][i].small,
                                                         m_params.settings.ssim);
                                MeasureVariant variant;
                                variant.name = family.name;
                                m_rows.add(measure->kind(),
                                           {batch[i].index, family.members[a] + "|" + family.members[b], family.name,
                                            measure->row(variant, in)});
                            }
        return Ok{};
    }

    const MeasureRunParams& m_params;
    std::vector<LoadedModel> m_models;
    std::map<std::string, std::size_t> m_modelIndex;
    const std::vector<FamilyEntry> m_families;
    engine::DeviceMeasures* m_device;
    RowCollector& m_rows;
    const CancelToken& m_cancel;
    BatchMeasurer m_measurer;
    std::unique_ptr<DeviceBatchMeasurer> m_deviceMeasurer;
    std::vector<const Measure*> m_pairMeasures;
    const std::vector<DatasetRecord>& m_records;
    std::vector<std::int64_t> m_selected;
    const std::size_t m_batchSize;
};

} // namespace

Result<MeasureRunResult> runMeasures(const MeasureRunParams& params, MeasureSink* sink, bool keepTables,
                                     ProgressSink& progress, const CancelToken& cancel)
{
    if (params.models.empty())
        return Error{"a measure run needs at least one model"};
    if (params.batchSize < 0)
        return Error{"batch size must be at least 1 (or 0 to size batches to the device's memory)"};
    auto models = loadRunModels(params);
    if (!models)
        return models.failure();
    std::vector<FamilyEntry> families = effectiveFamilies(params);
    if (auto status = checkFamilies(params, families, models->index); !status)
        return status.failure();
    if (auto status = checkSsimWindow(params, models->models); !status)
        return status.failure();
    auto device = deviceMathsFor(params, models->models);
    if (!device)
        return device.failure();
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
    MeasureRunResult result;
    // Entries the scan set aside (unsupported or unreadable files, bad manifest rows) are skipped
    // images of the run too, for the command line and the application alike.
    result.skipped = params.dataset.problems;
    MeasureRun run(params, std::move(models).value(), std::move(families), device->get(), rows, cancel);
    if (auto status = run.run(result, progress); !status)
        return status.failure();
    result.tables = std::move(rows).tables();
    return result;
}

} // namespace saliscope
