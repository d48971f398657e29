// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobs/progress.h"
#include "ui/report/reportoptions.h"

#include <QDialog>

#include <map>
#include <memory>

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

class ReportBuilder;
struct ReportContent;

/// File > Export report: picks the models, measures, paper size and file, then writes the PDF.
/// The project is read and the gallery's maps computed on a worker thread; the pages are then
/// painted on the GUI thread one section per event-loop turn (the charts are widgets), with
/// progress shown and Cancel honoured between steps.
class ReportDialog final : public QDialog {
    Q_OBJECT

public:
    /// `store` (GUI thread) lists the models and measures of the project's run set.
    ReportDialog(const QString& projectPath, ProjectStore* store, QWidget* parent = nullptr);
    ~ReportDialog() override;

    /// The options the form describes.
    ReportOptions options() const;
    void setOutputPath(const QString& path);
    /// Starts writing the report, as the Export button does.
    void startExport();
    bool isRunning() const { return m_running; }

signals:
    /// The report was written (the dialog then closes).
    void reportWritten(const QString& path, int pages);
    /// Writing failed or was cancelled; the dialog stays open with the reason.
    void reportFailed(const QString& error);

protected:
    void reject() override;

private:
    void browse();
    void updateExportButton();
    void contentLoaded(std::shared_ptr<ReportContent> content, const QString& error);
    void paintNextStep();
    void finish(const QString& error, int pages = 0);

    QString m_projectPath;
    QListWidget* m_models = nullptr;
    std::map<MeasureKind, QCheckBox*> m_measures;
    QComboBox* m_pageSize = nullptr;
    QLineEdit* m_output = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_export = nullptr;
    CancelToken m_cancel;
    bool m_running = false;
    ReportOptions m_options;
    std::shared_ptr<ReportContent> m_content;
    std::unique_ptr<ReportBuilder> m_builder;
    int m_step = 0;
};

} // namespace saliscope::ui
