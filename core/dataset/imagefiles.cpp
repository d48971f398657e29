// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataset/imagefiles.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace saliscope {

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
void walk(const fs::path& folder, std::vector<std::string>& found, Problems* problems, std::vector<fs::path>& visited)
{
    std::error_code code;
    const fs::path canonical = fs::canonical(folder, code);
    if (!code) {
        if (std::find(visited.begin(), visited.end(), canonical) != visited.end()) {
            if (problems)
                problems->emplace_back(folder.string(),
                                       "symbolic link loop or second path to folder " + canonical.string()
                                           + " (listed once)");
            return;
        }
        visited.push_back(canonical);
    }
    fs::directory_iterator it(folder, code);
    if (code) {
        if (problems)
            problems->emplace_back(folder.string(), "cannot read folder: " + reasonOf(code));
        return;
    }
    std::vector<fs::path> subfolders;
    for (; it != fs::directory_iterator(); it.increment(code)) {
        if (code)
            break;
        const fs::path path = it->path();
        std::error_code entryCode, linkCode;
        const auto status = fs::status(path, entryCode);
        const bool link = fs::is_symlink(fs::symlink_status(path, linkCode));
        if (!fs::exists(status)) {
            if (problems && link)
                problems->emplace_back(path.string(),
                                       entryCode == std::errc::too_many_symbolic_link_levels
                                           ? "symbolic link loop"
                                           : "dangling symbolic link (its target does not exist)");
            continue;
        }
        if (fs::is_directory(status)) {
            subfolders.push_back(path);
        } else if (fs::is_regular_file(status)) {
            if (hasImageExtension(path.string()))
                found.push_back(path.string());
            else if (problems && path.filename().string().rfind('.', 0) != 0) {
                const std::string extension = path.extension().string();
                problems->emplace_back(path.string(),
                                       extension.empty() ? "not an image Saliscope reads (no extension; "
                                                           "png, jpg, jpeg, bmp, tif, tiff or webp)"
                                                         : "not an image Saliscope reads (" + extension
                                               + "; png, jpg, jpeg, bmp, tif, tiff or webp)");
            }
        }
    }
    if (code && problems)
        problems->emplace_back(folder.string(), "folder listing stopped: " + reasonOf(code));
    std::sort(subfolders.begin(), subfolders.end());
    for (const auto& subfolder : subfolders)
        walk(subfolder, found, problems, visited);
}

} // namespace

std::vector<std::string> collectImageFiles(const std::vector<std::string>& inputs, std::vector<std::string>* missing,
                                           Problems* problems)
{
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        std::error_code code;
        if (fs::is_directory(input, code)) {
            std::vector<std::string> found;
            std::vector<fs::path> visited;
            walk(input, found, problems, visited);
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
