// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace saliscope {

/// True when `text` is valid UTF-8 (no stray bytes, overlong forms or surrogates). A file name
/// that is not cannot be stored as text and opened again, so a scan passes it over.
bool isValidUtf8(const std::string& text);

/// `path` as valid UTF-8 text for messages: each byte that is not part of valid UTF-8 is
/// written as \xHH; a valid path comes back unchanged.
std::string escapedPath(const std::string& path);

/// True when the file name has an image extension Saliscope reads (png, jpg, jpeg, bmp, tif, tiff, webp).
bool hasImageExtension(const std::string& path);

/// Expands files and folders (recursively, sorted by path) into image files; plain files are
/// kept as given even without an image extension, so the reader can report them.
/// `missing` receives inputs that do not exist.
std::vector<std::string> collectImageFiles(const std::vector<std::string>& inputs, std::vector<std::string>* missing);

/// As collectImageFiles, and what a folder walk passes over goes to `problems` as (path, reason):
/// files that are not images Saliscope reads (GIF, text; hidden files excepted), unreadable
/// subfolders (permission denied), dangling symbolic links and symbolic link loops, files and
/// folders whose names are not valid UTF-8 (never listed; their path escaped with \xHH). Symbolic
/// links to folders are followed once (a folder reached twice is a loop). With `withVideos`,
/// video files (hasVideoExtension, videoframes.h) are listed too.
std::vector<std::string> collectImageFiles(const std::vector<std::string>& inputs, std::vector<std::string>* missing,
                                           std::vector<std::pair<std::string, std::string>>* problems,
                                           bool withVideos = false);

} // namespace saliscope
