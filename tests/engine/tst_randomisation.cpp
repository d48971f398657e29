// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The sanity checks' cascading randomisation: the blocks of torchvision DenseNets and ResNets
// (scripted and traced), of a features/head CNN and of the demo trainer's SmallCnn (its tensors
// top-level attributes), written out here from the documented rule (parameterreset.h); what
// re-initialising a block does to the module's tensors (LibTorch, on the loaded archives); and
// Model::randomisedCopy: deterministic, the original untouched, the head-only copy keeps the
// activations, a fully randomised model explains differently.

// LibTorch before Qt: Qt's `slots` keyword would break c10's Object::slots().
#include <torch/script.h>

#include "core/engine/model.h"
#include "core/engine/parameterreset.h"
#include "core/engine/runtime.h"
#include "core/engine/trainer.h"
#include "tests/engine/testimages.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>
#include <random>

using namespace saliscope;

Q_DECLARE_METATYPE(std::vector<std::string>)

namespace {

using Blocks = std::vector<std::string>;

const Blocks& denseNetBlocks()
{
    static const Blocks blocks{"classifier",           "features.norm5",       "features.denseblock4",
                               "features.transition3", "features.denseblock3", "features.transition2",
                               "features.denseblock2", "features.transition1", "features.denseblock1",
                               "features.norm0",       "features.conv0"};
    return blocks;
}

/// torchvision ResNet with one BasicBlock per stage: layer4 holds 75% of the parameters but has
/// a single block inside, so it stays whole.
const Blocks& resNetBlocks()
{
    static const Blocks blocks{"fc", "layer4", "layer3", "layer2", "layer1", "bn1", "conv1"};
    return blocks;
}

/// features_head.pt (TinyCnn): `body` (99% of the parameters) splits into its three convolutions.
const Blocks& tinyCnnBlocks()
{
    static const Blocks blocks{"fc", "body.4", "body.2", "body.0"};
    return blocks;
}

/// The trainer's SmallCnn keeps its tensors as the root's own attributes (block1_conv_weight,
/// block1_bn_weight, ..., fc_weight, fc_bias): one block per name prefix.
const Blocks& smallCnnBlocks()
{
    static const Blocks blocks{"fc_*", "block5_*", "block4_*", "block3_*", "block2_*", "block1_*"};
    return blocks;
}

std::unique_ptr<engine::Model> loadOrFail(const std::string& path)
{
    auto loaded = engine::Model::load(path);
    if (!loaded) {
        qWarning("%s", loaded.error().c_str());
        return nullptr;
    }
    return std::move(loaded).value();
}

/// The tensors of a module by full name (parameters and buffers), cloned.
std::map<std::string, at::Tensor> tensorsOf(const torch::jit::Module& module)
{
    std::map<std::string, at::Tensor> tensors;
    for (const auto& p : module.named_parameters(true))
        tensors[p.name] = p.value.detach().clone();
    for (const auto& b : module.named_buffers(true))
        tensors[b.name] = b.value.detach().clone();
    return tensors;
}

bool inBlock(const std::string& tensor, const std::string& block)
{
    if (block.size() > 2 && block.compare(block.size() - 2, 2, "_*") == 0) // a group of the root's own tensors
        return tensor.find('.') == std::string::npos && tensor.rfind(block.substr(0, block.size() - 1), 0) == 0;
    return tensor.rfind(block + ".", 0) == 0;
}

bool endsWith(const std::string& text, const std::string& tail)
{
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

bool identical(const at::Tensor& a, const at::Tensor& b)
{
    return a.sizes() == b.sizes() && a.scalar_type() == b.scalar_type() && at::equal(a, b);
}

/// The module's type name of the layer that owns tensor `name` ("" for the root's own tensors).
std::string ownerType(const torch::jit::Module& root, const std::string& name)
{
    const auto dot = name.rfind('.');
    if (dot == std::string::npos)
        return {};
    torch::jit::Module module = root;
    std::size_t start = 0;
    const std::string path = name.substr(0, dot);
    while (true) {
        const auto next = path.find('.', start);
        module =
            module.attr(path.substr(start, next == std::string::npos ? std::string::npos : next - start)).toModule();
        if (next == std::string::npos)
            break;
        start = next + 1;
    }
    const auto type = module.type()->name();
    return type ? type->name() : std::string();
}

bool sameMaps(const std::vector<engine::CamOutput>& a, const std::vector<engine::CamOutput>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].cam.values != b[i].cam.values || a[i].flat != b[i].flat)
            return false;
    return true;
}

bool sameLogits(const std::vector<engine::CamOutput>& a, const std::vector<engine::CamOutput>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].prediction.logits != b[i].prediction.logits)
            return false;
    return true;
}

double largestMapDifference(const std::vector<engine::CamOutput>& a, const std::vector<engine::CamOutput>& b)
{
    double worst = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        for (std::size_t k = 0; k < a[i].cam.values.size() && k < b[i].cam.values.size(); ++k)
            worst = std::max(worst, double(std::fabs(a[i].cam.values[k] - b[i].cam.values[k])));
    return worst;
}

/// Grad-CAM and Eigen-CAM of a batch (outputs[0], outputs[1]), or empty on failure.
std::vector<std::vector<engine::CamOutput>> mapsOf(const engine::Model& model, const engine::ImageBatch& batch)
{
    auto maps = model.cams(batch, {{engine::CamMethod::GradCam, engine::CamMethod::EigenCam}, {}});
    if (!maps) {
        qWarning("%s", maps.error().c_str());
        return {};
    }
    return std::move(maps).value();
}

} // namespace

class TestRandomisation final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_smallCnn;

private slots:
    void initTestCase()
    {
        engine::configureThreads(2);
        QVERIFY(m_dir.isValid());
        // A SmallCnn from the demo trainer: one epoch on a few noise images is enough here.
        std::vector<engine::TrainingImage> images;
        std::mt19937 random(3);
        for (int i = 0; i < 8; ++i) {
            engine::TrainingImage image;
            image.image = engine::ImageU8::zeros(64, 64, 3);
            for (auto& p : image.image.pixels)
                p = std::uint8_t(random() & 0xff);
            image.label = i % 2;
            images.push_back(std::move(image));
        }
        engine::TrainParams params;
        params.epochs = 1;
        params.batchSize = 4;
        params.inputSize = 64;
        params.width = 4;
        params.seed = 5;
        engine::TrainProgress progress;
        m_smallCnn = m_dir.filePath("smallcnn.pt").toStdString();
        auto trained = engine::trainModel(params, images, {}, m_smallCnn, progress);
        QVERIFY2(trained.ok(), trained.ok() ? "" : trained.error().c_str());
    }

    void blocks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Blocks>("expected");
        QTest::newRow("tiny DenseNet, scripted") << tests::referencePath("models/tiny_densenet.pt") << denseNetBlocks();
        QTest::newRow("DenseNet, traced") << tests::fixturePath("densenet_traced.pt") << denseNetBlocks();
        QTest::newRow("tiny ResNet, scripted") << tests::referencePath("models/tiny_resnet.pt") << resNetBlocks();
        QTest::newRow("ResNet, traced") << tests::fixturePath("resnet_traced.pt") << resNetBlocks();
        QTest::newRow("features/head CNN") << tests::fixturePath("features_head.pt") << tinyCnnBlocks();
        QTest::newRow("SmallCnn") << QString() << smallCnnBlocks();
    }

    void blocks()
    {
        QFETCH(QString, file);
        QFETCH(Blocks, expected);
        const std::string path = file.isEmpty() ? m_smallCnn : file.toStdString();
        auto model = loadOrFail(path);
        QVERIFY(model);
        QCOMPARE(model->randomisationBlocks(), expected);
        QCOMPARE(engine::randomisationBlocks(torch::jit::load(path)), expected);
    }

    void resetBlocks_data() { blocks_data(); }

    /// Re-initialising the first k blocks: exactly their tensors change, norm layers become the
    /// identity's statistics, convolutions and linear layers draw from PyTorch's default range,
    /// and the same seed gives the same values.
    void resetBlocks()
    {
        QFETCH(QString, file);
        QFETCH(Blocks, expected);
        const std::string path = file.isEmpty() ? m_smallCnn : file.toStdString();
        const auto original = tensorsOf(torch::jit::load(path));
        for (std::size_t k : {std::size_t(1), std::size_t(2), expected.size()}) {
            torch::jit::Module module = torch::jit::load(path);
            torch::jit::Module again = torch::jit::load(path);
            torch::jit::Module otherSeed = torch::jit::load(path);
            for (std::size_t b = 0; b < k; ++b) {
                engine::resetBlock(module, expected[b], 100 + b);
                engine::resetBlock(again, expected[b], 100 + b);
                engine::resetBlock(otherSeed, expected[b], 200 + b);
            }
            const auto reset = tensorsOf(module);
            const auto repeated = tensorsOf(again);
            const auto reseeded = tensorsOf(otherSeed);
            QCOMPARE(reset.size(), original.size());
            int changed = 0;
            int norms = 0;
            int weights = 0;
            for (const auto& [name, value] : reset) {
                const at::Tensor& before = original.at(name);
                QVERIFY2(identical(value, repeated.at(name)), name.c_str()); // deterministic
                bool randomised = false;
                for (std::size_t b = 0; b < k; ++b)
                    randomised |= inBlock(name, expected[b]);
                if (!randomised) {
                    QVERIFY2(identical(value, before), qPrintable(QStringLiteral("%1 changed").arg(name.c_str())));
                    continue;
                }
                ++changed;
                const std::string type = ownerType(module, name);
                const bool norm = type.find("BatchNorm") != std::string::npos || name.find("_bn_") != std::string::npos;
                if (endsWith(name, "num_batches_tracked")) {
                    QCOMPARE(value.item<int64_t>(), int64_t(0));
                } else if (norm) {
                    ++norms;
                    const bool one = endsWith(name, "weight") || endsWith(name, "running_var");
                    QVERIFY2(identical(value, one ? at::ones_like(value) : at::zeros_like(value)), name.c_str());
                } else if (value.dim() < 2 && type.empty()) {
                    // A 1-D tensor of no known layer (the SmallCnn's fc_bias): zeros.
                    QVERIFY2(identical(value, endsWith(name, "weight") ? at::ones_like(value) : at::zeros_like(value)),
                             name.c_str());
                } else {
                    ++weights;
                    // A convolution's or linear layer's weight or bias: U(-b, b), b = 1/sqrt(fan_in)
                    // of the layer's weight, as PyTorch initialises them.
                    const at::Tensor& weight = value.dim() >= 2
                        ? value
                        : reset.at(name.substr(0, name.rfind('.') + 1) + "weight");
                    const double fanIn = double(weight.numel() / weight.size(0));
                    QVERIFY2(!identical(value, before), name.c_str());
                    QVERIFY2(!identical(value, reseeded.at(name)), name.c_str()); // the seed matters
                    const double largest = value.abs().max().item<double>();
                    QVERIFY2(largest > 0 && largest <= 1.0 / std::sqrt(fanIn) + 1e-7, name.c_str());
                    if (value.numel() >= 64) // spread over the range, not a constant
                        QVERIFY2(largest > 0.5 / std::sqrt(fanIn), name.c_str());
                }
            }
            QVERIFY(changed > 0);
            QVERIFY(weights > 0);
            if (k == expected.size()) {
                QCOMPARE(changed, int(reset.size()));                                   // everything, the whole model
                QCOMPARE(norms > 0, !file.endsWith(QLatin1String("features_head.pt"))); // TinyCnn has none
            }
        }
    }

    void randomisedCopy_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("size");
        QTest::newRow("tiny DenseNet") << tests::referencePath("models/tiny_densenet.pt") << 224;
        QTest::newRow("tiny ResNet") << tests::referencePath("models/tiny_resnet.pt") << 224;
        QTest::newRow("features/head CNN") << tests::fixturePath("features_head.pt") << 64;
        QTest::newRow("SmallCnn") << QString() << 64;
    }

    void randomisedCopy()
    {
        QFETCH(QString, file);
        QFETCH(int, size);
        auto model = loadOrFail(file.isEmpty() ? m_smallCnn : file.toStdString());
        QVERIFY(model);
        const auto batch = engine::ImageBatch::fromImages(tests::referenceFaces(size)).value();
        const auto before = mapsOf(*model, batch);
        QCOMPARE(before.size(), std::size_t(2));
        const int count = int(model->randomisationBlocks().size());

        QVERIFY(!model->randomisedCopy(-1, 1).ok());
        QVERIFY(!model->randomisedCopy(count + 1, 1).ok());
        auto none = model->randomisedCopy(0, 1);
        QVERIFY2(none.ok(), none.ok() ? "" : none.error().c_str());
        const auto unchanged = mapsOf(*none.value(), batch);
        QVERIFY(sameMaps(unchanged[0], before[0]) && sameLogits(unchanged[0], before[0]));

        // The head alone: new logits and class maps, the same activations (Eigen-CAM reads only them).
        auto head = model->randomisedCopy(1, 1);
        QVERIFY(head.ok());
        QCOMPARE(head.value()->camLayer(), model->camLayer());
        const auto headMaps = mapsOf(*head.value(), batch);
        QVERIFY(!sameLogits(headMaps[0], before[0]));
        QVERIFY(sameMaps(headMaps[1], before[1]));

        // Everything, twice with one seed and once with another.
        auto all = model->randomisedCopy(count, 1);
        auto allAgain = model->randomisedCopy(count, 1);
        auto allOther = model->randomisedCopy(count, 2);
        QVERIFY(all.ok() && allAgain.ok() && allOther.ok());
        const auto allMaps = mapsOf(*all.value(), batch);
        const auto againMaps = mapsOf(*allAgain.value(), batch);
        const auto otherMaps = mapsOf(*allOther.value(), batch);
        QVERIFY(sameLogits(allMaps[0], againMaps[0]));
        QVERIFY(sameMaps(allMaps[0], againMaps[0]) && sameMaps(allMaps[1], againMaps[1]));
        QVERIFY(!sameLogits(allMaps[0], otherMaps[0]));
        QVERIFY(!sameLogits(allMaps[0], before[0]));
        // A fully randomised model's Grad-CAM is another map (by at least a tenth of the range).
        const double difference = largestMapDifference(allMaps[0], before[0]);
        QVERIFY2(difference > 0.1, qPrintable(QString::number(difference)));

        // The original is untouched by all of this.
        const auto after = mapsOf(*model, batch);
        QVERIFY(sameLogits(after[0], before[0]));
        QVERIFY(sameMaps(after[0], before[0]) && sameMaps(after[1], before[1]));
    }
};

QTEST_GUILESS_MAIN(TestRandomisation)
#include "tst_randomisation.moc"
