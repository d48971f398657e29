// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/videoframes.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>

namespace saliscope {

namespace fs = std::filesystem;

namespace {

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

bool parseInt(std::string_view text, int& value)
{
    if (text.empty())
        return false;
    const char* end = text.data() + text.size();
    const auto [stop, code] = std::from_chars(text.data(), end, value);
    return code == std::errc() && stop == end;
}

bool parseAngle(std::string_view text, double& value)
{
    // -?digits[.digits]: no exponent, no sign on its own, so the canonical text is unambiguous.
    std::size_t at = text.starts_with('-') ? 1 : 0;
    const std::size_t digits = at;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])))
        ++at;
    if (at == digits)
        return false;
    if (at < text.size() && text[at] == '.') {
        const std::size_t fraction = ++at;
        while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])))
            ++at;
        if (at == fraction)
            return false;
    }
    if (at != text.size())
        return false;
    value = std::stod(std::string(text));
    return std::isfinite(value);
}

/// Parses `frame=N[&crop=X,Y,W,H[&angle=A]]` or `crop=...[&angle=A]`; false when it does not follow it.
bool parseFragment(std::string_view text, SourcePath& out)
{
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t amp = text.find('&', start);
        parts.push_back(text.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start));
        if (amp == std::string_view::npos)
            break;
        start = amp + 1;
    }
    std::size_t at = 0;
    if (at < parts.size() && parts[at].starts_with("frame=")) {
        if (!parseInt(parts[at].substr(6), out.frame) || out.frame < 0)
            return false;
        ++at;
    }
    if (at < parts.size() && parts[at].starts_with("crop=")) {
        std::string_view numbers = parts[at].substr(5);
        int values[4] = {};
        for (int i = 0; i < 4; ++i) {
            const std::size_t comma = numbers.find(',');
            if ((comma == std::string_view::npos) != (i == 3))
                return false;
            if (!parseInt(numbers.substr(0, comma), values[i]))
                return false;
            numbers = comma == std::string_view::npos ? std::string_view() : numbers.substr(comma + 1);
        }
        if (values[2] <= 0 || values[3] <= 0)
            return false;
        CropRegion region{values[0], values[1], values[2], values[3], 0};
        ++at;
        if (at < parts.size() && parts[at].starts_with("angle=")) {
            if (!parseAngle(parts[at].substr(6), region.angle))
                return false;
            ++at;
        }
        out.crop = region;
    }
    return at == parts.size() && at > 0 && (out.frame >= 0 || out.crop);
}

std::string angleText(double angle)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", angle);
    return text == std::string("-0.00") ? std::string("0.00") : std::string(text);
}

engine::ImageU8 toRgb(const cv::Mat& bgr)
{
    cv::Mat rgb;
    if (bgr.channels() == 1)
        cv::cvtColor(bgr, rgb, cv::COLOR_GRAY2RGB);
    else if (bgr.channels() == 4)
        cv::cvtColor(bgr, rgb, cv::COLOR_BGRA2RGB);
    else
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    engine::ImageU8 image = engine::ImageU8::zeros(rgb.cols, rgb.rows, 3);
    for (int row = 0; row < rgb.rows; ++row)
        std::copy_n(rgb.ptr<std::uint8_t>(row), std::size_t(rgb.cols) * 3, image.pixels.data() + image.index(row, 0));
    return image;
}

/// An open reader of one video and the index of the frame its next read() returns.
struct OpenVideo final {
    std::string path;
    std::uintmax_t size = 0;
    fs::file_time_type modified;
    cv::VideoCapture capture;
    int next = 0;
};

/// Opens a video for reading, with the reason in one line when it cannot be.
Result<std::unique_ptr<OpenVideo>> openVideo(const std::string& path, std::int64_t maxPixels)
{
    std::error_code code;
    const auto status = fs::status(path, code);
    if (!fs::exists(status))
        return Error{path + ": missing file"};
    if (!fs::is_regular_file(status))
        return Error{path + ": not a regular file"};
    auto video = std::make_unique<OpenVideo>();
    video->path = path;
    video->size = fs::file_size(path, code);
    video->modified = fs::last_write_time(path, code);
    if (video->size == 0)
        return Error{path + ": empty file (0 bytes)"};
    if (!video->capture.open(path, cv::CAP_FFMPEG) || !video->capture.isOpened())
        return Error{path + ": cannot open the video (not a video, or damaged: no readable header)"};
    const double width = video->capture.get(cv::CAP_PROP_FRAME_WIDTH);
    const double height = video->capture.get(cv::CAP_PROP_FRAME_HEIGHT);
    if (maxPixels > 0 && width * height > double(maxPixels))
        return Error{path + ": frames of " + std::to_string(std::int64_t(width)) + "x"
                     + std::to_string(std::int64_t(height)) + " pixels, more than the limit of "
                     + std::to_string(maxPixels)};
    return video;
}

/// Recently used readers, most recent first; a reader in use is taken out of the list.
std::mutex openVideosMutex;
std::list<std::unique_ptr<OpenVideo>> openVideos;
constexpr std::size_t MaxOpenVideos = 4;

} // namespace

bool hasVideoExtension(const std::string& path)
{
    const std::string extension = lowered(fs::path(path).extension().string());
    return extension == ".mp4" || extension == ".avi" || extension == ".mov" || extension == ".mkv"
        || extension == ".m4v" || extension == ".webm";
}

std::string SourcePath::fragment() const
{
    std::string text;
    if (frame >= 0)
        text = "frame=" + std::to_string(frame);
    if (crop) {
        if (!text.empty())
            text += '&';
        text += "crop=" + std::to_string(crop->x) + "," + std::to_string(crop->y) + "," + std::to_string(crop->width)
            + "," + std::to_string(crop->height);
        if (crop->angle != 0)
            text += "&angle=" + angleText(crop->angle);
    }
    return text;
}

std::string SourcePath::text() const
{
    const std::string tail = fragment();
    return tail.empty() ? file : file + "#" + tail;
}

SourcePath parseSourcePath(const std::string& path)
{
    const std::size_t hash = path.rfind('#');
    if (hash == std::string::npos || hash == 0)
        return {path};
    SourcePath parsed;
    if (!parseFragment(std::string_view(path).substr(hash + 1), parsed))
        return {path};
    std::error_code code;
    if (fs::exists(path, code)) // a file whose name holds '#'
        return {path};
    parsed.file = path.substr(0, hash);
    return parsed;
}

bool isSourceFragmentPath(const std::string& path)
{
    const SourcePath parsed = parseSourcePath(path);
    return parsed.frame >= 0 || parsed.crop.has_value();
}

std::string sourceFileOf(const std::string& path) { return parseSourcePath(path).file; }

std::vector<int> sampleFrameIndices(int frameCount, const VideoSampling& sampling)
{
    std::vector<int> indices;
    if (frameCount <= 0)
        return indices;
    if (sampling.step > 0) {
        for (int index = 0; index < frameCount; index += sampling.step) {
            if (sampling.frames > 0 && int(indices.size()) >= sampling.frames)
                break;
            indices.push_back(index);
        }
        return indices;
    }
    const int n = sampling.frames <= 0 ? frameCount : std::min(sampling.frames, frameCount);
    for (int i = 0; i < n; ++i) {
        const int index = int(std::floor((double(i) + 0.5) * double(frameCount) / double(n)));
        if (indices.empty() || index > indices.back())
            indices.push_back(std::min(index, frameCount - 1));
    }
    return indices;
}

Result<DecodedVideo> decodeVideoFrames(const std::string& path, const VideoSampling& sampling, std::int64_t maxPixels,
                                       const FrameVisitor& visit)
{
    auto opened = openVideo(path, maxPixels);
    if (!opened)
        return opened.failure();
    OpenVideo& video = *opened.value();
    DecodedVideo decoded;
    decoded.announcedFrames = std::max(0, int(video.capture.get(cv::CAP_PROP_FRAME_COUNT)));
    decoded.fps = video.capture.get(cv::CAP_PROP_FPS);
    decoded.width = int(video.capture.get(cv::CAP_PROP_FRAME_WIDTH));
    decoded.height = int(video.capture.get(cv::CAP_PROP_FRAME_HEIGHT));

    // Reads `capture` from its start, handing the frames at `wanted` to `keep`; returns the
    // number of frames read (all of them when `toTheEnd`, else up to the last wanted).
    const auto pass = [&](cv::VideoCapture& capture, const std::vector<int>& wanted, bool toTheEnd,
                          std::vector<int>& keptIndices, std::vector<engine::ImageU8>& kept) {
        std::size_t next = 0;
        cv::Mat frame;
        int count = 0;
        while ((toTheEnd || next < wanted.size()) && capture.read(frame) && !frame.empty()) {
            if (next < wanted.size() && wanted[next] == count) {
                engine::ImageU8 image = toRgb(frame);
                if (visit)
                    visit(count, image);
                else
                    kept.push_back(std::move(image));
                keptIndices.push_back(count);
                ++next;
            }
            ++count;
        }
        return count;
    };

    // One pass: the frames sampled from the announced count, and the count of what decodes.
    std::vector<int> wanted = sampleFrameIndices(decoded.announcedFrames, sampling);
    const int count = pass(video.capture, wanted, true, decoded.indices, decoded.frames);
    decoded.decodedFrames = count;
    if (count == 0)
        return Error{path + ": no frame decodes (an empty or damaged video)"};
    if (count == decoded.announcedFrames && decoded.indices.size() == wanted.size())
        return decoded;
    // The container lied (a truncated file, or no count at all): sample again from the frames
    // that decode, less the last one when the file ended early (it may be torn), and read those.
    decoded.truncated = decoded.announcedFrames > count;
    const int usable = decoded.truncated && count > 1 ? count - 1 : count;
    wanted = sampleFrameIndices(usable, sampling);
    auto again = openVideo(path, maxPixels);
    if (!again)
        return again.failure();
    decoded.indices.clear();
    decoded.frames.clear();
    pass(again.value()->capture, wanted, false, decoded.indices, decoded.frames);
    if (decoded.indices.size() != wanted.size())
        return Error{path + ": decodes differently on a second reading (damaged video)"};
    return decoded;
}

Result<engine::ImageU8> readVideoFrame(const std::string& path, int index, std::int64_t maxPixels)
{
    if (index < 0)
        return Error{path + ": frame index " + std::to_string(index) + " is negative"};
    std::unique_ptr<OpenVideo> video;
    {
        std::error_code code;
        const auto size = fs::file_size(path, code);
        const auto modified = fs::last_write_time(path, code);
        std::lock_guard lock(openVideosMutex);
        for (auto it = openVideos.begin(); it != openVideos.end(); ++it) {
            if ((*it)->path == path && (*it)->next <= index && (*it)->size == size && (*it)->modified == modified) {
                video = std::move(*it);
                openVideos.erase(it);
                break;
            }
        }
    }
    if (!video) {
        auto opened = openVideo(path, maxPixels);
        if (!opened)
            return opened.failure();
        video = std::move(opened).value();
    }
    cv::Mat frame;
    while (video->next <= index) {
        if (!video->capture.read(frame) || frame.empty())
            return Error{path + ": frame " + std::to_string(index) + " does not decode (the video has "
                         + std::to_string(video->next) + " readable frames)"};
        ++video->next;
    }
    engine::ImageU8 image = toRgb(frame);
    std::lock_guard lock(openVideosMutex);
    openVideos.push_front(std::move(video));
    while (openVideos.size() > MaxOpenVideos)
        openVideos.pop_back();
    return image;
}

Result<engine::ImageU8> cropImage(const engine::ImageU8& image, const CropRegion& region)
{
    if (region.width <= 0 || region.height <= 0)
        return Error{"empty crop region"};
    if (image.empty() || (image.channels != 1 && image.channels != 3))
        return Error{"cannot crop an empty image"};
    const int type = image.channels == 3 ? CV_8UC3 : CV_8UC1;
    const cv::Mat source(image.height, image.width, type, const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat out;
    if (region.angle == 0) {
        out = cv::Mat::zeros(region.height, region.width, type);
        const cv::Rect wanted(region.x, region.y, region.width, region.height);
        const cv::Rect inside = wanted & cv::Rect(0, 0, image.width, image.height);
        if (inside.area() > 0)
            source(inside).copyTo(out(cv::Rect(inside.x - region.x, inside.y - region.y, inside.width, inside.height)));
    } else {
        const cv::Point2f centre(float(region.x + region.width / 2.0), float(region.y + region.height / 2.0));
        cv::Mat turn = cv::getRotationMatrix2D(centre, region.angle, 1.0);
        turn.at<double>(0, 2) -= region.x;
        turn.at<double>(1, 2) -= region.y;
        cv::warpAffine(source, out, turn, cv::Size(region.width, region.height), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                       cv::Scalar::all(0));
    }
    engine::ImageU8 cropped = engine::ImageU8::zeros(region.width, region.height, image.channels);
    for (int row = 0; row < out.rows; ++row)
        std::copy_n(out.ptr<std::uint8_t>(row), std::size_t(out.cols) * image.channels,
                    cropped.pixels.data() + cropped.index(row, 0));
    return cropped;
}

} // namespace saliscope
