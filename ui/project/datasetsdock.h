// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QLabel;
class QTableView;

namespace saliscope {
class ProjectSession;
} // namespace saliscope

namespace saliscope::ui {

class DatasetListModel;
class ImageListModel;
class ProblemListModel;

/// The project's datasets (select one to browse it), the current one's class counts and its
/// unreadable files with reasons, and "Add dataset folder...".
class DatasetsDock final : public QDockWidget {
    Q_OBJECT

public:
    DatasetsDock(ProjectSession* session, ImageListModel* images, QWidget* parent = nullptr);
    DatasetListModel* model() const { return m_datasets; }
    ProblemListModel* problems() const { return m_problems; }
    /// The summary line of the current dataset ("real 30 · synthetic 30 · 0 unreadable").
    QString summary() const;
    /// Asks for a folder (or manifest with `manifest`) and its optional annotation and mask
    /// folders (DatasetFoldersDialog), and adds it.
    void addDataset(bool manifest = false);

private:
    void imagesReset();

    ProjectSession* m_session;
    ImageListModel* m_images;
    DatasetListModel* m_datasets;
    ProblemListModel* m_problems;
    QTableView* m_view;
    QTableView* m_problemView;
    QLabel* m_summary;
};

} // namespace saliscope::ui
