// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/engine/cammethod.h"
#include "core/engine/degradation.h"
#include "core/engine/imageops.h"
#include "core/common/result.h"
#include "core/engine/ssim.h"

#include <QJsonObject>

#include <cstdint>
#include <string>
#include <vector>

namespace saliscope {

/// One key of MeasureSettings::set() with a one-line explanation, for `measure --list-parameters`
/// and the GUI launcher's parameter form.
struct MeasureParameter final {
    std::string key;                  ///< e.g. "noise.levels"
    std::string explanation;          ///< what it changes, in one line
    std::vector<std::string> choices; ///< every value set() accepts, when it is one of a few names
};

/// Every key set() accepts, in display order (noise, transforms, degradation, SSIM, score, bins, image).
const std::vector<MeasureParameter>& measureParameters();

/// Which number is an image's "synthetic" score: the paper's sigmoid of the positive logit, or
/// the softmax probability of the positive class.
enum class ScoreKind { Sigmoid, Softmax };

/// The sanity checks' parameters (docs/measures.md, "Sanity checks").
struct SanityParams final {
    /// Cascading randomisation steps at most; a model with more blocks has them grouped evenly so
    /// the last step randomises every block.
    int steps = 5;
    std::uint64_t seed = 0; ///< seed of the re-initialised weights (the same seed, the same weights)
};

/// What the faithfulness curves' removed pixels become (deletion and insertion; ROAD imputes).
enum class CurveBaseline { Blur, Constant };

/// The faithfulness curves' parameters (docs/measures.md, "Deletion, insertion and ROAD").
struct CurveParams final {
    int steps = 20; ///< steps from no pixel to every pixel (steps + 1 points)
    CurveBaseline baseline = CurveBaseline::Blur;
    double blurSigma = 5.0;  ///< Gaussian sigma of the blurred baseline, in pixels
    int constant = 0;        ///< grey level of the constant baseline (and of ROAD with no pixel left)
    double roadNoise = 0.01; ///< ROAD: imputation noise SD as a share of the full range
};

/// Every parameter of the five measures, with docs/measures.md's defaults. A run records all of them.
struct MeasureSettings final {
    engine::NoiseParams noise;
    engine::TransformParams transforms;
    engine::DegradationParams degradation;
    engine::SsimParams ssim;
    ScoreKind score = ScoreKind::Sigmoid;
    int histogramBins = 20; ///< bins of the summary histograms over [0, 1]
    /// Images with more pixels (width x height, read from the file's header) are skipped before
    /// decoding, with the reason; 0: no limit. The default is DefaultMaxImagePixels (64 megapixels).
    std::int64_t maxImagePixels = 64'000'000;
    /// How the run's maps are made (Grad-CAM, the paper's, unless told).
    engine::CamMethod method = engine::CamMethod::GradCam;
    SanityParams sanity;
    CurveParams curves;

    /// Sets one parameter from `key=value` text (the CLI's --set), e.g. "noise.levels=0,0.1,0.5",
    /// "noise.seed=7", "degradation.sigma_max=8", "score=softmax". Errors name the key.
    Status set(const std::string& assignment);
    /// Every parameter as JSON (what a run stores and summary.json shows).
    QJsonObject toJson() const;
    /// Reads toJson()'s output; missing keys keep defaults.
    static Result<MeasureSettings> fromJson(const QJsonObject& object);
    /// The current value of one key as set() accepts it ("" for an unknown key).
    std::string value(const std::string& key) const;
    /// The keys set() accepts, with their current values and explanations, one
    /// "key=value  # explanation" per line.
    std::string describe() const;
};

} // namespace saliscope
