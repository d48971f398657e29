// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/faceaugmenter.h"

#include "core/demo/demorandom.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace saliscope::demo {

using dice::uniform;

FaceAugmentation FaceAugmentation::draw(std::mt19937_64& random)
{
    FaceAugmentation a;
    a.flip = uniform(random, 0, 1) < 0.5;
    a.scale = uniform(random, 0.93, 1.08);
    a.angleDegrees = uniform(random, -5, 5);
    a.shiftX = uniform(random, -0.04, 0.04);
    a.shiftY = uniform(random, -0.04, 0.04);
    for (int c = 0; c < 3; ++c)
        a.channelGain[c] = uniform(random, 0.90, 1.10);
    a.saturation = uniform(random, 0.70, 1.25);
    a.exposure = uniform(random, 0.78, 1.22);
    a.gamma = uniform(random, 0.85, 1.18);
    const bool blurred = dice::chance(random, 0.3);
    const double blurSigma = uniform(random, 0.3, 0.8);
    a.blurSigma = blurred ? blurSigma : 0.0;
    a.noiseSigma = uniform(random, 0, 4);
    a.jpegQuality = dice::uniformInt(random, 70, 95);
    return a;
}

cv::Mat FaceAugmenter::warp(const cv::Mat& photo, int size, const FaceAugmentation& a, FaceLayout& layout)
{
    // Resize with area averaging first, so the warp itself is near 1:1 and does not alias.
    cv::Mat resized;
    const double toSize = double(size) / photo.cols;
    cv::resize(photo, resized, cv::Size(size, size), 0, 0, toSize < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
    const cv::Point2f centre(0.5f * size, 0.5f * size);
    cv::Mat rotation = cv::getRotationMatrix2D(centre, a.angleDegrees, a.scale); // 2x3 double
    rotation.at<double>(0, 2) += a.shiftX * size;
    rotation.at<double>(1, 2) += a.shiftY * size;
    cv::Matx23d transform = rotation;
    if (a.flip) { // mirror after the transform: x -> size - 1 - x
        for (int c = 0; c < 3; ++c)
            transform(0, c) = -transform(0, c);
        transform(0, 2) += size - 1;
    }
    cv::Mat out;
    cv::warpAffine(resized, out, cv::Mat(transform), resized.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT101);
    const cv::Matx23d photoToSize(toSize, 0, 0.5 * toSize - 0.5, 0, toSize, 0.5 * toSize - 0.5);
    cv::Matx33d first = cv::Matx33d::eye(), second = cv::Matx33d::eye();
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 3; ++c) {
            first(r, c) = photoToSize(r, c);
            second(r, c) = transform(r, c);
        }
    const cv::Matx33d combined = second * first;
    layout = layout.transformed(cv::Matx23d(combined.val));
    return out;
}

void FaceAugmenter::recolour(cv::Mat& image, const FaceAugmentation& a, std::mt19937_64& random)
{
    cv::Mat f;
    image.convertTo(f, CV_32FC3, 1.0 / 255.0);
    const float gain[3] = {float(a.channelGain[0] * a.exposure), float(a.channelGain[1] * a.exposure),
                           float(a.channelGain[2] * a.exposure)};
    const float saturation = float(a.saturation), gamma = float(a.gamma);
    for (int y = 0; y < f.rows; ++y) {
        auto* row = f.ptr<cv::Vec3f>(y);
        for (int x = 0; x < f.cols; ++x) {
            cv::Vec3f& p = row[x];
            const float grey = 0.114f * p[0] + 0.587f * p[1] + 0.299f * p[2];
            for (int c = 0; c < 3; ++c) {
                float v = (grey + saturation * (p[c] - grey)) * gain[c];
                v = std::pow(std::clamp(v, 0.f, 1.f), gamma);
                p[c] = v;
            }
        }
    }
    if (a.blurSigma > 0)
        cv::GaussianBlur(f, f, cv::Size(), a.blurSigma);
    if (a.noiseSigma > 0)
        for (int y = 0; y < f.rows; ++y) {
            auto* row = f.ptr<cv::Vec3f>(y);
            for (int x = 0; x < f.cols; ++x) {
                const float n = float(
                    dice::normal(random, a.noiseSigma / 255.0)); // luminance noise, the same in every channel
                row[x] += cv::Vec3f(n, n, n);
            }
        }
    f.convertTo(image, CV_8UC3, 255.0);
}

cv::Mat FaceAugmenter::jpegRoundTrip(const cv::Mat& image, int quality)
{
    std::vector<std::uint8_t> bytes;
    cv::imencode(".jpg", image, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

} // namespace saliscope::demo
