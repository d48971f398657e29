// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QJsonObject>
#include <QString>

#include <utility>
#include <vector>

namespace saliscope::ui {

/// The scorecard of a run set as a table: one row per model (from core's scorecard()) and one
/// per family (the mean of its members' numbers; stability is the family's own mean SSIM):
/// accuracy, ROC AUC and one summary number per measure. Sort role: the number (missing values
/// are invalid); background: a colour scale per column from worst (red) to best (green), or a
/// neutral blue where neither direction is better; header tooltips say which way is better. The
/// last column counts each model's flat maps, and a cell's tooltip says how many rows with a flat
/// map its number left out (FlatMaps). Given the summaries of several run sets that differ only
/// by their salience method, it has one row per model (and family) and method, the method in its
/// own column. The sanity checks' columns (final Spearman correlation, pass or fail), the
/// faithfulness curves' areas and the localisation columns have numbers only where a set has
/// those results.
class ScorecardModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        FamilyColumn,
        MethodColumn, ///< the salience method ("Grad-CAM"; "" when the rows are of one set)
        AccuracyColumn,
        RocAucColumn,
        EntropyColumn,
        AnnotationMassColumn,
        NoiseColumn,
        TransformsColumn,
        StabilityColumn,
        FaithfulnessColumn,
        SanitySpearmanColumn,     ///< mean Spearman correlation of the fully randomised model's maps
        SanityPassesColumn,       ///< 1 pass, 0 fail (a family: the share of its members that pass)
        DeletionColumn,           ///< mean area under the deletion curve (lower is better)
        InsertionColumn,          ///< mean area under the insertion curve
        RoadMorfColumn,           ///< ROAD, most relevant first: mean area (lower is better)
        RoadLerfColumn,           ///< ROAD, least relevant first: mean area
        AnnotationPointingColumn, ///< localisation against the human annotation: pointing game hits
        AnnotationRankColumn,     ///< relevance rank accuracy against the annotation
        AnnotationAucColumn,      ///< the map's pixel ROC AUC against the annotation
        MaskPointingColumn,       ///< the same four against the exact artefact mask
        MaskMassColumn,
        MaskRankColumn,
        MaskAucColumn,
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
    /// Rebuilds the rows from several summaries, each with the method its rows show (a model
    /// reset); colours compare every row.
    void setSummaries(const std::vector<std::pair<QString, QJsonObject>>& summaries);
    /// The number in a cell (NaN when missing), by row and column.
    double value(int row, int column) const;
    QString rowName(int row) const;
    /// The method of a row's set ("" when the rows are of one set).
    QString rowMethod(int row) const;
    /// Whether any row has a number in `column`.
    bool hasValues(int column) const;
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
        QString method;
        bool isFamily = false;
        std::vector<double> values;    ///< per column, NaN when missing
        std::vector<int> flatExcluded; ///< per column, rows left out because of a flat map
    };
    QColor background(int row, int column) const;

    std::vector<Row> m_rows;
    std::vector<std::pair<double, double>> m_ranges; ///< per column: lowest, highest
};

} // namespace saliscope::ui
