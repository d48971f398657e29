// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jobs/progress.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace saliscope::ui {

/// Offers the built-in demo (faces, two trained model families, all five measures) and builds
/// it on a worker thread with its log shown live; emits projectReady() with the project path.
/// An existing demo in the folder is reused, so opening it again takes seconds.
class DemoDialog final : public QDialog {
    Q_OBJECT

public:
    explicit DemoDialog(QWidget* parent = nullptr);
    ~DemoDialog() override;

    /// The folder the demo is built in: ~/saliscope-demo.
    static QString demoFolder();

signals:
    void projectReady(const QString& projectPath);

protected:
    void reject() override;

private:
    void start();
    void appendLog(const QString& line);
    void finished(const QString& projectPath, const QString& error);

    QLabel* m_intro = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QPushButton* m_build = nullptr;
    CancelToken m_cancel;
    bool m_running = false;
};

} // namespace saliscope::ui
