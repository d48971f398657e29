// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/project/datasetfoldersdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace saliscope::ui {

DatasetFoldersDialog::DatasetFoldersDialog(const QString& location, QWidget* parent)
    : QDialog(parent), m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("DatasetFoldersDialog"));
    setWindowTitle(tr("Add dataset"));
    auto* intro = new QLabel(tr("<b>%1</b><br>Annotations and artefact masks are optional: 8-bit images matched to "
                                "the dataset's images by file name (pixels above 127 are inside). The localisation "
                                "measure scores the maps against both; the salience entropy measure uses the "
                                "annotations.")
                                 .arg(QDir::toNativeSeparators(location).toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    m_annotations = addRow(form, tr("Annotations:"), tr("Folder of human annotation maps (optional)"));
    m_masks = addRow(form, tr("Artefact masks:"),
                     tr("Folder of exact artefact masks, a second kind of annotation (optional)"));
    m_annotations->setObjectName(QStringLiteral("AnnotationFolder"));
    m_masks->setObjectName(QStringLiteral("MaskFolder"));
    m_problem->setObjectName(QStringLiteral("Problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    m_annotations->setText(QDir::toNativeSeparators(folderNear(location, QStringLiteral("annotations"))));
    m_masks->setText(QDir::toNativeSeparators(folderNear(location, QStringLiteral("masks"))));
    connect(m_annotations, &QLineEdit::textChanged, this, &DatasetFoldersDialog::check);
    connect(m_masks, &QLineEdit::textChanged, this, &DatasetFoldersDialog::check);
    check();
    resize(560, sizeHint().height());
}

QLineEdit* DatasetFoldersDialog::addRow(QFormLayout* form, const QString& label, const QString& tooltip)
{
    auto* edit = new QLineEdit(this);
    edit->setToolTip(tooltip);
    edit->setPlaceholderText(tr("none"));
    edit->setClearButtonEnabled(true);
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    connect(browse, &QPushButton::clicked, this, [this, edit, label]() {
        const QString folder = QFileDialog::getExistingDirectory(this, label, edit->text());
        if (!folder.isEmpty())
            edit->setText(QDir::toNativeSeparators(folder));
    });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    form->addRow(label, row);
    return edit;
}

QString DatasetFoldersDialog::folderNear(const QString& location, const QString& name)
{
    const QFileInfo info(location);
    QStringList candidates;
    if (info.isDir())
        candidates << QDir(info.absoluteFilePath()).filePath(name);
    candidates << info.absoluteDir().filePath(name);
    for (const QString& candidate : candidates)
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    return {};
}

QString DatasetFoldersDialog::annotationFolder() const
{
    return QDir::fromNativeSeparators(m_annotations->text().trimmed());
}

QString DatasetFoldersDialog::maskFolder() const { return QDir::fromNativeSeparators(m_masks->text().trimmed()); }

void DatasetFoldersDialog::setAnnotationFolder(const QString& folder) { m_annotations->setText(folder); }

void DatasetFoldersDialog::setMaskFolder(const QString& folder) { m_masks->setText(folder); }

bool DatasetFoldersDialog::acceptable() const { return m_ok->isEnabled(); }

void DatasetFoldersDialog::check()
{
    QStringList problems;
    for (const QString& folder : {annotationFolder(), maskFolder()})
        if (!folder.isEmpty() && !QFileInfo(folder).isDir())
            problems << tr("%1 is not a folder.").arg(QDir::toNativeSeparators(folder));
    m_problem->setText(problems.join(QLatin1Char(' ')));
    m_problem->setVisible(!problems.isEmpty());
    m_ok->setEnabled(problems.isEmpty());
}

} // namespace saliscope::ui
