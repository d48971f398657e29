// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPainterPath>

namespace saliscope::ui {

/// The iso-line at `level` of an 8-bit single-channel image (marching squares), in coordinates
/// normalised to [0, 1] x [0, 1] over the image (pixel centres at (i + 0.5) / size).
QPainterPath isoLine(const unsigned char* pixels, int width, int height, double level);

} // namespace saliscope::ui
