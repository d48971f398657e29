// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <deque>

namespace saliscope::ui {

/// Small previews of image files, decoded on a pool of its own threads and kept in memory
/// (least recently used first out). Newest requests are served first, and old ones are dropped
/// when the queue grows long, so fast scrolling never builds a backlog. GUI thread only.
class ThumbnailCache final : public QObject {
    Q_OBJECT

public:
    explicit ThumbnailCache(int size = 112, QObject* parent = nullptr);
    ~ThumbnailCache() override;

    /// The cached thumbnail of `path`, or a null pixmap after queueing its load.
    QPixmap thumbnail(const QString& path);
    /// The grey picture shown while a thumbnail loads.
    QPixmap placeholder() const { return m_placeholder; }
    int size() const { return m_size; }
    void clear();

signals:
    /// The thumbnail of `path` is ready (or failed and shows a broken-image mark).
    void ready(const QString& path);

private:
    void pump();

    int m_size;
    QCache<QString, QPixmap> m_cache;
    std::deque<QString> m_pending;
    QSet<QString> m_queued;
    int m_inFlight = 0;
    QThreadPool m_pool;
    QPixmap m_placeholder;
    QPixmap m_broken;
};

} // namespace saliscope::ui
