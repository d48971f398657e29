// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/projectstore.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/dataset.h"
#include "core/measures/measuretable.h"
#include "core/store/storemeasuresink.h"
#include "core/store/storeschema.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>
#include <unistd.h>

using namespace saliscope;

namespace {

std::string hashOf(const std::string& text) { return hashBytes(text.data(), text.size()); }

/// A dataset of `count` records whose hashes are those of "image i".
std::pair<Dataset, std::vector<std::string>> syntheticDataset(int count, const std::string& folder = "/data")
{
    Dataset dataset;
    dataset.location = folder;
    std::vector<std::string> hashes;
    for (int i = 0; i < count; ++i) {
        dataset.records.push_back({folder + "/img" + std::to_string(i) + ".png", i % 2, "g", {}});
        hashes.push_back(hashOf("image " + std::to_string(i)));
    }
    return {dataset, hashes};
}

std::unique_ptr<ProjectStore> openStore(const QString& path, ProjectOpenMode mode = ProjectOpenMode::CreateIfMissing)
{
    auto store = ProjectStore::open(path.toStdString(), mode);
    if (!store) {
        qWarning("%s", store.error().c_str());
        return nullptr;
    }
    return std::move(store).value();
}

/// Runs the store helper to the end, its output discarded; true when it exits 0.
bool runHelper(const QStringList& arguments)
{
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(SALISCOPE_STORE_HELPER, arguments);
    return process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

/// Runs a command; true when it exits 0.
bool shell(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(20000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

/// Runs SQL on a raw connection (to make files as another version would).
bool rawSql(const QString& path, const QStringList& statements)
{
    bool ok = true;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase("QSQLITE", "raw");
        database.setDatabaseName(path);
        ok = database.open();
        QSqlQuery query(database);
        for (const QString& statement : statements)
            ok = ok && query.exec(statement);
        database.close();
    }
    QSqlDatabase::removeDatabase("raw");
    return ok;
}

QString readAll(const QString& path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll());
}

std::int64_t entropyRun(ProjectStore& store, std::int64_t datasetId)
{
    StoredRun run;
    run.measure = "entropy";
    run.parametersJson = R"({"b": 2, "a": 1})";
    run.datasetId = datasetId;
    run.device = "cpu";
    return store.createRun(run).value();
}

} // namespace

class TestProjectStore final : public QObject {
    Q_OBJECT

private slots:
    void createsSchema()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.filePath("p.saliscope"));
        QVERIFY(store);
        QVERIFY(!store->isReadOnly());
        QCOMPARE(store->schemaVersion(), StoreSchema::CurrentVersion);
        QCOMPARE(store->integrityCheck().value(), std::string("ok"));
        store.reset();
        QVERIFY(!QFile::exists(dir.filePath("p.saliscope.lock")));
        QSqlDatabase database = QSqlDatabase::addDatabase("QSQLITE", "check");
        database.setDatabaseName(dir.filePath("p.saliscope"));
        QVERIFY(database.open());
        QSqlQuery query(database);
        QVERIFY(query.exec("PRAGMA journal_mode") && query.next());
        QCOMPARE(query.value(0).toString(), QString("wal"));
        QVERIFY(query.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        QStringList tables;
        while (query.next())
            tables << query.value(0).toString();
        for (const char* table : {"datasets", "images", "models", "families", "family_members", "maps", "runs",
                                  "result_columns", "results", "summaries", "schema_version", "dataset_problems"})
            QVERIFY2(tables.contains(table), table);
        query = QSqlQuery();
        database.close();
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase("check");
    }

    void roundTrips()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.filePath("p.saliscope"));
        QVERIFY(store);
        auto [dataset, hashes] = syntheticDataset(5);
        hashes[4].clear(); // unreadable
        const auto datasetId = store->addDataset(dataset, hashes, {{dataset.records[4].path, "empty (0 bytes)"}});
        QVERIFY(datasetId.ok());
        const auto datasets = store->datasets().value();
        QCOMPARE(int(datasets.size()), 1);
        QCOMPARE(datasets[0].imageCount, std::int64_t(5));
        const auto images = store->images(datasetId.value()).value();
        QCOMPARE(int(images.size()), 5);
        QCOMPARE(images[1].path, dataset.records[1].path);
        QCOMPARE(images[1].label, 1);
        QCOMPARE(images[1].group, std::string("g"));
        QCOMPARE(images[1].contentHash, hashes[1]);
        QCOMPARE(images[4].contentHash, std::string());
        QCOMPARE(images[4].problem, std::string("empty (0 bytes)"));

        StoredModel model{0, "/m/a.pt", "aaaa", R"({"input_size":[224,224]})", "densenet", "features"};
        const auto modelId = store->addModel(model).value();
        model.path = "/moved/a.pt";
        QCOMPARE(store->addModel(model).value(), modelId); // same file hash: updated, not added
        const auto secondId = store->addModel({0, "/m/b.pt", "bbbb", "{}", "resnet", "layer4"}).value();
        const auto models = store->models().value();
        QCOMPARE(int(models.size()), 2);
        QCOMPARE(models[0].path, std::string("/moved/a.pt"));
        QCOMPARE(models[1].camLayer, std::string("layer4"));

        QVERIFY(store->addFamily("densenet-cyborg", {modelId, secondId}).ok());
        QVERIFY(store->addFamily("densenet-cyborg", {modelId}).ok());
        const auto families = store->families().value();
        QCOMPARE(int(families.size()), 1);
        QCOMPARE(families[0].modelIds, (std::vector<std::int64_t>{modelId, secondId}));

        StoredMap map{modelId, hashes[0], "", 7, 7, false, std::vector<std::uint8_t>(49, 0)};
        for (int i = 0; i < 49; ++i)
            map.pixels[std::size_t(i)] = std::uint8_t(i * 5);
        QVERIFY(store->putMaps({map}).ok());
        QVERIFY(!store->putMaps({{modelId, hashes[1], "", 7, 7, false, {1, 2}}}).ok()); // wrong size
        const auto read = store->map(modelId, hashes[0]).value();
        QVERIFY(read.has_value());
        QCOMPARE(read->pixels, map.pixels);
        QCOMPARE(read->width, 7);
        QVERIFY(!store->map(modelId, hashes[1]).value().has_value());

        const auto runId = entropyRun(*store, datasetId.value());
        auto run = store->run(runId).value();
        QCOMPARE(run.status, RunStatus::Queued);
        QCOMPARE(run.parametersJson, std::string(R"({"a":1,"b":2})")); // canonical
        QVERIFY(!run.softwareVersion.empty());
        QVERIFY(!run.created.empty());
        QCOMPARE(store->findRun("entropy", R"({"a": 1, "b": 2})", datasetId.value()).value(),
                 std::optional<std::int64_t>(runId));
        QVERIFY(!store->findRun("entropy", R"({"a": 3})", datasetId.value()).value().has_value());
        QVERIFY(store->setRunStatus(runId, RunStatus::Running).ok());
        QVERIFY(!store->run(runId)->started.empty());

        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<std::string> columns = {"entropy", "flat"};
        QVERIFY(store
                    ->writeResults(runId, columns,
                                   {{0, "a", "", {1.5, 0}}, {0, "b", "", {0.1 + 0.2, nan}}, {2, "a", "", {-3e-300, 1}}})
                    .ok());
        QVERIFY(!store->writeResults(runId, {"other"}, {{1, "a", "", {1}}}).ok());  // other columns
        QVERIFY(!store->writeResults(runId, columns, {{9, "a", "", {1, 2}}}).ok()); // outside the dataset
        QCOMPARE(store->resultColumns(runId).value(), columns);
        const auto results = store->results(runId).value();
        QCOMPARE(int(results.size()), 3);
        QCOMPARE(results[1].values[0], 0.1 + 0.2); // exact
        QVERIFY(std::isnan(results[1].values[1]));
        QCOMPARE(results[2].position, std::int64_t(2));
        QCOMPARE(store->completedImages(runId).value(), (std::vector<std::int64_t>{0, 2}));
        QCOMPARE(store->completedImages(runId, 2).value(), (std::vector<std::int64_t>{0}));

        QVERIFY(store->setSummary(runId, R"({"mean": 1})").ok());
        QCOMPARE(store->summary(runId).value(), std::optional<std::string>(R"({"mean": 1})"));
        QVERIFY(store->clearSummaries().ok()); // what a merge does: summaries are computed, not stored
        QCOMPARE(store->summary(runId).value(), std::optional<std::string>());
        QVERIFY(store->addComputeTime(runId, 1.5).ok());
        QVERIFY(store->addComputeTime(runId, 2.0).ok());
        QVERIFY(store->setRunStatus(runId, RunStatus::Finished).ok());
        run = store->run(runId).value();
        QCOMPARE(run.status, RunStatus::Finished);
        QCOMPARE(run.computeSeconds, 3.5);
        QCOMPARE(run.resultCount, std::int64_t(3));
        QVERIFY(!run.finished.empty());
        QCOMPARE(int(store->runs()->size()), 1);
        QVERIFY(!store->setRunStatus(999, RunStatus::Failed).ok());

        const QString csv = dir.filePath("run.csv");
        QVERIFY(store->exportRunCsv(runId, csv.toStdString()).ok());
        QCOMPARE(readAll(csv),
                 QString("image,label,group,content_hash,model,variant,entropy,flat\n"
                         "/data/img0.png,0,g,%1,a,,1.5,0\n"
                         "/data/img0.png,0,g,%1,b,,0.30000000000000004,\n"
                         "/data/img2.png,0,g,%2,a,,-3e-300,1\n")
                     .arg(QString::fromStdString(hashes[0]), QString::fromStdString(hashes[2])));
    }

    void datasetSurvivesRenames()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.filePath("p.saliscope"));
        auto [dataset, hashes] = syntheticDataset(4, "/old");
        const auto datasetId = store->addDataset(dataset, hashes).value();
        const auto runId = entropyRun(*store, datasetId);
        QVERIFY(store->writeResults(runId, {"v"}, {{1, "m", "", {11}}, {3, "m", "", {33}}}).ok());
        // Moved to another folder, renamed and listed in another order.
        auto [moved, movedHashes] = syntheticDataset(4, "/new");
        std::reverse(moved.records.begin(), moved.records.end());
        std::reverse(movedHashes.begin(), movedHashes.end());
        QCOMPARE(store->addDataset(moved, movedHashes).value(), datasetId);
        QCOMPARE(int(store->datasets()->size()), 1);
        QCOMPARE(store->completedImages(runId).value(), (std::vector<std::int64_t>{0, 2}));
        const auto results = store->results(runId).value();
        QCOMPARE(results[0].values[0], 33.0); // image 3 is now at position 0
        QCOMPARE(store->images(datasetId)->at(0).path, std::string("/new/img3.png"));
    }

    void datasetKeepsWhatItsScanSetAside()
    {
        // Runs list what the scan set aside with their skipped images, in later sessions too.
        QTemporaryDir dir;
        auto store = openStore(dir.filePath("p.saliscope"));
        auto [dataset, hashes] = syntheticDataset(2);
        dataset.problems = {{"/data/anim.gif",
                             "not an image Saliscope reads (.gif; png, jpg, jpeg, bmp, tif, tiff or webp)"},
                            {"/data/bad\\xFF.png", "file name is not valid UTF-8; rename it"}};
        const auto datasetId = store->addDataset(dataset, hashes).value();
        QCOMPARE(store->datasetProblems(datasetId).value(), dataset.problems);
        store.reset();
        store = openStore(dir.filePath("p.saliscope"), ProjectOpenMode::ReadOnly);
        QCOMPARE(store->datasetProblems(datasetId).value(), dataset.problems);
        store.reset();
        // Scanned again (the GIF removed): the same dataset, with the new scan's list.
        store = openStore(dir.filePath("p.saliscope"));
        dataset.problems.erase(dataset.problems.begin());
        QCOMPARE(store->addDataset(dataset, hashes).value(), datasetId);
        QCOMPARE(store->datasetProblems(datasetId).value(), dataset.problems);
        QVERIFY(store->datasetProblems(datasetId + 1)->empty());
    }

    void storesAbsolutePaths()
    {
        // A dataset scanned as "ds" from the command line must open from any working folder.
        QTemporaryDir dir;
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        auto store = openStore(dir.filePath("p.saliscope"));
        auto [dataset, hashes] = syntheticDataset(2, "ds");
        dataset.records[0].annotationPath = "masks/../masks/img0.png";
        dataset.records[1].maskPath = "artefacts/img1.png";
        const auto datasetId = store->addDataset(dataset, hashes);
        QVERIFY(QDir::setCurrent(previous));
        QVERIFY(datasetId.ok());
        const QString root = QFileInfo(dir.path()).canonicalFilePath();
        const auto stored = store->datasets().value().front();
        QCOMPARE(QString::fromStdString(stored.location), QDir::cleanPath(root + "/ds"));
        const auto images = store->images(datasetId.value()).value();
        QCOMPARE(QString::fromStdString(images[1].path), QDir::cleanPath(root + "/ds/img1.png"));
        QCOMPARE(QString::fromStdString(images[0].annotation), QDir::cleanPath(root + "/masks/img0.png"));
        QCOMPARE(images[1].annotation, std::string()); // no annotation stays none
        QCOMPARE(QString::fromStdString(images[1].mask), QDir::cleanPath(root + "/artefacts/img1.png")); // v5
        QCOMPARE(images[0].mask, std::string());

        // A path stored relative (by an older version) is read relative to the project's folder.
        QVERIFY(rawSql(dir.filePath("p.saliscope"),
                       {"UPDATE images SET path = 'old/../data/img.png' WHERE position = 0",
                        "UPDATE datasets SET location = 'data'"}));
        QCOMPARE(QString::fromStdString(store->images(datasetId.value()).value()[0].path),
                 QDir(dir.path()).filePath("data/img.png"));
        QCOMPARE(QString::fromStdString(store->datasets().value().front().location), QDir(dir.path()).filePath("data"));
    }

    void datasetsOfOneFolderHaveNames()
    {
        // Two subsets of one folder (as in the demo) are told apart by their names; a dataset
        // scanned again without a name keeps the one it has, and one without a name is titled
        // by its location.
        QTemporaryDir dir;
        auto store = openStore(dir.filePath("p.saliscope"));
        auto [whole, wholeHashes] = syntheticDataset(4, "/data/test");
        whole.name = "test split, whole";
        auto [subset, subsetHashes] = syntheticDataset(2, "/data/test");
        subset.name = "test split, measured subset";
        auto [plain, plainHashes] = syntheticDataset(3, "/data/other");
        QVERIFY(store->addDataset(whole, wholeHashes).ok());
        QVERIFY(store->addDataset(subset, subsetHashes).ok());
        QVERIFY(store->addDataset(plain, plainHashes).ok());
        whole.name.clear();
        QVERIFY(store->addDataset(whole, wholeHashes).ok());
        const auto datasets = store->datasets().value();
        QCOMPARE(datasets.size(), std::size_t(3));
        QCOMPARE(datasets[0].title(), std::string("test split, whole"));
        QCOMPARE(datasets[1].title(), std::string("test split, measured subset"));
        QCOMPARE(datasets[2].name, std::string());
        QCOMPARE(datasets[2].title(), std::string("/data/other"));
    }

    void migratesVersionOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("old.saliscope");
        // A file as version 1 made it, with data.
        {
            QSqlDatabase database = QSqlDatabase::addDatabase("QSQLITE", "v1");
            database.setDatabaseName(path);
            QVERIFY(database.open());
            QVERIFY(StoreSchema::migrate(database, 1).ok());
            QSqlQuery query(database);
            QVERIFY(query.exec(
                "INSERT INTO datasets (location, fingerprint, image_count, created) VALUES ('/d', 'f', 1, 'now')"));
            QVERIFY(query.exec("INSERT INTO images (dataset_id, position, path, label, content_hash) VALUES (1, 0, "
                               "'/d/a.png', 0, 'h')"));
            QVERIFY(query.exec("INSERT INTO runs (measure, parameters, dataset_id, status, created, software_version)"
                               " VALUES ('entropy', '{}', 1, 'finished', 'now', '0.1.0')"));
            QVERIFY(query.exec("PRAGMA table_info(runs)"));
            bool hasTimings = false;
            while (query.next())
                hasTimings = hasTimings || query.value(1).toString() == "compute_seconds";
            QVERIFY(!hasTimings);
            QVERIFY(query.exec("SELECT version FROM schema_version") && query.next());
            QCOMPARE(query.value(0).toInt(), 1);
            query = QSqlQuery();
            database.close();
        }
        QSqlDatabase::removeDatabase("v1");
        // Read-only, it cannot be upgraded: a clear refusal.
        auto readOnly = ProjectStore::open(path.toStdString(), ProjectOpenMode::ReadOnly);
        QVERIFY(!readOnly.ok());
        QVERIFY2(readOnly.error().find("upgraded") != std::string::npos, readOnly.error().c_str());

        auto store = openStore(path, ProjectOpenMode::OpenExisting);
        QVERIFY(store);
        QCOMPARE(store->schemaVersion(), StoreSchema::CurrentVersion);
        QCOMPARE(store->datasets()->at(0).title(), std::string("/d")); // v3: no name, titled by location
        const auto runs = store->runs().value();
        QCOMPARE(int(runs.size()), 1);
        QCOMPARE(runs[0].status, RunStatus::Finished);
        QCOMPARE(runs[0].computeSeconds, 0.0);
        QVERIFY(store->addComputeTime(runs[0].id, 4).ok());
        QCOMPARE(store->run(runs[0].id)->computeSeconds, 4.0);
        QCOMPARE(store->images(1)->at(0).path, std::string("/d/a.png"));
        QCOMPARE(store->images(1)->at(0).mask, std::string()); // v5: images stored before masks have none
        QCOMPARE(store->integrityCheck().value(), std::string("ok"));
    }

    void refusesNewerAndForeignFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("new.saliscope");
        QVERIFY(openStore(path));
        QVERIFY(rawSql(path, {"UPDATE schema_version SET version = 99"}));
        for (auto mode : {ProjectOpenMode::OpenExisting, ProjectOpenMode::ReadOnly}) {
            auto store = ProjectStore::open(path.toStdString(), mode);
            QVERIFY(!store.ok());
            QVERIFY2(store.error().find("made by a newer Saliscope") != std::string::npos, store.error().c_str());
        }
        const QString text = dir.filePath("text.saliscope");
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello, this is not a database at all");
        file.close();
        auto notSqlite = ProjectStore::open(text.toStdString(), ProjectOpenMode::OpenExisting);
        QVERIFY(!notSqlite.ok());
        QVERIFY(notSqlite.error().find("not a Saliscope project") != std::string::npos);
        const QString foreign = dir.filePath("foreign.db");
        QVERIFY(rawSql(foreign, {"CREATE TABLE customers (name TEXT)"}));
        auto other = ProjectStore::open(foreign.toStdString(), ProjectOpenMode::OpenExisting);
        QVERIFY(!other.ok());
        QVERIFY2(other.error().find("not a Saliscope project") != std::string::npos, other.error().c_str());
        QVERIFY(rawSql(foreign, {"SELECT * FROM customers"})); // untouched
        auto missing = ProjectStore::open(dir.filePath("none.saliscope").toStdString(), ProjectOpenMode::OpenExisting);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().find("no such project") != std::string::npos);
    }

    void readOnlyModeRefusesWrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("p.saliscope");
        {
            auto store = openStore(path);
            auto [dataset, hashes] = syntheticDataset(3);
            store->addDataset(dataset, hashes);
        }
        auto store = openStore(path, ProjectOpenMode::ReadOnly);
        QVERIFY(store);
        QVERIFY(store->isReadOnly());
        QCOMPARE(int(store->datasets()->size()), 1);
        auto added = store->addModel({0, "/m.pt", "cccc", "{}", "densenet", "features"});
        QVERIFY(!added.ok());
        QVERIFY2(added.error().find("read-only") != std::string::npos, added.error().c_str());
    }

    void readOnlyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("p.saliscope");
        QVERIFY(openStore(path));
        // Root ignores file permissions: make the file immutable instead (ext4, CAP_LINUX_IMMUTABLE).
        const bool root = ::geteuid() == 0;
        if (root) {
            if (!shell("chattr", {"+i", path}))
                QSKIP("running as root and chattr +i is not available here: no way to make a file read-only for root");
        } else {
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        }
        {
            auto store = openStore(path, ProjectOpenMode::OpenExisting);
            QVERIFY(store);
            QVERIFY(store->isReadOnly());
            QVERIFY2(store->readOnlyReason().find("read-only") != std::string::npos, store->readOnlyReason().c_str());
            QVERIFY(store->runs().ok());
            auto write = store->setSummary(1, "{}");
            QVERIFY(!write.ok());
            QVERIFY(write.error().find("read-only") != std::string::npos);
        }
        if (root)
            QVERIFY(shell("chattr", {"-i", path}));
    }

    void readOnlyOpenLeavesWritableSidecars()
    {
        // SQLite made the -wal and -shm files of a read-only open with the 0444 project's mode:
        // after `chmod u+w` on the project they still kept every writer out.
        QTemporaryDir dir;
        const QString path = dir.filePath("p.saliscope");
        {
            auto store = openStore(path);
            auto [dataset, hashes] = syntheticDataset(3);
            QVERIFY(store->addDataset(dataset, hashes).ok());
        }
        QVERIFY(!QFile::exists(path + "-wal"));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        {
            auto store = openStore(path, ProjectOpenMode::ReadOnly);
            QVERIFY(store);
            QCOMPARE(int(store->images(1)->size()), 3);
        }
        for (const char* suffix : {"-wal", "-shm"})
            if (QFile::exists(path + suffix))
                QVERIFY2(QFile::permissions(path + suffix) & QFile::WriteOwner, suffix);
        QVERIFY(
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        auto store = openStore(path, ProjectOpenMode::OpenExisting);
        QVERIFY(store);
        QVERIFY(!store->isReadOnly());
        QVERIFY(store->addFamily("f", {}).ok());
    }

    void symlinkSharesTheLock()
    {
        // The lock was named after the path given: a link to the same project let a second writer in.
        QTemporaryDir dir;
        const QString path = dir.filePath("p.saliscope");
        const QString link = dir.filePath("link.saliscope");
        auto first = openStore(path);
        QVERIFY(first);
        QVERIFY(QFile::link(path, link));
        auto second = ProjectStore::open(link.toStdString(), ProjectOpenMode::OpenExisting);
        QVERIFY(!second.ok());
        QVERIFY2(second.error().find("in use by another Saliscope process") != std::string::npos,
                 second.error().c_str());
        QVERIFY(ProjectStore::open(link.toStdString(), ProjectOpenMode::ReadOnly).ok()); // reading is fine
    }

    void readOnlyFolder()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("mnt");
        QVERIFY(QDir().mkpath(folder));
        const bool root = ::geteuid() == 0;
        if (root && !shell("mount", {"-t", "tmpfs", "-o", "size=4m", "tmpfs", folder}))
            QSKIP("running as root and cannot mount a tmpfs: no read-only folder for root here");
        const QString path = folder + "/p.saliscope";
        {
            auto store = openStore(path);
            QVERIFY(store);
            auto [dataset, hashes] = syntheticDataset(3);
            QVERIFY(store->addDataset(dataset, hashes).ok());
        }
        if (root)
            QVERIFY(shell("mount", {"-o", "remount,ro", folder}));
        else
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        {
            auto store = openStore(path, ProjectOpenMode::OpenExisting);
            QVERIFY(store);
            QVERIFY(store->isReadOnly());
            QCOMPARE(int(store->images(1)->size()), 3);
            QVERIFY(!store->addFamily("x", {}).ok());
        }
        if (root)
            QVERIFY(shell("umount", {folder}));
        else
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void fullDisk()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath("small");
        QVERIFY(QDir().mkpath(folder));
        if (!shell("mount", {"-t", "tmpfs", "-o", "size=600k", "tmpfs", folder}))
            QSKIP("cannot mount a small tmpfs here (needs root and mount rights)");
        const QString path = folder + "/p.saliscope";
        std::int64_t written = 0;
        {
            auto store = openStore(path);
            QVERIFY(store);
            auto [dataset, hashes] = syntheticDataset(200);
            const auto datasetId = store->addDataset(dataset, hashes).value();
            const auto runId = entropyRun(*store, datasetId);
            const std::vector<std::string> columns(500, "v");
            std::string failure;
            for (int image = 0; image < 200 && failure.empty(); ++image) {
                auto status = store->writeResults(runId, columns, {{image, "m", "", std::vector<double>(500, image)}});
                if (status)
                    ++written;
                else
                    failure = status.error();
            }
            QVERIFY2(!failure.empty(), "the disk never filled up");
            QVERIFY2(failure.find("disk is full") != std::string::npos, failure.c_str());
            QVERIFY(written > 0);
            // Everything committed before the failure is there, and the file is sound.
            QCOMPARE(std::int64_t(store->completedImages(runId)->size()), written);
            QCOMPARE(store->integrityCheck().value(), std::string("ok"));
        }
        {
            auto store = openStore(path, ProjectOpenMode::OpenExisting);
            QVERIFY(store);
            QCOMPARE(store->integrityCheck().value(), std::string("ok"));
            QCOMPARE(std::int64_t(store->results(1)->size()), written);
        }
        QVERIFY(shell("umount", {folder}));
    }

    void twoProcesses()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("p.saliscope");
        QProcess holder;
        holder.start(SALISCOPE_STORE_HELPER, {"hold", path});
        QVERIFY(holder.waitForReadyRead(20000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("holding"));
        auto second = ProjectStore::open(path.toStdString(), ProjectOpenMode::OpenExisting);
        QVERIFY(!second.ok());
        QVERIFY2(second.error().find("in use by another Saliscope process") != std::string::npos,
                 second.error().c_str());
        QVERIFY(second.error().find(std::to_string(holder.processId())) != std::string::npos);
        auto reader = ProjectStore::open(path.toStdString(), ProjectOpenMode::ReadOnly); // reading is fine
        QVERIFY2(reader.ok(), reader.ok() ? "" : reader.error().c_str());
        QVERIFY(reader.value()->runs().ok());
        holder.kill();
        QVERIFY(holder.waitForFinished(10000));
        auto after = ProjectStore::open(path.toStdString(),
                                        ProjectOpenMode::OpenExisting); // the stale lock is taken over
        QVERIFY2(after.ok(), after.ok() ? "" : after.error().c_str());
        // Within one process, a second writable store is refused as well.
        auto again = ProjectStore::open(path.toStdString(), ProjectOpenMode::OpenExisting);
        QVERIFY(!again.ok());
    }

    void killAndResume()
    {
        QTemporaryDir dir;
        const QString reference = dir.filePath("reference.saliscope");
        const QString killed = dir.filePath("killed.saliscope");
        QVERIFY(runHelper({"write", reference, "300", "10", "0"}));

        QProcess writer;
        writer.start(SALISCOPE_STORE_HELPER, {"write", killed, "300", "10", "20"});
        QVERIFY(writer.waitForStarted());
        int committed = 0;
        while (committed < 100 && writer.waitForReadyRead(20000)) {
            while (writer.canReadLine()) {
                const QByteArray line = writer.readLine().trimmed();
                if (line.startsWith("committed "))
                    committed = line.mid(10).toInt();
            }
        }
        QVERIFY(committed >= 100);
        writer.kill(); // SIGKILL, mid-run
        QVERIFY(writer.waitForFinished(10000));
        {
            auto store = openStore(killed, ProjectOpenMode::ReadOnly);
            QVERIFY(store);
            QCOMPARE(store->integrityCheck().value(), std::string("ok"));
            const auto run = store->runs()->at(0);
            QCOMPARE(run.status, RunStatus::Running);
            const auto done = store->completedImages(run.id, 2).value().size();
            QVERIFY(int(done) >= committed);
            QVERIFY(done < 300);
        }
        QVERIFY(runHelper({"write", killed, "300", "10", "0"})); // resume
        auto resumed = openStore(killed, ProjectOpenMode::OpenExisting);
        auto uninterrupted = openStore(reference, ProjectOpenMode::OpenExisting);
        QVERIFY(resumed && uninterrupted);
        QCOMPARE(int(resumed->runs()->size()), 1);
        QCOMPARE(resumed->runs()->at(0).status, RunStatus::Finished);
        QCOMPARE(resumed->runs()->at(0).resultCount, std::int64_t(600));
        QVERIFY(resumed->exportRunCsv(1, dir.filePath("resumed.csv").toStdString()).ok());
        QVERIFY(uninterrupted->exportRunCsv(1, dir.filePath("reference.csv").toStdString()).ok());
        QCOMPARE(readAll(dir.filePath("resumed.csv")), readAll(dir.filePath("reference.csv")));
        QCOMPARE(resumed->integrityCheck().value(), std::string("ok"));
    }

    void sinkStreamsFromThreads()
    {
        QTemporaryDir dir;
        auto store = openStore(dir.filePath("p.saliscope"));
        auto [dataset, hashes] = syntheticDataset(400);
        const auto runId = entropyRun(*store, store->addDataset(dataset, hashes).value());
        auto sink = store->makeSink(runId).value();
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = t; i < 400; i += 4)
                    sink->rowsReady(MeasureKind::Entropy, {"v"}, {{i, "m", "", {double(i)}}});
            });
        for (auto& thread : threads)
            thread.join();
        QVERIFY(store->flush().ok());
        QVERIFY(sink->status().ok());
        QCOMPARE(int(store->completedImages(runId)->size()), 400);
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "tst_projectstore.moc"
