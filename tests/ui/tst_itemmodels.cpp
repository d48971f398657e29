// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Every item model of ui/models passes QAbstractItemModelTester, and the image list filters,
// sorts and answers quickly at 100,000 rows.
#include "ui/project/datasetlistmodel.h"
#include "ui/images/problemlistmodel.h"
#include "ui/images/imagefilterproxymodel.h"
#include "ui/images/imagelistmodel.h"
#include "core/project/logmodel.h"
#include "ui/project/modellistmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdlib>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

/// `rows` images alternating real/synthetic, two models; model b is wrong on every third image.
ImageTable syntheticTable(int rows)
{
    ImageTable table;
    table.datasetId = 1;
    for (int row = 0; row < rows; ++row) {
        ImageEntry image;
        image.path =
            QStringLiteral("/data/%1/img_%2.png").arg(row % 2 ? "fake" : "real").arg(row, 6, 10, QLatin1Char('0'));
        image.fileName = image.path.section(QLatin1Char('/'), -1);
        image.hash = QString::number(row, 16);
        image.label = row % 2;
        if (row == 7)
            image.problem = QStringLiteral("not an image");
        table.images.push_back(image);
    }
    for (const char* name : {"a", "b"}) {
        ModelColumnData column;
        column.name = QString::fromLatin1(name);
        for (int row = 0; row < rows; ++row) {
            const bool wrong = column.name == QLatin1String("b") && row % 3 == 0;
            const int predicted = wrong ? 1 - row % 2 : row % 2;
            column.score.push_back(float((row * 7919 % 1000) / 1000.0));
            column.predicted.push_back(std::int8_t(predicted));
            column.correct.push_back(std::int8_t(predicted == row % 2));
            column.entropy.push_back(row == 3 ? std::nanf("") : float((row % 100) / 100.0));
        }
        table.models.push_back(std::move(column));
    }
    return table;
}

/// The records of a CSV file, quoted fields (RFC 4180) unquoted.
std::vector<QStringList> readCsvRecords(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    std::vector<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"'))
                field += text[++i];
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            record.append(field);
            field.clear();
            records.push_back(record);
            record.clear();
        } else {
            field += c;
        }
    }
    return records;
}

} // namespace

class TestItemModels final : public QObject {
    Q_OBJECT

private slots:
    void imageListModelPassesTester()
    {
        ImageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(syntheticTable(60));
        QCOMPARE(model.rowCount(), 60);
        QCOMPARE(model.columnCount(), ImageListModel::FixedColumnCount + 2 * ImageListModel::ModelFieldCount);
        QCOMPARE(model.index(1, ImageListModel::ClassColumn).data().toString(), QStringLiteral("synthetic"));
        QCOMPARE(model.index(0, ImageListModel::modelColumn(1, ImageListModel::CorrectField)).data().toString(),
                 QStringLiteral("no"));
        QVERIFY(!model.index(3, ImageListModel::modelColumn(0, ImageListModel::EntropyField)).data().isValid());
        QCOMPARE(model.index(0, 0).data(ImageListModel::DisagreeRole).toBool(), true);
        QCOMPARE(model.index(1, 0).data(ImageListModel::DisagreeRole).toBool(), false);
        model.setComputedResult(3, 0, 0.25, 0, 0.5);
        QCOMPARE(model.index(3, ImageListModel::modelColumn(0, ImageListModel::ScoreField)).data().toString(),
                 QStringLiteral("0.250"));
        model.setTable({});
        QCOMPARE(model.rowCount(), 0);
    }

    void filterProxyPassesTesterAndFilters()
    {
        ImageListModel model;
        ImageFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(syntheticTable(60));
        QCOMPARE(proxy.rowCount(), 60);
        proxy.setClassFilter(1);
        QCOMPARE(proxy.rowCount(), 30);
        proxy.setClassFilter(-2);
        proxy.setDisagreementOnly(true);
        QCOMPARE(proxy.rowCount(), 20); // model b is wrong (so disagrees) on rows 0, 3, 6, ...
        proxy.setDisagreementOnly(false);
        proxy.setCorrectness(ImageFilterProxyModel::Correctness::AnyIncorrect);
        QCOMPARE(proxy.rowCount(), 20);
        proxy.setCorrectness(ImageFilterProxyModel::Correctness::AllCorrect);
        QCOMPARE(proxy.rowCount(), 40);
        proxy.setCorrectness(ImageFilterProxyModel::Correctness::Any);
        proxy.setText(QStringLiteral("img_00001"));
        QCOMPARE(proxy.rowCount(), 10); // img_000010 ... img_000019
        proxy.setText({});
        const int scoreColumn = ImageListModel::modelColumn(0, ImageListModel::ScoreField);
        proxy.sort(scoreColumn, Qt::DescendingOrder);
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row - 1, scoreColumn).data(ImageListModel::SortRole).toDouble()
                    >= proxy.index(row, scoreColumn).data(ImageListModel::SortRole).toDouble());
        proxy.sort(ImageListModel::FileColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("img_000000.png"));
    }

    void groupFilterShowsOneGroup()
    {
        ImageTable table = syntheticTable(60);
        // Groups by row: 0, 3, 6, ... "deepfakes"; 1, 4, ... "faceswap"; 2, 5, ... none.
        for (std::size_t row = 0; row < table.images.size(); ++row)
            table.images[row].group = row % 3 == 0 ? QStringLiteral("deepfakes")
                : row % 3 == 1                     ? QStringLiteral("faceswap")
                                                   : QString();
        QCOMPARE(table.groupNames(), std::vector<QString>({QStringLiteral("deepfakes"), QStringLiteral("faceswap")}));
        ImageListModel model;
        ImageFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(table);
        QCOMPARE(model.index(4, 0).data(ImageListModel::GroupRole).toString(), QStringLiteral("faceswap"));
        QCOMPARE(proxy.rowCount(), 60);
        proxy.setGroupFilter(QStringLiteral("faceswap"));
        QCOMPARE(proxy.rowCount(), 20);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.mapToSource(proxy.index(row, 0)).row() % 3, 1);
        proxy.setClassFilter(1); // faceswap rows 1, 4, 7, ...: odd ones are synthetic
        QCOMPARE(proxy.rowCount(), 10);
        proxy.setClassFilter(-2);
        proxy.setGroupFilter(QStringLiteral("deepfakes"));
        QCOMPARE(proxy.rowCount(), 20);
        QCOMPARE(proxy.mapToSource(proxy.index(1, 0)).row(), 3);
        proxy.setGroupFilter(QStringLiteral("no such group"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setGroupFilter({});
        QCOMPARE(proxy.rowCount(), 60);
    }

    void shownListExportsAsCsv()
    {
        ImageTable table = syntheticTable(60);
        table.images[6].path = QStringLiteral("/data/a,b/say \"cheese\".png");
        table.images[6].fileName = QStringLiteral("say \"cheese\".png");
        ImageListModel model;
        ImageFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        model.setTable(table);
        proxy.setCorrectness(ImageFilterProxyModel::Correctness::AnyIncorrect);
        proxy.sort(ImageListModel::modelColumn(0, ImageListModel::ScoreField), Qt::DescendingOrder);
        std::vector<int> rows;
        for (int row = 0; row < proxy.rowCount(); ++row)
            rows.push_back(proxy.mapToSource(proxy.index(row, 0)).row());
        QCOMPARE(rows.size(), std::size_t(20));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("list.csv"));
        auto status = writeImageTableCsv(model.table(), rows, path.toStdString());
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().c_str());

        const auto lines = readCsvRecords(path);
        QCOMPARE(lines.size(), rows.size() + 1);
        QCOMPARE(lines[0],
                 QStringList({"path", "file", "true_class", "content_hash", "problem", "a_score", "a_predicted",
                              "a_correct", "a_entropy", "b_score", "b_predicted", "b_correct", "b_entropy"}));
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const QStringList& line = lines[i + 1];
            const auto at = std::size_t(rows[i]);
            const ImageEntry& image = table.images[at];
            QCOMPARE(line.size(), 13);
            QCOMPARE(line[0], image.path); // quoted in the file where it holds a comma or a quote
            QCOMPARE(line[2], table.classNames[std::size_t(image.label)]);
            QCOMPARE(line[3], image.hash);
            QCOMPARE(line[4], image.problem);
            for (int m = 0; m < 2; ++m) {
                const ModelColumnData& data = table.models[std::size_t(m)];
                // Float scores read back exactly from their shortest text.
                QVERIFY(std::strtof(line[5 + 4 * m].toUtf8().constData(), nullptr) == data.score[at]);
                QCOMPARE(line[6 + 4 * m], table.classNames[std::size_t(data.predicted[at])]);
                QCOMPARE(line[7 + 4 * m], QString::number(data.correct[at]));
                if (std::isnan(data.entropy[at]))
                    QVERIFY(line[8 + 4 * m].isEmpty());
                else
                    QVERIFY(std::strtof(line[8 + 4 * m].toUtf8().constData(), nullptr) == data.entropy[at]);
            }
        }
        // The shown order: model a's score descending; images 3 (no entropy) and 6 (the quoted
        // path) are among the 20 rows with a wrong model.
        for (std::size_t i = 1; i < rows.size(); ++i)
            QVERIFY(table.models[0].score[std::size_t(rows[i - 1])] >= table.models[0].score[std::size_t(rows[i])]);
        QVERIFY(std::find(rows.begin(), rows.end(), 3) != rows.end());
        QVERIFY(std::find(rows.begin(), rows.end(), 6) != rows.end());
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QVERIFY(raw.readAll().contains("\"/data/a,b/say \"\"cheese\"\".png\",\"say \"\"cheese\"\".png\","));

        // A folder that does not exist: a message, and nothing written.
        auto failed = writeImageTableCsv(model.table(), rows,
                                         dir.filePath(QStringLiteral("missing/list.csv")).toStdString());
        QVERIFY(!failed.ok());
        QVERIFY(QString::fromStdString(failed.error()).contains(QStringLiteral("cannot write")));
    }

    void hundredThousandRowsFilterAndSort()
    {
        // Correctness at dataset scale; the time it takes is `saliscope-bench browser`'s business.
        ImageListModel model;
        ImageFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        model.setTable(syntheticTable(100000));
        proxy.setClassFilter(1);
        const int scoreColumn = ImageListModel::modelColumn(1, ImageListModel::ScoreField);
        proxy.sort(scoreColumn, Qt::AscendingOrder);
        proxy.setDisagreementOnly(true);
        // Synthetic (odd) rows where model b is wrong (every third row): rows 3, 9, 15, ...
        QCOMPARE(proxy.rowCount(), 16667);
        double previous = -1;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QModelIndex index = proxy.index(row, scoreColumn);
            const int source = proxy.mapToSource(index).row();
            QVERIFY(source % 2 == 1 && source % 3 == 0);
            const double score = index.data(ImageListModel::SortRole).toDouble();
            QVERIFY(score >= previous);
            previous = score;
        }
    }

    void smallModelsPassTester()
    {
        LogModel log;
        QAbstractItemModelTester logTester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.append(LogModel::Level::Info, QStringLiteral("hello"));
        log.append(LogModel::Level::Error, QStringLiteral("broken"));
        QCOMPARE(log.rowCount(), 2);
        QCOMPARE(log.errorCount(), 1);
        QCOMPARE(log.index(1, LogModel::MessageColumn).data().toString(), QStringLiteral("broken"));
        log.clear();
        QCOMPARE(log.rowCount(), 0);

        ModelListModel models;
        QAbstractItemModelTester modelsTester(&models, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelInfo info;
        info.id = 3;
        info.name = QStringLiteral("tiny_resnet");
        info.stored.kind = "resnet";
        info.stored.camLayer = "layer4";
        info.metadata.inputWidth = 64;
        info.metadata.inputHeight = 64;
        models.setModels({info});
        QCOMPARE(models.index(0, ModelListModel::NameColumn).data().toString(), QStringLiteral("tiny_resnet"));
        QCOMPARE(models.index(0, ModelListModel::CamLayerColumn).data().toString(), QStringLiteral("layer4"));
        QCOMPARE(models.index(0, ModelListModel::InputSizeColumn).data().toString(), QStringLiteral("64x64"));
        QCOMPARE(models.index(0, 0).data(ModelListModel::ModelIdRole).toLongLong(), 3);

        DatasetListModel datasets;
        QAbstractItemModelTester datasetsTester(&datasets, QAbstractItemModelTester::FailureReportingMode::QtTest);
        StoredDataset dataset;
        dataset.id = 5;
        dataset.location = "/data/faces";
        dataset.imageCount = 12;
        datasets.setDatasets({dataset});
        datasets.setCurrent(5);
        QCOMPARE(datasets.index(0, DatasetListModel::ImagesColumn).data().toInt(), 12);
        QVERIFY(datasets.index(0, 0).data(Qt::FontRole).value<QFont>().bold());

        ProblemListModel problems;
        QAbstractItemModelTester problemsTester(&problems, QAbstractItemModelTester::FailureReportingMode::QtTest);
        problems.setProblems({{QStringLiteral("/data/x.png"), QStringLiteral("truncated")}});
        QCOMPARE(problems.index(0, ProblemListModel::ReasonColumn).data().toString(), QStringLiteral("truncated"));
    }
};

QTEST_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
