// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/dataset.h"

#include "core/dataset/imagefiles.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace saliscope;

namespace {

void writeImage(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QImage image(8, 8, QImage::Format_RGB888);
    image.fill(Qt::gray);
    QVERIFY(image.save(path));
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

class TestDataset final : public QObject {
    Q_OBJECT

private slots:
    void classFolders_data()
    {
        QTest::addColumn<QString>("realName");
        QTest::addColumn<QString>("fakeName");
        QTest::newRow("plain") << "real"
                               << "fake";
        QTest::newRow("numbered") << "0_real"
                                  << "1_fake";
        QTest::newRow("capitalised") << "Real"
                                     << "Synthetic";
        QTest::newRow("digits") << "0"
                                << "1";
    }

    void classFolders()
    {
        QFETCH(QString, realName);
        QFETCH(QString, fakeName);
        QTemporaryDir dir;
        writeImage(dir.filePath(realName + "/a.png"));
        writeImage(dir.filePath(realName + "/nested/b.jpg"));
        writeImage(dir.filePath(fakeName + "/c.png"));
        writeImage(dir.filePath("notes/d.png"));
        writeImage(dir.filePath("stray.png"));
        writeText(dir.filePath(fakeName + "/readme.txt"), "x");
        NullProgressSink progress;
        auto dataset = scanDataset({dir.path().toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        QCOMPARE(int(dataset->records.size()), 3);
        QCOMPARE(dataset->classCounts().at(0), 2);
        QCOMPARE(dataset->classCounts().at(1), 1);
        QVERIFY(dataset->isLabelled());
        QCOMPARE(int(dataset->problems.size()), 3); // the unknown folder, the stray image and readme.txt
    }

    void customMapping()
    {
        QTemporaryDir dir;
        writeImage(dir.filePath("ffhq/a.png"));
        writeImage(dir.filePath("stylegan/b.png"));
        auto mapping = ClassMapping::parse("ffhq=0, stylegan=1");
        QVERIFY(mapping.ok());
        NullProgressSink progress;
        auto dataset = scanDataset({dir.path().toStdString(), mapping.value()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        QCOMPARE(dataset->classCounts().at(1), 1);
        QVERIFY(!ClassMapping::parse("ffhq:0").ok());
    }

    void unlabelledFolder()
    {
        QTemporaryDir dir;
        writeImage(dir.filePath("x/a.png"));
        writeImage(dir.filePath("b.png"));
        NullProgressSink progress;
        auto dataset = scanDataset({dir.path().toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        QCOMPARE(int(dataset->records.size()), 2);
        QVERIFY(!dataset->isLabelled());
    }

    void manifestWithProblems()
    {
        QTemporaryDir dir;
        writeImage(dir.filePath("imgs/a.png"));
        writeImage(dir.filePath("imgs/b,c.png"));
        writeImage(dir.filePath("annotations/a.png"));
        writeImage(dir.filePath("masks/b,c.png"));
        writeText(dir.filePath("list.csv"),
                  "path,label,group\n"
                  "imgs/a.png,0,ffhq\n"
                  "\"imgs/b,c.png\",fake,stylegan2\n"
                  "imgs/missing.png,1\n"
                  "imgs/a.png,unicorn\n"
                  "justonefield\n");
        NullProgressSink progress;
        DatasetSource source{dir.filePath("list.csv").toStdString()};
        source.annotationFolder = dir.filePath("annotations").toStdString();
        source.maskFolder = dir.filePath("masks").toStdString();
        auto dataset = scanDataset(source, progress, CancelToken());
        QVERIFY(dataset.ok());
        QCOMPARE(int(dataset->records.size()), 2);
        // The second kind of annotation is matched by file stem on its own.
        QVERIFY(dataset->records[0].maskPath.empty());
        QVERIFY(QString::fromStdString(dataset->records[1].maskPath).endsWith("masks/b,c.png"));
        QCOMPARE(dataset->records[1].label, 1);
        QCOMPARE(dataset->records[1].group, std::string("stylegan2"));
        QVERIFY(QString::fromStdString(dataset->records[1].path).endsWith("b,c.png"));
        QVERIFY(QString::fromStdString(dataset->records[0].annotationPath).endsWith("annotations/a.png"));
        QVERIFY(dataset->records[1].annotationPath.empty());
        QCOMPARE(int(dataset->problems.size()), 3);
        QVERIFY(dataset->problems[0].second.find("missing") != std::string::npos);
        QVERIFY(dataset->problems[1].second.find("unicorn") != std::string::npos);
    }

    void passedOverFilesAreListed()
    {
        // GIFs, other files, dangling links and link loops vanished without a word; each is a
        // problem naming the file. Hidden files stay quiet; a linked folder is followed once.
        QTemporaryDir dir;
        writeImage(dir.filePath("real/a.png"));
        writeImage(dir.filePath("fake/b.png"));
        writeImage(dir.filePath("elsewhere/c.png"));
        writeText(dir.filePath("fake/anim.gif"), "GIF89a");
        writeText(dir.filePath("fake/notes.txt"), "notes");
        writeText(dir.filePath("fake/.DS_Store"), "x");
        QVERIFY(QFile::link(dir.filePath("real/gone.png"), dir.filePath("real/dangling.png")));
        QVERIFY(QFile::link(dir.filePath("fake/loop2.png"), dir.filePath("fake/loop1.png")));
        QVERIFY(QFile::link(dir.filePath("fake/loop1.png"), dir.filePath("fake/loop2.png")));
        QVERIFY(QFile::link(dir.filePath("real"), dir.filePath("real/again"))); // a folder loop
        QVERIFY(QFile::link(dir.filePath("elsewhere"), dir.filePath("real/linked")));
        NullProgressSink progress;
        auto dataset = scanDataset({dir.path().toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        QStringList records;
        for (const auto& record : dataset->records)
            records << QDir(dir.path()).relativeFilePath(QString::fromStdString(record.path));
        QCOMPARE(records, (QStringList{"fake/b.png", "real/a.png", "real/linked/c.png"}));
        QMap<QString, QString> problems;
        for (const auto& [path, reason] : dataset->problems)
            problems[QDir(dir.path()).relativeFilePath(QString::fromStdString(path))] = QString::fromStdString(reason);
        QCOMPARE(problems.value("fake/anim.gif"),
                 "not an image Saliscope reads (.gif; png, jpg, jpeg, bmp, tif, tiff or webp)");
        QVERIFY2(problems.value("fake/notes.txt").startsWith("not an image Saliscope reads (.txt"),
                 qPrintable(problems.value("fake/notes.txt")));
        QCOMPARE(problems.value("real/dangling.png"), "dangling symbolic link (its target does not exist)");
        QCOMPARE(problems.value("fake/loop1.png"), "symbolic link loop");
        QCOMPARE(problems.value("fake/loop2.png"), "symbolic link loop");
        QVERIFY2(problems.value("real/again").startsWith("symbolic link loop"),
                 qPrintable(problems.value("real/again")));
        QVERIFY(problems.value("elsewhere").contains("not a class"));
        QCOMPARE(problems.size(), 7); // not .DS_Store
    }

    void manifestDuplicatesAreCountedOnce()
    {
        QTemporaryDir dir;
        writeImage(dir.filePath("a.png"));
        writeImage(dir.filePath("b.png"));
        writeText(dir.filePath("list.csv"), "a.png,0\nb.png,1\n./a.png,0\nb.png,7\n");
        NullProgressSink progress;
        auto dataset = scanDataset({dir.filePath("list.csv").toStdString()}, progress, CancelToken());
        QVERIFY(dataset.ok());
        QCOMPARE(int(dataset->records.size()), 2);
        QCOMPARE(int(dataset->problems.size()), 2);
        QCOMPARE(dataset->problems[0].first, dir.filePath("list.csv").toStdString() + ":3");
        QVERIFY2(dataset->problems[0].second.find("duplicate row for") == 0
                     && dataset->problems[0].second.find("a.png (first on line 1); counted once") != std::string::npos,
                 dataset->problems[0].second.c_str());
        QVERIFY(dataset->problems[1].second.find("(first on line 2)") != std::string::npos);
    }

    void escapedPathsAreValidText_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("valid") << QByteArray("/d/caf\xc3\xa9.png") << QStringLiteral("/d/caf\u00e9.png");
        QTest::newRow("stray byte") << QByteArray("/d/bad\xff.png") << QStringLiteral("/d/bad\\xFF.png");
        QTest::newRow("cut sequence") << QByteArray("/d/\xc3.png") << QStringLiteral("/d/\\xC3.png");
        QTest::newRow("overlong slash") << QByteArray("/d/\xc0\xaf.png") << QStringLiteral("/d/\\xC0\\xAF.png");
        QTest::newRow("surrogate") << QByteArray("/d/\xed\xa0\x80") << QStringLiteral("/d/\\xED\\xA0\\x80");
        QTest::newRow("latin-1 beside UTF-8") << QByteArray("\xe9t\xc3\xa9") << QStringLiteral("\\xE9t\u00e9");
    }

    void escapedPathsAreValidText()
    {
        QFETCH(QByteArray, path);
        QFETCH(QString, escaped);
        const std::string bytes = path.toStdString();
        QCOMPARE(isValidUtf8(bytes), !escaped.contains(QLatin1String("\\x")));
        QCOMPARE(QString::fromStdString(escapedPath(bytes)), escaped);
        QVERIFY(isValidUtf8(escapedPath(bytes)));
    }

    void namesThatAreNotUtf8ArePassedOverWithAReason()
    {
        // Qt turned a name's stray bytes into U+FFFD, so the stored path no longer opened: such
        // files and folders are set aside at scan time, named with their bytes escaped.
        QTemporaryDir dir;
        writeImage(dir.filePath("real/good.png"));
        writeImage(dir.filePath("fake/c.png"));
        namespace fs = std::filesystem;
        const std::string root = dir.path().toStdString();
        std::error_code code;
        fs::copy_file(root + "/real/good.png", root + "/real/bad\xff.png", code);
        if (code)
            QSKIP(qPrintable("this file system refuses names that are not UTF-8: "
                             + QString::fromStdString(code.message())));
        fs::create_directory(root + "/fake/\xe9t\xe9", code);
        QVERIFY(!code);
        fs::copy_file(root + "/real/good.png", root + "/fake/\xe9t\xe9/d.png", code);
        QVERIFY(!code);
        fs::create_directory(root + "/fak\xe9", code); // a class folder's own name
        QVERIFY(!code);
        fs::copy_file(root + "/real/good.png", root + "/fake/.hidden\xff", code); // hidden, not an image: quiet
        QVERIFY(!code);
        NullProgressSink progress;
        auto dataset = scanDataset({root}, progress, CancelToken());
        QVERIFY(dataset.ok());
        QStringList records;
        for (const auto& record : dataset->records) {
            QVERIFY(isValidUtf8(record.path));
            records << QDir(dir.path()).relativeFilePath(QString::fromStdString(record.path));
        }
        QCOMPARE(records, (QStringList{"fake/c.png", "real/good.png"}));
        QMap<QString, QString> problems;
        for (const auto& [path, reason] : dataset->problems) {
            QVERIFY(isValidUtf8(path));
            problems[QDir(dir.path()).relativeFilePath(QString::fromStdString(path))] = QString::fromStdString(reason);
        }
        QCOMPARE(problems.value("real/bad\\xFF.png"), "file name is not valid UTF-8; rename it");
        QCOMPARE(problems.value("fake/\\xE9t\\xE9"),
                 "folder name is not valid UTF-8; rename it (its files are not listed)");
        QCOMPARE(problems.value("fak\\xE9"), "folder name is not valid UTF-8; rename it (its files are not listed)");
        QCOMPARE(problems.size(), 3);

        // An unlabelled folder (no class folders) is walked the same way.
        auto unlabelled = scanDataset({root + "/real"}, progress, CancelToken());
        QVERIFY(unlabelled.ok());
        QCOMPARE(int(unlabelled->records.size()), 1);
        QCOMPARE(int(unlabelled->problems.size()), 1);
        QCOMPARE(unlabelled->problems[0].first, root + "/real/bad\\xFF.png");

        // A manifest row that is not UTF-8 is named as such, not as a missing file.
        writeText(dir.filePath("list.csv"), QByteArray("real/good.png,0\nreal/bad\xff.png,0\n"));
        auto manifest = scanDataset({dir.filePath("list.csv").toStdString()}, progress, CancelToken());
        QVERIFY(manifest.ok());
        QCOMPARE(int(manifest->records.size()), 1);
        QCOMPARE(int(manifest->problems.size()), 1);
        QCOMPARE(manifest->problems[0].first, dir.filePath("list.csv").toStdString() + ":2");
        QVERIFY2(manifest->problems[0].second.find("row is not valid UTF-8 text (real/bad\\xFF.png,0)") == 0,
                 manifest->problems[0].second.c_str());
    }

    void missingAnnotationFolderIsAnError()
    {
        QTemporaryDir dir;
        writeImage(dir.filePath("real/a.png"));
        DatasetSource source{dir.path().toStdString()};
        source.annotationFolder = dir.filePath("no-such-annotations").toStdString();
        NullProgressSink progress;
        auto dataset = scanDataset(source, progress, CancelToken());
        QVERIFY(!dataset.ok());
        QCOMPARE(dataset.error(), "no such annotation folder: " + source.annotationFolder);
        source.annotationFolder.clear();
        source.maskFolder = dir.filePath("no-such-masks").toStdString();
        dataset = scanDataset(source, progress, CancelToken());
        QVERIFY(!dataset.ok());
        QCOMPARE(dataset.error(), "no such mask folder: " + source.maskFolder);
    }

    void missingSource()
    {
        NullProgressSink progress;
        auto dataset = scanDataset({"/nonexistent/dataset"}, progress, CancelToken());
        QVERIFY(!dataset.ok());
        QVERIFY(QString::fromStdString(dataset.error()).contains("no such dataset"));
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
