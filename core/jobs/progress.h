// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace saliscope {

/// Receives progress from a long computation; called on the computing thread.
class ProgressSink {
public:
    virtual ~ProgressSink();
    /// `done` of `total` units finished (images, batches); total may grow while scanning.
    virtual void progress(std::int64_t done, std::int64_t total) = 0;
    /// A line for the log: a skipped file, a warning.
    virtual void message(const std::string& text);
};

/// A sink that ignores everything, for callers that do not watch.
class NullProgressSink final : public ProgressSink {
public:
    void progress(std::int64_t, std::int64_t) override {}
};

/// Shared cancellation flag: copies observe the same flag; safe from any thread.
class CancelToken final {
public:
    CancelToken() : m_flag(std::make_shared<std::atomic_bool>(false)) {}
    void cancel() { m_flag->store(true); }
    bool isCancelled() const { return m_flag->load(); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace saliscope
