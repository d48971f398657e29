// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/scorecardwidget.h"

#include "ui/results/scorecardmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace saliscope::ui {

namespace {

/// Sorts by the clicked column but keeps family rows above model rows in either direction,
/// so the families' summary stays in view however many models there are.
class FamiliesFirstProxy final : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override
    {
        const bool leftFamily = left.data(ScorecardModel::IsFamilyRole).toBool();
        const bool rightFamily = right.data(ScorecardModel::IsFamilyRole).toBool();
        if (leftFamily != rightFamily) // Qt reverses the comparison for a descending sort
            return (sortOrder() == Qt::AscendingOrder) == leftFamily;
        return QSortFilterProxyModel::lessThan(left, right);
    }
};

} // namespace

ScorecardWidget::ScorecardWidget(QWidget* parent)
    : QWidget(parent), m_model(new ScorecardModel(this)), m_proxy(new FamiliesFirstProxy(this)),
      m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("ScorecardWidget"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ScorecardModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->sortByColumn(ScorecardModel::FamilyColumn, Qt::AscendingOrder);
    auto* legend =
        new QLabel(tr("\u2191 higher is better; green is the best value of a column, red the worst (entropy: "
                      "blue, darker is higher). Family rows (bold, at the top) average their members. Hover a "
                      "header for its meaning; click a cell to see that measure's charts."),
                   this);
    legend->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(legend);
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const QString measure = index.data(ScorecardModel::MeasureRole).toString();
        if (!measure.isEmpty())
            emit measureActivated(measure, m_model->rowName(m_proxy->mapToSource(index).row()),
                                  index.data(ScorecardModel::IsFamilyRole).toBool());
    });
}

void ScorecardWidget::setSummary(const QJsonObject& summary)
{
    m_model->setSummary(summary);
    updateColumns();
}

void ScorecardWidget::setSummaries(const std::vector<std::pair<QString, QJsonObject>>& summaries)
{
    m_model->setSummaries(summaries);
    updateColumns();
}

void ScorecardWidget::updateColumns()
{
    // Columns of the measures not part of "all" show only where a set has their results.
    for (int column = ScorecardModel::MethodColumn; column < ScorecardModel::ColumnCount; ++column)
        if (column == ScorecardModel::MethodColumn || column >= ScorecardModel::SanitySpearmanColumn)
            if (column != ScorecardModel::FlatMapsColumn)
                m_view->setColumnHidden(column, !m_model->hasValues(column));
    m_view->resizeColumnsToContents();
}

} // namespace saliscope::ui
