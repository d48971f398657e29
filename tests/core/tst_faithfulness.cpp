// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The pixel maths of deletion, insertion, ROAD and localisation against hand-computed cases.
#include "core/measures/curvemeasures.h"
#include "core/measures/faithfulness.h"
#include "core/measures/localisation.h"

#include <QtTest>

#include <cmath>

using namespace saliscope;
using engine::ImageU8;

namespace {

ImageU8 grey(int width, int height, std::vector<std::uint8_t> pixels)
{
    return ImageU8{width, height, 1, std::move(pixels)};
}

} // namespace

class TestFaithfulness final : public QObject {
    Q_OBJECT

private slots:
    void salienceOrderIsStableAndDescending()
    {
        const auto order = salienceOrder(grey(5, 1, {10, 200, 10, 255, 200}));
        QCOMPARE(order, (std::vector<int>{3, 1, 4, 0, 2})); // ties keep pixel order
        QCOMPARE(removedPixels(order, 0, 2), (std::vector<std::uint8_t>{0, 1, 0, 1, 0}));
        QCOMPARE(removedPixels(order, 3, 2), (std::vector<std::uint8_t>{1, 0, 1, 0, 0}));
        QCOMPARE(removedPixels(order, 4, 9), (std::vector<std::uint8_t>{0, 0, 1, 0, 0})); // clamped
    }

    void replaceTakesTheBaselinesChannels()
    {
        const ImageU8 image{2, 1, 3, {1, 2, 3, 4, 5, 6}};
        const ImageU8 baseline{2, 1, 3, {9, 9, 9, 8, 8, 8}};
        QCOMPARE(replacePixels(image, baseline, {0, 1}).pixels, (std::vector<std::uint8_t>{1, 2, 3, 8, 8, 8}));
    }

    void curveAreaIsTheTrapezoidOverZeroToOne()
    {
        QCOMPARE(curveArea({1, 1, 1}), 1.0);
        QCOMPARE(curveArea({1, 0}), 0.5);
        QCOMPARE(curveArea({0, 1, 0, 1}), 0.5); // (0.5 + 0.5 + 0.5) / 3
        QVERIFY(std::isnan(curveArea({0.3})));
        QVERIFY(std::isnan(curveArea({0.3, std::nan("")})));
        QCOMPARE(pixelsAtFraction(0.25, 10), 3); // round(2.5) away from zero
        QCOMPARE(pixelsAtFraction(1.0, 50176), 50176);
    }

    void imputationOfOnePixelIsTheWeightedNeighbourMean()
    {
        // Direct neighbours 60 (weight 1/6 each), diagonal ones 120 (1/12 each): 40 + 40 = 80.
        const ImageU8 image = grey(3, 3, {120, 60, 120, 60, 0, 60, 120, 60, 120});
        auto imputed = noisyLinearImputation(image, {0, 0, 0, 0, 1, 0, 0, 0, 0}, 0.0, 1);
        QVERIFY(imputed);
        QCOMPARE(int(imputed->pixels[4]), 80);
        for (int p : {0, 1, 2, 3, 5, 6, 7, 8})
            QCOMPARE(imputed->pixels[std::size_t(p)], image.pixels[std::size_t(p)]);
    }

    void imputationAtACornerUsesTheWeightsInsideTheImage()
    {
        // Corner (0,0) of a 2x2 image: (60/6 + 120/6 + 240/12) / (1/6 + 1/6 + 1/12) = 50 / (5/12) = 120.
        auto imputed = noisyLinearImputation(grey(2, 2, {0, 60, 120, 240}), {1, 0, 0, 0}, 0.0, 1);
        QVERIFY(imputed);
        QCOMPARE(int(imputed->pixels[0]), 120);
    }

    void imputationRecoversALinearImageInside()
    {
        // Symmetric weights summing to 1 reproduce a linear function: a removed block away from
        // the border (solved jointly, its pixels neighbour each other) comes back exactly.
        ImageU8 image{6, 5, 3, {}};
        for (int y = 0; y < 5; ++y)
            for (int x = 0; x < 6; ++x)
                for (int c = 0; c < 3; ++c)
                    image.pixels.push_back(std::uint8_t(3 + 7 * x + 11 * y + 40 * c));
        std::vector<std::uint8_t> removed(30, 0);
        for (int y = 1; y <= 3; ++y)
            for (int x = 1; x <= 3; ++x)
                removed[std::size_t(y * 6 + x)] = 1;
        auto imputed = noisyLinearImputation(image, removed, 0.0, 1);
        QVERIFY(imputed);
        QCOMPARE(imputed->pixels, image.pixels);
    }

    void imputationNoiseIsSeededAndEverythingRemovedTakesTheFallback()
    {
        const ImageU8 image = grey(3, 3, {120, 60, 120, 60, 0, 60, 120, 60, 120});
        const std::vector<std::uint8_t> centre{0, 0, 0, 0, 1, 0, 0, 0, 0};
        const auto a = noisyLinearImputation(image, centre, 0.05, 7).value();
        const auto b = noisyLinearImputation(image, centre, 0.05, 7).value();
        QCOMPARE(a.pixels, b.pixels);
        QVERIFY(std::abs(int(a.pixels[4]) - 80) <= 64); // 5 SD of 0.05 x 255
        const auto all = noisyLinearImputation(image, std::vector<std::uint8_t>(9, 1), 0.0, 1, 77).value();
        QCOMPARE(all.pixels, std::vector<std::uint8_t>(9, 77));
        QVERIFY(!noisyLinearImputation(image, {1, 0}, 0.0, 1)); // a mask of another size
    }

    void deletionAndInsertionStepsRemoveTheRightPixels()
    {
        MeasureSettings settings;
        settings.curves.steps = 4;
        settings.curves.baseline = CurveBaseline::Constant;
        settings.curves.constant = 9;
        const ImageU8 input = grey(4, 1, {1, 2, 3, 4});
        const ImageU8 map = grey(4, 1, {10, 40, 30, 20}); // order: 1, 2, 3, 0
        const DeletionMeasure deletion;
        const InsertionMeasure insertion;
        const auto steps = deletion.variants(settings, 4, 1);
        QCOMPARE(int(steps.size()), 5);
        QCOMPARE(steps[2].level, 0.5);
        const auto context = deletion.context(input, map, 0, settings);
        QCOMPARE(deletion.curveImage(context, input, steps[0], 0, settings)->pixels, input.pixels);
        QCOMPARE(deletion.curveImage(context, input, steps[1], 0, settings)->pixels,
                 (std::vector<std::uint8_t>{1, 9, 3, 4}));
        QCOMPARE(deletion.curveImage(context, input, steps[2], 0, settings)->pixels,
                 (std::vector<std::uint8_t>{1, 9, 9, 4}));
        QCOMPARE(insertion.curveImage(context, input, steps[0], 0, settings)->pixels,
                 (std::vector<std::uint8_t>(4, 9)));
        QCOMPARE(insertion.curveImage(context, input, steps[1], 0, settings)->pixels,
                 (std::vector<std::uint8_t>{9, 2, 9, 9}));
        QCOMPARE(insertion.curveImage(context, input, steps[4], 0, settings)->pixels, input.pixels);
    }

    void roadRemovesMostAndLeastRelevantFirst()
    {
        MeasureSettings settings;
        settings.curves.steps = 9;
        settings.curves.roadNoise = 0;
        // 3x3: the centre is the most salient pixel, the corner (0,0) the least.
        const ImageU8 input = grey(3, 3, {120, 60, 120, 60, 0, 60, 120, 60, 120});
        const ImageU8 map = grey(3, 3, {1, 5, 5, 5, 255, 5, 5, 5, 5});
        const RoadMeasure road;
        const auto steps = road.variants(settings, 3, 3);
        const auto context = road.context(input, map, 3, settings);
        const auto morf = road.curveImage(context, input, steps[1], 0, settings).value();
        QCOMPARE(int(morf.pixels[4]), 80);
        const auto lerf = road.curveImage(context, input, steps[1], 1, settings).value();
        QCOMPARE(int(lerf.pixels[0]), 48); // the corner: (60/6 + 60/6 + 0/12) / (5/12)
        QCOMPARE(int(lerf.pixels[4]), 0);  // the centre stays
    }

    void localisationOfAHandCase()
    {
        // Inside: levels 100 and 200; outside: 0, 50, 200, 10.
        const ImageU8 map = grey(6, 1, {0, 50, 100, 200, 200, 10});
        const ImageU8 mask = grey(6, 1, {0, 0, 255, 255, 0, 0});
        const auto s = localisationScores(map, mask);
        QCOMPARE(s.pointing, 0.5);       // the two maximum pixels: one inside
        QCOMPARE(s.mass, 300.0 / 560.0); // 100 + 200 of 560
        QCOMPARE(s.rank, 0.5);           // the top two are the tied 200s: one inside, expected
        QCOMPARE(s.auc, 6.5 / 8.0);      // 100 beats 3 of 4; 200 beats 3 and ties 1
    }

    void localisationEdgeCases()
    {
        const ImageU8 flat = grey(4, 1, {7, 7, 7, 7});
        const auto s = localisationScores(flat, grey(4, 1, {255, 0, 0, 0}));
        QVERIFY(std::isnan(s.pointing));
        QCOMPARE(s.mass, 0.25);
        QCOMPARE(s.rank, 0.25); // chance
        QCOMPARE(s.auc, 0.5);
        const auto empty = localisationScores(grey(4, 1, {0, 9, 0, 0}), grey(4, 1, {0, 0, 0, 0}));
        QVERIFY(std::isnan(empty.pointing) && std::isnan(empty.mass) && std::isnan(empty.rank)
                && std::isnan(empty.auc));
        const auto full = localisationScores(grey(2, 1, {0, 9}), grey(2, 1, {255, 255}));
        QCOMPARE(full.pointing, 1.0);
        QVERIFY(std::isnan(full.auc));
        const auto perfect = localisationScores(grey(3, 1, {255, 0, 3}), grey(3, 1, {200, 0, 0}));
        QCOMPARE(perfect.pointing, 1.0);
        QCOMPARE(perfect.rank, 1.0);
        QCOMPARE(perfect.auc, 1.0);
        QCOMPARE(perfect.mass, 255.0 / 258.0);
    }
};

QTEST_GUILESS_MAIN(TestFaithfulness)
#include "tst_faithfulness.moc"
