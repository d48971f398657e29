#include "engine/runtime.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Saliscope"));
    QApplication::setOrganizationName(QStringLiteral("Saliscope"));
    QApplication::setApplicationVersion(QString::fromStdString(saliscope::engine::saliscopeVersion()));
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Salience-based review of image classifiers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "The .saliscope project to open (default: the last one)."),
                                 QStringLiteral("[PROJECT]"));
    parser.process(application);
    saliscope::engine::configureThreads();
    saliscope::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    else
        window.openLastProject();
    return QApplication::exec();
}
