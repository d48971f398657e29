// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportcontent.h"

#include "core/engine/modelmetadata.h"
#include "core/engine/runtime.h"
#include "core/measures/measuresummary.h"
#include "core/project/runparameters.h"
#include "ui/report/methodsets.h"
#include "ui/report/reportgallery.h"
#include "ui/report/reporttext.h"
#include "core/store/projectstore.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <set>

namespace saliscope::ui {

namespace {

class ContentText final {
    Q_DECLARE_TR_FUNCTIONS(ReportContent)
};

Error error(const QString& text) { return Error{text.toStdString()}; }

/// The run set's rows of the selected models only (stability pairs of two selected models),
/// with families reduced to their selected members and the summary recomputed over them.
MeasureResults selectModels(const MeasureResults& all, const std::set<std::string>& selected,
                            const std::string& parametersJson)
{
    std::vector<MeasureTable> tables;
    for (const auto& table : all.tables) {
        MeasureTable kept{table.measure, table.columns, {}};
        for (const auto& row : table.rows) {
            bool keep = false;
            if (table.measure == MeasureKind::Stability) {
                const auto pair = stabilityPair(row.model);
                keep = pair && selected.count(pair->first) && selected.count(pair->second);
            } else {
                keep = selected.count(row.model) > 0;
            }
            if (keep)
                kept.rows.push_back(row);
        }
        tables.push_back(std::move(kept));
    }
    MeasureResults results = MeasureResults::fromTables(std::move(tables), parametersJson, all.datasetId, all.grouping);
    std::vector<std::string> models;
    for (const auto& model : results.models)
        if (selected.count(model))
            models.push_back(model);
    results.models = models;
    std::vector<FamilyEntry> families;
    for (const auto& family : results.families) {
        FamilyEntry reduced{family.name, {}};
        for (const auto& member : family.members)
            if (selected.count(member))
                reduced.members.push_back(member);
        if (reduced.members.size() >= 2)
            families.push_back(std::move(reduced));
    }
    results.families = families;
    // Split by the images' groups and videos, as the application's summary is.
    results.summary = summarizeMeasures(results.tables, results.settings, results.families, results.grouping);
    return results;
}

QString joined(const std::set<std::string>& values)
{
    QStringList list;
    for (const auto& value : values)
        if (!value.empty())
            list.append(QString::fromStdString(value));
    return list.join(QStringLiteral(", "));
}

} // namespace

Result<ReportContent> loadReportContent(const ReportOptions& options, ProgressSink& progress, const CancelToken& cancel)
{
    if (!QFileInfo::exists(options.projectPath))
        return error(ContentText::tr("no such project: %1").arg(options.projectPath));
    auto opened = ProjectStore::open(options.projectPath.toStdString(), ProjectOpenMode::ReadOnly);
    if (!opened)
        return opened.failure();
    ProjectStore& store = *opened.value();
    progress.message(ContentText::tr("Reading the project").toStdString());

    auto runs = store.runs();
    if (!runs)
        return runs.failure();
    const auto sets = groupRunSets(runs.value());
    int preferred = preferredRunSet(sets, 0);
    if (preferred < 0)
        return error(ContentText::tr("the project has no measure runs; run the measures first"));
    // Among sets that differ only by method, Grad-CAM (the paper's) unless it has fewer measures.
    const std::vector<int> siblings = methodSiblings(sets, preferred);
    if (siblings.size() >= 2 && runSetMethod(sets[std::size_t(siblings.front())]) == engine::CamMethod::GradCam
        && sets[std::size_t(siblings.front())].runIds.size() >= sets[std::size_t(preferred)].runIds.size())
        preferred = siblings.front();
    const RunSet& set = sets[std::size_t(preferred)];
    auto all = MeasureResults::load(store, set);
    if (!all)
        return all.failure();
    if (cancel.isCancelled())
        return Error::cancelled();

    // Models: all of the runs', or the named ones (each must be in the runs).
    std::set<std::string> selected;
    if (options.models.isEmpty()) {
        selected.insert(all->models.begin(), all->models.end());
    } else {
        for (const QString& name : options.models) {
            if (std::find(all->models.begin(), all->models.end(), name.toStdString()) == all->models.end()) {
                QStringList known;
                for (const auto& model : all->models)
                    known.append(QString::fromStdString(model));
                return error(ContentText::tr("unknown model '%1' (the runs have: %2)")
                                 .arg(name, known.join(QStringLiteral(", "))));
            }
            selected.insert(name.toStdString());
        }
    }

    ReportContent content;
    content.projectPath = QFileInfo(options.projectPath).absoluteFilePath();
    content.created = QDateTime::currentDateTime();
    content.softwareVersion = QString::fromStdString(engine::saliscopeVersion());
    content.results = selectModels(all.value(), selected, set.parametersJson);
    content.scorecard = scorecard(content.results.summary);
    content.method = QString::fromLatin1(engine::camMethodTitle(content.results.settings.method));
    if (siblings.size() >= 2)
        for (int sibling : siblings) {
            const RunSet& other = sets[std::size_t(sibling)];
            ReportMethodSet methodSet;
            methodSet.method = QString::fromLatin1(engine::camMethodTitle(runSetMethod(other)));
            if (sibling == preferred) {
                methodSet.results = content.results;
            } else {
                auto loaded = MeasureResults::load(store, other);
                if (!loaded)
                    return loaded.failure();
                methodSet.results = selectModels(loaded.value(), selected, other.parametersJson);
            }
            methodSet.scorecard = scorecard(methodSet.results.summary);
            content.methodSets.push_back(std::move(methodSet));
            if (cancel.isCancelled())
                return Error::cancelled();
        }

    // Measures: every one the runs have, or the named ones (each must have results).
    // A measure the runs have but not for the chosen models (stability of a single model) is left
    // out with a note.
    for (auto kind : reportMeasureOrder()) {
        const bool wanted = options.measures.empty() || options.measures.count(kind);
        if (!wanted)
            continue;
        if (content.results.table(kind))
            content.measures.push_back(kind);
        else if (all->table(kind))
            content.warnings.append(
                kind == MeasureKind::Stability
                    ? ContentText::tr("%1 is left out: it needs two or more chosen models of one family.")
                          .arg(ReportText::measureTitle(kind))
                    : ContentText::tr("%1 is left out: the chosen models have no results.")
                          .arg(ReportText::measureTitle(kind)));
        else if (!options.measures.empty())
            return error(ContentText::tr("the runs have no '%1' results").arg(QLatin1String(measureName(kind))));
    }

    // Models as the project stores them, matched by the file hash the runs recorded.
    const RunParameters parameters = RunParameters::fromJson(set.parametersJson);
    auto storedModels = store.models();
    if (!storedModels)
        return storedModels.failure();
    for (const auto& name : content.results.models) {
        ReportModel model;
        model.name = QString::fromStdString(name);
        model.family = QString::fromStdString(content.results.familyOf(name));
        for (const auto& stored : storedModels.value())
            if (stored.fileHash == parameters.fileHashOf(name))
                model.stored = stored;
        content.models.push_back(std::move(model));
    }

    // Dataset, and the images the runs have no results for.
    auto datasets = store.datasets();
    if (!datasets)
        return datasets.failure();
    for (const auto& dataset : datasets.value())
        if (dataset.id == set.datasetId) {
            content.datasetLocation = dataset.name.empty()
                ? QString::fromStdString(dataset.location)
                : QStringLiteral("%1 (%2)").arg(QString::fromStdString(dataset.name),
                                                QString::fromStdString(dataset.location));
            content.imageCount = dataset.imageCount;
        }
    auto images = store.images(set.datasetId);
    if (!images)
        return images.failure();
    std::set<std::int64_t> measured;
    for (const auto& table : content.results.tables)
        if (table.measure == MeasureKind::Predictions)
            for (const auto& row : table.rows)
                measured.insert(row.imageIndex);
    for (const auto& image : images.value())
        if (!measured.count(image.position))
            content.skipped.push_back({QString::fromStdString(image.path),
                                       image.problem.empty() ? ContentText::tr("no results in the runs")
                                                             : QString::fromStdString(image.problem)});

    // What the runs were made with.
    std::set<std::string> devices, versions;
    std::string finished;
    for (const auto& run : runs.value())
        for (const auto& [kind, id] : set.runIds)
            if (run.id == id) {
                devices.insert(run.device);
                versions.insert(run.softwareVersion);
                finished = std::max(finished, run.finished);
            }
    content.devices = joined(devices);
    content.runSoftwareVersions = joined(versions);
    content.runsFinished = QString::fromStdString(finished);

    // The gallery: the images at both ends of each measure, with every model's overlay.
    std::map<std::int64_t, const StoredImage*> imageAt;
    for (const auto& image : images.value())
        imageAt[image.position] = &image;
    std::vector<std::string> classNames{"real", "synthetic"};
    if (!content.models.empty())
        if (auto metadata = engine::ModelMetadata::fromJson(content.models.front().stored.metadataJson))
            classNames = metadata->classNames;
    for (auto kind : content.measures) {
        auto& entries = content.gallery[kind];
        for (const auto& pick : pickGalleryImages(content.results, kind, options.galleryImagesPerEnd)) {
            GalleryEntry entry;
            entry.position = pick.position;
            if (const auto it = imageAt.find(pick.position); it != imageAt.end()) {
                entry.path = QString::fromStdString(it->second->path);
                const int label = it->second->label;
                if (label >= 0)
                    entry.label = label < int(classNames.size())
                        ? QString::fromStdString(classNames[std::size_t(label)])
                        : QString::number(label);
            }
            entry.caption = ReportText::galleryCaption(kind, pick.highest, pick.value);
            entries.push_back(std::move(entry));
        }
    }
    if (auto status = renderGallery(store, images.value(), content, progress, cancel); !status)
        return status.failure();
    return content;
}

} // namespace saliscope::ui
