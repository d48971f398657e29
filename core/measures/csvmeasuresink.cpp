// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/csvmeasuresink.h"

#include "core/measures/measure.h"

#include "core/dataset/csvtext.h"

#include <QString>
#include <QStringList>

#include <cmath>
#include <filesystem>

namespace saliscope {

namespace {

/// Why a file could not be written. A write that stops part-way (the disk filled up during it)
/// leaves QFileDevice with no reason: "Unknown error".
std::string writeFailure(const QFileDevice& file)
{
    const QString reason = file.errorString();
    return reason.isEmpty() || reason == QLatin1String("Unknown error") ? "disk full or I/O error"
                                                                        : reason.toStdString();
}

QString numberText(double value)
{
    if (!std::isfinite(value))
        return {};
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 10);
}

} // namespace

CsvMeasureSink::CsvMeasureSink(std::string directory, const Dataset& dataset)
    : m_directory(std::move(directory)), m_dataset(dataset)
{
}

CsvMeasureSink::~CsvMeasureSink() = default;

std::vector<std::string> CsvMeasureSink::keyColumns(MeasureKind measure) { return measureOf(measure).csvKeyColumns(); }

void CsvMeasureSink::rowsReady(MeasureKind measure, const std::vector<std::string>& columns,
                               const std::vector<MeasureRow>& rows)
{
    auto& file = m_files[measure];
    const auto keys = keyColumns(measure);
    if (!file) {
        file = std::make_unique<QSaveFile>(QString::fromStdString(pathOf(measure)));
        if (!file->open(QIODevice::WriteOnly)) {
            if (m_error.empty())
                m_error = "cannot write " + pathOf(measure) + ": " + writeFailure(*file);
            return;
        }
        QStringList header;
        for (const auto& key : keys)
            header << QString::fromStdString(key);
        for (const auto& column : columns)
            header << QString::fromStdString(column);
        file->write((header.join(',') + '\n').toUtf8());
    }
    if (!file->isOpen())
        return;
    const bool withVariant = keys.size() == 4; // image, label, model, variant
    QByteArray text;
    for (const auto& row : rows) {
        const auto& record = m_dataset.records.at(std::size_t(row.imageIndex));
        QStringList fields{QString::fromStdString(csvField(record.path))};
        if (keys[1] == "label")
            fields << (record.label == UnknownLabel ? QString() : QString::number(record.label));
        fields << QString::fromStdString(csvField(row.model));
        if (withVariant)
            fields << QString::fromStdString(csvField(row.variant));
        for (double value : row.values)
            fields << numberText(value);
        text += (fields.join(',') + '\n').toUtf8();
    }
    if (file->write(text) != text.size() && m_error.empty())
        m_error = "cannot write " + pathOf(measure) + ": disk full or I/O error";
}

Status CsvMeasureSink::finish()
{
    // Every file is flushed before any is renamed: a full disk then leaves none of them behind.
    // The flush is checked here because QSaveFile::commit() (Qt 6.4) ignores a failed flush of
    // the last buffered bytes and renames the truncated file into place.
    for (auto& [measure, file] : m_files)
        if (m_error.empty() && file->isOpen() && !file->flush())
            m_error = "cannot write " + pathOf(measure) + ": " + writeFailure(*file);
    for (auto& [measure, file] : m_files) {
        if (!m_error.empty()) {
            file->cancelWriting();
            continue;
        }
        if (file->isOpen() && !file->commit())
            m_error = "cannot write " + pathOf(measure) + ": " + writeFailure(*file);
    }
    m_files.clear();
    if (!m_error.empty())
        return Error{m_error};
    return Ok{};
}

std::string measureCsvPath(const std::string& directory, MeasureKind measure)
{
    return (std::filesystem::path(directory) / (std::string(measureName(measure)) + ".csv")).string();
}

std::string CsvMeasureSink::pathOf(MeasureKind measure) const { return measureCsvPath(m_directory, measure); }

} // namespace saliscope
