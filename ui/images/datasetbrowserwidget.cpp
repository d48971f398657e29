// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/images/datasetbrowserwidget.h"

#include "core/jobs/jobmanager.h"
#include "ui/images/imagefilterproxymodel.h"
#include "ui/images/imagelistmodel.h"
#include "core/project/jobwatch.h"
#include "core/project/projectsession.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QStackedWidget>
#include <QStringList>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace saliscope::ui {

namespace {

/// The group a group combo shows (a null string for "All groups").
QString chosenGroup(const QComboBox* combo)
{
    return combo->currentIndex() <= 0 ? QString() : combo->currentData().toString();
}

} // namespace

DatasetBrowserWidget::DatasetBrowserWidget(ProjectSession* session, ImageListModel* images, QWidget* parent)
    : QWidget(parent), m_session(session), m_images(images), m_proxy(new ImageFilterProxyModel(this))
{
    m_proxy->setSourceModel(images);

    m_class = new QComboBox(this);
    m_class->setToolTip(tr("True class"));
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("GroupFilter"));
    m_group->setToolTip(tr("Group (manipulation method, generator or video)"));
    m_group->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_group->hide(); // until the dataset has more than one group (updateGroupFilter)
    m_correctness = new QComboBox(this);
    m_correctness->addItems({tr("Any result"), tr("All correct"), tr("Some incorrect")});
    m_disagree = new QCheckBox(tr("Models disagree"), this);
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Filter by file name\u2026"));
    m_text->setClearButtonEnabled(true);
    m_tableButton = new QToolButton(this);
    m_tableButton->setText(tr("Table"));
    m_tableButton->setCheckable(true);
    m_gridButton = new QToolButton(this);
    m_gridButton->setText(tr("Grid"));
    m_gridButton->setCheckable(true);
    auto* group = new QButtonGroup(this);
    group->addButton(m_tableButton);
    group->addButton(m_gridButton);
    m_count = new QLabel(this);
    m_export = new QToolButton(this);
    m_export->setObjectName(QStringLiteral("ExportListButton"));
    m_export->setText(tr("Export\u2026"));
    m_export->setEnabled(false); // until the list has rows (updateCount)
    m_export->setToolTip(tr("Write the images listed now (filtered and sorted as shown) with every model's "
                            "score, prediction and entropy to a CSV file"));

    auto* filters = new QHBoxLayout;
    filters->setContentsMargins(4, 4, 4, 0);
    filters->addWidget(m_class);
    filters->addWidget(m_group);
    filters->addWidget(m_correctness);
    filters->addWidget(m_disagree);
    filters->addWidget(m_text, 1);
    auto* status = new QHBoxLayout;
    status->setContentsMargins(4, 0, 4, 0);
    status->addWidget(m_tableButton);
    status->addWidget(m_gridButton);
    status->addStretch(1);
    status->addWidget(m_count);
    status->addWidget(m_export);

    // One proxy and one selection model behind both views.
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setIconSize(QSize(22, 22));
    m_table->verticalHeader()->setDefaultSectionSize(26);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setDefaultSectionSize(78);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_grid = new QListView(this);
    m_grid->setModel(m_proxy);
    m_grid->setSelectionModel(m_table->selectionModel());
    m_grid->setModelColumn(ImageListModel::FileColumn);
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setIconSize(QSize(96, 96));
    m_grid->setGridSize(QSize(118, 130));
    m_grid->setSpacing(2);
    m_grid->setWordWrap(false);
    m_grid->setTextElideMode(Qt::ElideMiddle);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setLayoutMode(QListView::Batched);
    m_grid->setBatchSize(2000);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_grid);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(filters);
    layout->addLayout(status);
    layout->addWidget(m_stack, 1);

    connect(m_class, &QComboBox::currentIndexChanged, this,
            [this]() { m_proxy->setClassFilter(m_class->currentData().toInt()); });
    connect(m_group, &QComboBox::currentIndexChanged, this,
            [this]() { m_proxy->setGroupFilter(chosenGroup(m_group)); });
    connect(m_correctness, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_proxy->setCorrectness(ImageFilterProxyModel::Correctness(index)); });
    connect(m_disagree, &QCheckBox::toggled, m_proxy, &ImageFilterProxyModel::setDisagreementOnly);
    auto* textDelay = new QTimer(this);
    textDelay->setSingleShot(true);
    textDelay->setInterval(200);
    connect(m_text, &QLineEdit::textChanged, textDelay, qOverload<>(&QTimer::start));
    connect(textDelay, &QTimer::timeout, this, [this]() { m_proxy->setText(m_text->text()); });
    connect(m_tableButton, &QToolButton::clicked, this, [this]() { setGridMode(false); });
    connect(m_gridButton, &QToolButton::clicked, this, [this]() { setGridMode(true); });
    connect(m_export, &QToolButton::clicked, this, &DatasetBrowserWidget::chooseExportFile);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DatasetBrowserWidget::currentChanged);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &DatasetBrowserWidget::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DatasetBrowserWidget::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this]() {
        updateCount();
        currentChanged();
    });

    connect(session, &ProjectSession::currentDatasetChanged, this, &DatasetBrowserWidget::reload);
    connect(session, &ProjectSession::modelsChanged, this, &DatasetBrowserWidget::reload);
    setGridMode(QSettings().value(QStringLiteral("browser/grid"), false).toBool());
    updateClassFilter();
    updateCount();
}

void DatasetBrowserWidget::setGridMode(bool grid)
{
    m_stack->setCurrentWidget(grid ? static_cast<QWidget*>(m_grid) : m_table);
    (grid ? m_gridButton : m_tableButton)->setChecked(true);
    QSettings().setValue(QStringLiteral("browser/grid"), grid);
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid())
        (grid ? static_cast<QAbstractItemView*>(m_grid) : m_table)->scrollTo(current);
}

void DatasetBrowserWidget::updateClassFilter()
{
    const int previous = m_class->currentData().isValid() ? m_class->currentData().toInt() : -2;
    QSignalBlocker block(m_class);
    m_class->clear();
    m_class->addItem(tr("All classes"), -2);
    const auto& names = m_images->table().classNames;
    for (std::size_t label = 0; label < names.size(); ++label)
        m_class->addItem(names[label], int(label));
    m_class->addItem(tr("Unknown class"), -1);
    m_class->setCurrentIndex(std::max(0, m_class->findData(previous)));
}

void DatasetBrowserWidget::updateGroupFilter()
{
    const QString previous = chosenGroup(m_group);
    const auto names = m_images->table().groupNames();
    {
        QSignalBlocker block(m_group);
        m_group->clear();
        m_group->addItem(tr("All groups"), QString());
        for (const QString& name : names)
            m_group->addItem(name, name);
        m_group->setCurrentIndex(previous.isNull() ? 0 : std::max(0, m_group->findData(previous)));
    }
    m_group->setVisible(names.size() > 1);
    // One group or none: the filter shows every image (a filter hidden is a filter off).
    m_proxy->setGroupFilter(names.size() > 1 ? chosenGroup(m_group) : QString());
}

void DatasetBrowserWidget::reload()
{
    const std::uint64_t generation = ++m_generation;
    if (!m_session->isOpen() || m_session->currentDatasetId() == 0) {
        if (!m_session->isOpen())
            m_unreadableShown.clear(); // a project opened again reports its damage again
        m_images->setTable({});
        emit tableLoaded();
        return;
    }
    std::vector<QString> names;
    for (const auto& model : m_session->models())
        names.push_back(model.name);
    if (!m_session->models().empty()) {
        std::vector<QString> classes;
        for (const auto& name : m_session->models().front().metadata.classNames)
            classes.push_back(QString::fromStdString(name));
        m_images->setClassNames(classes);
    }
    const std::string path = m_session->path().toStdString();
    const std::int64_t datasetId = m_session->currentDatasetId();
    submitJob<ImageTable>(
        m_session->ioJobs(), this, "read image table",
        [path, datasetId, names](ProgressSink&, const CancelToken&) { return readImageTable(path, datasetId, names); },
        [this, generation](Result<ImageTable> table) {
            if (generation != m_generation)
                return;
            if (!table) {
                m_session->error(tr("Cannot read the dataset's images: %1").arg(QString::fromStdString(table.error())));
                return;
            }
            // Runs of a damaged project that cannot be read are named (once), never left out silently.
            QStringList unreadable;
            for (const auto& reason : table->unreadableRuns)
                unreadable << QString::fromStdString(reason);
            if (unreadable.join('\n') != m_unreadableShown) {
                m_unreadableShown = unreadable.join('\n');
                for (const QString& reason : unreadable)
                    m_session->error(tr("The image list leaves out results that cannot be read: %1").arg(reason));
            }
            const int previous = currentRow();
            m_images->setTable(std::move(table.value()));
            updateClassFilter();
            updateGroupFilter();
            // Sizes from the header and the visible rows only, so cheap at any row count.
            m_table->resizeColumnsToContents();
            m_table->horizontalHeader()->resizeSection(
                ImageListModel::FileColumn,
                std::min(220, m_table->horizontalHeader()->sectionSize(ImageListModel::FileColumn)));
            if (m_proxy->rowCount() > 0) {
                QModelIndex target = m_proxy->index(0, 0);
                if (previous >= 0 && previous < m_images->rowCount())
                    if (auto mapped = m_proxy->mapFromSource(m_images->index(previous, 0)); mapped.isValid())
                        target = mapped;
                m_table->selectionModel()->setCurrentIndex(target,
                                                           QItemSelectionModel::ClearAndSelect
                                                               | QItemSelectionModel::Rows);
            }
            updateCount();
            currentChanged();
            emit tableLoaded();
        });
}

int DatasetBrowserWidget::currentRow() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_proxy->mapToSource(current).row() : -1;
}

QString DatasetBrowserWidget::positionText() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (!current.isValid())
        return {};
    return tr("%1 of %2").arg(current.row() + 1).arg(m_proxy->rowCount());
}

void DatasetBrowserWidget::moveCurrent(int delta)
{
    const int count = m_proxy->rowCount();
    if (count == 0)
        return;
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + delta, 0, count - 1) : 0;
    const QModelIndex target = m_proxy->index(row, std::max(0, current.column()));
    m_table->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(target);
    m_grid->scrollTo(target);
}

void DatasetBrowserWidget::setClassFilter(int label)
{
    m_class->setCurrentIndex(std::max(0, m_class->findData(label)));
}

void DatasetBrowserWidget::setGroupFilter(const QString& group)
{
    m_group->setCurrentIndex(group.isNull() ? 0 : std::max(0, m_group->findData(group)));
}

void DatasetBrowserWidget::setCorrectnessFilter(int index) { m_correctness->setCurrentIndex(index); }
void DatasetBrowserWidget::setDisagreementOnly(bool only) { m_disagree->setChecked(only); }

void DatasetBrowserWidget::setTextFilter(const QString& text)
{
    m_text->setText(text);
    m_proxy->setText(text);
}

void DatasetBrowserWidget::currentChanged() { emit currentImageChanged(currentRow()); }

void DatasetBrowserWidget::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_images->rowCount();
    m_count->setText(shown == total ? tr("%n image(s)", nullptr, total) : tr("%1 of %2 images").arg(shown).arg(total));
    m_export->setEnabled(shown > 0);
    currentChanged(); // the current image's place in the list has changed
}

void DatasetBrowserWidget::chooseExportFile()
{
    QSettings settings;
    const QString folder =
        settings.value(QStringLiteral("browser/exportFolder"), QFileInfo(m_session->path()).absolutePath()).toString();
    QString path = QFileDialog::getSaveFileName(this, tr("Export image list"),
                                                QDir(folder).filePath(QStringLiteral("images.csv")),
                                                tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    settings.setValue(QStringLiteral("browser/exportFolder"), QFileInfo(path).absolutePath());
    exportShownList(path);
}

bool DatasetBrowserWidget::exportShownList(const QString& path)
{
    std::vector<int> rows;
    rows.reserve(std::size_t(m_proxy->rowCount()));
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        rows.push_back(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto status = writeImageTableCsv(m_images->table(), rows, path.toStdString());
    QApplication::restoreOverrideCursor();
    if (!status) {
        m_session->error(tr("Export of the image list failed: %1").arg(QString::fromStdString(status.error())));
        return false;
    }
    m_session->info(tr("Exported %n image(s) to %1", nullptr, int(rows.size())).arg(path));
    return true;
}

} // namespace saliscope::ui
