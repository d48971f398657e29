// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The measure registry (core/measures/measure.h): every MeasureKind has one measure, and each
// measure's row fills every one of its columns, and names none it does not have, for every variant
// on square and non-square inputs; its flat-map rule names only its own columns. A Row that misses
// a column or names an unknown one is refused.

#include "core/measures/measure.h"
#include "core/measures/measurerunner.h"

#include <QtTest>

#include <cmath>
#include <set>
#include <stdexcept>

using namespace saliscope;

namespace {

/// Inputs with every value defined and distinct, so that a value landing in the wrong column shows.
RowInputs definedInputs()
{
    RowInputs in;
    in.label = 1;
    in.positiveClass = 1;
    in.clean = {0.75, 1, false};
    in.pass = {0.25, 0, true};
    in.entropyBits = 4.5;
    in.normalizedEntropy = 0.8;
    in.spatialEntropy = 0.7;
    in.annotationMass = 0.6;
    in.ssimSmall = 0.55;
    in.ssimUpscaled = 0.45;
    in.spearman = 0.35;
    in.randomisedShare = 0.5;
    in.curveProbability = {0.3, 0.2};
    in.curveArea = {0.25, 0.15};
    in.annotationLocalisation.pointing = 1;
    in.annotationLocalisation.mass = 0.65;
    in.annotationLocalisation.rank = 0.62;
    in.annotationLocalisation.auc = 0.9;
    in.maskLocalisation.pointing = 0.5;
    in.maskLocalisation.mass = 0.42;
    in.maskLocalisation.rank = 0.41;
    in.maskLocalisation.auc = 0.8;
    return in;
}

/// The variants a measure's rows are made for: its own, or the one unnamed variant.
std::vector<MeasureVariant> variantsOf(const Measure& measure, int width, int height)
{
    MeasureSettings settings;
    settings.noise.levels = {0, 0.05, 0.5};
    if (measure.source() == RowSource::VariantPasses || measure.source() == RowSource::ScoreCurves)
        return measure.variants(settings, width, height);
    return {MeasureVariant{}};
}

/// A measure that names a column it does not have and leaves one unset: what the checks must catch.
class MisnamedMeasure final : public Measure {
public:
    MeasureKind kind() const override { return MeasureKind::Entropy; }
    const char* name() const override { return "misnamed"; }
    const std::vector<std::string>& columns() const override
    {
        static const std::vector<std::string> columns{"score", "flat"};
        return columns;
    }
    RowSource source() const override { return RowSource::CleanPass; }
    void fill(Row& row, const MeasureVariant&, const RowInputs& in) const override { row.set("scroe", in.pass.score); }
    std::vector<std::string> flatExcluded(bool, bool) const override { return {}; }
};

} // namespace

class TestMeasures final : public QObject {
    Q_OBJECT

private slots:
    void everyKindHasOneMeasure()
    {
        std::set<MeasureKind> kinds;
        std::set<std::string> names;
        for (const Measure* measure : measureRegistry()) {
            QVERIFY2(kinds.insert(measure->kind()).second, measure->name());
            QVERIFY2(names.insert(measure->name()).second, measure->name());
            QCOMPARE(&measureOf(measure->kind()), measure);
            QCOMPARE(std::string(measureName(measure->kind())), std::string(measure->name()));
            QCOMPARE(measureKindNamed(measure->name()), std::optional<MeasureKind>(measure->kind()));
            QCOMPARE(measureColumns(measure->kind()), measure->columns());
        }
        for (auto kind : {MeasureKind::Predictions, MeasureKind::Entropy, MeasureKind::Noise, MeasureKind::Transforms,
                          MeasureKind::Stability, MeasureKind::Degradation, MeasureKind::Sanity, MeasureKind::Deletion,
                          MeasureKind::Insertion, MeasureKind::Road, MeasureKind::Localisation})
            QVERIFY2(kinds.count(kind), measureName(kind));
        QCOMPARE(kinds.size(), std::size_t(11));
        // "all" is every measure but the predictions, which every run records, and the sanity
        // checks, which re-run every model once per randomisation step
        auto all = parseMeasures("all");
        QVERIFY(all);
        QCOMPARE(all->size(), std::size_t(5));
        QVERIFY(!all->count(MeasureKind::Predictions));
        QVERIFY(!all->count(MeasureKind::Sanity));
        QCOMPARE(parseMeasures("all,sanity")->size(), std::size_t(6));
        // The field's faithfulness and localisation metrics are asked for by name, like the sanity checks.
        for (auto kind : {MeasureKind::Deletion, MeasureKind::Insertion, MeasureKind::Road, MeasureKind::Localisation})
            QVERIFY2(!all->count(kind), measureName(kind));
        QCOMPARE(parseMeasures("localization").value(), std::set<MeasureKind>{MeasureKind::Localisation});
        QCOMPARE(parseMeasures("transform").value(), std::set<MeasureKind>{MeasureKind::Transforms});
        QCOMPARE(QString::fromStdString(parseMeasures("colour").error()),
                 QStringLiteral(
                     "unknown measure 'colour' (entropy, noise, transforms, stability, degradation, sanity, deletion, "
                     "insertion, road, localisation or all)"));
    }

    void rowsFillEveryColumn_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("square") << 224 << 224;
        QTest::newRow("non-square") << 128 << 96;
    }

    void rowsFillEveryColumn()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        for (const Measure* measure : measureRegistry()) {
            const auto& columns = measure->columns();
            QVERIFY2(!columns.empty(), measure->name());
            QCOMPARE(std::set<std::string>(columns.begin(), columns.end()).size(), columns.size());
            const auto variants = variantsOf(*measure, width, height);
            QVERIFY2(!variants.empty(), measure->name());
            for (const auto& variant : variants) {
                Row row(columns);
                measure->fill(row, variant, definedInputs());
                const auto names = [](const std::vector<std::string>& list) {
                    QStringList out;
                    for (const auto& name : list)
                        out << QString::fromStdString(name);
                    return out.join(", ");
                };
                QVERIFY2(row.unknown().empty(),
                         qPrintable(QStringLiteral("%1 names unknown columns: %2")
                                        .arg(measure->name(), names(row.unknown()))));
                QVERIFY2(row.unset().empty(),
                         qPrintable(
                             QStringLiteral("%1 (%2) leaves columns unset: %3")
                                 .arg(measure->name(), QString::fromStdString(variant.name), names(row.unset()))));
                QVERIFY(row.complete());
                const auto values = measure->row(variant, definedInputs());
                QCOMPARE(values.size(), columns.size());
                // The random-logit test has no randomisation depth.
                const bool noDepth = measure->kind() == MeasureKind::Sanity && variant.cascadeStep == 0;
                for (std::size_t c = 0; c < values.size(); ++c) {
                    if (noDepth && (columns[c] == "depth" || columns[c] == "randomised")) {
                        QVERIFY2(std::isnan(values[c]), columns[c].c_str());
                        continue;
                    }
                    if (columns[c] != "correct") // correctOf: 0 or 1 here, never NaN with a known label
                        QVERIFY2(!std::isnan(values[c]), columns[c].c_str());
                }
            }
            const MeasureSettings defaults;
            const int expectedRows = measure->source() == RowSource::ModelPairs ? 0
                : measure->source() == RowSource::CleanPass                     ? 1
                                                            : int(measure->variants(defaults, width, height).size());
            QCOMPARE(measure->rowsPerModel(defaults, width, height), expectedRows);
            for (bool rowFlat : {false, true})
                for (bool cleanFlat : {false, true})
                    for (const auto& column : measure->flatExcluded(rowFlat, cleanFlat))
                        QVERIFY2(std::find(columns.begin(), columns.end(), column) != columns.end(),
                                 qPrintable(QStringLiteral("%1's flat rule names '%2'")
                                                .arg(measure->name(), QString::fromStdString(column))));
        }
    }

    void rowsPutValuesInTheirColumns()
    {
        // One value per measure, read back by name: a column swapped in fill() shows here.
        const auto in = definedInputs();
        auto value = [&](MeasureKind kind, const char* column, const MeasureVariant& variant = {}) {
            const Measure& measure = measureOf(kind);
            const auto values = measure.row(variant, in);
            const auto& columns = measure.columns();
            return values[std::size_t(std::find(columns.begin(), columns.end(), column) - columns.begin())];
        };
        QCOMPARE(value(MeasureKind::Predictions, "score"), 0.75);
        QCOMPARE(value(MeasureKind::Predictions, "predicted_class"), 1.0);
        QCOMPARE(value(MeasureKind::Predictions, "flat"), 0.0);
        QCOMPARE(value(MeasureKind::Entropy, "spatial_entropy"), 0.7);
        QCOMPARE(value(MeasureKind::Entropy, "annotation_mass"), 0.6);
        MeasureVariant noisy;
        noisy.level = 0.05;
        QCOMPARE(value(MeasureKind::Noise, "level", noisy), 0.05);
        QCOMPARE(value(MeasureKind::Noise, "score", noisy), 0.25);
        QCOMPARE(value(MeasureKind::Noise, "ssim_small", noisy), 0.55);
        QCOMPARE(value(MeasureKind::Noise, "ssim_upscaled", noisy), 0.45);
        QCOMPARE(value(MeasureKind::Noise, "correct", noisy), 0.0);
        QCOMPARE(value(MeasureKind::Noise, "flat", noisy), 1.0);
        QCOMPARE(value(MeasureKind::Transforms, "prediction_changed"), 1.0);
        QCOMPARE(value(MeasureKind::Stability, "ssim_small"), 0.55);
        // the drop in the labelled class's probability: 0.75 - 0.25
        QCOMPARE(value(MeasureKind::Degradation, "confidence_drop"), 0.5);
    }

    void aMisnamedRowIsRefused()
    {
        const MisnamedMeasure measure;
        Row row(measure.columns());
        measure.fill(row, {}, definedInputs());
        QVERIFY(!row.complete());
        QCOMPARE(row.unknown(), std::vector<std::string>{"scroe"});
        QCOMPARE(row.unset(), (std::vector<std::string>{"score", "flat"}));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, measure.row({}, definedInputs()));
    }

    void variantsFollowTheSettings()
    {
        MeasureSettings settings;
        settings.noise.levels = {0, 0.1};
        const auto noise = measureOf(MeasureKind::Noise).variants(settings, 224, 224);
        QCOMPARE(noise.size(), std::size_t(2));
        QCOMPARE(noise[1].name, std::string("0.1"));
        // quarter turns only where the rotated image still fits the input
        QCOMPARE(measureOf(MeasureKind::Transforms).variants(settings, 224, 224).size(), std::size_t(12));
        QCOMPARE(measureOf(MeasureKind::Transforms).variants(settings, 128, 96).size(), std::size_t(10));
        const auto modes = measureOf(MeasureKind::Degradation).variants(settings, 224, 224);
        QCOMPARE(modes.size(), std::size_t(2));
        QCOMPARE(modes[0].name, std::string("background"));
        QCOMPARE(modes[1].name, std::string("object"));
    }
};

QTEST_GUILESS_MAIN(TestMeasures)
#include "tst_measures.moc"
