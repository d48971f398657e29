// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/viewer/salienceviewerwidget.h"

#include "core/dataset/imageio.h"
#include "core/dataset/videoframes.h"
#include "core/engine/entropy.h"
#include "ui/images/imagelistmodel.h"
#include "core/project/mapservice.h"
#include "core/project/projectsession.h"
#include "ui/report/reportgallery.h"
#include "ui/viewer/contours.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QSettings>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace saliscope::ui {

namespace {

struct LoadedImage {
    QImage image;
    QPainterPath outline;
};

/// Decodes the image (at most 1024 px on a side, for display) and outlines the annotation.
LoadedImage loadImage(const QString& path, const QString& annotation)
{
    LoadedImage loaded;
    if (isSourceFragmentPath(path.toStdString())) { // a video frame or a face crop (videoframes.h)
        auto decoded = readImageRgb(path.toStdString());
        loaded.image = decoded ? toQImage(decoded.value()).convertToFormat(QImage::Format_RGB32) : QImage();
        if (loaded.image.width() > 1024 || loaded.image.height() > 1024)
            loaded.image = loaded.image.scaled(1024, 1024, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    } else {
        QImageReader reader(path);
        reader.setAutoTransform(false); // as the models see it: Pillow ignores EXIF orientation
        const QSize size = reader.size();
        if (size.isValid() && (size.width() > 1024 || size.height() > 1024))
            reader.setScaledSize(size.scaled(1024, 1024, Qt::KeepAspectRatio));
        loaded.image = reader.read().convertToFormat(QImage::Format_RGB32);
    }
    if (!annotation.isEmpty()) {
        QImage mask(annotation);
        if (!mask.isNull()) {
            if (mask.width() > 256 || mask.height() > 256)
                mask = mask.scaled(256, 256, Qt::KeepAspectRatio, Qt::FastTransformation);
            mask = mask.convertToFormat(QImage::Format_Grayscale8);
            std::vector<unsigned char> pixels(std::size_t(mask.width()) * mask.height());
            for (int row = 0; row < mask.height(); ++row)
                std::copy_n(mask.constScanLine(row), mask.width(), pixels.begin() + std::ptrdiff_t(row) * mask.width());
            loaded.outline = isoLine(pixels.data(), mask.width(), mask.height(), 127.5);
        }
    }
    return loaded;
}

} // namespace

SalienceViewerWidget::SalienceViewerWidget(ProjectSession* session, MapService* maps, ImageListModel* images,
                                           QWidget* parent)
    : QWidget(parent), m_session(session), m_maps(maps), m_images(images)
{
    setFocusPolicy(Qt::StrongFocus);
    createControls();
    connect(m_maps, &MapService::mapReady, this, &SalienceViewerWidget::mapReady);
    connect(m_maps, &MapService::mapFailed, this, &SalienceViewerWidget::mapFailed);
    connect(m_images, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        if (m_row >= from.row() && m_row <= to.row())
            updateCaptions();
    });
    connect(m_images, &QAbstractItemModel::modelReset, this, [this]() { showImage(-1); });
    reloadModels();
}

void SalienceViewerWidget::createControls()
{
    QSettings settings;
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 2);
    m_colormap = new QComboBox(this);
    m_colormap->addItems(Colormap::names());
    m_colormap->setCurrentText(settings.value(QStringLiteral("viewer/colormap"), QStringLiteral("jet")).toString());
    m_colormap->setToolTip(tr("Colormap of the salience maps"));
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(settings.value(QStringLiteral("viewer/opacity"), 50).toInt());
    m_opacity->setFixedWidth(120);
    m_opacity->setToolTip(tr("Opacity of the maps"));
    m_upscaled = new QCheckBox(tr("Upscaled"), this);
    m_upscaled->setToolTip(tr("Show the bicubic upscaled map instead of the small map's cells"));
    m_upscaled->setChecked(settings.value(QStringLiteral("viewer/upscaled"), false).toBool());
    m_contours = new QCheckBox(tr("Contours"), this);
    m_contours->setChecked(settings.value(QStringLiteral("viewer/contours"), false).toBool());
    m_annotation = new QCheckBox(tr("Annotation"), this);
    m_annotation->setToolTip(tr("Outline the human annotation, when the image has one"));
    m_annotation->setChecked(settings.value(QStringLiteral("viewer/annotation"), true).toBool());
    m_sync = new QCheckBox(tr("Sync zoom"), this);
    m_sync->setToolTip(tr("Zoom and pan every pane together"));
    m_sync->setChecked(settings.value(QStringLiteral("viewer/sync"), true).toBool());
    m_columns = new QComboBox(this);
    m_columns->addItem(tr("Auto"), 0);
    for (int columns = 1; columns <= 6; ++columns)
        m_columns->addItem(tr("%n column(s)", nullptr, columns), columns);
    m_columns->setCurrentIndex(std::max(0, m_columns->findData(settings.value(QStringLiteral("viewer/columns"), 0))));
    m_addPane = new QToolButton(this);
    m_addPane->setObjectName(QStringLiteral("AddPane"));
    m_addPane->setText(tr("Add pane"));
    m_addPane->setToolTip(tr("Add a pane: show a model under another salience method, side by side"));
    for (QWidget* control : std::initializer_list<QWidget*>{m_colormap, m_opacity, m_upscaled, m_contours, m_annotation,
                                                            m_sync, m_columns, m_addPane})
        control->setFocusPolicy(Qt::NoFocus);
    bar->addWidget(new QLabel(tr("Colormap"), this));
    bar->addWidget(m_colormap);
    bar->addSpacing(8);
    bar->addWidget(new QLabel(tr("Opacity"), this));
    bar->addWidget(m_opacity);
    bar->addSpacing(8);
    bar->addWidget(m_upscaled);
    bar->addWidget(m_contours);
    bar->addWidget(m_annotation);
    bar->addWidget(m_sync);
    bar->addStretch(1);
    bar->addWidget(m_columns);
    bar->addWidget(m_addPane);

    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_title->setContentsMargins(8, 0, 8, 0);
    m_grid = new QWidget(this);
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(4, 4, 4, 4);
    m_gridLayout->setSpacing(4);
    m_empty = new QLabel(tr("Add a model (Models dock) to see its salience maps here."), m_grid);
    m_empty->setAlignment(Qt::AlignCenter);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_title);
    layout->addWidget(m_grid, 1);

    connect(m_colormap, &QComboBox::currentTextChanged, this, &SalienceViewerWidget::styleChanged);
    connect(m_opacity, &QSlider::valueChanged, this, &SalienceViewerWidget::styleChanged);
    for (QCheckBox* box : {m_upscaled, m_contours, m_annotation, m_sync})
        connect(box, &QCheckBox::toggled, this, &SalienceViewerWidget::styleChanged);
    connect(m_addPane, &QToolButton::clicked, this, [this]() { addPane(); });
    connect(m_columns, &QComboBox::currentIndexChanged, this, [this]() {
        QSettings().setValue(QStringLiteral("viewer/columns"), m_columns->currentData());
        relayout();
    });
    styleChanged();
}

void SalienceViewerWidget::styleChanged()
{
    m_style.colormap = Colormap::named(m_colormap->currentText());
    m_style.opacity = m_opacity->value() / 100.0;
    m_style.upscaled = m_upscaled->isChecked();
    m_style.contours = m_contours->isChecked();
    m_style.annotation = m_annotation->isChecked();
    QSettings settings;
    settings.setValue(QStringLiteral("viewer/colormap"), m_style.colormap.name());
    settings.setValue(QStringLiteral("viewer/opacity"), m_opacity->value());
    settings.setValue(QStringLiteral("viewer/upscaled"), m_style.upscaled);
    settings.setValue(QStringLiteral("viewer/contours"), m_style.contours);
    settings.setValue(QStringLiteral("viewer/annotation"), m_style.annotation);
    settings.setValue(QStringLiteral("viewer/sync"), m_sync->isChecked());
    for (const Pane& pane : m_panes)
        pane.pane->setStyle(m_style);
}

void SalienceViewerWidget::reloadModels()
{
    for (const Pane& pane : m_panes)
        delete pane.frame;
    m_panes.clear();
    const auto& models = m_session->models();
    auto byName = [&](const QString& name) -> const ModelInfo* {
        for (const auto& model : models)
            if (model.name == name)
                return &model;
        return nullptr;
    };
    // The project's saved panes, then a Grad-CAM pane for each model added since they were saved.
    QStringList known;
    if (const QString key = layoutKey(); !key.isEmpty()) {
        QSettings settings;
        known = settings.value(key + QStringLiteral("/models")).toStringList();
        for (const QString& entry : settings.value(key + QStringLiteral("/panes")).toStringList()) {
            const QStringList parts = entry.split(QLatin1Char('\t'));
            const ModelInfo* model = parts.size() == 2 ? byName(parts[0]) : nullptr;
            const auto method = parts.size() == 2 ? engine::parseCamMethod(parts[1].toStdString()) : std::nullopt;
            if (model && method && int(m_panes.size()) < MaxPanes)
                appendPane(model->id, *method);
        }
    }
    const bool saved = !m_panes.empty();
    for (const auto& model : models)
        if ((!saved || !known.contains(model.name)) && int(m_panes.size()) < MaxPanes
            && std::none_of(m_panes.begin(), m_panes.end(), [&](const Pane& pane) { return pane.modelId == model.id; }))
            appendPane(model.id, engine::CamMethod::GradCam);
    if (!saved && models.size() > std::size_t(MaxPanes))
        m_session->warning(tr("The viewer shows the first %1 of %2 models").arg(MaxPanes).arg(models.size()));
    updateRemoveButtons();
    relayout();
    const int row = m_row;
    m_row = -2;
    showImage(row);
}

void SalienceViewerWidget::appendPane(std::int64_t modelId, engine::CamMethod method)
{
    const ModelInfo* info = m_session->model(modelId);
    Pane pane;
    pane.modelId = modelId;
    pane.method = method;
    pane.inputSize = info ? std::make_pair(info->metadata.inputWidth, info->metadata.inputHeight)
                          : std::make_pair(0, 0);
    pane.mapEntropy = std::nan("");
    pane.frame = new QWidget(m_grid);
    pane.modelBox = new QComboBox(pane.frame);
    pane.modelBox->setObjectName(QStringLiteral("PaneModel"));
    pane.modelBox->setToolTip(tr("The model this pane shows"));
    for (const auto& model : m_session->models())
        pane.modelBox->addItem(model.name, QVariant::fromValue<qlonglong>(model.id));
    pane.modelBox->setCurrentIndex(std::max(0, pane.modelBox->findData(QVariant::fromValue<qlonglong>(modelId))));
    pane.methodBox = new QComboBox(pane.frame);
    pane.methodBox->setObjectName(QStringLiteral("PaneMethod"));
    pane.methodBox->setToolTip(tr("The salience method of this pane's map"));
    for (engine::CamMethod each : engine::allCamMethods())
        pane.methodBox->addItem(QString::fromLatin1(engine::camMethodTitle(each)), int(each));
    pane.methodBox->setCurrentIndex(std::max(0, pane.methodBox->findData(int(method))));
    pane.remove = new QToolButton(pane.frame);
    pane.remove->setObjectName(QStringLiteral("RemovePane"));
    pane.remove->setText(QStringLiteral("\u2715"));
    pane.remove->setAutoRaise(true);
    pane.remove->setToolTip(tr("Remove this pane"));
    pane.pane = new SaliencePaneWidget(pane.frame);
    pane.pane->setStyle(m_style);
    PaneCaption caption;
    caption.modelName = info ? info->name : QString();
    caption.method = QString::fromLatin1(engine::camMethodTitle(method));
    pane.pane->setCaption(caption);
    for (QWidget* control : std::initializer_list<QWidget*>{pane.modelBox, pane.methodBox, pane.remove})
        control->setFocusPolicy(Qt::NoFocus);
    // The choices shrink with the pane (their text elided) instead of widening the window: with
    // many panes their full names would push the window past the screen.
    for (QComboBox* box : {pane.modelBox, pane.methodBox}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(3);
        box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    }
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(4);
    bar->addWidget(pane.modelBox, 3);
    bar->addWidget(pane.methodBox, 2);
    bar->addWidget(pane.remove);
    auto* layout = new QVBoxLayout(pane.frame);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(pane.pane, 1);
    QWidget* frame = pane.frame;
    SaliencePaneWidget* widget = pane.pane;
    connect(pane.modelBox, &QComboBox::currentIndexChanged, this, [this, frame]() { paneChoiceChanged(frame); });
    connect(pane.methodBox, &QComboBox::currentIndexChanged, this, [this, frame]() { paneChoiceChanged(frame); });
    connect(pane.remove, &QToolButton::clicked, this, [this, frame]() {
        for (std::size_t i = 0; i < m_panes.size(); ++i)
            if (m_panes[i].frame == frame) {
                removePane(int(i));
                return;
            }
    });
    connect(widget, &SaliencePaneWidget::viewChanged, this,
            [this, widget](double zoom, QPointF center) { paneViewChanged(widget, zoom, center); });
    m_panes.push_back(pane);
}

void SalienceViewerWidget::setPaneChoice(int index, std::int64_t modelId, engine::CamMethod method)
{
    if (index < 0 || index >= paneCount())
        return;
    const Pane& pane = m_panes[std::size_t(index)];
    if (const int row = pane.modelBox->findData(QVariant::fromValue<qlonglong>(modelId)); row >= 0)
        pane.modelBox->setCurrentIndex(row);
    if (const int row = pane.methodBox->findData(int(method)); row >= 0)
        pane.methodBox->setCurrentIndex(row);
}

bool SalienceViewerWidget::addPane()
{
    if (paneCount() >= MaxPanes || m_session->models().empty())
        return false;
    const std::int64_t modelId = m_panes.empty() ? m_session->models().front().id : m_panes.back().modelId;
    engine::CamMethod method = engine::CamMethod::GradCam;
    for (engine::CamMethod each : engine::allCamMethods())
        if (std::none_of(m_panes.begin(), m_panes.end(),
                         [&](const Pane& pane) { return pane.modelId == modelId && pane.method == each; })) {
            method = each;
            break;
        }
    appendPane(modelId, method);
    updateRemoveButtons();
    relayout();
    m_panes.back().pane->setView(m_panes.front().pane->zoom(), m_panes.front().pane->center());
    requestMap(m_panes.size() - 1);
    updateCaptions();
    saveLayout();
    return true;
}

void SalienceViewerWidget::removePane(int index)
{
    if (index < 0 || index >= paneCount() || paneCount() == 1)
        return;
    m_panes[std::size_t(index)].frame->hide();
    m_panes[std::size_t(index)].frame->deleteLater();
    m_panes.erase(m_panes.begin() + index);
    updateRemoveButtons();
    relayout();
    saveLayout();
}

void SalienceViewerWidget::updateRemoveButtons()
{
    for (const Pane& pane : m_panes)
        pane.remove->setEnabled(m_panes.size() > 1);
    m_addPane->setEnabled(paneCount() < MaxPanes && !m_session->models().empty());
}

void SalienceViewerWidget::paneChoiceChanged(QWidget* frame)
{
    for (std::size_t i = 0; i < m_panes.size(); ++i) {
        Pane& pane = m_panes[i];
        if (pane.frame != frame)
            continue;
        pane.modelId = pane.modelBox->currentData().toLongLong();
        pane.method = engine::CamMethod(pane.methodBox->currentData().toInt());
        const ModelInfo* info = m_session->model(pane.modelId);
        pane.inputSize = info ? std::make_pair(info->metadata.inputWidth, info->metadata.inputHeight)
                              : std::make_pair(0, 0);
        pane.mapEntropy = std::nan("");
        requestMap(i);
        updateCaptions();
        saveLayout();
        return;
    }
}

void SalienceViewerWidget::requestMap(std::size_t index)
{
    Pane& pane = m_panes[index];
    if (m_row < 0 || m_hash.isEmpty()) {
        pane.pane->setMapState(SaliencePaneWidget::MapState::None);
        return;
    }
    if (!m_problem.isEmpty()) {
        pane.pane->setMapState(SaliencePaneWidget::MapState::Failed, m_problem);
        return;
    }
    if (auto stored = m_maps->request(pane.modelId, m_path, m_hash, pane.method))
        mapReady(*stored);
    else
        pane.pane->setMapState(SaliencePaneWidget::MapState::Pending);
}

QString SalienceViewerWidget::layoutKey() const
{
    if (!m_session->isOpen())
        return {};
    const QByteArray digest =
        QCryptographicHash::hash(m_session->path().toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QStringLiteral("viewer/panes/") + QString::fromLatin1(digest);
}

void SalienceViewerWidget::saveLayout() const
{
    const QString key = layoutKey();
    if (key.isEmpty())
        return;
    QStringList panes;
    for (const Pane& pane : m_panes)
        if (const ModelInfo* model = m_session->model(pane.modelId))
            panes << model->name + QLatin1Char('\t') + QString::fromLatin1(engine::camMethodName(pane.method));
    QStringList models;
    for (const auto& model : m_session->models())
        models << model.name;
    QSettings settings;
    settings.setValue(key + QStringLiteral("/panes"), panes);
    settings.setValue(key + QStringLiteral("/models"), models);
}

void SalienceViewerWidget::relayout()
{
    while (m_gridLayout->count() > 0)
        delete m_gridLayout->takeAt(0);
    const int count = int(m_panes.size());
    int columns = m_columns->currentData().toInt();
    if (columns <= 0)
        columns = count <= 3 ? std::max(1, count) : int(std::ceil(std::sqrt(double(count))));
    for (int i = 0; i < count; ++i)
        m_gridLayout->addWidget(m_panes[std::size_t(i)].frame, i / columns, i % columns);
    m_empty->setVisible(count == 0);
    if (count == 0)
        m_gridLayout->addWidget(m_empty, 0, 0);
}

void SalienceViewerWidget::showImage(int row, const QString& position)
{
    if (row >= m_images->rowCount())
        row = -1;
    if (row == m_row && position.isEmpty())
        return;
    const bool sameImage = row == m_row;
    m_row = row;
    if (row < 0) {
        m_hash.clear();
        m_path.clear();
        m_problem.clear();
        m_title->setText(m_session->isOpen() ? tr("<i>No image selected</i>")
                                             : tr("<i>Open a project (File menu)</i>"));
        for (const Pane& pane : m_panes) {
            pane.pane->setImage({});
            pane.pane->setAnnotationOutline({});
            pane.pane->setMapState(SaliencePaneWidget::MapState::None);
        }
        updateCaptions();
        return;
    }
    const ImageEntry& image = m_images->table().images[std::size_t(row)];
    m_title->setText(tr("<b>%1</b> &nbsp; true class: <b>%2</b> &nbsp; <span style='color:gray'>%3</span>")
                         .arg(image.fileName.toHtmlEscaped(),
                              image.label < 0 ? tr("unknown") : m_images->className(image.label).toHtmlEscaped(),
                              position.toHtmlEscaped()));
    if (sameImage)
        return;
    m_hash = image.hash;
    m_path = image.path;
    m_problem = image.problem;
    for (Pane& pane : m_panes)
        pane.mapEntropy = std::nan("");
    updateCaptions();

    // The picture and its annotation load on a worker; stale results are dropped.
    const std::uint64_t generation = ++m_generation;
    auto* watcher = new QFutureWatcher<LoadedImage>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const LoadedImage loaded = watcher->result();
        for (const Pane& pane : m_panes) {
            pane.pane->setImage(loaded.image);
            pane.pane->setAnnotationOutline(loaded.outline);
        }
    });
    watcher->setFuture(QtConcurrent::run(loadImage, image.path, image.annotation));

    if (m_problem.isEmpty())
        m_maps->cancelPending();
    for (std::size_t i = 0; i < m_panes.size(); ++i)
        requestMap(i);
}

void SalienceViewerWidget::updateCaptions()
{
    for (Pane& pane : m_panes) {
        const ModelInfo* model = m_session->model(pane.modelId);
        PaneCaption caption;
        caption.modelName = model ? model->name : QString();
        caption.method = QString::fromLatin1(engine::camMethodTitle(pane.method));
        if (m_row >= 0 && model) {
            const ImageTable& table = m_images->table();
            const int column = table.modelIndex(model->name);
            if (column >= 0) {
                // The prediction is the model's under every method; the stored entropy is of its Grad-CAM map.
                const auto& data = table.models[std::size_t(column)];
                const auto at = std::size_t(m_row);
                caption.score = data.score[at];
                caption.prediction = data.predicted[at] < 0 ? QString() : m_images->className(data.predicted[at]);
                caption.correct = data.correct[at];
                if (pane.method == engine::CamMethod::GradCam)
                    caption.entropy = data.entropy[at];
            }
            if (std::isnan(caption.entropy))
                caption.entropy = pane.mapEntropy;
        }
        pane.pane->setCaption(caption);
    }
}

void SalienceViewerWidget::mapReady(const MapResult& result)
{
    if (result.imageHash != m_hash || m_row < 0)
        return;
    for (Pane& pane : m_panes) {
        if (pane.modelId != result.modelId || pane.method != result.method)
            continue;
        pane.pane->setMap(result.map, pane.inputSize.first, pane.inputSize.second);
        pane.mapEntropy = engine::histogramEntropy(result.map).normalized;
        if (result.method != engine::CamMethod::GradCam)
            continue; // the image list's entropy is the Grad-CAM map's
        const ModelInfo* model = m_session->model(result.modelId);
        const int column = model ? m_images->table().modelIndex(model->name) : -1;
        if (result.computed && column >= 0
            && std::isnan(m_images->table().models[std::size_t(column)].score[std::size_t(m_row)]))
            m_images->setComputedResult(m_row, column, result.score, result.predicted, pane.mapEntropy);
    }
    updateCaptions();
}

void SalienceViewerWidget::mapFailed(std::int64_t modelId, const QString& hash, engine::CamMethod method,
                                     const QString& error)
{
    const ModelInfo* model = m_session->model(modelId);
    m_session->error(tr("%1 map of %2 by %3 failed: %4")
                         .arg(QString::fromLatin1(engine::camMethodTitle(method)), hash,
                              model ? model->name : QString::number(modelId), error));
    if (hash != m_hash)
        return;
    for (const Pane& pane : m_panes)
        if (pane.modelId == modelId && pane.method == method)
            pane.pane->setMapState(SaliencePaneWidget::MapState::Failed, error);
}

void SalienceViewerWidget::paneViewChanged(SaliencePaneWidget* source, double zoom, QPointF center)
{
    if (!m_sync->isChecked())
        return;
    for (const Pane& pane : m_panes)
        if (pane.pane != source)
            pane.pane->setView(zoom, center);
}

void SalienceViewerWidget::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up: emit navigateRequested(-1); break;
    case Qt::Key_Right:
    case Qt::Key_Down: emit navigateRequested(1); break;
    case Qt::Key_PageUp: emit navigateRequested(-10); break;
    case Qt::Key_PageDown: emit navigateRequested(10); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace saliscope::ui
