// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/preview/measurepreviewcompute.h"

#include "core/dataset/dataset.h"
#include "core/engine/cammaps.h"
#include "core/engine/degradation.h"
#include "core/engine/entropy.h"
#include "core/engine/imageops.h"
#include "core/engine/model.h"
#include "core/engine/ssim.h"
#include "core/measures/measurerunner.h"
#include "core/store/projectstore.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <filesystem>
#include <limits>

namespace saliscope::ui {

namespace {

using engine::Error;
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// Scores, correctness and drops come from measurerunner.h, as in a run; tst_measurepreview
// checks that the preview's values equal the rows runMeasures writes.

/// One Grad-CAM of one image (a batch of one, as a measure run over this image alone).
engine::Result<engine::CamOutput> camOf(const engine::Model& model, const engine::ImageU8& image)
{
    auto batch = engine::ImageBatch::fromImages({image});
    if (!batch)
        return Error{batch.error()};
    auto cams = model.gradCam(batch.value());
    if (!cams)
        return Error{cams.error()};
    return cams->front();
}

class ColumnBuilder final {
public:
    ColumnBuilder(const engine::Model& model, const MeasureSettings& settings)
        : m_model(model), m_settings(settings), m_width(model.metadata().inputWidth),
          m_height(model.metadata().inputHeight)
    {
    }

    double ssim(const engine::ImageU8& a, const engine::ImageU8& b) const
    {
        auto value = engine::structuralSimilarity(a, b, m_settings.ssim);
        return value ? value.value() : NaN;
    }

    /// Runs the model on `input` and fills the cell's map, score and prediction.
    engine::Result<PreviewCell> cell(std::string variant, engine::ImageU8 input, bool& flat,
                                     engine::ImageU8& upscaled) const
    {
        auto cam = camOf(m_model, input);
        if (!cam)
            return Error{cam.error()};
        PreviewCell cell;
        cell.variant = std::move(variant);
        cell.input = std::move(input);
        cell.map = engine::quantizeMap(cam->cam);
        cell.flat = cam->flat;
        flat = cam->flat;
        cell.score = scoreOf(cam->prediction, m_model.metadata(), m_settings.score);
        cell.predicted = cam->prediction.predictedClass;
        upscaled = engine::upscaleMap(cell.map, m_width, m_height);
        return cell;
    }

    const engine::Model& m_model;
    const MeasureSettings& m_settings;
    const int m_width;
    const int m_height;
};

} // namespace

bool isPreviewMeasure(MeasureKind kind)
{
    return kind == MeasureKind::Noise || kind == MeasureKind::Transforms || kind == MeasureKind::Degradation;
}

std::uint64_t previewNoiseKey(const std::string& path, const std::string& location)
{
    std::error_code code;
    const auto base = std::filesystem::is_directory(location, code) ? std::filesystem::path(location)
                                                                    : std::filesystem::path(location).parent_path();
    const auto relative = std::filesystem::path(path).lexically_relative(base);
    const std::string key = relative.empty() ? path : relative.generic_string();
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : key) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

engine::Result<PreviewColumn> computePreviewColumn(const engine::Model& model, const engine::ImageU8& input, int label,
                                                   std::uint64_t noiseKey, MeasureKind kind,
                                                   const MeasureSettings& settings, const CancelToken& cancel)
{
    if (!isPreviewMeasure(kind))
        return Error{std::string("no preview for measure ") + measureName(kind)};
    const ColumnBuilder builder(model, settings);
    if (input.width != builder.m_width || input.height != builder.m_height)
        return Error{"the input is not at the model's input size"};
    PreviewColumn column;
    bool flat = false;
    engine::ImageU8 cleanUpscaled;
    auto clean = builder.cell({}, input, flat, cleanUpscaled);
    if (!clean)
        return Error{clean.error()};
    column.clean = std::move(clean).value();
    column.clean.values = {engine::histogramEntropy(column.clean.map).normalized};

    auto add = [&](std::string variant, engine::ImageU8 varied, auto values) -> engine::Status {
        if (cancel.isCancelled())
            return Error{"cancelled"};
        engine::ImageU8 upscaled;
        auto cell = builder.cell(std::move(variant), std::move(varied), flat, upscaled);
        if (!cell)
            return Error{cell.error()};
        cell->values = values(cell.value(), upscaled);
        column.variants.push_back(std::move(cell).value());
        return engine::Ok{};
    };

    if (kind == MeasureKind::Noise) {
        const auto& noise = settings.noise;
        for (double level : noise.levels) {
            auto noisy = engine::addSaltPepperNoise(input, level, engine::noiseDrawSeed(noise.seed, noiseKey, level),
                                                    noise.saltVsPepper, noise.generator);
            auto status = add(QString::number(level, 'g', 12).toStdString(), std::move(noisy),
                              [&](const PreviewCell& cell, const engine::ImageU8& upscaled) {
                                  return std::vector<double>{level,
                                                             cell.score,
                                                             double(cell.predicted),
                                                             correctOf(cell.predicted, label),
                                                             engine::histogramEntropy(cell.map).normalized,
                                                             builder.ssim(cell.map, column.clean.map),
                                                             builder.ssim(upscaled, cleanUpscaled),
                                                             double(cell.flat)};
                              });
            if (!status)
                return Error{status.error()};
        }
    } else if (kind == MeasureKind::Transforms) {
        const bool square = builder.m_width == builder.m_height;
        for (const auto& transform : engine::standardTransforms(builder.m_width, settings.transforms)) {
            const bool rotation = transform.kind == engine::TransformKind::Rotate90Clockwise
                || transform.kind == engine::TransformKind::Rotate90CounterClockwise;
            if (rotation && !square)
                continue; // as in a measure run: a rotated non-square image no longer fits the model
            const auto expected = engine::applyTransform(cleanUpscaled, transform);
            auto status =
                add(engine::transformName(transform), engine::applyTransform(input, transform),
                    [&](const PreviewCell& cell, const engine::ImageU8& upscaled) {
                        return std::vector<double>{builder.ssim(upscaled, expected), cell.score, double(cell.predicted),
                                                   double(cell.predicted != column.clean.predicted), double(cell.flat)};
                    });
            if (!status)
                return Error{status.error()};
        }
    } else {
        const int positive = model.metadata().positiveClass;
        const int reference = label == UnknownLabel ? column.clean.predicted : label;
        for (auto mode : {engine::DegradationMode::Background, engine::DegradationMode::Object}) {
            auto degraded = engine::degradeBySalience(input, cleanUpscaled, mode, settings.degradation);
            if (!degraded)
                return Error{"degradation failed: " + degraded.error()};
            auto status = add(mode == engine::DegradationMode::Background ? "background" : "object",
                              std::move(degraded).value(),
                              [&](const PreviewCell& cell, const engine::ImageU8& upscaled) {
                                  const double drop = probabilityOf(column.clean.score, reference, positive)
                                      - probabilityOf(cell.score, reference, positive);
                                  return std::vector<double>{cell.score,
                                                             double(cell.predicted),
                                                             correctOf(cell.predicted, label),
                                                             drop,
                                                             builder.ssim(upscaled, cleanUpscaled),
                                                             double(cell.flat)};
                              });
            if (!status)
                return Error{status.error()};
        }
    }
    return column;
}

MeasureSettings previewSettings(const ProjectStore& store, MeasureKind kind)
{
    auto runs = store.runs();
    if (!runs)
        return {};
    const std::string name = measureName(kind);
    for (auto run = runs->rbegin(); run != runs->rend(); ++run) {
        if (run->measure != name)
            continue;
        const auto object = QJsonDocument::fromJson(QByteArray::fromStdString(run->parametersJson)).object();
        if (auto parsed = MeasureSettings::fromJson(object.value(QStringLiteral("settings")).toObject()))
            return parsed.value();
    }
    return {};
}

engine::Result<std::shared_ptr<engine::Model>> PreviewModelCache::get(std::int64_t id, const std::string& path,
                                                                      const std::string& layer,
                                                                      const engine::ModelMetadata& metadata)
{
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_models.find(id); it != m_models.end())
            return it->second;
    }
    engine::ModelLoadOptions options;
    options.layer = layer;
    options.metadata = metadata;
    auto loaded = engine::Model::load(path, options);
    if (!loaded)
        return Error{loaded.error()};
    std::shared_ptr<engine::Model> model(std::move(loaded).value());
    std::lock_guard lock(m_mutex);
    m_models[id] = model;
    return model;
}

} // namespace saliscope::ui
