// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/proceduralface.h"

#include "core/demo/demorandom.h"
#include "core/demo/facelayout.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace saliscope::demo {

namespace {

using dice::uniform;

constexpr std::uint64_t PersonStream = 0x70657273'6f6e0001ull;
constexpr std::uint64_t PhotoStream = 0x70686f74'6f000002ull;

cv::Scalar jittered(std::mt19937_64& random, cv::Scalar colour, double amount)
{
    for (int c = 0; c < 3; ++c)
        colour[c] = std::clamp(colour[c] + uniform(random, -amount, amount), 0.0, 255.0);
    return colour;
}

cv::Scalar scaled(cv::Scalar colour, double factor) { return colour * factor; }

struct Person final {
    cv::Scalar skin, hair, iris, lips;
    double faceHalfWidth = 0.37, faceHalfHeight = 0.45;
    int hairStyle = 0; // 0 short, 1 long, 2 receding
    double browThickness = 0.018, noseHalfWidth = 0.035, mouthHalfWidth = 0.13;
};

Person drawPerson(std::mt19937_64& random)
{
    static const cv::Scalar skins[] = {{185, 205, 238}, {150, 178, 222}, {115, 150, 205},
                                       {95, 130, 180},  {62, 95, 145},   {45, 65, 105}};
    static const cv::Scalar hairs[] = {{20, 25, 30},    {30, 50, 80},    {50, 90, 140},
                                       {120, 160, 200}, {150, 150, 150}, {25, 35, 60}};
    static const cv::Scalar irises[] = {{30, 60, 100}, {140, 100, 60}, {80, 110, 70}, {110, 110, 100}, {20, 35, 60}};
    Person p;
    p.skin = jittered(random, skins[dice::uniformInt(random, 0, 5)], 12);
    p.hair = jittered(random, hairs[dice::uniformInt(random, 0, 5)], 10);
    p.iris = jittered(random, irises[dice::uniformInt(random, 0, 4)], 10);
    p.lips = jittered(random, scaled(p.skin, 0.75) + cv::Scalar(-10, -15, 20), 8);
    p.faceHalfWidth = uniform(random, 0.34, 0.40);
    p.faceHalfHeight = uniform(random, 0.43, 0.47);
    p.hairStyle = dice::chance(random, 0.15) ? 2 : dice::uniformInt(random, 0, 1);
    p.browThickness = uniform(random, 0.014, 0.024);
    p.noseHalfWidth = uniform(random, 0.03, 0.045);
    p.mouthHalfWidth = uniform(random, 0.12, 0.15);
    return p;
}

} // namespace

cv::Mat ProceduralFace::render(std::uint64_t seed, int person, int photo, int size)
{
    std::mt19937_64 personRandom = dice::generator(seed, PersonStream, std::uint64_t(person));
    std::mt19937_64 random = dice::generator(seed, PhotoStream, (std::uint64_t(person) << 32) | std::uint32_t(photo));
    const Person who = drawPerson(personRandom);

    const int canvas = 2 * size; // drawn at twice the size, then averaged down: smooth edges
    const double w = canvas;
    auto at = [&](double x, double y) { return cv::Point(int(std::lround(x * w)), int(std::lround(y * w))); };
    auto axes = [&](double a, double b) {
        return cv::Size(std::max(1, int(std::lround(a * w))), std::max(1, int(std::lround(b * w))));
    };

    const FaceLayout layout = FaceLayout::alignedChip(1);
    const double dx = uniform(random, -0.012, 0.012), dy = uniform(random, -0.012, 0.012);

    // Background: a vertical gradient between two colours, and a few soft blobs.
    cv::Mat image(canvas, canvas, CV_8UC3);
    const cv::Scalar top = jittered(random, cv::Scalar(140, 140, 140), 90);
    const cv::Scalar bottom = jittered(random, top * 0.8, 40);
    for (int y = 0; y < canvas; ++y)
        image.row(y).setTo(top * (1 - double(y) / canvas) + bottom * (double(y) / canvas));
    for (int i = 0; i < 3; ++i) {
        cv::Mat layer = image.clone();
        cv::circle(layer, at(uniform(random, 0, 1), uniform(random, 0, 1)), int(uniform(random, 0.1, 0.3) * w),
                   jittered(random, top, 60), cv::FILLED, cv::LINE_AA);
        cv::addWeighted(image, 0.6, layer, 0.4, 0, image);
    }
    cv::GaussianBlur(image, image, cv::Size(), 0.03 * w);

    // Shoulders and neck.
    cv::ellipse(image, at(0.5 + dx, 1.12), axes(uniform(random, 0.5, 0.6), 0.32), 0, 0, 360,
                jittered(random, cv::Scalar(100, 100, 100), 90), cv::FILLED, cv::LINE_AA);
    cv::rectangle(image, at(0.39 + dx, 0.72), at(0.61 + dx, 0.95), scaled(who.skin, 0.82), cv::FILLED, cv::LINE_AA);

    // Long hair falls behind the head.
    const double hx = 0.5 + dx, headY = 0.50 + dy;
    if (who.hairStyle == 1)
        cv::ellipse(image, at(hx, headY + 0.02), axes(who.faceHalfWidth + 0.07, who.faceHalfHeight + 0.05), 0, 0, 360,
                    who.hair, cv::FILLED, cv::LINE_AA);
    // Ears, then the head.
    for (double side : {-1.0, 1.0})
        cv::ellipse(image, at(hx + side * (who.faceHalfWidth - 0.01), 0.44 + dy), axes(0.045, 0.08), 0, 0, 360,
                    scaled(who.skin, 0.9), cv::FILLED, cv::LINE_AA);
    cv::Mat head = cv::Mat::zeros(image.size(), CV_8U);
    cv::ellipse(head, at(hx, headY), axes(who.faceHalfWidth, who.faceHalfHeight), 0, 0, 360, cv::Scalar(255),
                cv::FILLED, cv::LINE_AA);
    image.setTo(who.skin, head);

    // Light from one side and from above; the jaw and the head's rim in shadow.
    {
        const double sideLight = uniform(random, -0.18, 0.18);
        cv::Mat light(image.size(), CV_32F);
        for (int y = 0; y < canvas; ++y)
            for (int x = 0; x < canvas; ++x) {
                const double u = (x / w - hx) / who.faceHalfWidth, v = (y / w - headY) / who.faceHalfHeight;
                const double r2 = u * u + v * v;
                light.at<float>(y, x) = float((1 + sideLight * u) * (1 - 0.25 * std::pow(std::min(1.0, r2), 2))
                                              * (1 - 0.06 * v));
            }
        cv::Mat headF, imageF;
        head.convertTo(headF, CV_32F, 1.0 / 255);
        cv::GaussianBlur(headF, headF, cv::Size(), 0.01 * w);
        image.convertTo(imageF, CV_32FC3);
        for (int y = 0; y < canvas; ++y)
            for (int x = 0; x < canvas; ++x) {
                const float k = headF.at<float>(y, x);
                imageF.at<cv::Vec3f>(y, x) *= (1 - k) + k * light.at<float>(y, x);
            }
        imageF.convertTo(image, CV_8UC3);
    }

    // Hair on top: a cap over the crown down to the hairline, and down the temples to the ears.
    {
        cv::Mat hairMask = cv::Mat::zeros(image.size(), CV_8U);
        const double hairline = who.hairStyle == 2 ? uniform(random, 0.02, 0.04) : uniform(random, 0.07, 0.12);
        const double volume = uniform(random, 0.02, 0.06);
        cv::ellipse(hairMask, at(hx, headY - volume), axes(who.faceHalfWidth + 0.03, who.faceHalfHeight + volume), 0, 0,
                    360, cv::Scalar(255), cv::FILLED, cv::LINE_AA);
        cv::ellipse(hairMask, at(hx, headY + hairline), axes(who.faceHalfWidth - 0.015, who.faceHalfHeight), 0, 0, 360,
                    cv::Scalar(0), cv::FILLED, cv::LINE_AA);
        cv::rectangle(hairMask, at(0, 0.36 + dy), at(1, 1), cv::Scalar(0), cv::FILLED);
        cv::Mat layer(image.size(), CV_8UC3, who.hair);
        cv::Mat streaks(image.size(), CV_32F); // a little strand texture
        for (int y = 0; y < canvas; ++y)
            for (int x = 0; x < canvas; ++x)
                streaks.at<float>(y, x) = float(dice::normal(random, 18.0));
        cv::GaussianBlur(streaks, streaks, cv::Size(), 0.6, 0.02 * w);
        cv::Mat layerF;
        layer.convertTo(layerF, CV_32FC3);
        for (int y = 0; y < canvas; ++y)
            for (int x = 0; x < canvas; ++x)
                layerF.at<cv::Vec3f>(y, x) += cv::Vec3f::all(streaks.at<float>(y, x));
        layerF.convertTo(layer, CV_8UC3);
        layer.copyTo(image, hairMask);
    }

    // Eyes: white, iris, pupil, lid line, catch-light; brows above.
    const double browLift = uniform(random, 0.065, 0.085);
    for (const cv::Point2f& eyeFraction : {layout.leftEye, layout.rightEye}) {
        const double ex = eyeFraction.x + dx + uniform(random, -0.006, 0.006),
                     ey = eyeFraction.y + dy + uniform(random, -0.006, 0.006);
        cv::ellipse(image, at(ex, ey), axes(0.055, 0.024), 0, 0, 360, cv::Scalar(225, 230, 235), cv::FILLED,
                    cv::LINE_AA);
        cv::circle(image, at(ex, ey), int(0.022 * w), who.iris, cv::FILLED, cv::LINE_AA);
        cv::circle(image, at(ex, ey), int(0.010 * w), cv::Scalar(15, 15, 15), cv::FILLED, cv::LINE_AA);
        cv::circle(image, at(ex + 0.007, ey - 0.007), std::max(1, int(0.004 * w)), cv::Scalar(250, 250, 250),
                   cv::FILLED, cv::LINE_AA);
        cv::ellipse(image, at(ex, ey + 0.004), axes(0.058, 0.03), 0, 190, 350, scaled(who.skin, 0.45),
                    std::max(1, int(0.008 * w)), cv::LINE_AA);
        const double inner = ex < 0.5 ? 1 : -1; // the brow's inner end points to the nose
        cv::line(image, at(ex - inner * 0.06, ey - browLift + 0.01), at(ex + inner * 0.055, ey - browLift),
                 scaled(who.hair, 0.8), std::max(1, int(who.browThickness * w)), cv::LINE_AA);
    }

    // Nose: a soft side shadow, nostrils and a highlight on the tip.
    const double nx = layout.nose.x + dx, ny = layout.nose.y + dy;
    cv::line(image, at(nx + 0.02, ny - 0.16), at(nx + who.noseHalfWidth, ny - 0.01), scaled(who.skin, 0.85),
             std::max(1, int(0.01 * w)), cv::LINE_AA);
    for (double side : {-1.0, 1.0})
        cv::ellipse(image, at(nx + side * who.noseHalfWidth * 0.6, ny + 0.015), axes(0.014, 0.008), 0, 0, 360,
                    scaled(who.skin, 0.45), cv::FILLED, cv::LINE_AA);
    cv::circle(image, at(nx, ny - 0.01), int(0.012 * w), scaled(who.skin, 1.08), cv::FILLED, cv::LINE_AA);

    // Mouth: lips, and teeth in a smile.
    const double mx = layout.mouth.x + dx, my = layout.mouth.y + dy + uniform(random, -0.01, 0.01);
    const double smile = uniform(random, 0, 1);
    cv::ellipse(image, at(mx, my), axes(who.mouthHalfWidth, 0.035 + 0.015 * smile), 0, 0, 360, who.lips, cv::FILLED,
                cv::LINE_AA);
    if (smile > 0.45)
        cv::ellipse(image, at(mx, my - 0.004), axes(who.mouthHalfWidth * 0.8, 0.02 * smile), 0, 0, 180,
                    cv::Scalar(225, 232, 238), cv::FILLED, cv::LINE_AA);
    cv::ellipse(image, at(mx, my - 0.01), axes(who.mouthHalfWidth * 0.95, 0.012 + 0.02 * smile), 0, 10, 170,
                scaled(who.lips, 0.55), std::max(1, int(0.006 * w)), cv::LINE_AA);

    // Skin texture and sensor noise, then down to the output size.
    cv::Mat noise(image.size(), CV_32F);
    for (int y = 0; y < canvas; ++y)
        for (int x = 0; x < canvas; ++x)
            noise.at<float>(y, x) = float(dice::normal(random, 5.0));
    cv::GaussianBlur(noise, noise, cv::Size(), 1.2);
    cv::Mat imageF;
    image.convertTo(imageF, CV_32FC3);
    for (int y = 0; y < canvas; ++y)
        for (int x = 0; x < canvas; ++x)
            imageF.at<cv::Vec3f>(y, x) += cv::Vec3f::all(noise.at<float>(y, x));
    imageF.convertTo(image, CV_8UC3);
    cv::Mat out;
    cv::resize(image, out, cv::Size(size, size), 0, 0, cv::INTER_AREA);
    return out;
}

} // namespace saliscope::demo
