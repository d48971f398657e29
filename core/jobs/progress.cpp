// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jobs/progress.h"

namespace saliscope {

ProgressSink::~ProgressSink() = default;

void ProgressSink::message(const std::string&) {}

} // namespace saliscope
