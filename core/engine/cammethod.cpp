// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/cammethod.h"

#include <algorithm>
#include <cctype>

namespace saliscope::engine {

const std::vector<CamMethod>& allCamMethods()
{
    static const std::vector<CamMethod> methods{CamMethod::GradCam,  CamMethod::HiResCam, CamMethod::GradCamPlusPlus,
                                                CamMethod::XGradCam, CamMethod::LayerCam, CamMethod::EigenCam,
                                                CamMethod::ScoreCam};
    return methods;
}

const char* camMethodName(CamMethod method)
{
    switch (method) {
    case CamMethod::GradCam: return "gradcam";
    case CamMethod::HiResCam: return "hirescam";
    case CamMethod::GradCamPlusPlus: return "gradcampp";
    case CamMethod::XGradCam: return "xgradcam";
    case CamMethod::LayerCam: return "layercam";
    case CamMethod::EigenCam: return "eigencam";
    case CamMethod::ScoreCam: return "scorecam";
    }
    return "gradcam";
}

std::vector<std::string> camMethodNames()
{
    std::vector<std::string> names;
    for (CamMethod method : allCamMethods())
        names.push_back(camMethodName(method));
    return names;
}

std::string camMethodNameList()
{
    std::string list;
    for (const std::string& name : camMethodNames())
        list += (list.empty() ? "" : ", ") + name;
    return list;
}

const char* camMethodTitle(CamMethod method)
{
    switch (method) {
    case CamMethod::GradCam: return "Grad-CAM";
    case CamMethod::HiResCam: return "HiResCAM";
    case CamMethod::GradCamPlusPlus: return "Grad-CAM++";
    case CamMethod::XGradCam: return "XGrad-CAM";
    case CamMethod::LayerCam: return "LayerCAM";
    case CamMethod::EigenCam: return "Eigen-CAM";
    case CamMethod::ScoreCam: return "Score-CAM";
    }
    return "Grad-CAM";
}

namespace {

/// Lower case without '-', '_' and spaces: "Grad-CAM++" -> "gradcam++".
std::string folded(const std::string& text)
{
    std::string out;
    for (char c : text)
        if (c != '-' && c != '_' && c != ' ')
            out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

} // namespace

std::optional<CamMethod> parseCamMethod(const std::string& text)
{
    const std::string key = folded(text);
    if (key == "gradcam++" || key == "gradcamplusplus")
        return CamMethod::GradCamPlusPlus;
    for (CamMethod method : allCamMethods())
        if (key == folded(camMethodName(method)) || key == folded(camMethodTitle(method)))
            return method;
    return std::nullopt;
}

Result<std::vector<CamMethod>> parseCamMethodList(const std::string& text)
{
    std::vector<CamMethod> methods;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        if (!part.empty()) {
            const auto method = parseCamMethod(part);
            if (!method) {
                return Error{"unknown salience method '" + part + "' (use " + camMethodNameList() + ")"};
            }
            if (std::find(methods.begin(), methods.end(), *method) == methods.end())
                methods.push_back(*method);
        }
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (methods.empty())
        return Error{"no salience method named"};
    return methods;
}

bool camMethodNeedsGradient(CamMethod method) { return method != CamMethod::EigenCam && method != CamMethod::ScoreCam; }

int camMethodExtraForwardPasses(CamMethod method, int channels)
{
    return method == CamMethod::ScoreCam ? std::max(channels, 0) : 0;
}

} // namespace saliscope::engine
