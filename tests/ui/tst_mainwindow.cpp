// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window on a project made from the reference faces and models: the panes show each
// model's name, score and prediction; keys move through the filtered, sorted list; a screenshot
// with two models side by side is written beside the test executable.
#include "tests/ui/referenceproject.h"

#include "core/dataset/dataset.h"
#include "core/dataset/imageio.h"
#include "core/engine/model.h"
#include "core/engine/pillowresize.h"
#include "ui/mainwindow/mainwindow.h"
#include "core/project/projectrun.h"
#include "ui/images/imagefilterproxymodel.h"
#include "ui/images/imagelistmodel.h"
#include "core/project/logmodel.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"
#include "ui/images/datasetbrowserwidget.h"
#include "ui/viewer/salienceviewerwidget.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

using testing::reference;

const char* const Faces[] = {"stylegan1_000700", "stylegan2_000700", "stylegan2ada_seed81155", "stylegan3_seed278567"};

struct Expected {
    double score = 0;
    int predicted = -1;
};

} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        testing::isolateSettings("tst_mainwindow");
        QVERIFY(m_dir.isValid());
        QStringList fakes;
        for (const char* face : Faces)
            fakes.append(QString::fromLatin1(face));
        auto dataset = testing::referenceFaces(QDir(m_dir.path()), fakes);
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().c_str());
        m_project = QDir(m_dir.path()).filePath(QStringLiteral("faces.saliscope"));
        MeasureRunParams params;
        auto run = testing::runReferenceModels(dataset.value(), {MeasureKind::Predictions, MeasureKind::Entropy},
                                               m_project, 5, &params);
        QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());

        // What the models say, computed here directly from the engine.
        for (const auto& entry : params.models) {
            auto model = engine::Model::load(entry.path);
            QVERIFY(model.ok());
            for (const auto& record : params.dataset.records) {
                auto image = readImageRgb(record.path);
                QVERIFY(image.ok());
                const auto& metadata = model.value()->metadata();
                auto resized = engine::resizePillow(image.value(), metadata.inputWidth, metadata.inputHeight,
                                                    engine::ResizeFilter::Bilinear);
                auto batch = engine::ImageBatch::fromImages({resized});
                QVERIFY(batch.ok());
                auto prediction = model.value()->predict(batch.value());
                QVERIFY(prediction.ok());
                m_expected[{QString::fromStdString(entry.name),
                            QFileInfo(QString::fromStdString(record.path)).fileName()}] = {
                    prediction->front().positiveScore, prediction->front().predictedClass};
            }
        }
    }

    void opensProjectAndShowsModelsInPanes()
    {
        MainWindow window;
        QAbstractItemModelTester imagesTester(window.images(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(window.browser()->proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.resize(1500, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(window.browser(), &DatasetBrowserWidget::tableLoaded);
        QVERIFY(window.openProject(m_project));
        QTRY_VERIFY_WITH_TIMEOUT(window.images()->rowCount() == 5, 20000);
        QCOMPARE(window.session()->models().size(), std::size_t(2));

        SalienceViewerWidget* viewer = window.viewer();
        QCOMPARE(viewer->paneCount(), 2);
        QVERIFY(viewer->currentRow() >= 0);
        waitForMaps(viewer);
        checkPanes(window);

        // Browser columns carry the stored predictions too.
        const ImageListModel* images = window.images();
        for (int row = 0; row < images->rowCount(); ++row) {
            const QString file = images->index(row, ImageListModel::FileColumn).data().toString();
            for (int model = 0; model < images->modelCount(); ++model) {
                const QString name = images->table().models[std::size_t(model)].name;
                const Expected expected = m_expected.at({name, file});
                QVERIFY(qAbs(images->index(row, ImageListModel::modelColumn(model, ImageListModel::ScoreField))
                                 .data(ImageListModel::SortRole)
                                 .toDouble()
                             - expected.score)
                        < 1e-4);
                QVERIFY(!std::isnan(images->table().models[std::size_t(model)].entropy[std::size_t(row)]));
            }
        }

        // A screenshot for people to look at: two models side by side on a synthetic face.
        window.browser()->setTextFilter(QStringLiteral("stylegan2_000700"));
        QTRY_COMPARE(window.browser()->proxy()->rowCount(), 1);
        window.browser()->moveCurrent(0);
        QTRY_VERIFY(images->index(viewer->currentRow(), 0).data().toString() == QLatin1String("stylegan2_000700.png"));
        waitForMaps(viewer);
        checkPanes(window);
        QTest::qWait(300); // the picture itself loads on a worker
        const QString shot = QCoreApplication::applicationDirPath() + QStringLiteral("/tst_mainwindow-two-models.png");
        QVERIFY(window.grab().save(shot));
        qInfo() << "screenshot:" << shot;
        QCOMPARE(window.session()->log()->errorCount(), 0);
    }

    void keysMoveThroughFilteredSortedList()
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(window.openProject(m_project));
        QTRY_VERIFY_WITH_TIMEOUT(window.images()->rowCount() == 5, 20000);
        DatasetBrowserWidget* browser = window.browser();
        SalienceViewerWidget* viewer = window.viewer();
        ImageFilterProxyModel* proxy = browser->proxy();

        // Only the synthetic faces, by the first model's score, highest first.
        browser->setClassFilter(1);
        QCOMPARE(proxy->rowCount(), 4);
        const int scoreColumn = ImageListModel::modelColumn(0, ImageListModel::ScoreField);
        browser->tableView()->sortByColumn(scoreColumn, Qt::DescendingOrder);
        browser->moveCurrent(-100);
        auto rowAt = [&](int proxyRow) { return proxy->mapToSource(proxy->index(proxyRow, 0)).row(); };
        QCOMPARE(viewer->currentRow(), rowAt(0));
        viewer->setFocus();
        QTest::keyClick(viewer, Qt::Key_Right);
        QCOMPARE(viewer->currentRow(), rowAt(1));
        QTest::keyClick(viewer, Qt::Key_Down);
        QCOMPARE(viewer->currentRow(), rowAt(2));
        QTest::keyClick(viewer, Qt::Key_Left);
        QCOMPARE(viewer->currentRow(), rowAt(1));
        QTest::keyClick(viewer, Qt::Key_PageDown);
        QCOMPARE(viewer->currentRow(), rowAt(3));
        QTest::keyClick(viewer, Qt::Key_PageUp);
        QCOMPARE(viewer->currentRow(), rowAt(0));
        for (int i = 1; i < proxy->rowCount(); ++i)
            QVERIFY(proxy->index(i - 1, scoreColumn).data(ImageListModel::SortRole).toDouble()
                    >= proxy->index(i, scoreColumn).data(ImageListModel::SortRole).toDouble());
        // The real face is never reached while filtered out.
        for (int i = 0; i < 6; ++i) {
            QTest::keyClick(viewer, Qt::Key_Right);
            QCOMPARE(window.images()->index(viewer->currentRow(), 0).data(ImageListModel::LabelRole).toInt(), 1);
        }
    }

    void newProjectWithFolderAndModelsComputesMaps()
    {
        // A new user's path: new project, add a folder of faces and two models, walk the images.
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        const QString project = QDir(m_dir.path()).filePath("fresh.saliscope");
        QVERIFY(window.openProject(project, true));
        window.session()->addDatasetLocation(QDir(m_dir.path()).filePath("faces"));
        window.session()->addModelFile(reference("models/tiny_densenet.pt"));
        window.session()->addModelFile(reference("models/tiny_resnet.pt"));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->models().size() == 2 && window.images()->rowCount() == 5, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(window.viewer()->paneCount(), 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.viewer()->currentRow() >= 0, 10000);
        for (int step = 0; step < 5; ++step) {
            waitForMaps(window.viewer());
            // No runs in this project: scores and predictions come with the computed maps.
            QTRY_VERIFY_WITH_TIMEOUT(!std::isnan(window.viewer()->pane(0)->caption().score)
                                         && !std::isnan(window.viewer()->pane(1)->caption().score),
                                     10000);
            checkPanes(window);
            window.browser()->moveCurrent(1);
        }
        QCOMPARE(window.session()->log()->errorCount(), 0);
        // The maps were stored (off the GUI thread): a second window finds them without computing.
        QTRY_COMPARE_WITH_TIMEOUT(int(window.session()->store()->maps().value().size()), 10, 10000);
    }

    void droppedFilesOpenAndAdd()
    {
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.acceptDrops());
        const QString project = QDir(m_dir.path()).filePath("dropped.saliscope");
        QVERIFY(window.openProject(project, true));
        window.session()->close();
        const QString junk = QDir(m_dir.path()).filePath("notes.txt");
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not for Saliscope");
        file.close();
        auto mimeOf = [](const QStringList& paths) {
            auto* mime = new QMimeData;
            QList<QUrl> urls;
            for (const QString& path : paths)
                urls.append(QUrl::fromLocalFile(path));
            mime->setUrls(urls);
            return mime;
        };
        auto* exportList = window.browser()->findChild<QToolButton*>(QStringLiteral("ExportListButton"));
        QVERIFY(exportList);
        QVERIFY(!exportList->isEnabled()); // nothing listed, nothing to export
        const QPoint centre = window.rect().center();
        // A drag of nothing usable is refused; one with a model is taken.
        std::unique_ptr<QMimeData> junkOnly(mimeOf({junk}));
        QDragEnterEvent refused(centre, Qt::CopyAction, junkOnly.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &refused);
        QVERIFY(!refused.isAccepted());
        // A model dropped with no project open is not added, and says why.
        window.openDroppedPaths({reference("models/tiny_densenet.pt")});
        QVERIFY(window.session()
                    ->log()
                    ->text(window.session()->log()->rowCount() - 1)
                    .contains("Open or create a project"));

        // Project, models, a dataset folder and a text file in one drop (the project listed last).
        const QStringList paths{reference("models/tiny_densenet.pt"), reference("models/tiny_resnet.pt"),
                                QDir(m_dir.path()).filePath("faces"), junk, project};
        std::unique_ptr<QMimeData> mime(mimeOf(paths));
        QDragEnterEvent enter(centre, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(centre), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(window.session()->isOpen());
        QCOMPARE(QFileInfo(window.session()->path()).fileName(), QStringLiteral("dropped.saliscope"));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->models().size() == 2 && window.images()->rowCount() == 5, 30000);
        QVERIFY(exportList->isEnabled());
        bool reported = false;
        for (int row = 0; row < window.session()->log()->rowCount(); ++row)
            reported = reported || window.session()->log()->text(row).contains(QStringLiteral("Cannot use ") + junk);
        QVERIFY(reported);
        QCOMPARE(window.session()->log()->errorCount(), 0);
    }

    void badModelIsLoggedNotFatal()
    {
        MainWindow window;
        QVERIFY(window.openProject(m_project));
        const QString bogus = QDir(m_dir.path()).filePath("bogus.pt");
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a model");
        file.close();
        window.session()->addModelFile(bogus);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->log()->errorCount() == 1, 20000);
        QCOMPARE(window.session()->models().size(), std::size_t(2));
    }

    void aboutBoxNamesTheLicence()
    {
        MainWindow window;
        QAction* about = nullptr;
        for (QAction* action : window.findChildren<QAction*>())
            if (action->text() == QLatin1String("&About Saliscope"))
                about = action;
        QVERIFY(about);
        // QMessageBox::about runs its own event loop: read the box from inside it (and write a
        // screenshot beside the test executable), then close it.
        QString text;
        QTimer::singleShot(0, &window, [&text]() {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                text = box->text();
                box->grab().save(QCoreApplication::applicationDirPath() + QStringLiteral("/tst_mainwindow-about.png"));
                box->accept();
            }
        });
        about->trigger();
        QVERIFY2(text.contains(QLatin1String("GNU General Public License, version 3 or later (GPL-3.0-or-later)")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("NO WARRANTY")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("LICENSE")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Saliscope 0.1.0")), qPrintable(text));
    }

private:
    void waitForMaps(SalienceViewerWidget* viewer)
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]() {
                for (int i = 0; i < viewer->paneCount(); ++i)
                    if (viewer->pane(i)->mapState() != SaliencePaneWidget::MapState::Ready)
                        return false;
                return true;
            }(),
            60000);
    }

    void checkPanes(MainWindow& window)
    {
        SalienceViewerWidget* viewer = window.viewer();
        const QString file = window.images()->index(viewer->currentRow(), 0).data().toString();
        QStringList names;
        for (int i = 0; i < viewer->paneCount(); ++i) {
            const PaneCaption& caption = viewer->pane(i)->caption();
            names << caption.modelName;
            const Expected expected = m_expected.at({caption.modelName, file});
            QVERIFY2(qAbs(caption.score - expected.score) < 1e-4,
                     qPrintable(QStringLiteral("%1 on %2: %3 vs %4")
                                    .arg(caption.modelName, file)
                                    .arg(caption.score)
                                    .arg(expected.score)));
            QCOMPARE(caption.prediction,
                     expected.predicted == 1 ? QStringLiteral("synthetic") : QStringLiteral("real"));
            QVERIFY(!std::isnan(caption.entropy));
        }
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("tiny_densenet"), QStringLiteral("tiny_resnet")}));
    }

    QTemporaryDir m_dir;
    QString m_project;
    std::map<std::pair<QString, QString>, Expected> m_expected;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
