// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <cstddef>
#include <string>

namespace saliscope {

/// XXH3-64 of a file's bytes, read in 1 MiB chunks (never the whole file in memory), as 16
/// lower-case hex digits. Errors say why: missing, not a regular file, empty (0 bytes), or a
/// read error. Thread-safe; the key under which images, cached pixels and results are stored.
/// A path with a frame or crop fragment (`clip.mp4#frame=12`, videoframes.h) hashes the
/// file's hash followed by '#' and the fragment, so each frame and crop has a key of its own.
Result<std::string> hashFile(const std::string& path);

/// XXH3-64 of bytes in memory, in the same 16-hex-digit form as hashFile().
std::string hashBytes(const void* data, std::size_t size);

} // namespace saliscope
