// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace saliscope::ui {

/// "Language" menu: the system language, English or Japanese, checked as in the settings.
/// A choice is stored at once and applies when Saliscope next starts (as in QGIS).
class LanguageMenu final : public QMenu {
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget* parent = nullptr);

signals:
    /// Emitted after a different language was stored; `code` is "" for the system language.
    void languageChosen(const QString& code);
};

} // namespace saliscope::ui
