// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"

namespace saliscope::engine {

// The engine's code names the shared error types without a prefix; outside the engine, write
// saliscope::Result (core/common/result.h).
using saliscope::Error;
using saliscope::ErrorKind;
using saliscope::Ok;
using saliscope::Result;
using saliscope::Status;

} // namespace saliscope::engine
