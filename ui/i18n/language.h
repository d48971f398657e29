// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace saliscope::ui {

/// The interface languages Saliscope ships, as (code, native name) pairs; "" means the system's.
struct LanguageChoice final {
    QString code;       ///< "" (follow the system locale), "en", "ja"
    QString nativeName; ///< shown in the language menu, in its own language
};

/// The choices for the language menu, the system default first.
QList<LanguageChoice> availableLanguages();

/// The language stored in the settings ("" when the system locale decides).
QString configuredLanguage();

/// Stores the language chosen in the settings; it applies at the next start.
void setConfiguredLanguage(const QString& code);

/// Resolves a setting ("" = system) to the code of a shipped translation ("en" when none fits).
QString effectiveLanguage(const QString& configured);

/// Installs Saliscope's and Qt's translators for `code` ("" = the configured or system language)
/// on the application. Returns the language installed ("en" needs no translator). The .qm files
/// are read from the installed share/saliscope/translations folder when present, else from the
/// copy compiled into the program.
QString installTranslations(QCoreApplication& application, const QString& code = {});

} // namespace saliscope::ui
