#include "measures/measurerunner.h"

#include "dataset/imagecache.h"
#include "dataset/imageio.h"
#include "engine/cammaps.h"
#include "engine/entropy.h"
#include "engine/model.h"

#include <QString>
#include <QStringList>
#include <QtConcurrent>

#include <cmath>
#include <filesystem>
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
    std::map<std::pair<int, int>, engine::ImageU8> annotation;  ///< human annotation at each input size; may be empty
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

double scoreOf(const engine::Prediction& prediction, const engine::ModelMetadata& metadata, ScoreKind kind)
{
    if (kind == ScoreKind::Softmax)
        return prediction.softmax.at(std::size_t(metadata.positiveClass));
    return prediction.positiveScore;
}

double correctOf(int predicted, int label)
{
    return label == UnknownLabel ? NaN : double(predicted == label);
}

/// Probability the model gives to `reference` class under the chosen score (binary score).
double probabilityOf(double score, int reference, int positiveClass)
{
    return reference == positiveClass ? score : 1.0 - score;
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
                       {images[i].index, loaded.name, "",
                        {double(label), double(predicted), c.score, correctOf(predicted, label), double(c.flat)}});
            if (wants(MeasureKind::Entropy)) {
                const auto entropy = engine::histogramEntropy(c.small);
                const auto annotation = images[i].annotation.find(size);
                const double mass = annotation == images[i].annotation.end()
                    ? NaN
                    : annotationMass(engine::upscaleMap(c.small, loaded.width, loaded.height), annotation->second);
                m_rows.add(MeasureKind::Entropy, {images[i].index, loaded.name, "",
                                                  {entropy.bits, entropy.normalized, engine::spatialEntropy(out.cam),
                                                   mass, double(c.flat)}});
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
                noisy.push_back(engine::addSaltPepperNoise(
                    inputs[i], level, engine::noiseDrawSeed(noise.seed, images[i].noiseKey, level), noise.saltVsPepper));
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
                           {images[i].index, loaded.name, variant.toStdString(),
                            {level, scoreOf(out.prediction, loaded.model->metadata(), m_params.settings.score),
                             double(predicted), correctOf(predicted, images[i].label),
                             engine::histogramEntropy(small).normalized, ssim(small, clean[i].small),
                             ssim(upscaled, clean[i].upscaled), double(out.flat)}});
            }
        }
        return engine::Ok{};
    }

    engine::Status measureTransforms(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                                     const std::vector<engine::ImageU8>& inputs,
                                     const std::vector<CleanResult>& clean)
    {
        const bool square = loaded.width == loaded.height;
        for (const auto& transform : engine::standardTransforms(loaded.width, m_params.settings.transforms)) {
            const bool rotation = transform.kind == engine::TransformKind::Rotate90Clockwise
                || transform.kind == engine::TransformKind::Rotate90CounterClockwise;
            if (rotation && !square)
                continue;  // a rotated non-square image no longer fits the model's input
            std::vector<engine::ImageU8> transformed;
            for (const auto& input : inputs)
                transformed.push_back(engine::applyTransform(input, transform));
            auto cams = gradCamOf(*loaded.model, transformed);
            if (!cams)
                return Error{cams.error()};
            const std::string variant = engine::transformName(transform);
            for (std::size_t i = 0; i < inputs.size(); ++i) {
                const auto& out = cams.value()[i];
                const auto upscaled =
                    engine::upscaleMap(engine::quantizeMap(out.cam), loaded.width, loaded.height);
                const auto expected = engine::applyTransform(clean[i].upscaled, transform);
                const int predicted = out.prediction.predictedClass;
                m_rows.add(MeasureKind::Transforms,
                           {images[i].index, loaded.name, variant,
                            {ssim(upscaled, expected),
                             scoreOf(out.prediction, loaded.model->metadata(), m_params.settings.score),
                             double(predicted), double(predicted != clean[i].prediction.predictedClass),
                             double(out.flat)}});
            }
        }
        return engine::Ok{};
    }

    engine::Status measureDegradation(const LoadedModel& loaded, const std::vector<BatchImage>& images,
                                      const std::vector<engine::ImageU8>& inputs,
                                      const std::vector<CleanResult>& clean)
    {
        const int positive = loaded.model->metadata().positiveClass;
        for (auto mode : {engine::DegradationMode::Background, engine::DegradationMode::Object}) {
            // The blur is the costly CPU step of this measure: one image per pool thread.
            std::vector<std::size_t> order(inputs.size());
            std::iota(order.begin(), order.end(), std::size_t(0));
            const auto results = QtConcurrent::blockingMapped<std::vector<engine::Result<engine::ImageU8>>>(
                order, [&](std::size_t i) {
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
                const auto upscaled =
                    engine::upscaleMap(engine::quantizeMap(out.cam), loaded.width, loaded.height);
                const int predicted = out.prediction.predictedClass;
                const double score = scoreOf(out.prediction, loaded.model->metadata(), m_params.settings.score);
                const int reference =
                    images[i].label == UnknownLabel ? clean[i].prediction.predictedClass : images[i].label;
                const double drop =
                    probabilityOf(clean[i].score, reference, positive) - probabilityOf(score, reference, positive);
                m_rows.add(MeasureKind::Degradation,
                           {images[i].index, loaded.name, variant,
                            {score, double(predicted), correctOf(predicted, images[i].label), drop,
                             ssim(upscaled, clean[i].upscaled), double(out.flat)}});
            }
        }
        return engine::Ok{};
    }

    const MeasureRunParams& m_params;
    RowCollector& m_rows;
};

/// Fills `image.resized` for every model input size: from the cache when the run has one,
/// otherwise by decoding once and resizing with Pillow's bilinear filter.
engine::Status prepareImage(const MeasureRunParams& params, std::size_t index, const std::vector<LoadedModel>& models,
                            BatchImage& image)
{
    const auto& record = params.dataset.records[index];
    const std::string hash = index < params.contentHashes.size() ? params.contentHashes[index] : std::string();
    if (params.cache && !hash.empty()) {
        for (const auto& model : models) {
            const auto size = std::make_pair(model.width, model.height);
            if (image.resized.count(size))
                continue;
            auto cached = params.cache->get(record.path, hash, model.width, model.height);
            if (!cached)
                return Error{cached.error()};
            image.resized[size] = std::move(cached).value();
        }
    } else {
        auto decoded = readImageRgb(record.path);
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
            return engine::Ok{};  // an unreadable annotation leaves annotation_mass undefined, nothing else
        for (const auto& model : models) {
            const auto size = std::make_pair(model.width, model.height);
            if (!image.annotation.count(size))
                image.annotation[size] =
                    resizeForModel(annotation.value(), model.width, model.height);
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

const std::vector<std::string>& measureColumns(MeasureKind kind)
{
    static const std::map<MeasureKind, std::vector<std::string>> columns{
        {MeasureKind::Predictions, {"label", "predicted_class", "score", "correct", "flat"}},
        {MeasureKind::Entropy, {"entropy_bits", "normalized_entropy", "spatial_entropy", "annotation_mass", "flat"}},
        {MeasureKind::Noise,
         {"level", "score", "predicted_class", "correct", "normalized_entropy", "ssim_small", "ssim_upscaled", "flat"}},
        {MeasureKind::Transforms, {"ssim_upscaled", "score", "predicted_class", "prediction_changed", "flat"}},
        {MeasureKind::Stability, {"ssim_small"}},
        {MeasureKind::Degradation,
         {"score", "predicted_class", "correct", "confidence_drop", "ssim_upscaled", "flat"}},
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
            rows += width == height ? 12 : 10;  // rotations need a square input
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

engine::Result<MeasureRunResult> runMeasures(const MeasureRunParams& params, MeasureSink* sink, bool keepTables,
                                             ProgressSink& progress, const CancelToken& cancel)
{
    if (params.models.empty())
        return Error{"a measure run needs at least one model"};
    if (params.batchSize < 1)
        return Error{"batch size must be at least 1"};
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
        }
    }

    RowCollector rows(sink, keepTables);
    BatchMeasurer measurer(params, rows);
    MeasureRunResult result;
    const auto& records = params.dataset.records;
    std::vector<std::int64_t> selected;
    for (std::int64_t i = 0; i < std::int64_t(records.size()); ++i)
        if (!params.includeImage || params.includeImage(i))
            selected.push_back(i);
    const auto total = std::int64_t(selected.size());
    std::int64_t done = 0;
    progress.progress(0, total);

    for (std::size_t start = 0; start < selected.size(); start += std::size_t(params.batchSize)) {
        if (cancel.isCancelled())
            return Error{"cancelled"};
        std::vector<BatchImage> batch;
        const std::size_t end = std::min(selected.size(), start + std::size_t(params.batchSize));
        for (std::size_t s = start; s < end; ++s) {
            const auto& record = records[std::size_t(selected[s])];
            BatchImage image;
            image.index = selected[s];
            image.label = record.label;
            image.noiseKey = fnv1a(relativeKey(record.path, params.dataset.location));
            auto prepared = prepareImage(params, std::size_t(selected[s]), models, image);
            if (!prepared) {
                result.skipped.emplace_back(record.path, prepared.error());
                progress.message("skipped " + prepared.error());
                continue;
            }
            batch.push_back(std::move(image));
        }
        if (!batch.empty()) {
            std::vector<std::vector<CleanResult>> clean;
            for (const auto& model : models) {
                if (cancel.isCancelled())
                    return Error{"cancelled"};
                auto measured = measurer.measure(model, batch);
                if (!measured)
                    return Error{measured.error()};
                clean.push_back(std::move(measured).value());
            }
            if (params.measures.count(MeasureKind::Stability))
                for (const auto& family : families)
                    for (std::size_t i = 0; i < batch.size(); ++i)
                        for (std::size_t a = 0; a < family.members.size(); ++a)
                            for (std::size_t b = a + 1; b < family.members.size(); ++b) {
                                const auto& first = clean[modelIndex[family.members[a]]][i].small;
                                const auto& second = clean[modelIndex[family.members[b]]][i].small;
                                auto value = engine::structuralSimilarity(first, second, params.settings.ssim);
                                rows.add(MeasureKind::Stability,
                                         {batch[i].index, family.members[a] + "|" + family.members[b], family.name,
                                          {value ? value.value() : NaN}});
                            }
            rows.flush();
        }
        done += std::int64_t(end - start);
        result.imagesComputed += std::int64_t(batch.size());
        progress.progress(done, total);
    }
    result.tables = std::move(rows).tables();
    return result;
}

} // namespace saliscope
