// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/project/logdock.h"

#include "core/project/logmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace saliscope::ui {

LogDock::LogDock(LogModel* log, QWidget* parent) : QDockWidget(tr("Log"), parent), m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("LogDock"));
    m_view->setModel(log);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->resizeSection(LogModel::TimeColumn, 70);
    m_view->horizontalHeader()->resizeSection(LogModel::LevelColumn, 70);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    auto* clear = new QPushButton(tr("Clear"), this);
    connect(clear, &QPushButton::clicked, log, &LogModel::clear);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(clear);
    layout->addLayout(buttons);
    setWidget(content);
    connect(log, &QAbstractItemModel::rowsInserted, this, [this, log](const QModelIndex&, int, int last) {
        m_view->scrollToBottom();
        if (log->data(log->index(last, 0), LogModel::LevelRole).toInt() == int(LogModel::Level::Error))
            raise();
    });
}

} // namespace saliscope::ui
