// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/projectmerge.h"

#include "core/dataset/contenthash.h"
#include "core/dataset/dataset.h"
#include "core/measures/measuretable.h"
#include "core/store/projectstore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;

namespace {

/// Makes a project holding shard `shard` ("K/N" or "") of an entropy run over 10 images found
/// under `folder`: it computes the images whose position % N == K - 1.
void makeShard(const QString& path, const std::string& shard, const std::string& folder,
               const std::string& parameters = R"({"sigma": 1})")
{
    auto store = ProjectStore::open(path.toStdString(), ProjectOpenMode::CreateIfMissing).value();
    Dataset dataset;
    dataset.location = folder;
    dataset.problems = {{folder + "/anim.gif", "not an image Saliscope reads (.gif)"}};
    std::vector<std::string> hashes;
    for (int i = 0; i < 10; ++i) {
        dataset.records.push_back({folder + "/img" + std::to_string(i) + ".png", i % 2, {}, {}});
        const std::string content = "image " + std::to_string(i);
        hashes.push_back(hashBytes(content.data(), content.size()));
    }
    const auto datasetId = store->addDataset(dataset, hashes).value();
    const auto modelId = store->addModel({0, folder + "/m.pt", "modelhash", "{}", "densenet", "features"}).value();
    store->addFamily("family", {modelId});
    store->putMaps({{modelId, hashes[0], "", 2, 2, false, {1, 2, 3, 4}}});
    StoredRun run;
    run.measure = "entropy";
    run.parametersJson = parameters;
    run.datasetId = datasetId;
    run.shard = shard;
    const auto runId = store->createRun(run).value();
    int part = 1, count = 1;
    if (!shard.empty())
        std::sscanf(shard.c_str(), "%d/%d", &part, &count);
    std::vector<MeasureRow> rows;
    for (int i = 0; i < 10; ++i)
        if (i % count == part - 1)
            rows.push_back({i, "modelhash", "", {i * 1.5}});
    QVERIFY(store->writeResults(runId, {"entropy"}, rows).ok());
    QVERIFY(store->addComputeTime(runId, 2).ok());
    QVERIFY(store->setRunStatus(runId, RunStatus::Finished).ok());
}

} // namespace

class TestProjectMerge final : public QObject {
    Q_OBJECT

private slots:
    void mergesShardsIdempotently()
    {
        QTemporaryDir dir;
        makeShard(dir.filePath("a.saliscope"), "1/2", "/node1/data");
        makeShard(dir.filePath("b.saliscope"), "2/2", "/node2/elsewhere");
        auto out =
            ProjectStore::open(dir.filePath("out.saliscope").toStdString(), ProjectOpenMode::CreateIfMissing).value();

        auto first = mergeProject(*out, dir.filePath("a.saliscope").toStdString());
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().c_str());
        QCOMPARE(first->runsAdded, 1);
        QCOMPARE(first->datasetsAdded, 1);
        // What the shard's scan set aside comes along: runs on the merged dataset list it.
        QCOMPARE(out->datasetProblems(out->datasets()->at(0).id).value(),
                 (std::vector<std::pair<std::string, std::string>>{
                     {"/node1/data/anim.gif", "not an image Saliscope reads (.gif)"}}));
        QCOMPARE(first->modelsAdded, 1);
        QCOMPARE(first->resultsAdded, std::int64_t(5));
        auto run = out->runs()->at(0);
        QCOMPARE(run.shard, std::string("1/2"));
        QVERIFY(run.error.find("not merged yet") != std::string::npos);

        auto second = mergeProject(*out, dir.filePath("b.saliscope").toStdString());
        QVERIFY2(second.ok(), second.ok() ? "" : second.error().c_str());
        QCOMPARE(second->runsAdded, 0);
        QCOMPARE(second->runsExtended, 1);
        QCOMPARE(second->datasetsAdded, 0); // same images under other paths: the same dataset
        QCOMPARE(second->resultsAdded, std::int64_t(5));
        QCOMPARE(int(out->runs()->size()), 1);
        run = out->runs()->at(0);
        QCOMPARE(run.shard, std::string("1,2/2")); // complete
        QCOMPARE(run.status, RunStatus::Finished);
        QCOMPARE(run.error, std::string());
        QCOMPARE(run.computeSeconds, 4.0);
        QCOMPARE(run.resultCount, std::int64_t(10));
        QCOMPARE(out->completedImages(run.id)->size(), std::size_t(10));
        const auto results = out->results(run.id).value();
        for (const auto& result : results)
            QCOMPARE(result.values[0], double(result.position) * 1.5);

        // Idempotent: the same files again add nothing.
        for (const char* name : {"a.saliscope", "b.saliscope"}) {
            auto again = mergeProject(*out, dir.filePath(name).toStdString());
            QVERIFY(again.ok());
            QCOMPARE(again->runsAdded, 0);
            QCOMPARE(again->resultsAdded, std::int64_t(0));
            QCOMPARE(again->runsExtended, 0);
        }
        QCOMPARE(int(out->runs()->size()), 1);
        QCOMPARE(out->runs()->at(0).computeSeconds, 4.0);
        QCOMPARE(int(out->datasets()->size()), 1);
        QCOMPARE(int(out->models()->size()), 1);
        QCOMPARE(int(out->families()->size()), 1);
        QCOMPARE(out->families()->at(0).modelIds.size(), std::size_t(1));
        QVERIFY(out->map(out->models()->at(0).id, hashBytes("image 0", 7)).value().has_value());
        QCOMPARE(out->integrityCheck().value(), std::string("ok"));
    }

    void refusesShardsWithOtherParameters()
    {
        QTemporaryDir dir;
        makeShard(dir.filePath("a.saliscope"), "1/2", "/d");
        makeShard(dir.filePath("b.saliscope"), "2/2", "/d", R"({"sigma": 2})");
        auto out =
            ProjectStore::open(dir.filePath("out.saliscope").toStdString(), ProjectOpenMode::CreateIfMissing).value();
        QVERIFY(mergeProject(*out, dir.filePath("a.saliscope").toStdString()).ok());
        auto refused = mergeProject(*out, dir.filePath("b.saliscope").toStdString());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().find("parameters") != std::string::npos, refused.error().c_str());
        QCOMPARE(out->runs()->at(0).resultCount, std::int64_t(5)); // nothing written
        QCOMPARE(int(out->runs()->size()), 1);
    }

    void wholeRunsWithOtherParametersStayApart()
    {
        QTemporaryDir dir;
        makeShard(dir.filePath("a.saliscope"), "", "/d");
        makeShard(dir.filePath("b.saliscope"), "", "/d", R"({"sigma": 2})");
        auto out =
            ProjectStore::open(dir.filePath("out.saliscope").toStdString(), ProjectOpenMode::CreateIfMissing).value();
        QVERIFY(mergeProject(*out, dir.filePath("a.saliscope").toStdString()).ok());
        QVERIFY(mergeProject(*out, dir.filePath("b.saliscope").toStdString()).ok());
        QCOMPARE(int(out->runs()->size()), 2);
        QVERIFY(!mergeProject(*out, dir.filePath("out.saliscope").toStdString()).ok()); // itself
    }
};

QTEST_GUILESS_MAIN(TestProjectMerge)
#include "tst_projectmerge.moc"
