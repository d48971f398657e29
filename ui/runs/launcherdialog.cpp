// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/runs/launcherdialog.h"

#include "core/engine/runtime.h"
#include "core/measures/measure.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace saliscope::ui {

namespace {

/// The text of a parameter's editor (a QLineEdit, or a QComboBox of its few accepted names).
QString editorText(const QWidget* editor)
{
    if (const auto* combo = qobject_cast<const QComboBox*>(editor))
        return combo->currentText();
    return static_cast<const QLineEdit*>(editor)->text();
}

/// Shows `text` in a parameter's editor; a combo box keeps its choice when `text` is none of its names.
void setEditorText(QWidget* editor, const QString& text)
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        if (const int index = combo->findText(text.trimmed()); index >= 0)
            combo->setCurrentIndex(index);
        return;
    }
    auto* edit = static_cast<QLineEdit*>(editor);
    edit->setText(text);
    edit->setCursorPosition(0);
}

enum ItemRole { ModelIdRole = Qt::UserRole + 1, FamilyRole };

/// What each measure shows, in one line (docs/measures.md).
QString measureExplanation(MeasureKind kind)
{
    switch (kind) {
    case MeasureKind::Entropy: return QObject::tr("(a) how concentrated each map is: entropy of the Grad-CAM map");
    case MeasureKind::Noise: return QObject::tr("(b) score, accuracy and map change under salt-and-pepper noise");
    case MeasureKind::Transforms:
        return QObject::tr("(c) does the map follow flips, rotations and shifts of the image (12 transforms)");
    case MeasureKind::Stability:
        return QObject::tr("(d) SSIM between the maps of models of one family (independent training runs)");
    case MeasureKind::Degradation:
        return QObject::tr("(e) score drop when the background or the salient object is blurred");
    case MeasureKind::Predictions: break;
    }
    return {};
}

QString measureTitle(MeasureKind kind)
{
    switch (kind) {
    case MeasureKind::Entropy: return QObject::tr("Entropy");
    case MeasureKind::Noise: return QObject::tr("Noise");
    case MeasureKind::Transforms: return QObject::tr("Transforms");
    case MeasureKind::Stability: return QObject::tr("Stability");
    case MeasureKind::Degradation: return QObject::tr("Degradation");
    case MeasureKind::Predictions: return QObject::tr("Predictions");
    }
    return {};
}

} // namespace

LauncherDialog::LauncherDialog(ProjectSession* session, MeasureQueue* queue, QWidget* parent)
    : QDialog(parent), m_session(session), m_queue(queue), m_models(new QStandardItemModel(this)),
      m_dataset(new QComboBox(this)), m_device(new QComboBox(this)), m_batch(new QSpinBox(this)),
      m_estimate(new QLabel(this)), m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("LauncherDialog"));
    setWindowTitle(tr("Run measures"));

    for (const auto& dataset : session->datasets())
        m_dataset->addItem(tr("%1 (%2 images)").arg(QString::fromStdString(dataset.title())).arg(dataset.imageCount),
                           QVariant::fromValue<qlonglong>(dataset.id));
    if (int index = m_dataset->findData(QVariant::fromValue<qlonglong>(session->currentDatasetId())); index >= 0)
        m_dataset->setCurrentIndex(index);
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    if (engine::cudaAvailable())
        m_device->addItem(tr("CUDA (GPU)"), QStringLiteral("cuda"));
    m_device->setToolTip(tr("Where the models run; CUDA is offered when this build finds a GPU."));
    m_batch->setRange(1, 512);
    m_batch->setValue(queue->resumeBatchSize());
    m_batch->setToolTip(tr("Images per batch: larger batches are faster on a GPU; a cancelled run stops "
                           "after the batch in progress."));

    auto* top = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(makeMeasures());
    left->addWidget(makeModels(), 1);
    auto* where = new QFormLayout;
    where->addRow(tr("Dataset:"), m_dataset);
    where->addRow(tr("Device:"), m_device);
    where->addRow(tr("Batch size:"), m_batch);
    left->addLayout(where);
    top->addLayout(left, 3);
    top->addWidget(makeParameters(), 2);

    m_estimate->setObjectName(QStringLiteral("Estimate"));
    QFont bold = m_estimate->font();
    bold.setBold(true);
    m_estimate->setFont(bold);
    m_problem->setObjectName(QStringLiteral("Problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto* run = buttons->addButton(tr("&Run"), QDialogButtonBox::AcceptRole);
    run->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() { queueRun(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_estimate);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_dataset, &QComboBox::currentIndexChanged, this, &LauncherDialog::updateEstimate);
    connect(m_models, &QStandardItemModel::itemChanged, this, &LauncherDialog::updateEstimate);
    updateEstimate();
    resize(1060, 640);
}

QWidget* LauncherDialog::makeMeasures()
{
    auto* box = new QGroupBox(tr("Measures"), this);
    auto* grid = new QGridLayout(box);
    int row = 0;
    for (const Measure* measure : measureRegistry()) {
        if (!measure->partOfAll())
            continue; // the predictions: every run records them
        const MeasureKind kind = measure->kind();
        auto* check = new QCheckBox(measureTitle(kind), box);
        check->setChecked(true);
        check->setToolTip(measureExplanation(kind));
        auto* explanation = new QLabel(measureExplanation(kind), box);
        explanation->setStyleSheet(QStringLiteral("color: palette(mid);"));
        grid->addWidget(check, row, 0);
        grid->addWidget(explanation, row, 1);
        ++row;
        m_measures[kind] = check;
        connect(check, &QCheckBox::toggled, this, &LauncherDialog::updateEstimate);
    }
    auto* note = new QLabel(tr("Predictions (score, class, correct) are always computed."), box);
    note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    grid->addWidget(note, row, 0, 1, 2);
    grid->setColumnStretch(1, 1);
    return box;
}

QWidget* LauncherDialog::makeModels()
{
    auto* box = new QGroupBox(tr("Models and families"), this);
    auto* layout = new QVBoxLayout(box);
    std::vector<StoredFamily> families;
    if (ProjectStore* store = m_session->store())
        if (auto stored = store->families())
            families = stored.value();
    for (const auto& family : families) {
        QStringList members;
        for (auto id : family.modelIds)
            if (const ModelInfo* info = m_session->model(id))
                members << info->name;
        auto* item = new QStandardItem(tr("Family %1 (%2 models: %3)")
                                           .arg(QString::fromStdString(family.name))
                                           .arg(members.size())
                                           .arg(members.join(QStringLiteral(", "))));
        item->setCheckable(true);
        item->setCheckState(Qt::Checked);
        item->setEditable(false);
        item->setData(QString::fromStdString(family.name), FamilyRole);
        item->setToolTip(tr("Every model of the family takes part; stability compares them pairwise."));
        m_models->appendRow(item);
    }
    for (const auto& info : m_session->models()) {
        const auto& metadata = info.metadata;
        auto* item = new QStandardItem(
            tr("%1 (%2x%3%4)")
                .arg(info.name)
                .arg(metadata.inputWidth)
                .arg(metadata.inputHeight)
                .arg(info.family.isEmpty() ? QString() : tr(", family %1").arg(info.family)));
        item->setCheckable(true);
        item->setCheckState(families.empty() ? Qt::Checked : Qt::Unchecked);
        item->setEditable(false);
        item->setData(QVariant::fromValue<qlonglong>(info.id), ModelIdRole);
        item->setToolTip(QString::fromStdString(info.stored.path));
        m_models->appendRow(item);
    }
    auto* view = new QListView(box);
    view->setObjectName(QStringLiteral("ModelsList"));
    view->setModel(m_models);
    layout->addWidget(view);
    return box;
}

QWidget* LauncherDialog::makeParameters()
{
    auto* box = new QGroupBox(tr("Parameters"), this);
    box->setMinimumWidth(400);
    auto* outer = new QVBoxLayout(box);
    auto* area = new QScrollArea(box);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    area->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(area);
    auto* form = new QFormLayout(inner);
    const MeasureSettings defaults;
    for (const auto& parameter : measureParameters()) {
        const QString key = QString::fromStdString(parameter.key);
        const QString value = QString::fromStdString(defaults.value(parameter.key));
        QWidget* editor = nullptr;
        if (!parameter.choices.empty()) {
            auto* combo = new QComboBox(inner);
            for (const auto& choice : parameter.choices)
                combo->addItem(QString::fromStdString(choice));
            combo->setCurrentText(value);
            connect(combo, &QComboBox::currentTextChanged, this, &LauncherDialog::updateEstimate);
            editor = combo;
        } else {
            auto* edit = new QLineEdit(value, inner);
            edit->setCursorPosition(0);
            connect(edit, &QLineEdit::textChanged, this, &LauncherDialog::updateEstimate);
            editor = edit;
        }
        const QString help = tr("%1\nDefault: %2")
                                 .arg(QCoreApplication::translate("MeasureParameter", parameter.explanation.c_str()),
                                      value);
        editor->setToolTip(help);
        editor->setObjectName(key);
        auto* label = new QLabel(key + QLatin1Char(':'), inner);
        label->setToolTip(help);
        form->addRow(label, editor);
        m_parameters[parameter.key] = editor;
    }
    area->setWidget(inner);
    outer->addWidget(area, 1);
    auto* reset = new QPushButton(tr("Reset to defaults"), box);
    connect(reset, &QPushButton::clicked, this, &LauncherDialog::resetParameters);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(reset);
    outer->addLayout(row);
    return box;
}

void LauncherDialog::resetParameters()
{
    const MeasureSettings defaults;
    for (auto& [key, editor] : m_parameters)
        setEditorText(editor, QString::fromStdString(defaults.value(key)));
}

void LauncherDialog::setMeasureChecked(MeasureKind measure, bool checked)
{
    if (auto it = m_measures.find(measure); it != m_measures.end())
        it->second->setChecked(checked);
}

void LauncherDialog::setModelChecked(std::int64_t modelId, bool checked)
{
    for (int row = 0; row < m_models->rowCount(); ++row)
        if (auto* item = m_models->item(row);
            item->data(ModelIdRole).isValid() && item->data(ModelIdRole).toLongLong() == modelId)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void LauncherDialog::setFamilyChecked(const QString& family, bool checked)
{
    for (int row = 0; row < m_models->rowCount(); ++row)
        if (auto* item = m_models->item(row); item->data(FamilyRole).toString() == family)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void LauncherDialog::setDataset(std::int64_t datasetId)
{
    if (int index = m_dataset->findData(QVariant::fromValue<qlonglong>(datasetId)); index >= 0)
        m_dataset->setCurrentIndex(index);
}

void LauncherDialog::setParameterText(const QString& key, const QString& text)
{
    if (auto it = m_parameters.find(key.toStdString()); it != m_parameters.end())
        setEditorText(it->second, text);
}

Result<RunRequest> LauncherDialog::request() const
{
    RunRequest request;
    for (const auto& [kind, check] : m_measures)
        if (check->isChecked())
            request.measures.insert(kind);
    if (request.measures.empty())
        return Error{tr("Tick at least one measure.").toStdString()};
    for (int row = 0; row < m_models->rowCount(); ++row) {
        const auto* item = m_models->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        if (item->data(FamilyRole).isValid())
            request.families.push_back(item->data(FamilyRole).toString());
        else
            request.modelIds.push_back(item->data(ModelIdRole).toLongLong());
    }
    if (request.modelIds.empty() && request.families.empty())
        return Error{tr("Tick at least one model or family.").toStdString()};
    if (m_dataset->currentIndex() < 0)
        return Error{tr("The project has no dataset: add one first.").toStdString()};
    request.datasetId = m_dataset->currentData().toLongLong();
    for (const auto& [key, editor] : m_parameters)
        if (auto status = request.settings.set(key + "=" + editorText(editor).trimmed().toStdString()); !status)
            return status.failure();
    request.device = m_device->currentData().toString().toStdString();
    request.batchSize = m_batch->value();
    return request;
}

RunEstimate LauncherDialog::estimate() const
{
    auto made = request();
    if (!made)
        return {};
    std::set<std::int64_t> ids(made->modelIds.begin(), made->modelIds.end());
    if (!made->families.empty())
        if (ProjectStore* store = m_session->store())
            if (auto families = store->families())
                for (const auto& family : families.value())
                    if (std::find(made->families.begin(), made->families.end(), QString::fromStdString(family.name))
                        != made->families.end())
                        ids.insert(family.modelIds.begin(), family.modelIds.end());
    std::vector<std::pair<int, int>> sizes;
    for (auto id : ids)
        if (const ModelInfo* info = m_session->model(id))
            sizes.emplace_back(info->metadata.inputWidth, info->metadata.inputHeight);
    std::int64_t images = 0;
    for (const auto& dataset : m_session->datasets())
        if (dataset.id == made->datasetId)
            images = dataset.imageCount;
    auto measures = made->measures;
    measures.insert(MeasureKind::Predictions);
    return estimateRun(measures, made->settings, images, sizes);
}

QString LauncherDialog::estimateText() const
{
    const RunEstimate work = estimate();
    const QLocale locale;
    return tr("%1 images \u00d7 %2 models \u2192 %3 forward passes (%4 per image; each one forward and one "
              "backward pass)")
        .arg(locale.toString(qlonglong(work.images)))
        .arg(work.models)
        .arg(locale.toString(qlonglong(work.forwardPasses)))
        .arg(locale.toString(qlonglong(work.passesPerImage)));
}

void LauncherDialog::updateEstimate()
{
    auto made = request();
    m_problem->setText(made ? QString() : QString::fromStdString(made.error()));
    m_estimate->setText(estimateText());
}

bool LauncherDialog::queueRun()
{
    auto made = request();
    if (!made) {
        m_problem->setText(QString::fromStdString(made.error()));
        return false;
    }
    auto queued = m_queue->enqueue(made.value());
    if (!queued) {
        m_problem->setText(QString::fromStdString(queued.error()));
        return false;
    }
    m_queue->setResumeBatchSize(made->batchSize);
    QSettings().setValue(QStringLiteral("measures/batchSize"), made->batchSize);
    accept();
    return true;
}

} // namespace saliscope::ui
