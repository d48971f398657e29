// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobs/progress.h"
#include "core/project/toolexport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace saliscope {
class ProjectStore;
}

namespace saliscope::ui {

/// File > Export results: the runs, the format (NumPy .npz, FiftyOne dataset, PNG maps), maps or
/// not, and the output; then exportForTools on a worker thread (its own read-only connection),
/// with its progress shown, Cancel honoured between batches and errors shown in the dialog.
class ExportDialog final : public QDialog {
    Q_OBJECT

public:
    /// `store` (GUI thread) lists the project's runs; finished ones start ticked.
    ExportDialog(const QString& projectPath, ProjectStore* store, QWidget* parent = nullptr);
    ~ExportDialog() override;

    /// What the form describes.
    ToolExportParams params() const;
    void setFormat(ToolExportFormat format);
    void setOutputPath(const QString& path);
    /// Starts the export, as the Export button does.
    void startExport();
    bool isRunning() const { return m_running; }

signals:
    /// The export was written (the dialog then closes).
    void exported(const QString& path, const QString& summary);
    /// The export failed or was cancelled; the dialog stays open with the reason.
    void exportFailed(const QString& error);

protected:
    void reject() override;

private:
    void browse();
    void formatChanged();
    void updateExportButton();
    void finish(const QString& error, const QString& summary);

    QString m_projectPath;
    QListWidget* m_runs = nullptr;
    QComboBox* m_format = nullptr;
    QCheckBox* m_maps = nullptr;
    QCheckBox* m_upscaled = nullptr;
    QLineEdit* m_output = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_export = nullptr;
    CancelToken m_cancel;
    bool m_running = false;
    ToolExportFormat m_lastFormat = ToolExportFormat::Npz;
};

} // namespace saliscope::ui
