// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/cammethod.h"
#include "core/engine/image.h"
#include "core/jobs/jobmanager.h"

#include <QObject>
#include <QSet>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>

namespace saliscope {
class ImageCache;
class ModelCache;
namespace engine {
class Model;
}
} // namespace saliscope

namespace saliscope {

class ProjectSession;

/// A map of one image by one model and method, with the prediction when it was just computed.
struct MapResult final {
    std::int64_t modelId = 0;
    QString imageHash;
    engine::CamMethod method = engine::CamMethod::GradCam;
    engine::ImageU8 map; ///< small 8-bit map, single channel
    bool flat = false;
    bool computed = false; ///< true: made now (score/predicted set); false: read from the project
    double score = 0;
    int predicted = -1;
};

/// The maps table's `variant` of a map made by `method`: "" for Grad-CAM (so every map stored
/// before the other methods existed stays a Grad-CAM map), else the method's name
/// (camMethodName: "hirescam", "gradcampp", ...).
std::string mapVariant(engine::CamMethod method);

/// Maps for the viewer, by any salience method: read from the project when stored, else
/// computed on the session's compute pool with camMaps(model, images, method) (each model loaded
/// once and kept) and stored back. A map is stored and looked up under (model, image hash,
/// mapVariant(method)): the maps of one image by several methods are separate rows. GUI thread only.
class MapService final : public QObject {
    Q_OBJECT

public:
    explicit MapService(ProjectSession* session, QObject* parent = nullptr);
    ~MapService() override;

    /// The stored map by `method`, or nullopt after queueing its computation (mapReady or
    /// mapFailed follows).
    std::optional<MapResult> request(std::int64_t modelId, const QString& imagePath, const QString& imageHash,
                                     engine::CamMethod method = engine::CamMethod::GradCam);
    /// Cancels computations that have not started (the user moved on to another image).
    void cancelPending();

signals:
    void mapReady(const saliscope::MapResult& result);
    void mapFailed(std::int64_t modelId, const QString& imageHash, saliscope::engine::CamMethod method,
                   const QString& error);

private:
    void projectChanged();

    ProjectSession* m_session;
    std::shared_ptr<ModelCache> m_models; ///< shared with the jobs in flight
    std::shared_ptr<ImageCache> m_cache;
    /// Computations queued or running, by model, image hash and method.
    std::map<std::tuple<std::int64_t, QString, engine::CamMethod>, JobId> m_inFlight;
};

} // namespace saliscope
