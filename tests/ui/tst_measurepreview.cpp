// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The measure preview ("what the measures do to this image"): its values for each variant equal
// the rows a measure run stores for the same image (same engine calls, settings and noise draws),
// the widget shows them for the browsed image, replaces a preview when the image changes, and
// puts failures in the log. A screenshot of the widget is written beside the test executable.
#include "tests/ui/referenceproject.h"

#include "core/dataset/dataset.h"
#include "core/dataset/imageio.h"
#include "core/engine/model.h"
#include "core/measures/measurerunner.h"
#include "core/project/projectrun.h"
#include "core/project/logmodel.h"
#include "core/project/projectsession.h"
#include "core/store/projectstore.h"
#include "ui/preview/measurepreviewcell.h"
#include "ui/preview/measurepreviewcompute.h"
#include "ui/preview/measurepreviewwidget.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QElapsedTimer>
#include <QtTest>

#include <cmath>
#include <map>

using namespace saliscope;
using namespace saliscope::ui;

namespace {

const MeasureKind Previewed[] = {MeasureKind::Noise, MeasureKind::Transforms, MeasureKind::Degradation};

/// Same value: both NaN, or within 1e-6. The preview runs the model on one image at a time and
/// the run below on batches of two: LibTorch's float32 logits then differ in the last bits
/// (scores by ~3e-8 here); maps, SSIM and entropy come out identical.
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-6; }

using RowKey = std::tuple<std::int64_t, std::string, std::string>; // image position, model, variant

} // namespace

class TestMeasurePreview final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        testing::isolateSettings("tst_measurepreview");
        QVERIFY(m_dir.isValid());
        auto dataset = testing::referenceFaces(QDir(m_dir.path()), {QStringLiteral("stylegan2_000700")});
        QVERIFY2(dataset.ok(), dataset.ok() ? "" : dataset.error().c_str());
        QCOMPARE(dataset->records.size(), std::size_t(2));
        m_project = QDir(m_dir.path()).filePath(QStringLiteral("faces.saliscope"));
        auto run = testing::runReferenceModels(dataset.value(),
                                               {MeasureKind::Noise, MeasureKind::Transforms, MeasureKind::Degradation},
                                               m_project, 2, &m_params);
        QVERIFY2(run.ok(), run.ok() ? "" : run.error().c_str());
        // The stored rows of each measure, by (image position, model, variant).
        auto store = ProjectStore::open(m_project.toStdString(), ProjectOpenMode::ReadOnly);
        QVERIFY(store.ok());
        for (MeasureKind kind : Previewed) {
            auto rows = store.value()->results(run->runIds.at(kind));
            QVERIFY(rows.ok());
            for (const auto& row : rows.value())
                m_stored[kind][{row.position, row.model, row.variant}] = row.values;
        }
        QCOMPARE(m_stored[MeasureKind::Noise].size(), std::size_t(2 * 2 * 8));
        QCOMPARE(m_stored[MeasureKind::Transforms].size(), std::size_t(2 * 2 * 12));
        QCOMPARE(m_stored[MeasureKind::Degradation].size(), std::size_t(2 * 2 * 2));
    }

    void computeEqualsTheMeasureRunner()
    {
        for (const auto& entry : m_params.models) {
            auto model = engine::Model::load(entry.path);
            QVERIFY(model.ok());
            const auto& metadata = model.value()->metadata();
            // The first image here; the widget test below checks the second one.
            for (std::size_t i = 0; i < 1; ++i) {
                const auto& record = m_params.dataset.records[i];
                auto input = readModelInput(record.path, metadata.inputWidth, metadata.inputHeight);
                QVERIFY(input.ok());
                const auto key = previewNoiseKey(record.path, m_params.dataset.location);
                for (MeasureKind kind : Previewed) {
                    auto column = computePreviewColumn(*model.value(), input.value(), record.label, key, kind,
                                                       MeasureSettings{}, CancelToken());
                    QVERIFY2(column.ok(), column.ok() ? "" : column.error().c_str());
                    checkColumn(kind, std::int64_t(i), entry.name, column.value());
                    // The cells show what the model saw: the clean input, its transforms.
                    QCOMPARE(column->clean.input.pixels, input->pixels);
                    if (kind == MeasureKind::Transforms)
                        QCOMPARE(column->variants.front().input.pixels,
                                 engine::applyTransform(input.value(), {engine::TransformKind::FlipLeftRight}).pixels);
                }
            }
        }
    }

    void cancelledComputeStops()
    {
        auto model = engine::Model::load(m_params.models.front().path);
        QVERIFY(model.ok());
        auto input = readModelInput(m_params.dataset.records.front().path, 224, 224);
        QVERIFY(input.ok());
        CancelToken cancel;
        cancel.cancel();
        auto column = computePreviewColumn(*model.value(), input.value(), 0, 1, MeasureKind::Noise, {}, cancel);
        QVERIFY(!column.ok());
        QCOMPARE(column.error(), std::string("cancelled"));
        auto wrongSize = computePreviewColumn(*model.value(), engine::ImageU8::zeros(100, 100, 3), 0, 1,
                                              MeasureKind::Noise, {}, CancelToken());
        QVERIFY(!wrongSize.ok());
        auto wrongMeasure = computePreviewColumn(*model.value(), input.value(), 0, 1, MeasureKind::Entropy, {},
                                                 CancelToken());
        QVERIFY(!wrongMeasure.ok());
    }

    void widgetShowsTheStoredValues()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        auto images = session.store()->images(session.currentDatasetId());
        QVERIFY(images.ok());
        QCOMPARE(images->size(), std::size_t(2));
        MeasurePreviewWidget preview(&session);
        preview.resize(1000, 900);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        QCOMPARE(preview.columnCount(), 2);

        for (MeasureKind kind : Previewed) {
            preview.setMeasure(kind);
            // A second image replaces the first before it is done: only the second one's values stay.
            preview.setImage(entry(images->at(0)), session.currentDatasetId());
            preview.setImage(entry(images->at(1)), session.currentDatasetId());
            QTRY_VERIFY_WITH_TIMEOUT(preview.isComplete(), 60000);
            const int variants = kind == MeasureKind::Noise ? 8 : kind == MeasureKind::Transforms ? 12 : 2;
            QCOMPARE(preview.rowCount(), 1 + variants);
            for (int c = 0; c < preview.columnCount(); ++c) {
                const PreviewColumn* column = preview.result(c);
                QVERIFY(column);
                const ModelInfo* model = session.model(preview.modelId(c));
                QVERIFY(model);
                checkColumn(kind, images->at(1).position, model->name.toStdString(), *column);
                for (int r = 0; r < preview.rowCount(); ++r)
                    QCOMPARE(preview.cell(r, c)->state(), MeasurePreviewCell::State::Ready);
            }
            QTest::qWait(50);
            const QString shot = QCoreApplication::applicationDirPath()
                + QStringLiteral("/tst_measurepreview-%1.png").arg(QString::fromLatin1(measureName(kind)));
            QVERIFY(preview.grab().save(shot));
            qInfo() << "screenshot:" << shot;
        }
        QCOMPARE(session.log()->errorCount(), 0);

        // One model chosen: one column.
        preview.setModelIds({session.models().back().id});
        QCOMPARE(preview.columnCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(preview.isComplete(), 60000);
    }

    void hiddenPreviewKeepsItsFinishedColumns()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        auto images = session.store()->images(session.currentDatasetId());
        QVERIFY(images.ok());
        MeasurePreviewWidget preview(&session);
        preview.resize(1000, 900);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        preview.setMeasure(MeasureKind::Transforms);
        preview.setImage(entry(images->at(0)), session.currentDatasetId());
        QCOMPARE(preview.columnCount(), 2);
        // The session's compute pool runs one job at a time: column 0 first, then column 1
        // (13 Grad-CAM passes, far longer than the 5 ms between looks).
        QElapsedTimer timer;
        timer.start();
        while (!preview.result(0) && timer.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        const PreviewColumn* first = preview.result(0);
        QVERIFY(first);
        QVERIFY(!preview.result(1));
        preview.hide(); // another tab: column 1's job is cancelled
        QVERIFY(!preview.isComplete());
        QTest::qWait(200);
        QVERIFY(!preview.result(1));
        preview.show();
        QTRY_VERIFY_WITH_TIMEOUT(preview.isComplete(), 60000);
        // Column 0 was not computed again; column 1 was, and matches the stored rows.
        QCOMPARE(preview.result(0), first);
        QVERIFY(preview.result(1));
        checkColumn(MeasureKind::Transforms, images->at(0).position,
                    session.model(preview.modelId(1))->name.toStdString(), *preview.result(1));
        for (int r = 0; r < preview.rowCount(); ++r)
            QCOMPARE(preview.cell(r, 1)->state(), MeasurePreviewCell::State::Ready);
        QCOMPARE(session.log()->errorCount(), 0);
    }

    void unreadableImageGoesToTheLog()
    {
        ProjectSession session;
        QVERIFY(session.open(m_project));
        MeasurePreviewWidget preview(&session);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        ImageEntry missing;
        missing.path = QDir(m_dir.path()).filePath("faces/fake/gone.png");
        missing.fileName = QStringLiteral("gone.png");
        missing.hash = QStringLiteral("0123");
        preview.setImage(missing, session.currentDatasetId());
        QTRY_VERIFY_WITH_TIMEOUT(preview.isComplete(), 30000);
        QCOMPARE(session.log()->errorCount(), preview.columnCount());
        QCOMPARE(preview.cell(0, 0)->state(), MeasurePreviewCell::State::Failed);
        // A file known to be unreadable is not computed at all.
        ImageEntry broken = missing;
        broken.path = QDir(m_dir.path()).filePath("faces/fake/broken.png");
        broken.problem = QStringLiteral("not an image");
        preview.setImage(broken, session.currentDatasetId());
        QVERIFY(preview.isComplete());
        QCOMPARE(preview.cell(1, 0)->state(), MeasurePreviewCell::State::Failed);
        QCOMPARE(preview.cell(1, 0)->secondLine(), QStringLiteral("not an image"));
    }

private:
    static ImageEntry entry(const StoredImage& image)
    {
        ImageEntry entry;
        entry.path = QString::fromStdString(image.path);
        entry.fileName = QFileInfo(entry.path).fileName();
        entry.hash = QString::fromStdString(image.contentHash);
        entry.label = image.label;
        return entry;
    }

    void checkColumn(MeasureKind kind, std::int64_t position, const std::string& model, const PreviewColumn& column)
    {
        const auto& stored = m_stored[kind];
        const int expected = kind == MeasureKind::Noise ? 8 : kind == MeasureKind::Transforms ? 12 : 2;
        QCOMPARE(int(column.variants.size()), expected);
        QCOMPARE(column.clean.values.size(), std::size_t(1));
        for (const auto& cell : column.variants) {
            auto row = stored.find({position, model, cell.variant});
            QVERIFY2(row != stored.end(), cell.variant.c_str());
            QCOMPARE(cell.values.size(), row->second.size());
            QCOMPARE(cell.values.size(), measureColumns(kind).size());
            for (std::size_t v = 0; v < cell.values.size(); ++v)
                QVERIFY2(same(cell.values[v], row->second[v]),
                         qPrintable(QStringLiteral("%1 %2 %3 %4: preview %5, run %6")
                                        .arg(QString::fromLatin1(measureName(kind)), QString::fromStdString(model),
                                             QString::fromStdString(cell.variant),
                                             QString::fromStdString(measureColumns(kind)[v]))
                                        .arg(cell.values[v], 0, 'g', 17)
                                        .arg(row->second[v], 0, 'g', 17)));
        }
    }

    QTemporaryDir m_dir;
    QString m_project;
    MeasureRunParams m_params;
    std::map<MeasureKind, std::map<RowKey, std::vector<double>>> m_stored;
};

QTEST_MAIN(TestMeasurePreview)
#include "tst_measurepreview.moc"
