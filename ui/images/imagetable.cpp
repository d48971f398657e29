// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/images/imagetable.h"

#include "core/dataset/csvtext.h"
#include "core/project/runparameters.h"
#include "core/store/projectstore.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <limits>

namespace saliscope::ui {

int ImageTable::modelIndex(const QString& name) const
{
    for (std::size_t i = 0; i < models.size(); ++i)
        if (models[i].name == name)
            return int(i);
    return -1;
}

std::vector<QString> ImageTable::groupNames() const
{
    std::vector<QString> names;
    for (const auto& image : images)
        if (!image.group.isEmpty())
            names.push_back(image.group);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

namespace {

int columnIndex(const std::vector<std::string>& columns, const char* name)
{
    auto it = std::find(columns.begin(), columns.end(), name);
    return it == columns.end() ? -1 : int(it - columns.begin());
}

double valueAt(const std::vector<double>& values, int index)
{
    return index >= 0 && index < int(values.size()) ? values[std::size_t(index)]
                                                    : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

Result<ImageTable> readImageTable(const std::string& projectPath, std::int64_t datasetId,
                                  const std::vector<QString>& modelNames)
{
    auto opened = ProjectStore::open(projectPath, ProjectOpenMode::ReadOnly);
    if (!opened)
        return opened.failure();
    ProjectStore& store = *opened.value();
    ImageTable table;
    table.datasetId = datasetId;
    auto images = store.images(datasetId);
    if (!images)
        return images.failure();
    const std::size_t count = images->size();
    table.images.reserve(count);
    for (const auto& image : images.value()) {
        ImageEntry entry;
        entry.path = QString::fromStdString(image.path);
        entry.fileName = QFileInfo(entry.path).fileName();
        entry.hash = QString::fromStdString(image.contentHash);
        entry.annotation = QString::fromStdString(image.annotation);
        entry.problem = QString::fromStdString(image.problem);
        entry.group = QString::fromStdString(image.group);
        entry.label = image.label;
        table.images.push_back(std::move(entry));
    }
    const float nan = std::numeric_limits<float>::quiet_NaN();
    for (const auto& name : modelNames) {
        ModelColumnData column;
        column.name = name;
        column.score.assign(count, nan);
        column.predicted.assign(count, -1);
        column.correct.assign(count, -1);
        column.entropy.assign(count, nan);
        table.models.push_back(std::move(column));
    }
    auto runs = store.runs();
    if (!runs)
        return runs.failure();
    auto sorted = runs.value();
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const auto& run : sorted) {
        if (run.datasetId != datasetId || (run.measure != "predictions" && run.measure != "entropy"))
            continue;
        // The list's entropy is the Grad-CAM map's (the viewer's Grad-CAM panes show it beside
        // their map): an entropy run of another salience method does not replace it.
        if (run.measure == "entropy"
            && RunParameters::fromJson(run.parametersJson).settings.method != engine::CamMethod::GradCam)
            continue;
        auto columns = store.resultColumns(run.id);
        auto rows = store.results(run.id);
        if (!columns || !rows) { // never silently left out: the caller tells the user
            table.unreadableRuns.push_back(!columns ? columns.error() : rows.error());
            continue;
        }
        const bool predictions = run.measure == "predictions";
        const int scoreColumn = columnIndex(columns.value(), "score");
        const int predictedColumn = columnIndex(columns.value(), "predicted_class");
        const int correctColumn = columnIndex(columns.value(), "correct");
        const int entropyColumn = columnIndex(columns.value(), "normalized_entropy");
        for (const auto& row : rows.value()) {
            if (row.position < 0 || std::size_t(row.position) >= count || !row.variant.empty())
                continue;
            const int model = table.modelIndex(QString::fromStdString(row.model));
            if (model < 0)
                continue;
            auto& column = table.models[std::size_t(model)];
            const auto at = std::size_t(row.position);
            if (predictions) {
                column.score[at] = float(valueAt(row.values, scoreColumn));
                const double predicted = valueAt(row.values, predictedColumn);
                column.predicted[at] = std::isnan(predicted) ? -1 : std::int8_t(predicted);
                const double correct = valueAt(row.values, correctColumn);
                column.correct[at] = std::isnan(correct) ? -1 : std::int8_t(correct != 0);
            } else {
                column.entropy[at] = float(valueAt(row.values, entropyColumn));
            }
        }
    }
    return table;
}

namespace {
std::string className(const ImageTable& table, int label)
{
    if (label < 0)
        return {};
    return std::size_t(label) < table.classNames.size() ? table.classNames[std::size_t(label)].toStdString()
                                                        : std::to_string(label);
}
} // namespace

Status writeImageTableCsv(const ImageTable& table, const std::vector<int>& rows, const std::string& path)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        return Error{"cannot write " + path + ": " + file.errorString().toStdString()};
    std::string line = "path,file,true_class,content_hash,problem";
    for (const auto& model : table.models)
        for (const char* field : {"_score", "_predicted", "_correct", "_entropy"})
            line += "," + csvField(model.name.toStdString() + field);
    line += "\n";
    bool written = file.write(line.data(), qint64(line.size())) == qint64(line.size());
    for (int row : rows) {
        if (!written)
            break;
        if (row < 0 || std::size_t(row) >= table.images.size())
            return Error{"no image at row " + std::to_string(row)};
        const auto at = std::size_t(row);
        const ImageEntry& image = table.images[at];
        line = csvField(image.path.toStdString()) + "," + csvField(image.fileName.toStdString()) + ","
            + csvField(className(table, image.label)) + "," + image.hash.toStdString() + ","
            + csvField(image.problem.toStdString());
        for (const auto& model : table.models) {
            const int predicted = at < model.predicted.size() ? model.predicted[at] : -1;
            const int correct = at < model.correct.size() ? model.correct[at] : -1;
            line += "," + (at < model.score.size() ? shortestNumber(model.score[at]) : std::string());
            line += "," + csvField(className(table, predicted));
            line += "," + (correct < 0 ? std::string() : std::to_string(correct));
            line += "," + (at < model.entropy.size() ? shortestNumber(model.entropy[at]) : std::string());
        }
        line += "\n";
        written = file.write(line.data(), qint64(line.size())) == qint64(line.size());
    }
    if (!written || !file.commit())
        return Error{"cannot write " + path + ": " + file.errorString().toStdString()};
    return Ok{};
}

} // namespace saliscope::ui
