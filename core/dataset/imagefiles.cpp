// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/imagefiles.h"

#include "core/dataset/videoframes.h"

#include <QByteArrayView>
#include <QStringDecoder>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

namespace saliscope {

bool isValidUtf8(const std::string& text)
{
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return true; // ASCII, as most names are
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(QByteArrayView(text.data(), qsizetype(text.size())));
    return !decoder.hasError();
}

std::string escapedPath(const std::string& path)
{
    if (isValidUtf8(path))
        return path;
    // Byte by byte: the longest valid UTF-8 sequence at each point is kept, other bytes escaped.
    std::string escaped;
    for (std::size_t i = 0; i < path.size();) {
        std::size_t length = 0;
        for (std::size_t n = 4; n >= 1 && length == 0; --n)
            if (i + n <= path.size() && isValidUtf8(path.substr(i, n)))
                length = n;
        if (length > 0) {
            escaped += path.substr(i, length);
            i += length;
        } else {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02X", unsigned(static_cast<unsigned char>(path[i])));
            escaped += hex;
            ++i;
        }
    }
    return escaped;
}

bool hasImageExtension(const std::string& path)
{
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    static const char* const known[] = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"};
    return std::any_of(std::begin(known), std::end(known), [&](const char* k) { return extension == k; });
}

namespace {

namespace fs = std::filesystem;
using Problems = std::vector<std::pair<std::string, std::string>>;

std::string reasonOf(const std::error_code& code)
{
    if (code == std::errc::permission_denied || code == std::errc::operation_not_permitted)
        return "permission denied";
    return code.message();
}

/// Lists the image files below `folder` into `found`; `visited` holds the folders walked (canonical).
void walk(const fs::path& folder, std::vector<std::string>& found, Problems* problems, std::vector<fs::path>& visited,
          bool withVideos)
{
    std::error_code code;
    const fs::path canonical = fs::canonical(folder, code);
    if (!code) {
        if (std::find(visited.begin(), visited.end(), canonical) != visited.end()) {
            if (problems)
                problems->emplace_back(escapedPath(folder.string()),
                                       "symbolic link loop or second path to folder " + canonical.string()
                                           + " (listed once)");
            return;
        }
        visited.push_back(canonical);
    }
    fs::directory_iterator it(folder, code);
    if (code) {
        if (problems)
            problems->emplace_back(escapedPath(folder.string()), "cannot read folder: " + reasonOf(code));
        return;
    }
    std::vector<fs::path> subfolders;
    for (; it != fs::directory_iterator(); it.increment(code)) {
        if (code)
            break;
        const fs::path path = it->path();
        if (!isValidUtf8(path.filename().string())) {
            // Stored as text, the name would come back with U+FFFD in place of its bytes and
            // never open again: passed over, named with its bytes escaped.
            std::error_code kindCode;
            const std::string name = path.filename().string();
            if (problems && (name.rfind('.', 0) != 0 || hasImageExtension(name)))
                problems->emplace_back(escapedPath(path.string()),
                                       it->is_directory(kindCode)
                                           ? "folder name is not valid UTF-8; rename it (its files are not listed)"
                                           : "file name is not valid UTF-8; rename it");
            continue;
        }
        std::error_code entryCode, linkCode;
        const auto status = fs::status(path, entryCode);
        const bool link = fs::is_symlink(fs::symlink_status(path, linkCode));
        if (!fs::exists(status)) {
            if (problems && link)
                problems->emplace_back(escapedPath(path.string()),
                                       entryCode == std::errc::too_many_symbolic_link_levels
                                           ? "symbolic link loop"
                                           : "dangling symbolic link (its target does not exist)");
            continue;
        }
        if (fs::is_directory(status)) {
            subfolders.push_back(path);
        } else if (fs::is_regular_file(status)) {
            if (hasImageExtension(path.string()) || (withVideos && hasVideoExtension(path.string())))
                found.push_back(path.string());
            else if (problems && path.filename().string().rfind('.', 0) != 0) {
                const std::string extension = path.extension().string();
                problems->emplace_back(escapedPath(path.string()),
                                       extension.empty() ? "not an image Saliscope reads (no extension; "
                                                           "png, jpg, jpeg, bmp, tif, tiff or webp)"
                                                         : "not an image Saliscope reads (" + extension
                                               + "; png, jpg, jpeg, bmp, tif, tiff or webp)");
            }
        }
    }
    if (code && problems)
        problems->emplace_back(escapedPath(folder.string()), "folder listing stopped: " + reasonOf(code));
    std::sort(subfolders.begin(), subfolders.end());
    for (const auto& subfolder : subfolders)
        walk(subfolder, found, problems, visited, withVideos);
}

} // namespace

std::vector<std::string> collectImageFiles(const std::vector<std::string>& inputs, std::vector<std::string>* missing,
                                           Problems* problems, bool withVideos)
{
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        std::error_code code;
        if (fs::is_directory(input, code)) {
            std::vector<std::string> found;
            std::vector<fs::path> visited;
            walk(input, found, problems, visited, withVideos);
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(input, code)) {
            files.push_back(input);
        } else if (missing) {
            missing->push_back(input);
        }
    }
    return files;
}

std::vector<std::string> collectImageFiles(const std::vector<std::string>& inputs, std::vector<std::string>* missing)
{
    return collectImageFiles(inputs, missing, nullptr);
}

} // namespace saliscope
