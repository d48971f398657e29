#include "mainwindow/mainwindow.h"

#include "engine/runtime.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace saliscope::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Saliscope"));
    setObjectName(QStringLiteral("MainWindow"));
    auto* welcome = new QLabel(tr("<h2>Saliscope</h2><p>Salience-based review of image classifiers.</p>"
                                  "<p>Use the command line <tt>saliscope-cli</tt> to compute Grad-CAM maps; "
                                  "projects open here.</p>"),
                               this);
    welcome->setAlignment(Qt::AlignCenter);
    setCentralWidget(welcome);
    createMenus();
    statusBar()->showMessage(tr("LibTorch %1, %2 threads, %3")
                                 .arg(QString::fromStdString(engine::torchVersion()))
                                 .arg(engine::threadCount())
                                 .arg(engine::cudaAvailable() ? tr("CUDA available") : tr("CPU only")));
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    if (!settings.contains(QStringLiteral("mainWindow/geometry")))
        resize(1280, 800);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Saliscope"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Saliscope"),
                       tr("<b>Saliscope %1</b><p>Salience-based explainability measures for synthetic-face "
                          "detectors (Crum et al., IEEE Trans. AI 2023).</p><p>LibTorch %2</p>")
                           .arg(QString::fromStdString(engine::saliscopeVersion()),
                                QString::fromStdString(engine::torchVersion())));
}

} // namespace saliscope::ui
