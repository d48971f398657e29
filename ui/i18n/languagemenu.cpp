// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/i18n/languagemenu.h"

#include "ui/i18n/language.h"

#include <QActionGroup>
#include <QMessageBox>

namespace saliscope::ui {

LanguageMenu::LanguageMenu(QWidget* parent) : QMenu(tr("&Language"), parent)
{
    auto* group = new QActionGroup(this);
    const QString current = configuredLanguage();
    for (const LanguageChoice& choice : availableLanguages()) {
        QAction* action = addAction(choice.nativeName);
        action->setCheckable(true);
        action->setChecked(choice.code == current);
        action->setData(choice.code);
        group->addAction(action);
    }
    connect(group, &QActionGroup::triggered, this, [this](QAction* action) {
        const QString code = action->data().toString();
        if (code == configuredLanguage())
            return;
        setConfiguredLanguage(code);
        emit languageChosen(code);
        QMessageBox::information(parentWidget(), tr("Language"),
                                 tr("The new language applies when Saliscope starts again."));
    });
}

} // namespace saliscope::ui
