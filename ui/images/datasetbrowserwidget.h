// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <cstdint>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace saliscope {
class ProjectSession;
} // namespace saliscope

namespace saliscope::ui {

class ImageFilterProxyModel;
class ImageListModel;

/// The current dataset's images as a table or a thumbnail grid (one model, one proxy, one
/// selection), with a filter bar: class, group (shown when the dataset has more than one),
/// correct or incorrect, models disagree, text. Reads the
/// table from the project on the I/O pool whenever the dataset, the models or the runs change.
class DatasetBrowserWidget final : public QWidget {
    Q_OBJECT

public:
    DatasetBrowserWidget(ProjectSession* session, ImageListModel* images, QWidget* parent = nullptr);

    ImageFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* tableView() const { return m_table; }
    QListView* gridView() const { return m_grid; }
    /// The ImageListModel row of the current image, or -1.
    int currentRow() const;
    /// The current image's place in the filtered list, "12 of 340".
    QString positionText() const;
    /// Moves the current image by `delta` rows of the filtered, sorted list (clamped).
    void moveCurrent(int delta);
    /// Shows the grid (true) or the table.
    void setGridMode(bool grid);
    /// Re-reads the table of the current dataset.
    void reload();

    void setClassFilter(int label);
    /// Shows only the images of `group`; a null string for every group.
    void setGroupFilter(const QString& group);
    void setCorrectnessFilter(int index); ///< 0 any, 1 correct, 2 incorrect
    void setDisagreementOnly(bool only);
    void setTextFilter(const QString& text);
    /// Writes the filtered list, in its shown order, as CSV (writeImageTableCsv's columns); the
    /// outcome also goes to the log. Returns false on failure.
    bool exportShownList(const QString& path);

signals:
    /// The current image or its place in the list changed (an ImageListModel row, -1 for none).
    void currentImageChanged(int row);
    /// A table finished loading (rows may be 0).
    void tableLoaded();

private:
    void currentChanged();
    void updateCount();
    void updateClassFilter();
    void updateGroupFilter();
    void chooseExportFile();

    ProjectSession* m_session;
    ImageListModel* m_images;
    ImageFilterProxyModel* m_proxy;
    QTableView* m_table;
    QListView* m_grid;
    QStackedWidget* m_stack;
    QComboBox* m_class;
    QComboBox* m_group;
    QComboBox* m_correctness;
    QCheckBox* m_disagree;
    QLineEdit* m_text;
    QToolButton* m_tableButton;
    QToolButton* m_gridButton;
    QLabel* m_count;
    QToolButton* m_export;
    std::uint64_t m_generation = 0;
    QString m_unreadableShown; ///< the unreadable runs last reported to the log, to say it once
};

} // namespace saliscope::ui
