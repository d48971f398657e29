#pragma once

#include "image.h"

namespace saliscope::engine {

/// The 8-bit map of a [0, 1] CAM: floor(255 * cam) computed in float32, as torch's
/// `cam.mul(255).byte()`. Single channel, same size as the CAM.
ImageU8 quantizeMap(const MapF32& cam);

/// Pillow 9.4's bicubic resize (a = -0.5, 22-bit fixed point, horizontal pass first with a
/// uint8 intermediate) of an 8-bit image with any number of channels; bit-exact with
/// `PIL.Image.resize((width, height), Image.BICUBIC)`.
ImageU8 resizeBicubicPillow(const ImageU8& image, int width, int height);

} // namespace saliscope::engine
