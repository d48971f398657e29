// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/exportdialog.h"

#include "core/project/runparameters.h"
#include "core/store/projectstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <map>

namespace saliscope::ui {

namespace {

/// Posts the worker's progress and messages to the dialog (which may be gone by then).
class DialogSink final : public ProgressSink {
public:
    DialogSink(QPointer<QProgressBar> bar, QPointer<QLabel> status) : m_bar(std::move(bar)), m_status(std::move(status))
    {
    }
    void progress(std::int64_t done, std::int64_t total) override
    {
        QMetaObject::invokeMethod(qApp, [bar = m_bar, done, total] {
            if (bar) {
                bar->setRange(0, int(std::min<std::int64_t>(total, 1 << 30)));
                bar->setValue(int(std::min(done, total)));
            }
        });
    }
    void message(const std::string& text) override
    {
        QMetaObject::invokeMethod(qApp, [status = m_status, line = QString::fromStdString(text)] {
            if (status)
                status->setText(line);
        });
    }

private:
    QPointer<QProgressBar> m_bar;
    QPointer<QLabel> m_status;
};

QString defaultOutput(const QString& projectPath, ToolExportFormat format)
{
    const QFileInfo project(projectPath);
    const QString stem = project.absoluteDir().filePath(project.completeBaseName());
    switch (format) {
    case ToolExportFormat::Npz: return stem + QStringLiteral("-results.npz");
    case ToolExportFormat::FiftyOne: return stem + QStringLiteral("-fiftyone");
    case ToolExportFormat::Png: return stem + QStringLiteral("-maps");
    }
    return stem;
}

} // namespace

ExportDialog::ExportDialog(const QString& projectPath, ProjectStore* store, QWidget* parent)
    : QDialog(parent), m_projectPath(projectPath)
{
    setObjectName(QStringLiteral("ExportDialog"));
    setWindowTitle(tr("Export results"));

    m_runs = new QListWidget(this);
    m_runs->setObjectName(QStringLiteral("ExportRuns"));
    if (store) {
        std::map<std::int64_t, QString> datasetNames;
        if (auto datasets = store->datasets())
            for (const auto& dataset : datasets.value())
                datasetNames[dataset.id] = QString::fromStdString(dataset.title());
        if (auto runs = store->runs()) {
            for (const StoredRun& run : runs.value()) {
                const engine::CamMethod method = RunParameters::fromJson(run.parametersJson).settings.method;
                // What tells runs apart first; the dataset's name, which may be long, last.
                const QString text = tr("Run %1: %2, %3, %4, %5 rows \u2014 %6")
                                         .arg(run.id)
                                         .arg(QString::fromStdString(run.measure),
                                              QString::fromUtf8(engine::camMethodTitle(method)),
                                              QString::fromUtf8(runStatusName(run.status)))
                                         .arg(run.resultCount)
                                         .arg(datasetNames[run.datasetId]);
                auto* item = new QListWidgetItem(text, m_runs);
                item->setToolTip(text);
                item->setData(Qt::UserRole, qlonglong(run.id));
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(run.status == RunStatus::Finished ? Qt::Checked : Qt::Unchecked);
            }
        }
    }
    auto* runsBox = new QGroupBox(tr("Runs"), this);
    (new QVBoxLayout(runsBox))->addWidget(m_runs);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("ExportFormat"));
    m_format->addItem(tr("NumPy arrays (.npz)"), int(ToolExportFormat::Npz));
    m_format->addItem(tr("FiftyOne dataset (folder)"), int(ToolExportFormat::FiftyOne));
    m_format->addItem(tr("Salience maps as PNG (folder)"), int(ToolExportFormat::Png));
    m_maps = new QCheckBox(tr("Include the salience maps"), this);
    m_maps->setChecked(true);
    m_maps->setToolTip(tr("Maps the project does not hold yet are computed, as the viewer computes them"));
    m_upscaled = new QCheckBox(tr("Maps at the model's input size (upscaled)"), this);
    m_output = new QLineEdit(defaultOutput(projectPath, ToolExportFormat::Npz), this);
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_output, &QLineEdit::textChanged, this, &ExportDialog::updateExportButton);
    connect(m_runs, &QListWidget::itemChanged, this, &ExportDialog::updateExportButton);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(QString(), m_maps);
    form->addRow(QString(), m_upscaled);
    form->addRow(tr("Output:"), outputRow);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("ExportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (m_runs->count() == 0)
        m_status->setText(tr("The project has no measure runs yet: run the measures first."));
    m_progress = new QProgressBar(this);
    m_progress->hide();

    auto* buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(runsBox, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(640, 440);
    updateExportButton();
}

ExportDialog::~ExportDialog() { m_cancel.cancel(); }

ToolExportParams ExportDialog::params() const
{
    ToolExportParams params;
    params.projectPath = m_projectPath.toStdString();
    params.format = ToolExportFormat(m_format->currentData().toInt());
    for (int row = 0; row < m_runs->count(); ++row)
        if (m_runs->item(row)->checkState() == Qt::Checked)
            params.runIds.push_back(m_runs->item(row)->data(Qt::UserRole).toLongLong());
    params.maps = params.format == ToolExportFormat::Png || m_maps->isChecked();
    params.upscaled = m_upscaled->isChecked();
    params.output = m_output->text().trimmed().toStdString();
    return params;
}

void ExportDialog::setFormat(ToolExportFormat format) { m_format->setCurrentIndex(m_format->findData(int(format))); }

void ExportDialog::setOutputPath(const QString& path) { m_output->setText(path); }

void ExportDialog::formatChanged()
{
    const auto format = ToolExportFormat(m_format->currentData().toInt());
    // A path the user has not changed follows the format.
    if (m_output->text().trimmed() == defaultOutput(m_projectPath, m_lastFormat))
        m_output->setText(defaultOutput(m_projectPath, format));
    m_lastFormat = format;
    m_maps->setEnabled(format != ToolExportFormat::Png);
    updateExportButton();
}

void ExportDialog::browse()
{
    const auto format = ToolExportFormat(m_format->currentData().toInt());
    QString path;
    if (format == ToolExportFormat::Npz) {
        path = QFileDialog::getSaveFileName(this, tr("Export results"), m_output->text(), tr("NumPy arrays (*.npz)"));
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".npz");
    } else {
        path = QFileDialog::getExistingDirectory(this, tr("Export results"), m_output->text());
    }
    if (!path.isEmpty())
        m_output->setText(path);
}

void ExportDialog::updateExportButton()
{
    bool run = false;
    for (int row = 0; row < m_runs->count(); ++row)
        run = run || m_runs->item(row)->checkState() == Qt::Checked;
    m_export->setEnabled(!m_running && run && !m_output->text().trimmed().isEmpty());
}

void ExportDialog::startExport()
{
    if (m_running)
        return;
    const ToolExportParams params = this->params();
    m_running = true;
    m_cancel = CancelToken();
    updateExportButton();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Reading the runs\u2026"));
    m_progress->setRange(0, 0);
    m_progress->show();
    QPointer<ExportDialog> self(this);
    QPointer<QProgressBar> bar(m_progress);
    QPointer<QLabel> status(m_status);
    const CancelToken cancel = m_cancel;
    (void)QtConcurrent::run([self, bar, status, params, cancel] {
        DialogSink sink(bar, status);
        auto result = exportForTools(params, sink, cancel);
        QString error, summary;
        if (!result) {
            error = result.isCancelled() ? QString() : QString::fromStdString(result.error());
            if (result.isCancelled())
                error = QStringLiteral("cancelled");
        } else {
            summary = tr("%n runs, %1 maps (%2 computed)", nullptr, int(result->runIds.size()))
                          .arg(result->maps)
                          .arg(result->mapsComputed);
            if (!result->skipped.empty())
                summary += tr("; %n skipped", nullptr, int(result->skipped.size()));
        }
        QMetaObject::invokeMethod(qApp, [self, error, summary] {
            if (self)
                self->finish(error, summary);
        });
    });
}

void ExportDialog::finish(const QString& error, const QString& summary)
{
    m_running = false;
    m_progress->hide();
    updateExportButton();
    const QString path = m_output->text().trimmed();
    if (!error.isEmpty()) {
        const bool cancelled = m_cancel.isCancelled();
        m_status->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_status->setText(tr("The export failed: %1").arg(cancelled ? tr("cancelled") : error));
        emit exportFailed(error);
        if (cancelled)
            QDialog::reject();
        return;
    }
    m_status->setText(tr("Written: %1 (%2)").arg(path, summary));
    emit exported(path, summary);
    accept();
}

void ExportDialog::reject()
{
    if (m_running) {
        m_cancel.cancel();
        m_status->setText(tr("Cancelling\u2026"));
        return; // closes when the current batch has ended
    }
    QDialog::reject();
}

} // namespace saliscope::ui
