// The GUI's demo offer: with the demo already built (tst_democlaims builds it first), the dialog
// reuses it and hands the project to the window within seconds.

#include "dialogs/demodialog.h"

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
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
        QVERIFY(ready.front().front().toString().endsWith("saliscope-demo/demo.saliscope"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestDemoDialog)
#include "tst_demodialog.moc"
