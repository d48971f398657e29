// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/colormap.h"

#include <algorithm>
#include <cmath>

namespace saliscope::ui {

namespace {

using Coefficients = std::array<std::array<double, 3>, 7>;

// Polynomial fits of matplotlib's viridis and inferno (Matt Zucker, CC0) and Google's turbo.
constexpr Coefficients Viridis{{{0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
                                {0.1050930431085774, 1.404613529898575, 1.384590162594685},
                                {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
                                {-4.634230498983486, -5.799100973351585, -19.33244095627987},
                                {6.228269936347081, 14.17993336680509, 56.69055260068105},
                                {4.776384997670288, -13.74514537774601, -65.35303263337234},
                                {-5.435455855934631, 4.645852612178535, 26.3124352495832}}};
constexpr Coefficients Inferno{{{0.0002189403691192265, 0.001651004631001012, -0.01948089843709184},
                                {0.1065134194856116, 0.5639564367884091, 3.932712388889277},
                                {11.60249308247187, -3.972853965665698, -15.9423941062914},
                                {-41.70399613139459, 17.43639888205313, 44.35414519872813},
                                {77.162935699427, -33.40235894210092, -81.80730925738993},
                                {-71.31942824499214, 32.62606426397723, 73.20951985803202},
                                {25.13112622477341, -12.24266895238567, -23.07032500287172}}};
constexpr Coefficients Turbo{{{0.13572138, 0.09140261, 0.10667330},
                              {4.61539260, 2.19418839, 12.64194608},
                              {-42.66032258, 4.84296658, -60.58204836},
                              {132.13108234, -14.18503333, 110.36276771},
                              {-152.94239396, 4.27729857, -89.90310912},
                              {59.28637943, 2.82956604, 27.34824973},
                              {0, 0, 0}}};

QRgb polynomial(const Coefficients& c, double t)
{
    std::array<double, 3> rgb{};
    for (int channel = 0; channel < 3; ++channel) {
        double value = 0;
        for (int k = 6; k >= 0; --k)
            value = value * t + c[std::size_t(k)][std::size_t(channel)];
        rgb[std::size_t(channel)] = std::clamp(value, 0.0, 1.0);
    }
    return qRgb(int(rgb[0] * 255 + 0.5), int(rgb[1] * 255 + 0.5), int(rgb[2] * 255 + 0.5));
}

QRgb jet(double t)
{
    auto ramp = [](double x) { return std::clamp(1.5 - std::abs(4.0 * x), 0.0, 1.0); };
    return qRgb(int(ramp(t - 0.75) * 255 + 0.5), int(ramp(t - 0.5) * 255 + 0.5), int(ramp(t - 0.25) * 255 + 0.5));
}

} // namespace

QStringList Colormap::names()
{
    return {QStringLiteral("jet"), QStringLiteral("turbo"), QStringLiteral("viridis"), QStringLiteral("inferno"),
            QStringLiteral("gray")};
}

Colormap Colormap::named(const QString& name)
{
    Colormap map;
    map.m_name = names().contains(name) ? name : QStringLiteral("jet");
    for (int i = 0; i < 256; ++i) {
        const double t = i / 255.0;
        QRgb color;
        if (map.m_name == QLatin1String("turbo"))
            color = polynomial(Turbo, t);
        else if (map.m_name == QLatin1String("viridis"))
            color = polynomial(Viridis, t);
        else if (map.m_name == QLatin1String("inferno"))
            color = polynomial(Inferno, t);
        else if (map.m_name == QLatin1String("gray"))
            color = qRgb(i, i, i);
        else
            color = jet(t);
        map.m_table[std::size_t(i)] = color;
    }
    return map;
}

QImage Colormap::colorize(const unsigned char* pixels, int width, int height, double opacity) const
{
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    const int alpha = std::clamp(int(std::lround(opacity * 255)), 0, 255);
    std::array<QRgb, 256> premultiplied{};
    for (int i = 0; i < 256; ++i) {
        const QRgb c = m_table[std::size_t(i)];
        premultiplied[std::size_t(i)] = qRgba(qRed(c) * alpha / 255, qGreen(c) * alpha / 255, qBlue(c) * alpha / 255,
                                              alpha);
    }
    for (int row = 0; row < height; ++row) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(row));
        const unsigned char* source = pixels + std::size_t(row) * width;
        for (int column = 0; column < width; ++column)
            line[column] = premultiplied[source[column]];
    }
    return image;
}

QImage Colormap::legend(int width, int height) const
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int column = 0; column < width; ++column) {
        const QRgb c = color(width > 1 ? column * 255 / (width - 1) : 0);
        for (int row = 0; row < height; ++row)
            image.setPixel(column, row, c);
    }
    return image;
}

} // namespace saliscope::ui
