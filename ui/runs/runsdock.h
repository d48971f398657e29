// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QFrame;
class QLabel;
class QPushButton;
class QTableView;

namespace saliscope {
class MeasureQueue;
class ProjectSession;
} // namespace saliscope

namespace saliscope::ui {

class RunListModel;
class SkippedListModel;

/// The measure runs of this session: a table with progress bars, images/s, ETA and a cancel
/// button per queued or running run; below, the selected run's state and its skipped images
/// with reasons; on top, a banner offering to resume runs an earlier session left unfinished.
class RunsDock final : public QDockWidget {
    Q_OBJECT

public:
    /// `session` gives each run's salience method (from its stored parameters); without one the
    /// method column stays empty.
    explicit RunsDock(MeasureQueue* queue, ProjectSession* session = nullptr, QWidget* parent = nullptr);
    RunListModel* model() const { return m_model; }
    SkippedListModel* skipped() const { return m_skipped; }
    QTableView* view() const { return m_view; }
    /// The banner's text ("" when hidden).
    QString bannerText() const;

private:
    void updateBanner();
    void updateCancelButtons();
    void updateDetails();

    MeasureQueue* m_queue;
    RunListModel* m_model;
    SkippedListModel* m_skipped;
    QTableView* m_view;
    QTableView* m_skippedView;
    QFrame* m_banner;
    QLabel* m_bannerText;
    QLabel* m_details;
};

} // namespace saliscope::ui
