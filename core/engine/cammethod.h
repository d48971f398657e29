// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/result.h"

#include <optional>
#include <string>
#include <vector>

namespace saliscope::engine {

/// How a salience map is made from the CAM layer's activations A (N x C x h x w) and the gradient
/// G of the explained class's logit at that layer (docs/measures.md, "Salience methods"). Every
/// method ends the same way as Grad-CAM: ReLU, then min-max normalisation to [0, 1].
enum class CamMethod {
    GradCam,         ///< Selvaraju et al. 2017: channel weights mean(G) (the paper's, the default)
    HiResCam,        ///< Draelos & Carin 2020: sum over channels of G * A
    GradCamPlusPlus, ///< Chattopadhay et al. 2018: closed-form weights from G^2 and G^3
    XGradCam,        ///< Fu et al. 2020: weights sum(G * A) / sum(A) per channel
    LayerCam,        ///< Jiang et al. 2021: sum over channels of relu(G) * A
    EigenCam,        ///< Muhammad & Yeasin 2020: first principal component of A (no gradient)
    ScoreCam,        ///< Wang et al. 2020: channel weights from masked forward passes (no gradient)
};

/// Every method, in the order menus and tables list them (Grad-CAM first).
const std::vector<CamMethod>& allCamMethods();
/// Lower-case name on the command line, in files and in the project store ("gradcam",
/// "hirescam", "gradcampp", "xgradcam", "layercam", "eigencam", "scorecam").
const char* camMethodName(CamMethod method);
/// Every method's name, in allCamMethods() order: what `--method` and the `method` parameter take.
std::vector<std::string> camMethodNames();
/// The same joined for messages: "gradcam, hirescam, ..., scorecam".
std::string camMethodNameList();
/// The name people write ("Grad-CAM", "Grad-CAM++", ...).
const char* camMethodTitle(CamMethod method);
/// A method by its name or title, case-insensitively ("gradcam++" and "grad-cam++" too); nullopt
/// for anything else.
std::optional<CamMethod> parseCamMethod(const std::string& text);
/// A comma-separated list of methods ("gradcam,hirescam"), each once, in the order given; an Error
/// names an unknown one and lists the names.
Result<std::vector<CamMethod>> parseCamMethodList(const std::string& text);
/// Whether the method needs the backward pass (all but Eigen-CAM and Score-CAM).
bool camMethodNeedsGradient(CamMethod method);
/// Forward passes per image beyond the one every method makes: Score-CAM's one per channel of
/// the CAM layer, 0 for the others (the launcher's estimate counts them).
int camMethodExtraForwardPasses(CamMethod method, int channels);

} // namespace saliscope::engine
