// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The salience methods of Model::cams against a plain-PyTorch reference: each method written
// from its paper (as pytorch-grad-cam computes it) and run with hooks on the eager models
// (tests/fixtures/make_cam_references.py, the build's fixtures/cam_methods.json), for the
// predicted class and for the other class, on the reference DenseNet and ResNet, the
// features/head CNN, a model split at a named layer (and at an earlier layer) and a one-logit
// detector. Also: one call with every method equals one call per method, Grad-CAM through
// cams() is gradCam(), and bad requests are refused.

#include "core/engine/model.h"
#include "core/engine/runtime.h"
#include "tests/engine/testimages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <map>

using namespace saliscope;

Q_DECLARE_METATYPE(saliscope::engine::MemoryLayout)
Q_DECLARE_METATYPE(std::vector<int>)

namespace {

/// Largest absolute difference allowed between a map and its reference (maps are in [0, 1]).
constexpr double Tolerance = 1e-5;

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonArray referenceGroups()
{
    return readJson(tests::fixturePath(QStringLiteral("cam_methods.json"))).value("groups").toArray();
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

engine::ImageBatch batchOfFiles(const QJsonArray& paths)
{
    std::vector<engine::ImageU8> images;
    for (const auto& path : paths)
        images.push_back(tests::loadImage(path.toString()));
    auto batch = engine::ImageBatch::fromImages(images);
    return batch ? batch.value() : engine::ImageBatch{};
}

double maxError(const engine::MapF32& cam, const QJsonArray& expected)
{
    if (cam.height != expected.size())
        return INFINITY;
    double worst = 0;
    for (int r = 0; r < expected.size(); ++r) {
        const auto row = expected[r].toArray();
        if (cam.width != row.size())
            return INFINITY;
        for (int c = 0; c < row.size(); ++c)
            worst = std::max(worst, std::fabs(double(cam.at(r, c)) - row[c].toDouble()));
    }
    return worst;
}

std::vector<engine::CamMethod> methodsOf(const QJsonObject& group)
{
    std::vector<engine::CamMethod> methods;
    for (const auto& name : group.value("maps").toObject().keys())
        methods.push_back(engine::parseCamMethod(name.toStdString()).value());
    return methods;
}

std::vector<int> targetsOf(const QJsonObject& group)
{
    std::vector<int> targets;
    for (const auto& value : group.value("targets").toArray())
        targets.push_back(value.toInt());
    return targets;
}

bool sameOutputs(const std::vector<engine::CamOutput>& a, const std::vector<engine::CamOutput>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].cam.values != b[i].cam.values || a[i].cam.width != b[i].cam.width || a[i].flat != b[i].flat
            || a[i].prediction.logits != b[i].prediction.logits
            || a[i].prediction.predictedClass != b[i].prediction.predictedClass)
            return false;
    return true;
}

/// The worst difference seen per method over the whole run (printed at the end).
std::map<std::string, double>& worstByMethod()
{
    static std::map<std::string, double> worst;
    return worst;
}

} // namespace

class TestCamMethods final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        engine::configureThreads(2);
        QVERIFY2(referenceGroups().size() >= 12, "fixtures/cam_methods.json is missing or short");
    }

    void cleanupTestCase()
    {
        for (const auto& [method, worst] : worstByMethod())
            qInfo("%-10s max abs difference to the reference %.3g", method.c_str(), worst);
    }

    void matchesReference_data()
    {
        QTest::addColumn<QJsonObject>("group");
        QTest::addColumn<engine::MemoryLayout>("layout");
        for (const auto& value : referenceGroups()) {
            const auto group = value.toObject();
            const QByteArray name = group.value("name").toString().toUtf8();
            // Automatic is channels-last on the CPU: both layouts must match the reference (the
            // contiguous one for the predicted classes only, to keep the test short).
            QTest::addRow("%s, automatic", name.constData()) << group << engine::MemoryLayout::Automatic;
            if (group.value("targets").isNull())
                QTest::addRow("%s, contiguous", name.constData()) << group << engine::MemoryLayout::Contiguous;
        }
    }

    /// Every method in one call, for the whole batch, against the reference map of each image.
    void matchesReference()
    {
        QFETCH(QJsonObject, group);
        QFETCH(engine::MemoryLayout, layout);
        auto model = loadOrFail(group.value("model").toString(), group.value("layer").toString(), layout);
        QVERIFY(model);
        QCOMPARE(QString::fromLatin1(engine::modelKindName(model->kind())), group.value("kind").toString());
        if (model->kind() != engine::ModelKind::FeaturesHead)
            QCOMPARE(QString::fromStdString(model->camLayer()), group.value("cam_layer").toString());
        const auto batch = batchOfFiles(group.value("images").toArray());
        QCOMPARE(batch.count, group.value("images").toArray().size());
        engine::CamRequest request;
        request.methods = methodsOf(group);
        request.targetClasses = targetsOf(group);
        QVERIFY(request.methods.size() >= 6);
        auto result = model->cams(batch, request);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        QCOMPARE(result.value().size(), request.methods.size());
        const auto predicted = group.value("predicted").toArray();
        const auto logits = group.value("logits").toArray();
        for (std::size_t m = 0; m < request.methods.size(); ++m) {
            const std::string name = engine::camMethodName(request.methods[m]);
            const auto maps = group.value("maps").toObject().value(QString::fromStdString(name)).toArray();
            const auto flat = group.value("flat").toObject().value(QString::fromStdString(name)).toArray();
            const auto& outputs = result.value()[m];
            QCOMPARE(int(outputs.size()), batch.count);
            for (int i = 0; i < batch.count; ++i) {
                const auto& out = outputs[std::size_t(i)];
                QCOMPARE(out.prediction.predictedClass, predicted[i].toInt());
                const auto expectedLogits = logits[i].toArray();
                QCOMPARE(int(out.prediction.logits.size()), expectedLogits.size());
                for (int k = 0; k < expectedLogits.size(); ++k)
                    QVERIFY(std::fabs(out.prediction.logits[std::size_t(k)] - expectedLogits[k].toDouble()) <= 1e-4);
                QCOMPARE(out.flat, flat[i].toBool());
                const double error = maxError(out.cam, maps[i].toArray());
                double& worst = worstByMethod()[name];
                worst = std::max(worst, error);
                QVERIFY2(error <= Tolerance,
                         qPrintable(QStringLiteral("%1, image %2: max abs difference %3 > %4")
                                        .arg(QString::fromStdString(name))
                                        .arg(i)
                                        .arg(error)
                                        .arg(Tolerance)));
            }
        }
    }

    /// LayerCAM's point: a finer map at an earlier layer (body.1, 14x14, against body's 7x7).
    void layerCamAtEarlierLayer()
    {
        QJsonObject group;
        for (const auto& value : referenceGroups())
            if (value.toObject().value("layer").toString() == QLatin1String("body.1")
                && value.toObject().value("targets").isNull())
                group = value.toObject();
        QVERIFY(!group.isEmpty());
        auto model = loadOrFail(group.value("model").toString(), QStringLiteral("body.1"));
        auto atBody = loadOrFail(group.value("model").toString(), QStringLiteral("body"));
        QVERIFY(model && atBody);
        QCOMPARE(model->camLayer(), std::string("body.1"));
        QCOMPARE(model->mapWidth(), 14);
        QCOMPARE(atBody->mapWidth(), 7);
        const auto batch = batchOfFiles(group.value("images").toArray());
        const auto maps = model->cams(batch, {{engine::CamMethod::LayerCam}, {}});
        QVERIFY2(maps.ok(), maps.ok() ? "" : maps.error().c_str());
        // At body.1 the gradient varies over positions (the rest of the body lies between it and the
        // pooling), so the gradient methods' references all differ there, HiResCAM and XGrad-CAM
        // from Grad-CAM included: matchesReference's body.1 rows tell their formulas apart.
        const auto references = group.value("maps").toObject();
        const QStringList gradientMethods{"gradcam", "hirescam", "gradcampp", "xgradcam", "layercam"};
        for (int a = 0; a < gradientMethods.size(); ++a)
            for (int b = a + 1; b < gradientMethods.size(); ++b) {
                double largest = 0;
                const auto first = references.value(gradientMethods[a]).toArray();
                const auto second = references.value(gradientMethods[b]).toArray();
                for (int i = 0; i < first.size(); ++i) {
                    engine::MapF32 map{14, 14, {}};
                    for (const auto& row : first[i].toArray())
                        for (const auto& v : row.toArray())
                            map.values.push_back(float(v.toDouble()));
                    largest = std::max(largest, maxError(map, second[i].toArray()));
                }
                QVERIFY2(largest > 1e-2, qPrintable(gradientMethods[a] + QLatin1Char(' ') + gradientMethods[b]));
            }
        const auto expected = group.value("maps").toObject().value("layercam").toArray();
        for (int i = 0; i < batch.count; ++i) {
            const auto& cam = maps.value().front()[std::size_t(i)].cam;
            QCOMPARE(cam.width, 14);
            QCOMPARE(cam.height, 14);
            const double error = maxError(cam, expected[i].toArray());
            QVERIFY2(error <= Tolerance, qPrintable(QString::number(error)));
        }
    }

    void oneCallEqualsOneCallPerMethod_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QStringList>("images");
        QTest::addColumn<std::vector<int>>("targets");
        const QStringList faces64{tests::fixturePath("cam_ffhq_00001_64.png"),
                                  tests::fixturePath("cam_stylegan1_000700_64.png"),
                                  tests::fixturePath("cam_stylegan2_000700_64.png")};
        const QStringList faces224{tests::referencePath("faces/ffhq_00001.png"),
                                   tests::referencePath("faces/stylegan2_000700.png")};
        QTest::newRow("features/head") << tests::fixturePath("features_head.pt") << QString() << faces64
                                       << std::vector<int>{};
        QTest::newRow("features/head, classes 1 0 1")
            << tests::fixturePath("features_head.pt") << QString() << faces64 << std::vector<int>{1, 0, 1};
        QTest::newRow("one logit, classes 0 0")
            << tests::fixturePath("one_logit.pt") << QStringLiteral("body") << faces224 << std::vector<int>{0, 0};
    }

    /// The methods share one layer pass: asking for all of them changes none of their maps.
    void oneCallEqualsOneCallPerMethod()
    {
        QFETCH(QString, model);
        QFETCH(QString, layer);
        QFETCH(QStringList, images);
        QFETCH(std::vector<int>, targets);
        auto loaded = loadOrFail(model, layer);
        QVERIFY(loaded);
        QJsonArray paths;
        for (const auto& path : images)
            paths.append(path);
        const auto batch = batchOfFiles(paths);
        QCOMPARE(batch.count, images.size());
        const auto all = loaded->cams(batch, {engine::allCamMethods(), targets});
        QVERIFY2(all.ok(), all.ok() ? "" : all.error().c_str());
        QCOMPARE(all.value().size(), engine::allCamMethods().size());
        for (std::size_t m = 0; m < engine::allCamMethods().size(); ++m) {
            const auto method = engine::allCamMethods()[m];
            const auto alone = loaded->cams(batch, {{method}, targets});
            QVERIFY2(alone.ok(), alone.ok() ? "" : alone.error().c_str());
            QCOMPARE(alone.value().size(), std::size_t(1));
            QVERIFY2(sameOutputs(alone.value().front(), all.value()[m]), engine::camMethodName(method));
        }
        // The maps are each method's own: Grad-CAM++, LayerCAM, Eigen-CAM and Score-CAM differ from
        // Grad-CAM. (HiResCAM and XGrad-CAM equal Grad-CAM in exact arithmetic here: these heads
        // average-pool the CAM layer, so the gradient is the same at every position; the
        // reference cases at body.1 are where those three differ.)
        const auto& gradCam = all.value().front();
        for (std::size_t m = 0; m < engine::allCamMethods().size(); ++m) {
            const auto method = engine::allCamMethods()[m];
            if (method == engine::CamMethod::GradCam || method == engine::CamMethod::HiResCam
                || method == engine::CamMethod::XGradCam)
                continue;
            double largest = 0;
            for (std::size_t i = 0; i < gradCam.size(); ++i)
                for (std::size_t k = 0; k < gradCam[i].cam.values.size(); ++k)
                    largest =
                        std::max(largest,
                                 double(std::fabs(gradCam[i].cam.values[k] - all.value()[m][i].cam.values.at(k))));
            QVERIFY2(largest > 1e-3, engine::camMethodName(method));
        }
    }

    void gradCamOfCamsIsGradCam_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("layer");
        QTest::addColumn<int>("size");
        QTest::newRow("densenet") << tests::referencePath("models/tiny_densenet.pt") << QString() << 224;
        QTest::newRow("resnet") << tests::referencePath("models/tiny_resnet.pt") << QString() << 224;
        QTest::newRow("features/head") << tests::fixturePath("features_head.pt") << QString() << 64;
        QTest::newRow("custom named") << tests::fixturePath("custom_named.pt") << QStringLiteral("body") << 224;
        QTest::newRow("one logit") << tests::fixturePath("one_logit.pt") << QStringLiteral("body") << 224;
    }

    /// Grad-CAM through cams() is gradCam(), bit for bit, alone, among the others and with the
    /// predicted classes named as targets.
    void gradCamOfCamsIsGradCam()
    {
        QFETCH(QString, model);
        QFETCH(QString, layer);
        QFETCH(int, size);
        auto loaded = loadOrFail(model, layer);
        QVERIFY(loaded);
        const auto batch = engine::ImageBatch::fromImages(tests::referenceFaces(size)).value();
        QCOMPARE(batch.count, 3);
        const auto gradCam = loaded->gradCam(batch);
        QVERIFY2(gradCam.ok(), gradCam.ok() ? "" : gradCam.error().c_str());
        std::vector<int> predicted;
        for (const auto& out : gradCam.value())
            predicted.push_back(out.prediction.predictedClass);
        const auto alone = loaded->cams(batch, {{engine::CamMethod::GradCam}, {}});
        const auto among = loaded->cams(batch, {{engine::CamMethod::EigenCam, engine::CamMethod::GradCam}, {}});
        const auto named = loaded->cams(batch, {{engine::CamMethod::GradCam}, predicted});
        QVERIFY(alone.ok() && among.ok() && named.ok());
        QVERIFY(sameOutputs(alone.value().front(), gradCam.value()));
        QVERIFY(sameOutputs(among.value()[1], gradCam.value()));
        QVERIFY(sameOutputs(named.value().front(), gradCam.value()));
        // Another class explained: another map (for at least one image).
        std::vector<int> others;
        for (int c : predicted)
            others.push_back(1 - c);
        const auto other = loaded->cams(batch, {{engine::CamMethod::GradCam}, others});
        QVERIFY(other.ok());
        QVERIFY(!sameOutputs(other.value().front(), gradCam.value()));
    }

    void refusesBadRequests()
    {
        auto model = loadOrFail(tests::fixturePath("features_head.pt"));
        auto oneLogit = loadOrFail(tests::fixturePath("one_logit.pt"), QStringLiteral("body"));
        QVERIFY(model && oneLogit);
        const auto batch = engine::ImageBatch::fromImages(tests::referenceFaces(64)).value();
        const auto batch224 = engine::ImageBatch::fromImages(tests::referenceFaces(224)).value();
        QCOMPARE(batch.count, 3);
        auto fails = [](const auto& result, const char* fragment) {
            if (result.ok())
                return false;
            if (result.error().find(fragment) == std::string::npos) {
                qWarning("unexpected error: %s", result.error().c_str());
                return false;
            }
            return true;
        };
        for (const auto method : engine::allCamMethods()) {
            QVERIFY(fails(model->cams(batch, {{method}, {0, 1, 2}}), "target class 2 is not a class of the model"));
            QVERIFY(fails(model->cams(batch, {{method}, {0, -1, 1}}), "target class -1"));
            QVERIFY(fails(model->cams(batch, {{method}, {0, 1}}), "3 images but 2 target classes"));
            QVERIFY(fails(model->cams(batch, {{method}, {0, 1, 0, 1}}), "3 images but 4 target classes"));
            // A one-logit detector has two classes, 0 (-z) and 1 (z), and no third.
            QVERIFY(fails(oneLogit->cams(batch224, {{method}, {1, 2, 0}}), "target class 2"));
        }
        QVERIFY(fails(model->cams(batch, {{}, {}}), "no salience method"));
        QVERIFY(oneLogit->cams(batch224, {{engine::CamMethod::GradCam}, {1, 0, 0}}).ok());
        QVERIFY(model->cams(batch, {{engine::CamMethod::GradCam}, {1, 0, 1}}).ok());
    }
};

QTEST_GUILESS_MAIN(TestCamMethods)
#include "tst_cammethods.moc"
