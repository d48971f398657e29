// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/images/thumbnailcache.h"

#include "core/dataset/imageio.h"
#include "core/dataset/videoframes.h"
#include "ui/report/reportgallery.h"

#include <QFutureWatcher>
#include <QImageReader>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

namespace saliscope::ui {

namespace {

constexpr std::size_t MaxPending = 300;

QImage loadThumbnail(const QString& path, int size)
{
    if (isSourceFragmentPath(path.toStdString())) { // a video frame or a face crop (videoframes.h)
        auto decoded = readImageRgb(path.toStdString());
        const QImage image = decoded ? toQImage(decoded.value()) : QImage();
        return image.isNull() ? image : image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    QImageReader reader(path);
    reader.setAutoTransform(false); // as the models see it: Pillow ignores EXIF orientation
    const QSize full = reader.size();
    if (full.isValid())
        reader.setScaledSize(full.scaled(size, size, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > size || image.height() > size))
        image = image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

QPixmap makeMark(int size, const QColor& fill, const QString& text)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QColor(120, 120, 120));
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(4, 4, size - 8, size - 8), 6, 6);
    if (!text.isEmpty())
        painter.drawText(pixmap.rect(), Qt::AlignCenter, text);
    return pixmap;
}

} // namespace

ThumbnailCache::ThumbnailCache(int size, QObject* parent)
    : QObject(parent), m_size(size), m_cache(4000), m_placeholder(makeMark(size, QColor(70, 70, 70), {})),
      m_broken(makeMark(size, QColor(90, 50, 50), QStringLiteral("?")))
{
    m_pool.setMaxThreadCount(2);
}

ThumbnailCache::~ThumbnailCache()
{
    m_pending.clear();
    m_pool.waitForDone();
}

QPixmap ThumbnailCache::thumbnail(const QString& path)
{
    if (const QPixmap* cached = m_cache.object(path))
        return *cached;
    if (!m_queued.contains(path)) {
        m_queued.insert(path);
        m_pending.push_front(path);
        while (m_pending.size() > MaxPending) {
            m_queued.remove(m_pending.back());
            m_pending.pop_back();
        }
        pump();
    }
    return {};
}

void ThumbnailCache::clear()
{
    m_cache.clear();
    m_pending.clear();
    m_queued.clear();
}

void ThumbnailCache::pump()
{
    while (m_inFlight < m_pool.maxThreadCount() && !m_pending.empty()) {
        const QString path = m_pending.front();
        m_pending.pop_front();
        ++m_inFlight;
        auto* watcher = new QFutureWatcher<QImage>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path]() {
            watcher->deleteLater();
            --m_inFlight;
            m_queued.remove(path);
            const QImage image = watcher->future().resultCount() ? watcher->result() : QImage();
            m_cache.insert(path, new QPixmap(image.isNull() ? m_broken : QPixmap::fromImage(image)));
            emit ready(path);
            pump();
        });
        watcher->setFuture(QtConcurrent::run(&m_pool, loadThumbnail, path, m_size));
    }
}

} // namespace saliscope::ui
