// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-bench videos: frames/s of reading videos as a dataset (issue 22): decoding every frame,
// dlib's face detector on each, and the whole of expandVideos (decode, sample, find the face) on
// a folder of clips, as `measure --faces` does before its first batch.

#include "tools/bench/benchmodes.h"

#include "core/dataset/dataset.h"
#include "core/dataset/facecrop.h"
#include "core/dataset/videodataset.h"
#include "core/dataset/videoframes.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace saliscope::bench {

namespace {

namespace fs = std::filesystem;

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// Writes `count` clips of `frames` frames (width x height, mp4v) with a face photograph of
/// dlib's examples moving across a gradient, as in tests/fixtures/make_videos.cpp.
bool writeClips(const std::string& folder, int count, int frames, int width, int height)
{
    std::vector<fs::path> photos;
    std::error_code code;
    for (const auto& entry : fs::recursive_directory_iterator("/usr/share/doc/libdlib19.1/examples/johns", code))
        if (entry.is_regular_file() && entry.path().extension() == ".jpg")
            photos.push_back(entry.path());
    std::sort(photos.begin(), photos.end());
    if (photos.empty()) {
        std::fprintf(stderr, "no face photographs in /usr/share/doc/libdlib19.1/examples/johns (libdlib-dev)\n");
        return false;
    }
    const int side = std::min(width, height) / 2;
    for (int clip = 0; clip < count; ++clip) {
        cv::Mat photo = cv::imread(photos[std::size_t(clip) % photos.size()].string(), cv::IMREAD_COLOR);
        cv::resize(photo, photo, cv::Size(side, side));
        cv::VideoWriter writer(folder + "/clip" + std::to_string(clip) + ".mp4", cv::CAP_FFMPEG,
                               cv::VideoWriter::fourcc('m', 'p', '4', 'v'), 25.0, cv::Size(width, height));
        if (!writer.isOpened())
            return false;
        for (int i = 0; i < frames; ++i) {
            cv::Mat frame(height, width, CV_8UC3);
            for (int y = 0; y < height; ++y)
                for (int x = 0; x < width; ++x)
                    frame.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x * 255 / width), uchar(y * 255 / height),
                                                          uchar((x + y + 3 * i) % 256));
            const int x = (width - side) * (i % 50) / 50;
            photo.copyTo(frame(cv::Rect(x, (height - side) / 2, side, side)));
            writer.write(frame);
        }
    }
    return true;
}

void usage()
{
    std::fprintf(stderr,
                 "usage: %s videos [--clips N] [--frames N] [--size WxH] [--sample N] [--threads N]\n"
                 "  Writes N clips (default 8) of --frames frames (default 300, 10 s at 30 fps) of WxH\n"
                 "  (default 640x480, FaceForensics++'s usual size; mp4v) with a moving face, then times:\n"
                 "  decoding every frame of one clip; dlib's HOG face detector on its frames (one thread);\n"
                 "  expandVideos with --faces over all clips, --sample frames each (default 8) on --threads\n"
                 "  workers (default: the cores), as measure --faces scans a dataset.\n",
                 programName().c_str());
}

} // namespace

int runVideoBench(int argc, char** argv)
{
    int clips = 8;
    int frames = 300;
    int width = 640;
    int height = 480;
    int sample = 8;
    int threads = 0;
    for (int i = 2; i < argc; ++i) {
        const std::string option = argv[i];
        const bool hasValue = i + 1 < argc;
        if (option == "--help" || option == "-h") {
            usage();
            return 0;
        } else if (option == "--clips" && hasValue) {
            clips = std::atoi(argv[++i]);
        } else if (option == "--frames" && hasValue) {
            frames = std::atoi(argv[++i]);
        } else if (option == "--size" && hasValue && std::sscanf(argv[++i], "%dx%d", &width, &height) == 2) {
        } else if (option == "--sample" && hasValue) {
            sample = std::atoi(argv[++i]);
        } else if (option == "--threads" && hasValue) {
            threads = std::atoi(argv[++i]);
        } else {
            usage();
            return 2;
        }
    }
    if (clips < 1 || frames < 1 || width < 64 || height < 64 || sample < 1) {
        usage();
        return 2;
    }
    QTemporaryDir dir;
    const std::string folder = dir.path().toStdString();
    auto start = std::chrono::steady_clock::now();
    if (!writeClips(folder, clips, frames, width, height)) {
        std::fprintf(stderr, "cannot write the clips\n");
        return 1;
    }
    std::printf("%d clips of %d frames, %dx%d mp4v, written in %.1f s\n", clips, frames, width, height,
                secondsSince(start));

    // Decoding every frame of one clip (one thread).
    start = std::chrono::steady_clock::now();
    auto decoded = decodeVideoFrames(folder + "/clip0.mp4", {0, 0});
    const double decodeSeconds = secondsSince(start);
    if (!decoded) {
        std::fprintf(stderr, "%s\n", decoded.error().c_str());
        return 1;
    }
    std::printf("decode, every frame, 1 thread: %d frames in %.2f s = %.0f frames/s (frames kept in memory)\n",
                decoded->decodedFrames, decodeSeconds, decoded->decodedFrames / decodeSeconds);

    // dlib's HOG detector on decoded frames (one thread).
    const int detectCount = std::min<int>(40, int(decoded->frames.size()));
    int found = 0;
    start = std::chrono::steady_clock::now();
    for (int i = 0; i < detectCount; ++i) {
        auto crop = findFaceCrop(decoded->frames[std::size_t(i)], {});
        found += crop && crop->has_value() ? 1 : 0;
    }
    const double detectSeconds = secondsSince(start);
    std::printf("face detection (HOG, upsample 0), 1 thread: %d frames in %.2f s = %.1f frames/s (%d with a face)\n",
                detectCount, detectSeconds, detectCount / detectSeconds, found);
    decoded->frames.clear();

    // The whole scan: decode each clip from the start, sample, find faces.
    const int workers = threads > 0 ? threads : std::max(1, int(std::thread::hardware_concurrency()));
    DatasetSource source{folder};
    source.video.sampling = {sample, 0};
    source.video.faces = true;
    source.video.threads = workers;
    NullProgressSink quiet;
    start = std::chrono::steady_clock::now();
    auto dataset = scanDataset(source, quiet, CancelToken());
    const double scanSeconds = secondsSince(start);
    if (!dataset) {
        std::fprintf(stderr, "%s\n", dataset.error().c_str());
        return 1;
    }
    const VideoDatasetStats& stats = dataset->videoStats;
    std::printf("scan with --faces --frames %d, %d threads: %d clips (%d frames decoded) in %.2f s = %.1f "
                "sampled frames/s, %.0f decoded frames/s; %d face crops, %d without a face\n",
                sample, workers, stats.videos, clips * frames, scanSeconds, stats.frames / scanSeconds,
                clips * frames / scanSeconds, stats.faces, stats.noFace);
    return 0;
}

} // namespace saliscope::bench
