// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/droppedfiles.h"

#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace saliscope::ui {

DroppedKind droppedKind(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return DroppedKind::Dataset;
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("saliscope"))
        return DroppedKind::Project;
    if (suffix == QLatin1String("pt") || suffix == QLatin1String("pth") || suffix == QLatin1String("ts"))
        return DroppedKind::Model;
    if (suffix == QLatin1String("csv"))
        return DroppedKind::Dataset;
    return DroppedKind::Unusable;
}

QStringList droppedPaths(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

} // namespace saliscope::ui
