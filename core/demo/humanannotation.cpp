// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/humanannotation.h"

#include "core/demo/demorandom.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace saliscope::demo {

namespace {

using dice::normal;
using dice::uniform;

constexpr double Degrees = 180.0 / 3.14159265358979323846;

void drawEllipse(cv::Mat& map, cv::Point2d centre, double halfWidth, double halfHeight, double angleDegrees)
{
    cv::ellipse(map,
                cv::RotatedRect(cv::Point2f(centre), cv::Size2f(float(2 * halfWidth), float(2 * halfHeight)),
                                float(angleDegrees)),
                cv::Scalar(255), cv::FILLED, cv::LINE_AA);
}

void soften(cv::Mat& map) { cv::GaussianBlur(map, map, cv::Size(), std::max(0.5, 0.006 * map.cols)); }

} // namespace

cv::Mat HumanAnnotation::realFace(const FaceLayout& layout, cv::Size size, std::mt19937_64& random)
{
    cv::Mat map = cv::Mat::zeros(size, CV_8U);
    const double s = size.width;
    const double slip = 0.012 * s; // how far a hand-drawn ellipse misses its target
    const cv::Point2d left(layout.leftEye), right(layout.rightEye);
    const double eyeLine = std::atan2(right.y - left.y, right.x - left.x) * Degrees;

    const bool bothEyesAtOnce = dice::chance(random, 0.25);
    const double eyeWidth = uniform(random, 0.075, 0.10) * s, eyeHeight = uniform(random, 0.045, 0.065) * s;
    if (bothEyesAtOnce) {
        const cv::Point2d middle = (left + right) * 0.5 + cv::Point2d(normal(random, slip), normal(random, slip));
        drawEllipse(map, middle, cv::norm(right - left) / 2 + eyeWidth * 0.8, eyeHeight * 1.2,
                    eyeLine + normal(random, 3));
    } else {
        for (const cv::Point2d& eye : {left, right}) {
            const cv::Point2d centre = eye + cv::Point2d(normal(random, slip), normal(random, slip));
            drawEllipse(map, centre, eyeWidth * uniform(random, 0.9, 1.1), eyeHeight * uniform(random, 0.9, 1.1),
                        eyeLine + normal(random, 6));
        }
    }
    const bool nose = dice::chance(random, 0.6);
    const cv::Point2d noseCentre(layout.nose.x + normal(random, slip), layout.nose.y - 0.05 * s + normal(random, slip));
    const double noseWidth = uniform(random, 0.05, 0.07) * s, noseHeight = uniform(random, 0.08, 0.11) * s;
    if (nose)
        drawEllipse(map, noseCentre, noseWidth, noseHeight, eyeLine + normal(random, 5));
    const cv::Point2d mouthCentre(layout.mouth.x + normal(random, slip), layout.mouth.y + normal(random, slip));
    drawEllipse(map, mouthCentre, layout.mouthWidth / 2 * uniform(random, 1.1, 1.35),
                layout.mouthHeight / 2 * uniform(random, 1.2, 1.7), eyeLine + normal(random, 5));
    soften(map);
    return map;
}

cv::Mat HumanAnnotation::artefacts(const std::vector<cv::Mat>& masks, std::mt19937_64& random)
{
    if (masks.empty())
        return {};
    cv::Mat map = cv::Mat::zeros(masks.front().size(), CV_8U);
    const double smallest = 0.06 * map.cols; // nobody circles less than an eye
    for (const cv::Mat& mask : masks) {
        cv::Mat labels;
        const int count = cv::connectedComponents(mask, labels, 8, CV_32S);
        for (int label = 1; label < count; ++label) {
            std::vector<cv::Point> points;
            cv::findNonZero(labels == label, points);
            if (points.empty())
                continue;
            const cv::RotatedRect box = cv::minAreaRect(points);
            // An ellipse with the box's proportions encloses it when scaled by sqrt(2).
            const double loose = std::sqrt(2.0) * uniform(random, 0.95, 1.3);
            const double halfWidth = std::max(smallest, (box.size.width + 1) / 2 * loose);
            const double halfHeight = std::max(smallest, (box.size.height + 1) / 2 * loose);
            const double slip = 0.06 * std::max(halfWidth, halfHeight);
            const cv::Point2d centre(box.center.x + normal(random, slip), box.center.y + normal(random, slip));
            drawEllipse(map, centre, halfWidth, halfHeight, box.angle + normal(random, 6));
        }
    }
    soften(map);
    return map;
}

} // namespace saliscope::demo
