// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "core/engine/model.h"
#include "core/common/result.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace saliscope {

/// The one place the product loads a TorchScript model (engine::Model::load with the options a
/// project or command records: CAM layer, device, precision, metadata replacing the archive's).
/// Thread-safe; the model is shared because the viewer, preview and report keep it loaded.
Result<std::shared_ptr<engine::Model>> loadModel(const std::string& path, const engine::ModelLoadOptions& options = {});

/// Models loaded once and kept (thread-safe). A model is keyed by its file and every load option
/// (CAM layer, device, precision, layout, metadata), so edited metadata loads it afresh.
class ModelCache final {
public:
    /// The cached model, loading it on first use (two threads may load it at once; one copy stays).
    Result<std::shared_ptr<engine::Model>> get(const std::string& path, const engine::ModelLoadOptions& options);
    /// Drops every model (e.g. when a project is closed).
    void clear();

private:
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<engine::Model>> m_models;
};

/// The one place maps are made: maps by `method` (Grad-CAM unless told) of images already at the
/// model's input size, as one batch (one forward and at most one backward pass), each explaining
/// the predicted class. The error is the engine's, unprefixed.
Result<std::vector<engine::CamOutput>> camMaps(const engine::Model& model, const std::vector<engine::ImageU8>& images,
                                               engine::CamMethod method = engine::CamMethod::GradCam);
/// Maps by every method of `request` from one pass (outputs[m][i]: method m, image i), explaining
/// the request's target classes when it names them.
Result<std::vector<std::vector<engine::CamOutput>>>
camMaps(const engine::Model& model, const std::vector<engine::ImageU8>& images, const engine::CamRequest& request);

} // namespace saliscope
