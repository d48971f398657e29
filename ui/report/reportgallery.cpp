// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportgallery.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/imagecache.h"
#include "core/dataset/imageio.h"
#include "core/cam/mapmaker.h"
#include "core/engine/cammaps.h"
#include "core/engine/model.h"
#include "core/engine/modelmetadata.h"
#include "core/project/projectrun.h"
#include "core/store/projectstore.h"
#include "ui/report/colormap.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

namespace saliscope::ui {

namespace {

struct ValueRule final {
    const char* column;
    std::set<std::string> variants;         ///< rows with these variants only; empty: all
    std::set<std::string> excludedVariants; ///< rows with these variants are left out
};

ValueRule ruleFor(MeasureKind kind)
{
    switch (kind) {
    case MeasureKind::Entropy: return {"normalized_entropy", {}, {}};
    case MeasureKind::Noise: return {"ssim_small", {}, {"0"}};
    case MeasureKind::Transforms: return {"ssim_upscaled", {}, {}};
    case MeasureKind::Stability: return {"ssim_small", {}, {}};
    case MeasureKind::Degradation: return {"confidence_drop", {"object"}, {}};
    case MeasureKind::Sanity: return {"spearman", {}, {"logit"}};
    // The curves and localisation have no gallery of their own (no column: no picks).
    case MeasureKind::Deletion:
    case MeasureKind::Insertion:
    case MeasureKind::Road:
    case MeasureKind::Localisation: return {"", {}, {}};
    case MeasureKind::Predictions: break;
    }
    return {"score", {}, {}};
}

class GalleryText final {
    Q_DECLARE_TR_FUNCTIONS(GalleryText)
};

} // namespace

std::vector<GalleryPick> pickGalleryImages(const MeasureResults& results, MeasureKind kind, int perEnd)
{
    const MeasureTable* table = results.table(kind);
    if (!table || perEnd <= 0)
        return {};
    const ValueRule rule = ruleFor(kind);
    const int column = table->column(rule.column);
    if (column < 0)
        return {};
    std::map<std::int64_t, std::pair<double, int>> sums;
    for (const auto& row : table->rows) {
        if (!rule.variants.empty() && !rule.variants.count(row.variant))
            continue;
        if (rule.excludedVariants.count(row.variant))
            continue;
        const double value = row.values[std::size_t(column)];
        if (!std::isfinite(value))
            continue;
        auto& [sum, count] = sums[row.imageIndex];
        sum += value;
        ++count;
    }
    std::vector<std::pair<double, std::int64_t>> means;
    for (const auto& [image, sumCount] : sums)
        means.emplace_back(sumCount.first / sumCount.second, image);
    // Ties go to the lower image position, so the pick is deterministic.
    std::sort(means.begin(), means.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<GalleryPick> picks;
    std::set<std::int64_t> taken;
    for (int i = 0; i < perEnd && i < int(means.size()); ++i)
        if (taken.insert(means[std::size_t(i)].second).second)
            picks.push_back({means[std::size_t(i)].second, means[std::size_t(i)].first, true});
    for (int i = 0; i < perEnd && i < int(means.size()); ++i) {
        const auto& low = means[means.size() - 1 - std::size_t(i)];
        if (taken.insert(low.second).second)
            picks.push_back({low.second, low.first, false});
    }
    return picks;
}

QImage toQImage(const engine::ImageU8& rgb)
{
    if (rgb.empty() || rgb.channels != 3)
        return {};
    QImage image(rgb.pixels.data(), rgb.width, rgb.height, rgb.width * 3, QImage::Format_RGB888);
    return image.copy();
}

QImage overlayMap(const engine::ImageU8& image, const engine::ImageU8& map, double opacity)
{
    QImage base = toQImage(image).convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (base.isNull() || map.empty())
        return base;
    const engine::ImageU8 upscaled = engine::upscaleMap(map, image.width, image.height);
    const QImage colours = Colormap::named(QStringLiteral("jet"))
                               .colorize(upscaled.pixels.data(), upscaled.width, upscaled.height, opacity);
    QPainter painter(&base);
    painter.drawImage(0, 0, colours);
    painter.end();
    return base.convertToFormat(QImage::Format_RGB32);
}

namespace {

/// A model's file: the stored path, else a file of the same name beside the project or in its
/// "models" folder whose hash is the stored one (a project moved with its models).
Result<std::string> resolveModelFile(const StoredModel& model, const QString& projectPath)
{
    if (QFileInfo::exists(QString::fromStdString(model.path)))
        return model.path;
    const QString name = QFileInfo(QString::fromStdString(model.path)).fileName();
    const QDir projectDir = QFileInfo(projectPath).absoluteDir();
    for (const QString& candidate :
         {projectDir.filePath(name), projectDir.filePath(QStringLiteral("models/") + name)}) {
        if (!QFileInfo::exists(candidate))
            continue;
        auto hash = hashFile(candidate.toStdString());
        if (hash && hash.value() == model.fileHash)
            return candidate.toStdString();
    }
    return Error{GalleryText::tr("model file %1 not found").arg(QString::fromStdString(model.path)).toStdString()};
}

/// Input size of a model from its stored metadata (224 x 224 when unreadable).
std::pair<int, int> inputSize(const StoredModel& model)
{
    auto metadata = engine::ModelMetadata::fromJson(model.metadataJson);
    if (!metadata)
        return {224, 224};
    return {metadata->inputWidth, metadata->inputHeight};
}

/// One model's maps of the gallery images by `method`: stored ones, the rest computed in one
/// batch. Stored maps of a method other than Grad-CAM have the method's name as their variant.
std::map<std::int64_t, Result<engine::ImageU8>> modelMaps(ProjectStore& store, const ReportModel& model,
                                                          const std::vector<const StoredImage*>& images,
                                                          const std::map<std::int64_t, Result<engine::ImageU8>>& inputs,
                                                          const QString& projectPath, engine::CamMethod method)
{
    const std::string variant = method == engine::CamMethod::GradCam ? std::string() : engine::camMethodName(method);
    std::map<std::int64_t, Result<engine::ImageU8>> maps;
    std::vector<const StoredImage*> missing;
    for (const StoredImage* image : images) {
        if (image->contentHash.empty()) {
            maps.emplace(image->position, Error{image->problem});
            continue;
        }
        auto stored = store.map(model.stored.id, image->contentHash, variant);
        if (stored && stored.value()) {
            const StoredMap& map = *stored.value();
            maps.emplace(image->position, engine::ImageU8{map.width, map.height, 1, map.pixels});
        } else {
            missing.push_back(image);
        }
    }
    if (missing.empty())
        return maps;
    auto fail = [&](const std::string& why) {
        for (const StoredImage* image : missing)
            maps.emplace(image->position, Error{why});
        return maps;
    };
    auto file = resolveModelFile(model.stored, projectPath);
    if (!file)
        return fail(file.error());
    engine::ModelLoadOptions options;
    options.layer = model.stored.camLayer;
    if (auto metadata = engine::ModelMetadata::fromJson(model.stored.metadataJson))
        options.metadata = metadata.value();
    auto loaded = loadModel(file.value(), options);
    if (!loaded)
        return fail(loaded.error());
    std::vector<engine::ImageU8> batchImages;
    std::vector<std::int64_t> batchPositions;
    for (const StoredImage* image : missing) {
        const auto& input = inputs.at(image->position);
        if (!input) {
            maps.emplace(image->position, Error{input.error()});
            continue;
        }
        batchImages.push_back(input.value());
        batchPositions.push_back(image->position);
    }
    if (batchImages.empty())
        return maps;
    auto cams = camMaps(*loaded.value(), batchImages, method);
    if (!cams)
        return fail(cams.error());
    for (std::size_t i = 0; i < batchPositions.size(); ++i)
        maps.emplace(batchPositions[i], engine::quantizeMap(cams.value()[i].cam));
    return maps;
}

} // namespace

Status renderGallery(ProjectStore& store, const std::vector<StoredImage>& images, ReportContent& content,
                     ProgressSink& progress, const CancelToken& cancel)
{
    std::map<std::int64_t, const StoredImage*> byPosition;
    for (const auto& image : images)
        byPosition[image.position] = &image;
    std::vector<const StoredImage*> wanted;
    std::set<std::int64_t> seen;
    for (auto& [kind, entries] : content.gallery)
        for (auto& entry : entries)
            if (auto it = byPosition.find(entry.position); it != byPosition.end() && seen.insert(entry.position).second)
                wanted.push_back(it->second);
    if (wanted.empty() || content.models.empty())
        return Ok{};

    ImageCache cache(imageCacheFolder(content.projectPath.toStdString()));
    auto readInputs = [&](std::pair<int, int> size) {
        std::map<std::int64_t, Result<engine::ImageU8>> inputs;
        for (const StoredImage* image : wanted) {
            if (image->contentHash.empty())
                inputs.emplace(image->position, Error{image->problem});
            else
                inputs.emplace(image->position, cache.get(image->path, image->contentHash, size.first, size.second));
        }
        return inputs;
    };

    // Tiles per model; inputs are read once per input size.
    std::map<std::pair<int, int>, std::map<std::int64_t, Result<engine::ImageU8>>> inputsBySize;
    std::map<std::int64_t, std::vector<GalleryTile>> tiles;
    std::map<std::int64_t, QImage> baseImages;
    int done = 0;
    progress.message(GalleryText::tr("Salience maps of the gallery images").toStdString());
    for (const ReportModel& model : content.models) {
        if (cancel.isCancelled())
            return Error::cancelled();
        const auto size = inputSize(model.stored);
        auto& inputs = inputsBySize.try_emplace(size, std::map<std::int64_t, Result<engine::ImageU8>>{}).first->second;
        if (inputs.empty())
            inputs = readInputs(size);
        if (baseImages.empty())
            for (const auto& [position, input] : inputs)
                baseImages[position] = input ? toQImage(input.value()) : QImage();
        const auto maps = model.stored.id
            ? modelMaps(store, model, wanted, inputs, content.projectPath, content.results.settings.method)
            : std::map<std::int64_t, Result<engine::ImageU8>>{};
        for (const StoredImage* image : wanted) {
            GalleryTile tile;
            tile.model = model.name;
            const auto& input = inputs.at(image->position);
            const auto map = maps.find(image->position);
            if (!model.stored.id)
                tile.note = GalleryText::tr("model not in the project");
            else if (!input)
                tile.note = QString::fromStdString(input.error());
            else if (map == maps.end() || !map->second)
                tile.note = map == maps.end() ? GalleryText::tr("no map") : QString::fromStdString(map->second.error());
            else
                tile.overlay = overlayMap(input.value(), map->second.value());
            tiles[image->position].push_back(std::move(tile));
        }
        progress.progress(++done, std::int64_t(content.models.size()));
    }
    for (auto& [kind, entries] : content.gallery)
        for (auto& entry : entries) {
            entry.image = baseImages[entry.position];
            entry.tiles = tiles[entry.position];
        }
    // A note shared by every tile (e.g. a model file that moved) is worth one warning.
    std::set<QString> notes;
    for (const auto& [position, list] : tiles)
        for (const auto& tile : list)
            if (!tile.note.isEmpty() && notes.insert(tile.model + QStringLiteral(": ") + tile.note).second)
                content.warnings.append(GalleryText::tr("Gallery, %1: %2").arg(tile.model, tile.note));
    return Ok{};
}

} // namespace saliscope::ui
