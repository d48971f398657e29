// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The SmallCnn trainer on a tiny synthetic problem made here: class 1 images carry a bright square
// at a random place (annotated by its box), class 0 images do not (annotated by a centred disc).
// Checks accuracy, the saved archive (engine::Model loads it on the features/head fast path with a
// 7x7 map and the metadata written), bit-exact determinism per seed, and what CYBORG changes.

#include "core/engine/model.h"
#include "core/engine/runtime.h"
#include "core/engine/trainer.h"
#include "tests/engine/testimages.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <thread>

using namespace saliscope;

namespace {

constexpr int kInputSize = 112;
constexpr int kSquare = 24;

struct SyntheticImage final {
    engine::TrainingImage training;
    int squareRow = -1; // top-left corner of the square; -1 for class 0
    int squareColumn = -1;
};

/// A noisy background; class 1 adds a bright square. Annotations: the square's box, or a centred disc.
std::vector<SyntheticImage> makeImages(int count, std::uint64_t seed, int size = kInputSize)
{
    std::mt19937_64 random(seed);
    std::vector<SyntheticImage> images;
    const int square = kSquare * size / kInputSize;
    for (int i = 0; i < count; ++i) {
        SyntheticImage item;
        auto& image = item.training.image;
        image = engine::ImageU8::zeros(size, size, 3);
        const int base = 60 + int(random() % 60);
        for (auto& value : image.pixels)
            value = std::uint8_t(base + int(random() % 50));
        auto& annotation = item.training.annotation;
        annotation = engine::ImageU8::zeros(size, size, 1);
        item.training.label = i % 2;
        if (item.training.label == 1) {
            item.squareRow = 4 + int(random() % std::uint64_t(size - square - 8));
            item.squareColumn = 4 + int(random() % std::uint64_t(size - square - 8));
            for (int r = item.squareRow; r < item.squareRow + square; ++r)
                for (int c = item.squareColumn; c < item.squareColumn + square; ++c) {
                    for (int ch = 0; ch < 3; ++ch)
                        image.at(r, c, ch) = std::uint8_t(200 + int(random() % 56));
                    annotation.at(r, c) = 255;
                }
        } else {
            const double centre = (size - 1) / 2.0;
            const double radius = size / 5.0;
            for (int r = 0; r < size; ++r)
                for (int c = 0; c < size; ++c)
                    if (std::hypot(r - centre, c - centre) <= radius)
                        annotation.at(r, c) = 255;
        }
        images.push_back(std::move(item));
    }
    return images;
}

std::vector<engine::TrainingImage> trainingImages(const std::vector<SyntheticImage>& images)
{
    std::vector<engine::TrainingImage> out;
    for (const auto& image : images)
        out.push_back(image.training);
    return out;
}

engine::TrainParams params(engine::TrainParams::Loss loss, std::uint64_t seed, int epochs = 4)
{
    engine::TrainParams p;
    p.loss = loss;
    p.seed = seed;
    p.epochs = epochs;
    p.batchSize = 16;
    p.learningRate = 3e-3;
    return p;
}

class CountingProgress final : public engine::TrainProgress {
public:
    int batches = 0;
    std::vector<engine::EpochReport> epochs;
    int cancelAfter = -1;
    void batchDone(int, int, int, double loss, double accuracy) override
    {
        ++batches;
        QVERIFY(std::isfinite(loss));
        QVERIFY(accuracy >= 0 && accuracy <= 1);
    }
    void epochDone(const engine::EpochReport& report) override { epochs.push_back(report); }
    bool isCancelled() const override { return cancelAfter >= 0 && batches >= cancelAfter; }
};

std::unique_ptr<engine::Model> loadModel(const std::string& path)
{
    auto loaded = engine::Model::load(path);
    if (!loaded) {
        qWarning("%s", loaded.error().c_str());
        return nullptr;
    }
    return std::move(loaded).value();
}

std::vector<engine::CamOutput> camsOf(const engine::Model& model, const std::vector<SyntheticImage>& images)
{
    std::vector<engine::ImageU8> pixels;
    for (const auto& image : images)
        pixels.push_back(image.training.image);
    auto cams = model.gradCam(engine::ImageBatch::fromImages(pixels).value());
    if (!cams) {
        qWarning("%s", cams.error().c_str());
        return {};
    }
    return cams.value();
}

/// Share of a map's mass inside the annotated region (the annotation area-averaged to the map's cells).
double massInside(const engine::MapF32& cam, const engine::ImageU8& annotation)
{
    const int cell = annotation.width / cam.width;
    double inside = 0;
    double total = 0;
    for (int r = 0; r < cam.height; ++r)
        for (int c = 0; c < cam.width; ++c) {
            double coverage = 0;
            for (int y = r * cell; y < (r + 1) * cell; ++y)
                for (int x = c * cell; x < (c + 1) * cell; ++x)
                    coverage += annotation.at(y, x) / 255.0;
            coverage /= double(cell * cell);
            inside += cam.at(r, c) * coverage;
            total += cam.at(r, c);
        }
    return total > 0 ? inside / total : 0;
}

struct Trained final {
    engine::TrainReport report;
    std::unique_ptr<engine::Model> model;
};

} // namespace

class TrainerTest final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::vector<SyntheticImage> m_train;
    std::vector<SyntheticImage> m_validation;
    std::map<int, engine::TrainReport> m_trained; // by loss: the 4-epoch models of seed 7

    std::string path(const QString& name) const { return m_dir.filePath(name).toStdString(); }
    static std::string lossFile(int loss) { return loss == 0 ? "xent.pt" : "cyborg.pt"; }

    Result<engine::TrainReport> train(const engine::TrainParams& p, const std::string& output)
    {
        CountingProgress progress;
        return engine::trainModel(p, trainingImages(m_train), trainingImages(m_validation), output, progress);
    }

private slots:
    void initTestCase()
    {
        // One thread: robust when ctest runs tests side by side (two OpenMP threads on two busy
        // cores were 5-20x slower); deterministicPerSeed also checks two threads.
        engine::configureThreads(1);
        QVERIFY(m_dir.isValid());
        m_train = makeImages(64, 1);
        m_validation = makeImages(32, 2);
    }

    void lossNames()
    {
        QCOMPARE(engine::trainingLossName(engine::TrainParams::Loss::CrossEntropy), "xent");
        QCOMPARE(engine::trainingLossName(engine::TrainParams::Loss::Cyborg), "cyborg");
        QVERIFY(engine::parseTrainingLoss("xent") == engine::TrainParams::Loss::CrossEntropy);
        QVERIFY(engine::parseTrainingLoss("cyborg") == engine::TrainParams::Loss::Cyborg);
        QVERIFY(!engine::parseTrainingLoss("mse"));
    }

    void rejectsBadInput()
    {
        CountingProgress progress;
        auto p = params(engine::TrainParams::Loss::CrossEntropy, 1, 1);
        QVERIFY(!engine::trainModel(p, {}, {}, path("none.pt"), progress));
        auto images = trainingImages(makeImages(4, 3, 64)); // wrong size
        auto result = engine::trainModel(p, images, {}, path("none.pt"), progress);
        QVERIFY(!result);
        QVERIFY2(result.error().find("expected 112x112x3") != std::string::npos, result.error().c_str());
        images = trainingImages(makeImages(4, 3));
        images[1].label = 5;
        QVERIFY(!engine::trainModel(p, images, {}, path("none.pt"), progress));
        p.alpha = 1.5;
        QVERIFY(!engine::trainModel(p, trainingImages(makeImages(4, 3)), {}, path("none.pt"), progress));
        QVERIFY(!QFile::exists(m_dir.filePath("none.pt")));
    }

    void cancels()
    {
        CountingProgress progress;
        progress.cancelAfter = 2;
        auto result = engine::trainModel(params(engine::TrainParams::Loss::CrossEntropy, 1, 2), trainingImages(m_train),
                                         {}, path("cancelled.pt"), progress);
        QVERIFY(!result);
        QCOMPARE(result.error(), std::string("training cancelled"));
        QVERIFY(!QFile::exists(m_dir.filePath("cancelled.pt")));
    }

    /// Both losses learn the task, and the archive works in the engine as a features/head model.
    void trainsAndLoads_data()
    {
        QTest::addColumn<int>("loss");
        QTest::newRow("xent") << int(engine::TrainParams::Loss::CrossEntropy);
        QTest::newRow("cyborg") << int(engine::TrainParams::Loss::Cyborg);
    }
    void trainsAndLoads()
    {
        QFETCH(int, loss);
        const auto p = params(engine::TrainParams::Loss(loss), 7);
        const std::string output = path(QString::fromStdString(lossFile(loss)));
        CountingProgress progress;
        const auto start = std::chrono::steady_clock::now();
        auto result = engine::trainModel(p, trainingImages(m_train), trainingImages(m_validation), output, progress);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY2(result, result ? "" : result.error().c_str());
        const auto& report = result.value();
        QCOMPARE(int(report.epochs.size()), p.epochs);
        QCOMPARE(progress.batches, p.epochs * 4); // 64 images in batches of 16
        QCOMPARE(int(progress.epochs.size()), p.epochs);
        QCOMPARE(report.mapSize, 7);
        for (const auto& epoch : report.epochs)
            qInfo("%s epoch %d: loss %.4f acc %.3f camErr %.4f | val loss %.4f acc %.3f camErr %.4f | %.2f s",
                  engine::trainingLossName(p.loss), epoch.epoch, epoch.trainLoss, epoch.trainAccuracy,
                  epoch.trainCamError, epoch.validationLoss, epoch.validationAccuracy, epoch.validationCamError,
                  epoch.seconds);
        qInfo("%lld parameters, %.0f training images/s, %.2f s in all", static_cast<long long>(report.parameterCount),
              report.imagesPerSecond, seconds);
        // The task is easy: a 4-epoch model must be nearly perfect on unseen images (chance is 0.5).
        QVERIFY2(report.epochs.back().validationAccuracy >= 0.9,
                 qPrintable(QString::number(report.epochs.back().validationAccuracy)));
        QVERIFY(report.epochs.back().trainLoss < report.epochs.front().trainLoss);

        auto model = loadModel(output);
        QVERIFY(model);
        QCOMPARE(model->kind(), engine::ModelKind::FeaturesHead);
        QCOMPARE(model->mapWidth(), 7);
        QCOMPARE(model->mapHeight(), 7);
        QCOMPARE(model->featureChannels(), 4 * p.width);
        QCOMPARE(model->classCount(), 2);
        const auto& metadata = model->metadata();
        QVERIFY(metadata.fromArchive);
        QCOMPARE(metadata.inputWidth, 112);
        QCOMPARE(metadata.inputHeight, 112);
        QCOMPARE(metadata.architecture, std::string("saliscope-smallcnn"));
        QCOMPARE(metadata.loss, std::string(engine::trainingLossName(p.loss)));
        QCOMPARE(metadata.run, 7);
        QCOMPARE(metadata.classNames, (std::vector<std::string>{"real", "synthetic"}));
        QCOMPARE(metadata.positiveClass, 1);
        QCOMPARE(metadata.mean, report.metadata.mean);
        QCOMPARE(metadata.std, report.metadata.std);

        // The engine's predictions agree with the validation accuracy the trainer measured.
        const auto cams = camsOf(*model, m_validation);
        QCOMPARE(cams.size(), m_validation.size());
        int correct = 0;
        for (std::size_t i = 0; i < cams.size(); ++i) {
            correct += cams[i].prediction.predictedClass == m_validation[i].training.label;
            QCOMPARE(int(cams[i].cam.values.size()), 49);
        }
        QCOMPARE(double(correct) / double(cams.size()), report.epochs.back().validationAccuracy);
        m_trained[loss] = report;
    }

    /// Same seed: bit-identical figures, weights and archive; another seed: different weights.
    void deterministicPerSeed()
    {
        engine::configureThreads(2);
        const auto restore = qScopeGuard([] { engine::configureThreads(1); });
        const auto p = params(engine::TrainParams::Loss::Cyborg, 11, 2);
        // The archive records its file name: same name, different folders.
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("a")) && QDir(m_dir.path()).mkpath(QStringLiteral("b"))
                && QDir(m_dir.path()).mkpath(QStringLiteral("c")));
        auto first = train(p, path("a/model.pt"));
        auto second = train(p, path("b/model.pt"));
        auto p2 = p;
        p2.seed = 12;
        p2.run = 11; // same metadata, so only the weights can differ
        auto other = train(p2, path("c/model.pt"));
        QVERIFY(first && second && other);
        for (std::size_t e = 0; e < first->epochs.size(); ++e) {
            QCOMPARE(first->epochs[e].trainLoss, second->epochs[e].trainLoss);
            QCOMPARE(first->epochs[e].validationLoss, second->epochs[e].validationLoss);
        }
        QVERIFY(first->epochs.back().trainLoss != other->epochs.back().trainLoss);

        QFile a(m_dir.filePath("a/model.pt"));
        QFile b(m_dir.filePath("b/model.pt"));
        QFile c(m_dir.filePath("c/model.pt"));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly) && c.open(QIODevice::ReadOnly));
        const QByteArray bytesA = a.readAll();
        QCOMPARE(bytesA, b.readAll());
        const QByteArray bytesC = c.readAll();
        QCOMPARE(bytesA.size(), bytesC.size());
        QVERIFY(bytesA != bytesC);

        auto modelA = loadModel(path("a/model.pt"));
        auto modelB = loadModel(path("b/model.pt"));
        auto modelC = loadModel(path("c/model.pt"));
        QVERIFY(modelA && modelB && modelC);
        const auto camsA = camsOf(*modelA, m_validation);
        const auto camsB = camsOf(*modelB, m_validation);
        const auto camsC = camsOf(*modelC, m_validation);
        bool anyDifferent = false;
        for (std::size_t i = 0; i < camsA.size(); ++i) {
            QCOMPARE(camsA[i].prediction.logits, camsB[i].prediction.logits);
            QCOMPARE(camsA[i].cam.values, camsB[i].cam.values);
            anyDifferent = anyDifferent || camsA[i].prediction.logits != camsC[i].prediction.logits;
        }
        QVERIFY(anyDifferent);
    }

    /// CYBORG pulls the CAM towards the annotations: lower CAM error than xent from the same seed,
    /// and more of the map's mass inside the annotated regions, on unseen images.
    void cyborgFollowsAnnotations()
    {
        if (m_trained.size() != 2)
            QSKIP("needs the models of trainsAndLoads");
        const auto& xent = m_trained.at(0);
        const auto& cyborg = m_trained.at(1);
        const double xentError = xent.epochs.back().validationCamError;
        const double cyborgError = cyborg.epochs.back().validationCamError;
        qInfo("validation CAM error: xent %.4f, cyborg %.4f", xentError, cyborgError);
        QVERIFY(cyborgError < 0.75 * xentError);
        QVERIFY(cyborg.epochs.back().trainCamError < 0.75 * cyborg.epochs.front().trainCamError);

        auto xentModel = loadModel(path(lossFile(0).c_str()));
        auto cyborgModel = loadModel(path(lossFile(1).c_str()));
        QVERIFY(xentModel && cyborgModel);
        const auto xentCams = camsOf(*xentModel, m_validation);
        const auto cyborgCams = camsOf(*cyborgModel, m_validation);
        double xentMass[2] = {0, 0};
        double cyborgMass[2] = {0, 0};
        int counts[2] = {0, 0};
        for (std::size_t i = 0; i < m_validation.size(); ++i) {
            const auto& image = m_validation[i].training;
            xentMass[image.label] += massInside(xentCams[i].cam, image.annotation);
            cyborgMass[image.label] += massInside(cyborgCams[i].cam, image.annotation);
            ++counts[image.label];
        }
        for (int label = 0; label < 2; ++label) {
            xentMass[label] /= counts[label];
            cyborgMass[label] /= counts[label];
            qInfo("class %d: CAM mass inside the annotation: xent %.3f, cyborg %.3f", label, xentMass[label],
                  cyborgMass[label]);
        }
        QVERIFY(cyborgMass[0] > xentMass[0]);
        QVERIFY(cyborgMass[1] > xentMass[1]);
    }

    /// Trainings in two threads at once (as a demo may run them) equal the same trainings run alone.
    void concurrentTrainingsMatchSequential()
    {
        const auto images = trainingImages(m_train);
        const std::vector<engine::TrainParams> runs{params(engine::TrainParams::Loss::Cyborg, 31, 1),
                                                    params(engine::TrainParams::Loss::CrossEntropy, 32, 1)};
        std::vector<Result<engine::TrainReport>> alone;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            CountingProgress progress;
            alone.push_back(
                engine::trainModel(runs[i], images, {}, path(QStringLiteral("alone%1.pt").arg(i)), progress));
            QVERIFY(alone.back());
        }
        std::vector<std::optional<Result<engine::TrainReport>>> together(runs.size());
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < runs.size(); ++i)
            threads.emplace_back([&, i] {
                engine::configureThreads(1);
                engine::TrainProgress quiet;
                together[i] = engine::trainModel(runs[i], images, {}, path(QStringLiteral("together%1.pt").arg(i)),
                                                 quiet);
            });
        for (auto& thread : threads)
            thread.join();
        for (std::size_t i = 0; i < runs.size(); ++i) {
            QVERIFY(together[i] && together[i]->ok());
            QCOMPARE(together[i]->value().epochs.back().trainLoss, alone[i]->epochs.back().trainLoss);
            auto modelAlone = loadModel(path(QStringLiteral("alone%1.pt").arg(i)));
            auto modelTogether = loadModel(path(QStringLiteral("together%1.pt").arg(i)));
            QVERIFY(modelAlone && modelTogether);
            const auto camsAlone = camsOf(*modelAlone, m_validation);
            const auto camsTogether = camsOf(*modelTogether, m_validation);
            QCOMPARE(camsAlone.size(), camsTogether.size());
            for (std::size_t k = 0; k < camsAlone.size(); ++k)
                QCOMPARE(camsAlone[k].prediction.logits, camsTogether[k].prediction.logits);
        }
    }

    /// Throughput at the demo's scale (750 images, 112x112); runs only with SALISCOPE_TRAIN_BENCH=1.
    void benchmark()
    {
        if (qEnvironmentVariableIntValue("SALISCOPE_TRAIN_BENCH") != 1)
            QSKIP("set SALISCOPE_TRAIN_BENCH=1 to measure training throughput");
        if (qEnvironmentVariableIsSet("SALISCOPE_TRAIN_THREADS"))
            engine::configureThreads(qEnvironmentVariableIntValue("SALISCOPE_TRAIN_THREADS"));
        const auto images = makeImages(750, 21);
        const auto validation = makeImages(250, 22);
        for (auto loss : {engine::TrainParams::Loss::CrossEntropy, engine::TrainParams::Loss::Cyborg}) {
            auto p = params(loss, 3,
                            qEnvironmentVariableIsSet("SALISCOPE_TRAIN_EPOCHS")
                                ? qEnvironmentVariableIntValue("SALISCOPE_TRAIN_EPOCHS")
                                : 3);
            p.batchSize = 32;
            p.learningRate = 1e-3;
            if (qEnvironmentVariableIsSet("SALISCOPE_TRAIN_WIDTH"))
                p.width = qEnvironmentVariableIntValue("SALISCOPE_TRAIN_WIDTH");
            CountingProgress progress;
            auto result = engine::trainModel(p, trainingImages(images), trainingImages(validation), path("bench.pt"),
                                             progress);
            QVERIFY2(result, result ? "" : result.error().c_str());
            for (const auto& epoch : result->epochs)
                qInfo("%s epoch %d: %.2f s, loss %.4f acc %.3f | val acc %.3f camErr %.4f",
                      engine::trainingLossName(loss), epoch.epoch, epoch.seconds, epoch.trainLoss, epoch.trainAccuracy,
                      epoch.validationAccuracy, epoch.validationCamError);
            qInfo("%s: %.1f training images/s with %d threads", engine::trainingLossName(loss), result->imagesPerSecond,
                  engine::threadCount());
        }
    }
};

QTEST_GUILESS_MAIN(TrainerTest)
#include "tst_trainer.moc"
