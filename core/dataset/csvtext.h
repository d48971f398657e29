// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace saliscope {

/// A CSV field: `text` as is, or in double quotes (inner quotes doubled) when it holds a comma,
/// a quote or a line break (RFC 4180).
std::string csvField(const std::string& text);

/// The shortest text that reads back as exactly `value` ("0.1", "3", "1e-07"); empty for NaN.
std::string shortestNumber(double value);
/// The same for a float: the shortest text that reads back as this float ("0.999", not the
/// double 0.99900001287460327).
std::string shortestNumber(float value);

} // namespace saliscope
