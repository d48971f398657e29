// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Tests of engine/devicemeasures: every batched tensor operation against the per-image CPU
// implementation it replaces on a GPU, run here on the CPU device. Exact where the maths allow
// (quantisation, upscale, histogram, transforms, noise, guide levels); float64 summation order
// bounds entropy and SSIM (1e-12); the level blurs of the degradation (float64 convolutions, not
// scipy's order of sums) differ by at most one grey level per pass on a small share of values
// (0.41% on the faces below with float64, 1.9% with float32; measured and bounded below).

#include "core/engine/cammaps.h"
#include "core/engine/degradation.h"
#include "core/engine/devicemeasures.h"
#include "core/engine/entropy.h"
#include "core/engine/imageops.h"
#include "core/engine/model.h"
#include "core/engine/pillowresize.h"
#include "core/engine/ssim.h"
#include "tests/engine/testimages.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace saliscope;
using engine::DeviceArray;
using engine::ImageU8;
using engine::MapF32;

namespace {

std::unique_ptr<engine::DeviceMeasures> cpuDevice()
{
    auto device = engine::DeviceMeasures::create("cpu");
    return device ? std::move(device).value() : nullptr;
}

ImageU8 randomImage(std::mt19937& random, int width, int height, int channels, int levels = 256)
{
    ImageU8 image = ImageU8::zeros(width, height, channels);
    for (auto& value : image.pixels)
        value = std::uint8_t(int(random() % std::uint32_t(levels)) * (255 / std::max(levels - 1, 1)));
    return image;
}

/// A smooth blob map (salience-like), values 0..255.
ImageU8 blobMap(int width, int height, double cx, double cy, double radius)
{
    ImageU8 map = ImageU8::zeros(width, height, 1);
    for (int r = 0; r < height; ++r)
        for (int c = 0; c < width; ++c) {
            const double d2 = (c - cx) * (c - cx) + (r - cy) * (r - cy);
            map.at(r, c) = std::uint8_t(std::lround(255.0 * std::exp(-d2 / (2 * radius * radius))));
        }
    return map;
}

MapF32 randomCam(std::mt19937& random, int width, int height)
{
    std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
    MapF32 cam{width, height, std::vector<float>(std::size_t(width) * height)};
    for (auto& value : cam.values)
        value = uniform(random);
    cam.values[0] = 0.0f;
    cam.values[1] = 1.0f;
    cam.values[2] = 3.0f / 255.0f; // products at an integer
    return cam;
}

template <typename T> T take(Result<T> result)
{
    if (!result)
        qFatal("%s", result.error().c_str());
    return std::move(result).value();
}

std::vector<double> scalars(engine::DeviceMeasures& device, const DeviceArray& array)
{
    return take(device.fetch({array})).front();
}

/// The reference faces resized (Pillow bilinear) to size x size.
} // namespace

Q_DECLARE_METATYPE(saliscope::engine::NoiseGenerator)

class TestDeviceMeasures final : public QObject {
    Q_OBJECT

private slots:
    void quantizeIsExact();
    void upscaleIsPillowExact_data();
    void upscaleIsPillowExact();
    void histogramEntropyMatches();
    void spatialEntropyMatches();
    void ssimMatches();
    void transformsAreExact();
    void noiseIsIdentical_data();
    void noiseIsIdentical();
    void degradationWithinOneGreyLevelPerPass();
    void zeroGuideLeavesImagesUnchanged();
    void annotationMassMatches();
    void gradCamMatchesModel_data();
    void gradCamMatchesModel();
    void fetchKeepsOrder();
    void errors();
};

void TestDeviceMeasures::quantizeIsExact()
{
    auto device = cpuDevice();
    QVERIFY(device);
    std::mt19937 random(1);
    std::vector<MapF32> cams;
    for (int i = 0; i < 6; ++i)
        cams.push_back(randomCam(random, 7, 9));
    const auto quantized = take(device->downloadImages(take(device->quantize(take(device->uploadCams(cams))))));
    QCOMPARE(quantized.size(), cams.size());
    for (std::size_t i = 0; i < cams.size(); ++i)
        QCOMPARE(quantized[i], engine::quantizeMap(cams[i]));
}

void TestDeviceMeasures::upscaleIsPillowExact_data()
{
    QTest::addColumn<int>("inWidth");
    QTest::addColumn<int>("inHeight");
    QTest::addColumn<int>("outWidth");
    QTest::addColumn<int>("outHeight");
    QTest::newRow("7x7 to 224x224 (DenseNet)") << 7 << 7 << 224 << 224;
    QTest::newRow("5x9 to 37x20 (both ways)") << 5 << 9 << 37 << 20;
    QTest::newRow("8x8 to 299x299 (Inception)") << 8 << 8 << 299 << 299;
    QTest::newRow("only the height") << 6 << 4 << 6 << 31;
    QTest::newRow("40x30 down to 7x5 (antialiased)") << 40 << 30 << 7 << 5;
}

void TestDeviceMeasures::upscaleIsPillowExact()
{
    QFETCH(int, inWidth);
    QFETCH(int, inHeight);
    QFETCH(int, outWidth);
    QFETCH(int, outHeight);
    auto device = cpuDevice();
    QVERIFY(device);
    std::mt19937 random(2);
    std::vector<ImageU8> maps;
    for (int i = 0; i < 4; ++i)
        maps.push_back(randomImage(random, inWidth, inHeight, 1));
    maps.push_back(ImageU8{inWidth, inHeight, 1, std::vector<std::uint8_t>(std::size_t(inWidth) * inHeight, 255)});
    const auto upscaled = take(
        device->downloadImages(take(device->upscale(take(device->upload(maps)), outWidth, outHeight))));
    std::int64_t differing = 0;
    for (std::size_t i = 0; i < maps.size(); ++i) {
        const ImageU8 expected = engine::upscaleMap(maps[i], outWidth, outHeight);
        QCOMPARE(upscaled[i].width, expected.width);
        QCOMPARE(upscaled[i].height, expected.height);
        for (std::size_t p = 0; p < expected.pixels.size(); ++p)
            differing += upscaled[i].pixels[p] != expected.pixels[p];
    }
    QCOMPARE(differing, std::int64_t(0)); // integer fixed-point sums are exact in float64
}

void TestDeviceMeasures::histogramEntropyMatches()
{
    auto device = cpuDevice();
    QVERIFY(device);
    std::mt19937 random(3);
    std::vector<ImageU8> maps;
    for (int levels : {256, 17, 3, 2})
        maps.push_back(randomImage(random, 224, 224, 1, levels));
    maps.push_back(ImageU8{224, 224, 1, std::vector<std::uint8_t>(224 * 224, 9)}); // constant: 0 bits
    maps.push_back(blobMap(224, 224, 80, 120, 30));
    const auto [bits, normalized] = take(device->histogramEntropy(take(device->upload(maps))));
    const auto values = take(device->fetch({bits, normalized}));
    for (std::size_t i = 0; i < maps.size(); ++i) {
        const auto expected = engine::histogramEntropy(maps[i]);
        QVERIFY2(std::fabs(values[0][i] - expected.bits) <= 1e-12, qPrintable(QString::number(i)));
        QVERIFY(std::fabs(values[1][i] - expected.normalized) <= 1e-12);
    }
    QCOMPARE(values[0][4], 0.0);
    QVERIFY(values[0][0] > 7.9); // 256 equally likely values: close to 8 bits
    // A 7x7 map normalises by log2(49).
    std::vector<ImageU8> small{randomImage(random, 7, 7, 1)};
    const auto smallNormalized = scalars(*device, take(device->histogramEntropy(take(device->upload(small)))).second);
    QVERIFY(std::fabs(smallNormalized[0] - engine::histogramEntropy(small[0]).normalized) <= 1e-12);
}

void TestDeviceMeasures::spatialEntropyMatches()
{
    auto device = cpuDevice();
    QVERIFY(device);
    std::mt19937 random(4);
    std::vector<MapF32> cams;
    for (int i = 0; i < 4; ++i)
        cams.push_back(randomCam(random, 7, 7));
    cams.push_back(MapF32{7, 7, std::vector<float>(49, 0.0f)}); // all zero: 0
    MapF32 peak{7, 7, std::vector<float>(49, 0.0f)};
    peak.values[24] = 1.0f; // one pixel: 0
    cams.push_back(peak);
    cams.push_back(MapF32{7, 7, std::vector<float>(49, 0.5f)}); // uniform: 1
    const auto values = scalars(*device, take(device->spatialEntropy(take(device->uploadCams(cams)))));
    for (std::size_t i = 0; i < cams.size(); ++i)
        QVERIFY2(std::fabs(values[i] - engine::spatialEntropy(cams[i])) <= 1e-12, qPrintable(QString::number(i)));
    QCOMPARE(values[4], 0.0);
    QCOMPARE(values[5], 0.0);
    QVERIFY(std::fabs(values[6] - 1.0) <= 1e-12);
}

void TestDeviceMeasures::ssimMatches()
{
    auto device = cpuDevice();
    QVERIFY(device);
    std::mt19937 random(5);
    double maxError = 0.0;
    for (int size : {7, 9, 224}) {
        std::vector<ImageU8> first, second;
        for (int i = 0; i < 3; ++i) {
            first.push_back(randomImage(random, size, size, 1));
            second.push_back(randomImage(random, size, size, 1));
        }
        first.push_back(blobMap(size, size, size * 0.4, size * 0.5, size * 0.2));
        second.push_back(blobMap(size, size, size * 0.5, size * 0.45, size * 0.25));
        first.push_back(first.front()); // identical: 1
        second.push_back(first.front());
        first.push_back(ImageU8{size, size, 1, std::vector<std::uint8_t>(std::size_t(size) * size, 0)});
        second.push_back(ImageU8{size, size, 1, std::vector<std::uint8_t>(std::size_t(size) * size, 0)});
        const auto values = scalars(*device,
                                    take(device->ssim(take(device->upload(first)), take(device->upload(second)))));
        for (std::size_t i = 0; i < first.size(); ++i) {
            const double expected = take(engine::structuralSimilarity(first[i], second[i]));
            maxError = std::max(maxError, std::fabs(values[i] - expected));
        }
        QVERIFY(std::fabs(values[4] - 1.0) <= 1e-12);
    }
    qInfo("SSIM: largest |device - CPU| %.3g (float64 on both; the mean summed in another order)", maxError);
    QVERIFY(maxError <= 1e-12);
}

void TestDeviceMeasures::transformsAreExact()
{
    auto device = cpuDevice();
    QVERIFY(device);
    std::mt19937 random(6);
    for (const auto& [width, height, channels] :
         {std::tuple{32, 32, 3}, std::tuple{40, 24, 3}, std::tuple{32, 32, 1}}) {
        std::vector<ImageU8> images;
        for (int i = 0; i < 3; ++i)
            images.push_back(randomImage(random, width, height, channels));
        const DeviceArray uploaded = take(device->upload(images));
        auto transforms = engine::standardTransforms(width);
        transforms.push_back({engine::TransformKind::Shift, 50, -3}); // beyond the border
        for (const auto& transform : transforms) {
            const bool rotation = transform.kind == engine::TransformKind::Rotate90Clockwise
                || transform.kind == engine::TransformKind::Rotate90CounterClockwise;
            const auto moved = take(device->downloadImages(take(device->transform(uploaded, transform))));
            for (std::size_t i = 0; i < images.size(); ++i)
                QVERIFY2(moved[i] == engine::applyTransform(images[i], transform),
                         qPrintable(QString::fromStdString(engine::transformName(transform))));
            if (rotation)
                QCOMPARE(moved.front().width, height);
        }
    }
}

void TestDeviceMeasures::noiseIsIdentical_data()
{
    QTest::addColumn<engine::NoiseGenerator>("generator");
    QTest::newRow("counter") << engine::NoiseGenerator::Counter;
    QTest::newRow("sequential") << engine::NoiseGenerator::Sequential;
}

void TestDeviceMeasures::noiseIsIdentical()
{
    // Bit-identical to the CPU: the counter generator's int64 tensor arithmetic must wrap exactly
    // like uint64 (seeds with the top bit set, all ones and zero included).
    QFETCH(engine::NoiseGenerator, generator);
    auto device = cpuDevice();
    QVERIFY(device);
    std::mt19937 random(7);
    std::vector<ImageU8> images;
    for (int i = 0; i < 4; ++i)
        images.push_back(randomImage(random, 48, 40, 3));
    const DeviceArray uploaded = take(device->upload(images));
    const engine::NoiseParams params;
    for (double level : params.levels) {
        std::vector<std::uint64_t> seeds;
        for (std::size_t i = 0; i < images.size(); ++i)
            seeds.push_back(engine::noiseDrawSeed(params.seed, 1000 + i, level));
        if (level == 0.5)
            seeds = {0, ~0ULL, 1ULL << 63, 0x9e3779b97f4a7c15ULL};
        const auto noisy = take(
            device->downloadImages(take(device->saltPepper(uploaded, level, seeds, 0.3, generator))));
        for (std::size_t i = 0; i < images.size(); ++i)
            QVERIFY2(noisy[i] == engine::addSaltPepperNoise(images[i], level, seeds[i], 0.3, generator),
                     qPrintable(QString::number(level)));
    }
}

void TestDeviceMeasures::degradationWithinOneGreyLevelPerPass()
{
    auto device = cpuDevice();
    QVERIFY(device);
    const auto images = tests::referenceFaces(96);
    QCOMPARE(images.size(), std::size_t(3));
    std::vector<ImageU8> maps{blobMap(96, 96, 40, 50, 14), blobMap(96, 96, 60, 30, 25),
                              engine::upscaleMap(blobMap(7, 7, 3, 3, 1.5), 96, 96)};
    std::vector<ImageU8> smallMaps{blobMap(12, 12, 5, 6, 2), blobMap(12, 12, 7, 4, 3), blobMap(12, 12, 6, 6, 1.5)};
    const DeviceArray uploaded = take(device->upload(images));
    for (const bool fast : {false, true}) {
        device->setFastBlur(fast);
        std::int64_t differing = 0, total = 0;
        int maxDifference = 0;
        for (const auto* guides : {&maps, &smallMaps})
            for (auto mode : {engine::DegradationMode::Background, engine::DegradationMode::Object}) {
                const auto degraded = take(
                    device->downloadImages(take(device->degrade(uploaded, take(device->upload(*guides)), mode))));
                for (std::size_t i = 0; i < images.size(); ++i) {
                    const ImageU8 expected = take(engine::degradeBySalience(images[i], (*guides)[i], mode));
                    QCOMPARE(degraded[i].width, expected.width);
                    int changed = 0;
                    for (std::size_t p = 0; p < expected.pixels.size(); ++p) {
                        const int difference = std::abs(int(degraded[i].pixels[p]) - int(expected.pixels[p]));
                        differing += difference != 0;
                        maxDifference = std::max(maxDifference, difference);
                        changed += expected.pixels[p] != images[i].pixels[p];
                    }
                    total += std::int64_t(expected.pixels.size());
                    QVERIFY(changed > int(expected.pixels.size() / 20)); // the blur really acted
                }
            }
        qInfo("degradation (%s blur): %lld of %lld values differ from scipy's (%.3f%%), by at most %d grey level(s)",
              fast ? "float32" : "float64", (long long)differing, (long long)total,
              100.0 * double(differing) / double(total), maxDifference);
        QVERIFY(maxDifference <= 2); // one truncation per pass
        QVERIFY(double(differing) <= (fast ? 0.03 : 0.01) * double(total));
    }
}

void TestDeviceMeasures::zeroGuideLeavesImagesUnchanged()
{
    auto device = cpuDevice();
    QVERIFY(device);
    std::mt19937 random(8);
    std::vector<ImageU8> images{randomImage(random, 20, 16, 3), randomImage(random, 20, 16, 3)};
    std::vector<ImageU8> maps{ImageU8::zeros(20, 16, 1), ImageU8{20, 16, 1, std::vector<std::uint8_t>(320, 255)}};
    const auto background = take(
        device->downloadImages(take(device->degrade(take(device->upload(images)), take(device->upload(maps)),
                                                    engine::DegradationMode::Background))));
    QCOMPARE(background[0], images[0]); // zero guide
    QCOMPARE(background[1], images[1]); // every pixel at level 100: no blur
    const auto object = take(device->downloadImages(take(
        device->degrade(take(device->upload(images)), take(device->upload(maps)), engine::DegradationMode::Object))));
    QCOMPARE(object[1], images[1]); // 255 - 255: zero guide
    QCOMPARE(object[0], images[0]); // 255 - 0: a flat guide puts every pixel at level 100
    for (std::size_t i = 0; i < images.size(); ++i) {
        QCOMPARE(background[i],
                 take(engine::degradeBySalience(images[i], maps[i], engine::DegradationMode::Background)));
        QCOMPARE(object[i], take(engine::degradeBySalience(images[i], maps[i], engine::DegradationMode::Object)));
    }
}

void TestDeviceMeasures::annotationMassMatches()
{
    auto device = cpuDevice();
    QVERIFY(device);
    std::mt19937 random(9);
    std::vector<ImageU8> maps{randomImage(random, 30, 20, 1), blobMap(30, 20, 10, 10, 5), ImageU8::zeros(30, 20, 1)};
    std::vector<ImageU8> annotations{blobMap(30, 20, 12, 8, 6), randomImage(random, 30, 20, 1, 2),
                                     blobMap(30, 20, 12, 8, 6)};
    const auto values =
        scalars(*device, take(device->annotationMass(take(device->upload(maps)), take(device->upload(annotations)))));
    for (std::size_t i = 0; i < 2; ++i) {
        double inside = 0, total = 0;
        for (std::size_t p = 0; p < maps[i].pixels.size(); ++p) {
            total += maps[i].pixels[p];
            if (annotations[i].pixels[p] > 127)
                inside += maps[i].pixels[p];
        }
        QVERIFY(std::fabs(values[i] - inside / total) <= 1e-12);
        QVERIFY(values[i] > 0.0 && values[i] < 1.0);
    }
    QVERIFY(std::isnan(values[2]));
}

void TestDeviceMeasures::gradCamMatchesModel_data()
{
    QTest::addColumn<QString>("modelPath");
    QTest::newRow("reference densenet") << tests::referencePath(QStringLiteral("models/tiny_densenet.pt"));
    QTest::newRow("one-logit detector") << tests::fixturePath(QStringLiteral("one_logit.pt"));
    QTest::newRow("vision transformer") << tests::fixturePath(QStringLiteral("vit_tokens.pt"));
}

void TestDeviceMeasures::gradCamMatchesModel()
{
    QFETCH(QString, modelPath);
    auto loaded = engine::Model::load(modelPath.toStdString());
    QVERIFY2(loaded, loaded ? "" : loaded.error().c_str());
    const engine::Model& model = *loaded.value();
    auto device = cpuDevice();
    QVERIFY(device);
    const auto images = tests::referenceFaces(model.metadata().inputWidth);
    QCOMPARE(images.size(), std::size_t(3));
    const auto batch = take(engine::ImageBatch::fromImages(images));
    const auto expected = take(model.gradCam(batch));
    const auto cams = take(device->cams(model, take(device->upload(batch))));
    const auto hostCams = take(device->downloadCams(cams.cams));
    const auto values = take(device->fetch({cams.predicted, cams.flat, cams.sigmoidScore, cams.softmaxScore}));
    const int positive = model.metadata().positiveClass;
    for (std::size_t i = 0; i < images.size(); ++i) {
        QCOMPARE(hostCams[i].values, expected[i].cam.values);
        QCOMPARE(int(values[0][i]), expected[i].prediction.predictedClass);
        QCOMPARE(values[1][i] != 0.0, expected[i].flat);
        QCOMPARE(values[2][i], expected[i].prediction.positiveScore);
        QCOMPARE(values[3][i], double(expected[i].prediction.softmax[std::size_t(positive)]));
    }
    const auto predicted = scalars(*device, take(device->predict(model, take(device->upload(batch)))));
    const auto predictions = take(model.predict(batch));
    for (std::size_t i = 0; i < images.size(); ++i)
        QCOMPARE(int(predicted[i]), predictions[i].predictedClass);
    // The maps of the device path are the CPU path's maps.
    const auto small = take(device->downloadImages(take(device->quantize(cams.cams))));
    for (std::size_t i = 0; i < images.size(); ++i)
        QCOMPARE(small[i], engine::quantizeMap(expected[i].cam));
}

void TestDeviceMeasures::fetchKeepsOrder()
{
    auto device = cpuDevice();
    QVERIFY(device);
    std::vector<ImageU8> maps{ImageU8{7, 7, 1, std::vector<std::uint8_t>(49, 1)},
                              ImageU8{7, 7, 1, std::vector<std::uint8_t>(49, 2)}};
    std::vector<ImageU8> others{maps[1], maps[0]};
    const DeviceArray a = take(device->upload(maps));
    const DeviceArray b = take(device->upload(others));
    const auto values = take(
        device->fetch({take(device->ssim(a, a)), take(device->ssim(a, b)), take(device->histogramEntropy(a)).first}));
    QCOMPARE(values.size(), std::size_t(3));
    QCOMPARE(values[0], (std::vector<double>{1.0, 1.0}));
    QVERIFY(values[1][0] < 1.0);
    QCOMPARE(values[2], (std::vector<double>{0.0, 0.0}));
    QVERIFY(take(device->fetch({})).empty());
}

void TestDeviceMeasures::errors()
{
    QVERIFY(!engine::DeviceMeasures::create("quantum:3"));
    QVERIFY(engine::DeviceMeasures::create("cpu"));
    auto device = cpuDevice();
    std::mt19937 random(10);
    const DeviceArray rgb = take(device->upload(std::vector<ImageU8>{randomImage(random, 9, 9, 3)}));
    const DeviceArray grey = take(device->upload(std::vector<ImageU8>{randomImage(random, 9, 9, 1)}));
    const DeviceArray smallGrey = take(device->upload(std::vector<ImageU8>{randomImage(random, 8, 8, 1)}));
    const DeviceArray two = take(
        device->upload(std::vector<ImageU8>{randomImage(random, 9, 9, 1), randomImage(random, 9, 9, 1)}));
    QVERIFY(!device->ssim(rgb, rgb));        // three channels
    QVERIFY(!device->ssim(grey, smallGrey)); // shapes differ
    engine::SsimParams even;
    even.windowSize = 4;
    QVERIFY(!device->ssim(grey, grey, even));
    engine::SsimParams large;
    large.windowSize = 11;
    const auto tooLarge = device->ssim(grey, grey, large);
    QVERIFY(!tooLarge);
    QVERIFY(tooLarge.error().find("exceeds") != std::string::npos);
    QVERIFY(!device->degrade(rgb, two, engine::DegradationMode::Background)); // one map per image
    QVERIFY(!device->saltPepper(rgb, 0.1, {1, 2}));                           // one seed per image
    QVERIFY(!device->quantize(grey));                                         // not a CAM
    QVERIFY(!device->upscale(grey, 0, 5));
    QVERIFY(!device->upload(std::vector<ImageU8>{}));
    QVERIFY(!device->upload(std::vector<ImageU8>{randomImage(random, 9, 9, 1), randomImage(random, 9, 8, 1)}));
    QVERIFY(!device->fetch({DeviceArray()}));
    QVERIFY(!device->histogramEntropy(DeviceArray()));
}

QTEST_GUILESS_MAIN(TestDeviceMeasures)
#include "tst_devicemeasures.moc"
