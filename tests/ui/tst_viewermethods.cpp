// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Salience methods in the viewer (issue 20): a pane's method choice shows that method's map of
// the model (the one camMaps makes), captions and tooltips name the method, the panes' choices
// come back with the project; the MapService stores and reads back one map per method (variant ""
// for Grad-CAM, the method's name for the others).
#include "tests/ui/referenceproject.h"

#include "core/cam/mapmaker.h"
#include "core/dataset/imageio.h"
#include "core/engine/cammaps.h"
#include "core/engine/entropy.h"
#include "core/engine/model.h"
#include "core/project/logmodel.h"
#include "core/project/mapservice.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"
#include "ui/images/imagelistmodel.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/viewer/salienceviewerwidget.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdlib>
#include <set>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

using engine::CamMethod;
using testing::reference;

const std::string ModelFile = reference(QStringLiteral("models/tiny_densenet.pt")).toStdString();

/// The 8-bit map camMaps makes of the image at `path` by `method`, as the viewer computes it.
engine::ImageU8 expectedMap(const std::string& path, CamMethod method)
{
    auto model = loadModel(ModelFile);
    if (!model)
        qFatal("cannot load the model: %s", model.error().c_str());
    const auto& metadata = model.value()->metadata();
    auto input = readModelInput(path, metadata.inputWidth, metadata.inputHeight);
    if (!input)
        qFatal("cannot read %s: %s", path.c_str(), input.error().c_str());
    auto cams = camMaps(*model.value(), {input.value()}, method);
    if (!cams)
        qFatal("camMaps failed: %s", cams.error().c_str());
    return engine::quantizeMap(cams->front().cam);
}

/// The largest difference between two maps of one size (quantisation may round one step apart).
int largestDifference(const engine::ImageU8& a, const engine::ImageU8& b)
{
    if (a.width != b.width || a.height != b.height || a.pixels.size() != b.pixels.size())
        return 256;
    int largest = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        largest = std::max(largest, std::abs(int(a.pixels[i]) - int(b.pixels[i])));
    return largest;
}

/// The variants of the maps stored for one image.
std::set<std::string> storedVariants(ProjectStore* store, const QString& hash)
{
    std::set<std::string> variants;
    const auto maps = store->maps().value();
    for (const auto& map : maps)
        if (map.imageHash == hash.toStdString())
            variants.insert(map.variant);
    return variants;
}

bool paneReady(SalienceViewerWidget* viewer, int index)
{
    return viewer->pane(index)->mapState() == SaliencePaneWidget::MapState::Ready;
}

} // namespace

class TestViewerMethods final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        testing::isolateSettings("tst_viewermethods");
        QVERIFY(m_dir.isValid());
        auto dataset = testing::referenceFaces(QDir(m_dir.path()), {QStringLiteral("stylegan2_000700")});
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().c_str());
    }

    void paneMethodGivesThatMethodsMap()
    {
        const QString project = QDir(m_dir.path()).filePath(QStringLiteral("panes.saliscope"));
        std::int64_t modelId = 0;
        {
            MainWindow window;
            window.resize(1200, 800);
            window.show();
            QVERIFY(window.openProject(project, true));
            window.session()->addDatasetLocation(QDir(m_dir.path()).filePath(QStringLiteral("faces")));
            window.session()->addModelFile(QString::fromStdString(ModelFile));
            QTRY_VERIFY_WITH_TIMEOUT(window.session()->models().size() == 1 && window.images()->rowCount() == 2, 30000);
            modelId = window.session()->models().front().id;
            SalienceViewerWidget* viewer = window.viewer();
            QTRY_COMPARE_WITH_TIMEOUT(viewer->paneCount(), 1, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(viewer->currentRow() >= 0, 10000);
            QCOMPARE(viewer->paneMethod(0), CamMethod::GradCam);
            QTRY_VERIFY_WITH_TIMEOUT(paneReady(viewer, 0), 60000);
            const ImageEntry& image = window.images()->table().images[std::size_t(viewer->currentRow())];
            const std::string path = image.path.toStdString();

            // A second pane shows the same model under the next method; then Eigen-CAM, chosen in its combo.
            QVERIFY(viewer->addPane());
            QCOMPARE(viewer->paneCount(), 2);
            QCOMPARE(viewer->paneModel(1), modelId);
            QCOMPARE(viewer->paneMethod(1), CamMethod::HiResCam);
            QTRY_VERIFY_WITH_TIMEOUT(paneReady(viewer, 1), 60000);
            QVERIFY(largestDifference(viewer->pane(1)->map(), expectedMap(path, CamMethod::HiResCam)) <= 1);
            auto* method = viewer->pane(1)->parentWidget()->findChild<QComboBox*>(QStringLiteral("PaneMethod"));
            QVERIFY(method);
            QCOMPARE(method->count(), int(engine::allCamMethods().size()));
            QCOMPARE(method->itemText(0), QStringLiteral("Grad-CAM"));
            method->setCurrentIndex(method->findText(QStringLiteral("Eigen-CAM")));
            QCOMPARE(viewer->paneMethod(1), CamMethod::EigenCam);
            QTRY_VERIFY_WITH_TIMEOUT(paneReady(viewer, 1), 60000);

            const engine::ImageU8 gradCam = expectedMap(path, CamMethod::GradCam);
            const engine::ImageU8 eigenCam = expectedMap(path, CamMethod::EigenCam);
            QVERIFY(largestDifference(gradCam, eigenCam) > 1); // the methods disagree on this image
            QVERIFY2(largestDifference(viewer->pane(0)->map(), gradCam) <= 1,
                     qPrintable(QString::number(largestDifference(viewer->pane(0)->map(), gradCam))));
            QVERIFY2(largestDifference(viewer->pane(1)->map(), eigenCam) <= 1,
                     qPrintable(QString::number(largestDifference(viewer->pane(1)->map(), eigenCam))));

            // Captions and tooltips name the method; both panes carry the model's prediction.
            QCOMPARE(viewer->pane(0)->caption().method, QStringLiteral("Grad-CAM"));
            QCOMPARE(viewer->pane(1)->caption().method, QStringLiteral("Eigen-CAM"));
            QCOMPARE(viewer->pane(1)->caption().modelName, QStringLiteral("tiny_densenet"));
            QVERIFY2(viewer->pane(1)->toolTip().contains(QStringLiteral("Eigen-CAM")),
                     qPrintable(viewer->pane(1)->toolTip()));
            QTRY_VERIFY_WITH_TIMEOUT(!std::isnan(viewer->pane(1)->caption().score), 10000);
            QCOMPARE(viewer->pane(1)->caption().score, viewer->pane(0)->caption().score);
            QCOMPARE(viewer->pane(1)->caption().entropy, engine::histogramEntropy(viewer->pane(1)->map()).normalized);

            // Every map shown was stored under its method's variant.
            const std::set<std::string> shown{"", "hirescam", "eigencam"};
            QTRY_VERIFY_WITH_TIMEOUT(storedVariants(window.session()->store(), image.hash) == shown, 10000);
            QCOMPARE(window.session()->log()->errorCount(), 0);
        }
        {
            // The panes come back with the project, each with its model and method.
            MainWindow window;
            window.resize(1200, 800);
            window.show();
            QVERIFY(window.openProject(project));
            SalienceViewerWidget* viewer = window.viewer();
            QTRY_COMPARE_WITH_TIMEOUT(viewer->paneCount(), 2, 10000);
            QCOMPARE(viewer->paneMethod(0), CamMethod::GradCam);
            QCOMPARE(viewer->paneMethod(1), CamMethod::EigenCam);
            QCOMPARE(viewer->paneModel(1), modelId);
            // Read from the project this time, the same maps.
            QTRY_VERIFY_WITH_TIMEOUT(viewer->currentRow() >= 0 && paneReady(viewer, 0) && paneReady(viewer, 1), 60000);
            const std::string path =
                window.images()->table().images[std::size_t(viewer->currentRow())].path.toStdString();
            QVERIFY(largestDifference(viewer->pane(1)->map(), expectedMap(path, CamMethod::EigenCam)) <= 1);
            viewer->removePane(1);
            QCOMPARE(viewer->paneCount(), 1);
            viewer->removePane(0); // the last pane stays
            QCOMPARE(viewer->paneCount(), 1);
        }
    }

    void mapServiceStoresEachMethod()
    {
        const QString project = QDir(m_dir.path()).filePath(QStringLiteral("service.saliscope"));
        MainWindow window;
        QVERIFY(window.openProject(project, true));
        window.session()->addDatasetLocation(QDir(m_dir.path()).filePath(QStringLiteral("faces")));
        window.session()->addModelFile(QString::fromStdString(ModelFile));
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->models().size() == 1 && window.images()->rowCount() == 2, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.viewer()->currentRow() >= 0, 10000);
        // The image the viewer does not show first, so only this service computes its maps.
        const int row = window.viewer()->currentRow() == 0 ? 1 : 0;
        const ImageEntry image = window.images()->table().images[std::size_t(row)];
        QVERIFY(!image.hash.isEmpty());
        const std::int64_t modelId = window.session()->models().front().id;

        MapService service(window.session());
        QSignalSpy ready(&service, &MapService::mapReady);
        QVERIFY(!service.request(modelId, image.path, image.hash, CamMethod::GradCam));
        QVERIFY(!service.request(modelId, image.path, image.hash, CamMethod::HiResCam));
        // Asked again while computing: still one computation each.
        QVERIFY(!service.request(modelId, image.path, image.hash, CamMethod::HiResCam));
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 60000);
        std::map<CamMethod, engine::ImageU8> computed;
        for (const auto& arguments : ready) {
            const auto result = arguments.at(0).value<MapResult>();
            QVERIFY(result.computed);
            computed[result.method] = result.map;
        }
        QCOMPARE(computed.size(), std::size_t(2));
        const std::string path = image.path.toStdString();
        QVERIFY(largestDifference(computed[CamMethod::GradCam], expectedMap(path, CamMethod::GradCam)) <= 1);
        QVERIFY(largestDifference(computed[CamMethod::HiResCam], expectedMap(path, CamMethod::HiResCam)) <= 1);

        // Two rows, variants "" and "hirescam", read back by method without computing.
        ProjectStore* store = window.session()->store();
        QTRY_VERIFY_WITH_TIMEOUT(store->map(modelId, image.hash.toStdString(), "hirescam").value().has_value()
                                     && store->map(modelId, image.hash.toStdString(), "").value().has_value(),
                                 10000);
        std::vector<std::string> variants;
        const auto maps = store->maps().value();
        for (const auto& map : maps)
            if (map.imageHash == image.hash.toStdString())
                variants.push_back(map.variant);
        std::sort(variants.begin(), variants.end());
        QCOMPARE(variants, (std::vector<std::string>{"", "hirescam"}));
        QCOMPARE(mapVariant(CamMethod::GradCam), std::string());
        QCOMPARE(mapVariant(CamMethod::GradCamPlusPlus), std::string("gradcampp"));
        for (CamMethod method : {CamMethod::GradCam, CamMethod::HiResCam}) {
            const auto stored = service.request(modelId, image.path, image.hash, method);
            QVERIFY(stored.has_value());
            QVERIFY(!stored->computed);
            QCOMPARE(stored->method, method);
            QCOMPARE(stored->map.pixels, computed[method].pixels);
        }
        QVERIFY(computed[CamMethod::GradCam].pixels != computed[CamMethod::HiResCam].pixels);
        QCOMPARE(ready.count(), 2);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestViewerMethods)
#include "tst_viewermethods.moc"
