// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/cammethod.h"
#include "core/jobs/jobmanager.h"
#include "core/measures/runestimate.h"
#include "core/project/measurequeue.h"

#include <QDialog>

#include <map>
#include <vector>

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

/// "Run measures": the measures (with what each shows; the sanity checks only when ticked), the
/// salience methods (one run per ticked method, Grad-CAM by default), the models and families of
/// the project, the dataset, every measure parameter (docs/measures.md defaults, explained in
/// tooltips, reset to defaults), the device and batch size, and a live estimate of the work ("N
/// images x M models -> K forward passes", Score-CAM's masked passes included: the ticked models
/// are loaded in the background for their channel counts, assumed until then). Run queues the
/// runs on the MeasureQueue and closes; a refused run keeps the dialog open with the reason.
class LauncherDialog final : public QDialog {
    Q_OBJECT

public:
    LauncherDialog(ProjectSession* session, MeasureQueue* queue, QWidget* parent = nullptr);
    ~LauncherDialog() override;

    /// The run the ticked boxes and fields describe, by the first ticked method; an Error names a
    /// bad parameter or a missing choice.
    Result<RunRequest> request() const;
    /// One run per ticked method (settings.method set), in allCamMethods() order.
    Result<std::vector<RunRequest>> requests() const;
    /// The work of requests(), summed over the methods (zero when incomplete).
    RunEstimate estimate() const;
    /// The estimate line as shown.
    QString estimateText() const;

    void setMeasureChecked(MeasureKind measure, bool checked);
    void setMethodChecked(engine::CamMethod method, bool checked);
    /// The CAM-layer channels of a model as the estimate counts them (0 while not known).
    int modelChannels(std::int64_t modelId) const;
    /// Ticks a model (by id) or a family (by name) in the models list.
    void setModelChecked(std::int64_t modelId, bool checked);
    void setFamilyChecked(const QString& family, bool checked);
    void setDataset(std::int64_t datasetId);
    /// Sets a parameter's text field, as a user would type it.
    void setParameterText(const QString& key, const QString& text);
    /// Puts every parameter back to its docs/measures.md default.
    void resetParameters();
    QStandardItemModel* modelsList() const { return m_models; }

    /// Queues one run per ticked method; true when all are queued (then the dialog is accepted).
    bool queueRun();

signals:
    /// A model's channel count arrived from the background load (the estimate changed).
    void channelsKnown();

private:
    QWidget* makeMeasures();
    QWidget* makeMethods();
    /// The ticked salience methods, in allCamMethods() order.
    std::vector<engine::CamMethod> tickedMethods() const;
    /// The ids of the models request() runs (ticked ones and the ticked families' members).
    std::vector<std::int64_t> requestedModels(const RunRequest& request) const;
    /// Loads the ticked models in the background for their channel counts (Score-CAM ticked).
    void probeChannels();
    QWidget* makeModels();
    QWidget* makeParameters();
    void updateEstimate();

    ProjectSession* m_session;
    MeasureQueue* m_queue;
    std::map<MeasureKind, QCheckBox*> m_measures;
    std::map<engine::CamMethod, QCheckBox*> m_methods;
    std::map<std::int64_t, int> m_channels; ///< by model id, once loaded
    std::map<std::int64_t, JobId> m_probes; ///< channel loads queued or running
    QStandardItemModel* m_models;
    QComboBox* m_dataset;
    std::map<std::string, QWidget*> m_parameters; ///< a QLineEdit, or a QComboBox for a few names
    QComboBox* m_device;
    QSpinBox* m_batch;
    QLabel* m_estimate;
    QLabel* m_problem;
};

} // namespace saliscope::ui
