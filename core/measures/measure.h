// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
// One definition per measure: its name, columns, variants, how it varies an image (on the host and
// on a device) and how a row is made from maps and scores. The host batch and the device batch of
// measurerunner.cpp and the measure preview all make their rows here; adding a measure is one
// file (a Measure subclass) plus one line in measureRegistry() (CONTRIBUTING.md, "Adding a measure").
#pragma once

#include "core/dataset/dataset.h"
#include "core/engine/degradation.h"
#include "core/engine/image.h"
#include "core/engine/imageops.h"
#include "core/common/result.h"
#include "core/measures/localisation.h"
#include "core/measures/measuresettings.h"
#include "core/measures/measuretable.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace saliscope {

namespace engine {
class DeviceArray;
class DeviceMeasures;
} // namespace engine

/// One way a measure varies an image: a noise level, a transformation or a degradation mode.
/// Only the fields of the measure's own kind of variant are used.
struct MeasureVariant final {
    std::string name; ///< what the row's variant column stores ("0.05", "lr", "background")
    double level = 0; ///< noise: the share of pixels flipped
    engine::Transform transform;
    engine::DegradationMode mode = engine::DegradationMode::Background;
    int cascadeStep = 0; ///< sanity: the cascading randomisation step (1..), 0 for the random-logit test
};

/// Where a measure's rows come from.
enum class RowSource {
    CleanPass,        ///< one row per image and model, from the clean Grad-CAM (variant "")
    VariantPasses,    ///< one row per image, model and variant, each from its own Grad-CAM pass
    ModelPairs,       ///< one row per image and pair of models of a family (model "a|b", variant: the family)
    RandomisedModels, ///< one row per image, model and variant, each from the map of a randomised copy of
                      ///< the model (or of another class), against the clean map (sanity checks)
    ScoreCurves,      ///< one row per image, model and step, from forward passes only of images made
                      ///< from the clean map (CurveMeasure: deletion, insertion, ROAD)
};

/// The map values a measure's rows need, computed by the batch (host or device) only when asked.
struct MapNeeds final {
    bool histogramEntropy = false; ///< bits and normalised bits of the pass's 8-bit map
    bool spatialEntropy = false;   ///< of the pass's float CAM
    bool annotationMass = false;   ///< of the pass's upscaled map inside the human annotation
    bool ssimSmall = false;        ///< the pass's 8-bit map against the clean one (stability: model against model)
    bool ssimUpscaled = false;     ///< the pass's upscaled map against expectedMap() of the clean one
    bool spearman = false;         ///< Spearman rank correlation of the pass's float map and the clean one
    bool localisation = false;     ///< the pass's upscaled map against the annotation and the artefact mask
};

/// What one Grad-CAM pass of one image gave, on the host or fetched from a device.
struct PassValues final {
    double score = 0; ///< under the run's score kind
    int predicted = 0;
    bool flat = false;
};

/// Everything a row may be made of. Values a measure did not ask for (MapNeeds) are NaN.
struct RowInputs final {
    int label = UnknownLabel;
    int positiveClass = 1;
    PassValues clean; ///< the clean image's pass
    PassValues pass;  ///< this variant's pass (the clean pass for CleanPass measures)
    double entropyBits;
    double normalizedEntropy;
    double spatialEntropy;
    double annotationMass; ///< NaN where the image has no annotation or the map is all zero
    double ssimSmall;
    double ssimUpscaled;
    double spearman;
    double randomisedShare; ///< sanity: the share of the model's blocks the pass's copy re-initialised
    LocalisationScores annotationLocalisation; ///< against the human annotation
    LocalisationScores maskLocalisation;       ///< against the exact artefact mask
    /// ScoreCurves: at this step, the probability of the clean map's class under each curve, and
    /// each curve's area over every step of the image.
    std::vector<double> curveProbability;
    std::vector<double> curveArea;

    RowInputs();
};

/// A row under construction: values are set by column name. A name the measure does not have,
/// or a column left unset, makes Measure::row() throw std::logic_error: a programming error that
/// tst_measures finds for every measure and variant.
class Row final {
public:
    explicit Row(const std::vector<std::string>& columns);

    void set(std::string_view column, double value);
    void set(std::string_view column, bool value) { set(column, value ? 1.0 : 0.0); }
    void set(std::string_view column, int value) { set(column, double(value)); }

    /// Columns no set() filled, and names set() was given that are no column.
    std::vector<std::string> unset() const;
    /// Every column set, and no unknown name.
    bool complete() const;
    const std::vector<std::string>& unknown() const { return m_unknown; }
    /// The values in column order (NaN where unset).
    std::vector<double> values() && { return std::move(m_values); }

private:
    const std::vector<std::string>& m_columns;
    std::vector<double> m_values;
    std::vector<bool> m_set;
    std::vector<std::string> m_unknown;
};

/// One measure. Subclasses are stateless; measureRegistry() holds one of each.
class Measure {
public:
    virtual ~Measure();

    virtual MeasureKind kind() const = 0;
    /// Lower-case name on the command line, in files and in the project store.
    virtual const char* name() const = 0;
    /// Other names the command line accepts ("transform").
    virtual std::vector<std::string> aliases() const { return {}; }
    /// The per-image columns, in the order rows carry their values.
    virtual const std::vector<std::string>& columns() const = 0;
    virtual RowSource source() const = 0;
    /// Whether "all" on the command line includes it (every measure but the predictions, which
    /// every run records anyway).
    virtual bool partOfAll() const { return true; }
    virtual MapNeeds needs() const { return {}; }
    /// The key columns of the measure's CSV file before its value columns: "image", "label" when
    /// the label is no value column, the model ("model" or "models"), and the variant's name when
    /// the variant is no value column ("transform", "mode", "family").
    virtual std::vector<std::string> csvKeyColumns() const { return {"image", "label", "model"}; }

    /// The variants for a model of this input size, in row order (VariantPasses only).
    virtual std::vector<MeasureVariant> variants(const MeasureSettings& settings, int inputWidth,
                                                 int inputHeight) const;
    /// `input` varied on the host; `cleanUpscaled` is the clean map at the input size, `noiseKey`
    /// the image's key for noise draws.
    virtual Result<engine::ImageU8> vary(const MeasureVariant& variant, const engine::ImageU8& input,
                                         const engine::ImageU8& cleanUpscaled, std::uint64_t noiseKey,
                                         const MeasureSettings& settings) const;
    /// The same on a device, for a batch.
    virtual Result<engine::DeviceArray> varyOnDevice(engine::DeviceMeasures& device, const MeasureVariant& variant,
                                                     const engine::DeviceArray& pixels,
                                                     const engine::DeviceArray& cleanUpscaled,
                                                     const std::vector<std::uint64_t>& noiseKeys,
                                                     const MeasureSettings& settings) const;
    /// What the varied pass's upscaled map is compared with (ssimUpscaled): the clean map, or
    /// the clean map moved as the image was.
    virtual engine::ImageU8 expectedMap(const MeasureVariant& variant, const engine::ImageU8& cleanUpscaled) const;
    virtual Result<engine::DeviceArray> expectedMapOnDevice(engine::DeviceMeasures& device,
                                                            const MeasureVariant& variant,
                                                            const engine::DeviceArray& cleanUpscaled) const;

    /// Sets every column of `row` for one image (and variant) from `in`.
    virtual void fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const = 0;

    /// The columns the flat-map rule (flatmaps.h) excludes from aggregates, given whether the
    /// row's own map is flat and whether a clean map it is compared with (or derived from) is.
    virtual std::vector<std::string> flatExcluded(bool rowFlat, bool cleanFlat) const = 0;

    /// The row's values, in columns() order: fill() on a fresh Row; throws std::logic_error
    /// when fill() leaves a column unset or names one the measure does not have.
    std::vector<double> row(const MeasureVariant& variant, const RowInputs& in) const;
    /// Rows one image gives for one model of this input size (CleanPass and VariantPasses).
    int rowsPerModel(const MeasureSettings& settings, int inputWidth, int inputHeight) const;
};

/// Every measure, one registration line each, in MeasureKind order.
const std::vector<const Measure*>& measureRegistry();
/// The measure of a kind (every MeasureKind has one).
const Measure& measureOf(MeasureKind kind);

} // namespace saliscope
