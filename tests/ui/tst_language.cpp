// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The Japanese translation: complete (no unfinished or empty message in the .ts), loaded for the
// configured or system language, and shown in the main window's menus; a screenshot of the
// Japanese main window is written beside the test executable.
#include "ui/i18n/language.h"
#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QDomDocument>
#include <QFile>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace saliscope::ui;

class LanguageTest final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void tsFileIsComplete()
    {
        QFile file(QStringLiteral(SALISCOPE_SOURCE_DIR "/translations/saliscope_ja.ts"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QDomDocument document;
        QVERIFY(document.setContent(&file));
        const QDomNodeList messages = document.elementsByTagName(QStringLiteral("message"));
        QVERIFY2(messages.size() > 100, "the .ts holds too few messages: was lupdate run?");
        QStringList missing;
        for (int i = 0; i < messages.size(); ++i) {
            const QDomElement message = messages.at(i).toElement();
            const QDomElement translation = message.firstChildElement(QStringLiteral("translation"));
            const QString source = message.firstChildElement(QStringLiteral("source")).text();
            const bool plural = message.attribute(QStringLiteral("numerus")) == QLatin1String("yes");
            const QString text = plural ? translation.firstChildElement(QStringLiteral("numerusform")).text()
                                        : translation.text();
            if (translation.attribute(QStringLiteral("type")) == QLatin1String("unfinished") || text.isEmpty())
                missing << source;
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 untranslated, first: %2").arg(missing.size()).arg(missing.value(0))));
    }

    void systemLocaleDecidesWhenNothingIsConfigured()
    {
        QCOMPARE(effectiveLanguage(QStringLiteral("ja")), QStringLiteral("ja"));
        QCOMPARE(effectiveLanguage(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(effectiveLanguage(QStringLiteral("fr")), QStringLiteral("en")); // not shipped: English
        QLocale::setDefault(QLocale(QStringLiteral("ja_JP")));
        setConfiguredLanguage(QString());
        QCOMPARE(configuredLanguage(), QString());
        setConfiguredLanguage(QStringLiteral("ja"));
        QCOMPARE(configuredLanguage(), QStringLiteral("ja"));
    }

    void japaneseMenusAndScreenshot()
    {
        QCOMPARE(installTranslations(*qApp, QStringLiteral("ja")), QStringLiteral("ja"));
        QCOMPARE(QCoreApplication::translate("saliscope::ui::MainWindow", "&File"), QStringLiteral("ファイル(&F)"));
        // The About box's licence paragraph is translated and still names the licence.
        const QString licence = QCoreApplication::translate(
            "saliscope::ui::MainWindow",
            "<p>Saliscope is free software: you may redistribute and modify it under the terms of the GNU General "
            "Public License, version 3 or later (GPL-3.0-or-later). It comes with NO WARRANTY, to the extent "
            "permitted by law. The licence text is in the file LICENSE of the source code and at "
            "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">https://www.gnu.org/licenses/gpl-3.0.html</a>.</p>");
        QVERIFY2(licence.contains(QStringLiteral("無保証")) && licence.contains(QLatin1String("GPL-3.0-or-later"))
                     && licence.contains(QLatin1String("LICENSE")),
                 qPrintable(licence));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList titles;
        for (QAction* action : window.menuBar()->actions())
            titles << action->text();
        QVERIFY2(titles.contains(QStringLiteral("ファイル(&F)")), qPrintable(titles.join(QLatin1Char(' '))));
        QVERIFY2(titles.contains(QStringLiteral("ヘルプ(&H)")), qPrintable(titles.join(QLatin1Char(' '))));
        QTest::qWait(200);
        const QString shot = QCoreApplication::applicationDirPath() + QStringLiteral("/tst_language-japanese.png");
        QVERIFY(window.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));
    }
};

QTEST_MAIN(LanguageTest)
#include "tst_language.moc"
