#pragma once

#include <QSortFilterProxyModel>

namespace saliscope::ui {

class ImageListModel;

/// Filters and sorts an ImageListModel: by true class, correctness, disagreement between
/// models and a text that the file name or path must contain.
class ImageFilterProxyModel final : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class Correctness { Any, AllCorrect, AnyIncorrect };

    explicit ImageFilterProxyModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;
    /// Only images of this class; -2 for every class.
    void setClassFilter(int label);
    void setCorrectness(Correctness correctness);
    void setDisagreementOnly(bool only);
    void setText(const QString& text);

    int classFilter() const { return m_label; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ImageListModel* m_images = nullptr;
    int m_label = -2;
    Correctness m_correctness = Correctness::Any;
    bool m_disagreementOnly = false;
    QString m_text;
};

} // namespace saliscope::ui
