// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Adding a dataset with its annotation and artefact-mask folders, as the Datasets dock does: the
// dialog finds the folders beside the dataset and refuses a missing one, and the session stores
// each image's annotation and mask (matched by file name) with the dataset.

#include "tests/ui/referenceproject.h"

#include "core/project/projectsession.h"
#include "core/store/projectstore.h"
#include "ui/project/datasetfoldersdialog.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;
using namespace saliscope::ui;

class TestDatasetFolders final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        testing::isolateSettings("tst_datasetfolders");
        QVERIFY(m_dir.isValid());
        const QDir root(m_dir.path());
        QVERIFY(testing::referenceFaces(root, {QStringLiteral("stylegan1_000700"), QStringLiteral("stylegan2_000700")})
                    .ok());
        // An annotation for the real face and one fake; a mask for one fake only.
        root.mkpath(QStringLiteral("annotations"));
        root.mkpath(QStringLiteral("masks"));
        QImage map(64, 64, QImage::Format_Grayscale8);
        map.fill(0);
        for (int y = 10; y < 30; ++y)
            for (int x = 10; x < 30; ++x)
                map.setPixel(x, y, qRgb(255, 255, 255));
        QVERIFY(map.save(root.filePath(QStringLiteral("annotations/ffhq_00001.png"))));
        QVERIFY(map.save(root.filePath(QStringLiteral("annotations/stylegan1_000700.png"))));
        QVERIFY(map.save(root.filePath(QStringLiteral("masks/stylegan2_000700.png"))));
    }

    void dialogFindsTheFoldersBesideTheDataset()
    {
        const QDir root(m_dir.path());
        DatasetFoldersDialog dialog(root.filePath(QStringLiteral("faces")));
        QCOMPARE(dialog.annotationFolder(), root.filePath(QStringLiteral("annotations")));
        QCOMPARE(dialog.maskFolder(), root.filePath(QStringLiteral("masks")));
        QVERIFY(dialog.acceptable());
        // A folder that does not exist keeps OK disabled; none at all is fine.
        dialog.setMaskFolder(root.filePath(QStringLiteral("no-such-folder")));
        QVERIFY(!dialog.acceptable());
        dialog.setMaskFolder(QString());
        QVERIFY(dialog.acceptable());
        QCOMPARE(dialog.maskFolder(), QString());
        // Without such folders, nothing is proposed.
        QCOMPARE(DatasetFoldersDialog::folderNear(root.filePath(QStringLiteral("faces")), QStringLiteral("labels")),
                 QString());
    }

    void sessionStoresAnnotationsAndMasks()
    {
        const QDir root(m_dir.path());
        const QString project = root.filePath(QStringLiteral("folders.saliscope"));
        {
            ProjectSession session;
            QVERIFY(session.open(project, true));
            session.addDatasetLocation(root.filePath(QStringLiteral("faces")),
                                       root.filePath(QStringLiteral("annotations")),
                                       root.filePath(QStringLiteral("masks")));
            QTRY_VERIFY_WITH_TIMEOUT(session.datasets().size() == 1, 30000);
        }
        auto store = ProjectStore::open(project.toStdString(), ProjectOpenMode::ReadOnly);
        QVERIFY(store.ok());
        auto datasets = store.value()->datasets();
        QVERIFY(datasets.ok());
        QCOMPARE(int(datasets->size()), 1);
        auto images = store.value()->images(datasets->front().id);
        QVERIFY(images.ok());
        QCOMPARE(int(images->size()), 3);
        for (const auto& image : images.value()) {
            const QString name = QFileInfo(QString::fromStdString(image.path)).completeBaseName();
            const bool annotated = name == QLatin1String("ffhq_00001") || name == QLatin1String("stylegan1_000700");
            QCOMPARE(QFileInfo(QString::fromStdString(image.annotation)).fileName(),
                     annotated ? name + QStringLiteral(".png") : QString());
            QCOMPARE(QFileInfo(QString::fromStdString(image.mask)).fileName(),
                     name == QLatin1String("stylegan2_000700") ? name + QStringLiteral(".png") : QString());
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDatasetFolders)
#include "tst_datasetfolders.moc"
