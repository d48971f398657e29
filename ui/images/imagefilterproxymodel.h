// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

#include <cstdint>
#include <set>

namespace saliscope::ui {

class ImageListModel;

/// Filters and sorts an ImageListModel: by true class, group, correctness, disagreement between
/// models and a text that the file name or path must contain.
class ImageFilterProxyModel final : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class Correctness { Any, AllCorrect, AnyIncorrect };

    explicit ImageFilterProxyModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;
    /// Only images of this class; -2 for every class.
    void setClassFilter(int label);
    /// Only images of this group (ImageListModel::GroupRole); a null string for every group.
    void setGroupFilter(const QString& group);
    void setCorrectness(Correctness correctness);
    void setDisagreementOnly(bool only);
    void setText(const QString& text);
    /// Only the images at these dataset positions (ImageIndexRole), e.g. a chart's selection.
    void setImageIdFilter(const std::set<std::int64_t>& positions);
    /// Shows every image again, whatever the image-id filter held.
    void clearImageIdFilter();
    bool hasImageIdFilter() const { return m_imageFilterActive; }

    int classFilter() const { return m_label; }
    const QString& groupFilter() const { return m_group; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    /// Applies changed filter settings to every row at once.
    void refilter();

    ImageListModel* m_images = nullptr;
    int m_label = -2;
    QString m_group; ///< null: every group
    Correctness m_correctness = Correctness::Any;
    bool m_disagreementOnly = false;
    QString m_text;
    bool m_imageFilterActive = false;
    std::set<std::int64_t> m_imagePositions;
};

} // namespace saliscope::ui
