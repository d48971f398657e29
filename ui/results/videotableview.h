// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QLabel;
class QStandardItemModel;
class QTableView;

namespace saliscope {
struct MeasureResults;
} // namespace saliscope

namespace saliscope::ui {

class ImageSelection;

/// The per-video results of a run set whose images are video frames (the summary's models'
/// `videos`, docs/measures.md "Groups and videos"): per model the video-level accuracy and ROC
/// AUC above a table of the videos (model, video, label, group, frames, video score, predicted,
/// right or wrong, frame accuracy). A click on a video selects its frames in the shared
/// ImageSelection (so the image list shows them).
class VideoTableView final : public QWidget {
    Q_OBJECT

public:
    enum Column {
        ModelColumn,
        VideoColumn,
        LabelColumn,
        GroupColumn,
        FramesColumn,
        ScoreColumn,
        PredictedColumn,
        CorrectColumn,
        FrameAccuracyColumn,
        ColumnCount
    };

    explicit VideoTableView(ImageSelection* selection, QWidget* parent = nullptr);

    /// Shows the videos of `results` (none when null or without video frames).
    void setResults(std::shared_ptr<const MeasureResults> results);
    /// Whether the results shown have videos.
    bool hasVideos() const;
    QStandardItemModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    /// The per-model video-level accuracy and ROC AUC line.
    QString headline() const;
    /// The dataset positions of a video's frames (by its path as the table shows it).
    std::vector<std::int64_t> framesOf(const QString& video) const;

private:
    void selectVideo(int row);

    ImageSelection* m_selection;
    QLabel* m_headline;
    QStandardItemModel* m_model;
    QTableView* m_view;
    std::shared_ptr<const MeasureResults> m_results;
};

} // namespace saliscope::ui
