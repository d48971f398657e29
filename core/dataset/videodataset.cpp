// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/videodataset.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/imageio.h"
#include "core/jobs/parallelfor.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace saliscope {

namespace fs = std::filesystem;

namespace {

/// One sampled frame (or a still image, frame -1) and its face, as kept in the cache.
struct CachedFrame final {
    int frame = -1;
    std::optional<FaceCrop> face; ///< with faces: the crop; none: no face found
};

/// What reading one video or image found, as kept in the cache.
struct CachedSource final {
    int announcedFrames = 0;
    int decodedFrames = 0;
    bool truncated = false;
    std::vector<CachedFrame> frames;
};

/// The outcome of one record's task.
struct Outcome final {
    std::vector<DatasetRecord> records;
    std::vector<std::pair<std::string, std::string>> problems;
    bool video = false;
    bool skippedVideo = false;
    bool cacheHit = false;
    int faces = 0;
    int noFace = 0;
    std::string fatal; ///< an error that stops the whole expansion (the landmark model)
};

/// The reason of an error that starts with "path: ".
std::string reasonOf(const std::string& error, const std::string& path)
{
    return error.rfind(path + ": ", 0) == 0 ? error.substr(path.size() + 2) : error;
}

std::string samplingKey(const VideoSampling& sampling)
{
    return sampling.step > 0 ? "step" + std::to_string(sampling.step) + "x" + std::to_string(sampling.frames)
                             : "uniform" + std::to_string(sampling.frames);
}

std::string cacheEntry(const VideoDatasetParams& params, const std::string& fileHash, bool video)
{
    const std::string what = fileHash + "|" + (video ? samplingKey(params.sampling) : std::string("image")) + "|"
        + (params.faces ? params.face.key() : std::string("nofaces")) + "|hog1";
    const std::string key = hashBytes(what.data(), what.size());
    return params.cacheFolder + "/" + key.substr(0, 2) + "/" + key + ".frames";
}

std::optional<CachedSource> readCache(const std::string& entry, bool faces)
{
    std::ifstream in(entry);
    std::string magic;
    int version = 0;
    if (!(in >> magic >> version) || magic != "saliscope-frames" || version != 1)
        return std::nullopt;
    CachedSource source;
    std::string word;
    int truncated = 0;
    if (!(in >> word >> source.announcedFrames >> source.decodedFrames >> truncated) || word != "video")
        return std::nullopt;
    source.truncated = truncated != 0;
    while (in >> word) {
        if (word != "frame")
            return std::nullopt;
        CachedFrame frame;
        std::string kind;
        if (!(in >> frame.frame >> kind))
            return std::nullopt;
        if (kind == "box") {
            FaceCrop crop;
            std::string cropWord;
            if (!(in >> crop.box.x >> crop.box.y >> crop.box.width >> crop.box.height >> crop.box.score >> cropWord
                  >> crop.region.x >> crop.region.y >> crop.region.width >> crop.region.height >> crop.region.angle)
                || cropWord != "crop")
                return std::nullopt;
            frame.face = crop;
        } else if (kind != "none" && kind != "-") {
            return std::nullopt;
        }
        if (faces != (kind != "-"))
            return std::nullopt;
        source.frames.push_back(frame);
    }
    return source;
}

void writeCache(const std::string& entry, const CachedSource& source, bool faces)
{
    static std::atomic<std::uint64_t> counter{0};
    std::error_code code;
    const fs::path target(entry);
    fs::create_directories(target.parent_path(), code);
    const fs::path temporary = target.parent_path()
        / (".partial-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)));
    {
        std::ofstream out(temporary);
        out << "saliscope-frames 1\nvideo " << source.announcedFrames << ' ' << source.decodedFrames << ' '
            << (source.truncated ? 1 : 0) << '\n';
        char number[64];
        for (const auto& frame : source.frames) {
            out << "frame " << frame.frame << ' ';
            if (!faces) {
                out << "-\n";
            } else if (!frame.face) {
                out << "none\n";
            } else {
                const FaceCrop& crop = *frame.face;
                std::snprintf(number, sizeof number, "%.17g", crop.box.score);
                out << "box " << crop.box.x << ' ' << crop.box.y << ' ' << crop.box.width << ' ' << crop.box.height
                    << ' ' << number << " crop " << crop.region.x << ' ' << crop.region.y << ' ' << crop.region.width
                    << ' ' << crop.region.height << ' ';
                std::snprintf(number, sizeof number, "%.17g", crop.region.angle);
                out << number << '\n';
            }
        }
        if (!out.flush()) {
            out.close();
            fs::remove(temporary, code);
            return;
        }
    }
    fs::rename(temporary, target, code);
    if (code)
        fs::remove(temporary, code);
}

Outcome expandRecord(const Dataset& dataset, const DatasetRecord& record, const VideoDatasetParams& params)
{
    Outcome outcome;
    outcome.video = hasVideoExtension(record.path);
    std::string entry;
    std::optional<CachedSource> source;
    if (!params.cacheFolder.empty()) {
        if (auto fileHash = hashFile(record.path)) {
            entry = cacheEntry(params, fileHash.value(), outcome.video);
            source = readCache(entry, params.faces);
            outcome.cacheHit = source.has_value();
        }
    }
    if (!source) {
        CachedSource made;
        std::map<int, std::optional<FaceCrop>> faces; // by frame index (-1: a still image)
        const auto findFace = [&](int index, const engine::ImageU8& image) {
            if (!params.faces || !outcome.fatal.empty())
                return;
            auto crop = findFaceCrop(image, params.face);
            if (crop)
                faces[index] = crop.value();
            else
                outcome.fatal = crop.error();
        };
        if (outcome.video) {
            // Faces are found as frames decode, so memory holds one frame whatever --frames says.
            auto decoded = decodeVideoFrames(record.path, params.sampling, params.maxPixels, findFace);
            if (!decoded) {
                outcome.skippedVideo = true;
                outcome.problems.emplace_back(record.path, reasonOf(decoded.error(), record.path));
                return outcome; // not cached: the file may be repaired or finish copying
            }
            made.announcedFrames = decoded->announcedFrames;
            made.decodedFrames = decoded->decodedFrames;
            made.truncated = decoded->truncated;
            for (int index : decoded->indices)
                made.frames.push_back({index, params.faces ? faces[index] : std::nullopt});
        } else {
            auto image = readImageRgb(record.path, params.maxPixels);
            if (!image) {
                outcome.problems.emplace_back(record.path, image.error());
                return outcome;
            }
            findFace(-1, image.value());
            made.frames.push_back({-1, params.faces ? faces[-1] : std::nullopt});
        }
        if (!outcome.fatal.empty())
            return outcome;
        if (!entry.empty())
            writeCache(entry, made, params.faces);
        source = std::move(made);
    }
    if (source->truncated) {
        outcome.skippedVideo = true;
        outcome.problems.emplace_back(record.path,
                                      "truncated or damaged video: the container announces "
                                          + std::to_string(source->announcedFrames) + " frames, "
                                          + std::to_string(source->decodedFrames) + " decode");
        return outcome;
    }
    for (const auto& frame : source->frames) {
        SourcePath path{record.path, frame.frame, std::nullopt};
        if (params.faces) {
            if (!frame.face) {
                ++outcome.noFace;
                outcome.problems.emplace_back(path.text(), "no face found (dlib's HOG frontal face detector)");
                continue;
            }
            path.crop = frame.face->region;
            ++outcome.faces;
        }
        DatasetRecord made = record;
        made.path = path.text();
        made.annotationPath.clear(); // a map of the whole file does not fit a frame or a crop
        made.maskPath.clear();
        if (outcome.video && made.group.empty())
            made.group = videoGroupName(dataset.location, record.path);
        outcome.records.push_back(std::move(made));
    }
    return outcome;
}

} // namespace

std::string videoGroupName(const std::string& datasetLocation, const std::string& videoPath)
{
    fs::path base(datasetLocation);
    std::string extension = base.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (extension == ".csv") // a manifest: paths are relative to its folder
        base = base.parent_path();
    fs::path relative = fs::path(videoPath).lexically_normal().lexically_relative(base.lexically_normal());
    if (relative.empty() || *relative.begin() == "..")
        relative = fs::path(videoPath).filename();
    return relative.replace_extension().generic_string();
}

Result<VideoDatasetStats> expandVideos(Dataset& dataset, const VideoDatasetParams& params, ProgressSink& progress,
                                       const CancelToken& cancel)
{
    std::vector<std::size_t> work; // records that need reading
    for (std::size_t i = 0; i < dataset.records.size(); ++i)
        if (params.faces || hasVideoExtension(dataset.records[i].path))
            work.push_back(i);
    VideoDatasetStats stats;
    if (work.empty())
        return stats;
    std::vector<Outcome> outcomes(work.size());
    const int threads = params.threads > 0 ? params.threads : std::max(1, int(std::thread::hardware_concurrency()));
    const std::int64_t total = std::int64_t(work.size());
    const bool completed = parallelFor(
        total, std::max(1, int(std::min<std::int64_t>(threads, total))),
        [&](std::int64_t index) {
            outcomes[std::size_t(index)] = expandRecord(dataset, dataset.records[work[std::size_t(index)]], params);
        },
        cancel, [&](std::int64_t done) { progress.progress(done, total); });
    if (!completed)
        return Error::cancelled();
    for (const auto& outcome : outcomes)
        if (!outcome.fatal.empty())
            return Error{outcome.fatal};

    std::vector<DatasetRecord> records;
    records.reserve(dataset.records.size());
    std::size_t next = 0;
    for (std::size_t i = 0; i < dataset.records.size(); ++i) {
        if (next >= work.size() || work[next] != i) {
            records.push_back(std::move(dataset.records[i]));
            continue;
        }
        Outcome& outcome = outcomes[next++];
        if (outcome.video) {
            ++stats.videos;
            stats.frames += outcome.faces + outcome.noFace;
            if (!params.faces)
                stats.frames += int(outcome.records.size());
        }
        stats.skippedVideos += outcome.skippedVideo ? 1 : 0;
        stats.faces += outcome.faces;
        stats.noFace += outcome.noFace;
        stats.cacheHits += outcome.cacheHit ? 1 : 0;
        for (auto& problem : outcome.problems) {
            progress.message("skipped " + problem.first + ": " + problem.second);
            dataset.problems.push_back(std::move(problem));
        }
        for (auto& record : outcome.records)
            records.push_back(std::move(record));
    }
    dataset.records = std::move(records);
    return stats;
}

} // namespace saliscope
