// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export results (issue 21): the dialog lists the project's runs, exports them off the GUI
// thread into the chosen format, and shows why an export failed. Writes tst_exportdialog.png (the
// dialog) into the build folder for people to look at.

#include "tests/ui/referenceproject.h"

#include "core/project/projectsession.h"
#include "core/store/projectstore.h"
#include "ui/mainwindow/exportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;
using namespace saliscope::ui;

class TestExportDialog final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        testing::isolateSettings("tst_exportdialog");
        QVERIFY(m_dir.isValid());
        auto dataset = testing::referenceFaces(QDir(m_dir.path()), {QStringLiteral("stylegan2_000700")});
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().c_str());
        m_project = QDir(m_dir.path()).filePath(QStringLiteral("faces.saliscope"));
        auto run = testing::runReferenceModels(dataset.value(), {MeasureKind::Entropy, MeasureKind::Noise}, m_project,
                                               2);
        QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());
        m_runs = int(run->runIds.size());
    }

    void listsTheRunsAndFollowsTheFormat()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        ExportDialog dialog(m_project, session.store());
        auto* runs = dialog.findChild<QListWidget*>(QStringLiteral("ExportRuns"));
        QVERIFY(runs);
        QCOMPARE(runs->count(), m_runs);
        for (int row = 0; row < runs->count(); ++row)
            QCOMPARE(runs->item(row)->checkState(), Qt::Checked); // finished runs start ticked
        QCOMPARE(dialog.params().runIds.size(), std::size_t(m_runs));
        QVERIFY(QString::fromStdString(dialog.params().output).endsWith("faces-results.npz"));
        dialog.setFormat(ToolExportFormat::FiftyOne);
        QVERIFY(QString::fromStdString(dialog.params().output).endsWith("faces-fiftyone"));
        dialog.setFormat(ToolExportFormat::Png);
        QVERIFY(QString::fromStdString(dialog.params().output).endsWith("faces-maps"));
        QVERIFY(dialog.params().maps);
        runs->item(0)->setCheckState(Qt::Unchecked);
        QCOMPARE(dialog.params().runIds.size(), std::size_t(m_runs - 1));
        dialog.setFormat(ToolExportFormat::Npz);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(QStringLiteral("tst_exportdialog.png"));
    }

    void exportsOffTheGuiThread()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        ExportDialog dialog(m_project, session.store());
        const QString npz = QDir(m_dir.path()).filePath(QStringLiteral("dialog.npz"));
        dialog.setOutputPath(npz);
        QSignalSpy exported(&dialog, &ExportDialog::exported);
        QSignalSpy failed(&dialog, &ExportDialog::exportFailed);
        dialog.show();
        dialog.startExport();
        QVERIFY(dialog.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(exported.count() + failed.count() == 1, 120000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(exported.at(0).at(0).toString(), npz);
        // Two images, two models, one method: four maps, none stored by a viewer yet.
        QCOMPARE(exported.at(0).at(1).toString(), QStringLiteral("%1 runs, 4 maps (4 computed)").arg(m_runs));
        QFile file(npz);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(4), QByteArray("PK\x03\x04", 4)); // a zip: NumPy's npz
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void showsWhyAnExportFailed()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        ExportDialog dialog(m_project, session.store());
        dialog.setOutputPath(QStringLiteral("/nonexistent/folder/x.npz"));
        QSignalSpy failed(&dialog, &ExportDialog::exportFailed);
        dialog.show();
        dialog.startExport();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
        auto* status = dialog.findChild<QLabel*>(QStringLiteral("ExportStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(
                     QStringLiteral("The export failed: cannot write /nonexistent/folder/x.npz: no such folder")),
                 qPrintable(status->text()));
        QVERIFY(dialog.isVisible()); // stays open with the reason
        QVERIFY(!dialog.isRunning());
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    int m_runs = 0;
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
