// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

class QSaveFile;

namespace saliscope {

/// Writes a NumPy .npz file: a zip archive (stored entries, CRC-32, no compression) of .npy files
/// in format version 1.0, one per array, which `numpy.load(path)` reads without allow_pickle.
/// Strings are written as fixed-width little-endian UCS-4 ('<U' n, n the longest string's length
/// in code points, at least 1), never as object arrays. Each array is built in memory, then
/// appended; the file is written to a temporary name and renamed by finish(), so a failed or
/// abandoned export leaves no torn file. Archives past 4 GiB (zip64) are refused with an error.
/// Use from one thread.
class NpzWriter final {
public:
    NpzWriter();
    ~NpzWriter();

    /// Starts writing `path` (replaced when finish() succeeds). The error names the file.
    Status open(const std::string& path);
    /// An array named `name` ("run2/values/score" becomes the entry "run2/values/score.npy"),
    /// with the shape given (empty: a 0-d array) and C-order data. Each adder checks that the
    /// data's size matches the shape.
    Status addFloat64(const std::string& name, const std::vector<std::int64_t>& shape, const std::vector<double>& data);
    Status addFloat32(const std::string& name, const std::vector<std::int64_t>& shape, const std::vector<float>& data);
    Status addInt64(const std::string& name, const std::vector<std::int64_t>& shape,
                    const std::vector<std::int64_t>& data);
    Status addUint8(const std::string& name, const std::vector<std::int64_t>& shape,
                    const std::vector<std::uint8_t>& data);
    Status addBool(const std::string& name, const std::vector<std::int64_t>& shape, const std::vector<bool>& data);
    /// UTF-8 strings as a unicode array of the given shape.
    Status addStrings(const std::string& name, const std::vector<std::int64_t>& shape,
                      const std::vector<std::string>& data);
    /// One string as a 0-d unicode array (`str(npz[name])` gives it back).
    Status addString(const std::string& name, const std::string& text);
    /// Writes the zip's central directory and renames the file into place.
    Status finish();

    /// The .npy bytes of an array: header (descr, fortran_order False, shape; padded to a
    /// multiple of 64 bytes) then `data`. Exposed for tests.
    static std::string npyBytes(const std::string& descr, const std::vector<std::int64_t>& shape,
                                const std::string& data);
    /// CRC-32 (ISO-HDLC, as zip and zlib compute it) of `data`.
    static std::uint32_t crc32(const std::string& data);

private:
    Status add(const std::string& name, const std::string& descr, const std::vector<std::int64_t>& shape,
               std::size_t count, const std::string& data);

    struct Entry final {
        std::string name;
        std::uint32_t crc = 0;
        std::uint32_t size = 0;
        std::uint32_t offset = 0;
    };
    std::unique_ptr<QSaveFile> m_file;
    std::string m_path;
    std::vector<Entry> m_entries;
    std::uint64_t m_offset = 0;
};

} // namespace saliscope
