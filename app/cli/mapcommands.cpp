// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Commands over salience maps made elsewhere (no model involved): entropy, ssim, stability.

#include "app/cli/clicommon.h"

#include "core/measures/mapcomparison.h"

#include <QFile>
#include <QTextStream>

#include <cmath>
#include <cstdio>

namespace saliscope::cli {

namespace {

QString numberText(double value) { return std::isfinite(value) ? QString::number(value, 'g', 12) : QString(); }

/// CSV text goes to -o FILE or to standard output; errors writing it are reported.
class CsvOutput final {
public:
    explicit CsvOutput(const QString& path) : m_path(path)
    {
        if (path.isEmpty() || path == QLatin1String("-")) {
            m_file.open(stdout, QIODevice::WriteOnly);
        } else {
            m_file.setFileName(path);
            m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
        }
    }
    bool isOpen() const { return m_file.isOpen(); }
    QString error() const { return m_file.errorString(); }
    void row(const QStringList& fields)
    {
        QStringList quoted;
        for (QString field : fields) {
            if (field.contains(',') || field.contains('"') || field.contains('\n'))
                field = '"' + field.replace('"', QLatin1String("\"\"")) + '"';
            quoted << field;
        }
        m_file.write((quoted.join(',') + '\n').toUtf8());
    }
    bool finish()
    {
        const bool ok = m_file.error() == QFileDevice::NoError && m_file.flush();
        m_file.close();
        return ok;
    }

private:
    QString m_path;
    QFile m_file;
};

QCommandLineOption outputOption()
{
    return QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Write the CSV to FILE instead of standard output."),
                              QStringLiteral("FILE"));
}

} // namespace

int runEntropy(const QStringList& arguments)
{
    const QString name = QStringLiteral("entropy");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Entropy of 8-bit salience maps: map, entropy_bits (Shannon, base 2, of the histogram of distinct "
        "values), normalized_entropy (bits / log2(min(pixels, 256))), spatial_entropy (the map as a "
        "distribution over pixels, / log(pixels)), error."));
    const QCommandLineOption output = outputOption();
    parser.addOption(output);
    parser.addPositionalArgument(QStringLiteral("MAPS"), QStringLiteral("Map files or folders."),
                                 QStringLiteral("MAPS..."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    if (parser.positionalArguments().isEmpty())
        return usageError(name, QStringLiteral("give at least one map file or folder"));
    std::vector<std::string> inputs;
    for (const auto& input : parser.positionalArguments())
        inputs.push_back(input.toStdString());
    const auto rows = entropyOfMapFiles(inputs);
    if (rows.empty())
        return fail(name, QStringLiteral("no maps found"));
    CsvOutput csv(parser.value(output));
    if (!csv.isOpen())
        return fail(name, QStringLiteral("cannot write %1: %2").arg(parser.value(output), csv.error()));
    csv.row({"map", "entropy_bits", "normalized_entropy", "spatial_entropy", "error"});
    int failures = 0;
    for (const auto& row : rows) {
        csv.row({QString::fromStdString(row.path), numberText(row.entropyBits), numberText(row.normalizedEntropy),
                 numberText(row.spatialEntropy), QString::fromStdString(row.error)});
        failures += !row.error.empty();
    }
    if (!csv.finish())
        return fail(name, QStringLiteral("cannot write %1: disk full or I/O error").arg(parser.value(output)));
    if (failures)
        std::fprintf(stderr, "saliscope-cli entropy: %d of %zu maps could not be read\n", failures, rows.size());
    return failures == int(rows.size()) ? 1 : 0;
}

namespace {

int compareFolders(const QString& name, const QStringList& arguments, int minimumFolders, const QString& description)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    const QCommandLineOption output = outputOption();
    const QCommandLineOption matrix(QStringLiteral("matrix"),
                                    QStringLiteral("Also write the K x K mean-SSIM matrix as CSV to FILE."),
                                    QStringLiteral("FILE"));
    parser.addOption(output);
    if (minimumFolders > 2)
        parser.addOption(matrix);
    parser.addPositionalArgument(QStringLiteral("FOLDERS"), QStringLiteral("Folders of maps, matched by file name."),
                                 QStringLiteral("DIR_A DIR_B ..."));
    int exitCode = 0;
    if (!parseArguments(parser, arguments, name, exitCode))
        return exitCode;
    const QStringList folders = parser.positionalArguments();
    if (folders.size() < 2 || (minimumFolders == 2 && folders.size() != 2))
        return usageError(name,
                          minimumFolders == 2 ? QStringLiteral("give exactly two folders")
                                              : QStringLiteral("give at least two folders"));
    std::vector<std::string> paths;
    for (const auto& folder : folders)
        paths.push_back(folder.toStdString());
    auto comparison = compareMapFolders(paths);
    if (!comparison)
        return fail(name, QString::fromStdString(comparison.error()));
    CsvOutput csv(parser.value(output));
    if (!csv.isOpen())
        return fail(name, QStringLiteral("cannot write %1: %2").arg(parser.value(output), csv.error()));
    QStringList header{"name"};
    if (folders.size() == 2) {
        header << "ssim";
    } else {
        for (int a = 0; a < folders.size(); ++a)
            for (int b = a + 1; b < folders.size(); ++b)
                header << QStringLiteral("ssim_%1_%2").arg(a + 1).arg(b + 1);
        header << "mean_ssim";
    }
    header << "error";
    csv.row(header);
    for (const auto& row : comparison->rows) {
        QStringList fields{QString::fromStdString(row.name)};
        const std::size_t pairs = std::size_t(folders.size()) * std::size_t(folders.size() - 1) / 2;
        for (std::size_t i = 0; i < pairs; ++i)
            fields << (i < row.ssim.size() ? numberText(row.ssim[i]) : QString());
        if (folders.size() > 2)
            fields << numberText(row.meanSsim);
        fields << QString::fromStdString(row.error);
        csv.row(fields);
    }
    if (!csv.finish())
        return fail(name, QStringLiteral("cannot write the CSV: disk full or I/O error"));
    if (minimumFolders > 2 && parser.isSet(matrix)) {
        CsvOutput matrixCsv(parser.value(matrix));
        if (!matrixCsv.isOpen())
            return fail(name, QStringLiteral("cannot write %1").arg(parser.value(matrix)));
        matrixCsv.row(QStringList{"folder"} + folders);
        for (int a = 0; a < folders.size(); ++a) {
            QStringList fields{folders[a]};
            for (int b = 0; b < folders.size(); ++b)
                fields << numberText(comparison->meanMatrix[std::size_t(a)][std::size_t(b)]);
            matrixCsv.row(fields);
        }
        if (!matrixCsv.finish())
            return fail(name, QStringLiteral("cannot write %1").arg(parser.value(matrix)));
    }
    if (!comparison->unmatched.empty())
        std::fprintf(stderr, "saliscope-cli %s: %zu maps are not in every folder (first: %s)\n", qPrintable(name),
                     comparison->unmatched.size(), comparison->unmatched.front().c_str());
    if (comparison->rows.empty())
        return fail(name, QStringLiteral("no map name is common to the folders"));
    return 0;
}

} // namespace

int runSsim(const QStringList& arguments)
{
    return compareFolders(QStringLiteral("ssim"), arguments, 2,
                          QStringLiteral("SSIM (scikit-image 0.19 defaults) between maps of the same name in two "
                                         "folders: name, ssim, error."));
}

int runStability(const QStringList& arguments)
{
    return compareFolders(
        QStringLiteral("stability"), arguments, 3,
        QStringLiteral("Stability across K folders of maps (e.g. K training runs): per map name the SSIM of every "
                       "folder pair (ssim_i_j) and their mean; --matrix writes the K x K mean-SSIM matrix."));
}

} // namespace saliscope::cli
