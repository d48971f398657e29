// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/runtime.h"
#include "ui/i18n/language.h"
#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Saliscope"));
    QApplication::setOrganizationName(QStringLiteral("Saliscope"));
    QApplication::setApplicationVersion(QString::fromStdString(saliscope::engine::saliscopeVersion()));
    saliscope::ui::installTranslations(application);
    // The window icon from resources/saliscope.qrc; the desktop file name ties the windows to the
    // installed io.github.saliscope.Saliscope.desktop entry (Wayland app id, task bars).
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/saliscope-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QApplication::setDesktopFileName(QStringLiteral("io.github.saliscope.Saliscope"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Salience-based review of image classifiers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main",
                                                         "The .saliscope project to open (default: the last one)."),
                                 QStringLiteral("[PROJECT]"));
    parser.process(application);
    saliscope::engine::configureAllocator();
    saliscope::engine::configureThreads();
    saliscope::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    else
        window.openLastProject();
    return QApplication::exec();
}
