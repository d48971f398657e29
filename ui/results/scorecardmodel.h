// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace saliscope::ui {

/// The scorecard of a run set as a table: one row per model (from core's scorecard()) and one
/// per family (the mean of its members' numbers; stability is the family's own mean SSIM):
/// accuracy, ROC AUC and one summary number per measure. Sort role: the number (missing values
/// are invalid); background: a colour scale per column from worst (red) to best (green), or a
/// neutral blue where neither direction is better; header tooltips say which way is better. The
/// last column counts each model's flat maps, and a cell's tooltip says how many rows with a flat
/// map its number left out (FlatMaps).
class ScorecardModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        FamilyColumn,
        AccuracyColumn,
        RocAucColumn,
        EntropyColumn,
        AnnotationMassColumn,
        NoiseColumn,
        TransformsColumn,
        StabilityColumn,
        FaithfulnessColumn,
        FlatMapsColumn, ///< the model's flat clean maps (a family: its members' sum)
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< the number (double), or invalid when missing
        IsFamilyRole,                ///< true on family rows
        MeasureRole,                 ///< the measure a column summarises ("entropy", ...; "" for none)
    };
    /// Which way a column's number is better.
    enum class Direction { Higher, Lower, Neither };

    explicit ScorecardModel(QObject* parent = nullptr);

    /// Rebuilds the rows from a summary (summarizeMeasures' output); a model reset.
    void setSummary(const QJsonObject& summary);
    /// The number in a cell (NaN when missing), by row and column.
    double value(int row, int column) const;
    QString rowName(int row) const;
    bool isFamilyRow(int row) const;
    static Direction direction(int column);
    /// The summary key of a column in core's scorecard() ("accuracy", "roc_auc", ...).
    static QString key(int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row final {
        QString name;
        QString family;
        bool isFamily = false;
        std::vector<double> values;    ///< per column, NaN when missing
        std::vector<int> flatExcluded; ///< per column, rows left out because of a flat map
    };
    QColor background(int row, int column) const;

    std::vector<Row> m_rows;
    std::vector<std::pair<double, double>> m_ranges; ///< per column: lowest, highest
};

} // namespace saliscope::ui
