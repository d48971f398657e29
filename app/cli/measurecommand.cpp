// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clicommon.h"

#include "core/engine/runtime.h"
#include "core/measures/csvmeasuresink.h"
#include "core/measures/measurerunner.h"
#include "core/measures/measuresummary.h"
#include "core/project/projectrun.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

namespace saliscope::cli {

namespace {

QString uniqueName(const QString& stem, const std::vector<ModelEntry>& models)
{
    QString name = stem;
    for (int n = 2;; ++n) {
        const bool taken = std::any_of(models.begin(), models.end(),
                                       [&](const ModelEntry& m) { return m.name == name.toStdString(); });
        if (!taken)
            return name;
        name = stem + "_" + QString::number(n);
    }
}

/// The model entry for a path, adding it to the list when new.
std::string modelNamed(const QString& path, std::vector<ModelEntry>& models)
{
    const std::string absolute = QFileInfo(path).absoluteFilePath().toStdString();
    for (const auto& model : models)
        if (model.path == absolute)
            return model.name;
    ModelEntry entry;
    entry.name = uniqueName(QFileInfo(path).completeBaseName(), models).toStdString();
    entry.path = absolute;
    models.push_back(entry);
    return entry.name;
}

/// One warning per model with flat maps: their entropies and SSIMs are left out of every
/// aggregate (FlatMaps), so a reader should know how many.
void warnAboutFlatMaps(const QJsonObject& summary)
{
    const QJsonObject models = summary.value(QStringLiteral("models")).toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QJsonObject model = it.value().toObject();
        const int clean = model.value(QStringLiteral("flat_maps")).toInt();
        int rows = 0;
        for (const char* measure : {"entropy", "noise", "transforms", "degradation"})
            rows += model.value(QLatin1String(measure)).toObject().value(QStringLiteral("flat_maps")).toInt();
        if (clean > 0 || rows > 0)
            std::fprintf(stderr,
                         "warning: model %s: %d of %d clean maps are flat (no defined salience); %d rows that "
                         "involve a flat map are left out of the aggregates\n",
                         qPrintable(it.key()), clean, model.value(QStringLiteral("images")).toInt(), rows);
    }
}

} // namespace

int runMeasure(const QStringList& arguments)
{
    const QString name = QStringLiteral("measure");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run salience measures over a dataset: entropy, noise, transforms, stability, degradation or all "
        "(comma-separated). Writes DIR/<measure>.csv per measure (plus predictions.csv) and DIR/summary.json."));
    const QCommandLineOption dataset(QStringLiteral("dataset"),
                                     QStringLiteral(
                                         "Folder with class subfolders, or a CSV manifest path,label[,group]."),
                                     QStringLiteral("D"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("TorchScript model (repeatable)."),
                                   QStringLiteral("M.pt"));
    const QCommandLineOption family(QStringLiteral("family"),
                                    QStringLiteral("A family of independently trained runs (repeatable)."),
                                    QStringLiteral("NAME=M1.pt,M2.pt,..."));
    const QCommandLineOption modelMetadata(
        QStringLiteral("model-metadata"),
        QStringLiteral("Metadata for one of the models (as saliscope.json: input size, normalisation, classes, "
                       "cam_layer), replacing its archive's (repeatable)."),
        QStringLiteral("M.pt=FILE.json"));
    const QCommandLineOption set(QStringLiteral("set"),
                                 QStringLiteral("Set a measure parameter (repeatable); --list-parameters shows them."),
                                 QStringLiteral("key=value"));
    const QCommandLineOption listParameters(QStringLiteral("list-parameters"),
                                            QStringLiteral("Print every parameter with its default and exit."));
    const QCommandLineOption classes = classesOption();
    const QCommandLineOption annotations = annotationsOption();
    const QCommandLineOption device(QStringLiteral("device"), QStringLiteral("cpu, cuda, cuda:N or auto."),
                                    QStringLiteral("DEVICE"), QStringLiteral("cpu"));
    const QCommandLineOption batch(QStringLiteral("batch"), QStringLiteral("Images per batch."), QStringLiteral("N"),
                                   QStringLiteral("16"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Output folder for CSV files and summary.json."),
                                 QStringLiteral("DIR"));
    const QCommandLineOption project(QStringLiteral("project"),
                                     QStringLiteral("Store results in this project file (resumes an identical run)."),
                                     QStringLiteral("P.saliscope"));
    const QCommandLineOption shardOption(QStringLiteral("shard"),
                                         QStringLiteral(
                                             "Compute only slice K of N (by content hash); needs --project."),
                                         QStringLiteral("K/N"));
    parser.addOptions({dataset, model, family, modelMetadata, set, listParameters, classes, annotations, device, batch,
                       out, project, shardOption});
    parser.addPositionalArgument(QStringLiteral("MEASURES"),
                                 QStringLiteral("entropy, noise, transforms, stability, degradation or all."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;

    MeasureRunParams params;
    for (const QString& assignment : parser.values(set))
        if (auto status = params.settings.set(assignment.toStdString()); !status)
            return usageError(name, QString::fromStdString(status.error()));
    if (parser.isSet(listParameters)) {
        std::fputs(params.settings.describe().c_str(), stdout);
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QStringLiteral("name the measures to run (or all)"));
    auto measures = parseMeasures(parser.positionalArguments().front().toStdString());
    if (!measures)
        return usageError(name, QString::fromStdString(measures.error()));
    params.measures = measures.value();
    params.measures.insert(MeasureKind::Predictions);
    if (!parser.isSet(dataset))
        return usageError(name, QStringLiteral("--dataset is required"));
    if (!parser.isSet(out) && !parser.isSet(project))
        return usageError(name, QStringLiteral("give --out DIR, --project P, or both"));
    if (parser.isSet(out) && parser.value(out).isEmpty())
        return usageError(name, QStringLiteral("--out names no folder (an empty value)"));
    if (parser.isSet(project) && parser.value(project).isEmpty())
        return usageError(name, QStringLiteral("--project names no file (an empty value)"));
    Shard shard;
    if (parser.isSet(shardOption)) {
        if (!parser.isSet(project))
            return usageError(name, QStringLiteral("--shard needs --project (each slice goes into its own project)"));
        auto parsed = Shard::parse(parser.value(shardOption).toStdString());
        if (!parsed)
            return usageError(name, QString::fromStdString(parsed.error()));
        shard = parsed.value();
    }
    if (!parser.isSet(model) && !parser.isSet(family))
        return usageError(name, QStringLiteral("give at least one --model or --family"));
    bool numeric = false;
    params.batchSize = parser.value(batch).toInt(&numeric);
    if (!numeric || params.batchSize < 1)
        return usageError(name, QStringLiteral("--batch must be a positive integer"));
    if (!isDeviceName(parser.value(device)))
        return usageError(name, unknownDevice(parser.value(device)));
    params.device = parser.value(device).toStdString();

    for (const QString& path : parser.values(model))
        modelNamed(path, params.models);
    for (const QString& spec : parser.values(family)) {
        const int equals = spec.indexOf('=');
        const QStringList members = spec.mid(equals + 1).split(',', Qt::SkipEmptyParts);
        if (equals <= 0 || members.size() < 2)
            return usageError(name, QStringLiteral("--family needs NAME=M1.pt,M2.pt,... with at least two models"));
        FamilyEntry entry{spec.left(equals).toStdString(), {}};
        for (const QString& member : members) {
            const std::string memberName = modelNamed(member, params.models);
            if (std::find(entry.members.begin(), entry.members.end(), memberName) != entry.members.end())
                return usageError(name,
                                  QStringLiteral("--family %1 names %2 twice: a family needs two or more "
                                                 "different models")
                                      .arg(spec.left(equals), member));
            entry.members.push_back(memberName);
        }
        params.families.push_back(entry);
    }
    for (const QString& spec : parser.values(modelMetadata)) {
        const int equals = spec.lastIndexOf('=');
        if (equals <= 0)
            return usageError(name, QStringLiteral("--model-metadata needs M.pt=FILE.json"));
        const std::string path = QFileInfo(spec.left(equals)).absoluteFilePath().toStdString();
        auto entry = std::find_if(params.models.begin(), params.models.end(),
                                  [&](const ModelEntry& m) { return m.path == path; });
        if (entry == params.models.end())
            return usageError(
                name,
                QStringLiteral("--model-metadata names %1, which no --model or --family gives").arg(spec.left(equals)));
        auto metadata = readMetadataFile(spec.mid(equals + 1));
        if (!metadata)
            return fail(name, QString::fromStdString(metadata.error()));
        entry->metadata = metadata.value();
        entry->layer = metadata->camLayer;
    }

    // "all" runs every measure that applies to these models and says which it left out.
    std::vector<SkippedMeasure> skippedMeasures;
    if (measureListNamesAll(parser.positionalArguments().front().toStdString()))
        skippedMeasures = removeInapplicableMeasures(params);
    for (const auto& skippedMeasure : skippedMeasures)
        std::fprintf(stderr, "%s skipped: %s\n", measureName(skippedMeasure.kind), skippedMeasure.reason.c_str());

    auto scanned = scanDatasetArgument(parser.value(dataset), parser);
    if (!scanned)
        return fail(name, QString::fromStdString(scanned.error()));
    if (scanned->records.empty())
        return fail(name, QStringLiteral("the dataset %1 has no images").arg(parser.value(dataset)));
    params.dataset = std::move(scanned).value();

    const QString outDir = parser.value(out);
    if (!outDir.isEmpty() && !QDir().mkpath(outDir))
        return fail(name, QStringLiteral("cannot create %1").arg(outDir));
    TerminalProgress progress;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QJsonObject summary;
    std::vector<std::pair<std::string, std::string>> skippedImages;
    std::int64_t computed = 0;
    if (parser.isSet(project)) {
        auto result = runMeasuresInProject(params, parser.value(project).toStdString(), shard, nullptr, progress,
                                           CancelToken());
        if (!result)
            return fail(name, QString::fromStdString(result.error()));
        // --out holds the complete results of the runs, read back from the project: rows of an
        // earlier, killed or finished process included, not only those computed now.
        if (!outDir.isEmpty())
            if (auto written = writeRunsAsCsv(parser.value(project).toStdString(), result->runIds, params.dataset,
                                              outDir.toStdString());
                !written)
                return fail(name, QString::fromStdString(written.error()));
        summary = result->summary;
        skippedImages = result->skipped;
        computed = result->imagesComputed;
        QStringList ids;
        for (const auto& [kind, id] : result->runIds)
            ids << QStringLiteral("%1=%2").arg(measureName(kind)).arg(id);
        std::fprintf(stderr, "project %s: runs %s; %lld images already done\n", qPrintable(parser.value(project)),
                     qPrintable(ids.join(", ")), static_cast<long long>(result->imagesAlreadyDone));
    } else {
        CsvMeasureSink csv(outDir.toStdString(), params.dataset);
        auto result = runMeasures(params, &csv, /*keepTables=*/true, progress, CancelToken());
        auto written = csv.finish();
        if (!result)
            return fail(name, QString::fromStdString(result.error()));
        if (!written)
            return fail(name, QString::fromStdString(written.error()));
        summary = summarizeMeasures(result->tables, params.settings, params.families);
        skippedImages = result->skipped;
        computed = result->imagesComputed;
    }
    // runMeasures lists the entries the scan set aside (unreadable files, bad or duplicate manifest
    // rows) first among the skipped images.
    std::fprintf(stderr, "%lld images measured with %zu models, %zu skipped\n", static_cast<long long>(computed),
                 params.models.size(), skippedImages.size());
    warnAboutFlatMaps(summary);
    if (outDir.isEmpty())
        return 0;

    QJsonArray measureNames, modelArray, familyArray, skipped, skippedMeasureArray;
    for (const auto& skippedMeasure : skippedMeasures)
        skippedMeasureArray.append(QJsonObject{{"measure", measureName(skippedMeasure.kind)},
                                               {"reason", QString::fromStdString(skippedMeasure.reason)}});
    for (auto kind : params.measures)
        if (kind != MeasureKind::Predictions)
            measureNames.append(measureName(kind));
    for (const auto& m : params.models)
        modelArray.append(
            QJsonObject{{"name", QString::fromStdString(m.name)}, {"path", QString::fromStdString(m.path)}});
    for (const auto& f : params.families) {
        QJsonArray members;
        for (const auto& member : f.members)
            members.append(QString::fromStdString(member));
        familyArray.append(QJsonObject{{"name", QString::fromStdString(f.name)}, {"members", members}});
    }
    for (const auto& [path, reason] : skippedImages)
        skipped.append(
            QJsonObject{{"image", QString::fromStdString(path)}, {"reason", QString::fromStdString(reason)}});
    QJsonObject counts;
    for (const auto& [label, count] : params.dataset.classCounts())
        counts[label == UnknownLabel ? QStringLiteral("unknown") : QString::number(label)] = count;
    summary["run"] = QJsonObject{
        {"measures", measureNames},
        {"skipped_measures", skippedMeasureArray},
        {"parameters", params.settings.toJson()},
        {"models", modelArray},
        {"families", familyArray},
        {"dataset",
         QJsonObject{{"location", QString::fromStdString(params.dataset.location)},
                     {"images", double(params.dataset.records.size())},
                     {"class_counts", counts}}},
        {"images_computed", double(computed)},
        {"skipped", skipped},
        {"device", QString::fromStdString(params.device)},
        {"batch", params.batchSize},
        {"started", started.toString(Qt::ISODate)},
        {"finished", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {"software",
         QStringLiteral("saliscope %1, LibTorch %2")
             .arg(QString::fromStdString(engine::saliscopeVersion()), QString::fromStdString(engine::torchVersion()))},
    };
    summary["scorecard"] = scorecard(summary);
    // Written beside its name and renamed, so a full disk leaves no truncated summary behind. The
    // flush is checked on its own: QSaveFile::commit() (Qt 6.4) renames the file even when the
    // flush of its last buffered bytes fails. A short write leaves no reason ("Unknown error").
    QSaveFile summaryFile(QDir(outDir).filePath(QStringLiteral("summary.json")));
    const QByteArray summaryText = QJsonDocument(summary).toJson();
    if (!summaryFile.open(QIODevice::WriteOnly) || summaryFile.write(summaryText) != summaryText.size()
        || !summaryFile.flush() || !summaryFile.commit())
        return fail(name,
                    QStringLiteral("cannot write %1: %2")
                        .arg(summaryFile.fileName(),
                             summaryFile.error() == QFileDevice::NoError
                                     || summaryFile.errorString() == QLatin1String("Unknown error")
                                 ? QStringLiteral("disk full or I/O error")
                                 : summaryFile.errorString()));
    std::fprintf(stderr, "results in %s\n", qPrintable(outDir));
    return 0;
}

} // namespace saliscope::cli
