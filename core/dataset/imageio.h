// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/image.h"
#include "engine/result.h"

#include <string>

namespace saliscope {

using engine::Error;
using engine::Result;
using engine::Status;

/// Decodes an image file (PNG, JPEG, BMP, TIFF, WebP ...) to 8-bit RGB. Grey, RGBA, palette and
/// 16-bit images are converted; EXIF orientation is applied. Errors say why (missing, empty,
/// not an image). Thread-safe.
Result<engine::ImageU8> readImageRgb(const std::string& path);

/// Decodes an 8-bit single-channel map (a salience map or annotation); colour images are
/// converted to grey, 16-bit ones scaled to 8 bits.
Result<engine::ImageU8> readImageGray(const std::string& path);

/// The paper pipeline's model input: the image decoded to RGB and resized to width x height with
/// Pillow's bilinear filter (torchvision's Resize on PIL images); unchanged when already that size.
Result<engine::ImageU8> readModelInput(const std::string& path, int width, int height);
/// The same resize for an image already decoded.
engine::ImageU8 resizeForModel(engine::ImageU8 image, int width, int height);

/// Writes an 8-bit grey or RGB image; the format follows the extension (PNG recommended).
/// Writes to a temporary file first, so a full disk never leaves a half-written file behind.
Status writeImage(const std::string& path, const engine::ImageU8& image);

} // namespace saliscope
