// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/project/datasetsdock.h"

#include "ui/project/datasetfoldersdialog.h"
#include "ui/project/datasetlistmodel.h"
#include "ui/images/problemlistmodel.h"
#include "ui/images/imagelistmodel.h"
#include "core/project/projectsession.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <map>

namespace saliscope::ui {

namespace {
void setUpTable(QTableView* view)
{
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(22);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
}
} // namespace

DatasetsDock::DatasetsDock(ProjectSession* session, ImageListModel* images, QWidget* parent)
    : QDockWidget(tr("Datasets"), parent), m_session(session), m_images(images), m_datasets(new DatasetListModel(this)),
      m_problems(new ProblemListModel(this)), m_view(new QTableView(this)), m_problemView(new QTableView(this)),
      m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("DatasetsDock"));
    m_view->setModel(m_datasets);
    setUpTable(m_view);
    m_view->horizontalHeader()->resizeSection(DatasetListModel::LocationColumn, 220);
    m_problemView->setModel(m_problems);
    setUpTable(m_problemView);
    m_problemView->horizontalHeader()->resizeSection(ProblemListModel::PathColumn, 220);
    m_summary->setWordWrap(true);
    auto* addFolder = new QPushButton(tr("Add dataset folder\u2026"), this);
    auto* addManifest = new QPushButton(tr("Add manifest\u2026"), this);
    connect(addFolder, &QPushButton::clicked, this, [this]() { addDataset(false); });
    connect(addManifest, &QPushButton::clicked, this, [this]() { addDataset(true); });

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(addFolder);
    buttons->addWidget(addManifest);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_problemView, 1);
    setWidget(content);

    connect(session, &ProjectSession::datasetsChanged, this, [this]() {
        m_datasets->setDatasets(m_session->datasets());
        m_datasets->setCurrent(m_session->currentDatasetId());
    });
    connect(session, &ProjectSession::currentDatasetChanged, m_datasets, &DatasetListModel::setCurrent);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        m_session->setCurrentDataset(index.data(DatasetListModel::DatasetIdRole).toLongLong());
    });
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex& index) {
        m_session->setCurrentDataset(index.data(DatasetListModel::DatasetIdRole).toLongLong());
    });
    connect(images, &QAbstractItemModel::modelReset, this, &DatasetsDock::imagesReset);
    connect(session, &ProjectSession::projectChanged, this, [addFolder, addManifest, session]() {
        addFolder->setEnabled(session->isOpen());
        addManifest->setEnabled(session->isOpen());
    });
    addFolder->setEnabled(session->isOpen());
    addManifest->setEnabled(session->isOpen());
    imagesReset();
}

QString DatasetsDock::summary() const { return m_summary->text(); }

void DatasetsDock::imagesReset()
{
    const ImageTable& table = m_images->table();
    std::map<int, int> counts;
    std::vector<std::pair<QString, QString>> problems;
    for (const auto& image : table.images) {
        ++counts[image.label];
        if (!image.problem.isEmpty())
            problems.emplace_back(image.path, image.problem);
    }
    QStringList parts;
    for (const auto& [label, count] : counts)
        parts << QStringLiteral("%1 %2").arg(label < 0 ? tr("unknown") : m_images->className(label)).arg(count);
    parts << tr("%n unreadable", nullptr, int(problems.size()));
    m_summary->setText(table.images.empty() ? tr("No dataset selected") : parts.join(QStringLiteral(" \u00b7 ")));
    m_problems->setProblems(std::move(problems));
}

void DatasetsDock::addDataset(bool manifest)
{
    QSettings settings;
    const QString start = settings.value(QStringLiteral("datasets/lastFolder")).toString();
    const QString location = manifest ? QFileDialog::getOpenFileName(this, tr("Add dataset manifest"), start,
                                                                     tr("CSV manifests (*.csv);;All files (*)"))
                                      : QFileDialog::getExistingDirectory(this, tr("Add dataset folder"), start);
    if (location.isEmpty())
        return;
    settings.setValue(QStringLiteral("datasets/lastFolder"), QFileInfo(location).absolutePath());
    DatasetFoldersDialog folders(location, this);
    if (folders.exec() != QDialog::Accepted)
        return;
    m_session->addDatasetLocation(location, folders.annotationFolder(), folders.maskFolder());
}

} // namespace saliscope::ui
