// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/reportdialog.h"

#include "core/project/measureresults.h"
#include "core/project/runparameters.h"
#include "ui/i18n/language.h"
#include "ui/report/reportbuilder.h"
#include "ui/report/reportcontent.h"
#include "ui/report/reporttext.h"
#include "core/store/projectstore.h"

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
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <set>

namespace saliscope::ui {

namespace {

/// Posts the worker's messages to the dialog's status line (the dialog may be gone).
class StatusSink final : public ProgressSink {
public:
    explicit StatusSink(std::function<void(const QString&)> post) : m_post(std::move(post)) {}
    void progress(std::int64_t, std::int64_t) override {}
    void message(const std::string& text) override { m_post(QString::fromStdString(text)); }

private:
    std::function<void(const QString&)> m_post;
};

} // namespace

ReportDialog::ReportDialog(const QString& projectPath, ProjectStore* store, QWidget* parent)
    : QDialog(parent), m_projectPath(projectPath)
{
    setObjectName(QStringLiteral("ReportDialog"));
    setWindowTitle(tr("Export report"));

    // What the project's run set (the one the report reads) has.
    QStringList modelNames;
    std::set<MeasureKind> present;
    if (store) {
        if (auto runs = store->runs()) {
            const auto sets = groupRunSets(runs.value());
            const int preferred = preferredRunSet(sets, 0);
            if (preferred >= 0) {
                const RunSet& set = sets[std::size_t(preferred)];
                for (const auto& [kind, id] : set.runIds)
                    present.insert(kind);
                for (const auto& name : RunParameters::fromJson(set.parametersJson).modelNames())
                    modelNames.append(QString::fromStdString(name));
            }
        }
    }

    m_models = new QListWidget(this);
    for (const QString& name : modelNames) {
        auto* item = new QListWidgetItem(name, m_models);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    auto* modelsBox = new QGroupBox(tr("Models"), this);
    (new QVBoxLayout(modelsBox))->addWidget(m_models);

    auto* measuresBox = new QGroupBox(tr("Measures"), this);
    auto* measuresLayout = new QVBoxLayout(measuresBox);
    for (auto kind : reportMeasureOrder()) {
        auto* box = new QCheckBox(ReportText::choiceTitle(kind), measuresBox);
        box->setEnabled(present.count(kind) > 0);
        box->setChecked(present.count(kind) > 0);
        if (!present.count(kind))
            box->setToolTip(tr("The project has no results of this measure"));
        measuresLayout->addWidget(box);
        m_measures[kind] = box;
        connect(box, &QCheckBox::toggled, this, &ReportDialog::updateExportButton);
    }
    measuresLayout->addStretch(1);

    m_pageSize = new QComboBox(this);
    m_pageSize->addItem(tr("A4"), int(ReportPageSize::A4));
    m_pageSize->addItem(tr("Letter"), int(ReportPageSize::Letter));
    const QLocale::Territory territory = QLocale().territory();
    if (territory == QLocale::UnitedStates || territory == QLocale::Canada || territory == QLocale::Mexico)
        m_pageSize->setCurrentIndex(1);
    m_output = new QLineEdit(this);
    const QFileInfo project(projectPath);
    m_output->setText(project.absoluteDir().filePath(project.completeBaseName() + QStringLiteral("-review.pdf")));
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    connect(browse, &QPushButton::clicked, this, &ReportDialog::browse);
    connect(m_output, &QLineEdit::textChanged, this, &ReportDialog::updateExportButton);
    connect(m_models, &QListWidget::itemChanged, this, &ReportDialog::updateExportButton);
    auto* outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Paper size:"), m_pageSize);
    form->addRow(tr("File:"), outputRow);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    if (modelNames.isEmpty())
        m_status->setText(tr("The project has no measure results yet: run the measures first."));
    m_progress = new QProgressBar(this);
    m_progress->hide();

    auto* buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_export, &QPushButton::clicked, this, &ReportDialog::startExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReportDialog::reject);

    auto* choices = new QHBoxLayout;
    choices->addWidget(modelsBox, 1);
    choices->addWidget(measuresBox, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(choices, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(620, 420);
    updateExportButton();
}

ReportDialog::~ReportDialog() { m_cancel.cancel(); }

ReportOptions ReportDialog::options() const
{
    ReportOptions options;
    options.projectPath = m_projectPath;
    options.outputPath = m_output->text().trimmed();
    bool all = true;
    QStringList models;
    for (int row = 0; row < m_models->count(); ++row) {
        if (m_models->item(row)->checkState() == Qt::Checked)
            models.append(m_models->item(row)->text());
        else
            all = false;
    }
    if (!all)
        options.models = models;
    for (const auto& [kind, box] : m_measures)
        if (box->isEnabled() && box->isChecked())
            options.measures.insert(kind);
    options.pageSize = ReportPageSize(m_pageSize->currentData().toInt());
    options.language = effectiveLanguage(configuredLanguage());
    return options;
}

void ReportDialog::setOutputPath(const QString& path) { m_output->setText(path); }

void ReportDialog::browse()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export report"), m_output->text(), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".pdf");
    m_output->setText(path);
}

void ReportDialog::updateExportButton()
{
    bool model = false, measure = false;
    for (int row = 0; row < m_models->count(); ++row)
        model = model || m_models->item(row)->checkState() == Qt::Checked;
    for (const auto& [kind, box] : m_measures)
        measure = measure || (box->isEnabled() && box->isChecked());
    m_export->setEnabled(!m_running && model && measure && !m_output->text().trimmed().isEmpty());
}

void ReportDialog::startExport()
{
    if (m_running)
        return;
    m_options = options();
    m_running = true;
    m_cancel = CancelToken();
    updateExportButton();
    m_progress->show();
    m_progress->setRange(0, 0);
    m_status->setText(tr("Reading the project and computing the gallery's maps\u2026"));
    QPointer<ReportDialog> self(this);
    auto post = [self](const QString& line) {
        QMetaObject::invokeMethod(qApp, [self, line] {
            if (self && self->m_running)
                self->m_status->setText(line);
        });
    };
    const ReportOptions options = m_options;
    const CancelToken cancel = m_cancel;
    (void)QtConcurrent::run([self, post, options, cancel] {
        StatusSink sink(post);
        auto loaded = loadReportContent(options, sink, cancel);
        std::shared_ptr<ReportContent> content;
        QString error;
        if (loaded)
            content = std::make_shared<ReportContent>(std::move(loaded).value());
        else
            error = QString::fromStdString(loaded.error());
        QMetaObject::invokeMethod(qApp, [self, content, error] {
            if (self)
                self->contentLoaded(content, error);
        });
    });
}

void ReportDialog::contentLoaded(std::shared_ptr<ReportContent> content, const QString& error)
{
    if (!content || m_cancel.isCancelled()) {
        finish(m_cancel.isCancelled() ? tr("cancelled") : error);
        return;
    }
    m_content = std::move(content);
    m_builder = std::make_unique<ReportBuilder>(*m_content, m_options);
    if (auto status = m_builder->begin(); !status) {
        finish(QString::fromStdString(status.error()));
        return;
    }
    m_step = 0;
    m_progress->setRange(0, m_builder->stepCount());
    m_progress->setValue(0);
    QTimer::singleShot(0, this, &ReportDialog::paintNextStep);
}

void ReportDialog::paintNextStep()
{
    if (m_cancel.isCancelled()) {
        finish(tr("cancelled"));
        return;
    }
    if (m_step >= m_builder->stepCount()) {
        auto pages = m_builder->finish();
        finish(pages ? QString() : QString::fromStdString(pages.error()), pages ? pages.value() : 0);
        return;
    }
    m_status->setText(tr("Drawing: %1").arg(m_builder->stepName(m_step)));
    m_builder->step(m_step);
    m_progress->setValue(++m_step);
    QTimer::singleShot(0, this, &ReportDialog::paintNextStep);
}

void ReportDialog::finish(const QString& error, int pages)
{
    m_running = false;
    m_builder.reset(); // an unfinished report's temporary file is removed here
    m_content.reset();
    m_progress->hide();
    updateExportButton();
    if (!error.isEmpty()) {
        m_status->setText(tr("The report was not written: %1").arg(error));
        emit reportFailed(error);
        if (m_cancel.isCancelled())
            QDialog::reject();
        return;
    }
    m_status->setText(tr("Written: %1 (%2 pages)").arg(m_options.outputPath).arg(pages));
    emit reportWritten(m_options.outputPath, pages);
    accept();
}

void ReportDialog::reject()
{
    if (m_running) {
        m_cancel.cancel();
        m_status->setText(tr("Cancelling\u2026"));
        return; // closes when the current step has ended
    }
    QDialog::reject();
}

} // namespace saliscope::ui
