// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/npzwriter.h"

#include <QSaveFile>
#include <QString>

#include <array>
#include <cstring>
#include <limits>

namespace saliscope {

namespace {

void put16(std::string& out, std::uint32_t value)
{
    out.push_back(char(value & 0xff));
    out.push_back(char((value >> 8) & 0xff));
}

void put32(std::string& out, std::uint32_t value)
{
    put16(out, value & 0xffff);
    put16(out, value >> 16);
}

std::int64_t elementCount(const std::vector<std::int64_t>& shape)
{
    std::int64_t count = 1;
    for (std::int64_t side : shape)
        count *= side;
    return count;
}

// DOS date of 1980-01-01, time 00:00: entries carry no time, so the same export gives the same bytes.
constexpr std::uint32_t DosTime = 0;
constexpr std::uint32_t DosDate = (0u << 9) | (1u << 5) | 1u;
constexpr std::uint32_t Utf8Names = 0x0800;

template <typename T> std::string rawBytes(const std::vector<T>& data)
{
    std::string bytes(data.size() * sizeof(T), '\0');
    if (!data.empty())
        std::memcpy(bytes.data(), data.data(), bytes.size()); // x86-64 and every supported host: little-endian
    return bytes;
}

} // namespace

NpzWriter::NpzWriter() = default;
NpzWriter::~NpzWriter() = default; // an unfinished QSaveFile discards its temporary file

std::uint32_t NpzWriter::crc32(const std::string& data)
{
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xffffffffu;
    for (unsigned char byte : data)
        crc = table[(crc ^ byte) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

std::string NpzWriter::npyBytes(const std::string& descr, const std::vector<std::int64_t>& shape,
                                const std::string& data)
{
    std::string shapeText = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        shapeText += std::to_string(shape[i]) + (shape.size() == 1 ? "," : (i + 1 < shape.size() ? ", " : ""));
    shapeText += ")";
    std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
    // magic (6) + version (2) + header length (2) + header, padded with spaces and ended by a
    // newline to a multiple of 64 bytes (numpy's alignment).
    const std::size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header.push_back('\n');
    std::string out("\x93NUMPY\x01\x00", 8);
    put16(out, std::uint32_t(header.size()));
    out += header;
    out += data;
    return out;
}

Status NpzWriter::open(const std::string& path)
{
    m_path = path;
    m_entries.clear();
    m_offset = 0;
    m_file = std::make_unique<QSaveFile>(QString::fromStdString(path));
    if (!m_file->open(QIODevice::WriteOnly))
        return Error{"cannot write " + path + ": " + m_file->errorString().toStdString()};
    return Ok{};
}

Status NpzWriter::add(const std::string& name, const std::string& descr, const std::vector<std::int64_t>& shape,
                      std::size_t count, const std::string& data)
{
    if (!m_file)
        return Error{"npz: no file open"};
    if (elementCount(shape) != std::int64_t(count))
        return Error{"npz: array " + name + " has " + std::to_string(count) + " values for its shape"};
    const std::string npy = npyBytes(descr, shape, data);
    const std::string entryName = name + ".npy";
    std::string header;
    put32(header, 0x04034b50);
    put16(header, 20);        // version needed: 2.0
    put16(header, Utf8Names); // flags
    put16(header, 0);         // stored
    put16(header, DosTime);
    put16(header, DosDate);
    const std::uint32_t crc = crc32(npy);
    put32(header, crc);
    put32(header, std::uint32_t(npy.size()));
    put32(header, std::uint32_t(npy.size()));
    put16(header, std::uint32_t(entryName.size()));
    put16(header, 0); // extra field length
    header += entryName;
    const std::uint64_t end = m_offset + header.size() + npy.size();
    if (npy.size() > std::numeric_limits<std::uint32_t>::max() || end > std::numeric_limits<std::uint32_t>::max())
        return Error{"cannot write " + m_path
                     + ": an npz larger than 4 GiB is not supported (export fewer runs, "
                       "leave the maps out with --no-maps, or use --format png)"};
    if (m_file->write(header.data(), qint64(header.size())) != qint64(header.size())
        || m_file->write(npy.data(), qint64(npy.size())) != qint64(npy.size()))
        return Error{"cannot write " + m_path + ": " + m_file->errorString().toStdString()};
    m_entries.push_back({entryName, crc, std::uint32_t(npy.size()), std::uint32_t(m_offset)});
    m_offset = end;
    return Ok{};
}

Status NpzWriter::addFloat64(const std::string& name, const std::vector<std::int64_t>& shape,
                             const std::vector<double>& data)
{
    return add(name, "<f8", shape, data.size(), rawBytes(data));
}

Status NpzWriter::addFloat32(const std::string& name, const std::vector<std::int64_t>& shape,
                             const std::vector<float>& data)
{
    return add(name, "<f4", shape, data.size(), rawBytes(data));
}

Status NpzWriter::addInt64(const std::string& name, const std::vector<std::int64_t>& shape,
                           const std::vector<std::int64_t>& data)
{
    return add(name, "<i8", shape, data.size(), rawBytes(data));
}

Status NpzWriter::addUint8(const std::string& name, const std::vector<std::int64_t>& shape,
                           const std::vector<std::uint8_t>& data)
{
    return add(name, "|u1", shape, data.size(), rawBytes(data));
}

Status NpzWriter::addBool(const std::string& name, const std::vector<std::int64_t>& shape,
                          const std::vector<bool>& data)
{
    std::string bytes;
    bytes.reserve(data.size());
    for (bool value : data)
        bytes.push_back(value ? '\1' : '\0');
    return add(name, "|b1", shape, data.size(), bytes);
}

Status NpzWriter::addStrings(const std::string& name, const std::vector<std::int64_t>& shape,
                             const std::vector<std::string>& data)
{
    std::vector<QList<uint>> points;
    points.reserve(data.size());
    qsizetype width = 1;
    for (const std::string& text : data) {
        points.push_back(QString::fromStdString(text).toUcs4());
        width = std::max(width, points.back().size());
    }
    std::string bytes(std::size_t(width) * 4 * data.size(), '\0');
    for (std::size_t i = 0; i < points.size(); ++i)
        for (qsizetype c = 0; c < points[i].size(); ++c) {
            const std::uint32_t point = points[i][c];
            char* at = bytes.data() + (i * std::size_t(width) + std::size_t(c)) * 4;
            at[0] = char(point & 0xff);
            at[1] = char((point >> 8) & 0xff);
            at[2] = char((point >> 16) & 0xff);
            at[3] = char((point >> 24) & 0xff);
        }
    return add(name, "<U" + std::to_string(width), shape, data.size(), bytes);
}

Status NpzWriter::addString(const std::string& name, const std::string& text) { return addStrings(name, {}, {text}); }

Status NpzWriter::finish()
{
    if (!m_file)
        return Error{"npz: no file open"};
    std::string directory;
    for (const Entry& entry : m_entries) {
        put32(directory, 0x02014b50);
        put16(directory, 20); // made by: 2.0, MS-DOS attributes
        put16(directory, 20);
        put16(directory, Utf8Names);
        put16(directory, 0);
        put16(directory, DosTime);
        put16(directory, DosDate);
        put32(directory, entry.crc);
        put32(directory, entry.size);
        put32(directory, entry.size);
        put16(directory, std::uint32_t(entry.name.size()));
        put16(directory, 0); // extra
        put16(directory, 0); // comment
        put16(directory, 0); // disk
        put16(directory, 0); // internal attributes
        put32(directory, 0); // external attributes
        put32(directory, entry.offset);
        directory += entry.name;
    }
    if (m_entries.size() > 0xffff || m_offset + directory.size() > std::numeric_limits<std::uint32_t>::max())
        return Error{"cannot write " + m_path + ": more than 65535 arrays or 4 GiB is not supported"};
    std::string end;
    put32(end, 0x06054b50);
    put16(end, 0);
    put16(end, 0);
    put16(end, std::uint32_t(m_entries.size()));
    put16(end, std::uint32_t(m_entries.size()));
    put32(end, std::uint32_t(directory.size()));
    put32(end, std::uint32_t(m_offset));
    put16(end, 0); // comment length
    directory += end;
    if (m_file->write(directory.data(), qint64(directory.size())) != qint64(directory.size()) || !m_file->commit()) {
        const std::string reason = m_file->errorString().toStdString();
        m_file.reset();
        return Error{"cannot write " + m_path + ": " + reason};
    }
    m_file.reset();
    return Ok{};
}

} // namespace saliscope
