// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobs/jobmanager.h"
#include "core/measures/measuretable.h"
#include "ui/images/imagetable.h"
#include "ui/preview/measurepreviewcompute.h"

#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;

namespace saliscope {
class ModelCache;
class ProjectSession;
} // namespace saliscope

namespace saliscope::ui {

class MeasurePreviewCell;

/// "What the measures do to this image": for the current image and models, a grid with one row
/// per variant of the chosen measure (noise levels, the twelve transformations or the two
/// degradations, after the clean image) and one column per model; each cell shows the varied
/// input with the model's map and the values the measure stores for it. Computed on the
/// session's compute pool (one job per model) only while visible; a new image, model set or
/// measure cancels the jobs in flight. Failures go to the log.
class MeasurePreviewWidget final : public QWidget {
    Q_OBJECT

public:
    static constexpr int MaxModels = 6;

    explicit MeasurePreviewWidget(ProjectSession* session, QWidget* parent = nullptr);
    ~MeasurePreviewWidget() override;

    /// Previews `image` of the dataset `datasetId`.
    void setImage(const ImageEntry& image, std::int64_t datasetId);
    void clearImage();
    /// The models to preview; empty: the project's first MaxModels.
    void setModelIds(const std::vector<std::int64_t>& ids);
    /// Noise, Transforms or Degradation.
    void setMeasure(MeasureKind kind);
    MeasureKind measure() const { return m_measure; }

    /// Rows (clean first, then variants) and columns (models) of the grid.
    int rowCount() const { return int(m_rowKeys.size()); }
    int columnCount() const { return int(m_columns.size()); }
    MeasurePreviewCell* cell(int row, int column) const;
    QString rowTitle(int row) const;
    /// The computed column of a model, or null while it is not ready.
    const PreviewColumn* result(int column) const;
    std::int64_t modelId(int column) const { return m_columns[std::size_t(column)].modelId; }
    /// True when no job of the current preview is still running.
    bool isComplete() const;

signals:
    /// Every column of the current preview has its result or its failure.
    void previewFinished();

protected:
    void showEvent(QShowEvent* event) override;
    /// Hidden (another tab): unfinished jobs are cancelled so the viewer's maps come first; the
    /// finished columns stay, and the others are computed when the preview is shown again.
    void hideEvent(QHideEvent* event) override;

private:
    struct Column {
        std::int64_t modelId = 0;
        QString name;
        std::vector<std::string> classNames;
        int width = 0;
        bool done = false;
        std::shared_ptr<PreviewColumn> result;
        JobId job = 0;
    };

    void modelsChanged();
    void restart();
    /// Submits a job for every column without its result, now if visible, else when shown.
    void startPendingColumns();
    void cancelJobs();
    void rebuildGrid();
    void columnReady(std::uint64_t generation, std::size_t column, Result<PreviewColumn> result);
    void fillCell(int row, std::size_t column, const PreviewCell& cell, const PreviewCell& clean);
    int rowOf(const std::string& variant) const;
    void updateStatus();

    ProjectSession* m_session;
    std::shared_ptr<ModelCache> m_cache; ///< models loaded for previews, shared with the jobs in flight
    MeasureKind m_measure = MeasureKind::Noise;
    MeasureSettings m_settings;
    ImageEntry m_image;
    std::int64_t m_datasetId = 0;
    std::vector<std::int64_t> m_selected;
    std::vector<Column> m_columns;
    std::vector<std::string> m_rowKeys;
    std::vector<QString> m_rowTitles;
    std::vector<std::vector<MeasurePreviewCell*>> m_cells; ///< [row][column]
    std::uint64_t m_generation = 0;
    bool m_startWhenShown = true;

    QComboBox* m_measureBox = nullptr;
    QLabel* m_status = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_grid = nullptr;
    QGridLayout* m_gridLayout = nullptr;
};

} // namespace saliscope::ui
