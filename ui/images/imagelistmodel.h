// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/images/imagetable.h"

#include <QAbstractTableModel>
#include <QHash>

namespace saliscope::ui {

class ThumbnailCache;

/// The browsed dataset's images, one row each: file, true class, then per model its score,
/// prediction, correctness and normalised entropy. Values are read lazily from an ImageTable,
/// so the model holds no per-row objects; thumbnails come from a ThumbnailCache (placeholder
/// until loaded). The table view and the thumbnail grid show it through proxies.
class ImageListModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FileColumn, ClassColumn, FixedColumnCount };
    /// Columns each model adds, in this order, after the fixed ones.
    enum ModelField { ScoreField, PredictionField, CorrectField, EntropyField, ModelFieldCount };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< a number or text that sorts the column
        ImageIndexRole,              ///< position in the dataset (int)
        PathRole,
        HashRole,
        LabelRole,       ///< true class (int, -1 unknown)
        AnnotationRole,  ///< annotation map path, empty when none
        ProblemRole,     ///< why the file is unreadable, empty when fine
        CorrectnessRole, ///< 1 every known prediction correct, 0 one wrong, -1 unknown
        DisagreeRole,    ///< true when two models predict different classes
        GroupRole,       ///< the image's group, empty when none
    };

    explicit ImageListModel(QObject* parent = nullptr);

    /// Replaces every row (a model reset).
    void setTable(ImageTable table);
    const ImageTable& table() const { return m_table; }
    void setClassNames(std::vector<QString> names);
    /// Shows thumbnails from `cache` in the file column's decoration; null for none.
    void setThumbnailCache(ThumbnailCache* cache);

    int modelCount() const { return int(m_table.models.size()); }
    static int modelColumn(int model, ModelField field) { return FixedColumnCount + model * ModelFieldCount + field; }
    QString className(int label) const;

    /// Stores a prediction computed after the table was read (e.g. with a map); NaN entropy keeps the old one.
    void setComputedResult(int row, int model, double score, int predicted, double entropy);
    /// Orders two rows by a column (used by the sort proxy; much faster than QVariant compares).
    bool lessThan(int leftRow, int rightRow, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int correctness(int row) const;
    bool disagree(int row) const;
    double numericValue(int row, int column) const;
    void thumbnailReady(const QString& path);

    ImageTable m_table;
    ThumbnailCache* m_thumbnails = nullptr;
    QHash<QString, int> m_rowOfPath;
};

} // namespace saliscope::ui
