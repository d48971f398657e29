// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/sourcephotos.h"

#include "core/demo/proceduralface.h"

#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

namespace saliscope::demo {

namespace fs = std::filesystem;

std::vector<std::string> SourcePhotos::list(const std::string& folder)
{
    std::vector<std::string> paths;
    std::error_code code;
    if (folder.empty() || !fs::is_directory(folder, code))
        return paths;
    for (const auto& person : fs::directory_iterator(folder, code)) {
        if (!person.is_directory(code))
            continue;
        for (const auto& file : fs::directory_iterator(person.path(), code)) {
            std::string extension = file.path().extension().string();
            std::transform(extension.begin(), extension.end(), extension.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
            if (file.is_regular_file(code) && (extension == ".jpg" || extension == ".jpeg"))
                paths.push_back(file.path().string());
        }
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

std::string SourcePhotos::nameOf(const std::string& folder, const std::string& path)
{
    fs::path relative = fs::path(path).lexically_relative(folder);
    relative.replace_extension();
    return relative.generic_string();
}

Result<std::vector<SourcePhoto>> SourcePhotos::load(const std::string& folder, const std::vector<std::string>& paths)
{
    std::vector<SourcePhoto> photos;
    for (const auto& path : paths) {
        cv::Mat image;
        try {
            image = cv::imread(path, cv::IMREAD_COLOR);
        } catch (const cv::Exception& error) {
            return Error{"cannot decode photograph " + path + ": " + error.msg};
        }
        if (image.empty())
            return Error{"cannot decode photograph " + path};
        const int side = std::min(image.cols, image.rows);
        image = image(cv::Rect((image.cols - side) / 2, (image.rows - side) / 2, side, side)).clone();
        photos.push_back({nameOf(folder, path), fs::path(path).parent_path().filename().string(), image});
    }
    return photos;
}

std::vector<SourcePhoto> SourcePhotos::procedural(std::uint64_t seed, int persons, int photosPerPerson, int size)
{
    std::vector<SourcePhoto> photos;
    for (int person = 0; person < persons; ++person)
        for (int photo = 0; photo < photosPerPerson; ++photo) {
            char name[64];
            std::snprintf(name, sizeof name, "procedural/person%d/photo%02d", person + 1, photo + 1);
            photos.push_back(
                {name, "person" + std::to_string(person + 1), ProceduralFace::render(seed, person, photo, size)});
        }
    return photos;
}

} // namespace saliscope::demo
