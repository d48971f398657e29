// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dataset/dataset.h"

#include "core/dataset/imagefiles.h"
#include "core/dataset/videodataset.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace saliscope {

namespace fs = std::filesystem;

namespace {

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

/// Splits one CSV line (RFC 4180 quotes).
QStringList csvFields(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

/// Annotation maps by file stem.
std::map<std::string, std::string> annotationIndex(const std::string& folder)
{
    std::map<std::string, std::string> index;
    if (folder.empty())
        return index;
    for (const auto& file : collectImageFiles({folder}, nullptr))
        index.emplace(fs::path(file).stem().string(), file);
    return index;
}

/// Sets `field` of each record to the map of `folder` with the record's file stem.
void attachMaps(Dataset& dataset, const std::string& folder, std::string DatasetRecord::*field)
{
    const auto index = annotationIndex(folder);
    if (index.empty())
        return;
    for (auto& record : dataset.records) {
        const auto it = index.find(fs::path(record.path).stem().string());
        if (it != index.end())
            record.*field = it->second;
    }
}

void attachAnnotations(Dataset& dataset, const DatasetSource& source)
{
    attachMaps(dataset, source.annotationFolder, &DatasetRecord::annotationPath);
    attachMaps(dataset, source.maskFolder, &DatasetRecord::maskPath);
}

bool isFolder(const fs::path& path)
{
    std::error_code code;
    return fs::is_directory(path, code);
}

/// FaceForensics++'s tree: original_sequences/<source>/<compression>/videos/*.mp4 (real) and
/// manipulated_sequences/<method>/<compression>/videos/*.mp4 (fake).
bool isFaceForensicsLayout(const fs::path& root)
{
    return isFolder(root / "original_sequences") || isFolder(root / "manipulated_sequences");
}

/// Celeb-DF's tree: Celeb-real/ and YouTube-real/ (real), Celeb-synthesis/ (fake).
bool isCelebDfLayout(const fs::path& root)
{
    return isFolder(root / "Celeb-synthesis") && (isFolder(root / "Celeb-real") || isFolder(root / "YouTube-real"));
}

/// Lists a FaceForensics++ tree: everything below original_sequences/<source>/ is real ("original"
/// in the class mapping), below manipulated_sequences/<method>/ fake ("manipulated"); the group is
/// the source or the method. Masks folders (the manipulated regions, as videos) are not data.
Result<Dataset> scanFaceForensics(const DatasetSource& source, ProgressSink& progress, const CancelToken& cancel)
{
    Dataset dataset;
    dataset.location = source.location;
    const fs::path root(source.location);
    for (const auto& [top, className] :
         {std::pair{"original_sequences", "original"}, std::pair{"manipulated_sequences", "manipulated"}}) {
        if (!isFolder(root / top))
            continue;
        const int label = source.classes.labelOf(className);
        std::vector<fs::path> groups;
        std::error_code code;
        for (const auto& entry : fs::directory_iterator(root / top, code))
            if (entry.is_directory(code) && isValidUtf8(entry.path().filename().string()))
                groups.push_back(entry.path());
        if (code)
            dataset.problems.emplace_back((root / top).string(), "cannot read folder: " + code.message());
        std::sort(groups.begin(), groups.end());
        for (const auto& group : groups) {
            if (cancel.isCancelled())
                return Error::cancelled();
            std::vector<std::pair<std::string, std::string>> problems;
            std::set<std::string> masks;
            const auto inMasks = [&](const std::string& file) {
                const fs::path relative = fs::path(file).lexically_relative(group);
                fs::path folder = group;
                for (const auto& part : relative) {
                    folder /= part;
                    if (part == "masks") {
                        masks.insert(folder.string());
                        return true;
                    }
                }
                return false;
            };
            for (const auto& file : collectImageFiles({group.string()}, nullptr, &problems, true))
                if (!inMasks(file))
                    dataset.records.push_back({file, label, group.filename().string(), {}, {}});
            for (auto& problem : problems)
                if (!inMasks(problem.first))
                    dataset.problems.push_back(std::move(problem));
            for (const auto& folder : masks)
                dataset.problems.emplace_back(folder, "FaceForensics++ manipulation masks, not data (not listed)");
            progress.progress(std::int64_t(dataset.records.size()), std::int64_t(dataset.records.size()));
        }
    }
    attachAnnotations(dataset, source);
    return dataset;
}

Result<Dataset> scanFolder(const DatasetSource& source, ProgressSink& progress, const CancelToken& cancel)
{
    if (isFaceForensicsLayout(source.location))
        return scanFaceForensics(source, progress, cancel);
    const bool celebDf = isCelebDfLayout(source.location);
    Dataset dataset;
    dataset.location = source.location;
    std::vector<fs::path> classFolders;
    std::error_code code;
    std::vector<fs::path> badlyNamed; // names that are not UTF-8 cannot be stored (imagefiles.h)
    for (const auto& entry : fs::directory_iterator(source.location, code))
        if (!isValidUtf8(entry.path().filename().string()))
            badlyNamed.push_back(entry.path());
        else if (entry.is_directory(code))
            classFolders.push_back(entry.path());
    if (code)
        return Error{"cannot read dataset folder " + source.location + ": "
                     + (code == std::errc::permission_denied ? std::string("permission denied") : code.message())};
    std::sort(classFolders.begin(), classFolders.end());
    std::vector<std::pair<fs::path, int>> labelled;
    for (const auto& folder : classFolders) {
        const int label = source.classes.labelOf(folder.filename().string());
        if (label != UnknownLabel)
            labelled.emplace_back(folder, label);
    }
    std::sort(badlyNamed.begin(), badlyNamed.end());
    if (labelled.empty()) {
        // No class subfolders: every image below is unlabelled.
        for (const auto& file : collectImageFiles({source.location}, nullptr, &dataset.problems, true))
            dataset.records.push_back({file, UnknownLabel, {}, {}, {}});
    } else {
        for (const auto& path : badlyNamed) {
            std::error_code kindCode;
            if (fs::is_directory(path, kindCode))
                dataset.problems.emplace_back(escapedPath(path.string()),
                                              "folder name is not valid UTF-8; rename it (its files are not listed)");
            else if (hasImageExtension(path.string()))
                dataset.problems.emplace_back(escapedPath(path.string()), "file name is not valid UTF-8; rename it");
        }
        for (const auto& folder : classFolders)
            if (source.classes.labelOf(folder.filename().string()) == UnknownLabel)
                dataset.problems.emplace_back(folder.string(), "folder name is not a class (map it with --classes)");
        for (const auto& entry : fs::directory_iterator(source.location, code))
            if (entry.is_regular_file(code) && hasImageExtension(entry.path().string())
                && isValidUtf8(entry.path().filename().string()))
                dataset.problems.emplace_back(entry.path().string(), "image outside the class folders");
        for (const auto& [folder, label] : labelled) {
            if (cancel.isCancelled())
                return Error::cancelled();
            // Celeb-DF: the folder (Celeb-real, YouTube-real, Celeb-synthesis) is the group too.
            const std::string group = celebDf ? folder.filename().string() : std::string();
            for (const auto& file : collectImageFiles({folder.string()}, nullptr, &dataset.problems, true))
                dataset.records.push_back({file, label, group, {}, {}});
            progress.progress(std::int64_t(dataset.records.size()), std::int64_t(dataset.records.size()));
        }
    }
    attachAnnotations(dataset, source);
    return dataset;
}

Result<Dataset> scanManifest(const DatasetSource& source, ProgressSink& progress, const CancelToken& cancel)
{
    QFile file(QString::fromStdString(source.location));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{"cannot read manifest " + source.location + ": " + file.errorString().toStdString()};
    Dataset dataset;
    dataset.location = source.location;
    const fs::path base = fs::path(source.location).parent_path();
    std::map<std::string, int> listedOn; // path -> line of its first row
    int lineNumber = 0;
    while (!file.atEnd()) {
        if (cancel.isCancelled())
            return Error::cancelled();
        const QByteArray bytes = file.readLine();
        const QString line = QString::fromUtf8(bytes).trimmed();
        ++lineNumber;
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (!isValidUtf8(bytes.toStdString())) {
            // Decoded, its path would hold U+FFFD and name no file: said, not reported missing.
            dataset.problems.emplace_back(source.location + ":" + std::to_string(lineNumber),
                                          "row is not valid UTF-8 text (" + escapedPath(trimmed(bytes.toStdString()))
                                              + "); save the manifest as UTF-8 and rename files whose names are not");
            continue;
        }
        const QStringList fields = csvFields(line);
        const std::string where = source.location + ":" + std::to_string(lineNumber);
        if (lineNumber == 1 && fields.value(0).trimmed().compare(QLatin1String("path"), Qt::CaseInsensitive) == 0)
            continue; // header
        if (fields.size() < 2) {
            dataset.problems.emplace_back(where, "expected path,label[,group]");
            continue;
        }
        fs::path path(fields[0].trimmed().toStdString());
        if (path.is_relative())
            path = base / path;
        const std::string labelText = trimmed(fields[1].toStdString());
        const int label = source.classes.labelOf(labelText);
        if (label == UnknownLabel) {
            dataset.problems.emplace_back(where, "unknown label '" + labelText + "'");
            continue;
        }
        std::error_code code;
        if (!fs::is_regular_file(path, code)) {
            dataset.problems.emplace_back(path.string(), "listed in the manifest but missing");
            continue;
        }
        const auto [first, isNew] = listedOn.emplace(path.lexically_normal().string(), lineNumber);
        if (!isNew) {
            dataset.problems.emplace_back(where,
                                          "duplicate row for " + path.lexically_normal().string() + " (first on line "
                                              + std::to_string(first->second) + "); counted once");
            continue;
        }
        dataset.records.push_back({path.lexically_normal().string(),
                                   label,
                                   fields.size() > 2 ? trimmed(fields[2].toStdString()) : std::string(),
                                   {},
                                   {}});
        if (dataset.records.size() % 1000 == 0)
            progress.progress(std::int64_t(dataset.records.size()), 0);
    }
    attachAnnotations(dataset, source);
    return dataset;
}

} // namespace

ClassMapping ClassMapping::defaults()
{
    ClassMapping mapping;
    for (const char* name : {"real", "0_real", "0-real", "bonafide", "bona_fide", "bona-fide", "genuine", "live",
                             "authentic", "pristine", "original", "celeb-real", "youtube-real"})
        mapping.set(name, 0);
    for (const char* name : {"fake", "1_fake", "1-fake", "synthetic", "1_synthetic", "generated", "gan", "spoof",
                             "deepfake", "manipulated", "celeb-synthesis"})
        mapping.set(name, 1);
    return mapping;
}

Result<ClassMapping> ClassMapping::parse(const std::string& text)
{
    ClassMapping mapping;
    const QStringList entries = QString::fromStdString(text).split(',', Qt::SkipEmptyParts);
    for (const QString& entry : entries) {
        const QStringList parts = entry.split('=');
        bool numeric = false;
        const int label = parts.value(1).trimmed().toInt(&numeric);
        if (parts.size() != 2 || parts[0].trimmed().isEmpty() || !numeric || label < 0)
            return Error{"class mapping entry '" + entry.toStdString() + "' is not NAME=INDEX"};
        mapping.set(parts[0].trimmed().toStdString(), label);
    }
    if (mapping.m_labels.empty())
        return Error{"empty class mapping"};
    return mapping;
}

int ClassMapping::labelOf(const std::string& name) const
{
    const std::string key = lowered(trimmed(name));
    const auto it = m_labels.find(key);
    if (it != m_labels.end())
        return it->second;
    if (!key.empty() && std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c); })
        && key.size() <= 2)
        return std::stoi(key);
    return UnknownLabel;
}

void ClassMapping::set(const std::string& name, int label) { m_labels[lowered(trimmed(name))] = label; }

std::map<int, int> Dataset::classCounts() const
{
    std::map<int, int> counts;
    for (const auto& record : records)
        ++counts[record.label];
    return counts;
}

bool Dataset::isLabelled() const
{
    return std::none_of(records.begin(), records.end(), [](const DatasetRecord& r) { return r.label == UnknownLabel; });
}

Result<Dataset> scanDataset(const DatasetSource& source, ProgressSink& progress, const CancelToken& cancel)
{
    std::error_code code;
    if (!source.annotationFolder.empty() && !fs::is_directory(source.annotationFolder, code))
        return Error{"no such annotation folder: " + source.annotationFolder};
    if (!source.maskFolder.empty() && !fs::is_directory(source.maskFolder, code))
        return Error{"no such mask folder: " + source.maskFolder};
    Result<Dataset> scanned = Error{"no such dataset folder or manifest: " + source.location};
    if (fs::is_directory(source.location, code))
        scanned = scanFolder(source, progress, cancel);
    else if (fs::is_regular_file(source.location, code))
        scanned = scanManifest(source, progress, cancel);
    if (!scanned)
        return scanned;
    Dataset& dataset = scanned.value();
    if (source.video.faces
        || std::any_of(dataset.records.begin(), dataset.records.end(),
                       [](const DatasetRecord& record) { return hasVideoExtension(record.path); })) {
        auto stats = expandVideos(dataset, source.video, progress, cancel);
        if (!stats)
            return stats.failure();
        dataset.videoStats = stats.value();
    }
    return scanned;
}

} // namespace saliscope
