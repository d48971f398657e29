// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/runestimate.h"
#include "core/project/measurequeue.h"

#include <QDialog>

#include <map>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStandardItemModel;

namespace saliscope {
class ProjectSession;
} // namespace saliscope

namespace saliscope::ui {

/// "Run measures": the measures (with what each shows), the models and families of the project,
/// the dataset, every measure parameter (docs/measures.md defaults, explained in tooltips, reset to
/// defaults), the device and batch size, and a live estimate of the work ("N images x M models
/// -> K forward passes"). Run queues the run on the MeasureQueue and closes; a refused run
/// keeps the dialog open with the reason.
class LauncherDialog final : public QDialog {
    Q_OBJECT

public:
    LauncherDialog(ProjectSession* session, MeasureQueue* queue, QWidget* parent = nullptr);

    /// The run the ticked boxes and fields describe; an Error names a bad parameter or a
    /// missing choice.
    Result<RunRequest> request() const;
    /// The work of request() (zero when it is incomplete).
    RunEstimate estimate() const;
    /// The estimate line as shown.
    QString estimateText() const;

    void setMeasureChecked(MeasureKind measure, bool checked);
    /// Ticks a model (by id) or a family (by name) in the models list.
    void setModelChecked(std::int64_t modelId, bool checked);
    void setFamilyChecked(const QString& family, bool checked);
    void setDataset(std::int64_t datasetId);
    /// Sets a parameter's text field, as a user would type it.
    void setParameterText(const QString& key, const QString& text);
    /// Puts every parameter back to its docs/measures.md default.
    void resetParameters();
    QStandardItemModel* modelsList() const { return m_models; }

    /// Queues the run; true when queued (then the dialog is accepted).
    bool queueRun();

private:
    QWidget* makeMeasures();
    QWidget* makeModels();
    QWidget* makeParameters();
    void updateEstimate();

    ProjectSession* m_session;
    MeasureQueue* m_queue;
    std::map<MeasureKind, QCheckBox*> m_measures;
    QStandardItemModel* m_models;
    QComboBox* m_dataset;
    std::map<std::string, QWidget*> m_parameters; ///< a QLineEdit, or a QComboBox for a few names
    QComboBox* m_device;
    QSpinBox* m_batch;
    QLabel* m_estimate;
    QLabel* m_problem;
};

} // namespace saliscope::ui
