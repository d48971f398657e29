#include "docks/modelsdock.h"

#include "models/modellistmodel.h"
#include "project/projectsession.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace saliscope::ui {

ModelsDock::ModelsDock(ProjectSession* session, QWidget* parent)
    : QDockWidget(tr("Models"), parent), m_session(session), m_model(new ModelListModel(this)), m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("ModelsDock"));
    m_view->setModel(m_model);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    auto* add = new QPushButton(tr("Add model\u2026"), this);
    connect(add, &QPushButton::clicked, this, &ModelsDock::addModels);
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    setWidget(content);
    connect(session, &ProjectSession::modelsChanged, this, [this]() {
        m_model->setModels(m_session->models());
        m_view->resizeColumnsToContents();
    });
    connect(session, &ProjectSession::projectChanged, this, [add, session]() { add->setEnabled(session->isOpen()); });
    add->setEnabled(session->isOpen());
}

void ModelsDock::addModels()
{
    QSettings settings;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add models"), settings.value(QStringLiteral("models/lastFolder")).toString(),
        tr("TorchScript models (*.pt *.pth *.ts);;All files (*)"));
    if (files.isEmpty())
        return;
    settings.setValue(QStringLiteral("models/lastFolder"), QFileInfo(files.front()).absolutePath());
    for (const QString& file : files)
        m_session->addModelFile(file);
}

} // namespace saliscope::ui
