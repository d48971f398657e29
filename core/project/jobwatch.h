// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/result.h"
#include "core/jobs/jobmanager.h"

#include <QFutureWatcher>
#include <QObject>

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace saliscope {

/// Submits `work` (ProgressSink&, const CancelToken&) -> Result<T> to `jobs` and calls
/// `done(Result<T>)` on `receiver`'s thread when it ends (an Error "cancelled" when it
/// never ran). Exceptions thrown by `work` become Errors. Returns the job id.
template <typename T, typename Work, typename Done>
JobId submitJob(JobManager& jobs, QObject* receiver, std::string name, Work work, Done done)
{
    auto holder = std::make_shared<std::optional<Result<T>>>();
    const JobId id = jobs.submit(std::move(name),
                                 [holder, work = std::move(work)](ProgressSink& progress, const CancelToken& cancel) {
                                     try {
                                         holder->emplace(work(progress, cancel));
                                     } catch (const std::exception& error) {
                                         holder->emplace(Error{error.what()});
                                     }
                                     if (!holder->value())
                                         return Status(Error{holder->value().error()});
                                     return Status(Ok{});
                                 });
    auto* watcher = new QFutureWatcher<Status>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, holder, done = std::move(done)]() mutable {
                         watcher->deleteLater();
                         if (holder->has_value())
                             done(std::move(holder->value()));
                         else
                             done(Result<T>(Error::cancelled()));
                     });
    watcher->setFuture(jobs.future(id));
    return id;
}

} // namespace saliscope
