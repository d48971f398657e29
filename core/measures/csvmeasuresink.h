// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dataset/dataset.h"
#include "core/measures/measuretable.h"

#include <QSaveFile>

#include <map>
#include <memory>
#include <string>

namespace saliscope {

/// DIRECTORY/<measure>.csv: where a measure's per-image table goes (CsvMeasureSink, the GUI's
/// results export).
std::string measureCsvPath(const std::string& directory, MeasureKind measure);

/// Streams each measure's per-image rows into DIR/<measure>.csv as batches finish, with the
/// image path and label in front. Memory stays bounded by one batch. Each file is written
/// beside its final name and renamed by finish() (QSaveFile): a failed or killed run leaves no
/// partial CSV. Not thread-safe: the run calls it from one thread.
class CsvMeasureSink final : public MeasureSink {
public:
    /// `dataset` must outlive the sink.
    CsvMeasureSink(std::string directory, const Dataset& dataset);
    ~CsvMeasureSink() override;

    void rowsReady(MeasureKind measure, const std::vector<std::string>& columns,
                   const std::vector<MeasureRow>& rows) override;

    /// Commits every file under its name; an Error names a file that could not be written
    /// (then no file of this sink is left half written).
    Status finish();
    /// The CSV file of a measure ("" before its first rows).
    std::string pathOf(MeasureKind measure) const;

    /// Header names of the key columns: image, label, then model/models and variant names.
    static std::vector<std::string> keyColumns(MeasureKind measure);

private:
    std::string m_directory;
    const Dataset& m_dataset;
    std::map<MeasureKind, std::unique_ptr<QSaveFile>> m_files;
    std::string m_error;
};

} // namespace saliscope
