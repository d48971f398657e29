// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace saliscope {

/// Produces items 0..count-1 in order on a worker thread, at most `depth` finished items ahead of
/// the consumer, so that decoding batch i+1 overlaps the computation of batch i while memory stays
/// bounded by depth + 1 items whatever the dataset's size. With depth 0 there is no thread: next()
/// produces the item on the calling thread. Destroying it stops the worker after its current item.
template <typename Item> class Prefetcher final {
public:
    Prefetcher(std::size_t count, std::size_t depth, std::function<Item(std::size_t)> produce)
        : m_count(count), m_depth(depth), m_produce(std::move(produce))
    {
        if (m_depth > 0 && m_count > 0)
            m_worker = std::thread([this] { work(); });
    }

    ~Prefetcher()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        if (m_worker.joinable())
            m_worker.join();
    }

    Prefetcher(const Prefetcher&) = delete;
    Prefetcher& operator=(const Prefetcher&) = delete;

    /// The next item in order; call at most `count` times.
    Item next()
    {
        if (m_depth == 0)
            return m_produce(m_consumed++);
        std::unique_lock<std::mutex> lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_ready.empty(); });
        Item item = std::move(m_ready.front());
        m_ready.pop_front();
        ++m_consumed;
        lock.unlock();
        m_changed.notify_all();
        return item;
    }

private:
    void work()
    {
        for (std::size_t index = 0; index < m_count; ++index) {
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || m_ready.size() < m_depth; });
                if (m_stop)
                    return;
            }
            Item item = m_produce(index);
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_ready.push_back(std::move(item));
            }
            m_changed.notify_all();
        }
    }

    const std::size_t m_count;
    const std::size_t m_depth;
    std::function<Item(std::size_t)> m_produce;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_ready;
    std::size_t m_consumed = 0;
    bool m_stop = false;
    std::thread m_worker;
};

} // namespace saliscope
