// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/cammaps.h"

#include "core/engine/pillowresize.h"

namespace saliscope::engine {

ImageU8 quantizeMap(const MapF32& cam)
{
    ImageU8 map = ImageU8::zeros(cam.width, cam.height, 1);
    for (std::size_t i = 0; i < cam.values.size(); ++i) {
        const float scaled = cam.values[i] * 255.0f; // float32 product, as in torch
        map.pixels[i] = scaled <= 0.0f ? 0 : scaled >= 255.0f ? 255 : std::uint8_t(scaled);
    }
    return map;
}

ImageU8 upscaleMap(const ImageU8& map, int width, int height)
{
    return resizePillow(map, width, height, ResizeFilter::Bicubic);
}

} // namespace saliscope::engine
