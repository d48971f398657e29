// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/facelayout.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace saliscope::demo {

namespace {

cv::Point2f apply(const cv::Matx23d& m, cv::Point2f p)
{
    return {float(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)), float(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2))};
}

} // namespace

FaceLayout FaceLayout::alignedChip(int size)
{
    const float s = float(size);
    FaceLayout layout;
    layout.leftEye = {0.30f * s, 0.305f * s};
    layout.rightEye = {0.69f * s, 0.305f * s};
    layout.nose = {0.50f * s, 0.53f * s};
    layout.mouth = {0.50f * s, 0.69f * s};
    layout.irisRadius = 0.024f * s;
    layout.mouthWidth = 0.30f * s;
    layout.mouthHeight = 0.10f * s;
    layout.faceCentre = {0.50f * s, 0.50f * s};
    layout.faceAxes = {0.36f * s, 0.42f * s};
    return layout;
}

FaceLayout FaceLayout::transformed(const cv::Matx23d& to) const
{
    FaceLayout out = *this;
    out.leftEye = apply(to, leftEye);
    out.rightEye = apply(to, rightEye);
    if (out.leftEye.x > out.rightEye.x)
        std::swap(out.leftEye, out.rightEye);
    out.nose = apply(to, nose);
    out.mouth = apply(to, mouth);
    out.faceCentre = apply(to, faceCentre);
    const float scale = float(std::sqrt(std::abs(to(0, 0) * to(1, 1) - to(0, 1) * to(1, 0))));
    out.irisRadius *= scale;
    out.mouthWidth *= scale;
    out.mouthHeight *= scale;
    out.faceAxes = {faceAxes.width * scale, faceAxes.height * scale};
    return out;
}

void FaceLayout::refineEyes(const cv::Mat& bgr)
{
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    grey.convertTo(grey, CV_32F);
    const float eyeSpan = cv::norm(rightEye - leftEye); // ~0.39 of the chip
    cv::GaussianBlur(grey, grey, cv::Size(), std::max(0.6, 0.026 * eyeSpan));
    const int flank = std::max(2, int(std::lround(0.115 * eyeSpan)));
    const float reachX = 0.15f * eyeSpan, reachY = 0.10f * eyeSpan;
    for (cv::Point2f* eye : {&leftEye, &rightEye}) {
        const cv::Point2f expected = *eye;
        double best = -1e30;
        cv::Point2f found = expected;
        const int x0 = std::max(flank, int(expected.x - reachX)),
                  x1 = std::min(grey.cols - 1 - flank, int(expected.x + reachX));
        const int y0 = std::max(0, int(expected.y - reachY)), y1 = std::min(grey.rows - 1, int(expected.y + reachY));
        for (int y = y0; y <= y1; ++y) {
            const float* row = grey.ptr<float>(y);
            for (int x = x0; x <= x1; ++x) {
                const float centre = row[x];
                double score = std::min(row[x - flank], row[x + flank]) - 1.15 * centre;
                const double dx = (x - expected.x) / (0.13 * eyeSpan), dy = (y - expected.y) / (0.08 * eyeSpan);
                score -= 6.0 * (dx * dx + dy * dy); // stay near the expected place
                if (score > best) {
                    best = score;
                    found = {float(x), float(y)};
                }
            }
        }
        *eye = found;
    }
}

} // namespace saliscope::demo
