// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/image.h"
#include "core/common/result.h"

#include <cstdint>
#include <string>

namespace saliscope {

/// The largest image (width x height) decoded unless told otherwise: 64 megapixels, about
/// 200 MB of RGB pixels (the measure parameter image.max_pixels changes it for a run).
inline constexpr std::int64_t DefaultMaxImagePixels = 64'000'000;

/// Decodes an image file (PNG, JPEG, BMP, TIFF, WebP ...) to 8-bit RGB. Grey, RGBA, palette and
/// 16-bit images are converted; EXIF orientation is not applied (as in Pillow). Errors name the
/// file and say why, in one line: missing, empty, permission denied, a GIF (not read), a
/// truncated JPEG (as Pillow, which refuses them), a damaged file, or more pixels than
/// `maxPixels` (read from the header before anything is decoded; 0: no limit). A path with a
/// frame or crop fragment (`clip.mp4#frame=12&crop=...`, videoframes.h) reads that frame
/// (readVideoFrame) or image and cuts out the region. Thread-safe.
Result<engine::ImageU8> readImageRgb(const std::string& path, std::int64_t maxPixels = DefaultMaxImagePixels);

/// Decodes an 8-bit single-channel map (a salience map or annotation); colour images are
/// converted to grey, 16-bit ones scaled to 8 bits. Errors as readImageRgb's.
Result<engine::ImageU8> readImageGray(const std::string& path, std::int64_t maxPixels = DefaultMaxImagePixels);

/// The reason of a failed read in a few words for an errno value ("permission denied" for EACCES).
std::string readErrorReason(int errnum);

/// The paper pipeline's model input: the image decoded to RGB and resized to width x height with
/// Pillow's bilinear filter (torchvision's Resize on PIL images); unchanged when already that size.
Result<engine::ImageU8> readModelInput(const std::string& path, int width, int height,
                                       std::int64_t maxPixels = DefaultMaxImagePixels);
/// The same resize for an image already decoded.
engine::ImageU8 resizeForModel(engine::ImageU8 image, int width, int height);

/// Writes an 8-bit grey or RGB image; the format follows the extension (PNG recommended).
/// Writes to a temporary file first, so a full disk never leaves a half-written file behind.
Status writeImage(const std::string& path, const engine::ImageU8& image);

} // namespace saliscope
