// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/preview/measurepreviewwidget.h"

#include "core/cam/mapmaker.h"
#include "core/dataset/imageio.h"
#include "core/engine/imageops.h"
#include "core/engine/model.h"
#include "core/measures/measurerunner.h"
#include "core/project/jobwatch.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"
#include "ui/preview/measurepreviewcell.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace saliscope::ui {

namespace {

/// The row a transformation belongs to, the same for every input size ("shift:-1,1" by sign).
std::string transformRowKey(const engine::Transform& transform)
{
    if (transform.kind != engine::TransformKind::Shift)
        return engine::transformName(transform);
    auto sign = [](int value) { return value < 0 ? -1 : value > 0 ? 1 : 0; };
    return "shift:" + std::to_string(sign(transform.dx)) + "," + std::to_string(sign(transform.dy));
}

QString number(double value, int decimals = 3)
{
    if (std::isnan(value))
        return QStringLiteral("\u2013");
    const double half = 0.5 * std::pow(10.0, -decimals);
    return QString::number(std::abs(value) < half ? 0.0 : value, 'f', decimals); // no "-0.000"
}

} // namespace

MeasurePreviewWidget::MeasurePreviewWidget(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_cache(std::make_shared<ModelCache>())
{
    m_measureBox = new QComboBox(this);
    m_measureBox->addItem(tr("Noise (b)"), int(MeasureKind::Noise));
    m_measureBox->addItem(tr("Transformations (c)"), int(MeasureKind::Transforms));
    m_measureBox->addItem(tr("Degradation (e)"), int(MeasureKind::Degradation));
    m_measureBox->addItem(tr("Sanity checks"), int(MeasureKind::Sanity));
    m_measureBox->setToolTip(tr("The measure whose variants of the image are computed and shown"));
    const int saved = QSettings().value(QStringLiteral("preview/measure"), int(MeasureKind::Noise)).toInt();
    m_measureBox->setCurrentIndex(std::max(0, m_measureBox->findData(saved)));
    m_measure = MeasureKind(m_measureBox->currentData().toInt());
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::RichText);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 2);
    bar->addWidget(new QLabel(tr("Measure"), this));
    bar->addWidget(m_measureBox);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);

    m_grid = new QWidget;
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(4, 4, 4, 4);
    m_gridLayout->setSpacing(4);
    m_gridLayout->setSizeConstraint(QLayout::SetMinAndMaxSize);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_grid);
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);

    connect(m_measureBox, &QComboBox::currentIndexChanged, this, [this]() {
        QSettings().setValue(QStringLiteral("preview/measure"), m_measureBox->currentData());
        setMeasure(MeasureKind(m_measureBox->currentData().toInt()));
    });
    connect(session, &ProjectSession::modelsChanged, this, &MeasurePreviewWidget::modelsChanged);
    connect(session, &ProjectSession::projectChanged, this, [this]() {
        m_cache = std::make_shared<ModelCache>();
        m_selected.clear();
        clearImage();
    });
    restart();
}

MeasurePreviewWidget::~MeasurePreviewWidget() { cancelJobs(); }

void MeasurePreviewWidget::setImage(const ImageEntry& image, std::int64_t datasetId)
{
    if (image.path == m_image.path && image.hash == m_image.hash && datasetId == m_datasetId)
        return;
    m_image = image;
    m_datasetId = datasetId;
    restart();
}

void MeasurePreviewWidget::clearImage()
{
    m_image = {};
    m_datasetId = 0;
    restart();
}

void MeasurePreviewWidget::setModelIds(const std::vector<std::int64_t>& ids)
{
    if (ids == m_selected)
        return;
    m_selected = ids;
    restart();
}

void MeasurePreviewWidget::setMeasure(MeasureKind kind)
{
    if (!isPreviewMeasure(kind) || kind == m_measure)
        return;
    m_measure = kind;
    const int index = m_measureBox->findData(int(kind));
    if (index != m_measureBox->currentIndex())
        m_measureBox->setCurrentIndex(index);
    restart();
}

void MeasurePreviewWidget::modelsChanged()
{
    // Edited metadata or a CAM layer makes a new model: load every model again.
    m_cache = std::make_shared<ModelCache>();
    std::vector<std::int64_t> kept;
    for (auto id : m_selected)
        if (m_session->model(id))
            kept.push_back(id);
    m_selected = kept;
    restart();
}

MeasurePreviewCell* MeasurePreviewWidget::cell(int row, int column) const
{
    return m_cells[std::size_t(row)][std::size_t(column)];
}

QString MeasurePreviewWidget::rowTitle(int row) const { return m_rowTitles[std::size_t(row)]; }

const PreviewColumn* MeasurePreviewWidget::result(int column) const
{
    return m_columns[std::size_t(column)].result.get();
}

bool MeasurePreviewWidget::isComplete() const
{
    for (const auto& column : m_columns)
        if (!column.done)
            return false;
    return true;
}

void MeasurePreviewWidget::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_startWhenShown)
        startPendingColumns();
}

void MeasurePreviewWidget::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    if (isComplete())
        return;
    // The finished columns stay; the others start again when the preview is shown.
    ++m_generation;
    cancelJobs();
    for (auto& column : m_columns)
        column.job = 0;
    m_startWhenShown = true;
}

void MeasurePreviewWidget::cancelJobs()
{
    for (auto& column : m_columns)
        if (column.job != 0 && !column.done)
            m_session->computeJobs().cancel(column.job);
}

void MeasurePreviewWidget::restart()
{
    ++m_generation;
    cancelJobs();
    m_columns.clear();
    // The columns: the chosen models, else the project's first ones.
    std::vector<std::int64_t> ids = m_selected;
    if (ids.empty())
        for (const auto& model : m_session->models())
            ids.push_back(model.id);
    if (ids.size() > std::size_t(MaxModels))
        ids.resize(std::size_t(MaxModels));
    for (auto id : ids) {
        const ModelInfo* info = m_session->model(id);
        if (!info)
            continue;
        Column column;
        column.modelId = id;
        column.name = info->name;
        column.classNames = info->metadata.classNames;
        column.width = info->metadata.inputWidth;
        m_columns.push_back(std::move(column));
    }
    // The rows: the clean image, then the measure's variants, as the project's runs made them.
    m_settings = m_session->store() ? previewSettings(*m_session->store(), m_measure) : MeasureSettings{};
    m_rowKeys = {std::string()};
    m_rowTitles = {tr("clean")};
    if (m_measure == MeasureKind::Noise) {
        for (double level : m_settings.noise.levels) {
            m_rowKeys.push_back(QString::number(level, 'g', 12).toStdString());
            m_rowTitles.push_back(tr("noise %1").arg(level));
        }
    } else if (m_measure == MeasureKind::Transforms) {
        for (const auto& transform :
             engine::standardTransforms(m_settings.transforms.referenceSize, m_settings.transforms)) {
            m_rowKeys.push_back(transformRowKey(transform));
            switch (transform.kind) {
            case engine::TransformKind::FlipLeftRight: m_rowTitles.push_back(tr("flip left\u2013right")); break;
            case engine::TransformKind::FlipTopBottom: m_rowTitles.push_back(tr("flip top–bottom")); break;
            case engine::TransformKind::Rotate90Clockwise:
                m_rowTitles.push_back(tr("rotate 90\u00b0 clockwise"));
                break;
            case engine::TransformKind::Rotate90CounterClockwise:
                m_rowTitles.push_back(tr("rotate 90\u00b0 counter-clockwise"));
                break;
            case engine::TransformKind::Shift: {
                const QString x = transform.dx < 0 ? tr("left") : transform.dx > 0 ? tr("right") : QString();
                const QString y = transform.dy < 0 ? tr("up") : transform.dy > 0 ? tr("down") : QString();
                m_rowTitles.push_back(tr("shift %1").arg(QStringList({y, x}).join(QLatin1Char(' ')).trimmed()));
                break;
            }
            }
        }
    } else if (m_measure == MeasureKind::Sanity) {
        for (int step = 1; step <= m_settings.sanity.steps; ++step) {
            m_rowKeys.push_back(std::to_string(step));
            m_rowTitles.push_back(tr("randomised to step %1").arg(step));
        }
        m_rowKeys.push_back("logit");
        m_rowTitles.push_back(tr("random logit (another class)"));
    } else {
        m_rowKeys.insert(m_rowKeys.end(), {"background", "object"});
        m_rowTitles.push_back(tr("blur background"));
        m_rowTitles.push_back(tr("blur object"));
    }
    rebuildGrid();
    startPendingColumns();
}

void MeasurePreviewWidget::startPendingColumns()
{
    const bool ready = m_session->isOpen() && !m_image.path.isEmpty() && !m_columns.empty();
    m_startWhenShown = ready && !isVisible();
    if (m_startWhenShown) { // computed when shown
        updateStatus();
        return;
    }
    if (!ready || !m_image.problem.isEmpty()) {
        for (auto& column : m_columns)
            column.done = true;
        for (auto& row : m_cells)
            for (auto* cell : row)
                cell->setFailed(m_image.problem.isEmpty() ? tr("no image") : m_image.problem);
        updateStatus();
        return;
    }
    std::string location;
    for (const auto& dataset : m_session->datasets())
        if (dataset.id == m_datasetId)
            location = dataset.location;
    const std::uint64_t noiseKey = previewNoiseKey(m_image.path.toStdString(), location);
    const std::uint64_t generation = m_generation;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        if (m_columns[c].done)
            continue;
        const ModelInfo* info = m_session->model(m_columns[c].modelId);
        if (!info) { // removed from the project meanwhile; the models' change restarts the preview
            m_columns[c].done = true;
            continue;
        }
        const std::string modelPath = info->stored.path;
        const std::string layer = info->stored.camLayer;
        const engine::ModelMetadata metadata = info->metadata;
        const std::string imagePath = m_image.path.toStdString();
        const int label = m_image.label;
        const MeasureKind kind = m_measure;
        const MeasureSettings settings = m_settings;
        auto cache = m_cache;
        m_columns[c].job = submitJob<PreviewColumn>(
            m_session->computeJobs(), this, "preview " + imagePath,
            [=](ProgressSink&, const CancelToken& cancel) -> Result<PreviewColumn> {
                if (cancel.isCancelled())
                    return Error::cancelled();
                engine::ModelLoadOptions options;
                options.layer = layer;
                options.metadata = metadata;
                auto model = cache->get(modelPath, options);
                if (!model)
                    return model.failure();
                const auto& loaded = *model.value();
                auto input = readModelInput(imagePath, loaded.metadata().inputWidth, loaded.metadata().inputHeight);
                if (!input)
                    return input.failure();
                return computePreviewColumn(loaded, input.value(), label, noiseKey, kind, settings, cancel);
            },
            [this, generation, c](Result<PreviewColumn> result) { columnReady(generation, c, std::move(result)); });
    }
    updateStatus();
}

void MeasurePreviewWidget::rebuildGrid()
{
    while (m_gridLayout->count() > 0) {
        auto* item = m_gridLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    m_cells.assign(m_rowKeys.size(), {});
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        auto* header = new QLabel(QStringLiteral("<b>%1</b>").arg(m_columns[c].name.toHtmlEscaped()), m_grid);
        header->setAlignment(Qt::AlignCenter);
        m_gridLayout->addWidget(header, 0, int(c) + 1);
    }
    for (std::size_t r = 0; r < m_rowKeys.size(); ++r) {
        auto* title = new QLabel(m_rowTitles[r], m_grid);
        title->setWordWrap(true);
        title->setFixedWidth(110);
        m_gridLayout->addWidget(title, int(r) + 1, 0);
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            auto* cell = new MeasurePreviewCell(m_grid);
            cell->setPending();
            m_cells[r].push_back(cell);
            m_gridLayout->addWidget(cell, int(r) + 1, int(c) + 1);
        }
    }
    if (m_columns.empty()) {
        auto* empty = new QLabel(tr("Add a model (Models dock) to see what the measures do to its maps."), m_grid);
        m_gridLayout->addWidget(empty, 0, 0);
    }
    m_grid->adjustSize();
}

int MeasurePreviewWidget::rowOf(const std::string& variant) const
{
    std::string key = variant;
    if (m_measure == MeasureKind::Transforms) {
        if (auto transform = engine::parseTransform(variant))
            key = transformRowKey(transform.value());
    }
    for (std::size_t r = 0; r < m_rowKeys.size(); ++r)
        if (m_rowKeys[r] == key)
            return int(r);
    return -1;
}

void MeasurePreviewWidget::columnReady(std::uint64_t generation, std::size_t column, Result<PreviewColumn> result)
{
    if (generation != m_generation || column >= m_columns.size())
        return;
    Column& entry = m_columns[column];
    entry.done = true;
    if (!result) {
        if (!result.isCancelled())
            m_session->error(tr("Measure preview of %1 by %2 failed: %3")
                                 .arg(m_image.fileName, entry.name, QString::fromStdString(result.error())));
        for (auto& row : m_cells)
            row[column]->setFailed(QString::fromStdString(result.error()));
    } else {
        entry.result = std::make_shared<PreviewColumn>(std::move(result).value());
        const PreviewColumn& computed = *entry.result;
        fillCell(0, column, computed.clean, computed.clean);
        std::vector<bool> filled(m_rowKeys.size(), false);
        filled[0] = true;
        for (const auto& cell : computed.variants) {
            const int row = rowOf(cell.variant);
            if (row < 0)
                continue;
            fillCell(row, column, cell, computed.clean);
            filled[std::size_t(row)] = true;
        }
        for (std::size_t r = 0; r < filled.size(); ++r)
            if (!filled[r])
                m_cells[r][column]->setFailed(tr("not applied to a non-square input"));
    }
    updateStatus();
    if (isComplete())
        emit previewFinished();
}

void MeasurePreviewWidget::fillCell(int row, std::size_t column, const PreviewCell& cell, const PreviewCell& clean)
{
    const Column& entry = m_columns[column];
    const QString predicted = cell.predicted >= 0 && std::size_t(cell.predicted) < entry.classNames.size()
        ? QString::fromStdString(entry.classNames[std::size_t(cell.predicted)])
        : QString::number(cell.predicted);
    const QString correct = m_image.label < 0 ? QString()
        : cell.predicted == m_image.label     ? QStringLiteral(" \u2713")
                                              : QStringLiteral(" \u2717");
    const QString first = tr("score %1 \u00b7 %2%3").arg(number(cell.score), predicted, correct);
    QString second;
    const auto& v = cell.values;
    if (cell.variant.empty() && &cell == &clean) {
        second = tr("entropy %1").arg(number(v.at(0)));
    } else {
        // the measure's values by column name (measureColumns), as its Measure made the row
        const auto& names = measureColumns(m_measure);
        auto value = [&](const char* column) {
            const auto found = std::find(names.begin(), names.end(), column);
            const auto index = std::size_t(found - names.begin());
            return index < v.size() ? v[index] : std::numeric_limits<double>::quiet_NaN();
        };
        if (m_measure == MeasureKind::Noise)
            second = tr("SSIM %1  H %2").arg(number(value("ssim_upscaled")), number(value("normalized_entropy")));
        else if (m_measure == MeasureKind::Transforms)
            second = tr("SSIM %1").arg(number(value("ssim_upscaled")))
                + (value("prediction_changed") > 0.5 ? tr("  changed") : QString());
        else if (m_measure == MeasureKind::Sanity) // rho: Spearman's rank correlation (the tooltip names it)
            second = tr("\u03c1 %1  SSIM %2").arg(number(value("spearman")), number(value("ssim_small")));
        else
            second = tr("drop %1  SSIM %2").arg(number(value("confidence_drop")), number(value("ssim_upscaled")));
    }
    if (cell.flat)
        second += tr("  flat");
    QString tip = tr("%1 on %2, %3")
                      .arg(entry.name, m_image.fileName,
                           cell.variant.empty() ? tr("clean") : QString::fromStdString(cell.variant));
    if (!cell.variant.empty()) {
        const auto& columns = measureColumns(m_measure);
        for (std::size_t i = 0; i < columns.size() && i < v.size(); ++i)
            tip += QStringLiteral("\n%1 = %2").arg(QString::fromStdString(columns[i]), number(v[i], 4));
    }
    QSettings settings;
    const Colormap colormap = Colormap::named(
        settings.value(QStringLiteral("viewer/colormap"), QStringLiteral("jet")).toString());
    const double opacity = settings.value(QStringLiteral("viewer/opacity"), 50).toInt() / 100.0;
    auto* target = m_cells[std::size_t(row)][column];
    target->setResult(cell.input, cell.map, colormap, opacity, first, second);
    target->setToolTip(tip);
}

void MeasurePreviewWidget::updateStatus()
{
    if (!m_session->isOpen()) {
        m_status->setText(tr("<i>Open a project (File menu)</i>"));
        return;
    }
    if (m_image.path.isEmpty()) {
        m_status->setText(tr("<i>No image selected</i>"));
        return;
    }
    int done = 0;
    for (const auto& column : m_columns)
        done += column.done ? 1 : 0;
    QString text = tr("<b>%1</b> &nbsp; %2 variants \u00d7 %3 models")
                       .arg(m_image.fileName.toHtmlEscaped())
                       .arg(int(m_rowKeys.size()) - 1)
                       .arg(m_columns.size());
    if (done < int(m_columns.size()))
        text += tr(" &nbsp; <span style='color:gray'>computing: %1 of %2 models done</span>")
                    .arg(done)
                    .arg(m_columns.size());
    m_status->setText(text);
}

} // namespace saliscope::ui
