// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/contenthash.h"

#include "core/dataset/videoframes.h"

#include <xxhash.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

namespace saliscope {

namespace {

std::string toHex(XXH64_hash_t value)
{
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

struct StateDeleter final {
    void operator()(XXH3_state_t* state) const { XXH3_freeState(state); }
};

struct FileCloser final {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

/// XXH3-64 of the bytes of a file on disk.
Result<std::string> hashPlainFile(const std::string& path)
{
    std::error_code code;
    const auto status = std::filesystem::status(path, code);
    if (code || !std::filesystem::exists(status))
        return Error{"no such file: " + path};
    if (!std::filesystem::is_regular_file(status))
        return Error{path + " is not a regular file"};
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file)
        return Error{"cannot read " + path + ": " + std::strerror(errno)};
    std::unique_ptr<XXH3_state_t, StateDeleter> state(XXH3_createState());
    if (!state || XXH3_64bits_reset(state.get()) == XXH_ERROR)
        return Error{"cannot hash " + path + ": out of memory"};
    std::vector<char> buffer(std::size_t(1) << 20);
    std::size_t total = 0;
    for (;;) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
        if (got > 0) {
            XXH3_64bits_update(state.get(), buffer.data(), got);
            total += got;
        }
        if (got < buffer.size()) {
            if (std::ferror(file.get()))
                return Error{"cannot read " + path + ": I/O error"};
            break;
        }
    }
    if (total == 0)
        return Error{path + " is empty (0 bytes)"};
    return toHex(XXH3_64bits_digest(state.get()));
}

} // namespace

Result<std::string> hashFile(const std::string& path)
{
    const SourcePath source = parseSourcePath(path);
    if (source.frame < 0 && !source.crop)
        return hashPlainFile(path);
    // A frame or a crop (videoframes.h): the file's hash and what is taken from it.
    auto fileHash = hashPlainFile(source.file);
    if (!fileHash)
        return fileHash;
    const std::string key = fileHash.value() + "#" + source.fragment();
    return hashBytes(key.data(), key.size());
}

std::string hashBytes(const void* data, std::size_t size) { return toHex(XXH3_64bits(data, size)); }

} // namespace saliscope
