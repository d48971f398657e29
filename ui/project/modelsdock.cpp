// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/project/modelsdock.h"

#include "ui/project/modelmetadatadialog.h"
#include "ui/project/modellistmodel.h"
#include "core/project/projectsession.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

#include <set>

namespace saliscope::ui {

ModelsDock::ModelsDock(ProjectSession* session, QWidget* parent)
    : QDockWidget(tr("Models"), parent), m_session(session), m_model(new ModelListModel(this)),
      m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("ModelsDock"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_add = new QPushButton(tr("Add model\u2026"), this);
    m_edit = new QPushButton(tr("Edit metadata\u2026"), this);
    m_edit->setToolTip(tr("Input size, normalisation, classes and CAM layer of the selected model"));
    m_families = new QPushButton(tr("Families"), this);
    auto* familyMenu = new QMenu(m_families);
    connect(familyMenu, &QMenu::aboutToShow, this, [this, familyMenu]() { fillFamilyMenu(familyMenu); });
    m_families->setMenu(familyMenu);
    connect(m_add, &QPushButton::clicked, this, &ModelsDock::addModels);
    connect(m_edit, &QPushButton::clicked, this, &ModelsDock::editMetadata);
    connect(m_view, &QTableView::doubleClicked, this, &ModelsDock::editMetadata);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ModelsDock::showContextMenu);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_families);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    setWidget(content);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this]() {
        updateActions();
        emit selectedModelsChanged(selectedModelIds());
    });
    connect(session, &ProjectSession::modelsChanged, this, [this]() {
        const auto selected = selectedModelIds();
        m_model->setModels(m_session->models());
        m_view->resizeColumnsToContents();
        // Keep the selection across reloads (an edit or a regrouping reloads every model).
        const std::set<std::int64_t> keep(selected.begin(), selected.end());
        for (int row = 0; row < m_model->rowCount(); ++row)
            if (keep.count(m_model->modelAt(row).id))
                m_view->selectionModel()->select(m_model->index(row, 0),
                                                 QItemSelectionModel::Select | QItemSelectionModel::Rows);
        updateActions();
        emit selectedModelsChanged(selectedModelIds());
    });
    connect(session, &ProjectSession::projectChanged, this, &ModelsDock::updateActions);
    connect(session, &ProjectSession::modelNeedsMetadata, this, &ModelsDock::askMetadataToAdd);
    updateActions();
}

void ModelsDock::updateActions()
{
    const bool open = m_session->isOpen();
    m_add->setEnabled(open);
    m_edit->setEnabled(open && !selectedModelIds().empty());
    m_families->setEnabled(open && m_model->rowCount() > 0);
}

std::vector<std::int64_t> ModelsDock::selectedModelIds() const
{
    std::vector<std::int64_t> ids;
    const auto rows = m_view->selectionModel()->selectedRows();
    std::set<int> ordered;
    for (const auto& index : rows)
        ordered.insert(index.row());
    for (int row : ordered)
        ids.push_back(m_model->modelAt(row).id);
    return ids;
}

void ModelsDock::addModels()
{
    QSettings settings;
    const QStringList files =
        QFileDialog::getOpenFileNames(this, tr("Add models"),
                                      settings.value(QStringLiteral("models/lastFolder")).toString(),
                                      tr("TorchScript models (*.pt *.pth *.ts);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("models/lastFolder"), QFileInfo(files.front()).absolutePath());
    for (const QString& file : files)
        m_session->addModelFile(file);
}

void ModelsDock::askMetadataToAdd(const QString& path, const QString& reason)
{
    auto* dialog = new ModelMetadataDialog(QFileInfo(path).fileName(), engine::ModelMetadata{}, QString(), this);
    dialog->setObjectName(QStringLiteral("MetadataToAdd"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showProblem(tr("%1 could not be used as it is: %2\nSet what its metadata should say and press OK "
                           "to add it with them.")
                            .arg(QFileInfo(path).fileName(), reason));
    connect(dialog, &QDialog::accepted, this, [this, dialog, path]() {
        m_session->addModelFile(path, dialog->metadata()); // the CAM layer included
    });
    dialog->open();
}

void ModelsDock::editMetadata()
{
    const auto ids = selectedModelIds();
    const ModelInfo* info = ids.empty() ? nullptr : m_session->model(ids.front());
    if (!info)
        return;
    auto* dialog = new ModelMetadataDialog(info->name, info->metadata, QString::fromStdString(info->stored.camLayer),
                                           this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const std::int64_t id = info->id;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, id]() { m_session->updateModelMetadata(id, dialog->metadata(), dialog->camLayer()); });
    dialog->open();
}

bool ModelsDock::groupByPattern(const QString& pattern)
{
    const QRegularExpression expression(pattern);
    if (!expression.isValid()) {
        m_session->error(
            tr("The pattern %1 is not a valid regular expression: %2").arg(pattern, expression.errorString()));
        return false;
    }
    const auto families = groupModelsByPattern(m_session->models(), expression);
    if (families.empty()) {
        m_session->error(tr("The pattern %1 matches no model name").arg(pattern));
        return false;
    }
    if (!m_session->assignFamilies(families))
        return false;
    QSettings().setValue(QStringLiteral("models/familyPattern"), pattern);
    m_session->info(tr("Grouped %n family(s) by the pattern %1", nullptr, int(families.size())).arg(pattern));
    return true;
}

void ModelsDock::groupByPatternDialog()
{
    bool ok = false;
    const QString pattern = QInputDialog::getText(
        this, tr("Group by pattern"),
        tr("A regular expression matched against each model's name; its first group (in parentheses) "
           "names the family, e.g. ^(.*)_run\\d+$ puts xent_run1 and xent_run2 into family xent."),
        QLineEdit::Normal,
        QSettings()
            .value(QStringLiteral("models/familyPattern"), QStringLiteral("^(.*?)[_ -]?(?:run)?\\d+$"))
            .toString(),
        &ok);
    if (!ok || pattern.isEmpty())
        return;
    const QRegularExpression expression(pattern);
    const auto families = groupModelsByPattern(m_session->models(), expression);
    QStringList lines;
    for (const auto& [name, ids] : families) {
        QStringList members;
        for (auto id : ids)
            if (const ModelInfo* info = m_session->model(id))
                members << info->name;
        lines << QStringLiteral("<b>%1</b>: %2")
                     .arg(name.toHtmlEscaped(), members.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    if (expression.isValid() && !families.empty()
        && QMessageBox::question(this, tr("Group by pattern"),
                                 tr("Make these families? Their models leave any other family.<p>%1")
                                     .arg(lines.join(QStringLiteral("<br>"))))
            != QMessageBox::Yes)
        return;
    groupByPattern(pattern);
}

void ModelsDock::newFamilyFromSelection()
{
    const auto ids = selectedModelIds();
    if (ids.empty())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New family"),
                              tr("Name of the family of the %n selected model(s):", nullptr, int(ids.size())),
                              QLineEdit::Normal, {}, &ok);
    if (ok && !name.trimmed().isEmpty())
        m_session->assignFamilies({{name.trimmed(), ids}});
}

void ModelsDock::fillFamilyMenu(QMenu* menu)
{
    menu->clear();
    const auto ids = selectedModelIds();
    QAction* create = menu->addAction(tr("New family from selection\u2026"), this, &ModelsDock::newFamilyFromSelection);
    create->setEnabled(!ids.empty());
    QMenu* addTo = menu->addMenu(tr("Add to family"));
    std::set<QString> names;
    for (const auto& model : m_session->models())
        if (!model.family.isEmpty())
            names.insert(model.family);
    for (const QString& name : names)
        addTo->addAction(name, this, [this, name]() { m_session->addToFamily(name, selectedModelIds()); });
    addTo->setEnabled(!ids.empty() && !names.empty());
    QAction* remove = menu->addAction(tr("Remove from family"), this,
                                      [this]() { m_session->removeFromFamilies(selectedModelIds()); });
    remove->setEnabled(!ids.empty());
    menu->addSeparator();
    menu->addAction(tr("Group by pattern\u2026"), this, &ModelsDock::groupByPatternDialog);
}

void ModelsDock::showContextMenu(const QPoint& position)
{
    if (!m_session->isOpen())
        return;
    QMenu menu(this);
    QAction* edit = menu.addAction(tr("Edit metadata\u2026"), this, &ModelsDock::editMetadata);
    edit->setEnabled(!selectedModelIds().empty());
    menu.addSeparator();
    fillFamilyMenu(&menu);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace saliscope::ui
