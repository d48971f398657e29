// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/statistics.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace saliscope;

class TestStatistics final : public QObject {
    Q_OBJECT

private slots:
    void summaryOfKnownSample()
    {
        const auto s = summarize({4, 1, 3, 2, std::numeric_limits<double>::quiet_NaN()});
        QCOMPARE(s.count, std::int64_t(4));
        QCOMPARE(s.mean, 2.5);
        QCOMPARE(s.median, 2.5);
        QVERIFY(std::fabs(s.standardDeviation - std::sqrt(1.25)) < 1e-15); // population std, as numpy
        QCOMPARE(s.minimum, 1.0);
        QCOMPARE(s.maximum, 4.0);
        QVERIFY(std::isnan(summarize({}).mean));
    }

    void rocAucKnownValues_data()
    {
        QTest::addColumn<QVector<double>>("scores");
        QTest::addColumn<QVector<int>>("labels");
        QTest::addColumn<double>("expected");
        // scikit-learn's documented example: roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75
        QTest::newRow("sklearn example") << QVector<double>{0.1, 0.4, 0.35, 0.8} << QVector<int>{0, 0, 1, 1} << 0.75;
        QTest::newRow("perfect") << QVector<double>{0.1, 0.2, 0.8, 0.9} << QVector<int>{0, 0, 1, 1} << 1.0;
        QTest::newRow("inverted") << QVector<double>{0.9, 0.8, 0.2, 0.1} << QVector<int>{0, 0, 1, 1} << 0.0;
        QTest::newRow("all tied") << QVector<double>{0.5, 0.5, 0.5, 0.5} << QVector<int>{0, 1, 0, 1} << 0.5;
        QTest::newRow("one tie across classes")
            << QVector<double>{0.1, 0.5, 0.5, 0.9} << QVector<int>{0, 0, 1, 1} << 0.875;
        QTest::newRow("unknown labels ignored")
            << QVector<double>{0.1, 0.4, 0.35, 0.8, 0.0} << QVector<int>{0, 0, 1, 1, -1} << 0.75;
    }

    void rocAucKnownValues()
    {
        QFETCH(QVector<double>, scores);
        QFETCH(QVector<int>, labels);
        QFETCH(double, expected);
        const double auc = rocAuc({scores.begin(), scores.end()}, {labels.begin(), labels.end()});
        QVERIFY2(std::fabs(auc - expected) < 1e-12, qPrintable(QString::number(auc)));
    }

    void rocAucUndefinedWithOneClass() { QVERIFY(std::isnan(rocAuc({0.1, 0.2}, {1, 1}))); }

    void histogramBins()
    {
        const auto h = histogram({0.0, 0.05, 0.1, 0.5, 0.99, 1.0, 1.5, -0.1}, 10, 0.0, 1.0);
        QCOMPARE(int(h.counts.size()), 10);
        QCOMPARE(h.counts[0], std::int64_t(2)); // 0 and 0.05
        QCOMPARE(h.counts[1], std::int64_t(1)); // 0.1
        QCOMPARE(h.counts[5], std::int64_t(1));
        QCOMPARE(h.counts[9], std::int64_t(2)); // 0.99 and 1.0 (upper edge included)
        QCOMPARE(h.binOf(1.5), -1);
    }

    void trapezoid()
    {
        QCOMPARE(trapezoidArea({0, 0.5, 1}, {1, 1, 1}), 1.0);
        QCOMPARE(trapezoidArea({0, 1}, {0, 1}), 0.5);
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
