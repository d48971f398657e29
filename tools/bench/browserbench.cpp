// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `saliscope-bench browser`: the Images dock's table at dataset scale, without a window: loading
// an ImageTable into the list model, the filters and sorts the dock offers, and the CSV export
// of the filtered list. Times each step once after a warm-up pass; reports peak memory.

#include "tools/bench/benchimages.h"
#include "tools/bench/benchmodes.h"

#include "ui/images/imagefilterproxymodel.h"
#include "ui/images/imagelistmodel.h"
#include "ui/images/imagetable.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace saliscope;
using namespace saliscope::ui;

void usage()
{
    std::cout << "usage: saliscope-bench browser [--rows N] [--models K] [--json]\n"
                 "Times the Images dock's list model over N generated images (default 100000) with K models'\n"
                 "results (default 10): load, class filter, sort by a score, models-disagree filter, text\n"
                 "filter, and the CSV export of the filtered list. Peak resident memory at the end.\n";
}

/// N images of two classes with K models' random scores, predictions and entropies.
ImageTable generatedTable(int rows, int models)
{
    std::mt19937 random(7);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    ImageTable table;
    table.datasetId = 1;
    table.images.reserve(std::size_t(rows));
    for (int row = 0; row < rows; ++row) {
        ImageEntry image;
        image.fileName = QStringLiteral("face_%1.png").arg(row, 7, 10, QLatin1Char('0'));
        image.path = QStringLiteral("/data/%1/").arg(row % 2 ? "fake" : "real") + image.fileName;
        image.hash = QString::number(quint64(random()) << 32 | random(), 16);
        image.label = row % 2;
        table.images.push_back(std::move(image));
    }
    for (int m = 0; m < models; ++m) {
        ModelColumnData column;
        column.name = QStringLiteral("model_%1").arg(m + 1);
        for (int row = 0; row < rows; ++row) {
            const float score = unit(random);
            const std::int8_t predicted = score >= 0.5f ? 1 : 0;
            column.score.push_back(score);
            column.predicted.push_back(predicted);
            column.correct.push_back(std::int8_t(predicted == row % 2));
            column.entropy.push_back(unit(random));
        }
        table.models.push_back(std::move(column));
    }
    return table;
}

} // namespace

int saliscope::bench::runBrowserBench(int argc, char** argv)
{
    int rows = 100000;
    int models = 10;
    bool json = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        auto number = [&]() {
            if (i + 1 >= argc) {
                std::cerr << "saliscope-bench browser: " << arg << " needs a value\n";
                std::exit(2);
            }
            return std::atoi(argv[++i]);
        };
        if (arg == "--rows")
            rows = number();
        else if (arg == "--models")
            models = number();
        else if (arg == "--json")
            json = true;
        else if (arg == "--help" || arg == "-h") {
            usage();
            return 0;
        } else {
            usage();
            return 2;
        }
    }
    if (rows < 1 || models < 1) {
        std::cerr << "saliscope-bench browser: --rows and --models must be positive\n";
        return 2;
    }
    int fakeArgc = 1;
    QCoreApplication app(fakeArgc, argv);
    const ImageTable table = generatedTable(rows, models);
    QTemporaryDir folder;
    const std::string csv = folder.filePath(QStringLiteral("list.csv")).toStdString();

    ImageListModel model;
    ImageFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    const int scoreColumn = ImageListModel::modelColumn(0, ImageListModel::ScoreField);
    std::vector<std::pair<std::string, std::function<void()>>> steps = {
        // Each step ends by asking for the row count, as a view does, so a proxy that maps lazily
        // pays for its step within it.
        {"load",
         [&]() {
             model.setTable(table);
             (void)proxy.rowCount();
         }},
        {"class filter",
         [&]() {
             proxy.setClassFilter(1);
             (void)proxy.rowCount();
         }},
        {"sort by score",
         [&]() {
             proxy.sort(scoreColumn, Qt::DescendingOrder);
             (void)proxy.rowCount();
         }},
        {"models disagree",
         [&]() {
             proxy.setDisagreementOnly(true);
             (void)proxy.rowCount();
         }},
        {"text filter",
         [&]() {
             proxy.setText(QStringLiteral("7.png"));
             (void)proxy.rowCount();
         }}, // one name in ten
        {"csv export",
         [&]() {
             std::vector<int> shown;
             for (int row = 0; row < proxy.rowCount(); ++row)
                 shown.push_back(proxy.mapToSource(proxy.index(row, 0)).row());
             if (auto status = writeImageTableCsv(model.table(), shown, csv); !status)
                 std::cerr << "saliscope-bench browser: " << status.error() << "\n";
         }},
    };
    auto reset = [&]() {
        proxy.setText({});
        proxy.setDisagreementOnly(false);
        proxy.setClassFilter(-2);
        proxy.sort(-1);
        model.setTable({});
    };
    for (auto& step : steps) // warm-up pass
        step.second();
    reset();
    std::vector<double> seconds;
    QElapsedTimer timer;
    for (auto& step : steps) {
        timer.start();
        step.second();
        seconds.push_back(timer.nsecsElapsed() / 1e9);
    }
    const int shown = proxy.rowCount();
    const double peak = bench::peakResidentMegabytes();
    if (json) {
        std::printf("{\"rows\": %d, \"models\": %d, \"shown\": %d", rows, models, shown);
        for (std::size_t i = 0; i < steps.size(); ++i) {
            std::string key = steps[i].first;
            std::replace(key.begin(), key.end(), ' ', '_');
            std::printf(", \"%s_s\": %.4f", key.c_str(), seconds[i]);
        }
        std::printf(", \"peak_rss_mb\": %.1f}\n", peak);
    } else {
        std::printf("Images list model, %d images x %d models (%d shown after the filters):\n", rows, models, shown);
        for (std::size_t i = 0; i < steps.size(); ++i)
            std::printf("  %-16s %8.3f s\n", steps[i].first.c_str(), seconds[i]);
        std::printf("peak resident memory %.0f MB\n", peak);
    }
    return 0;
}
