// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset/imageio.h"
#include "core/engine/image.h"
#include "core/common/result.h"

#include <atomic>
#include <cstdint>
#include <string>

namespace saliscope {

/// Counters of an ImageCache since it was made.
struct ImageCacheStats final {
    std::int64_t hits = 0;
    std::int64_t misses = 0;
    std::int64_t writeFailures = 0; ///< decoded but not stored (disk full, read-only folder)
};

/// Decoded, resized RGB pixels on disk, so that each image is decoded once and shared by every
/// model and measure with the same input size. One file per key (content hash, width, height,
/// "pillow-bilinear-noexif") under `folder/<2 hex>/`; entries are written to a temporary file and
/// renamed, so a killed process never leaves a torn entry, and read through a memory map. Holds
/// no pixels in memory: memory is bounded by what callers keep. Thread-safe; entries may be
/// shared by several processes.
class ImageCache final {
public:
    /// The preprocessing every entry is made with (part of the key and of the file name); it
    /// changes with decoding, so older entries are not reused ("-noexif": EXIF orientation ignored).
    static constexpr const char* Preprocessing = "pillow-bilinear-noexif";

    /// Uses (and creates when needed) `folder`; nothing is read until get().
    explicit ImageCache(std::string folder);

    /// The image at `path` with content hash `hash`, decoded (readImageRgb) and resized with
    /// Pillow's bilinear filter to width x height, as uint8 HxWx3. A hit reads the cache only.
    /// On a miss the file is hashed again first: a file changed or deleted since the scan is an
    /// error, as are truncated and corrupt images (with the reason). Failing to store an entry
    /// is not an error (counted in stats()). `maxPixels` limits decoding as in readImageRgb.
    Result<engine::ImageU8> get(const std::string& path, const std::string& hash, int width, int height,
                                std::int64_t maxPixels = DefaultMaxImagePixels);

    /// True when an entry for the key is on disk.
    bool contains(const std::string& hash, int width, int height) const;
    /// The file that holds (or would hold) the entry for a key.
    std::string entryPath(const std::string& hash, int width, int height) const;
    /// The cache folder.
    const std::string& folder() const { return m_folder; }
    /// Hits, misses and failed writes so far.
    ImageCacheStats stats() const;

private:
    Result<engine::ImageU8> read(const std::string& entry, int width, int height) const;
    bool write(const std::string& entry, const engine::ImageU8& image) const;

    std::string m_folder;
    mutable std::atomic<std::int64_t> m_hits{0};
    mutable std::atomic<std::int64_t> m_misses{0};
    mutable std::atomic<std::int64_t> m_writeFailures{0};
};

} // namespace saliscope
