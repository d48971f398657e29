// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Model loading for every kind of TorchScript file, and Grad-CAM against golden values:
// the paper pipeline's own outputs (tests/data/reference/gradcam) and, for fixtures made at
// build time, a hook-based torchcam re-implementation run on the eager PyTorch model.

#include "core/engine/cammaps.h"
#include "core/engine/model.h"
#include "core/engine/runtime.h"
#include "tests/engine/testimages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <set>
#include <thread>

using namespace saliscope;

Q_DECLARE_METATYPE(saliscope::engine::MemoryLayout)

namespace {

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::unique_ptr<engine::Model> loadOrFail(const QString& path, const QString& layer = {},
                                          engine::MemoryLayout layout = engine::MemoryLayout::Automatic)
{
    engine::ModelLoadOptions options;
    options.layer = layer.toStdString();
    options.layout = layout;
    auto loaded = engine::Model::load(path.toStdString(), options);
    if (!loaded) {
        qWarning("%s", loaded.error().c_str());
        return nullptr;
    }
    return std::move(loaded).value();
}

engine::ImageBatch batchOf(const std::vector<engine::ImageU8>& images)
{
    return engine::ImageBatch::fromImages(images).value();
}

double maxAbsDifference(const engine::MapF32& a, const engine::MapF32& b)
{
    if (a.values.size() != b.values.size())
        return INFINITY;
    double worst = 0;
    for (std::size_t i = 0; i < a.values.size(); ++i)
        worst = std::max(worst, std::fabs(double(a.values[i]) - double(b.values[i])));
    return worst;
}

double maxCamError(const engine::MapF32& cam, const QJsonArray& expected)
{
    double worst = 0;
    for (int r = 0; r < expected.size(); ++r) {
        const auto row = expected[r].toArray();
        for (int c = 0; c < row.size(); ++c)
            worst = std::max(worst, std::fabs(double(cam.at(r, c)) - row[c].toDouble()));
    }
    return worst;
}

} // namespace

class TestModel final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { engine::configureThreads(2); }

    void referenceGradCam_data()
    {
        QTest::addColumn<QJsonObject>("testCase");
        QTest::addColumn<engine::MemoryLayout>("layout");
        const auto cases =
            readJson(tests::referencePath(QStringLiteral("gradcam/expected.json"))).value("cases").toArray();
        QCOMPARE(cases.size(), 10);
        for (const auto& value : cases) {
            const auto object = value.toObject();
            const QString name = object.value("small_png").toString();
            // Automatic is channels-last on the CPU: both layouts must meet the golden tolerance.
            QTest::addRow("%s, automatic", qPrintable(name)) << object << engine::MemoryLayout::Automatic;
            QTest::addRow("%s, contiguous", qPrintable(name)) << object << engine::MemoryLayout::Contiguous;
        }
    }

    void referenceGradCam()
    {
        QFETCH(QJsonObject, testCase);
        QFETCH(engine::MemoryLayout, layout);
        auto model = loadOrFail(tests::referencePath(testCase.value("model").toString()), {}, layout);
        QVERIFY(model);
        QCOMPARE(model->channelsLast(), layout != engine::MemoryLayout::Contiguous);
        QCOMPARE(QString::fromStdString(model->camLayer()), testCase.value("layer").toString());
        QCOMPARE(model->mapWidth(), 7);
        const auto image = tests::loadImage(tests::referencePath(testCase.value("image").toString()));
        auto result = model->gradCam(batchOf({image}));
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        const auto& out = result.value().front();
        QCOMPARE(out.prediction.predictedClass, testCase.value("class").toInt());
        const auto logits = testCase.value("logits").toArray();
        for (int k = 0; k < logits.size(); ++k)
            QVERIFY(std::fabs(out.prediction.logits[std::size_t(k)] - logits[k].toDouble()) <= 1e-5);
        QVERIFY(std::fabs(out.prediction.positiveScore - testCase.value("score_sigmoid_class1").toDouble()) <= 1e-6);
        // Float map: tolerance 1e-5 (docs/measures.md).
        const auto cam = testCase.value("cam").toArray();
        QVERIFY2(maxCamError(out.cam, cam) <= 1e-5, qPrintable(QString::number(maxCamError(out.cam, cam))));
        QVERIFY(!out.flat);
        // 8-bit map: exact except where the float lies within 1e-5 of an integer step.
        const auto expectedSmall = tests::loadImage(tests::referencePath(testCase.value("small_png").toString()), 1);
        const auto small = engine::quantizeMap(out.cam);
        for (std::size_t i = 0; i < small.pixels.size(); ++i) {
            if (small.pixels[i] == expectedSmall.pixels[i])
                continue;
            const double scaled = cam[int(i) / 7].toArray()[int(i) % 7].toDouble() * 255.0;
            QVERIFY2(std::fabs(scaled - std::round(scaled)) <= 255e-5, "8-bit map differs away from a step");
        }
        if (small == expectedSmall) {
            const auto expectedUpscaled =
                tests::loadImage(tests::referencePath(testCase.value("upscaled_png").toString()), 1);
            QVERIFY(engine::upscaleMap(small, 224, 224) == expectedUpscaled);
        }
    }

    void fixtureGradCam_data()
    {
        QTest::addColumn<QJsonObject>("testCase");
        const auto cases = readJson(tests::fixturePath(QStringLiteral("expected.json"))).value("cases").toArray();
        QVERIFY2(cases.size() >= 10, "fixtures/expected.json is missing or short");
        for (const auto& value : cases) {
            const auto object = value.toObject();
            QTest::addRow("%s @ %s", qPrintable(object.value("model").toString()),
                          qPrintable(object.value("layer").toString()))
                << object;
        }
    }

    void fixtureGradCam()
    {
        QFETCH(QJsonObject, testCase);
        const QString kind = testCase.value("kind").toString();
        // Named-layer cases name their layer; the others must find it by themselves.
        const QString layer = kind == QLatin1String("named-layer") ? testCase.value("layer").toString() : QString();
        auto model = loadOrFail(tests::fixturePath(testCase.value("model").toString()), layer);
        QVERIFY(model);
        QCOMPARE(QString::fromLatin1(engine::modelKindName(model->kind())), kind);
        if (kind != QLatin1String("features-head"))
            QCOMPARE(QString::fromStdString(model->camLayer()), testCase.value("layer").toString());
        const auto image = tests::loadImage(testCase.value("image").toString());
        QVERIFY(!image.empty());
        auto result = model->gradCam(batchOf({image}));
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        const auto& out = result.value().front();
        QCOMPARE(out.prediction.predictedClass, testCase.value("class").toInt());
        const auto logits = testCase.value("logits").toArray();
        QCOMPARE(int(out.prediction.logits.size()), logits.size());
        for (int k = 0; k < logits.size(); ++k)
            QVERIFY(std::fabs(out.prediction.logits[std::size_t(k)] - logits[k].toDouble()) <= 1e-4);
        // Eager PyTorch and TorchScript may fuse and order float sums differently: 1e-4 on [0, 1] maps.
        const double error = maxCamError(out.cam, testCase.value("cam").toArray());
        QVERIFY2(error <= 1e-4, qPrintable(QStringLiteral("max cam error %1").arg(error)));
    }

    void parsesMemoryLayouts()
    {
        QCOMPARE(engine::parseMemoryLayout("auto"), std::optional(engine::MemoryLayout::Automatic));
        QCOMPARE(engine::parseMemoryLayout("nchw"), std::optional(engine::MemoryLayout::Contiguous));
        QCOMPARE(engine::parseMemoryLayout("channels-last"), std::optional(engine::MemoryLayout::ChannelsLast));
        QVERIFY(!engine::parseMemoryLayout("nhcw"));
    }

    void autoDetectsLastMapLayer()
    {
        auto model = loadOrFail(tests::fixturePath(QStringLiteral("custom_named.pt")));
        QVERIFY(model);
        QCOMPARE(model->camLayer(), std::string("body"));
        QCOMPARE(model->kind(), engine::ModelKind::NamedLayer);
    }

    void metadataFromArchive()
    {
        auto model = loadOrFail(tests::fixturePath(QStringLiteral("features_head.pt")));
        QVERIFY(model);
        QCOMPARE(model->kind(), engine::ModelKind::FeaturesHead);
        QCOMPARE(model->metadata().inputWidth, 64);
        QCOMPARE(model->metadata().run, 3);
        QVERIFY(model->metadata().fromArchive);
        auto inception = loadOrFail(tests::fixturePath(QStringLiteral("inception_v3.pt")));
        QVERIFY(inception);
        QCOMPARE(inception->kind(), engine::ModelKind::InceptionV3);
        QCOMPARE(inception->camLayer(), std::string("Mixed_7c"));
        QCOMPARE(inception->mapWidth(), 8);
    }

    void reloadsWithItsOwnMetadata()
    {
        // What load() records (camLayer "features" for a features/head module) must load again
        // the same way: the project store keeps exactly this metadata.
        for (const char* file : {"features_head.pt", "densenet_traced.pt", "custom_named.pt"}) {
            auto first = loadOrFail(tests::fixturePath(QString::fromLatin1(file)));
            QVERIFY(first);
            engine::ModelLoadOptions options;
            options.layer = first->camLayer();
            options.metadata = first->metadata();
            auto again = engine::Model::load(tests::fixturePath(QString::fromLatin1(file)).toStdString(), options);
            QVERIFY2(again.ok(), again.ok() ? "" : again.error().c_str());
            QCOMPARE(again.value()->kind(), first->kind());
            QCOMPARE(again.value()->camLayer(), first->camLayer());
        }
    }

    void oneLogitDetector()
    {
        // A sigmoid detector's z reads as logits [0, z]: class 1 when z > 0, softmax
        // [1 - sigmoid(z), sigmoid(z)], score sigmoid(z) (its maps are checked in fixtureGradCam).
        auto model = loadOrFail(tests::fixturePath(QStringLiteral("one_logit.pt")));
        QVERIFY(model);
        QVERIFY(model->singleLogit());
        QCOMPARE(model->classCount(), 2);
        QCOMPARE(model->notes(),
                 std::vector<std::string>{
                     "one output: read as a sigmoid detector, class 1 ('synthetic') when the logit is > 0"});
        QCOMPARE(model->metadata().classNames.size(), std::size_t(2));
        const auto faces = tests::referenceFaces(model->metadata().inputWidth);
        QVERIFY(faces.size() >= 2);
        const auto predictions = model->predict(batchOf(faces)).value();
        const auto cams = model->gradCam(batchOf(faces)).value();
        std::set<int> classes;
        for (std::size_t i = 0; i < faces.size(); ++i) {
            const auto& p = predictions[i];
            QCOMPARE(p.logits.size(), std::size_t(1));
            QCOMPARE(p.softmax.size(), std::size_t(2));
            const double z = p.logits[0];
            const double sigmoid = 1.0 / (1.0 + std::exp(-z));
            QCOMPARE(p.predictedClass, z > 0 ? 1 : 0);
            QVERIFY(std::fabs(p.softmax[1] - sigmoid) <= 1e-6);
            QVERIFY(std::fabs(p.softmax[0] - (1.0 - sigmoid)) <= 1e-6);
            QVERIFY(std::fabs(p.positiveScore - sigmoid) <= 1e-6);
            QCOMPARE(cams[i].prediction.predictedClass, p.predictedClass);
            QVERIFY(!cams[i].flat);
            classes.insert(p.predictedClass);
        }
        QCOMPARE(classes.size(), std::size_t(2)); // the fixture's bias puts the faces on both sides

        // The same detector wrapped in a module that squeezes its output to N logits: the
        // layer is found inside the wrapper, and everything matches.
        auto wrapped = loadOrFail(tests::fixturePath(QStringLiteral("squeezed_logit.pt")));
        QVERIFY(wrapped);
        QCOMPARE(wrapped->camLayer(), std::string("detector.body"));
        QVERIFY(wrapped->singleLogit());
        const auto wrappedCams = wrapped->gradCam(batchOf(faces)).value();
        for (std::size_t i = 0; i < faces.size(); ++i) {
            QCOMPARE(wrappedCams[i].prediction.predictedClass, cams[i].prediction.predictedClass);
            QVERIFY(std::fabs(wrappedCams[i].prediction.logits.at(0) - cams[i].prediction.logits.at(0)) <= 1e-5);
            QVERIFY(maxAbsDifference(wrappedCams[i].cam, cams[i].cam) <= 1e-5);
        }

        // With "real" as the positive class the score is the other side's probability.
        engine::ModelLoadOptions options;
        options.metadata = model->metadata();
        options.metadata->positiveClass = 0;
        auto realPositive = engine::Model::load(model->path(), options);
        QVERIFY2(realPositive.ok(), realPositive.ok() ? "" : realPositive.error().c_str());
        const auto flipped = realPositive.value()->predict(batchOf(faces)).value();
        for (std::size_t i = 0; i < faces.size(); ++i)
            QVERIFY(std::fabs(flipped[i].positiveScore - (1.0 - predictions[i].positiveScore)) <= 1e-6);
    }

    void transformerTokens()
    {
        // A ViT's CAM layer outputs 1 + 16 tokens: read as a 4x4 map, the class token dropped
        // (its Grad-CAM against the eager model is in fixtureGradCam). The layer comes from the
        // archive's metadata.
        auto model = loadOrFail(tests::fixturePath(QStringLiteral("vit_tokens.pt")));
        QVERIFY(model);
        QCOMPARE(model->camLayer(), std::string("encoder.layers.encoder_layer_1.ln_1"));
        QVERIFY(model->tokenLayer());
        QCOMPARE(model->mapWidth(), 4);
        QCOMPARE(model->mapHeight(), 4);
        QCOMPARE(model->featureChannels(), 32);
        const auto faces = tests::referenceFaces(64);
        const auto cams = model->gradCam(batchOf(faces)).value();
        for (const auto& cam : cams) {
            QCOMPARE(cam.cam.width, 4);
            QVERIFY(!cam.flat);
        }
        QVERIFY(model->notes().empty());
        auto cnn = loadOrFail(tests::fixturePath(QStringLiteral("custom_named.pt")));
        QVERIFY(cnn);
        QVERIFY(!cnn->tokenLayer());
        QVERIFY(cnn->notes().empty());

        // With no layer named, the last 4-D map is the patch embedding: the model says that
        // the tokens after it are where a transformer's Grad-CAM belongs.
        engine::ModelLoadOptions options;
        options.metadata = model->metadata();
        options.metadata->camLayer.clear();
        auto automatic = engine::Model::load(model->path(), options);
        QVERIFY2(automatic.ok(), automatic.ok() ? "" : automatic.error().c_str());
        QCOMPARE(automatic.value()->camLayer(), std::string("conv_proj"));
        QVERIFY(!automatic.value()->tokenLayer());
        QCOMPARE(automatic.value()->notes().size(), std::size_t(1));
        QVERIFY2(automatic.value()->notes().front().find("'encoder' after 'conv_proj' outputs transformer tokens")
                     != std::string::npos,
                 automatic.value()->notes().front().c_str());
    }

    void contiguousWhenChannelsLastFails()
    {
        // fixed_input.pt flattens its 4-D map with view(), which channels-last input breaks:
        // the automatic layout (channels-last on the CPU) falls back to contiguous and says so;
        // a layout asked for explicitly is kept, and the model refused with the reason.
        engine::ModelMetadata metadata;
        metadata.inputWidth = 64;
        metadata.inputHeight = 64;
        engine::ModelLoadOptions options;
        options.metadata = metadata;
        auto loaded = engine::Model::load(tests::fixturePath(QStringLiteral("fixed_input.pt")).toStdString(), options);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        const auto& model = *loaded.value();
        QVERIFY(!model.channelsLast());
        QCOMPARE(model.notes().size(), std::size_t(1));
        QVERIFY(model.notes().front().find("runs in the contiguous memory layout") != std::string::npos);
        const auto faces = tests::referenceFaces(64);
        auto cams = model.gradCam(batchOf(faces));
        QVERIFY2(cams.ok(), cams.ok() ? "" : cams.error().c_str());
        QCOMPARE(cams.value().size(), faces.size());

        options.layout = engine::MemoryLayout::ChannelsLast;
        auto forced = engine::Model::load(tests::fixturePath(QStringLiteral("fixed_input.pt")).toStdString(), options);
        QVERIFY(!forced.ok());
        QVERIFY2(QString::fromStdString(forced.error()).contains("view size"), forced.error().c_str());
    }

    void refusesBadModels_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("missing") << "does_not_exist.pt"
                                 << ""
                                 << "no such model file";
        QTest::newRow("empty") << "empty.pt"
                               << ""
                               << "is empty";
        QTest::newRow("text") << "text.pt"
                              << ""
                              << "not a TorchScript archive";
        QTest::newRow("truncated") << "truncated.pt"
                                   << ""
                                   << "not a TorchScript archive";
        QTest::newRow("checkpoint") << "checkpoint.pt"
                                    << ""
                                    << "checkpoint, not TorchScript";
        // A TorchScript archive with flipped bytes was called "a PyTorch checkpoint".
        QTest::newRow("flipped bytes") << "flipped_code.pt"
                                       << ""
                                       << "is a damaged TorchScript archive";
        // Integer outputs passed the load and failed later with a gradient error.
        QTest::newRow("integer output") << "integer_output.pt"
                                        << ""
                                        << "not floating-point logits";
        QTest::newRow("no map layer") << "no_map.pt"
                                      << ""
                                      << "no usable CAM layer";
        QTest::newRow("not logits") << "not_logits.pt"
                                    << ""
                                    << "expected N x C logits";
        QTest::newRow("rejects input size") << "fixed_input.pt"
                                            << ""
                                            << "rejects a 224x224 input";
        QTest::newRow("unknown layer") << "resnet_traced.pt"
                                       << "layer9"
                                       << "is not called";
        QTest::newRow("2-D layer") << "resnet_traced.pt"
                                   << "fc"
                                   << "no usable CAM layer";
    }

    void refusesBadModels()
    {
        QFETCH(QString, file);
        QFETCH(QString, layer);
        QFETCH(QString, fragment);
        engine::ModelLoadOptions options;
        options.layer = layer.toStdString();
        auto loaded = engine::Model::load(tests::fixturePath(file).toStdString(), options);
        QVERIFY(!loaded.ok());
        const QString message = QString::fromStdString(loaded.error());
        QVERIFY2(message.contains(fragment), qPrintable(message));
        QVERIFY2(!message.contains('\n'), "errors are one line");
    }

    void batchEqualsSingleImages()
    {
        auto model = loadOrFail(tests::referencePath(QStringLiteral("models/tiny_densenet.pt")));
        QVERIFY(model);
        std::vector<engine::ImageU8> images;
        for (const char* name :
             {"faces/ffhq_00001.png", "faces/stylegan2_000700.png", "faces/stylegan3_seed278567.png"})
            images.push_back(tests::loadImage(tests::referencePath(QString::fromLatin1(name))));
        auto batched = model->gradCam(batchOf(images));
        QVERIFY(batched.ok());
        auto predicted = model->predict(batchOf(images));
        QVERIFY(predicted.ok());
        for (std::size_t i = 0; i < images.size(); ++i) {
            auto single = model->gradCam(batchOf({images[i]}));
            QVERIFY(single.ok());
            for (std::size_t k = 0; k < single->front().cam.values.size(); ++k)
                QVERIFY(std::fabs(single->front().cam.values[k] - batched.value()[i].cam.values[k]) <= 1e-5);
            QCOMPARE(predicted.value()[i].predictedClass, batched.value()[i].prediction.predictedClass);
            QVERIFY(std::fabs(predicted.value()[i].logits[0] - batched.value()[i].prediction.logits[0]) <= 1e-5);
        }
    }

    void repeatedAndConcurrentCallsAgree()
    {
        auto model = loadOrFail(tests::referencePath(QStringLiteral("models/tiny_resnet.pt")));
        QVERIFY(model);
        const auto batch = batchOf({tests::loadImage(tests::referencePath(QStringLiteral("faces/ffhq_00001.png")))});
        const auto first = model->gradCam(batch).value().front().cam.values;
        std::vector<float> fromThreads[2];
        std::thread a([&] {
            for (int i = 0; i < 3; ++i)
                fromThreads[0] = model->gradCam(batch).value().front().cam.values;
        });
        std::thread b([&] {
            for (int i = 0; i < 3; ++i)
                fromThreads[1] = model->gradCam(batch).value().front().cam.values;
        });
        a.join();
        b.join();
        QVERIFY(fromThreads[0] == first);
        QVERIFY(fromThreads[1] == first);
    }

    void rejectsWrongImageSize()
    {
        auto model = loadOrFail(tests::referencePath(QStringLiteral("models/tiny_resnet.pt")));
        QVERIFY(model);
        auto result = model->gradCam(batchOf({engine::ImageU8::zeros(100, 100, 3)}));
        QVERIFY(!result.ok());
        QVERIFY(QString::fromStdString(result.error()).contains("the model takes 224x224"));
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
