// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/clicommon.h"

#include "core/engine/runtime.h"
#include "core/measures/csvmeasuresink.h"
#include "core/measures/measurerunner.h"
#include "core/measures/measuresummary.h"
#include "core/measures/rundescription.h"
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

/// The options of `measure`.
struct MeasureOptions final {
    const QCommandLineOption dataset{QStringLiteral("dataset"),
                                     QStringLiteral(
                                         "Folder with class subfolders, or a CSV manifest path,label[,group]."),
                                     QStringLiteral("D")};
    const QCommandLineOption model{QStringLiteral("model"), QStringLiteral("TorchScript model (repeatable)."),
                                   QStringLiteral("M.pt")};
    const QCommandLineOption family{QStringLiteral("family"),
                                    QStringLiteral("A family of independently trained runs (repeatable)."),
                                    QStringLiteral("NAME=M1.pt,M2.pt,...")};
    const QCommandLineOption modelMetadata{
        QStringLiteral("model-metadata"),
        QStringLiteral("Metadata for one of the models (as saliscope.json: input size, normalisation, classes, "
                       "cam_layer), replacing its archive's (repeatable)."),
        QStringLiteral("M.pt=FILE.json")};
    const QCommandLineOption set{QStringLiteral("set"),
                                 QStringLiteral("Set a measure parameter (repeatable); --list-parameters shows them."),
                                 QStringLiteral("key=value")};
    const QCommandLineOption listParameters{QStringLiteral("list-parameters"),
                                            QStringLiteral("Print every parameter with its default and exit.")};
    const QCommandLineOption classes = classesOption();
    const QCommandLineOption annotations = annotationsOption();
    const QCommandLineOption masks = masksOption();
    const QCommandLineOption device{QStringLiteral("device"), QStringLiteral("cpu, cuda, cuda:N or auto."),
                                    QStringLiteral("DEVICE"), QStringLiteral("cpu")};
    const QCommandLineOption batch{QStringLiteral("batch"), QStringLiteral("Images per batch."), QStringLiteral("N"),
                                   QStringLiteral("16")};
    const QCommandLineOption out{QStringLiteral("out"), QStringLiteral("Output folder for CSV files and summary.json."),
                                 QStringLiteral("DIR")};
    const QCommandLineOption project{QStringLiteral("project"),
                                     QStringLiteral("Store results in this project file (resumes an identical run)."),
                                     QStringLiteral("P.saliscope")};
    const QCommandLineOption method{QStringLiteral("method"),
                                    QStringLiteral("Salience methods, comma-separated (default gradcam): gradcam, "
                                                   "hirescam, gradcampp, xgradcam, layercam, eigencam, scorecam. "
                                                   "With several, each method's results go to DIR/<method>/ and "
                                                   "into runs of their own."),
                                    QStringLiteral("METHODS")};
    const QCommandLineOption shardOption{QStringLiteral("shard"),
                                         QStringLiteral(
                                             "Compute only slice K of N (by content hash); needs --project."),
                                         QStringLiteral("K/N")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.addOptions({dataset, model, family, modelMetadata, set, listParameters, classes, annotations, masks,
                           device, batch, out, project, method, shardOption});
        parser.addOptions(videoOptions());
        parser.addPositionalArgument(QStringLiteral("MEASURES"),
                                     QStringLiteral("entropy, noise, transforms, stability, degradation, sanity or "
                                                    "all (every measure but sanity)."));
    }
};

/// What `measure` reads from its command line; `exitCode` is set when it should stop (help,
/// --list-parameters, a usage error).
struct MeasureRequest final {
    MeasureRunParams params;
    std::vector<engine::CamMethod> methods; ///< the run's settings.method when empty
    Shard shard;
    QString outDir;
    QString project;
    std::optional<int> exitCode;
};

MeasureRequest stopWith(int exitCode)
{
    MeasureRequest request;
    request.exitCode = exitCode;
    return request;
}

/// Measures, output, shard, batch and device from the command line.
MeasureRequest readRunOptions(const QCommandLineParser& parser, const MeasureOptions& o, const QString& name)
{
    MeasureRequest request;
    MeasureRunParams& params = request.params;
    for (const QString& assignment : parser.values(o.set))
        if (auto status = params.settings.set(assignment.toStdString()); !status)
            return stopWith(usageError(name, QString::fromStdString(status.error())));
    if (parser.isSet(o.method)) {
        auto methods = engine::parseCamMethodList(parser.value(o.method).toStdString());
        if (!methods)
            return stopWith(usageError(name, QString::fromStdString(methods.error())));
        request.methods = methods.value();
        params.settings.method = request.methods.front();
    }
    if (parser.isSet(o.listParameters)) {
        std::fputs(params.settings.describe().c_str(), stdout);
        return stopWith(0);
    }
    if (parser.positionalArguments().size() != 1)
        return stopWith(usageError(name, QStringLiteral("name the measures to run (or all)")));
    auto measures = parseMeasures(parser.positionalArguments().front().toStdString());
    if (!measures)
        return stopWith(usageError(name, QString::fromStdString(measures.error())));
    params.measures = measures.value();
    params.measures.insert(MeasureKind::Predictions);
    if (!parser.isSet(o.dataset))
        return stopWith(usageError(name, QStringLiteral("--dataset is required")));
    if (!parser.isSet(o.out) && !parser.isSet(o.project))
        return stopWith(usageError(name, QStringLiteral("give --out DIR, --project P, or both")));
    if (parser.isSet(o.out) && parser.value(o.out).isEmpty())
        return stopWith(usageError(name, QStringLiteral("--out names no folder (an empty value)")));
    if (parser.isSet(o.project) && parser.value(o.project).isEmpty())
        return stopWith(usageError(name, QStringLiteral("--project names no file (an empty value)")));
    request.outDir = parser.value(o.out);
    request.project = parser.value(o.project);
    if (parser.isSet(o.shardOption)) {
        if (!parser.isSet(o.project))
            return stopWith(
                usageError(name, QStringLiteral("--shard needs --project (each slice goes into its own project)")));
        auto parsed = Shard::parse(parser.value(o.shardOption).toStdString());
        if (!parsed)
            return stopWith(usageError(name, QString::fromStdString(parsed.error())));
        request.shard = parsed.value();
    }
    if (!parser.isSet(o.model) && !parser.isSet(o.family))
        return stopWith(usageError(name, QStringLiteral("give at least one --model or --family")));
    bool numeric = false;
    params.batchSize = parser.value(o.batch).toInt(&numeric);
    if (!numeric || params.batchSize < 1)
        return stopWith(usageError(name, QStringLiteral("--batch must be a positive integer")));
    if (!isDeviceName(parser.value(o.device)))
        return stopWith(usageError(name, unknownDevice(parser.value(o.device))));
    params.device = parser.value(o.device).toStdString();
    return request;
}

/// Models, families and metadata files from the command line; an exit code when they are wrong.
std::optional<int> readModels(const QCommandLineParser& parser, const MeasureOptions& o, const QString& name,
                              MeasureRunParams& params)
{
    for (const QString& path : parser.values(o.model))
        modelNamed(path, params.models);
    for (const QString& spec : parser.values(o.family)) {
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
    for (const QString& spec : parser.values(o.modelMetadata)) {
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

    return std::nullopt;
}

/// What a measure run produced, from the project or from the run itself.
struct MeasureOutcome final {
    QJsonObject summary;
    std::vector<std::pair<std::string, std::string>> skippedImages;
    std::int64_t computed = 0;
};

/// Runs into the project (resuming), and writes --out from every row the project holds.
Result<MeasureOutcome> runIntoProject(const MeasureRequest& request, ProgressSink& progress)
{
    const auto& params = request.params;
    auto result = runMeasuresInProject(params, request.project.toStdString(), request.shard, nullptr, progress,
                                       CancelToken());
    if (!result)
        return result.failure();
    // --out holds the complete results of the runs, read back from the project: rows of an
    // earlier, killed or finished process included, not only those computed now.
    if (!request.outDir.isEmpty())
        if (auto written = writeRunsAsCsv(request.project.toStdString(), result->runIds, params.dataset,
                                          request.outDir.toStdString());
            !written)
            return written.failure();
    MeasureOutcome outcome{result->summary, result->skipped, result->imagesComputed};
    QStringList ids;
    for (const auto& [kind, id] : result->runIds)
        ids << QStringLiteral("%1=%2").arg(measureName(kind)).arg(id);
    std::fprintf(stderr, "project %s: runs %s; %lld images already done\n", qPrintable(request.project),
                 qPrintable(ids.join(", ")), static_cast<long long>(result->imagesAlreadyDone));
    return outcome;
}

/// Runs without a project: rows go straight to --out's CSV files.
Result<MeasureOutcome> runIntoCsv(const MeasureRequest& request, ProgressSink& progress)
{
    const auto& params = request.params;
    CsvMeasureSink csv(request.outDir.toStdString(), params.dataset);
    auto result = runMeasures(params, &csv, /*keepTables=*/true, progress, CancelToken());
    auto written = csv.finish();
    if (!result)
        return result.failure();
    if (!written)
        return written.failure();
    return MeasureOutcome{summarizeMeasures(result->tables, params.settings, params.families,
                                            ImageGrouping::of(params.dataset.records)),
                          result->skipped, result->imagesComputed};
}

/// Writes DIR/summary.json beside its name and renames it, so a full disk leaves no truncated
/// summary behind. The flush is checked on its own: QSaveFile::commit() (Qt 6.4) renames the file
/// even when the flush of its last buffered bytes fails. A short write leaves no reason ("Unknown error").
Status writeSummaryFile(const QString& outDir, const QJsonObject& summary)
{
    QSaveFile summaryFile(QDir(outDir).filePath(QStringLiteral("summary.json")));
    const QByteArray summaryText = QJsonDocument(summary).toJson();
    if (!summaryFile.open(QIODevice::WriteOnly) || summaryFile.write(summaryText) != summaryText.size()
        || !summaryFile.flush() || !summaryFile.commit())
        return Error{QStringLiteral("cannot write %1: %2")
                         .arg(summaryFile.fileName(),
                              summaryFile.error() == QFileDevice::NoError
                                      || summaryFile.errorString() == QLatin1String("Unknown error")
                                  ? QStringLiteral("disk full or I/O error")
                                  : summaryFile.errorString())
                         .toStdString()};
    return Ok{};
}

/// Runs the request's measures with its one method and writes its --out folder.
int measureWithOneMethod(const MeasureRequest& request, const std::vector<SkippedMeasure>& skippedMeasures,
                         const QString& name)
{
    const MeasureRunParams& params = request.params;
    const QString& outDir = request.outDir;
    if (!outDir.isEmpty() && !QDir().mkpath(outDir))
        return fail(name, QStringLiteral("cannot create %1").arg(outDir));
    TerminalProgress progress;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    auto outcome = request.project.isEmpty() ? runIntoCsv(request, progress) : runIntoProject(request, progress);
    if (!outcome)
        return fail(name, QString::fromStdString(outcome.error()));
    QJsonObject& summary = outcome->summary;
    // runMeasures lists the entries the scan set aside (unreadable files, bad or duplicate manifest
    // rows) first among the skipped images.
    std::fprintf(stderr, "%lld images measured with %zu models, %zu skipped\n",
                 static_cast<long long>(outcome->computed), params.models.size(), outcome->skippedImages.size());
    warnAboutFlatMaps(summary);
    if (outDir.isEmpty())
        return 0;
    summary["run"] = runDescription(params, skippedMeasures, outcome->skippedImages, outcome->computed, started);
    summary["scorecard"] = scorecard(summary);
    if (auto written = writeSummaryFile(outDir, summary); !written)
        return fail(name, QString::fromStdString(written.error()));
    std::fprintf(stderr, "results in %s\n", qPrintable(outDir));
    return 0;
}

} // namespace

int runMeasure(const QStringList& arguments)
{
    const QString name = QStringLiteral("measure");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run salience measures over a dataset: entropy, noise, transforms, stability, degradation, sanity or all "
        "(comma-separated; all is every measure but sanity). Writes DIR/<measure>.csv per measure (plus "
        "predictions.csv) and DIR/summary.json; with several --method, DIR/<method>/ for each."));
    const MeasureOptions options;
    options.addTo(parser);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    MeasureRequest request = readRunOptions(parser, options, name);
    if (request.exitCode)
        return *request.exitCode;
    MeasureRunParams& params = request.params;
    if (auto stop = readModels(parser, options, name, params))
        return *stop;

    // "all" runs every measure that applies to these models and says which it left out.
    std::vector<SkippedMeasure> skippedMeasures;
    if (measureListNamesAll(parser.positionalArguments().front().toStdString()))
        skippedMeasures = removeInapplicableMeasures(params);
    for (const auto& skippedMeasure : skippedMeasures)
        std::fprintf(stderr, "%s skipped: %s\n", measureName(skippedMeasure.kind), skippedMeasure.reason.c_str());

    // With a project, frame indices and face boxes are kept beside its decoded images.
    const std::string videoCache = request.project.isEmpty()
        ? std::string()
        : imageCacheFolder(QFileInfo(request.project).absoluteFilePath().toStdString()) + "/faces";
    auto scanned = scanDatasetArgument(parser.value(options.dataset), parser, true, true, videoCache);
    if (!scanned)
        return fail(name, QString::fromStdString(scanned.error()));
    if (scanned->records.empty())
        return fail(name, QStringLiteral("the dataset %1 has no images").arg(parser.value(options.dataset)));
    params.dataset = std::move(scanned).value();

    if (request.methods.size() <= 1)
        return measureWithOneMethod(request, skippedMeasures, name);
    // Several methods: one run each (sharing the project's decoded images), results in DIR/<method>/.
    for (engine::CamMethod method : request.methods) {
        MeasureRequest one = request;
        one.methods = {method};
        one.params.settings.method = method;
        if (!request.outDir.isEmpty())
            one.outDir = QDir(request.outDir).filePath(QString::fromLatin1(engine::camMethodName(method)));
        std::fprintf(stderr, "method %s\n", engine::camMethodTitle(method));
        if (const int code = measureWithOneMethod(one, skippedMeasures, name); code != 0)
            return code;
    }
    return 0;
}

} // namespace saliscope::cli
