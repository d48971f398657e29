// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/transformsmeasure.h"

#include "core/engine/devicemeasures.h"

namespace saliscope {

const std::vector<std::string>& TransformsMeasure::columns() const
{
    static const std::vector<std::string> columns{"ssim_upscaled", "score", "predicted_class", "prediction_changed",
                                                  "flat"};
    return columns;
}

MapNeeds TransformsMeasure::needs() const
{
    MapNeeds needs;
    needs.ssimUpscaled = true;
    return needs;
}

std::vector<MeasureVariant> TransformsMeasure::variants(const MeasureSettings& settings, int inputWidth,
                                                        int inputHeight) const
{
    std::vector<MeasureVariant> variants;
    for (const auto& transform : engine::standardTransforms(inputWidth, settings.transforms)) {
        const bool rotation = transform.kind == engine::TransformKind::Rotate90Clockwise
            || transform.kind == engine::TransformKind::Rotate90CounterClockwise;
        if (rotation && inputWidth != inputHeight)
            continue; // a rotated non-square image no longer fits the model's input
        MeasureVariant variant;
        variant.name = engine::transformName(transform);
        variant.transform = transform;
        variants.push_back(std::move(variant));
    }
    return variants;
}

Result<engine::ImageU8> TransformsMeasure::vary(const MeasureVariant& variant, const engine::ImageU8& input,
                                                const engine::ImageU8&, std::uint64_t, const MeasureSettings&) const
{
    return engine::applyTransform(input, variant.transform);
}

Result<engine::DeviceArray>
TransformsMeasure::varyOnDevice(engine::DeviceMeasures& device, const MeasureVariant& variant,
                                const engine::DeviceArray& pixels, const engine::DeviceArray&,
                                const std::vector<std::uint64_t>&, const MeasureSettings&) const
{
    return device.transform(pixels, variant.transform);
}

engine::ImageU8 TransformsMeasure::expectedMap(const MeasureVariant& variant,
                                               const engine::ImageU8& cleanUpscaled) const
{
    return engine::applyTransform(cleanUpscaled, variant.transform);
}

Result<engine::DeviceArray> TransformsMeasure::expectedMapOnDevice(engine::DeviceMeasures& device,
                                                                   const MeasureVariant& variant,
                                                                   const engine::DeviceArray& cleanUpscaled) const
{
    return device.transform(cleanUpscaled, variant.transform);
}

void TransformsMeasure::fill(Row& row, const MeasureVariant&, const RowInputs& in) const
{
    row.set("ssim_upscaled", in.ssimUpscaled);
    row.set("score", in.pass.score);
    row.set("predicted_class", in.pass.predicted);
    row.set("prediction_changed", in.pass.predicted != in.clean.predicted);
    row.set("flat", in.pass.flat);
}

std::vector<std::string> TransformsMeasure::flatExcluded(bool rowFlat, bool cleanFlat) const
{
    if (rowFlat || cleanFlat)
        return {"ssim_upscaled"};
    return {};
}

} // namespace saliscope
