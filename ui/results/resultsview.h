// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTimer;

namespace saliscope {
class ProjectSession;
struct MeasureResults;
struct RunSet;
} // namespace saliscope

namespace saliscope::ui {

class DegradationChartView;
class EntropyChartView;
class FaithfulnessChartView;
class ImageSelection;
class LocalisationChartView;
class MeasureChartView;
class NoiseChartView;
class SanityChartView;
class ScorecardWidget;
class StabilityChartView;
class TransformChartView;
class VideoTableView;

/// The results of the project's measure runs: a choice of run set, the scorecard, and one tab
/// of charts per measure, all sharing one ImageSelection. Reads the store on the GUI thread
/// (the session's store is used there only); while a run of the shown set is still running it
/// re-reads every 2 s, so charts and scorecard follow the results as they arrive. Run sets on one
/// dataset that differ only by salience method can be split: the scorecard then has a row per
/// model and method, and the sanity, faithfulness-curve and localisation charts a series per model
/// and method; the other charts follow
/// the chosen set, its method in their titles (a click on a measure's cell of another method's
/// row chooses that method's set). When the set's dataset has more than one image group, a group
/// chooser restricts the scorecard and charts to one group's images
/// (MeasureResults::ofImageGroup), the split by method too. When the images are video frames, a
/// "Videos" tab lists the videos (VideoTableView).
class ResultsView final : public QWidget {
    Q_OBJECT

public:
    explicit ResultsView(ProjectSession* session, QWidget* parent = nullptr);
    ~ResultsView() override;

    ImageSelection* selection() const { return m_selection; }
    ScorecardWidget* scorecard() const { return m_scorecard; }
    QTabWidget* tabs() const { return m_tabs; }
    EntropyChartView* entropyView() const { return m_entropy; }
    NoiseChartView* noiseView() const { return m_noise; }
    TransformChartView* transformView() const { return m_transforms; }
    StabilityChartView* stabilityView() const { return m_stability; }
    DegradationChartView* degradationView() const { return m_degradation; }
    SanityChartView* sanityView() const { return m_sanity; }
    FaithfulnessChartView* faithfulnessView() const { return m_faithfulness; }
    LocalisationChartView* localisationView() const { return m_localisation; }
    /// The "Videos" tab (shown when the results' images are video frames).
    VideoTableView* videoView() const { return m_videos; }
    /// The "split by method" choice (enabled when the chosen set has method siblings).
    QCheckBox* splitByMethod() const { return m_split; }
    /// The run set chooser.
    QComboBox* runSets() const { return m_runSets; }
    /// The image group chooser: "All groups", then each group of the set's dataset (shown only
    /// when it has more than one).
    QComboBox* imageGroups() const { return m_imageGroups; }
    /// Shows the results of one image group's images; a null string for all of them.
    void setImageGroup(const QString& group);
    /// With the split on, the results of the chosen set and its method siblings, each with its
    /// method's title, in the methods' order; else empty.
    const std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>>& methodResults() const
    {
        return m_methodResults;
    }
    /// The results shown now (null when the project has no measure runs): the chosen group's
    /// when a group is chosen.
    std::shared_ptr<const MeasureResults> results() const { return m_results; }
    /// Shows the tab of a measure ("entropy", "noise", "transforms", "stability", "degradation",
    /// "sanity", "deletion", "insertion", "road", "localisation"; the three curves share a tab).
    void showMeasure(const QString& measure);
    /// Groups chart series by family (true) or by model.
    void setGroupByFamily(bool byFamily);
    /// Writes the shown run set as one CSV per measure plus summary.json into `directory` on the
    /// session's I/O worker; the outcome goes to the log and to exportFinished().
    void exportShownRunSet(const QString& directory);

public slots:
    /// Re-reads the runs and the shown run set's rows from the project.
    void reload();
    /// Reloads within 2 s, at most once per 2 s however often it is called (for row signals).
    void scheduleReload();

signals:
    /// exportShownRunSet() ended: the files written, or the reason it failed.
    void exportFinished(bool ok, const QString& message);
    /// The user picked images in a chart (or cleared the pick: `active` false).
    void imagesSelected(bool active, std::int64_t datasetId, const std::vector<std::int64_t>& images);

private:
    void loadRunSet();
    /// Indices of the sets on the chosen set's dataset whose parameters differ from its only by
    /// the method (the chosen one included), in the methods' order.
    std::vector<int> methodSiblings(int index) const;
    void updateSelectionLabel();
    /// Fills the group chooser from the loaded set's groups (keeping the choice when it is there)
    /// and returns the group chosen, a null string for all.
    QString updateImageGroups();
    void showResults();
    void chooseExportFolder();

    ProjectSession* m_session;
    ImageSelection* m_selection;
    QComboBox* m_runSets;
    QComboBox* m_groupBy;
    QLabel* m_imageGroupLabel;
    QComboBox* m_imageGroups;
    QCheckBox* m_split;
    QLabel* m_selectionLabel;
    QPushButton* m_clear;
    QPushButton* m_export;
    ScorecardWidget* m_scorecard;
    QTabWidget* m_tabs;
    EntropyChartView* m_entropy;
    NoiseChartView* m_noise;
    TransformChartView* m_transforms;
    StabilityChartView* m_stability;
    DegradationChartView* m_degradation;
    SanityChartView* m_sanity;
    FaithfulnessChartView* m_faithfulness;
    LocalisationChartView* m_localisation;
    VideoTableView* m_videos;
    QTimer* m_liveTimer;
    std::vector<RunSet> m_sets;
    std::shared_ptr<const MeasureResults> m_results;
    /// The whole run set (every group), what an export writes.
    std::shared_ptr<const MeasureResults> m_allResults;
    std::vector<std::pair<std::string, std::shared_ptr<const MeasureResults>>> m_methodResults;
};

} // namespace saliscope::ui
