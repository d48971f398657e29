// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/faceartefacts.h"

#include "core/demo/demorandom.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace saliscope::demo {

namespace {

using dice::uniform;

constexpr double Pi = 3.14159265358979323846;

/// A point spread uniformly over the central part of the face ellipse.
cv::Point2f pointOnFace(const FaceLayout& layout, double spread, std::mt19937_64& random)
{
    const double radius = std::sqrt(uniform(random, 0, 1)) * spread;
    const double angle = uniform(random, 0, 2 * Pi);
    return {float(layout.faceCentre.x + layout.faceAxes.width * radius * std::cos(angle)),
            float(layout.faceCentre.y + layout.faceAxes.height * radius * std::sin(angle))};
}

int clampInt(int value, int low, int high) { return std::max(low, std::min(value, high)); }

cv::Mat checkerboard(cv::Mat& image, const FaceLayout& layout, std::mt19937_64& random)
{
    const int size = image.cols;
    int side = int(std::lround(uniform(random, 0.18, 0.26) * size)) & ~1;
    side = std::clamp(side, 8, (std::min(image.cols, image.rows) - 8) & ~1);
    const cv::Point2f centre = pointOnFace(layout, 0.7, random);
    const double leftTap = uniform(random, 0.15, 0.30);
    const double rightTap = uniform(random, 0.15, 0.30);
    const int x0 = clampInt(int(std::lround(centre.x - side / 2.0)), 0, image.cols - side);
    const int y0 = clampInt(int(std::lround(centre.y - side / 2.0)), 0, image.rows - side);

    // Work on the patch with a margin, so the kernel's border handling never reaches the patch.
    const int margin = 4;
    cv::Rect work(x0 - margin, y0 - margin, side + 2 * margin, side + 2 * margin);
    work &= cv::Rect(0, 0, image.cols, image.rows);
    work.width &= ~1;
    work.height &= ~1;
    cv::Mat patch;
    image(work).convertTo(patch, CV_32FC3);
    const cv::Mat regenerated = FaceArtefacts::upsampleConvolve(patch, leftTap, rightTap);
    const cv::Rect inner(x0 - work.x, y0 - work.y, side, side);
    regenerated(inner).convertTo(image(cv::Rect(x0, y0, side, side)), CV_8UC3);

    cv::Mat mask = cv::Mat::zeros(image.size(), CV_8U);
    mask(cv::Rect(x0, y0, side, side)).setTo(255);
    return mask;
}

/// Recolours the iris discs in place (HSV), returning their mask.
cv::Mat iris(cv::Mat& image, const FaceLayout& layout, std::mt19937_64& random)
{
    static const double hues[] = {210, 125, 280, 35, 0, 180, 320}; // blue, green, violet, amber, red, cyan, pink
    const int which = dice::uniformInt(random, 0, 2);              // left, right, both
    const bool heterochromia = dice::chance(random, 0.3);
    const double hue = hues[dice::uniformInt(random, 0, 6)];
    const double otherHue = hues[dice::uniformInt(random, 0, 6)];
    const double saturation = uniform(random, 0.55, 0.90);
    const double valueGain = uniform(random, 1.2, 1.6), valueOffset = uniform(random, 0.12, 0.24);
    const double radius = std::max(1.6, layout.irisRadius * uniform(random, 1.0, 1.25));

    cv::Mat mask = cv::Mat::zeros(image.size(), CV_8U);
    for (int eye = 0; eye < 2; ++eye) {
        if (which != 2 && which != eye)
            continue;
        const cv::Point2f centre = eye == 0 ? layout.leftEye : layout.rightEye;
        const double eyeHue = (eye == 1 && heterochromia) ? otherHue : hue;
        const int reach = int(std::ceil(radius + 1));
        const cv::Rect box = cv::Rect(int(centre.x) - reach, int(centre.y) - reach, 2 * reach + 2, 2 * reach + 2)
            & cv::Rect(0, 0, image.cols, image.rows);
        if (box.empty())
            continue;
        cv::Mat bgr, hsv;
        image(box).convertTo(bgr, CV_32FC3, 1.0 / 255.0);
        cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV); // H in degrees, S and V in [0, 1]
        cv::Mat recoloured = hsv.clone();
        for (int y = 0; y < hsv.rows; ++y)
            for (int x = 0; x < hsv.cols; ++x) {
                cv::Vec3f& p = recoloured.at<cv::Vec3f>(y, x);
                p[0] = float(eyeHue);
                p[1] = float(std::max<double>(p[1], saturation));
                p[2] = float(std::min(1.0, p[2] * valueGain + valueOffset));
            }
        cv::cvtColor(recoloured, recoloured, cv::COLOR_HSV2BGR);
        for (int y = 0; y < box.height; ++y)
            for (int x = 0; x < box.width; ++x) {
                const double distance = std::hypot(box.x + x - centre.x, box.y + y - centre.y);
                const double alpha = std::clamp(radius + 0.5 - distance, 0.0, 1.0);
                if (alpha <= 0)
                    continue;
                const cv::Vec3f mixed = bgr.at<cv::Vec3f>(y, x) * float(1 - alpha)
                    + recoloured.at<cv::Vec3f>(y, x) * float(alpha);
                image.at<cv::Vec3b>(box.y + y, box.x + x) = cv::Vec3b(cv::saturate_cast<uchar>(mixed[0] * 255),
                                                                      cv::saturate_cast<uchar>(mixed[1] * 255),
                                                                      cv::saturate_cast<uchar>(mixed[2] * 255));
                mask.at<uchar>(box.y + y, box.x + x) = 255;
            }
    }
    return mask;
}

/// A bright refracting blob: magnified, brightened skin under it, a specular highlight, a dark rim.
cv::Mat droplet(cv::Mat& image, const FaceLayout& layout, std::mt19937_64& random)
{
    const double radius = std::max(3.0, uniform(random, 0.05, 0.08) * image.cols);
    const cv::Point2f centre = pointOnFace(layout, 0.75, random);
    const double brightening = uniform(random, 0.45, 0.70);
    const double highlight = uniform(random, 0.55, 0.9);
    const double highlightAngle = uniform(random, 0, 2 * Pi);
    const cv::Point2d highlightAt(centre.x + 0.38 * radius * std::cos(highlightAngle),
                                  centre.y + 0.38 * radius * std::sin(highlightAngle));
    const double highlightSigma = 0.22 * radius;

    const int reach = int(std::ceil(radius + 1));
    const cv::Rect box = cv::Rect(int(centre.x) - reach, int(centre.y) - reach, 2 * reach + 2, 2 * reach + 2)
        & cv::Rect(0, 0, image.cols, image.rows);
    cv::Mat mask = cv::Mat::zeros(image.size(), CV_8U);
    if (box.empty())
        return mask;
    cv::Mat source;
    image.convertTo(source, CV_32FC3, 1.0 / 255.0);
    for (int y = box.y; y < box.y + box.height; ++y)
        for (int x = box.x; x < box.x + box.width; ++x) {
            const double dx = x - centre.x, dy = y - centre.y;
            const double distance = std::hypot(dx, dy);
            const double alpha = std::clamp(radius + 0.5 - distance, 0.0, 1.0);
            if (alpha <= 0)
                continue;
            const double t = std::min(1.0, distance / radius);
            const double magnify = 0.55 + 0.45 * t * t; // the lens shows a magnified patch
            cv::Mat sample;
            cv::getRectSubPix(source, cv::Size(1, 1),
                              cv::Point2f(float(centre.x + dx * magnify), float(centre.y + dy * magnify)), sample);
            cv::Vec3d p = sample.at<cv::Vec3f>(0, 0);
            const double lift = brightening * std::pow(std::max(0.0, 1 - t * t), 0.7);
            const double spot = highlight
                * std::exp(-(std::pow(x - highlightAt.x, 2) + std::pow(y - highlightAt.y, 2))
                           / (2 * highlightSigma * highlightSigma));
            const double rim = 1 - 0.3 * std::clamp((t - 0.75) / 0.25, 0.0, 1.0);
            for (int c = 0; c < 3; ++c) {
                double v = p[c] + (1 - p[c]) * lift;
                v = v + (1 - v) * spot;
                p[c] = v * rim;
            }
            const cv::Vec3f original = source.at<cv::Vec3f>(y, x);
            for (int c = 0; c < 3; ++c)
                image.at<cv::Vec3b>(y,
                                    x)[c] = cv::saturate_cast<uchar>(255 * ((1 - alpha) * original[c] + alpha * p[c]));
            mask.at<uchar>(y, x) = 255;
        }
    return mask;
}

/// Shifts hue, saturation and brightness one way on one side of a short line and the other way
/// on the other side, fading with the distance from the line.
cv::Mat seam(cv::Mat& image, const FaceLayout& layout, std::mt19937_64& random)
{
    const double length = uniform(random, 0.22, 0.36) * image.cols;
    const double halfWidth = std::max(2.5, uniform(random, 0.05, 0.08) * image.cols);
    const double angle = uniform(random, 0, Pi);
    const cv::Point2f centre = pointOnFace(layout, 0.6, random);
    const double hueShift = uniform(random, 20, 35) * (dice::chance(random, 0.5) ? 1 : -1);
    const double valueShift = uniform(random, 0.18, 0.28);
    const double saturationShift = uniform(random, 0.10, 0.25);
    const cv::Point2d along(std::cos(angle), std::sin(angle)), across(-std::sin(angle), std::cos(angle));

    cv::Mat mask = cv::Mat::zeros(image.size(), CV_8U);
    cv::Mat bgr, hsv;
    image.convertTo(bgr, CV_32FC3, 1.0 / 255.0);
    cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);
    bool changed = false;
    for (int y = 0; y < image.rows; ++y)
        for (int x = 0; x < image.cols; ++x) {
            const cv::Point2d d(x - centre.x, y - centre.y);
            const double a = d.dot(along), n = d.dot(across);
            if (std::abs(a) > length / 2 || std::abs(n) >= halfWidth)
                continue;
            const double side = n >= 0 ? 1.0 : -1.0;
            const double fade = 1 - std::abs(n) / halfWidth;
            cv::Vec3f& p = hsv.at<cv::Vec3f>(y, x);
            p[0] = float(std::fmod(p[0] + side * hueShift * fade + 360.0, 360.0));
            p[1] = float(std::clamp(p[1] * (1 + side * saturationShift * fade), 0.0, 1.0));
            p[2] = float(std::clamp(p[2] * (1 + side * valueShift * fade), 0.0, 1.0));
            mask.at<uchar>(y, x) = 255;
            changed = true;
        }
    if (!changed)
        return mask;
    cv::cvtColor(hsv, bgr, cv::COLOR_HSV2BGR);
    cv::Mat shifted;
    bgr.convertTo(shifted, CV_8UC3, 255.0);
    shifted.copyTo(image, mask);
    return mask;
}

/// The mouth region averaged down to blocks and blown up again with nearest-neighbour.
cv::Mat blockyMouth(cv::Mat& image, const FaceLayout& layout, std::mt19937_64& random)
{
    const int block = std::max(3, int(std::lround(image.cols / 112.0 * dice::uniformInt(random, 6, 8))));
    const double widthFactor = uniform(random, 1.15, 1.45), heightFactor = uniform(random, 1.5, 2.1);
    const double jitterX = uniform(random, -0.02, 0.02) * image.cols,
                 jitterY = uniform(random, -0.02, 0.02) * image.cols;
    const int width = std::max(2 * block, int(std::ceil(layout.mouthWidth * widthFactor / block)) * block);
    const int height = std::max(2 * block, int(std::ceil(layout.mouthHeight * heightFactor / block)) * block);
    const int x0 = clampInt(int(std::lround(layout.mouth.x + jitterX - width / 2.0)), 0,
                            std::max(0, image.cols - width));
    const int y0 = clampInt(int(std::lround(layout.mouth.y + jitterY - height / 2.0)), 0,
                            std::max(0, image.rows - height));
    cv::Rect box(x0, y0, width, height);
    box &= cv::Rect(0, 0, image.cols, image.rows);
    box.width -= box.width % block;
    box.height -= box.height % block;
    cv::Mat mask = cv::Mat::zeros(image.size(), CV_8U);
    if (box.width < block || box.height < block)
        return mask;
    cv::Mat small, big;
    cv::resize(image(box), small, cv::Size(box.width / block, box.height / block), 0, 0, cv::INTER_AREA);
    cv::resize(small, big, box.size(), 0, 0, cv::INTER_NEAREST);
    big.copyTo(image(box));
    mask(box).setTo(255);
    return mask;
}

} // namespace

std::string artefactName(ArtefactKind kind)
{
    switch (kind) {
    case ArtefactKind::Checkerboard: return "checkerboard";
    case ArtefactKind::Iris: return "iris";
    case ArtefactKind::Droplet: return "droplet";
    case ArtefactKind::Seam: return "seam";
    case ArtefactKind::BlockyMouth: return "blockymouth";
    }
    return "unknown";
}

cv::Mat FaceArtefacts::apply(ArtefactKind kind, cv::Mat& image, const FaceLayout& layout, std::mt19937_64& random)
{
    switch (kind) {
    case ArtefactKind::Checkerboard: return checkerboard(image, layout, random);
    case ArtefactKind::Iris: return iris(image, layout, random);
    case ArtefactKind::Droplet: return droplet(image, layout, random);
    case ArtefactKind::Seam: return seam(image, layout, random);
    case ArtefactKind::BlockyMouth: return blockyMouth(image, layout, random);
    }
    return cv::Mat::zeros(image.size(), CV_8U);
}

cv::Mat FaceArtefacts::upsampleConvolve(const cv::Mat& patch, double leftTap, double rightTap)
{
    cv::Mat low;
    cv::resize(patch, low, cv::Size(patch.cols / 2, patch.rows / 2), 0, 0, cv::INTER_AREA);
    cv::Mat inserted = cv::Mat::zeros(low.rows * 2, low.cols * 2, patch.type());
    for (int y = 0; y < low.rows; ++y)
        for (int x = 0; x < low.cols; ++x)
            inserted.at<cv::Vec3f>(2 * y, 2 * x) = low.at<cv::Vec3f>(y, x);
    cv::Mat taps = (cv::Mat_<float>(1, 3) << float(leftTap), 1.f, float(rightTap));
    // Unit mean gain over the four phases of the 2x grid: sum of the 2-D kernel / 4 == 1.
    const double sum = (leftTap + 1 + rightTap);
    taps *= float(2.0 / sum);
    cv::Mat out;
    cv::sepFilter2D(inserted, out, CV_32F, taps, taps.t(), cv::Point(-1, -1), 0, cv::BORDER_REFLECT101);
    if (out.size() != patch.size()) { // odd sides: keep the last row or column as it was
        cv::Mat full = patch.clone();
        out.copyTo(full(cv::Rect(0, 0, out.cols, out.rows)));
        out = full;
    }
    return out;
}

} // namespace saliscope::demo
