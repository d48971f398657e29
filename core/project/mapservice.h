// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

namespace saliscope {
class ImageCache;
class ModelCache;
namespace engine {
class Model;
}
} // namespace saliscope

namespace saliscope {

class ProjectSession;

/// A map of one image by one model, with the prediction when it was just computed.
struct MapResult final {
    std::int64_t modelId = 0;
    QString imageHash;
    engine::ImageU8 map; ///< small 8-bit map, single channel
    bool flat = false;
    bool computed = false; ///< true: made now (score/predicted set); false: read from the project
    double score = 0;
    int predicted = -1;
};

/// Grad-CAM maps for the viewer: read from the project when stored, else computed on the
/// session's compute pool (each model loaded once and kept) and stored back. GUI thread only.
class MapService final : public QObject {
    Q_OBJECT

public:
    explicit MapService(ProjectSession* session, QObject* parent = nullptr);
    ~MapService() override;

    /// The stored map, or nullopt after queueing its computation (mapReady or mapFailed follows).
    std::optional<MapResult> request(std::int64_t modelId, const QString& imagePath, const QString& imageHash);
    /// Cancels computations that have not started (the user moved on to another image).
    void cancelPending();

signals:
    void mapReady(const saliscope::MapResult& result);
    void mapFailed(std::int64_t modelId, const QString& imageHash, const QString& error);

private:
    void projectChanged();

    ProjectSession* m_session;
    std::shared_ptr<ModelCache> m_models; ///< shared with the jobs in flight
    std::shared_ptr<ImageCache> m_cache;
    std::map<std::pair<std::int64_t, QString>, JobId> m_inFlight;
};

} // namespace saliscope
