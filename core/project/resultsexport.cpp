// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/resultsexport.h"

#include "core/measures/csvmeasuresink.h"
#include "core/store/projectstore.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <filesystem>

namespace saliscope {

namespace {
std::string summaryPath(const std::string& directory)
{
    return (std::filesystem::path(directory) / "summary.json").string();
}
} // namespace

std::vector<std::string> runSetExportFiles(const RunSet& set, const std::string& directory)
{
    std::vector<std::string> files;
    for (const auto& [kind, runId] : set.runIds)
        files.push_back(measureCsvPath(directory, kind));
    files.push_back(summaryPath(directory));
    return files;
}

Result<std::vector<std::string>> exportRunSet(const std::string& projectPath, const RunSet& set,
                                              const QJsonObject& summary, const std::string& directory)
{
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error))
        return Error{"no such folder: " + directory};
    auto store = ProjectStore::open(projectPath, ProjectOpenMode::ReadOnly);
    if (!store)
        return store.failure();
    std::vector<std::string> written;
    for (const auto& [kind, runId] : set.runIds) {
        const std::string path = measureCsvPath(directory, kind);
        if (auto status = store.value()->exportRunCsv(runId, path); !status)
            return status.failure();
        written.push_back(path);
    }
    const std::string path = summaryPath(directory);
    QSaveFile file(QString::fromStdString(path));
    const QByteArray json = QJsonDocument(summary).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return Error{"cannot write " + path + ": " + file.errorString().toStdString()};
    written.push_back(path);
    return written;
}

} // namespace saliscope
