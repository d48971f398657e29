// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measure.h"

#include <cstdint>
#include <string>
#include <vector>

namespace saliscope {

/// What every step of one image's curves shares: its pixels in salience order and the baseline
/// the removed pixels take (empty for ROAD, which imputes them).
struct CurveContext final {
    std::vector<int> order;
    engine::ImageU8 baseline;
    std::uint64_t noiseKey = 0;
};

/// A faithfulness curve (docs/measures.md, "Deletion, insertion and ROAD"): the probability of the
/// class the clean map explains (its predicted class) as pixels are removed or inserted in order
/// of the clean map's salience, in curves.steps equal steps from 0 to all pixels. Each step is a
/// forward pass only. Rows: one per image, model and step (variant "0".."steps"), with the step's
/// fraction, each curve's probability and each curve's area under the curve over [0, 1] (the
/// image's, the same on each of its rows).
class CurveMeasure : public Measure {
public:
    RowSource source() const override { return RowSource::ScoreCurves; }
    /// Asked for by name: a forward pass per step, so "all" (the paper's five) leaves it out.
    bool partOfAll() const override { return false; }
    std::vector<std::string> csvKeyColumns() const override { return {"image", "label", "model", "step"}; }
    /// Steps "0" .. curves.steps; MeasureVariant::level is the step's fraction.
    std::vector<MeasureVariant> variants(const MeasureSettings& settings, int inputWidth,
                                         int inputHeight) const override;
    void fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const override;
    /// A flat clean map orders no pixel: its curves say nothing.
    std::vector<std::string> flatExcluded(bool rowFlat, bool cleanFlat) const override;

    /// The curves of each step, in RowInputs::curveProbability order.
    virtual int curveCount() const = 0;
    /// A curve's name in summaries and charts ("deletion", "insertion", "morf", "lerf").
    virtual std::string curveName(int /*curve*/) const { return name(); }
    /// The step's probability column and the area column of curve `curve`.
    virtual std::string probabilityColumn(int curve) const = 0;
    virtual std::string areaColumn(int curve) const = 0;

    /// The salience order of `cleanUpscaled` and the baseline of `input`.
    virtual CurveContext context(const engine::ImageU8& input, const engine::ImageU8& cleanUpscaled,
                                 std::uint64_t noiseKey, const MeasureSettings& settings) const;
    /// The image curve `curve` gives the model at `step`.
    virtual Result<engine::ImageU8> curveImage(const CurveContext& context, const engine::ImageU8& input,
                                               const MeasureVariant& step, int curve,
                                               const MeasureSettings& settings) const = 0;
};

/// A measure with one curve: columns fraction, probability, auc, flat (deletion, insertion).
class OneCurveMeasure : public CurveMeasure {
public:
    const std::vector<std::string>& columns() const override;
    int curveCount() const override { return 1; }
    std::string probabilityColumn(int) const override { return "probability"; }
    std::string areaColumn(int) const override { return "auc"; }
};

/// Deletion (Petsiuk et al., RISE, BMVC 2018): the most salient pixels first replaced by the
/// baseline (curves.baseline). A faithful map makes the probability fall fast: a low area.
class DeletionMeasure final : public OneCurveMeasure {
public:
    MeasureKind kind() const override { return MeasureKind::Deletion; }
    const char* name() const override { return "deletion"; }
    Result<engine::ImageU8> curveImage(const CurveContext& context, const engine::ImageU8& input,
                                       const MeasureVariant& step, int curve,
                                       const MeasureSettings& settings) const override;
};

/// Insertion (RISE): from the baseline, the most salient pixels first restored. A faithful map
/// makes the probability rise fast: a high area.
class InsertionMeasure final : public OneCurveMeasure {
public:
    MeasureKind kind() const override { return MeasureKind::Insertion; }
    const char* name() const override { return "insertion"; }
    Result<engine::ImageU8> curveImage(const CurveContext& context, const engine::ImageU8& input,
                                       const MeasureVariant& step, int curve,
                                       const MeasureSettings& settings) const override;
};

/// ROAD, remove and debias (Rong et al., "A Consistent and Efficient Evaluation Strategy for
/// Attribution Methods", ICML 2022): pixels removed most relevant first (MoRF, curve 0) and least
/// relevant first (LeRF, curve 1), each removed pixel replaced by noisy linear imputation from its
/// neighbours (faithfulness.h), so the removal leaves no shape for the model to see. A faithful
/// map: a low MoRF area and a high LeRF area.
class RoadMeasure final : public CurveMeasure {
public:
    MeasureKind kind() const override { return MeasureKind::Road; }
    const char* name() const override { return "road"; }
    const std::vector<std::string>& columns() const override;
    int curveCount() const override { return 2; }
    std::string curveName(int curve) const override { return probabilityColumn(curve); }
    std::string probabilityColumn(int curve) const override { return curve == 0 ? "morf" : "lerf"; }
    std::string areaColumn(int curve) const override { return curve == 0 ? "morf_auc" : "lerf_auc"; }
    CurveContext context(const engine::ImageU8& input, const engine::ImageU8& cleanUpscaled, std::uint64_t noiseKey,
                         const MeasureSettings& settings) const override;
    Result<engine::ImageU8> curveImage(const CurveContext& context, const engine::ImageU8& input,
                                       const MeasureVariant& step, int curve,
                                       const MeasureSettings& settings) const override;
};

} // namespace saliscope
