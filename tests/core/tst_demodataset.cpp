// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/demodataset.h"

#include "core/dataset/dataset.h"
#include "core/dataset/imageio.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

using namespace saliscope;

namespace {

class CancellingSink final : public ProgressSink {
public:
    explicit CancellingSink(CancelToken token) : m_token(std::move(token)) {}
    void progress(std::int64_t done, std::int64_t) override
    {
        if (done > 0)
            m_token.cancel();
    }

private:
    CancelToken m_token;
};

struct ManifestRow {
    QString path, label, group, split, source;
};

QList<ManifestRow> readManifest(const QString& folder)
{
    QList<ManifestRow> rows;
    QFile file(folder + "/manifest.csv");
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return rows;
    file.readLine(); // header
    while (!file.atEnd()) {
        const QStringList fields = QString::fromUtf8(file.readLine()).trimmed().split(',');
        if (fields.size() == 5)
            rows.append({fields[0], fields[1], fields[2], fields[3], fields[4]});
    }
    return rows;
}

QString stemOf(const QString& path) { return QFileInfo(path).completeBaseName(); }

engine::ImageU8 grey(const QString& path)
{
    auto image = readImageGray(path.toStdString());
    return image ? image.value() : engine::ImageU8{};
}

/// The probability that a random positive scores above a random negative (ties count half).
double rocAuc(const std::vector<double>& negatives, const std::vector<double>& positives)
{
    double wins = 0;
    for (double p : positives)
        for (double n : negatives)
            wins += p > n ? 1.0 : (p == n ? 0.5 : 0.0);
    return wins / (double(positives.size()) * double(negatives.size()));
}

/// Files below `folder` by relative path, with their bytes.
std::map<QString, QByteArray> filesBelow(const QString& folder)
{
    std::map<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files[QDir(folder).relativeFilePath(path)] = file.readAll();
    }
    return files;
}

void checkGlobalStatistics(const QString& folder)
{
    // Per image: mean and standard deviation of R, G, B, and mean brightness.
    std::array<std::vector<double>, 7> real, fake;
    for (const ManifestRow& row : readManifest(folder)) {
        const auto image = readImageRgb((folder + "/" + row.path).toStdString());
        QVERIFY2(image.ok(), qPrintable(row.path));
        const engine::ImageU8& im = image.value();
        double sum[3] = {0, 0, 0}, squares[3] = {0, 0, 0};
        const double n = double(im.width) * im.height;
        for (int y = 0; y < im.height; ++y)
            for (int x = 0; x < im.width; ++x)
                for (int c = 0; c < 3; ++c) {
                    const double v = im.at(y, x, c);
                    sum[c] += v;
                    squares[c] += v * v;
                }
        auto& target = row.label == "fake" ? fake : real;
        for (int c = 0; c < 3; ++c) {
            target[std::size_t(c)].push_back(sum[c] / n);
            target[std::size_t(3 + c)].push_back(
                std::sqrt(std::max(0.0, squares[c] / n - (sum[c] / n) * (sum[c] / n))));
        }
        target[6].push_back(0.299 * sum[0] / n + 0.587 * sum[1] / n + 0.114 * sum[2] / n);
    }
    QVERIFY(!real[0].empty() && real[0].size() == fake[0].size());
    const char* names[] = {"mean R", "mean G", "mean B", "std R", "std G", "std B", "brightness"};
    for (std::size_t s = 0; s < 7; ++s) {
        double auc = rocAuc(real[s], fake[s]);
        auc = std::max(auc, 1 - auc);
        qInfo("%s: AUC %.3f", names[s], auc);
        QVERIFY2(auc < 0.6, qPrintable(QString("%1 separates the classes: AUC %2").arg(names[s]).arg(auc)));
    }
}

void checkMasksAndAnnotations(const QString& folder, int size)
{
    int fakes = 0;
    for (const ManifestRow& row : readManifest(folder)) {
        const QString stem = stemOf(row.path);
        const engine::ImageU8 mask = grey(folder + "/masks/" + stem + ".png");
        const engine::ImageU8 annotation = grey(folder + "/annotations/" + stem + ".png");
        QCOMPARE(mask.width, size);
        QCOMPARE(mask.height, size);
        QCOMPARE(annotation.width, size);
        QCOMPARE(annotation.height, size);
        const auto masked = std::count_if(mask.pixels.begin(), mask.pixels.end(), [](std::uint8_t v) { return v > 0; });
        const auto annotated = std::count_if(annotation.pixels.begin(), annotation.pixels.end(),
                                             [](std::uint8_t v) { return v >= 128; });
        QVERIFY2(annotated > 0, qPrintable(stem));
        QVERIFY2(annotated < size * size / 2, qPrintable(stem + " annotation covers half the image"));
        if (row.label == "real") {
            QCOMPARE(row.group, QString("real"));
            QVERIFY2(masked == 0, qPrintable(stem));
            continue;
        }
        ++fakes;
        QVERIFY2(masked > 0, qPrintable(stem));
        QVERIFY2(row.group != "real" && !row.group.isEmpty(), qPrintable(stem));
        std::int64_t inside = 0;
        for (std::size_t i = 0; i < mask.pixels.size(); ++i)
            inside += mask.pixels[i] > 0 && annotation.pixels[i] >= 128;
        QVERIFY2(inside * 2 > masked,
                 qPrintable(QString("%1: %2 of %3 mask pixels annotated").arg(stem).arg(inside).arg(masked)));
    }
    QVERIFY(fakes > 0);
}

/// The synthetic image differs from its real twin mostly where the mask says.
void checkDifferencesInsideMasks(const QString& folder)
{
    double insideSum = 0, outsideSum = 0;
    std::int64_t insideCount = 0, outsideCount = 0;
    for (const ManifestRow& row : readManifest(folder)) {
        if (row.label != "fake")
            continue;
        QString realPath = row.path;
        realPath.replace("/fake/", "/real/").replace("fake_", "real_");
        const auto fake = readImageRgb((folder + "/" + row.path).toStdString());
        const auto real = readImageRgb((folder + "/" + realPath).toStdString());
        QVERIFY(fake.ok() && real.ok());
        const engine::ImageU8 mask = grey(folder + "/masks/" + stemOf(row.path) + ".png");
        for (int y = 0; y < mask.height; ++y)
            for (int x = 0; x < mask.width; ++x) {
                double d = 0;
                for (int c = 0; c < 3; ++c)
                    d += std::abs(int(fake->at(y, x, c)) - int(real->at(y, x, c)));
                if (mask.at(y, x) > 0) {
                    insideSum += d;
                    ++insideCount;
                } else {
                    outsideSum += d;
                    ++outsideCount;
                }
            }
    }
    const double inside = insideSum / double(std::max<std::int64_t>(1, insideCount));
    const double outside = outsideSum / double(std::max<std::int64_t>(1, outsideCount));
    qInfo("mean |fake - real| inside masks %.2f, outside %.2f", inside, outside);
    QVERIFY(inside > 10 * outside);
    QVERIFY(inside > 15);
}

} // namespace

class TestDemoDataset final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_root;
    QString m_photos;     ///< the dataset from the photographs
    QString m_procedural; ///< the dataset from procedural faces
    bool m_havePhotos = false;
    DemoDatasetParams m_params;

    QString folder(const QString& name) const { return m_root.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_havePhotos = QDir(QString::fromStdString(DemoDatasetParams{}.photoFolder)).exists();
        m_params.outputDirectory = folder("photos").toStdString();
        m_params.imagesPerClass = 60;
        m_params.imageSize = 112;
        m_params.seed = 7;
        NullProgressSink sink;
        QElapsedTimer timer;
        timer.start();
        const auto summary = generateDemoDataset(m_params, sink, CancelToken());
        QVERIFY2(summary.ok(), summary.ok() ? "" : summary.error().c_str());
        qInfo("60 + 60 images (%s) in %lld ms", summary->source.c_str(), timer.elapsed());
        QCOMPARE(QString::fromStdString(summary->source), QString(m_havePhotos ? "photographs" : "procedural"));
        QVERIFY(!summary->reused);
        m_photos = folder("photos");

        DemoDatasetParams procedural = m_params;
        procedural.outputDirectory = folder("procedural").toStdString();
        procedural.photoFolder = folder("no such photographs").toStdString();
        timer.restart();
        const auto drawn = generateDemoDataset(procedural, sink, CancelToken());
        QVERIFY2(drawn.ok(), drawn.ok() ? "" : drawn.error().c_str());
        qInfo("60 + 60 procedural images in %lld ms", timer.elapsed());
        QCOMPARE(drawn->source, std::string("procedural"));
        QCOMPARE(drawn->sourcePhotos, 55);
        m_procedural = folder("procedural");
    }

    void writesTheLayoutAndCounts_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("photographs") << "photos";
        QTest::newRow("procedural") << "procedural";
    }

    void writesTheLayoutAndCounts()
    {
        QFETCH(QString, which);
        const QString out = folder(which);
        const QList<ManifestRow> rows = readManifest(out);
        QCOMPARE(rows.size(), 120);
        QVERIFY(QFile::exists(out + "/dataset.json"));
        for (const ManifestRow& row : rows)
            QVERIFY2(QFile::exists(out + "/" + row.path), qPrintable(row.path));

        // Scanned as a Saliscope dataset: class folders, annotations matched by stem.
        NullProgressSink sink;
        DatasetSource train{(out + "/train").toStdString(), ClassMapping::defaults(),
                            (out + "/annotations").toStdString()};
        const auto dataset = scanDataset(train, sink, CancelToken());
        QVERIFY(dataset.ok());
        QVERIFY(dataset->problems.empty());
        QCOMPARE(dataset->classCounts()[0], 45);
        QCOMPARE(dataset->classCounts()[1], 45);
        for (const auto& record : dataset->records)
            QVERIFY2(!record.annotationPath.empty(), record.path.c_str());
        DatasetSource test{(out + "/test").toStdString(), ClassMapping::defaults(), {}};
        const auto testSet = scanDataset(test, sink, CancelToken());
        QVERIFY(testSet.ok());
        QCOMPARE(testSet->classCounts()[0], 15);
        QCOMPARE(testSet->classCounts()[1], 15);
        // And through its manifest, with the artefact kinds as groups.
        const auto manifest = scanDataset({(out + "/manifest.csv").toStdString(), ClassMapping::defaults(), {}}, sink,
                                          CancelToken());
        QVERIFY(manifest.ok());
        QCOMPARE(int(manifest->records.size()), 120);
        std::set<std::string> groups;
        for (const auto& record : manifest->records)
            groups.insert(record.group);
        for (const char* kind : {"checkerboard", "iris", "droplet", "seam", "blockymouth"})
            QVERIFY2(std::any_of(groups.begin(), groups.end(),
                                 [&](const std::string& g) { return g.find(kind) != std::string::npos; }),
                     kind);
    }

    void globalColourStatisticsDoNotSeparateTheClasses_data() { writesTheLayoutAndCounts_data(); }
    void globalColourStatisticsDoNotSeparateTheClasses()
    {
        QFETCH(QString, which);
        checkGlobalStatistics(folder(which));
    }

    void masksAreExactAndAnnotationsCoverThem_data() { writesTheLayoutAndCounts_data(); }
    void masksAreExactAndAnnotationsCoverThem()
    {
        QFETCH(QString, which);
        checkMasksAndAnnotations(folder(which), 112);
        checkDifferencesInsideMasks(folder(which));
    }

    void splitsByPhotograph_data() { writesTheLayoutAndCounts_data(); }
    void splitsByPhotograph()
    {
        QFETCH(QString, which);
        std::set<QString> train, test, trainPersons, testPersons;
        for (const ManifestRow& row : readManifest(folder(which))) {
            QVERIFY(row.path.startsWith(row.split + "/"));
            (row.split == "train" ? train : test).insert(row.source);
            (row.split == "train" ? trainPersons : testPersons).insert(row.source.section('/', 0, -2));
        }
        QVERIFY(!train.empty() && !test.empty());
        for (const QString& photo : test)
            QVERIFY2(!train.count(photo), qPrintable(photo + " is in both splits"));
        QCOMPARE(trainPersons.size(), std::size_t(5)); // stratified by person
        QCOMPARE(testPersons.size(), std::size_t(5));
    }

    void isDeterministicBySeed()
    {
        DemoDatasetParams again = m_params;
        again.outputDirectory = folder("again").toStdString();
        NullProgressSink sink;
        QVERIFY(generateDemoDataset(again, sink, CancelToken()).ok());
        const auto first = filesBelow(m_photos), second = filesBelow(folder("again"));
        QCOMPARE(first.size(), second.size());
        for (const auto& [path, bytes] : first) {
            QVERIFY2(second.count(path), qPrintable(path));
            QVERIFY2(second.at(path) == bytes, qPrintable(path + " differs between two runs"));
        }

        DemoDatasetParams other = m_params;
        other.outputDirectory = folder("other").toStdString();
        other.seed = 8;
        QVERIFY(generateDemoDataset(other, sink, CancelToken()).ok());
        const auto third = filesBelow(folder("other"));
        int same = 0, images = 0;
        for (const auto& [path, bytes] : first)
            if (path.endsWith(".png") && !path.startsWith("masks/") && third.count(path)) {
                ++images;
                same += third.at(path) == bytes;
            }
        QCOMPARE(images, 240); // 120 images and 120 annotations
        QCOMPARE(same, 0);
    }

    void reusesACompleteDatasetAndReplacesAnOutdatedOne()
    {
        NullProgressSink sink;
        const QDateTime before = QFileInfo(m_photos + "/train/real/real_00000.png").lastModified();
        const auto reused = generateDemoDataset(m_params, sink, CancelToken());
        QVERIFY(reused.ok());
        QVERIFY(reused->reused); // and the files were not written again (their times below)
        QCOMPARE(reused->trainPerClass, 45);
        QCOMPARE(reused->testPerClass, 15);
        QCOMPARE(QFileInfo(m_photos + "/train/real/real_00000.png").lastModified(), before);

        // Other parameters replace it, leaving no stale images behind.
        DemoDatasetParams fewer = m_params;
        fewer.outputDirectory = folder("again").toStdString();
        fewer.imagesPerClass = 8;
        const auto replaced = generateDemoDataset(fewer, sink, CancelToken());
        QVERIFY(replaced.ok());
        QVERIFY(!replaced->reused);
        QCOMPARE(QDir(folder("again") + "/train/real").entryList(QDir::Files).size(), 6);
        QCOMPARE(QDir(folder("again") + "/annotations").entryList(QDir::Files).size(), 16);

        // A missing file makes it regenerate.
        QVERIFY(QFile::remove(folder("again") + "/masks/fake_00003.png"));
        const auto repaired = generateDemoDataset(fewer, sink, CancelToken());
        QVERIFY(repaired.ok());
        QVERIFY(!repaired->reused);
        QVERIFY(QFile::exists(folder("again") + "/masks/fake_00003.png"));
    }

    void refusesAForeignFolderAndBadParameters()
    {
        NullProgressSink sink;
        QVERIFY(QDir(m_root.path()).mkpath("foreign"));
        QFile keep(folder("foreign/thesis.tex"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.close();
        DemoDatasetParams params = m_params;
        params.outputDirectory = folder("foreign").toStdString();
        QVERIFY(!generateDemoDataset(params, sink, CancelToken()).ok());
        QVERIFY(QFile::exists(folder("foreign/thesis.tex")));

        params.outputDirectory = folder("bad").toStdString();
        params.imageSize = 8;
        QVERIFY(!generateDemoDataset(params, sink, CancelToken()).ok());
        params.imageSize = 112;
        params.testFraction = 1.0;
        QVERIFY(!generateDemoDataset(params, sink, CancelToken()).ok());
    }

    void stopsWhenCancelled()
    {
        DemoDatasetParams params = m_params;
        params.outputDirectory = folder("cancelled").toStdString();
        params.imagesPerClass = 400;
        CancelToken token;
        CancellingSink sink(token);
        const auto result = generateDemoDataset(params, sink, token);
        // Finishing before the first progress report is fine too; a cancelled run is incomplete.
        if (!result.ok())
            QCOMPARE(QString::fromStdString(result.error()), QString("cancelled"));
        QVERIFY(result.ok() || !QFile::exists(folder("cancelled/dataset.json")));
    }
};

QTEST_GUILESS_MAIN(TestDemoDataset)
#include "tst_demodataset.moc"
