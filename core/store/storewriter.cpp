// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/storewriter.h"

#include "core/store/storeschema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <atomic>
#include <future>

namespace saliscope {

namespace {

constexpr std::size_t MaxQueued = 64; // tasks waiting; post() blocks beyond this
constexpr std::size_t MaxBatch = 256; // tasks per transaction

QString newConnectionName()
{
    static std::atomic<int> counter{0};
    return QStringLiteral("saliscope-writer-%1").arg(counter.fetch_add(1));
}

} // namespace

Result<std::unique_ptr<StoreWriter>> StoreWriter::start(const std::string& path, Task initialise)
{
    std::unique_ptr<StoreWriter> writer(new StoreWriter());
    std::promise<Status> started;
    auto startedFuture = started.get_future();
    writer->m_thread = std::thread([w = writer.get(), path, initialise = std::move(initialise), &started]() mutable {
        w->loop(path, std::move(initialise), [&started](Status status) { started.set_value(std::move(status)); });
    });
    Status status = startedFuture.get();
    if (!status) {
        writer->m_thread.join();
        return status.failure();
    }
    return writer;
}

StoreWriter::~StoreWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void StoreWriter::post(Task task, Done done)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < MaxQueued || m_stopping; });
    m_queue.push_back({std::move(task), std::move(done)});
    m_changed.notify_all();
}

Status StoreWriter::run(Task task)
{
    std::promise<Status> outcome;
    auto future = outcome.get_future();
    post(std::move(task), [&outcome](const Status& status) { outcome.set_value(status); });
    return future.get();
}

Status StoreWriter::flush()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.empty() && m_inFlight == 0; });
    if (m_firstError.empty())
        return Ok{};
    Error error{m_firstError};
    m_firstError.clear();
    return error;
}

void StoreWriter::loop(const std::string& path, Task initialise, std::function<void(Status)> started)
{
    const QString name = newConnectionName();
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        database.setDatabaseName(QString::fromStdString(path));
        Status status = Ok{};
        if (!database.open())
            status = Error{StoreSchema::describe(database.lastError(), "cannot open project " + path)};
        else if (initialise)
            status = initialise(database);
        if (!status) {
            database.close();
            database = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            started(std::move(status));
            return;
        }
        started(Ok{});

        QSqlQuery control(database);
        for (;;) {
            std::vector<Item> batch;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return !m_queue.empty() || m_stopping; });
                if (m_queue.empty())
                    break;
                while (!m_queue.empty() && batch.size() < MaxBatch) {
                    batch.push_back(std::move(m_queue.front()));
                    m_queue.pop_front();
                }
                m_inFlight = batch.size();
            }
            m_changed.notify_all(); // room in the queue again

            std::vector<Status> outcomes;
            outcomes.reserve(batch.size());
            if (!control.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
                const Status failed = Error{StoreSchema::describe(control.lastError(), "cannot write to " + path)};
                outcomes.assign(batch.size(), failed);
            } else {
                for (Item& item : batch) {
                    control.exec(QStringLiteral("SAVEPOINT task"));
                    Status status = Ok{};
                    try {
                        status = item.task(database);
                    } catch (const std::exception& error) {
                        status = Error{std::string("project write failed: ") + error.what()};
                    }
                    if (!status)
                        control.exec(QStringLiteral("ROLLBACK TO task"));
                    control.exec(QStringLiteral("RELEASE task"));
                    outcomes.push_back(std::move(status));
                }
                if (!control.exec(QStringLiteral("COMMIT"))) {
                    const Status failed = Error{StoreSchema::describe(control.lastError(), "cannot write to " + path)};
                    control.exec(QStringLiteral("ROLLBACK"));
                    outcomes.assign(batch.size(), failed);
                }
            }
            for (std::size_t i = 0; i < batch.size(); ++i) {
                if (batch[i].done) {
                    batch[i].done(outcomes[i]);
                } else if (!outcomes[i]) {
                    std::lock_guard lock(m_mutex);
                    if (m_firstError.empty())
                        m_firstError = outcomes[i].error();
                }
            }
            {
                std::lock_guard lock(m_mutex);
                m_inFlight = 0;
            }
            m_changed.notify_all();
        }
        control = QSqlQuery();
        database.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace saliscope
