// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measure.h"

namespace saliscope {

/// Measure (e): the background or the object (by the clean map) blurred; the confidence the model loses and how its map
/// moves.
class DegradationMeasure final : public Measure {
public:
    MeasureKind kind() const override { return MeasureKind::Degradation; }
    const char* name() const override { return "degradation"; }
    const std::vector<std::string>& columns() const override;
    RowSource source() const override { return RowSource::VariantPasses; }
    MapNeeds needs() const override;
    std::vector<std::string> csvKeyColumns() const override { return {"image", "label", "model", "mode"}; }
    std::vector<MeasureVariant> variants(const MeasureSettings& settings, int inputWidth,
                                         int inputHeight) const override;
    Result<engine::ImageU8> vary(const MeasureVariant& variant, const engine::ImageU8& input,
                                 const engine::ImageU8& cleanUpscaled, std::uint64_t noiseKey,
                                 const MeasureSettings& settings) const override;
    Result<engine::DeviceArray> varyOnDevice(engine::DeviceMeasures& device, const MeasureVariant& variant,
                                             const engine::DeviceArray& pixels,
                                             const engine::DeviceArray& cleanUpscaled,
                                             const std::vector<std::uint64_t>& noiseKeys,
                                             const MeasureSettings& settings) const override;
    void fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const override;
    std::vector<std::string> flatExcluded(bool rowFlat, bool cleanFlat) const override;
};

} // namespace saliscope
