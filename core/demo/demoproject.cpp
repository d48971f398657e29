// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/demoproject.h"

#include "core/dataset/dataset.h"
#include "core/dataset/imageio.h"
#include "core/dataset/trainingset.h"
#include "core/cam/mapmaker.h"
#include "core/engine/model.h"
#include "core/engine/runtime.h"
#include "core/engine/trainer.h"
#include "core/project/projectrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <filesystem>
#include <mutex>
#include <thread>

namespace saliscope {

namespace fs = std::filesystem;

namespace {

/// Relays training progress as log lines (serialised: trainings run in parallel) and passes
/// cancellation on.
class LockedRelay final : public engine::TrainProgress {
public:
    LockedRelay(ProgressSink& sink, std::mutex& lock, const CancelToken& cancel, std::string name)
        : m_sink(sink), m_lock(lock), m_cancel(cancel), m_name(std::move(name))
    {
    }
    void epochDone(const engine::EpochReport& report) override
    {
        char line[200];
        std::snprintf(line, sizeof line,
                      "%s: epoch %d, loss %.3f, train accuracy %.3f, validation accuracy %.3f (%.1f s)", m_name.c_str(),
                      report.epoch, report.trainLoss, report.trainAccuracy, report.validationAccuracy, report.seconds);
        std::lock_guard<std::mutex> guard(m_lock);
        m_sink.message(line);
    }
    bool isCancelled() const override { return m_cancel.isCancelled(); }

private:
    ProgressSink& m_sink;
    std::mutex& m_lock;
    const CancelToken& m_cancel;
    std::string m_name;
};

/// The first `perClass` records of each class, in dataset order (deterministic).
Dataset balancedSubset(const Dataset& dataset, int perClass)
{
    Dataset subset;
    subset.location = dataset.location;
    std::map<int, int> taken;
    for (const auto& record : dataset.records)
        if (taken[record.label]++ < perClass)
            subset.records.push_back(record);
    return subset;
}

bool loadsAsModel(const std::string& path)
{
    std::error_code code;
    return fs::is_regular_file(path, code) && loadModel(path).ok();
}

double meanOfMembers(const QJsonObject& models, const QJsonArray& members,
                     const std::function<double(const QJsonObject&)>& value)
{
    double sum = 0;
    int count = 0;
    for (const auto& member : members) {
        const double v = value(models.value(member.toString()).toObject());
        if (std::isfinite(v)) {
            sum += v;
            ++count;
        }
    }
    return count ? sum / count : std::nan("");
}

/// The optional video dataset: clips of test faces (made or reused), every measure but noise on
/// their frames into the project as a second dataset, and each family's video-level figures.
Status measureDemoVideos(const DemoParams& params, const MeasureRunParams& images, const fs::path& root,
                         DemoResult& result, const CancelToken& cancel, ProgressSink& progress)
{
    progress.message("demo: making the video clips in " + (root / "videos").string());
    auto clips =
        makeDemoVideos(result.dataset,
                       DemoVideoParams{(root / "videos").string(), params.videoClipsPerClass, params.videoFrames});
    if (!clips)
        return clips.failure();
    DatasetSource source{clips->manifestPath};
    source.video.sampling.frames = params.videoFrames; // every frame of each clip
    NullProgressSink quiet;
    auto scanned = scanDataset(source, quiet, cancel);
    if (!scanned)
        return scanned.failure();
    progress.message("demo: measuring the models on the video clips");
    MeasureRunParams measure = images;
    measure.measures = {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Transforms, MeasureKind::Stability,
                        MeasureKind::Degradation};
    measure.dataset = std::move(scanned).value();
    measure.dataset.name = "demo videos (" + std::to_string(clips->clips) + " clips of "
        + std::to_string(clips->framesPerClip) + " frames, per-video results)";
    auto run = runMeasuresInProject(measure, result.projectPath, {}, nullptr, progress, cancel);
    if (!run)
        return run.failure();
    result.videos = clips.value();
    result.videoSummary = run->summary;
    // Per-video results where a reader finds them without the application: DIR/videos/summary.json.
    QSaveFile file(QString::fromStdString((root / "videos" / "summary.json").string()));
    const QByteArray json = QJsonDocument(run->summary).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return Error{"cannot write " + file.fileName().toStdString() + ": " + file.errorString().toStdString()};
    const auto models = run->summary.value("models").toObject();
    for (const auto& family : measure.families) {
        QJsonArray members;
        for (const auto& member : family.members)
            members.append(QString::fromStdString(member));
        auto& figures = result.families[family.name];
        auto videoFigure = [](const char* key) {
            return [key](const QJsonObject& m) { return m.value("videos").toObject().value(key).toDouble(NAN); };
        };
        figures.videoAccuracy = meanOfMembers(models, members, videoFigure("accuracy"));
        figures.videoRocAuc = meanOfMembers(models, members, videoFigure("roc_auc"));
    }
    return Ok{};
}

} // namespace

std::map<std::string, DemoFamilyFigures> demoFamilyFigures(const QJsonObject& summary)
{
    std::map<std::string, DemoFamilyFigures> figures;
    const auto models = summary.value("models").toObject();
    const auto families = summary.value("families").toObject();
    for (auto it = families.begin(); it != families.end(); ++it) {
        const auto family = it.value().toObject();
        const auto members = family.value("members").toArray();
        DemoFamilyFigures f;
        f.accuracy = meanOfMembers(models, members,
                                   [](const QJsonObject& m) { return m.value("accuracy").toDouble(NAN); });
        f.rocAuc = meanOfMembers(models, members,
                                 [](const QJsonObject& m) { return m.value("roc_auc").toDouble(NAN); });
        f.entropy = meanOfMembers(models, members, [](const QJsonObject& m) {
            return m.value("entropy").toObject().value("normalized").toObject().value("mean").toDouble(NAN);
        });
        f.annotationMass = meanOfMembers(models, members, [](const QJsonObject& m) {
            return m.value("entropy").toObject().value("annotation_mass").toObject().value("mean").toDouble(NAN);
        });
        f.stability = family.value("ssim").toObject().value("mean").toDouble(NAN);
        figures[it.key().toStdString()] = f;
    }
    return figures;
}

Result<DemoResult> runDemo(const DemoParams& params, ProgressSink& progress, const CancelToken& cancel)
{
    if (params.runsPerFamily < 2)
        return Error{"the demo needs at least two runs per family (stability compares runs)"};
    // Symbolic links resolved, so the project records paths that stay valid when the link goes.
    std::error_code canonicalError;
    fs::path root = fs::weakly_canonical(fs::absolute(params.outputDirectory), canonicalError);
    if (canonicalError)
        root = fs::absolute(params.outputDirectory);
    DemoResult result;

    progress.message("demo: making the face dataset in " + (root / "dataset").string());
    DemoDatasetParams datasetParams;
    datasetParams.outputDirectory = (root / "dataset").string();
    datasetParams.imagesPerClass = params.imagesPerClass;
    datasetParams.imageSize = params.imageSize;
    datasetParams.seed = params.seed;
    NullProgressSink quiet;
    auto dataset = generateDemoDataset(datasetParams, quiet, cancel);
    if (!dataset)
        return dataset.failure();
    result.dataset = dataset.value();

    auto scan = [&](const char* split) {
        DatasetSource source{(root / "dataset" / split).string()};
        source.annotationFolder = (root / "dataset" / "annotations").string();
        source.maskFolder = (root / "dataset" / "masks").string();
        return scanDataset(source, quiet, cancel);
    };
    auto train = scan("train");
    auto test = scan("test");
    if (!train)
        return train.failure();
    if (!test)
        return test.failure();

    // Two families of independent runs; a model file that already loads is reused. Trainings
    // run side by side, one LibTorch thread each (results depend on the thread count only).
    struct PendingTraining {
        engine::TrainParams params;
        std::string path;
        std::string name;
    };
    std::vector<PendingTraining> pending;
    std::error_code code;
    fs::create_directories(root / "models", code);
    if (code)
        return Error{"cannot create " + (root / "models").string() + ": " + code.message()};
    for (const auto loss : {engine::TrainParams::Loss::CrossEntropy, engine::TrainParams::Loss::Cyborg}) {
        const std::string family = engine::trainingLossName(loss);
        for (int run = 1; run <= params.runsPerFamily; ++run) {
            const std::string path = (root / "models" / (family + "_" + std::to_string(run) + ".pt")).string();
            result.models[family].push_back(path);
            if (loadsAsModel(path))
                continue;
            engine::TrainParams trainParams;
            trainParams.loss = loss;
            trainParams.alpha = params.cyborgAlpha;
            trainParams.seed = params.seed * 1000 + std::uint64_t(run);
            trainParams.run = run;
            trainParams.epochs = params.epochs;
            trainParams.inputSize = params.imageSize;
            trainParams.device = params.device;
            pending.push_back({trainParams, path, family + " run " + std::to_string(run)});
        }
    }
    if (!pending.empty()) {
        auto loadedTrain = loadTrainingSet(train.value(), params.imageSize);
        // Validation after each epoch on the measured subset only: it is for the log, not the model.
        auto loadedTest = loadTrainingSet(balancedSubset(test.value(), params.measureImagesPerClass), params.imageSize);
        for (const auto& [path, reason] : loadedTrain.skipped)
            progress.message("skipped " + path + ": " + reason);
        const auto trainImages = std::move(loadedTrain.images);
        const auto testImages = std::move(loadedTest.images);
        progress.message("demo: training " + std::to_string(pending.size()) + " models on "
                         + std::to_string(trainImages.size()) + " images, " + std::to_string(params.epochs)
                         + " epochs each");
        const int previousThreads = engine::threadCount();
        engine::configureThreads(1);
        std::mutex lock;
        std::string failure;
        std::size_t next = 0;
        auto worker = [&] {
            for (;;) {
                std::size_t index;
                {
                    std::lock_guard<std::mutex> guard(lock);
                    if (next >= pending.size() || !failure.empty())
                        return;
                    index = next++;
                }
                const auto& job = pending[index];
                LockedRelay relay(progress, lock, cancel, job.name);
                auto trained = engine::trainModel(job.params, trainImages, testImages, job.path, relay);
                std::lock_guard<std::mutex> guard(lock);
                if (!trained && failure.empty())
                    failure = "training " + job.name + ": " + trained.error();
                else if (trained)
                    ++result.modelsTrained;
            }
        };
        std::vector<std::thread> workers;
        for (int t = 0; t < std::max(1, params.parallelTrainings); ++t)
            workers.emplace_back(worker);
        for (auto& thread : workers)
            thread.join();
        engine::configureThreads(previousThreads);
        if (!failure.empty())
            return Error{failure};
    }

    // All five measures on the test split, into the project (resumed when it exists).
    progress.message("demo: measuring the models on the test split");
    MeasureRunParams measure;
    measure.measures = {MeasureKind::Predictions, MeasureKind::Entropy,   MeasureKind::Noise,
                        MeasureKind::Transforms,  MeasureKind::Stability, MeasureKind::Degradation};
    measure.dataset = balancedSubset(test.value(), params.measureImagesPerClass);
    measure.dataset.name = "demo test split, measured subset (" + std::to_string(measure.dataset.records.size())
        + " images, all five measures)";
    measure.device = params.device;
    measure.batchSize = 32;
    for (const auto& [family, paths] : result.models) {
        FamilyEntry entry{family, {}};
        for (const auto& path : paths) {
            const std::string name = fs::path(path).stem().string();
            measure.models.push_back({name, path, {}, {}});
            entry.members.push_back(name);
        }
        measure.families.push_back(entry);
    }
    result.projectPath = (root / "demo.saliscope").string();
    auto run = runMeasuresInProject(measure, result.projectPath, {}, nullptr, progress, cancel);
    if (!run)
        return run.failure();
    result.summary = run->summary;
    result.families = demoFamilyFigures(result.summary);

    // Accuracy and ROC AUC on the whole test split (predictions only: one forward pass each).
    progress.message("demo: classifying the whole test split");
    MeasureRunParams predictions = measure;
    predictions.measures = {MeasureKind::Predictions};
    predictions.dataset = test.value();
    predictions.dataset.name = "demo test split, whole (" + std::to_string(predictions.dataset.records.size())
        + " images, accuracy and ROC AUC)";
    auto whole = runMeasuresInProject(predictions, result.projectPath, {}, nullptr, progress, cancel);
    if (!whole)
        return whole.failure();
    const auto models = whole->summary.value("models").toObject();
    for (const auto& family : measure.families) {
        QJsonArray members;
        for (const auto& member : family.members)
            members.append(QString::fromStdString(member));
        auto& figures = result.families[family.name];
        figures.accuracy = meanOfMembers(models, members,
                                         [](const QJsonObject& m) { return m.value("accuracy").toDouble(NAN); });
        figures.rocAuc = meanOfMembers(models, members,
                                       [](const QJsonObject& m) { return m.value("roc_auc").toDouble(NAN); });
    }
    if (params.videos)
        if (auto videos = measureDemoVideos(params, measure, root, result, cancel, progress); !videos)
            return videos.failure();
    return result;
}

} // namespace saliscope
