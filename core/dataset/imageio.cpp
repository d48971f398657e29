// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/imageio.h"

#include "core/dataset/videoframes.h"

#include "core/engine/pillowresize.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <vector>

namespace saliscope {

namespace {

std::uint32_t be16(const std::vector<std::uint8_t>& b, std::size_t at) { return std::uint32_t(b[at]) << 8 | b[at + 1]; }
std::uint32_t be32(const std::vector<std::uint8_t>& b, std::size_t at) { return be16(b, at) << 16 | be16(b, at + 2); }
std::uint32_t le16(const std::vector<std::uint8_t>& b, std::size_t at) { return std::uint32_t(b[at + 1]) << 8 | b[at]; }
std::uint32_t le32(const std::vector<std::uint8_t>& b, std::size_t at) { return le16(b, at + 2) << 16 | le16(b, at); }

bool startsWith(const std::vector<std::uint8_t>& bytes, std::string_view prefix, std::size_t at = 0)
{
    return bytes.size() >= at + prefix.size()
        && std::equal(prefix.begin(), prefix.end(), bytes.begin() + long(at),
                      [](char a, std::uint8_t b) { return std::uint8_t(a) == b; });
}

/// The format a file's first bytes name ("" when none Saliscope knows).
std::string sniffFormat(const std::vector<std::uint8_t>& bytes)
{
    if (startsWith(bytes, "\x89PNG\r\n\x1a\n"))
        return "PNG";
    if (startsWith(bytes, "\xff\xd8\xff"))
        return "JPEG";
    if (startsWith(bytes, "GIF87a") || startsWith(bytes, "GIF89a"))
        return "GIF";
    if (startsWith(bytes, "BM"))
        return "BMP";
    if (startsWith(bytes, "RIFF") && startsWith(bytes, "WEBP", 8))
        return "WebP";
    if (startsWith(bytes, std::string_view("II*\0", 4)) || startsWith(bytes, std::string_view("MM\0*", 4)))
        return "TIFF";
    return {};
}

struct Size final {
    std::uint64_t width = 0;
    std::uint64_t height = 0;
};

/// Walks a JPEG's segments. Sets `size` from the first frame header; false when the data ends
/// before the end-of-image marker (a truncated file, which Pillow refuses to decode).
bool walkJpeg(const std::vector<std::uint8_t>& b, Size& size)
{
    std::size_t at = 2;
    bool inScan = false;
    while (at < b.size()) {
        if (b[at] != 0xff) { // entropy-coded data (or stray bytes, which decoders skip too)
            ++at;
            continue;
        }
        if (at + 1 >= b.size())
            return false;
        const std::uint8_t marker = b[at + 1];
        if (marker == 0xff) { // fill byte
            ++at;
            continue;
        }
        if (inScan && (marker == 0x00 || (marker >= 0xd0 && marker <= 0xd7))) { // stuffed byte, restart marker
            at += 2;
            continue;
        }
        if (marker == 0xd9)
            return true;
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) { // markers without a length
            at += 2;
            continue;
        }
        if (at + 4 > b.size())
            return false;
        const std::size_t length = be16(b, at + 2);
        const bool frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
        if (frame && size.width == 0 && at + 9 <= b.size()) {
            size.height = be16(b, at + 5);
            size.width = be16(b, at + 7);
        }
        at += 2 + length;
        inScan = marker == 0xda;
    }
    return false;
}

/// Width and height from the header of a PNG, BMP, WebP or TIFF file, without decoding (0 when unknown).
Size headerSize(const std::vector<std::uint8_t>& b, const std::string& format)
{
    Size size;
    if (format == "PNG" && b.size() >= 24 && startsWith(b, "IHDR", 12)) {
        size = {be32(b, 16), be32(b, 20)};
    } else if (format == "BMP" && b.size() >= 26) {
        if (le32(b, 14) == 12)
            size = {le16(b, 18), le16(b, 20)};
        else
            size = {le32(b, 18), std::uint64_t(std::abs(std::int64_t(std::int32_t(le32(b, 22)))))};
    } else if (format == "WebP" && b.size() >= 30) {
        if (startsWith(b, "VP8 ", 12))
            size = {le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff};
        else if (startsWith(b, "VP8L", 12) && b.size() >= 25)
            size = {(le32(b, 21) & 0x3fff) + 1, ((le32(b, 21) >> 14) & 0x3fff) + 1};
        else if (startsWith(b, "VP8X", 12))
            size = {(le32(b, 24) & 0xffffff) + 1, (le32(b, 27) & 0xffffff) + 1};
    } else if (format == "TIFF" && b.size() >= 8) {
        const bool little = b[0] == 'I';
        auto u16 = [&](std::size_t at) { return little ? le16(b, at) : be16(b, at); };
        auto u32 = [&](std::size_t at) { return little ? le32(b, at) : be32(b, at); };
        const std::size_t ifd = u32(4);
        if (ifd + 2 <= b.size()) {
            const std::size_t entries = u16(ifd);
            for (std::size_t i = 0; i < entries && ifd + 2 + 12 * (i + 1) <= b.size(); ++i) {
                const std::size_t entry = ifd + 2 + 12 * i;
                const std::uint32_t tag = u16(entry);
                const std::uint32_t value = u16(entry + 2) == 3 ? u16(entry + 8) : u32(entry + 8);
                if (tag == 256)
                    size.width = value;
                else if (tag == 257)
                    size.height = value;
            }
        }
    }
    return size;
}

Result<std::vector<std::uint8_t>> readBytes(const std::string& path)
{
    std::error_code code;
    const auto status = std::filesystem::status(path, code);
    if (!std::filesystem::exists(status))
        return Error{code && code.value() != ENOENT ? "cannot read " + path + ": " + readErrorReason(code.value())
                                                    : "no such file: " + path};
    if (!std::filesystem::is_regular_file(status))
        return Error{path + " is not a regular file"};
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        return Error{"cannot read " + path + ": " + readErrorReason(errno)};
    std::vector<std::uint8_t> bytes;
    std::uint8_t buffer[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        bytes.insert(bytes.end(), buffer, buffer + got);
    const bool failed = std::ferror(file) != 0;
    const int error = errno;
    std::fclose(file);
    if (failed)
        return Error{"cannot read " + path + ": " + readErrorReason(error)};
    if (bytes.empty())
        return Error{path + " is empty (0 bytes)"};
    return bytes;
}

Result<cv::Mat> decode(const std::string& path, int flags, std::int64_t maxPixels)
{
    auto read = readBytes(path);
    if (!read)
        return read.failure();
    const std::vector<std::uint8_t>& bytes = read.value();
    const std::string format = sniffFormat(bytes);
    if (format == "GIF")
        return Error{path + " is a GIF image, which Saliscope does not read (convert it to PNG)"};
    Size size;
    if (format == "JPEG") {
        if (!walkJpeg(bytes, size))
            return Error{
                path + " is a truncated or damaged JPEG (its data ends before the end marker; Pillow refuses it too)"};
    } else {
        size = headerSize(bytes, format);
    }
    if (maxPixels > 0 && size.width * size.height > std::uint64_t(maxPixels))
        return Error{path + " is " + std::to_string(size.width) + " x " + std::to_string(size.height)
                     + " pixels, more than the decoding limit of " + std::to_string(maxPixels)
                     + " pixels (parameter image.max_pixels)"};
    cv::Mat mat;
    try {
        mat = cv::imdecode(cv::Mat(1, int(bytes.size()), CV_8UC1, const_cast<std::uint8_t*>(bytes.data())), flags);
    } catch (const cv::Exception& error) {
        return Error{path + " cannot be decoded: " + error.msg};
    }
    if (mat.empty()) {
        if (format == "PNG"
            && std::search(bytes.begin(), bytes.end(), std::begin("IEND"), std::end("IEND") - 1) == bytes.end())
            return Error{path + " is a truncated PNG (its data ends before the IEND chunk)"};
        if (!format.empty())
            return Error{path + " is a damaged " + format + " file (it cannot be decoded)"};
        return Error{path + " is not a readable image (unsupported format or corrupt file)"};
    }
    if (mat.depth() == CV_16U)
        mat.convertTo(mat, CV_8U, 1.0 / 257.0);
    else if (mat.depth() == CV_32F || mat.depth() == CV_64F)
        mat.convertTo(mat, CV_8U, 255.0);
    else if (mat.depth() != CV_8U)
        mat.convertTo(mat, CV_8U);
    return mat;
}

engine::ImageU8 toImage(const cv::Mat& mat)
{
    engine::ImageU8 image = engine::ImageU8::zeros(mat.cols, mat.rows, mat.channels());
    const std::size_t rowBytes = std::size_t(mat.cols) * mat.channels();
    for (int y = 0; y < mat.rows; ++y)
        std::copy(mat.ptr<std::uint8_t>(y), mat.ptr<std::uint8_t>(y) + rowBytes,
                  image.pixels.begin() + long(rowBytes * std::size_t(y)));
    return image;
}

} // namespace

std::string readErrorReason(int errnum)
{
    switch (errnum) {
    case EACCES:
    case EPERM: return "permission denied";
    case ENOENT: return "no such file";
    case EISDIR: return "is a folder";
    case ELOOP: return "symbolic link loop";
    case EIO: return "I/O error";
    default: return std::strerror(errnum);
    }
}

Result<engine::ImageU8> readImageRgb(const std::string& path, std::int64_t maxPixels)
{
    const SourcePath source = parseSourcePath(path);
    if (source.frame >= 0 || source.crop) {
        // A video frame or a crop (videoframes.h).
        auto whole = source.frame >= 0 ? readVideoFrame(source.file, source.frame, maxPixels)
                                       : readImageRgb(source.file, maxPixels);
        if (!whole || !source.crop)
            return whole;
        return cropImage(whole.value(), *source.crop);
    }
    // EXIF orientation is not applied: Pillow, which trained and evaluated the models, does not.
    auto mat = decode(path, cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH | cv::IMREAD_IGNORE_ORIENTATION, maxPixels);
    if (!mat)
        return mat.failure();
    cv::Mat rgb;
    cv::cvtColor(mat.value(), rgb, cv::COLOR_BGR2RGB);
    return toImage(rgb);
}

Result<engine::ImageU8> readImageGray(const std::string& path, std::int64_t maxPixels)
{
    auto mat = decode(path, cv::IMREAD_UNCHANGED, maxPixels);
    if (!mat)
        return mat.failure();
    cv::Mat gray = mat.value();
    if (gray.channels() == 3)
        cv::cvtColor(gray, gray, cv::COLOR_BGR2GRAY);
    else if (gray.channels() == 4)
        cv::cvtColor(gray, gray, cv::COLOR_BGRA2GRAY);
    return toImage(gray);
}

engine::ImageU8 resizeForModel(engine::ImageU8 image, int width, int height)
{
    if (image.width == width && image.height == height)
        return image;
    return engine::resizePillow(image, width, height, engine::ResizeFilter::Bilinear);
}

Result<engine::ImageU8> readModelInput(const std::string& path, int width, int height, std::int64_t maxPixels)
{
    auto image = readImageRgb(path, maxPixels);
    if (!image)
        return image.failure();
    return resizeForModel(std::move(image).value(), width, height);
}

Status writeImage(const std::string& path, const engine::ImageU8& image)
{
    if (image.empty() || (image.channels != 1 && image.channels != 3))
        return Error{"cannot write " + path + ": not an 8-bit grey or RGB image"};
    cv::Mat mat(image.height, image.width, image.channels == 1 ? CV_8UC1 : CV_8UC3,
                const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat bgr;
    if (image.channels == 3)
        cv::cvtColor(mat, bgr, cv::COLOR_RGB2BGR);
    else
        bgr = mat;
    const std::filesystem::path target(path);
    const std::filesystem::path temporary = target.parent_path() / (".partial-" + target.filename().string());
    std::vector<std::uint8_t> encoded;
    try {
        if (!cv::imencode(target.extension().string().empty() ? ".png" : target.extension().string(), bgr, encoded))
            return Error{"cannot encode " + path + ": unsupported extension"};
    } catch (const cv::Exception& error) {
        return Error{"cannot encode " + path + ": " + error.msg};
    }
    std::FILE* file = std::fopen(temporary.c_str(), "wb");
    if (!file)
        return Error{"cannot write " + path + ": " + std::strerror(errno)};
    const bool written = std::fwrite(encoded.data(), 1, encoded.size(), file) == encoded.size();
    const bool closed = std::fclose(file) == 0;
    std::error_code code;
    if (!written || !closed) {
        std::filesystem::remove(temporary, code);
        return Error{"cannot write " + path + ": disk full or I/O error"};
    }
    std::filesystem::rename(temporary, target, code);
    if (code) {
        std::filesystem::remove(temporary, code);
        return Error{"cannot write " + path + ": " + code.message()};
    }
    return Ok{};
}

} // namespace saliscope
