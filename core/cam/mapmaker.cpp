// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cam/mapmaker.h"

namespace saliscope {

namespace {

/// Every option that changes what Model::load makes, as one string.
std::string cacheKey(const std::string& path, const engine::ModelLoadOptions& options)
{
    std::string key = path;
    for (const std::string& part :
         {options.layer, options.device, std::to_string(int(options.precision)), std::to_string(int(options.layout)),
          std::string(options.pinnedStaging ? "pinned" : "pageable"),
          options.metadata ? options.metadata->toJson() : std::string("archive")})
        key += '\n' + part;
    return key;
}

} // namespace

Result<std::shared_ptr<engine::Model>> loadModel(const std::string& path, const engine::ModelLoadOptions& options)
{
    auto loaded = engine::Model::load(path, options);
    if (!loaded)
        return loaded.failure();
    return std::shared_ptr<engine::Model>(std::move(loaded).value());
}

Result<std::shared_ptr<engine::Model>> ModelCache::get(const std::string& path, const engine::ModelLoadOptions& options)
{
    const std::string key = cacheKey(path, options);
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_models.find(key); it != m_models.end())
            return it->second;
    }
    auto loaded = loadModel(path, options);
    if (!loaded)
        return loaded;
    std::lock_guard lock(m_mutex);
    return m_models.emplace(key, loaded.value()).first->second;
}

void ModelCache::clear()
{
    std::lock_guard lock(m_mutex);
    m_models.clear();
}

Result<std::vector<engine::CamOutput>> camMaps(const engine::Model& model, const std::vector<engine::ImageU8>& images,
                                               engine::CamMethod method)
{
    engine::CamRequest request;
    request.methods = {method};
    auto maps = camMaps(model, images, request);
    if (!maps)
        return maps.failure();
    return std::move(maps.value().front());
}

Result<std::vector<std::vector<engine::CamOutput>>>
camMaps(const engine::Model& model, const std::vector<engine::ImageU8>& images, const engine::CamRequest& request)
{
    auto batch = engine::ImageBatch::fromImages(images);
    if (!batch)
        return batch.failure();
    return model.cams(batch.value(), request);
}

} // namespace saliscope
