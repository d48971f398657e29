// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/project/modelmetadatadialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace saliscope::ui {

ModelMetadataDialog::ModelMetadataDialog(const QString& modelName, const engine::ModelMetadata& metadata,
                                         const QString& camLayer, QWidget* parent)
    : QDialog(parent), m_width(new QSpinBox(this)), m_height(new QSpinBox(this)), m_classes(new QLineEdit(this)),
      m_positive(new QComboBox(this)), m_architecture(new QLineEdit(this)), m_loss(new QLineEdit(this)),
      m_run(new QSpinBox(this)), m_camLayer(new QLineEdit(this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("Metadata of %1").arg(modelName));
    auto* form = new QFormLayout;
    for (QSpinBox* box : {m_width, m_height}) {
        box->setRange(8, 8192);
        box->setSuffix(tr(" px"));
    }
    auto* size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("\u00d7"), this));
    size->addWidget(m_height);
    size->addStretch(1);
    form->addRow(tr("Input size (width \u00d7 height)"), size);
    auto triple = [this](std::array<QDoubleSpinBox*, 3>& boxes, double minimum) {
        auto* row = new QHBoxLayout;
        for (auto*& box : boxes) {
            box = new QDoubleSpinBox(this);
            box->setDecimals(4);
            box->setRange(minimum, 1000);
            box->setSingleStep(0.001);
            row->addWidget(box);
        }
        return row;
    };
    form->addRow(tr("Mean (R, G, B)"), triple(m_mean, -1000));
    form->addRow(tr("Std (R, G, B)"), triple(m_std, 0.0001));
    m_classes->setToolTip(tr("Class names in the order of the model's outputs, separated by commas"));
    form->addRow(tr("Class names"), m_classes);
    m_positive->setToolTip(tr("The class whose probability is the score (\"synthetic\" for a deepfake detector)"));
    form->addRow(tr("Positive class"), m_positive);
    m_architecture->setPlaceholderText(tr("e.g. densenet121"));
    form->addRow(tr("Architecture"), m_architecture);
    m_loss->setPlaceholderText(tr("e.g. xent, cyborg"));
    form->addRow(tr("Loss"), m_loss);
    m_run->setRange(-1, 100000);
    m_run->setSpecialValueText(tr("unknown"));
    form->addRow(tr("Training run"), m_run);
    m_camLayer->setPlaceholderText(tr("the model's default"));
    m_camLayer->setToolTip(tr("Module path of the layer Grad-CAM uses, e.g. features.denseblock4 or layer4"));
    form->addRow(tr("CAM layer"), m_camLayer);

    m_problem->setStyleSheet(QStringLiteral("color: #d04030"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto* note = new QLabel(tr("OK checks that the model loads and gives a map with these values; maps it "
                               "already has in the project are then computed again."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset,
                                         this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Reset)->setText(tr("ImageNet defaults"));
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, [this]() {
        engine::ModelMetadata defaults;
        auto current = this->metadata();
        current.inputWidth = defaults.inputWidth;
        current.inputHeight = defaults.inputHeight;
        current.mean = defaults.mean;
        current.std = defaults.std;
        setMetadata(current, this->camLayer());
    });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(m_classes, &QLineEdit::textChanged, this, &ModelMetadataDialog::classNamesEdited);
    setMetadata(metadata, camLayer);
}

void ModelMetadataDialog::setMetadata(const engine::ModelMetadata& metadata, const QString& camLayer)
{
    m_width->setValue(metadata.inputWidth);
    m_height->setValue(metadata.inputHeight);
    for (std::size_t i = 0; i < 3; ++i) {
        m_mean[i]->setValue(metadata.mean[i]);
        m_std[i]->setValue(metadata.std[i]);
    }
    QStringList names;
    for (const auto& name : metadata.classNames)
        names << QString::fromStdString(name);
    m_classes->setText(names.join(QStringLiteral(", ")));
    classNamesEdited();
    m_positive->setCurrentIndex(metadata.positiveClass);
    m_architecture->setText(QString::fromStdString(metadata.architecture));
    m_loss->setText(QString::fromStdString(metadata.loss));
    m_run->setValue(metadata.run);
    m_camLayer->setText(camLayer);
}

void ModelMetadataDialog::classNamesEdited()
{
    const int positive = m_positive->currentIndex();
    m_positive->clear();
    for (const QString& name : m_classes->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        m_positive->addItem(name.trimmed());
    m_positive->setCurrentIndex(std::min(std::max(positive, 0), m_positive->count() - 1));
}

engine::ModelMetadata ModelMetadataDialog::metadata() const
{
    engine::ModelMetadata metadata;
    metadata.inputWidth = m_width->value();
    metadata.inputHeight = m_height->value();
    for (std::size_t i = 0; i < 3; ++i) {
        metadata.mean[i] = m_mean[i]->value();
        metadata.std[i] = m_std[i]->value();
    }
    metadata.classNames.clear();
    for (const QString& name : m_classes->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            metadata.classNames.push_back(name.trimmed().toStdString());
    metadata.positiveClass = m_positive->currentIndex();
    metadata.architecture = m_architecture->text().trimmed().toStdString();
    metadata.loss = m_loss->text().trimmed().toStdString();
    metadata.run = m_run->value();
    metadata.camLayer = camLayer().toStdString();
    metadata.fromArchive = true; // stated, no longer assumed
    return metadata;
}

QString ModelMetadataDialog::camLayer() const { return m_camLayer->text().trimmed(); }

void ModelMetadataDialog::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->show();
}

void ModelMetadataDialog::accept()
{
    if (auto valid = metadata().validate(); !valid) {
        showProblem(QString::fromStdString(valid.error()));
        return;
    }
    QDialog::accept();
}

} // namespace saliscope::ui
