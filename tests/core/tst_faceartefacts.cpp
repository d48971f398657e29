// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/faceartefacts.h"

#include "core/demo/demorandom.h"
#include "core/demo/facelayout.h"
#include "core/demo/humanannotation.h"
#include "core/demo/proceduralface.h"

#include <opencv2/imgproc.hpp>

#include <QtTest>

using namespace saliscope::demo;

Q_DECLARE_METATYPE(ArtefactKind)

namespace {

/// A procedural face at 112 pixels with its layout, eyes refined.
cv::Mat face(int photo, FaceLayout& layout)
{
    const cv::Mat drawn = ProceduralFace::render(3, photo % 5, photo, 150);
    cv::Mat image;
    cv::resize(drawn, image, cv::Size(112, 112), 0, 0, cv::INTER_AREA);
    layout = FaceLayout::alignedChip(112);
    layout.refineEyes(image);
    return image;
}

double meanBrightness(const cv::Mat& bgr)
{
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    return cv::mean(grey)[0];
}

} // namespace

class TestFaceArtefacts final : public QObject {
    Q_OBJECT

private slots:
    void upsampleConvolveMakesACheckerboardOnlyWithUnevenTaps()
    {
        const cv::Mat flat(16, 16, CV_32FC3, cv::Scalar(100, 100, 100));
        // Taps of 0.5 are bilinear interpolation: every phase of the 2x grid has gain 1.
        const cv::Mat smooth = FaceArtefacts::upsampleConvolve(flat, 0.5, 0.5);
        double low, high;
        cv::minMaxLoc(smooth(cv::Rect(2, 2, 12, 12)).reshape(1), &low, &high);
        QVERIFY(high - low < 1e-3);
        // Smaller taps: even pixels get more than odd ones, a period-2 pattern with the same mean.
        const cv::Mat board = FaceArtefacts::upsampleConvolve(flat, 0.35, 0.35);
        const cv::Mat inner = board(cv::Rect(2, 2, 12, 12));
        const float even = inner.at<cv::Vec3f>(0, 0)[0], odd = inner.at<cv::Vec3f>(1, 1)[0],
                    mixed = inner.at<cv::Vec3f>(0, 1)[0];
        QVERIFY(even > mixed + 10);
        QVERIFY(mixed > odd + 10);
        QCOMPARE(inner.at<cv::Vec3f>(2, 2)[0], even);
        QVERIFY(std::abs(cv::mean(inner)[0] - 100) < 0.5);
    }

    void eachArtefactChangesExactlyItsMask_data()
    {
        QTest::addColumn<ArtefactKind>("kind");
        for (int k = 0; k < ArtefactKindCount; ++k)
            QTest::newRow(artefactName(ArtefactKind(k)).c_str()) << ArtefactKind(k);
    }

    void eachArtefactChangesExactlyItsMask()
    {
        QFETCH(ArtefactKind, kind);
        double largestShift = 0;
        for (int photo = 0; photo < 20; ++photo) {
            FaceLayout layout;
            const cv::Mat original = face(photo, layout);
            cv::Mat image = original.clone();
            std::mt19937_64 random = dice::generator(11, 0, std::uint64_t(photo));
            const cv::Mat mask = FaceArtefacts::apply(kind, image, layout, random);
            QCOMPARE(mask.size(), image.size());
            QCOMPARE(mask.type(), CV_8U);
            const int masked = cv::countNonZero(mask);
            QVERIFY(masked > 0);
            QVERIFY(masked < image.total() / 8); // localized

            cv::Mat difference;
            cv::absdiff(original, image, difference);
            cv::Mat changed;
            cv::cvtColor(difference, changed, cv::COLOR_BGR2GRAY);
            changed = changed > 0;
            QCOMPARE(cv::countNonZero(changed & ~mask), 0); // nothing outside the mask
            QVERIFY2(cv::countNonZero(changed & mask) > masked / 2, qPrintable(QString("photo %1").arg(photo)));
            largestShift = std::max(largestShift, std::abs(meanBrightness(image) - meanBrightness(original)));

            // The same draws give the same artefact.
            cv::Mat again = original.clone();
            std::mt19937_64 same = dice::generator(11, 0, std::uint64_t(photo));
            const cv::Mat againMask = FaceArtefacts::apply(kind, again, layout, same);
            QCOMPARE(cv::countNonZero(againMask != mask), 0);
            QCOMPARE(cv::norm(again, image, cv::NORM_INF), 0.0);
        }
        qInfo("largest change of mean brightness: %.2f grey levels", largestShift);
        QVERIFY(largestShift < 3.0);
    }

    void irisAndMouthArtefactsLandOnTheirFeatures()
    {
        for (int photo = 0; photo < 10; ++photo) {
            FaceLayout layout;
            cv::Mat image = face(photo, layout);
            QVERIFY(cv::norm(layout.leftEye - cv::Point2f(0.30f * 112, 0.305f * 112)) < 0.05 * 112);
            QVERIFY(cv::norm(layout.rightEye - cv::Point2f(0.69f * 112, 0.305f * 112)) < 0.05 * 112);
            std::mt19937_64 random = dice::generator(5, 1, std::uint64_t(photo));
            const cv::Mat iris = FaceArtefacts::apply(ArtefactKind::Iris, image, layout, random);
            const bool onLeft = iris.at<uchar>(cv::Point(layout.leftEye)) > 0;
            const bool onRight = iris.at<uchar>(cv::Point(layout.rightEye)) > 0;
            QVERIFY(onLeft || onRight);
            const cv::Mat mouth = FaceArtefacts::apply(ArtefactKind::BlockyMouth, image, layout, random);
            QVERIFY(mouth.at<uchar>(cv::Point(layout.mouth)) > 0);
        }
    }

    void annotationsAreCoarseAndCoverTheirTargets()
    {
        FaceLayout layout;
        const cv::Mat image = face(0, layout);
        for (int i = 0; i < 20; ++i) {
            std::mt19937_64 random = dice::generator(9, 2, std::uint64_t(i));
            const cv::Mat real = HumanAnnotation::realFace(layout, image.size(), random);
            QVERIFY(real.at<uchar>(cv::Point(layout.leftEye)) >= 128);
            QVERIFY(real.at<uchar>(cv::Point(layout.rightEye)) >= 128);
            QVERIFY(real.at<uchar>(cv::Point(layout.mouth)) >= 128);
            QVERIFY(real.at<uchar>(5, 5) == 0);

            cv::Mat fake = image.clone();
            std::vector<cv::Mat> masks{FaceArtefacts::apply(ArtefactKind(i % ArtefactKindCount), fake, layout, random)};
            const cv::Mat annotation = HumanAnnotation::artefacts(masks, random);
            const int masked = cv::countNonZero(masks[0]);
            const int covered = cv::countNonZero(masks[0] & (annotation >= 128));
            QVERIFY(covered * 2 > masked);
            QVERIFY(cv::countNonZero(annotation >= 128) > masked); // looser than the exact mask
        }
    }
};

QTEST_GUILESS_MAIN(TestFaceArtefacts)
#include "tst_faceartefacts.moc"
