// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/runs/launcherdialog.h"

#include "core/cam/mapmaker.h"
#include "core/engine/model.h"
#include "core/engine/runtime.h"
#include "core/measures/measure.h"
#include "core/project/jobwatch.h"
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
    case MeasureKind::Entropy: return QObject::tr("(a) how concentrated each map is: entropy of the salience map");
    case MeasureKind::Noise: return QObject::tr("(b) score, accuracy and map change under salt-and-pepper noise");
    case MeasureKind::Transforms:
        return QObject::tr("(c) does the map follow flips, rotations and shifts of the image (12 transforms)");
    case MeasureKind::Stability:
        return QObject::tr("(d) SSIM between the maps of models of one family (independent training runs)");
    case MeasureKind::Degradation:
        return QObject::tr("(e) score drop when the background or the salient object is blurred");
    case MeasureKind::Sanity:
        return QObject::tr("do the maps change when the model is randomised, head first (and for another class)?");
    case MeasureKind::Deletion:
        return QObject::tr("class probability as the most salient pixels are removed first (RISE); a forward pass "
                           "per step");
    case MeasureKind::Insertion:
        return QObject::tr("class probability as the most salient pixels are restored first (RISE); a forward pass "
                           "per step");
    case MeasureKind::Road:
        return QObject::tr("ROAD: pixels removed by noisy linear imputation, most and least relevant first; two "
                           "passes per step");
    case MeasureKind::Localisation:
        return QObject::tr("pointing game, relevance mass and rank, pixel AUC against the annotations and masks");
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
    case MeasureKind::Sanity: return QObject::tr("Sanity checks");
    case MeasureKind::Deletion: return QObject::tr("Deletion");
    case MeasureKind::Insertion: return QObject::tr("Insertion");
    case MeasureKind::Road: return QObject::tr("ROAD");
    case MeasureKind::Localisation: return QObject::tr("Localisation");
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
    left->addWidget(makeMethods());
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
    connect(m_models, &QStandardItemModel::itemChanged, this, &LauncherDialog::probeChannels);
    updateEstimate();
    resize(1060, 700);
}

LauncherDialog::~LauncherDialog()
{
    for (const auto& [modelId, job] : m_probes)
        m_session->computeJobs().cancel(job);
}

QWidget* LauncherDialog::makeMeasures()
{
    auto* box = new QGroupBox(tr("Measures"), this);
    auto* grid = new QGridLayout(box);
    int row = 0;
    for (const Measure* measure : measureRegistry()) {
        const MeasureKind kind = measure->kind();
        if (kind == MeasureKind::Predictions)
            continue; // every run records them
        auto* check = new QCheckBox(measureTitle(kind), box);
        check->setChecked(measure->partOfAll()); // the sanity checks, not part of "all", only when ticked
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

QWidget* LauncherDialog::makeMethods()
{
    auto* box = new QGroupBox(tr("Salience methods"), this);
    box->setToolTip(tr("Each ticked method makes a run of its own, with its own maps and results."));
    auto* grid = new QGridLayout(box);
    const auto& methods = engine::allCamMethods();
    for (std::size_t i = 0; i < methods.size(); ++i) {
        const engine::CamMethod method = methods[i];
        auto* check = new QCheckBox(QString::fromLatin1(engine::camMethodTitle(method)), box);
        check->setObjectName(QStringLiteral("method_") + QString::fromLatin1(engine::camMethodName(method)));
        check->setChecked(method == engine::CamMethod::GradCam);
        if (method == engine::CamMethod::ScoreCam)
            check->setToolTip(tr("One masked forward pass per channel of the CAM layer for every map: "
                                 "far slower than the others."));
        grid->addWidget(check, int(i / 4), int(i % 4));
        m_methods[method] = check;
        connect(check, &QCheckBox::toggled, this, &LauncherDialog::updateEstimate);
        connect(check, &QCheckBox::toggled, this, &LauncherDialog::probeChannels);
    }
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
        if (parameter.key == "method")
            continue; // the methods' boxes choose it, one run each
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

void LauncherDialog::setMethodChecked(engine::CamMethod method, bool checked)
{
    if (auto it = m_methods.find(method); it != m_methods.end())
        it->second->setChecked(checked);
}

int LauncherDialog::modelChannels(std::int64_t modelId) const
{
    const auto it = m_channels.find(modelId);
    return it == m_channels.end() ? 0 : it->second;
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
    const std::vector<engine::CamMethod> methods = tickedMethods();
    if (methods.empty())
        return Error{tr("Tick at least one salience method.").toStdString()};
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
    request.settings.method = methods.front();
    request.device = m_device->currentData().toString().toStdString();
    request.batchSize = m_batch->value();
    return request;
}

Result<std::vector<RunRequest>> LauncherDialog::requests() const
{
    auto made = request();
    if (!made)
        return made.failure();
    std::vector<RunRequest> runs;
    for (engine::CamMethod method : tickedMethods()) {
        RunRequest run = made.value();
        run.settings.method = method;
        runs.push_back(std::move(run));
    }
    return runs;
}

std::vector<engine::CamMethod> LauncherDialog::tickedMethods() const
{
    std::vector<engine::CamMethod> methods;
    for (engine::CamMethod method : engine::allCamMethods())
        if (m_methods.at(method)->isChecked())
            methods.push_back(method);
    return methods;
}

std::vector<std::int64_t> LauncherDialog::requestedModels(const RunRequest& request) const
{
    std::set<std::int64_t> ids(request.modelIds.begin(), request.modelIds.end());
    if (!request.families.empty())
        if (ProjectStore* store = m_session->store())
            if (auto families = store->families())
                for (const auto& family : families.value())
                    if (std::find(request.families.begin(), request.families.end(), QString::fromStdString(family.name))
                        != request.families.end())
                        ids.insert(family.modelIds.begin(), family.modelIds.end());
    return {ids.begin(), ids.end()};
}

RunEstimate LauncherDialog::estimate() const
{
    auto made = requests();
    if (!made)
        return {};
    RunEstimate total;
    for (const RunRequest& run : made.value()) {
        std::vector<std::pair<int, int>> sizes;
        std::vector<int> channels;
        for (auto id : requestedModels(run))
            if (const ModelInfo* info = m_session->model(id)) {
                sizes.emplace_back(info->metadata.inputWidth, info->metadata.inputHeight);
                channels.push_back(modelChannels(id));
            }
        std::int64_t images = 0;
        for (const auto& dataset : m_session->datasets())
            if (dataset.id == run.datasetId)
                images = dataset.imageCount;
        auto measures = run.measures;
        measures.insert(MeasureKind::Predictions);
        addEstimate(total, estimateRun(measures, run.settings, images, sizes, channels));
    }
    return total;
}

QString LauncherDialog::estimateText() const
{
    const RunEstimate work = estimate();
    const auto made = requests();
    const int methods = made ? int(made->size()) : 0;
    const bool gradient = !made || std::all_of(made->begin(), made->end(), [](const RunRequest& run) {
        return engine::camMethodNeedsGradient(run.settings.method);
    });
    const QLocale locale;
    QString text;
    if (methods <= 1 && work.extraPassesPerImage == 0 && gradient)
        text = tr("%1 images \u00d7 %2 models \u2192 %3 forward passes (%4 per image; each one forward and one "
                  "backward pass)")
                   .arg(locale.toString(qlonglong(work.images)))
                   .arg(work.models)
                   .arg(locale.toString(qlonglong(work.forwardPasses)))
                   .arg(locale.toString(qlonglong(work.passesPerImage)));
    else if (work.extraPassesPerImage == 0)
        text = tr("%1 images \u00d7 %2 models \u00d7 %n method(s) \u2192 %3 forward passes (%4 per image)", nullptr,
                  methods)
                   .arg(locale.toString(qlonglong(work.images)))
                   .arg(work.models)
                   .arg(locale.toString(qlonglong(work.forwardPasses)))
                   .arg(locale.toString(qlonglong(work.passesPerImage)));
    else
        text = tr("%1 images \u00d7 %2 models \u00d7 %n method(s) \u2192 %3 forward passes (%4 map passes and %5 "
                  "masked Score-CAM passes per image)",
                  nullptr, methods)
                   .arg(locale.toString(qlonglong(work.images)))
                   .arg(work.models)
                   .arg(locale.toString(qlonglong(work.forwardPasses)))
                   .arg(locale.toString(qlonglong(work.passesPerImage)))
                   .arg(locale.toString(qlonglong(work.extraPassesPerImage)));
    if (work.curvePassesPerImage > 0)
        text += QLatin1Char('\n')
            + tr("Faithfulness curves: %1 of those forward passes (%2 per image, no map), one per step and curve.")
                  .arg(locale.toString(qlonglong(work.images * work.curvePassesPerImage)))
                  .arg(locale.toString(qlonglong(work.curvePassesPerImage)));
    if (work.assumedChannels > 0)
        text += QLatin1Char('\n')
            + tr("Score-CAM: %1 CAM-layer channels assumed for %n model(s) not loaded yet.", nullptr,
                 work.assumedChannels)
                  .arg(AssumedCamChannels);
    return text;
}

void LauncherDialog::probeChannels()
{
    if (!m_methods.at(engine::CamMethod::ScoreCam)->isChecked())
        return;
    auto made = request();
    if (!made)
        return;
    for (std::int64_t id : requestedModels(made.value())) {
        const ModelInfo* info = m_session->model(id);
        if (!info || m_channels.count(id) || m_probes.count(id))
            continue;
        engine::ModelLoadOptions options;
        options.layer = info->stored.camLayer;
        options.metadata = info->metadata;
        const std::string path = info->stored.path;
        m_probes[id] = submitJob<int>(
            m_session->computeJobs(), this, "channels of " + info->name.toStdString(),
            [path, options](ProgressSink&, const CancelToken& cancel) -> Result<int> {
                if (cancel.isCancelled())
                    return Error::cancelled();
                auto model = loadModel(path, options);
                if (!model)
                    return model.failure();
                return model.value()->featureChannels();
            },
            [this, id](const Result<int>& channels) {
                if (!channels)
                    return; // not loadable: the estimate keeps the stated assumption
                m_channels[id] = channels.value();
                updateEstimate();
                emit channelsKnown();
            });
    }
}

void LauncherDialog::updateEstimate()
{
    auto made = request();
    m_problem->setText(made ? QString() : QString::fromStdString(made.error()));
    m_estimate->setText(estimateText());
}

bool LauncherDialog::queueRun()
{
    auto made = requests();
    if (!made) {
        m_problem->setText(QString::fromStdString(made.error()));
        return false;
    }
    for (std::size_t i = 0; i < made->size(); ++i) {
        const RunRequest& run = made.value()[i];
        auto queued = m_queue->enqueue(run);
        if (!queued) {
            const QString error = QString::fromStdString(queued.error());
            m_problem->setText(i == 0
                                   ? error
                                   : tr("%1 of %2 runs queued; the %3 run was refused: %4")
                                         .arg(i)
                                         .arg(made->size())
                                         .arg(QString::fromLatin1(engine::camMethodTitle(run.settings.method)), error));
            return false;
        }
    }
    m_queue->setResumeBatchSize(made->front().batchSize);
    QSettings().setValue(QStringLiteral("measures/batchSize"), made->front().batchSize);
    accept();
    return true;
}

} // namespace saliscope::ui
