// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/i18n/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace saliscope::ui {

namespace {

const QString languageKey = QStringLiteral("ui/language");

/// Folders searched for saliscope_<code>.qm, installed copy first, compiled-in copy last. The
/// programs in bin/ find share/ one folder up, saliscope-report in libexec/saliscope/ two.
QStringList translationFolders()
{
    const QString applicationDir = QCoreApplication::applicationDirPath();
    return {applicationDir + QStringLiteral("/../share/saliscope/translations"),
            applicationDir + QStringLiteral("/../../share/saliscope/translations"), QStringLiteral(":/i18n")};
}

bool loadInto(QTranslator& translator, const QString& fileName, const QStringList& folders)
{
    for (const QString& folder : folders) {
        if (translator.load(fileName, folder))
            return true;
    }
    return false;
}

} // namespace

QList<LanguageChoice> availableLanguages()
{
    return {{QString(), QCoreApplication::translate("saliscope::ui::Language", "System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("ja"), QStringLiteral("日本語")}};
}

QString configuredLanguage() { return QSettings().value(languageKey).toString(); }

void setConfiguredLanguage(const QString& code) { QSettings().setValue(languageKey, code); }

QString effectiveLanguage(const QString& configured)
{
    QString code = configured;
    if (code.isEmpty()) {
        // LANGUAGE/LC_ALL/LANG decide the system locale; uiLanguages() lists them in order.
        for (const QString& name : QLocale::system().uiLanguages()) {
            const QString language = name.section(QLatin1Char('-'), 0, 0).toLower();
            if (language == QLatin1String("ja") || language == QLatin1String("en")) {
                code = language;
                break;
            }
        }
    }
    return code == QLatin1String("ja") ? code : QStringLiteral("en");
}

QString installTranslations(QCoreApplication& application, const QString& code)
{
    const QString language = effectiveLanguage(code.isEmpty() ? configuredLanguage() : code);
    if (language == QLatin1String("en"))
        return language;
    auto* ours = new QTranslator(&application);
    if (!loadInto(*ours, QStringLiteral("saliscope_") + language, translationFolders())) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard dialogs, buttons) when Debian's qt6-translations-l10n is present.
    auto* qt = new QTranslator(&application);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(QLocale(language));
    return language;
}

} // namespace saliscope::ui
