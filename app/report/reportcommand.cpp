// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// saliscope-cli report, run by saliscope-report: a project's review report as PDF (title page,
// scorecard, one section per measure with vector charts, gallery of extreme images, skipped images).

#include "app/report/reportcommand.h"

#include "app/cli/clicommon.h"

#include "ui/i18n/language.h"
#include "ui/report/reportbuilder.h"
#include "ui/report/reportoptions.h"

#include <QCoreApplication>

#include <cstdio>

namespace saliscope::report {

using cli::fail;
using cli::parseArguments;
using cli::TerminalProgress;
using cli::usageError;

int runReportCommand(const QStringList& arguments)
{
    const QString name = QStringLiteral("report");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a review report of a project as PDF: a title page, the scorecard, one section per measure with its "
        "charts, numbers and parameters, a gallery of each measure's most extreme images with every model's map, "
        "and the images without results. It reads the project's run set with the most measures."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("PDF file."),
                                    QStringLiteral("FILE.pdf"));
    const QCommandLineOption models(QStringLiteral("models"),
                                    QStringLiteral("Comma-separated model names (default: every model of the runs)."),
                                    QStringLiteral("A,B,..."));
    const QCommandLineOption measures(
        QStringLiteral("measures"),
        QStringLiteral("Comma-separated measures: entropy, noise, transforms, stability, degradation, sanity, "
                       "deletion, insertion, road, localisation or all (the five measures, as measure all) "
                       "(default: every measure the runs have)."),
        QStringLiteral("LIST"));
    const QCommandLineOption page(QStringLiteral("page"), QStringLiteral("Paper size: a4 (default) or letter."),
                                  QStringLiteral("SIZE"), QStringLiteral("a4"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QStringLiteral("Language of the report: en (default) or ja."),
                                      QStringLiteral("CODE"), QStringLiteral("en"));
    parser.addOptions({output, models, measures, page, language});
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("A .saliscope project file."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(output))
        return usageError(name, QStringLiteral("give PROJECT and -o FILE.pdf"));

    ui::ReportOptions options;
    options.projectPath = parser.positionalArguments().front();
    options.outputPath = parser.value(output);
    if (parser.isSet(models))
        for (const QString& model : parser.value(models).split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.models.append(model.trimmed());
    if (parser.isSet(measures)) {
        auto parsed = ui::parseReportMeasures(parser.value(measures));
        if (!parsed)
            return usageError(name, QString::fromStdString(parsed.error()));
        options.measures = parsed.value();
    }
    auto size = ui::parseReportPageSize(parser.value(page));
    if (!size)
        return usageError(name, QString::fromStdString(size.error()));
    options.pageSize = size.value();
    const QString code = parser.value(language).trimmed().toLower();
    bool known = false;
    for (const auto& choice : ui::availableLanguages())
        known = known || (!choice.code.isEmpty() && choice.code == code);
    if (!known)
        return usageError(name, QStringLiteral("unknown language '%1'").arg(code));
    options.language = ui::installTranslations(*QCoreApplication::instance(), code);

    TerminalProgress progress;
    auto pages = ui::writeReport(options, progress, CancelToken());
    if (!pages)
        return fail(name, QString::fromStdString(pages.error()));
    std::fprintf(stderr, "%s: %d pages\n", qPrintable(options.outputPath), pages.value());
    return 0;
}

} // namespace saliscope::report
