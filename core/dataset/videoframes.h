// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/engine/image.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace saliscope {

/// True when the file name has a video extension Saliscope reads (mp4, avi, mov, mkv, m4v, webm).
bool hasVideoExtension(const std::string& path);

/// A square or rectangular region of an image, in its pixels, turned by `angle` degrees
/// (counter-clockwise, about the region's centre) before it is cut out: a face crop.
struct CropRegion final {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    double angle = 0; ///< 0: a plain cut; otherwise the image is rotated about the centre first

    bool operator==(const CropRegion&) const = default;
};

/// Where a dataset image comes from when it is not a whole image file: a frame of a video, a
/// region of a frame or of a still image. Written into the image's path after a '#', so that
/// every part of Saliscope that keys images by path and content hash (image cache, store,
/// viewer, CSV rows) handles frames and crops as images:
///
///     clips/a.mp4#frame=12                   frame 12 (0-based) of a.mp4
///     clips/a.mp4#frame=12&crop=40,22,180,180  a region of that frame
///     faces/b.jpg#crop=10,8,120,120&angle=4.25 a turned region of a still image
///
/// The content hash of such a path is the hash of the file's hash and the part after '#'
/// (contenthash.h), so a renamed video keeps its frames' results.
struct SourcePath final {
    std::string file;               ///< the file on disk
    int frame = -1;                 ///< video frame index, 0-based; -1: a still image
    std::optional<CropRegion> crop; ///< the region cut out; none: the whole image or frame

    /// The path text: `file` alone, or `file#frame=N[&crop=X,Y,W,H[&angle=A]]`.
    std::string text() const;
    /// The part after '#' ("" for a plain file).
    std::string fragment() const;
};

/// Splits a dataset path into file and fragment. The text after the last '#' is a fragment only
/// when it follows the grammar above exactly and no file exists under the full text; otherwise
/// the whole text is a plain file path ({path}). Whether the file exists is not checked.
SourcePath parseSourcePath(const std::string& path);

/// True when `path` names a frame or a crop (parseSourcePath finds a fragment).
bool isSourceFragmentPath(const std::string& path);

/// The file a dataset path reads (`path` itself or the part before its fragment).
std::string sourceFileOf(const std::string& path);

/// How frames are picked from each video.
struct VideoSampling final {
    int frames = 8; ///< frames per video (uniform over the video when step is 0); 0: all (with step: no limit)
    int step = 0;   ///< > 0: every step-th frame from frame 0 (at most `frames` of them when frames > 0)
};

/// The frame indices `sampling` picks from a video of `frameCount` frames, ascending and
/// distinct. Uniform: frame floor((i + 0.5) * frameCount / n) for i < n, n = min(frames, frameCount)
/// (the centres of n equal spans, as DeepfakeBench samples). Step: 0, step, 2 step, ...
std::vector<int> sampleFrameIndices(int frameCount, const VideoSampling& sampling);

/// What decodeVideoFrames found.
struct DecodedVideo final {
    int announcedFrames = 0; ///< the container's frame count (may lie)
    int decodedFrames = 0;   ///< frames that decoded, reading from the start
    bool truncated = false;  ///< fewer frames decoded than announced
    double fps = 0;
    int width = 0;
    int height = 0;
    std::vector<int> indices;            ///< sampled frame indices, ascending
    std::vector<engine::ImageU8> frames; ///< their RGB pixels, index for index
};

/// Called with each sampled frame as it decodes (its index and RGB pixels).
using FrameVisitor = std::function<void(int index, const engine::ImageU8& frame)>;

/// Decodes a video from the start (OpenCV, FFmpeg backend) and keeps the frames `sampling`
/// picks. The container's frame count is checked by decoding: when another number of frames
/// decode (a truncated or damaged file, or a container that does not know), the frames are
/// sampled again from those that decode, less the last one when the file ended early (it may be
/// torn), and read in a second pass (`truncated` is set when fewer decode than announced).
/// With `visit`, the frames are not kept but handed to it as they decode, in both passes: the
/// final `indices` say which count (memory then holds one frame, whatever the sampling). Errors
/// in one line: missing file, not a video or damaged beyond opening, no frame decodes, frames
/// larger than `maxPixels` (0: no limit). Thread-safe (each call opens its own reader).
Result<DecodedVideo> decodeVideoFrames(const std::string& path, const VideoSampling& sampling,
                                       std::int64_t maxPixels = 64'000'000, const FrameVisitor& visit = {});

/// Frame `index` (0-based) of a video as RGB, decoded from the start of the file (exact, the
/// same pixels every time; seeking in a compressed stream is not). Readers of recently used
/// videos are kept open (at most 4) at the frame they reached, so reading a video's frames in
/// ascending order decodes each frame once. Errors: as decodeVideoFrames, and an index past
/// the frames that decode. Thread-safe.
Result<engine::ImageU8> readVideoFrame(const std::string& path, int index, std::int64_t maxPixels = 64'000'000);

/// The pixels of `region` of an RGB (or grey) image: a plain cut when its angle is 0, otherwise
/// the image rotated by the angle about the region's centre (bilinear) and cut; parts outside
/// the image are black. An empty region is an error.
Result<engine::ImageU8> cropImage(const engine::ImageU8& image, const CropRegion& region);

} // namespace saliscope
