// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/datasethashing.h"

#include "core/dataset/contenthash.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace saliscope;

namespace {

class RecordingSink final : public ProgressSink {
public:
    void progress(std::int64_t done, std::int64_t total) override
    {
        lastDone = done;
        lastTotal = total;
        ++calls;
    }
    void message(const std::string& text) override { messages.push_back(text); }
    std::int64_t lastDone = -1, lastTotal = -1;
    int calls = 0;
    std::vector<std::string> messages;
};

class CancellingSink final : public ProgressSink {
public:
    explicit CancellingSink(CancelToken token) : m_token(std::move(token)) {}
    void progress(std::int64_t, std::int64_t) override { m_token.cancel(); }

private:
    CancelToken m_token;
};

} // namespace

class TestDatasetHashing final : public QObject {
    Q_OBJECT

private slots:
    void hashesInParallelAndReportsProblems_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one thread") << 1;
        QTest::newRow("four threads") << 4;
    }

    void hashesInParallelAndReportsProblems()
    {
        QFETCH(int, threads);
        QTemporaryDir dir;
        Dataset dataset;
        for (int i = 0; i < 40; ++i) {
            const QString path = dir.filePath(QString("img%1.png").arg(i));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            if (i != 7) // record 7 is a zero-byte file
                file.write(QByteArray::number(i).repeated(100));
            dataset.records.push_back({path.toStdString(), i % 2, {}, {}});
        }
        dataset.records.push_back({dir.filePath("deleted.png").toStdString(), 0, {}, {}});
        RecordingSink sink;
        auto result = hashDataset(dataset, {threads}, sink, CancelToken());
        QVERIFY(result.ok());
        QCOMPARE(int(result->hashes.size()), 41);
        QCOMPARE(result->hashedCount(), 39);
        QCOMPARE(int(result->problems.size()), 2);
        QVERIFY(result->hashes[7].empty());
        QVERIFY(result->hashes[40].empty());
        QCOMPARE(result->hashes[3], hashFile(dataset.records[3].path).value());
        QCOMPARE(sink.lastDone, std::int64_t(41));
        QCOMPARE(sink.lastTotal, std::int64_t(41));
        QCOMPARE(int(sink.messages.size()), 2);
        QVERIFY(result->problems[0].second.find("empty") != std::string::npos);
        QVERIFY(result->problems[1].second.find("no such file") != std::string::npos);
    }

    void cancels()
    {
        QTemporaryDir dir;
        Dataset dataset;
        for (int i = 0; i < 2000; ++i)
            dataset.records.push_back({dir.filePath("missing.png").toStdString(), 0, {}, {}});
        CancelToken token;
        token.cancel();
        NullProgressSink sink;
        auto result = hashDataset(dataset, {2}, sink, token);
        QVERIFY(!result.ok());
        QVERIFY(result.error().find("cancelled") != std::string::npos);
    }

    void emptyDataset()
    {
        NullProgressSink sink;
        auto result = hashDataset(Dataset{}, {}, sink, CancelToken());
        QVERIFY(result.ok());
        QCOMPARE(result->hashedCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatasetHashing)
#include "tst_datasethashing.moc"
