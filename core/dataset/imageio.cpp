// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataset/imageio.h"

#include "engine/pillowresize.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace saliscope {

namespace {

Result<cv::Mat> decode(const std::string& path, int flags)
{
    std::error_code code;
    if (!std::filesystem::exists(path, code))
        return Error{"no such file: " + path};
    if (!std::filesystem::is_regular_file(path, code))
        return Error{path + " is not a regular file"};
    if (std::filesystem::file_size(path, code) == 0)
        return Error{path + " is empty (0 bytes)"};
    cv::Mat mat;
    try {
        mat = cv::imread(path, flags);
    } catch (const cv::Exception& error) {
        return Error{path + " cannot be decoded: " + error.msg};
    }
    if (mat.empty())
        return Error{path + " is not a readable image (unsupported format or corrupt file)"};
    if (mat.depth() == CV_16U)
        mat.convertTo(mat, CV_8U, 1.0 / 257.0);
    else if (mat.depth() == CV_32F || mat.depth() == CV_64F)
        mat.convertTo(mat, CV_8U, 255.0);
    else if (mat.depth() != CV_8U)
        mat.convertTo(mat, CV_8U);
    return mat;
}

engine::ImageU8 toImage(const cv::Mat& mat)
{
    engine::ImageU8 image = engine::ImageU8::zeros(mat.cols, mat.rows, mat.channels());
    const std::size_t rowBytes = std::size_t(mat.cols) * mat.channels();
    for (int y = 0; y < mat.rows; ++y)
        std::copy(mat.ptr<std::uint8_t>(y), mat.ptr<std::uint8_t>(y) + rowBytes,
                  image.pixels.begin() + long(rowBytes * std::size_t(y)));
    return image;
}

} // namespace

Result<engine::ImageU8> readImageRgb(const std::string& path)
{
    // EXIF orientation is not applied: Pillow, which trained and evaluated the models, does not.
    auto mat = decode(path, cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH | cv::IMREAD_IGNORE_ORIENTATION);
    if (!mat)
        return Error{mat.error()};
    cv::Mat rgb;
    cv::cvtColor(mat.value(), rgb, cv::COLOR_BGR2RGB);
    return toImage(rgb);
}

Result<engine::ImageU8> readImageGray(const std::string& path)
{
    auto mat = decode(path, cv::IMREAD_UNCHANGED);
    if (!mat)
        return Error{mat.error()};
    cv::Mat gray = mat.value();
    if (gray.channels() == 3)
        cv::cvtColor(gray, gray, cv::COLOR_BGR2GRAY);
    else if (gray.channels() == 4)
        cv::cvtColor(gray, gray, cv::COLOR_BGRA2GRAY);
    return toImage(gray);
}

engine::ImageU8 resizeForModel(engine::ImageU8 image, int width, int height)
{
    if (image.width == width && image.height == height)
        return image;
    return engine::resizePillow(image, width, height, engine::ResizeFilter::Bilinear);
}

Result<engine::ImageU8> readModelInput(const std::string& path, int width, int height)
{
    auto image = readImageRgb(path);
    if (!image)
        return Error{image.error()};
    return resizeForModel(std::move(image).value(), width, height);
}

Status writeImage(const std::string& path, const engine::ImageU8& image)
{
    if (image.empty() || (image.channels != 1 && image.channels != 3))
        return Error{"cannot write " + path + ": not an 8-bit grey or RGB image"};
    cv::Mat mat(image.height, image.width, image.channels == 1 ? CV_8UC1 : CV_8UC3,
                const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat bgr;
    if (image.channels == 3)
        cv::cvtColor(mat, bgr, cv::COLOR_RGB2BGR);
    else
        bgr = mat;
    const std::filesystem::path target(path);
    const std::filesystem::path temporary =
        target.parent_path() / (".partial-" + target.filename().string());
    std::vector<std::uint8_t> encoded;
    try {
        if (!cv::imencode(target.extension().string().empty() ? ".png" : target.extension().string(), bgr, encoded))
            return Error{"cannot encode " + path + ": unsupported extension"};
    } catch (const cv::Exception& error) {
        return Error{"cannot encode " + path + ": " + error.msg};
    }
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        return Error{"cannot write " + path + ": " + std::strerror(errno)};
    const bool written = std::fwrite(encoded.data(), 1, encoded.size(), file) == encoded.size();
    const bool closed = std::fclose(file) == 0;
    std::error_code code;
    if (!written || !closed) {
        std::filesystem::remove(temporary, code);
        return Error{"cannot write " + path + ": disk full or I/O error"};
    }
    std::filesystem::rename(temporary, target, code);
    if (code) {
        std::filesystem::remove(temporary, code);
        return Error{"cannot write " + path + ": " + code.message()};
    }
    return engine::Ok{};
}

} // namespace saliscope
