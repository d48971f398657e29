// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The paper's claims, reproduced on the built-in demo (issue 5): both model families are
// accurate, and the CYBORG family's salience is more focused, more stable across training
// runs and closer to the human annotations than the cross-entropy family's. Runs the full
// demo with its defaults (reused when the folder already holds it).
//
// Training is deterministic on one CPU, not across CPUs: oneDNN, OpenBLAS and ATen pick their
// kernels by instruction set and round differently, so another machine trains other models
// (ONEDNN_MAX_CPU_ISA, OPENBLAS_CORETYPE and ATEN_CPU_CAPABILITY emulate other CPUs; each
// changes a run's weights within one epoch). The claims must hold with a margin wider than the
// spread between kernel paths. Figures below: "here" is this machine's own path (oneDNN
// AVX-512, OpenBLAS Haswell, ATen AVX2), "emulated" ONEDNN_MAX_CPU_ISA=AVX2
// OPENBLAS_CORETYPE=SkylakeX ATEN_CPU_CAPABILITY=avx512.

#include "core/demo/demoproject.h"
#include "core/engine/runtime.h"

#include <QtTest>

using namespace saliscope;

class TestDemoClaims final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        engine::configureThreads();
        // As saliscope-cli demo does: without it glibc hands freed training buffers back to the
        // system and the training ran 2.5x slower (4 to 7 s an epoch against 1.5 to 2 s), with
        // the same models.
        engine::configureAllocator();
        DemoParams params;
        params.outputDirectory = SALISCOPE_DEMO_DIR;
        class Log final : public ProgressSink {
        public:
            void progress(std::int64_t, std::int64_t) override {}
            void message(const std::string& text) override { qInfo("%s", text.c_str()); }
        } log;
        auto result = runDemo(params, log, CancelToken());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().c_str());
        m_result = result.value();
        for (const auto& [family, f] : m_result.families)
            qInfo("%s: accuracy %.6f, ROC AUC %.3f, entropy %.3f, stability %.3f, annotation mass %.3f", family.c_str(),
                  f.accuracy, f.rocAuc, f.entropy, f.stability, f.annotationMass);
        QVERIFY(m_result.families.count("xent"));
        QVERIFY(m_result.families.count("cyborg"));
    }

    void bothFamiliesAreAccurate()
    {
        // Mean accuracy of each family's runs on the whole test split: xent 0.941 and CYBORG
        // 0.937 here (single runs 0.920 to 0.960), 0.948 and 0.931 emulated (0.908 to 0.960).
        for (const char* family : {"xent", "cyborg"}) {
            const double accuracy = m_result.families.at(family).accuracy;
            QVERIFY2(accuracy >= 0.9,
                     qPrintable(QStringLiteral("%1 family at %2 test accuracy, below 0.90")
                                    .arg(QLatin1String(family))
                                    .arg(accuracy, 0, 'f', 4)));
        }
    }

    void cyborgSalienceIsMoreFocused()
    {
        // Does not reproduce on the demo: CYBORG's maps follow the human annotations, which on
        // real faces cover eyes, nose and mouth (several regions), so their entropy is not lower
        // (0.715 against 0.699 here, 0.708 against 0.711 emulated; 0.722/0.718 and 0.732/0.712
        // after 20 epochs). The gap moves by 0.02 between kernel paths, so only a lead of more than
        // that counts as more focused. An XPASS here means it now holds: remove the expectation.
        const double cyborg = m_result.families.at("cyborg").entropy;
        const double xent = m_result.families.at("xent").entropy;
        const QByteArray figures = QStringLiteral("CYBORG %1 vs xent %2 mean normalised entropy")
                                       .arg(cyborg, 0, 'f', 3)
                                       .arg(xent, 0, 'f', 3)
                                       .toUtf8();
        QEXPECT_FAIL("", figures.constData(), Continue);
        QVERIFY(cyborg < xent - 0.02);
    }

    void cyborgSalienceIsMoreStableAcrossRuns()
    {
        // Mean pairwise SSIM of the runs' maps (CYBORG 0.875 against 0.698 here, 0.846
        // against 0.717 emulated).
        QVERIFY(m_result.families.at("cyborg").stability > m_result.families.at("xent").stability);
    }

    void cyborgSalienceFollowsTheAnnotations()
    {
        // Mean share of the salience inside the human annotations (CYBORG 0.428 against 0.270
        // here, 0.427 against 0.274 emulated).
        QVERIFY(m_result.families.at("cyborg").annotationMass > m_result.families.at("xent").annotationMass);
    }

private:
    DemoResult m_result;
};

QTEST_GUILESS_MAIN(TestDemoClaims)
#include "tst_democlaims.moc"
