// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The only file that includes dlib: its headers are heavy templates.
#include "core/dataset/facecrop.h"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/serialize.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>

namespace saliscope {

namespace {

dlib::array2d<dlib::rgb_pixel> toDlib(const engine::ImageU8& image)
{
    dlib::array2d<dlib::rgb_pixel> out(image.height, image.width);
    for (int row = 0; row < image.height; ++row)
        for (int column = 0; column < image.width; ++column) {
            if (image.channels >= 3)
                out[row][column] = dlib::rgb_pixel(image.at(row, column, 0), image.at(row, column, 1),
                                                   image.at(row, column, 2));
            else {
                const unsigned char grey = image.at(row, column, 0);
                out[row][column] = dlib::rgb_pixel(grey, grey, grey);
            }
        }
    return out;
}

/// The landmark model, loaded on first use; an error is kept and repeated.
struct LandmarkModel final {
    std::string path;
    dlib::shape_predictor predictor;
    std::string error;
};

std::mutex landmarkMutex;
std::shared_ptr<const LandmarkModel> landmarkModel; // the last one loaded

std::shared_ptr<const LandmarkModel> loadLandmarks(const std::string& path)
{
    std::lock_guard lock(landmarkMutex);
    if (landmarkModel && landmarkModel->path == path)
        return landmarkModel;
    auto model = std::make_shared<LandmarkModel>();
    model->path = path;
    std::error_code code;
    if (!std::filesystem::is_regular_file(path, code)) {
        model->error = "no landmark model " + path + " (install libdlib-data, or pass another model)";
    } else {
        try {
            dlib::deserialize(path) >> model->predictor;
        } catch (const std::exception& error) {
            model->error = "cannot read the landmark model " + path + ": " + error.what();
        }
    }
    landmarkModel = model;
    return model;
}

dlib::dpoint meanOf(const dlib::full_object_detection& shape, unsigned first, unsigned last)
{
    dlib::dpoint sum(0, 0);
    for (unsigned i = first; i <= last; ++i)
        sum += dlib::dpoint(shape.part(i));
    return sum / double(last - first + 1);
}

} // namespace

std::string FaceCropParams::key() const
{
    char text[64];
    std::snprintf(text, sizeof text, "m%.2f-up%d%s", margin, upsample, align ? "-align" : "");
    return text;
}

std::vector<FaceBox> detectFaces(const engine::ImageU8& image, int upsample)
{
    if (image.empty())
        return {};
    thread_local dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    dlib::array2d<dlib::rgb_pixel> pixels = toDlib(image);
    double scale = 1;
    for (int i = 0; i < upsample; ++i) {
        dlib::pyramid_up(pixels);
        scale *= 2;
    }
    std::vector<dlib::rect_detection> found;
    detector(pixels, found);
    std::vector<FaceBox> faces;
    for (const auto& detection : found) {
        const dlib::rectangle& r = detection.rect;
        faces.push_back({int(std::lround(r.left() / scale)), int(std::lround(r.top() / scale)),
                         int(std::lround(r.width() / scale)), int(std::lround(r.height() / scale)),
                         detection.detection_confidence});
    }
    std::stable_sort(faces.begin(), faces.end(), [](const FaceBox& a, const FaceBox& b) {
        const long areaA = long(a.width) * a.height;
        const long areaB = long(b.width) * b.height;
        return areaA != areaB ? areaA > areaB : a.score > b.score;
    });
    return faces;
}

CropRegion faceCropRegion(const FaceBox& box, int imageWidth, int imageHeight, double margin)
{
    // FaceForensics++'s get_boundingbox, with dlib's inclusive right and bottom.
    const int x1 = box.x;
    const int y1 = box.y;
    const int x2 = box.x + box.width - 1;
    const int y2 = box.y + box.height - 1;
    int size = int(double(std::max(x2 - x1, y2 - y1)) * margin);
    const int centreX = (x1 + x2) / 2;
    const int centreY = (y1 + y2) / 2;
    const int left = std::max(centreX - size / 2, 0);
    const int top = std::max(centreY - size / 2, 0);
    size = std::min(imageWidth - left, size);
    size = std::min(imageHeight - top, size);
    return {left, top, std::max(size, 1), std::max(size, 1), 0};
}

Result<std::optional<FaceCrop>> findFaceCrop(const engine::ImageU8& image, const FaceCropParams& params)
{
    if (params.margin <= 0)
        return Error{"the face margin must be positive"};
    const std::vector<FaceBox> faces = detectFaces(image, params.upsample);
    if (faces.empty())
        return std::optional<FaceCrop>();
    FaceCrop crop{faces.front(), faceCropRegion(faces.front(), image.width, image.height, params.margin)};
    if (params.align) {
        const auto model = loadLandmarks(params.landmarkModel);
        if (!model->error.empty())
            return Error{model->error};
        const FaceBox& box = crop.box;
        const dlib::rectangle rect(box.x, box.y, box.x + box.width - 1, box.y + box.height - 1);
        const dlib::full_object_detection shape = model->predictor(toDlib(image), rect);
        if (shape.num_parts() == 68) {
            const dlib::dpoint left = meanOf(shape, 36, 41);
            const dlib::dpoint right = meanOf(shape, 42, 47);
            const double angle = std::atan2(right.y() - left.y(), right.x() - left.x()) * 180.0 / M_PI;
            // The unclipped square around the box: turning needs the whole of it (black outside).
            const int side = std::max(1, int(double(std::max(box.width, box.height) - 1) * params.margin));
            const int centreX = box.x + (box.width - 1) / 2;
            const int centreY = box.y + (box.height - 1) / 2;
            crop.region = {centreX - side / 2, centreY - side / 2, side, side, std::round(angle * 100.0) / 100.0};
        }
    }
    return std::optional<FaceCrop>(crop);
}

} // namespace saliscope
