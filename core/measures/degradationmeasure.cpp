// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/degradationmeasure.h"

#include "core/engine/devicemeasures.h"
#include "core/measures/measurerunner.h"

namespace saliscope {

const std::vector<std::string>& DegradationMeasure::columns() const
{
    static const std::vector<std::string> columns{"score",           "predicted_class", "correct",
                                                  "confidence_drop", "ssim_upscaled",   "flat"};
    return columns;
}

MapNeeds DegradationMeasure::needs() const
{
    MapNeeds needs;
    needs.ssimUpscaled = true;
    return needs;
}

std::vector<MeasureVariant> DegradationMeasure::variants(const MeasureSettings&, int, int) const
{
    std::vector<MeasureVariant> variants;
    for (auto mode : {engine::DegradationMode::Background, engine::DegradationMode::Object}) {
        MeasureVariant variant;
        variant.name = mode == engine::DegradationMode::Background ? "background" : "object";
        variant.mode = mode;
        variants.push_back(std::move(variant));
    }
    return variants;
}

Result<engine::ImageU8> DegradationMeasure::vary(const MeasureVariant& variant, const engine::ImageU8& input,
                                                 const engine::ImageU8& cleanUpscaled, std::uint64_t,
                                                 const MeasureSettings& settings) const
{
    auto degraded = engine::degradeBySalience(input, cleanUpscaled, variant.mode, settings.degradation);
    if (!degraded)
        return Error{"degradation failed: " + degraded.error()};
    return degraded;
}

Result<engine::DeviceArray>
DegradationMeasure::varyOnDevice(engine::DeviceMeasures& device, const MeasureVariant& variant,
                                 const engine::DeviceArray& pixels, const engine::DeviceArray& cleanUpscaled,
                                 const std::vector<std::uint64_t>&, const MeasureSettings& settings) const
{
    return device.degrade(pixels, cleanUpscaled, variant.mode, settings.degradation);
}

void DegradationMeasure::fill(Row& row, const MeasureVariant&, const RowInputs& in) const
{
    // The drop is measured on the label's class, or the clean prediction's where the label is unknown.
    const int reference = in.label == UnknownLabel ? in.clean.predicted : in.label;
    row.set("score", in.pass.score);
    row.set("predicted_class", in.pass.predicted);
    row.set("correct", correctOf(in.pass.predicted, in.label));
    row.set("confidence_drop",
            probabilityOf(in.clean.score, reference, in.positiveClass)
                - probabilityOf(in.pass.score, reference, in.positiveClass));
    row.set("ssim_upscaled", in.ssimUpscaled);
    row.set("flat", in.pass.flat);
}

std::vector<std::string> DegradationMeasure::flatExcluded(bool rowFlat, bool cleanFlat) const
{
    // the clean map guided the blur: a flat one leaves the drop without meaning
    std::vector<std::string> excluded;
    if (cleanFlat)
        excluded.push_back("confidence_drop");
    if (cleanFlat || rowFlat)
        excluded.push_back("ssim_upscaled");
    return excluded;
}

} // namespace saliscope
