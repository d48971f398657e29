// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/demodialog.h"

#include "core/demo/demoproject.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace saliscope::ui {

namespace {

/// Forwards the demo's messages to the dialog on the GUI thread (the dialog may be gone).
class DialogLog final : public ProgressSink {
public:
    explicit DialogLog(std::function<void(const QString&)> post) : m_post(std::move(post)) {}
    void progress(std::int64_t done, std::int64_t total) override
    {
        if (total > 0 && (done == total || done % 25 == 0))
            m_post(QObject::tr("%1 of %2 images measured").arg(done).arg(total));
    }
    void message(const std::string& text) override { m_post(QString::fromStdString(text)); }

private:
    std::function<void(const QString&)> m_post;
};

} // namespace

DemoDialog::DemoDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Saliscope demo"));
    m_intro = new QLabel(tr("<p>No project is open. Saliscope can build its demo here, with no download:</p>"
                            "<ul><li>2,000 face images (real photographs and synthetic twins carrying generator "
                            "artefacts) with human-style annotations,</li>"
                            "<li>two families of five small detectors trained on them, with cross-entropy and "
                            "with CYBORG's human-guided loss,</li>"
                            "<li>all five salience measures on the test images.</li></ul>"
                            "<p>It takes about ten minutes on two cores the first time, seconds afterwards, "
                            "in <tt>%1</tt>.</p>")
                             .arg(demoFolder().toHtmlEscaped()),
                         this);
    m_intro->setWordWrap(true);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->hide();
    auto* buttons = new QDialogButtonBox(this);
    m_build = buttons->addButton(tr("Build the demo"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_build, &QPushButton::clicked, this, &DemoDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &DemoDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_log, 1);
    layout->addWidget(buttons);
    resize(640, 360);
}

DemoDialog::~DemoDialog() { m_cancel.cancel(); }

QString DemoDialog::demoFolder() { return QDir::home().filePath(QStringLiteral("saliscope-demo")); }

void DemoDialog::reject()
{
    if (m_running) {
        m_cancel.cancel();
        appendLog(tr("Cancelling\u2026"));
        return; // closes when the worker has stopped
    }
    QDialog::reject();
}

void DemoDialog::start()
{
    m_running = true;
    m_build->setEnabled(false);
    m_log->show();
    appendLog(tr("Building the demo in %1").arg(demoFolder()));
    QPointer<DemoDialog> self(this);
    auto post = [self](const QString& line) {
        QMetaObject::invokeMethod(qApp, [self, line] {
            if (self)
                self->appendLog(line);
        });
    };
    const CancelToken cancel = m_cancel;
    (void)QtConcurrent::run([self, post, cancel] {
        DemoParams params;
        params.outputDirectory = demoFolder().toStdString();
        DialogLog log(post);
        auto result = runDemo(params, log, cancel);
        const QString project = result ? QString::fromStdString(result->projectPath) : QString();
        const QString error = result ? QString() : QString::fromStdString(result.error());
        QMetaObject::invokeMethod(qApp, [self, project, error] {
            if (self)
                self->finished(project, error);
        });
    });
}

void DemoDialog::appendLog(const QString& line) { m_log->appendPlainText(line); }

void DemoDialog::finished(const QString& projectPath, const QString& error)
{
    m_running = false;
    if (!error.isEmpty()) {
        appendLog(tr("The demo could not be built: %1").arg(error));
        m_build->setEnabled(true);
        if (m_cancel.isCancelled())
            QDialog::reject();
        return;
    }
    emit projectReady(projectPath);
    accept();
}

} // namespace saliscope::ui
