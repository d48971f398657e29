// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Commands over project files: project (list), export (a run as CSV), merge (shards).

#include "app/cli/clicommon.h"

#include "core/project/projectrun.h"
#include "core/project/runparameters.h"
#include "core/project/toolexport.h"
#include "core/store/projectmerge.h"
#include "core/store/projectstore.h"

#include <QFileInfo>

#include <map>

#include <cstdio>

namespace saliscope::cli {

int runProject(const QStringList& arguments)
{
    const QString name = QStringLiteral("project");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List a project's datasets, models, families and measure runs with their status."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .saliscope project file."));
    const QCommandLineOption upgrade(
        QStringLiteral("upgrade"),
        QStringLiteral("First upgrade a project made by an older Saliscope to this version's file format."));
    parser.addOption(upgrade);
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return usageError(name, QStringLiteral("give one project file"));
    const std::string path = parser.positionalArguments().front().toStdString();
    if (parser.isSet(upgrade)) {
        // Opening it writable migrates it, under the writer lock; nothing else is changed.
        auto writable = ProjectStore::open(path, ProjectOpenMode::OpenExisting);
        if (!writable)
            return fail(name, QString::fromStdString(writable.error()));
        if (writable.value()->isReadOnly())
            return fail(name,
                        QStringLiteral("cannot upgrade %1: %2")
                            .arg(QString::fromStdString(path),
                                 QString::fromStdString(writable.value()->readOnlyReason())));
    }
    auto store = ProjectStore::open(path, ProjectOpenMode::ReadOnly);
    if (!store)
        return fail(name, QString::fromStdString(store.error()));
    auto datasets = store.value()->datasets();
    auto models = store.value()->models();
    auto families = store.value()->families();
    auto runs = store.value()->runs();
    if (!datasets || !models || !families || !runs)
        return fail(name, QStringLiteral("cannot read the project"));
    std::printf("project %s (schema %d)\n\ndatasets\n", qPrintable(parser.positionalArguments().front()),
                store.value()->schemaVersion());
    for (const auto& d : datasets.value())
        std::printf("  %lld  %s%s  %lld images  (added %s)\n", static_cast<long long>(d.id),
                    d.name.empty() ? "" : ("\"" + d.name + "\"  ").c_str(), d.location.c_str(),
                    static_cast<long long>(d.imageCount), d.created.c_str());
    std::printf("\nmodels\n");
    for (const auto& m : models.value())
        std::printf("  %lld  %s  %s, CAM layer %s, hash %s\n", static_cast<long long>(m.id), m.path.c_str(),
                    m.kind.c_str(), m.camLayer.c_str(), m.fileHash.c_str());
    if (!families->empty()) {
        std::printf("\nfamilies\n");
        for (const auto& f : families.value()) {
            std::printf("  %s:", f.name.c_str());
            for (auto id : f.modelIds)
                std::printf(" %lld", static_cast<long long>(id));
            std::printf("\n");
        }
    }
    std::printf("\nruns\n  %-4s %-12s %-10s %-10s %-8s %-10s %-9s %s\n", "id", "measure", "method", "status", "dataset",
                "shard", "rows", "finished");
    for (const auto& r : runs.value()) {
        const engine::CamMethod method = RunParameters::fromJson(r.parametersJson).settings.method;
        std::printf("  %-4lld %-12s %-10s %-10s %-8lld %-10s %-9lld %s%s%s\n", static_cast<long long>(r.id),
                    r.measure.c_str(), engine::camMethodName(method), runStatusName(r.status),
                    static_cast<long long>(r.datasetId), r.shard.empty() ? "-" : r.shard.c_str(),
                    static_cast<long long>(r.resultCount), r.finished.c_str(), r.error.empty() ? "" : "  ",
                    r.error.c_str());
    }
    return 0;
}

namespace {

/// The options of `export` that the npz, fiftyone and png formats read.
struct ToolExportOptions final {
    const QCommandLineOption& run;
    const QCommandLineOption& output;
    const QCommandLineOption& model;
    const QCommandLineOption& method;
    const QCommandLineOption& noMaps;
    const QCommandLineOption& upscaled;
    const QCommandLineOption& device;
};

/// `export --format npz|fiftyone|png`: exportForTools with the parsed options.
int runToolExport(const QCommandLineParser& parser, const QString& formatName, const ToolExportOptions& options)
{
    const QString name = QStringLiteral("export");
    const auto format = toolExportFormatNamed(formatName.toStdString());
    if (!format)
        return usageError(name, QStringLiteral("unknown format %1: give csv, npz, fiftyone or png").arg(formatName));
    if (parser.positionalArguments().size() != 1 || !parser.isSet(options.output))
        return usageError(name,
                          QStringLiteral("give PROJECT and -o %1")
                              .arg(*format == ToolExportFormat::Npz ? QStringLiteral("FILE.npz")
                                                                    : QStringLiteral("FOLDER")));
    if (*format == ToolExportFormat::Png && parser.isSet(options.noMaps))
        return usageError(name, QStringLiteral("--no-maps leaves nothing for --format png to write"));
    ToolExportParams params;
    params.projectPath = parser.positionalArguments().front().toStdString();
    params.format = *format;
    params.output = parser.value(options.output).toStdString();
    for (const QString& value : parser.values(options.run)) {
        bool numeric = false;
        const qlonglong id = value.toLongLong(&numeric);
        if (!numeric)
            return usageError(name, QStringLiteral("--run takes a run id, not %1").arg(value));
        params.runIds.push_back(id);
    }
    for (const QString& value : parser.values(options.model))
        params.models.push_back(value.toStdString());
    if (parser.isSet(options.method)) {
        auto methods = engine::parseCamMethodList(parser.value(options.method).toStdString());
        if (!methods)
            return usageError(name, QString::fromStdString(methods.error()));
        params.methods = methods.value();
    }
    params.maps = !parser.isSet(options.noMaps);
    params.upscaled = parser.isSet(options.upscaled);
    if (!isDeviceName(parser.value(options.device)))
        return usageError(name, unknownDevice(parser.value(options.device)));
    params.device = parser.value(options.device).toStdString();
    TerminalProgress progress;
    auto result = exportForTools(params, progress, CancelToken());
    if (!result)
        return fail(name, QString::fromStdString(result.error()));
    for (const auto& [what, reason] : result->skipped)
        std::fprintf(stderr, "export: skipped %s: %s\n", what.c_str(), reason.c_str());
    std::fprintf(stderr, "export: %zu runs, %lld rows, %lld maps (%lld computed)%s to %s\n", result->runIds.size(),
                 static_cast<long long>(result->rows), static_cast<long long>(result->maps),
                 static_cast<long long>(result->mapsComputed),
                 *format == ToolExportFormat::FiftyOne ? (", " + std::to_string(result->samples) + " samples").c_str()
                                                       : "",
                 params.output.c_str());
    return 0;
}

} // namespace

int runExport(const QStringList& arguments)
{
    const QString name = QStringLiteral("export");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a run's per-image results as CSV (image, label, group, content_hash, model, variant, values...), "
        "or runs and their salience maps for other tools: --format npz (NumPy), fiftyone (a FiftyOne dataset "
        "directory) or png (every map as an 8-bit PNG named after its image, as cam writes them)."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("csv (default: one run), npz, fiftyone or png."),
                                    QStringLiteral("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption run(QStringLiteral("run"),
                                 QStringLiteral("Run id (see saliscope-cli project). csv: exactly one; npz, fiftyone, "
                                                "png: repeat it for several (default: every finished run)."),
                                 QStringLiteral("ID"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("csv: the CSV file; npz: the .npz file; fiftyone, png: the folder "
                                                   "(created when missing)."),
                                    QStringLiteral("PATH"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QStringLiteral("npz, fiftyone, png: only this model's rows and maps (repeatable; a "
                                                  "pair's rows are kept when both models are)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption method(QStringLiteral("method"),
                                    QStringLiteral("npz, fiftyone, png: only runs of these salience methods (comma-"
                                                   "separated: %1).")
                                        .arg(QString::fromStdString(engine::camMethodNameList())),
                                    QStringLiteral("METHODS"));
    const QCommandLineOption noMaps(QStringLiteral("no-maps"),
                                    QStringLiteral("npz, fiftyone: leave the salience maps out."));
    const QCommandLineOption upscaled(QStringLiteral("upscaled"),
                                      QStringLiteral("npz, fiftyone, png: maps at the model's input size (Pillow "
                                                     "bicubic, as cam --upscaled) instead of the small 8-bit map."));
    const QCommandLineOption device(QStringLiteral("device"),
                                    QStringLiteral("Where maps the project does not hold are computed: cpu (default), "
                                                   "cuda, cuda:N or auto."),
                                    QStringLiteral("DEVICE"), QStringLiteral("cpu"));
    parser.addOptions({format, run, output, model, method, noMaps, upscaled, device});
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .saliscope project file."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    const QString formatName = parser.value(format).toLower();
    if (formatName != QStringLiteral("csv"))
        return runToolExport(parser, formatName, {run, output, model, method, noMaps, upscaled, device});
    for (const QCommandLineOption* other : {&model, &method, &noMaps, &upscaled, &device})
        if (parser.isSet(*other))
            return usageError(name,
                              QStringLiteral("--%1 applies to --format npz, fiftyone and png, not csv")
                                  .arg(other->names().constLast()));
    if (parser.values(run).size() > 1)
        return usageError(name, QStringLiteral("a CSV holds one run: give one --run (or --format npz)"));
    bool numeric = false;
    const qlonglong runId = parser.value(run).toLongLong(&numeric);
    if (parser.positionalArguments().size() != 1 || !numeric || !parser.isSet(output))
        return usageError(name, QStringLiteral("give PROJECT, --run ID and -o FILE.csv"));
    // A damaged file opens too, so that what can still be read is salvaged; it still exits 1.
    auto store = ProjectStore::open(parser.positionalArguments().front().toStdString(), ProjectOpenMode::Salvage);
    if (!store)
        return fail(name, QString::fromStdString(store.error()));
    if (auto status = store.value()->exportRunCsv(runId, parser.value(output).toStdString()); !status)
        return fail(name, QString::fromStdString(status.error()));
    if (!store.value()->damage().empty())
        return fail(name,
                    QStringLiteral("%3; %1 holds the rows of run %2 that could still be read")
                        .arg(parser.value(output))
                        .arg(runId)
                        .arg(QString::fromStdString(store.value()->damage())));
    return 0;
}

int runMerge(const QStringList& arguments)
{
    const QString name = QStringLiteral("merge");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Merge projects (e.g. the shards of a cluster run) into OUT, created if missing. Datasets, images and "
        "models are matched by content; merging twice adds nothing; shards with different parameters are refused."));
    parser.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("Target project."));
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("Projects to merge."), QStringLiteral("IN..."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    const QStringList paths = parser.positionalArguments();
    if (paths.size() < 2)
        return usageError(name, QStringLiteral("give OUT and at least one IN project"));
    for (const QString& input : paths.mid(1))
        if (QFileInfo(input).absoluteFilePath() == QFileInfo(paths[0]).absoluteFilePath())
            return usageError(name, QStringLiteral("%1 cannot be merged into itself").arg(input));
    auto store = ProjectStore::open(paths[0].toStdString(), ProjectOpenMode::CreateIfMissing);
    if (!store)
        return fail(name, QString::fromStdString(store.error()));
    for (const QString& input : paths.mid(1)) {
        auto report = mergeProject(*store.value(), input.toStdString());
        if (!report)
            return fail(name, QStringLiteral("%1: %2").arg(input, QString::fromStdString(report.error())));
        std::fprintf(
            stderr,
            "%s: %d datasets, %d models, %d runs added, %d runs extended, %lld results added, %lld already present\n",
            qPrintable(input), report->datasetsAdded, report->modelsAdded, report->runsAdded, report->runsExtended,
            static_cast<long long>(report->resultsAdded), static_cast<long long>(report->resultsSkipped));
    }
    // Summaries are computed from the rows when shown or written, never read from the project:
    // those earlier versions stored would no longer match the merged rows.
    if (auto status = store.value()->clearSummaries(); !status)
        return fail(name, QString::fromStdString(status.error()));
    if (auto status = store.value()->flush(); !status)
        return fail(name, QString::fromStdString(status.error()));
    return 0;
}

} // namespace saliscope::cli
