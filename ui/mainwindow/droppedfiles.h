// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QMimeData;

namespace saliscope::ui {

/// What a file or folder dropped on the main window is used as.
enum class DroppedKind {
    Project, ///< a .saliscope file: opened
    Model,   ///< a TorchScript file (.pt, .pth, .ts): added to the open project
    Dataset, ///< a folder, or a .csv manifest: added to the open project
    Unusable ///< anything else: a message in the log
};

/// The kind of a dropped local path, by what it is (folder) and its file suffix.
DroppedKind droppedKind(const QString& path);

/// The local files and folders of a drag (URLs that are not local files are left out).
QStringList droppedPaths(const QMimeData* mime);

} // namespace saliscope::ui
