#include "engine/runtime.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Saliscope"));
    QApplication::setOrganizationName(QStringLiteral("Saliscope"));
    QApplication::setApplicationVersion(QString::fromStdString(saliscope::engine::saliscopeVersion()));
    saliscope::engine::configureThreads();
    saliscope::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
