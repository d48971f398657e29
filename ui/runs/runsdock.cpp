// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/runs/runsdock.h"

#include "ui/runs/runlistmodel.h"
#include "core/project/measurequeue.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStyleOption>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace saliscope::ui {

namespace {

/// Paints RunListModel's progress column as a progress bar with its "done / total" text.
class ProgressDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 2, -2, -2);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = index.data(RunListModel::ProgressRole).toInt();
        bar.text = index.data(Qt::DisplayRole).toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setWidth(std::max(size.width(), 140));
        return size;
    }
};

} // namespace

RunsDock::RunsDock(MeasureQueue* queue, ProjectSession* session, QWidget* parent)
    : QDockWidget(tr("Runs"), parent), m_queue(queue), m_model(new RunListModel(queue, session, this)),
      m_skipped(new SkippedListModel(this)), m_view(new QTableView(this)), m_skippedView(new QTableView(this)),
      m_banner(new QFrame(this)), m_bannerText(new QLabel(this)), m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("JobsDock")); // the name saved window layouts know it by

    m_banner->setObjectName(QStringLiteral("ResumeBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(QStringLiteral("#ResumeBanner { background: #fff4cc; }"));
    auto* resume = new QPushButton(tr("Resume"), m_banner);
    resume->setObjectName(QStringLiteral("ResumeButton"));
    auto* discard = new QPushButton(tr("Discard"), m_banner);
    discard->setToolTip(tr("Mark them cancelled; their stored rows are kept."));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(6, 3, 6, 3);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(resume);
    bannerLayout->addWidget(discard);
    connect(resume, &QPushButton::clicked, m_queue, &MeasureQueue::resumeUnfinished);
    connect(discard, &QPushButton::clicked, m_queue, &MeasureQueue::discardUnfinished);

    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(RunListModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(24);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(RunListModel::ModelsColumn, QHeaderView::Stretch);
    const std::pair<int, int> widths[] = {{RunListModel::IdColumn, 30},      {RunListModel::MeasuresColumn, 130},
                                          {RunListModel::MethodColumn, 80},  {RunListModel::ModelsColumn, 160},
                                          {RunListModel::DatasetColumn, 70}, {RunListModel::DeviceColumn, 45},
                                          {RunListModel::StatusColumn, 70},  {RunListModel::ProgressColumn, 140},
                                          {RunListModel::RateColumn, 65},    {RunListModel::EtaColumn, 75},
                                          {RunListModel::StartedColumn, 60}, {RunListModel::CancelColumn, 70}};
    for (const auto& [column, width] : widths)
        m_view->horizontalHeader()->resizeSection(column, width);

    m_skippedView->setModel(m_skipped);
    m_skippedView->verticalHeader()->hide();
    m_skippedView->verticalHeader()->setDefaultSectionSize(22);
    m_skippedView->horizontalHeader()->setStretchLastSection(true);
    m_skippedView->setWordWrap(false);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* detailsPane = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_details);
    detailsLayout->addWidget(m_skippedView, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsPane);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    setWidget(content);

    connect(m_queue, &MeasureQueue::unfinishedChanged, this, &RunsDock::updateBanner);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int) {
        updateCancelButtons();
        if (!m_view->currentIndex().isValid())
            m_view->selectRow(first);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &RunsDock::updateCancelButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this]() {
        updateCancelButtons();
        updateDetails();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RunsDock::updateDetails);
    updateBanner();
    updateDetails();
}

QString RunsDock::bannerText() const { return m_banner->isHidden() ? QString() : m_bannerText->text(); }

void RunsDock::updateBanner()
{
    const int groups = int(m_queue->unfinished().size());
    m_bannerText->setText(tr("%n unfinished run(s) from an earlier session: resume computes only the images "
                             "without results.",
                             "", groups));
    m_banner->setVisible(groups > 0);
}

void RunsDock::updateCancelButtons()
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, RunListModel::IdColumn);
        const bool cancellable = index.data(RunListModel::CancellableRole).toBool();
        const QModelIndex cell = m_model->index(row, RunListModel::CancelColumn);
        auto* button = qobject_cast<QToolButton*>(m_view->indexWidget(cell));
        if (!cancellable) {
            if (button)
                m_view->setIndexWidget(cell, nullptr);
            continue;
        }
        if (button)
            continue;
        button = new QToolButton(m_view);
        button->setText(tr("Cancel"));
        button->setToolTip(tr("Stop this run after the batch in progress; queue it again to resume."));
        const int id = index.data(RunListModel::RunIdRole).toInt();
        connect(button, &QToolButton::clicked, m_queue, [this, id]() { m_queue->cancel(id); });
        m_view->setIndexWidget(cell, button);
    }
}

void RunsDock::updateDetails()
{
    const QModelIndex current = m_view->currentIndex();
    const QueuedRun* run = current.isValid() ? m_queue->run(current.data(RunListModel::RunIdRole).toInt()) : nullptr;
    if (!run) {
        m_details->setText(tr("Queue runs with Measures \u203a Run measures\u2026 (Ctrl+R)."));
        m_skipped->setSkipped({});
        return;
    }
    QString text = tr("Run #%1: %2 on %3 with %4 (%5).")
                       .arg(run->id)
                       .arg(run->measures, run->dataset, run->models, RunListModel::statusText(run->status));
    if (run->alreadyDone > 0)
        text += QLatin1Char(' ') + tr("%1 images were already done.").arg(run->alreadyDone);
    if (run->status == RunStatus::Failed)
        text += QLatin1Char(' ') + run->error;
    if (run->status == RunStatus::Cancelled)
        text += QLatin1Char(' ') + tr("Queue the same run again to compute only the missing images.");
    text += QLatin1Char(' ') + tr("%n image(s) skipped.", "", int(run->skipped.size()));
    m_details->setText(text);
    m_skipped->setSkipped(run->skipped);
}

} // namespace saliscope::ui
