#include "mainwindow/mainwindow.h"

#include "dialogs/demodialog.h"
#include "docks/datasetsdock.h"
#include "docks/logdock.h"
#include "docks/modelsdock.h"
#include "engine/runtime.h"
#include "models/imagelistmodel.h"
#include "models/thumbnailcache.h"
#include "project/mapservice.h"
#include "project/projectsession.h"
#include "views/datasetbrowserwidget.h"
#include "views/salienceviewerwidget.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace saliscope::ui {

namespace {
const QString RecentKey = QStringLiteral("projects/recent");
const QString LastKey = QStringLiteral("projects/last");
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(new ProjectSession(this)), m_images(new ImageListModel(this)),
      m_thumbnails(new ThumbnailCache(112, this)), m_maps(new MapService(m_session, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_images->setThumbnailCache(m_thumbnails);
    m_viewer = new SalienceViewerWidget(m_session, m_maps, m_images, this);
    setCentralWidget(m_viewer);

    m_browser = new DatasetBrowserWidget(m_session, m_images, this);
    auto* imagesDock = new QDockWidget(tr("Images"), this);
    imagesDock->setObjectName(QStringLiteral("ImagesDock"));
    imagesDock->setWidget(m_browser);
    m_modelsDock = new ModelsDock(m_session, this);
    m_datasetsDock = new DatasetsDock(m_session, m_images, this);
    m_logDock = new LogDock(m_session->log(), this);
    addDockWidget(Qt::LeftDockWidgetArea, imagesDock);
    addDockWidget(Qt::RightDockWidgetArea, m_modelsDock);
    addDockWidget(Qt::RightDockWidgetArea, m_datasetsDock);
    tabifyDockWidget(m_modelsDock, m_datasetsDock);
    m_modelsDock->raise();
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({imagesDock, m_modelsDock}, {480, 360}, Qt::Horizontal);
    resizeDocks({m_logDock}, {120}, Qt::Vertical);

    // The browser's current image drives the viewer; the viewer's keys move the browser.
    connect(m_browser, &DatasetBrowserWidget::currentImageChanged, this,
            [this](int row) { m_viewer->showImage(row, m_browser->positionText()); });
    connect(m_viewer, &SalienceViewerWidget::navigateRequested, m_browser, &DatasetBrowserWidget::moveCurrent);
    connect(m_session, &ProjectSession::modelsChanged, m_viewer, &SalienceViewerWidget::reloadModels);
    connect(m_session, &ProjectSession::projectChanged, this, &MainWindow::projectChanged);
    connect(m_session, &ProjectSession::busyChanged, this, [this](bool busy, const QString& what) {
        m_busy->setText(busy ? what : QString());
    });

    createMenus();
    m_busy = new QLabel(this);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->showMessage(tr("LibTorch %1, %2 threads, %3")
                                 .arg(QString::fromStdString(engine::torchVersion()))
                                 .arg(engine::threadCount())
                                 .arg(engine::cudaAvailable() ? tr("CUDA available") : tr("CPU only")));
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1440, 900);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    projectChanged();
}

MainWindow::~MainWindow()
{
    // Views and the map service use the session: they go first.
    delete m_viewer;
    delete m_maps;
}

bool MainWindow::openProject(const QString& path, bool create)
{
    if (!m_session->open(path, create)) {
        m_logDock->raise();
        return false;
    }
    QSettings settings;
    QStringList recent = settings.value(RecentKey).toStringList();
    recent.removeAll(m_session->path());
    recent.prepend(m_session->path());
    settings.setValue(RecentKey, recent.mid(0, 10));
    settings.setValue(LastKey, m_session->path());
    updateRecentMenu();
    return true;
}

void MainWindow::openLastProject()
{
    QSettings settings;
    const QString last = settings.value(LastKey).toString();
    if (!last.isEmpty() && QFileInfo::exists(last)) {
        openProject(last);
        return;
    }
    // First start: offer the built-in demo, once.
    if (!settings.value(QStringLiteral("demo/offered"), false).toBool()) {
        settings.setValue(QStringLiteral("demo/offered"), true);
        offerDemo();
    }
}

void MainWindow::offerDemo()
{
    auto* dialog = new DemoDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DemoDialog::projectReady, this, [this](const QString& path) { openProject(path); });
    dialog->open();
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
    file->addAction(tr("&New project\u2026"), QKeySequence::New, this, &MainWindow::newProject);
    file->addAction(tr("&Open project\u2026"), QKeySequence::Open, this, &MainWindow::openProjectDialog);
    m_recent = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    file->addAction(tr("Add &model\u2026"), m_modelsDock, &ModelsDock::addModels);
    file->addAction(tr("Add &dataset folder\u2026"), m_datasetsDock, [this]() { m_datasetsDock->addDataset(false); });
    file->addSeparator();
    file->addAction(tr("&Close project"), m_session, &ProjectSession::close);
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    m_view = menuBar()->addMenu(tr("&View"));
    for (auto* dock : findChildren<QDockWidget*>())
        m_view->addAction(dock->toggleViewAction());
    m_view->addSeparator();
    m_view->addAction(tr("Show &table"), this, [this]() { m_browser->setGridMode(false); });
    m_view->addAction(tr("Show &grid"), this, [this]() { m_browser->setGridMode(true); });
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Build or open the &demo project\u2026"), this, &MainWindow::offerDemo);
    help->addAction(tr("&About Saliscope"), this, &MainWindow::showAbout);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recent->clear();
    const QStringList recent = QSettings().value(RecentKey).toStringList();
    for (const QString& path : recent)
        m_recent->addAction(QFileInfo(path).fileName() + QStringLiteral("  \u2014  ") + path, this,
                            [this, path]() { openProject(path); });
    m_recent->setEnabled(!recent.isEmpty());
}

void MainWindow::newProject()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New project"), QSettings().value(LastKey).toString(),
                                                tr("Saliscope projects (*.saliscope)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".saliscope")))
        path += QLatin1String(".saliscope");
    openProject(path, true);
}

void MainWindow::openProjectDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QSettings().value(LastKey).toString(),
                                                      tr("Saliscope projects (*.saliscope);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::projectChanged()
{
    setWindowTitle(m_session->isOpen() ? tr("%1 \u2014 Saliscope").arg(QFileInfo(m_session->path()).fileName())
                                       : tr("Saliscope"));
    m_thumbnails->clear();
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
