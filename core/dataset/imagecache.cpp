// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/imagecache.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/imageio.h"

#include <QFile>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace saliscope {

namespace {

// Entry layout: 8-byte magic, then width, height, channels as little-endian uint32, then pixels.
constexpr char Magic[8] = {'S', 'L', 'C', 'A', 'C', 'H', 'E', '1'};
constexpr std::size_t HeaderSize = 8 + 3 * 4;

void putU32(char* out, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        out[i] = char((value >> (8 * i)) & 0xff);
}

std::uint32_t getU32(const uchar* in)
{
    return std::uint32_t(in[0]) | std::uint32_t(in[1]) << 8 | std::uint32_t(in[2]) << 16 | std::uint32_t(in[3]) << 24;
}

} // namespace

ImageCache::ImageCache(std::string folder) : m_folder(std::move(folder)) {}

std::string ImageCache::entryPath(const std::string& hash, int width, int height) const
{
    const std::string shard = hash.size() >= 2 ? hash.substr(0, 2) : std::string("__");
    return m_folder + "/" + shard + "/" + hash + "-" + std::to_string(width) + "x" + std::to_string(height) + "-"
        + Preprocessing + ".u8";
}

bool ImageCache::contains(const std::string& hash, int width, int height) const
{
    std::error_code code;
    return std::filesystem::is_regular_file(entryPath(hash, width, height), code);
}

ImageCacheStats ImageCache::stats() const { return {m_hits.load(), m_misses.load(), m_writeFailures.load()}; }

Result<engine::ImageU8> ImageCache::read(const std::string& entry, int width, int height) const
{
    QFile file(QString::fromStdString(entry));
    if (!file.open(QIODevice::ReadOnly))
        return Error{"cannot open cache entry " + entry};
    const std::size_t pixels = std::size_t(width) * std::size_t(height) * 3;
    if (std::size_t(file.size()) != HeaderSize + pixels)
        return Error{"cache entry " + entry + " has the wrong size"};
    const uchar* data = file.map(0, file.size());
    if (!data)
        return Error{"cannot map cache entry " + entry};
    if (std::memcmp(data, Magic, sizeof Magic) != 0 || getU32(data + 8) != std::uint32_t(width)
        || getU32(data + 12) != std::uint32_t(height) || getU32(data + 16) != 3) {
        file.unmap(const_cast<uchar*>(data));
        return Error{"cache entry " + entry + " has a bad header"};
    }
    engine::ImageU8 image{width, height, 3, std::vector<std::uint8_t>(data + HeaderSize, data + HeaderSize + pixels)};
    file.unmap(const_cast<uchar*>(data));
    return image;
}

bool ImageCache::write(const std::string& entry, const engine::ImageU8& image) const
{
    static std::atomic<std::uint64_t> counter{0};
    const std::filesystem::path target(entry);
    std::error_code code;
    std::filesystem::create_directories(target.parent_path(), code);
    const std::filesystem::path temporary = target.parent_path()
        / (".partial-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)) + "-"
           + target.filename().string());
    char header[HeaderSize];
    std::memcpy(header, Magic, sizeof Magic);
    putU32(header + 8, std::uint32_t(image.width));
    putU32(header + 12, std::uint32_t(image.height));
    putU32(header + 16, std::uint32_t(image.channels));
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        return false;
    bool written = std::fwrite(header, 1, HeaderSize, file) == HeaderSize
        && std::fwrite(image.pixels.data(), 1, image.pixels.size(), file) == image.pixels.size();
    written = (std::fclose(file) == 0) && written;
    if (written)
        std::filesystem::rename(temporary, target, code);
    if (!written || code) {
        std::filesystem::remove(temporary, code);
        return false;
    }
    return true;
}

Result<engine::ImageU8> ImageCache::get(const std::string& path, const std::string& hash, int width, int height,
                                        std::int64_t maxPixels)
{
    if (width <= 0 || height <= 0)
        return Error{"invalid cache size " + std::to_string(width) + "x" + std::to_string(height)};
    if (hash.empty())
        return Error{path + " has no content hash"};
    const std::string entry = entryPath(hash, width, height);
    std::error_code code;
    if (std::filesystem::is_regular_file(entry, code)) {
        auto cached = read(entry, width, height);
        if (cached) {
            m_hits.fetch_add(1);
            return cached;
        }
        std::filesystem::remove(entry, code); // a damaged entry is remade below
    }
    m_misses.fetch_add(1);
    auto current = hashFile(path);
    if (!current)
        return current.failure();
    if (current.value() != hash)
        return Error{path + " has changed since it was scanned (content hash differs)"};
    auto input = readModelInput(path, width, height, maxPixels); // refuses truncated JPEGs, as Pillow
    if (!input)
        return input.failure();
    engine::ImageU8 resized = std::move(input).value();
    if (!write(entry, resized))
        m_writeFailures.fetch_add(1);
    return resized;
}

} // namespace saliscope
