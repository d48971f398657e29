// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI's demo offer: with the demo already built (tst_democlaims builds it first), the dialog
// reuses it and hands the project to the window within seconds.

#include "ui/mainwindow/demodialog.h"

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;

class TestDemoDialog final : public QObject {
    Q_OBJECT

private slots:
    void reusesTheBuiltDemo()
    {
        QTemporaryDir home;
        QVERIFY(QFile::link(QStringLiteral(SALISCOPE_DEMO_DIR), home.filePath("saliscope-demo")));
        qputenv("HOME", home.path().toUtf8());
        QCOMPARE(ui::DemoDialog::demoFolder(), home.filePath("saliscope-demo"));
        ui::DemoDialog dialog;
        dialog.show();
        QSignalSpy ready(&dialog, &ui::DemoDialog::projectReady);
        QPushButton* build = nullptr;
        for (auto* button : dialog.findChildren<QPushButton*>())
            if (button->text().contains("Build"))
                build = button;
        QVERIFY(build);
        build->click();
        QVERIFY(ready.wait(120000));
        // The demo is reached through the link; the project is named by its resolved path, so the
        // paths it records stay valid once the link is gone.
        const QString opened = ready.front().front().toString();
        QCOMPARE(QFileInfo(opened).canonicalFilePath(),
                 QFileInfo(home.filePath("saliscope-demo/demo.saliscope")).canonicalFilePath());
        QVERIFY2(!opened.startsWith(home.path()), qPrintable(opened));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestDemoDialog)
#include "tst_demodialog.moc"
