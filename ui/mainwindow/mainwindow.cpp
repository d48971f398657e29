// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow/mainwindow.h"

#include "ui/i18n/languagemenu.h"
#include "ui/mainwindow/droppedfiles.h"

#include "ui/mainwindow/demodialog.h"
#include "ui/runs/launcherdialog.h"
#include "ui/mainwindow/reportdialog.h"
#include "ui/mainwindow/exportdialog.h"
#include "ui/project/datasetsdock.h"
#include "ui/runs/runsdock.h"
#include "ui/project/logdock.h"
#include "ui/project/modelsdock.h"
#include "core/engine/runtime.h"
#include "ui/images/imagefilterproxymodel.h"
#include "ui/images/imagelistmodel.h"
#include "ui/images/thumbnailcache.h"
#include "core/project/mapservice.h"
#include "core/project/measurequeue.h"
#include "core/project/projectsession.h"
#include "ui/images/datasetbrowserwidget.h"
#include "ui/preview/measurepreviewwidget.h"
#include "ui/results/resultsview.h"
#include "ui/viewer/salienceviewerwidget.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

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
    setAcceptDrops(true); // projects, models, dataset folders and manifests (openDroppedPaths)
    m_images->setThumbnailCache(m_thumbnails);
    m_viewer = new SalienceViewerWidget(m_session, m_maps, m_images, this);
    m_preview = new MeasurePreviewWidget(m_session, this);
    m_centralTabs = new QTabWidget(this);
    m_centralTabs->setDocumentMode(true);
    m_centralTabs->addTab(m_viewer, tr("Salience maps"));
    m_centralTabs->addTab(m_preview, tr("What the measures do"));
    m_centralTabs->setTabToolTip(1,
                                 tr("The noisy, transformed and degraded variants of the current image, "
                                    "each with its map and the values the measures store"));
    setCentralWidget(m_centralTabs);

    m_browser = new DatasetBrowserWidget(m_session, m_images, this);
    auto* imagesDock = new QDockWidget(tr("Images"), this);
    imagesDock->setObjectName(QStringLiteral("ImagesDock"));
    imagesDock->setWidget(m_browser);
    m_modelsDock = new ModelsDock(m_session, this);
    m_datasetsDock = new DatasetsDock(m_session, m_images, this);
    m_logDock = new LogDock(m_session->log(), this);
    m_queue = new MeasureQueue(m_session, this);
    m_queue->setResumeBatchSize(QSettings().value(QStringLiteral("measures/batchSize"), 16).toInt());
    m_runsDock = new RunsDock(m_queue, m_session, this);
    addDockWidget(Qt::LeftDockWidgetArea, imagesDock);
    addDockWidget(Qt::RightDockWidgetArea, m_modelsDock);
    addDockWidget(Qt::RightDockWidgetArea, m_datasetsDock);
    tabifyDockWidget(m_modelsDock, m_datasetsDock);
    m_modelsDock->raise();
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_runsDock);
    tabifyDockWidget(m_logDock, m_runsDock);
    m_logDock->raise();
    connect(m_queue, &MeasureQueue::runAdded, m_runsDock, &QDockWidget::raise);
    connect(m_queue, &MeasureQueue::unfinishedChanged, this, [this]() {
        if (!m_queue->unfinished().empty())
            m_runsDock->raise();
    });
    // Results (scorecard and charts) as a central tab: the charts need the room.
    m_results = new ResultsView(m_session, this);
    m_centralTabs->addTab(m_results, tr("Results"));
    m_centralTabs->setTabToolTip(m_centralTabs->indexOf(m_results),
                                 tr("Scorecard and charts of the measure runs; a click on a chart shows its images"));
    resizeDocks({imagesDock, m_modelsDock}, {480, 360}, Qt::Horizontal);
    resizeDocks({m_logDock}, {120}, Qt::Vertical);
    connect(m_session, &ProjectSession::measureRowsStored, m_results, &ResultsView::scheduleReload);
    connect(m_session, &ProjectSession::runsChanged, m_results, &ResultsView::scheduleReload);
    // Images picked in a chart: the browser shows exactly those, the viewer the first of them.
    connect(m_results, &ResultsView::imagesSelected, this,
            [this](bool active, std::int64_t datasetId, const std::vector<std::int64_t>& images) {
                if (!active) {
                    m_browser->proxy()->clearImageIdFilter();
                    return;
                }
                m_browser->setClassFilter(-2);
                m_browser->setCorrectnessFilter(0);
                m_browser->setDisagreementOnly(false);
                m_browser->setTextFilter({});
                m_browser->proxy()->setImageIdFilter({images.begin(), images.end()});
                m_centralTabs->setCurrentWidget(m_viewer);
                if (datasetId != 0 && datasetId != m_session->currentDatasetId())
                    m_session->setCurrentDataset(datasetId); // the reloaded browser opens its first row
                else
                    m_browser->moveCurrent(-m_browser->proxy()->rowCount());
            });

    // The browser's current image drives the viewer; the viewer's keys move the browser.
    connect(m_browser, &DatasetBrowserWidget::currentImageChanged, this, [this](int row) {
        m_viewer->showImage(row, m_browser->positionText());
        if (row >= 0 && row < m_images->rowCount())
            m_preview->setImage(m_images->table().images[std::size_t(row)], m_images->table().datasetId);
        else
            m_preview->clearImage();
    });
    connect(m_modelsDock, &ModelsDock::selectedModelsChanged, m_preview, &MeasurePreviewWidget::setModelIds);
    connect(m_viewer, &SalienceViewerWidget::navigateRequested, m_browser, &DatasetBrowserWidget::moveCurrent);
    connect(m_session, &ProjectSession::modelsChanged, m_viewer, &SalienceViewerWidget::reloadModels);
    connect(m_session, &ProjectSession::projectChanged, this, &MainWindow::projectChanged);
    connect(m_session, &ProjectSession::busyChanged, this,
            [this](bool busy, const QString& what) { m_busy->setText(busy ? what : QString()); });

    createMenus();
    m_busy = new QLabel(this);
    statusBar()->addPermanentWidget(m_busy);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    statusBar()->addPermanentWidget(m_progress);
    connect(m_session, &ProjectSession::jobProgress, this, [this](const QString& what, qint64 done, qint64 total) {
        m_progress->setVisible(done >= 0);
        if (done < 0)
            return;
        m_progress->setRange(0, int(std::max<qint64>(total, 0))); // 0, 0: busy indicator
        m_progress->setValue(int(done));
        m_progress->setToolTip(what);
    });
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
    delete m_preview;
    delete m_results;
    delete m_maps;
    delete m_runsDock;
    delete m_queue; // stops a running measure run, leaving it resumable, while the store is open
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

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    for (const QString& path : droppedPaths(event->mimeData()))
        if (droppedKind(path) != DroppedKind::Unusable) {
            event->acceptProposedAction();
            return;
        }
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList paths = droppedPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    openDroppedPaths(paths);
}

void MainWindow::openDroppedPaths(const QStringList& paths)
{
    for (const QString& path : paths)
        if (droppedKind(path) == DroppedKind::Project) {
            openProject(path);
            break;
        }
    for (const QString& path : paths) {
        const DroppedKind kind = droppedKind(path);
        if (kind == DroppedKind::Project)
            continue;
        if (kind == DroppedKind::Unusable) {
            m_session->warning(tr("Cannot use %1: drop a Saliscope project (.saliscope), a TorchScript model "
                                  "(.pt, .pth, .ts), a dataset folder or a CSV manifest.")
                                   .arg(QDir::toNativeSeparators(path)));
            continue;
        }
        if (!m_session->isOpen()) {
            m_session->warning(tr("Open or create a project before adding %1.").arg(QDir::toNativeSeparators(path)));
            continue;
        }
        if (kind == DroppedKind::Model)
            m_session->addModelFile(path);
        else
            m_session->addDatasetLocation(path);
    }
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
    m_exportReport = file->addAction(tr("&Export report\u2026"), this, &MainWindow::showReportDialog);
    m_exportReport->setToolTip(tr("Write a PDF review of the project: scorecard, charts, gallery, skipped images"));
    m_exportReport->setEnabled(false);
    m_exportResults = file->addAction(tr("Export &results\u2026"), this, &MainWindow::showExportDialog);
    m_exportResults->setToolTip(
        tr("Write runs and salience maps for other tools: NumPy arrays, a FiftyOne dataset or PNG maps"));
    m_exportResults->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Close project"), m_session, &ProjectSession::close);
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    m_view = menuBar()->addMenu(tr("&View"));
    for (auto* dock : findChildren<QDockWidget*>())
        m_view->addAction(dock->toggleViewAction());
    m_view->addSeparator();
    m_view->addAction(tr("Show &table"), this, [this]() { m_browser->setGridMode(false); });
    m_view->addAction(tr("Show &grid"), this, [this]() { m_browser->setGridMode(true); });
    m_view->addSeparator();
    m_view->addMenu(new LanguageMenu(this));
    QMenu* measures = menuBar()->addMenu(tr("&Measures"));
    m_runMeasures = measures->addAction(tr("&Run measures\u2026"), QKeySequence(tr("Ctrl+R")), this,
                                        &MainWindow::showLauncher);
    m_runMeasures->setToolTip(tr("Choose measures, models, dataset and parameters, and queue the run"));
    m_runMeasures->setEnabled(false);
    auto* tools = addToolBar(tr("Measures"));
    tools->setObjectName(QStringLiteral("MeasuresToolBar"));
    tools->addAction(m_runMeasures);
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
    if (m_runMeasures)
        m_runMeasures->setEnabled(m_session->isOpen());
    if (m_exportReport)
        m_exportReport->setEnabled(m_session->isOpen());
    if (m_exportResults)
        m_exportResults->setEnabled(m_session->isOpen());
}

void MainWindow::showReportDialog()
{
    if (!m_session->isOpen())
        return;
    auto* dialog = new ReportDialog(m_session->path(), m_session->store(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReportDialog::reportWritten, this, [this](const QString& path, int pages) {
        m_session->info(tr("Report written: %1 (%2 pages)").arg(path).arg(pages));
    });
    dialog->open();
}

void MainWindow::showExportDialog()
{
    if (!m_session->isOpen())
        return;
    auto* dialog = new ExportDialog(m_session->path(), m_session->store(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this, [this](const QString& path, const QString& summary) {
        m_session->info(tr("Results exported: %1 (%2)").arg(path, summary));
    });
    dialog->open();
}

void MainWindow::showLauncher()
{
    if (!m_session->isOpen())
        return;
    auto* dialog = new LauncherDialog(m_session, m_queue, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Saliscope"),
                       tr("<b>Saliscope %1</b><p>Salience-based explainability measures for synthetic-face "
                          "detectors (Crum et al., IEEE Trans. AI 2023).</p><p>LibTorch %2</p>")
                               .arg(QString::fromStdString(engine::saliscopeVersion()),
                                    QString::fromStdString(engine::torchVersion()))
                           + tr("<p>Saliscope is free software: you may redistribute and modify it under the "
                                "terms of the GNU General Public License, version 3 or later "
                                "(GPL-3.0-or-later). It comes with NO WARRANTY, to the extent permitted by "
                                "law. The licence text is in the file LICENSE of the source code and at "
                                "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">"
                                "https://www.gnu.org/licenses/gpl-3.0.html</a>.</p>"));
}

} // namespace saliscope::ui
