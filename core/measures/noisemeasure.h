// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/measures/measure.h"

#include <cstdint>
#include <string>

namespace saliscope {

/// Measure (b): salt-and-pepper noise at each level of noise.levels; the noisy map against the clean one.
class NoiseMeasure final : public Measure {
public:
    MeasureKind kind() const override { return MeasureKind::Noise; }
    const char* name() const override { return "noise"; }
    const std::vector<std::string>& columns() const override;
    RowSource source() const override { return RowSource::VariantPasses; }
    MapNeeds needs() const override;
    // csvKeyColumns(): the default; the level is a value column
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

/// The key of an image's noise draws in a run over the dataset at `datasetLocation` (a folder,
/// or a manifest whose folder counts): FNV-1a of the path relative to that folder.
std::uint64_t noiseKeyOf(const std::string& path, const std::string& datasetLocation);

} // namespace saliscope
