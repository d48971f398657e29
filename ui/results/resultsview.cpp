// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/results/resultsview.h"

#include "ui/results/degradationchartview.h"
#include "ui/results/entropychartview.h"
#include "ui/results/faithfulnesschartview.h"
#include "ui/results/imageselection.h"
#include "core/project/measureresults.h"
#include "ui/results/localisationchartview.h"
#include "ui/results/noisechartview.h"
#include "ui/results/sanitychartview.h"
#include "ui/results/stabilitychartview.h"
#include "ui/results/transformchartview.h"
#include "ui/results/videotableview.h"
#include "core/project/jobwatch.h"
#include "core/engine/cammethod.h"
#include "core/project/projectsession.h"
#include "ui/report/methodsets.h"
#include "core/project/resultsexport.h"
#include "core/store/projectstore.h"
#include "ui/results/scorecardmodel.h"
#include "ui/results/scorecardwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace saliscope::ui {

namespace {
QString runSetKey(const RunSet& set)
{
    return QString::number(set.datasetId) + QLatin1Char('|') + QString::fromStdString(set.parametersJson);
}

engine::CamMethod methodOf(const RunSet& set) { return runSetMethod(set); }
} // namespace

ResultsView::ResultsView(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_selection(new ImageSelection(this)), m_runSets(new QComboBox(this)),
      m_groupBy(new QComboBox(this)), m_imageGroupLabel(new QLabel(tr("Group:"), this)),
      m_imageGroups(new QComboBox(this)), m_split(new QCheckBox(tr("Split by method"), this)),
      m_selectionLabel(new QLabel(this)), m_clear(new QPushButton(tr("Clear selection"), this)),
      m_export(new QPushButton(tr("Export CSV\u2026"), this)), m_scorecard(new ScorecardWidget(this)),
      m_tabs(new QTabWidget(this)), m_liveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("ResultsView"));
    m_runSets->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_groupBy->addItem(tr("Family"), true);
    m_groupBy->addItem(tr("Model"), false);
    m_selectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_selectionLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Results of:"), this));
    bar->addWidget(m_runSets);
    bar->addSpacing(12);
    m_imageGroups->setObjectName(QStringLiteral("ImageGroupChooser"));
    m_imageGroups->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_imageGroups->setToolTip(tr("Show the scorecard and charts of one group's images (manipulation method, "
                                 "generator or video), or of all of them"));
    m_imageGroupLabel->hide();
    m_imageGroups->hide(); // until a set's dataset has more than one group
    bar->addWidget(m_imageGroupLabel);
    bar->addWidget(m_imageGroups);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Series per:"), this));
    bar->addWidget(m_groupBy);
    bar->addSpacing(12);
    m_split->setToolTip(tr("Show the run sets of this dataset that differ only by salience method side by side: "
                           "a scorecard row per model and method; a sanity curve, a faithfulness curve and a "
                           "localisation bar per model and method"));
    m_split->setEnabled(false);
    bar->addWidget(m_split);
    bar->addStretch(1);
    m_export->setToolTip(tr("Write the per-image results of these runs as one CSV file per measure, with "
                            "summary.json, into a folder (the files saliscope-cli export writes)"));
    bar->addWidget(m_export);
    auto* selectionRow = new QHBoxLayout;
    selectionRow->addWidget(m_selectionLabel, 1);
    selectionRow->addWidget(m_clear);

    m_entropy = new EntropyChartView(m_selection, this);
    m_noise = new NoiseChartView(m_selection, this);
    m_transforms = new TransformChartView(m_selection, this);
    m_stability = new StabilityChartView(m_selection, this);
    m_degradation = new DegradationChartView(m_selection, this);
    m_sanity = new SanityChartView(m_selection, this);
    m_faithfulness = new FaithfulnessChartView(m_selection, this);
    m_localisation = new LocalisationChartView(m_selection, this);
    m_tabs->addTab(m_entropy, tr("Entropy"));
    m_tabs->addTab(m_noise, tr("Noise"));
    m_tabs->addTab(m_transforms, tr("Transformations"));
    m_tabs->addTab(m_stability, tr("Stability"));
    m_tabs->addTab(m_degradation, tr("Degradation"));
    m_tabs->addTab(m_sanity, tr("Sanity checks"));
    m_tabs->addTab(m_faithfulness, tr("Faithfulness curves"));
    m_tabs->addTab(m_localisation, tr("Localisation"));
    m_videos = new VideoTableView(m_selection, this);
    m_tabs->addTab(m_videos, tr("Videos"));
    m_tabs->setTabVisible(m_tabs->indexOf(m_videos), false); // until results have video frames

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_scorecard);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({300, 700});
    // Where the user puts the line between scorecard and charts is kept between sessions.
    splitter->setObjectName(QStringLiteral("ResultsSplitter"));
    splitter->restoreState(QSettings().value(QStringLiteral("results/splitter")).toByteArray());
    connect(splitter, &QSplitter::splitterMoved, this,
            [splitter]() { QSettings().setValue(QStringLiteral("results/splitter"), splitter->saveState()); });
    m_scorecard->view()->setMinimumHeight(50);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addLayout(selectionRow);
    layout->addWidget(splitter, 1);

    m_liveTimer->setSingleShot(true);
    m_liveTimer->setInterval(2000);
    connect(m_liveTimer, &QTimer::timeout, this, &ResultsView::reload);
    connect(m_runSets, &QComboBox::currentIndexChanged, this, [this]() {
        m_selection->clear();
        loadRunSet();
    });
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, &ResultsView::showResults);
    connect(m_imageGroups, &QComboBox::currentIndexChanged, this, &ResultsView::loadRunSet);
    connect(m_split, &QCheckBox::toggled, this, &ResultsView::loadRunSet);
    connect(m_clear, &QPushButton::clicked, m_selection, &ImageSelection::clear);
    connect(m_export, &QPushButton::clicked, this, &ResultsView::chooseExportFolder);
    connect(m_selection, &ImageSelection::changed, this, [this]() {
        updateSelectionLabel();
        const auto& images = m_selection->images();
        emit imagesSelected(m_selection->isActive(), m_selection->datasetId(),
                            std::vector<std::int64_t>(images.begin(), images.end()));
    });
    connect(m_scorecard, &ScorecardWidget::measureActivated, this,
            [this](const QString& measure, const QString&, bool isFamily) {
                if (isFamily)
                    setGroupByFamily(true);
                showMeasure(measure);
            });
    // Split by method, a measure's cell of another method's row shows that method's charts.
    connect(m_scorecard->view(), &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (m_methodResults.size() < 2 || index.data(ScorecardModel::MeasureRole).toString().isEmpty())
            return;
        const QString method = m_scorecard->model()->rowMethod(m_scorecard->proxy()->mapToSource(index).row());
        const int current = m_runSets->currentIndex();
        for (int sibling : methodSiblings(current))
            if (sibling != current
                && QString::fromLatin1(engine::camMethodTitle(methodOf(m_sets[std::size_t(sibling)]))) == method) {
                m_runSets->setCurrentIndex(sibling);
                return;
            }
    });
    connect(m_session, &ProjectSession::projectChanged, this, [this]() {
        m_selection->clear();
        reload();
    });
    updateSelectionLabel();
    reload();
}

ResultsView::~ResultsView() = default;

void ResultsView::showMeasure(const QString& measure)
{
    const std::pair<QString, QWidget*> tabs[] = {{QStringLiteral("entropy"), m_entropy},
                                                 {QStringLiteral("noise"), m_noise},
                                                 {QStringLiteral("transforms"), m_transforms},
                                                 {QStringLiteral("stability"), m_stability},
                                                 {QStringLiteral("degradation"), m_degradation},
                                                 {QStringLiteral("sanity"), m_sanity},
                                                 {QStringLiteral("deletion"), m_faithfulness},
                                                 {QStringLiteral("insertion"), m_faithfulness},
                                                 {QStringLiteral("road"), m_faithfulness},
                                                 {QStringLiteral("localisation"), m_localisation},
                                                 {QStringLiteral("videos"), m_videos}};
    for (const auto& [name, view] : tabs)
        if (name == measure)
            m_tabs->setCurrentWidget(view);
    if (measure == QLatin1String("road"))
        m_faithfulness->setCurve(QStringLiteral("morf"));
    else if (measure == QLatin1String("deletion") || measure == QLatin1String("insertion"))
        m_faithfulness->setCurve(measure);
}

void ResultsView::scheduleReload()
{
    if (!m_liveTimer->isActive())
        m_liveTimer->start();
}

void ResultsView::setGroupByFamily(bool byFamily) { m_groupBy->setCurrentIndex(byFamily ? 0 : 1); }

void ResultsView::setImageGroup(const QString& group)
{
    m_imageGroups->setCurrentIndex(group.isNull() ? 0 : std::max(0, m_imageGroups->findData(group)));
}

QString ResultsView::updateImageGroups()
{
    const QString previous = m_imageGroups->currentIndex() > 0 ? m_imageGroups->currentData().toString() : QString();
    const std::vector<std::string> names = m_allResults ? m_allResults->imageGroupNames() : std::vector<std::string>();
    {
        const QSignalBlocker blocker(m_imageGroups);
        m_imageGroups->clear();
        m_imageGroups->addItem(tr("All groups"), QString());
        for (const auto& name : names)
            m_imageGroups->addItem(QString::fromStdString(name), QString::fromStdString(name));
        m_imageGroups->setCurrentIndex(previous.isNull() ? 0 : std::max(0, m_imageGroups->findData(previous)));
    }
    m_imageGroupLabel->setVisible(!names.empty());
    m_imageGroups->setVisible(!names.empty());
    return m_imageGroups->currentIndex() > 0 ? m_imageGroups->currentData().toString() : QString();
}

void ResultsView::reload()
{
    m_liveTimer->stop();
    m_sets.clear();
    if (m_session->isOpen())
        if (auto runs = m_session->store()->runs())
            m_sets = groupRunSets(runs.value());
    const QString previous = m_runSets->currentData().toString();
    {
        const QSignalBlocker blocker(m_runSets);
        m_runSets->clear();
        std::map<std::int64_t, QString> locations, names;
        std::map<std::int64_t, std::int64_t> sizes;
        for (const auto& dataset : m_session->datasets()) {
            locations[dataset.id] = QDir::toNativeSeparators(QString::fromStdString(dataset.location));
            names[dataset.id] = QString::fromStdString(dataset.name);
            sizes[dataset.id] = dataset.imageCount;
        }
        for (const auto& set : m_sets) {
            QStringList measures;
            for (const auto& [kind, id] : set.runIds)
                if (kind != MeasureKind::Predictions)
                    measures.append(QString::fromLatin1(measureName(kind)));
            const QString location = locations.count(set.datasetId) ? locations[set.datasetId] : QString();
            QString dataset = names[set.datasetId];
            if (dataset.isEmpty())
                dataset = QFileInfo(location).fileName().isEmpty() ? tr("dataset %1").arg(set.datasetId)
                                                                   : QFileInfo(location).fileName();
            m_runSets->addItem(tr("%1 (%2 images) \u2014 %3 \u2014 %4%5")
                                   .arg(dataset)
                                   .arg(sizes[set.datasetId])
                                   .arg(QString::fromLatin1(engine::camMethodTitle(methodOf(set))),
                                        measures.isEmpty() ? tr("predictions") : measures.join(QStringLiteral(", ")),
                                        set.running ? tr(" (running)") : QString()),
                               runSetKey(set));
            m_runSets->setItemData(
                m_runSets->count() - 1,
                tr("Dataset %1 (%2), runs up to #%3").arg(set.datasetId).arg(location).arg(set.newestRunId),
                Qt::ToolTipRole);
        }
        int index = m_runSets->findData(previous);
        if (index < 0) {
            index = preferredRunSet(m_sets, m_session->currentDatasetId());
            // Among sets that differ only by method, Grad-CAM's (the paper's) unless it has fewer
            // measures, as the report does.
            const std::vector<int> siblings = methodSiblings(index);
            if (siblings.size() >= 2 && methodOf(m_sets[std::size_t(siblings.front())]) == engine::CamMethod::GradCam
                && m_sets[std::size_t(siblings.front())].runIds.size() >= m_sets[std::size_t(index)].runIds.size())
                index = siblings.front();
        }
        m_runSets->setCurrentIndex(index);
    }
    loadRunSet();
}

std::vector<int> ResultsView::methodSiblings(int index) const { return ui::methodSiblings(m_sets, index); }

void ResultsView::loadRunSet()
{
    const int index = m_runSets->currentIndex();
    m_results.reset();
    m_allResults.reset();
    m_methodResults.clear();
    const std::vector<int> siblings = methodSiblings(index);
    m_split->setEnabled(siblings.size() >= 2);
    if (index >= 0 && index < int(m_sets.size()) && m_session->isOpen()) {
        auto load = [this](const RunSet& set) -> std::shared_ptr<const MeasureResults> {
            auto loaded = MeasureResults::load(*m_session->store(), set);
            if (loaded)
                return std::make_shared<const MeasureResults>(std::move(loaded).value());
            m_session->error(tr("Cannot read the measure results: %1").arg(QString::fromStdString(loaded.error())));
            return nullptr;
        };
        const RunSet& set = m_sets[std::size_t(index)];
        m_allResults = load(set);
        const QString group = updateImageGroups();
        // One group chosen: every result shown is that group's images' (the method siblings share
        // the dataset, so its groups).
        auto ofGroup = [&group](std::shared_ptr<const MeasureResults> results) {
            if (!results || group.isNull())
                return results;
            return std::shared_ptr<const MeasureResults>(
                std::make_shared<const MeasureResults>(results->ofImageGroup(group.toStdString())));
        };
        m_results = ofGroup(m_allResults);
        bool running = set.running;
        if (m_split->isChecked() && siblings.size() >= 2)
            for (int sibling : siblings) {
                const RunSet& other = m_sets[std::size_t(sibling)];
                auto results = sibling == index ? m_results : ofGroup(load(other));
                running = running || other.running;
                if (results)
                    m_methodResults.emplace_back(engine::camMethodTitle(methodOf(other)), std::move(results));
            }
        if (running)
            m_liveTimer->start();
    }
    if (!m_allResults)
        updateImageGroups();
    showResults();
}

void ResultsView::chooseExportFolder()
{
    QSettings settings;
    const QString directory = QFileDialog::getExistingDirectory(
        this, tr("Export results to folder"),
        settings.value(QStringLiteral("results/exportFolder"), QFileInfo(m_session->path()).absolutePath()).toString());
    if (directory.isEmpty())
        return;
    settings.setValue(QStringLiteral("results/exportFolder"), directory);
    const int index = m_runSets->currentIndex();
    if (index < 0 || index >= int(m_sets.size()))
        return;
    QStringList existing;
    for (const auto& file : runSetExportFiles(m_sets[std::size_t(index)], directory.toStdString()))
        if (QFileInfo::exists(QString::fromStdString(file)))
            existing.append(QFileInfo(QString::fromStdString(file)).fileName());
    if (!existing.isEmpty()
        && QMessageBox::question(
               this, tr("Replace files?"),
               tr("The folder already holds %1. Replace them?").arg(existing.join(QStringLiteral(", "))))
            != QMessageBox::Yes)
        return;
    exportShownRunSet(directory);
}

void ResultsView::exportShownRunSet(const QString& directory)
{
    const int index = m_runSets->currentIndex();
    if (!m_allResults || index < 0 || index >= int(m_sets.size())) {
        emit exportFinished(false, tr("There are no results to export."));
        return;
    }
    const RunSet set = m_sets[std::size_t(index)];
    const QJsonObject summary = m_allResults->summary; // the whole set's, whatever group is shown
    const std::string project = m_session->path().toStdString();
    const std::string folder = QDir::toNativeSeparators(directory).toStdString();
    m_export->setEnabled(false);
    submitJob<std::vector<std::string>>(
        m_session->ioJobs(), this, "export results",
        [=](ProgressSink&, const CancelToken&) { return exportRunSet(project, set, summary, folder); },
        [this, directory](Result<std::vector<std::string>> written) {
            m_export->setEnabled(m_results != nullptr);
            if (!written) {
                const QString message =
                    tr("Export of the results failed: %1").arg(QString::fromStdString(written.error()));
                m_session->error(message);
                emit exportFinished(false, message);
                return;
            }
            const QString message = tr("Exported %n file(s) to %1", nullptr, int(written->size())).arg(directory);
            m_session->info(message);
            emit exportFinished(true, message);
        });
}

void ResultsView::showResults()
{
    m_export->setEnabled(m_results != nullptr);
    const bool byFamily = m_groupBy->currentData().toBool();
    if (m_methodResults.size() >= 2) {
        std::vector<std::pair<QString, QJsonObject>> summaries;
        for (const auto& [method, results] : m_methodResults)
            summaries.emplace_back(QString::fromStdString(method), results->summary);
        m_scorecard->setSummaries(summaries);
    } else {
        m_scorecard->setSummary(m_results ? m_results->summary : QJsonObject());
    }
    const auto split = m_methodResults.size() >= 2 ? m_methodResults : decltype(m_methodResults){};
    m_sanity->setMethodResults(split);
    m_faithfulness->setMethodResults(split);
    m_localisation->setMethodResults(split);
    for (MeasureChartView* view :
         std::initializer_list<MeasureChartView*>{m_entropy, m_noise, m_transforms, m_stability, m_degradation,
                                                  m_sanity, m_faithfulness, m_localisation})
        view->setResults(m_results, byFamily);
    m_videos->setResults(m_results);
    m_tabs->setTabVisible(m_tabs->indexOf(m_videos), m_videos->hasVideos());
}

void ResultsView::updateSelectionLabel()
{
    m_clear->setEnabled(m_selection->isActive());
    m_selectionLabel->setText(
        m_selection->isActive()
            ? tr("%1 \u2014 images selected: %2").arg(m_selection->description()).arg(m_selection->images().size())
            : tr("Click a bin, bar, box, point or cell to select its images."));
}

} // namespace saliscope::ui
