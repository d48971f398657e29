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

std::vector<std::string> collectImageFiles(const std::vector<std::string>& inputs, std::vector<std::string>* missing)
{
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        std::error_code code;
        if (std::filesystem::is_directory(input, code)) {
            std::vector<std::string> found;
            for (auto it = std::filesystem::recursive_directory_iterator(
                     input, std::filesystem::directory_options::skip_permission_denied, code);
                 it != std::filesystem::recursive_directory_iterator(); it.increment(code)) {
                if (code)
                    break;
                if (it->is_regular_file(code) && hasImageExtension(it->path().string()))
                    found.push_back(it->path().string());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (std::filesystem::exists(input, code)) {
            files.push_back(input);
        } else if (missing) {
            missing->push_back(input);
        }
    }
    return files;
}

} // namespace saliscope
