// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/viewer/contours.h"

#include <QPointF>

namespace saliscope::ui {

QPainterPath isoLine(const unsigned char* pixels, int width, int height, double level)
{
    QPainterPath path;
    if (!pixels || width < 2 || height < 2)
        return path;
    auto value = [&](int x, int y) { return double(pixels[std::size_t(y) * width + x]); };
    auto point = [&](double x, double y) { return QPointF((x + 0.5) / width, (y + 0.5) / height); };
    // Where the level crosses an edge between two corners (linear interpolation).
    auto cross = [&](double x0, double y0, double v0, double x1, double y1, double v1) {
        const double t = (level - v0) / (v1 - v0);
        return point(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
    };
    for (int y = 0; y + 1 < height; ++y) {
        for (int x = 0; x + 1 < width; ++x) {
            const double a = value(x, y), b = value(x + 1, y), c = value(x + 1, y + 1), d = value(x, y + 1);
            const int index = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
            if (index == 0 || index == 15)
                continue;
            const QPointF top = (a > level) != (b > level) ? cross(x, y, a, x + 1, y, b) : QPointF();
            const QPointF right = (b > level) != (c > level) ? cross(x + 1, y, b, x + 1, y + 1, c) : QPointF();
            const QPointF bottom = (d > level) != (c > level) ? cross(x, y + 1, d, x + 1, y + 1, c) : QPointF();
            const QPointF left = (a > level) != (d > level) ? cross(x, y, a, x, y + 1, d) : QPointF();
            auto segment = [&](const QPointF& p, const QPointF& q) {
                path.moveTo(p);
                path.lineTo(q);
            };
            switch (index) {
            case 1:
            case 14: segment(left, top); break;
            case 2:
            case 13: segment(top, right); break;
            case 3:
            case 12: segment(left, right); break;
            case 4:
            case 11: segment(right, bottom); break;
            case 6:
            case 9: segment(top, bottom); break;
            case 7:
            case 8: segment(left, bottom); break;
            case 5:
                segment(left, top);
                segment(right, bottom);
                break;
            case 10:
                segment(top, right);
                segment(left, bottom);
                break;
            default: break;
            }
        }
    }
    return path;
}

} // namespace saliscope::ui
