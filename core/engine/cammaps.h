// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"

namespace saliscope::engine {

/// The 8-bit map of a [0, 1] CAM: floor(255 * cam) computed in float32, as torch's
/// `cam.mul(255).byte()`. Single channel, same size as the CAM.
ImageU8 quantizeMap(const MapF32& cam);

/// The paper's upscaled map: Pillow's bicubic resize of the 8-bit small map to `width` x `height`.
ImageU8 upscaleMap(const ImageU8& map, int width, int height);

} // namespace saliscope::engine
