// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jobs/jobmanager.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace saliscope;

namespace {

/// A job of `total` steps of `milliseconds` each that stops when cancelled.
Job steps(int total, int milliseconds, std::vector<int>* order = nullptr, std::mutex* mutex = nullptr, int tag = 0)
{
    return [=](ProgressSink& progress, const CancelToken& cancel) -> Status {
        if (order) {
            std::lock_guard lock(*mutex);
            order->push_back(tag);
        }
        for (int i = 0; i < total; ++i) {
            if (cancel.isCancelled())
                return Error{"cancelled"};
            std::this_thread::sleep_for(std::chrono::milliseconds(milliseconds));
            progress.progress(i + 1, total);
        }
        progress.message("done");
        return Ok{};
    };
}

bool waitFor(const std::function<bool()>& condition, int milliseconds = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > milliseconds)
            return false;
        QTest::qWait(5);
    }
    return true;
}

} // namespace

class TestJobManager final : public QObject {
    Q_OBJECT

private slots:
    void runsAndReports()
    {
        JobManager manager(1);
        const JobId id = manager.submit("count", steps(20, 2));
        QFutureWatcher<Status> watcher;
        QSignalSpy progressed(&watcher, &QFutureWatcher<Status>::progressValueChanged);
        watcher.setFuture(manager.future(id));
        QVERIFY(waitFor([&] { return manager.info(id)->state == JobState::Finished; }));
        QFuture<Status> future = manager.future(id);
        future.waitForFinished();
        QVERIFY(future.result().ok());
        const JobInfo info = manager.info(id).value();
        QCOMPARE(info.name, std::string("count"));
        QCOMPARE(info.progress.done, std::int64_t(20));
        QCOMPARE(info.progress.total, std::int64_t(20));
        QVERIFY(info.progress.itemsPerSecond > 0);
        QCOMPARE(info.progress.etaSeconds, 0.0);
        QCOMPARE(info.progress.lastMessage, std::string("done"));
        QVERIFY(waitFor([&] { return !progressed.isEmpty(); })); // delivered on this (the watcher's) thread
        QCOMPARE(future.progressMaximum(), 20);
    }

    void failureIsReported()
    {
        JobManager manager(1);
        const JobId id = manager.submit("bad", [](ProgressSink&, const CancelToken&) -> Status {
            return Error{"model.pt is not a TorchScript archive"};
        });
        const JobId thrower = manager.submit("throws", [](ProgressSink&, const CancelToken&) -> Status {
            throw std::runtime_error("boom");
        });
        QVERIFY(manager.waitForDone(10000));
        QCOMPARE(manager.info(id)->state, JobState::Failed);
        QCOMPARE(manager.info(id)->error, std::string("model.pt is not a TorchScript archive"));
        QCOMPARE(manager.future(id).result().error(), std::string("model.pt is not a TorchScript archive"));
        QCOMPARE(manager.info(thrower)->state, JobState::Failed);
        QVERIFY(manager.info(thrower)->error.find("boom") != std::string::npos);
        QVERIFY(!manager.info(999).has_value());
    }

    void runsInOrderOnOneWorker()
    {
        std::vector<int> order;
        std::mutex mutex;
        JobManager manager(1);
        for (int i = 0; i < 5; ++i)
            manager.submit("job", steps(2, 1, &order, &mutex, i));
        QVERIFY(manager.waitForDone(10000));
        QCOMPARE(order, (std::vector<int>{0, 1, 2, 3, 4}));
        QCOMPARE(int(manager.jobs().size()), 5);
    }

    void cancelsRunningAndQueued()
    {
        JobManager manager(1);
        const JobId running = manager.submit("long", steps(10000, 1));
        std::atomic<bool> started{false};
        const JobId queued = manager.submit("queued", [&](ProgressSink&, const CancelToken&) -> Status {
            started = true;
            return Ok{};
        });
        QVERIFY(waitFor([&] { return manager.info(running)->state == JobState::Running; }));
        manager.cancel(queued);
        manager.cancel(running);
        QVERIFY(manager.waitForDone(10000));
        QCOMPARE(manager.info(running)->state, JobState::Cancelled);
        QCOMPARE(manager.info(queued)->state, JobState::Cancelled);
        QVERIFY(!started);
        QVERIFY(manager.future(running).isCanceled());
    }

    void futureCancelStopsTheJob()
    {
        JobManager manager(1);
        const JobId id = manager.submit("long", steps(10000, 1));
        QVERIFY(waitFor([&] { return manager.info(id)->progress.done > 0; }));
        manager.future(id).cancel(); // as a UI would, through its QFutureWatcher
        QVERIFY(waitFor([&] { return manager.info(id)->state == JobState::Cancelled; }));
    }

    void shutdownStopsEverything()
    {
        auto manager = std::make_unique<JobManager>(2);
        std::vector<JobId> ids;
        for (int i = 0; i < 4; ++i)
            ids.push_back(manager->submit("long", steps(100000, 1)));
        QVERIFY(waitFor([&] { return manager->info(ids[0])->state == JobState::Running; }));
        manager->shutdown();
        for (JobId id : ids)
            QCOMPARE(manager->info(id)->state, JobState::Cancelled);
        const JobId late = manager->submit("late", steps(1, 1));
        QCOMPARE(manager->info(late)->state, JobState::Cancelled);
        manager.reset();
    }
};

QTEST_GUILESS_MAIN(TestJobManager)
#include "tst_jobmanager.moc"
