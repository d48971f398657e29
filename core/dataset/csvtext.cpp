// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/csvtext.h"

#include <charconv>
#include <cmath>

namespace saliscope {

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

namespace {
template <typename Number> std::string shortest(Number value)
{
    if (std::isnan(value))
        return {};
    char buffer[64];
    const auto [end, code] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return code == std::errc() ? std::string(buffer, end) : std::string("nan");
}
} // namespace

std::string shortestNumber(double value) { return shortest(value); }

std::string shortestNumber(float value) { return shortest(value); }

} // namespace saliscope
