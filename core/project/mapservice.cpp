// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/mapservice.h"

#include "core/cam/mapmaker.h"
#include "core/dataset/imagecache.h"
#include "core/dataset/imageio.h"
#include "core/engine/cammaps.h"
#include "core/engine/model.h"
#include "core/project/projectrun.h"
#include "core/project/jobwatch.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"

namespace saliscope {

std::string mapVariant(engine::CamMethod method)
{
    return method == engine::CamMethod::GradCam ? std::string() : std::string(engine::camMethodName(method));
}

MapService::MapService(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_models(std::make_shared<ModelCache>())
{
    qRegisterMetaType<saliscope::MapResult>();
    connect(session, &ProjectSession::projectChanged, this, &MapService::projectChanged);
    connect(session, &ProjectSession::modelsChanged, this, [this]() {
        m_models->clear(); // removed models need not stay loaded
    });
    projectChanged();
}

MapService::~MapService() = default;

void MapService::projectChanged()
{
    cancelPending();
    m_models = std::make_shared<ModelCache>();
    m_cache = m_session->isOpen() ? std::make_shared<ImageCache>(imageCacheFolder(m_session->path().toStdString()))
                                  : nullptr;
}

void MapService::cancelPending()
{
    for (const auto& [key, id] : m_inFlight)
        m_session->computeJobs().cancel(id);
}

std::optional<MapResult> MapService::request(std::int64_t modelId, const QString& imagePath, const QString& imageHash,
                                             engine::CamMethod method)
{
    const ModelInfo* info = m_session->model(modelId);
    ProjectStore* store = m_session->store();
    if (!info || !store || imageHash.isEmpty())
        return std::nullopt;
    const std::string variant = mapVariant(method);
    if (auto stored = store->map(modelId, imageHash.toStdString(), variant); stored && stored.value()) {
        const StoredMap& map = *stored.value();
        MapResult result;
        result.modelId = modelId;
        result.imageHash = imageHash;
        result.method = method;
        result.map = engine::ImageU8{map.width, map.height, 1, map.pixels};
        result.flat = map.flat;
        return result;
    }
    const auto key = std::make_tuple(modelId, imageHash, method);
    if (auto it = m_inFlight.find(key); it != m_inFlight.end()) {
        auto state = m_session->computeJobs().info(it->second);
        if (state && state->state != JobState::Cancelled)
            return std::nullopt;
    }
    const std::string modelPath = info->stored.path;
    const std::string layer = info->stored.camLayer;
    const engine::ModelMetadata metadata = info->metadata;
    const std::string path = imagePath.toStdString();
    const std::string hash = imageHash.toStdString();
    auto models = m_models;
    auto cache = m_cache;
    auto submitted = std::make_shared<JobId>(0);
    const JobId id = submitJob<MapResult>(
        m_session->computeJobs(), this, "map " + path,
        [=](ProgressSink&, const CancelToken& cancel) -> Result<MapResult> {
            if (cancel.isCancelled())
                return Error::cancelled();
            engine::ModelLoadOptions options;
            options.layer = layer;
            options.metadata = metadata;
            auto cached = models->get(modelPath, options);
            if (!cached)
                return cached.failure();
            const std::shared_ptr<engine::Model> model = cached.value();
            const int width = model->metadata().inputWidth;
            const int height = model->metadata().inputHeight;
            Result<engine::ImageU8> input = Error{"no image"};
            if (cache) {
                input = cache->get(path, hash, width, height);
            } else {
                input = readModelInput(path, width, height);
            }
            if (!input)
                return input.failure();
            auto cams = camMaps(*model, {input.value()}, method);
            if (!cams)
                return cams.failure();
            const engine::CamOutput& cam = cams->front();
            MapResult result;
            result.modelId = modelId;
            result.imageHash = QString::fromStdString(hash);
            result.method = method;
            result.map = engine::quantizeMap(cam.cam);
            result.flat = cam.flat;
            result.computed = true;
            result.score = cam.prediction.positiveScore;
            result.predicted = cam.prediction.predictedClass;
            return result;
        },
        [this, key, submitted](Result<MapResult> result) {
            if (auto it = m_inFlight.find(key); it != m_inFlight.end() && it->second == *submitted)
                m_inFlight.erase(it);
            if (!result) {
                if (!result.isCancelled())
                    emit mapFailed(std::get<0>(key), std::get<1>(key), std::get<2>(key),
                                   QString::fromStdString(result.error()));
                return;
            }
            ProjectStore* store = m_session->store();
            if (store && !store->isReadOnly()) {
                StoredMap map;
                map.modelId = result->modelId;
                map.imageHash = result->imageHash.toStdString();
                map.variant = mapVariant(result->method);
                map.width = result->map.width;
                map.height = result->map.height;
                map.flat = result->flat;
                map.pixels = result->map.pixels;
                // Stored off the GUI thread: the writer may be busy with a measure run's rows.
                m_session->writeInBackground(
                    "store map", [map](ProjectStore& target) { return target.putMaps({map}); },
                    [session = m_session](const Status& status) {
                        if (!status)
                            session->warning(tr("Map not stored: %1").arg(QString::fromStdString(status.error())));
                    });
            }
            emit mapReady(result.value());
        });
    *submitted = id;
    m_inFlight[key] = id;
    return std::nullopt;
}

} // namespace saliscope
