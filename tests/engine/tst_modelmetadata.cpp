// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/modelmetadata.h"

#include <QtTest>

using saliscope::engine::ModelMetadata;

class TestModelMetadata final : public QObject {
    Q_OBJECT

private slots:
    void defaultsFollowTheMeasures()
    {
        const ModelMetadata metadata;
        QCOMPARE(metadata.inputWidth, 224);
        QCOMPARE(metadata.mean[0], 0.485);
        QCOMPARE(metadata.std[2], 0.225);
        QCOMPARE(metadata.positiveClass, 1);
        QCOMPARE(metadata.classNames.at(1), std::string("synthetic"));
        QVERIFY(metadata.validate().ok());
    }

    void roundTrip()
    {
        ModelMetadata metadata;
        metadata.inputWidth = 299;
        metadata.inputHeight = 300;
        metadata.mean = {0.5, 0.5, 0.5};
        metadata.classNames = {"bona fide", "fake"};
        metadata.architecture = "inception_v3";
        metadata.loss = "cyborg";
        metadata.run = 7;
        metadata.camLayer = "Mixed_7c";
        auto parsed = ModelMetadata::fromJson(metadata.toJson());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().c_str());
        metadata.fromArchive = true;
        QVERIFY(parsed.value() == metadata);
    }

    void partialJsonKeepsDefaults()
    {
        auto parsed = ModelMetadata::fromJson(R"({"input_size": 64, "loss": "xent"})");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->inputWidth, 64);
        QCOMPARE(parsed->inputHeight, 64);
        QCOMPARE(parsed->loss, std::string("xent"));
        QCOMPARE(parsed->mean[1], 0.456);
    }

    void badJson_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("not json") << "{oops"
                                  << "not valid";
        QTest::newRow("array") << "[1,2]"
                               << "JSON object";
        QTest::newRow("wrong type") << R"({"mean": "grey"})"
                                    << "not valid";
        QTest::newRow("bad size") << R"({"input_size": [1, 2, 3]})"
                                  << "input_size";
        QTest::newRow("tiny size") << R"({"input_size": 2})"
                                   << "input size";
        QTest::newRow("zero std") << R"({"std": [0, 1, 1]})"
                                  << "std";
        QTest::newRow("positive class out of range") << R"({"positive_class": 2})"
                                                     << "positive_class";
    }

    void badJson()
    {
        QFETCH(QString, json);
        QFETCH(QString, fragment);
        auto parsed = ModelMetadata::fromJson(json.toStdString());
        QVERIFY(!parsed.ok());
        QVERIFY2(QString::fromStdString(parsed.error()).contains(fragment), parsed.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestModelMetadata)
#include "tst_modelmetadata.moc"
