// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/noisemeasure.h"

#include "core/engine/devicemeasures.h"
#include "core/measures/measurerunner.h"

#include <QString>

#include <filesystem>

namespace saliscope {

const std::vector<std::string>& NoiseMeasure::columns() const
{
    static const std::vector<std::string> columns{
        "level", "score", "predicted_class", "correct", "normalized_entropy", "ssim_small", "ssim_upscaled", "flat"};
    return columns;
}

MapNeeds NoiseMeasure::needs() const
{
    MapNeeds needs;
    needs.histogramEntropy = true;
    needs.ssimSmall = true;
    needs.ssimUpscaled = true;
    return needs;
}

std::vector<MeasureVariant> NoiseMeasure::variants(const MeasureSettings& settings, int, int) const
{
    std::vector<MeasureVariant> variants;
    for (double level : settings.noise.levels) {
        MeasureVariant variant;
        variant.name = QString::number(level, 'g', 12).toStdString();
        variant.level = level;
        variants.push_back(std::move(variant));
    }
    return variants;
}

Result<engine::ImageU8> NoiseMeasure::vary(const MeasureVariant& variant, const engine::ImageU8& input,
                                           const engine::ImageU8&, std::uint64_t noiseKey,
                                           const MeasureSettings& settings) const
{
    const auto& noise = settings.noise;
    return engine::addSaltPepperNoise(input, variant.level, engine::noiseDrawSeed(noise.seed, noiseKey, variant.level),
                                      noise.saltVsPepper, noise.generator);
}

Result<engine::DeviceArray> NoiseMeasure::varyOnDevice(engine::DeviceMeasures& device, const MeasureVariant& variant,
                                                       const engine::DeviceArray& pixels, const engine::DeviceArray&,
                                                       const std::vector<std::uint64_t>& noiseKeys,
                                                       const MeasureSettings& settings) const
{
    const auto& noise = settings.noise;
    std::vector<std::uint64_t> seeds;
    for (std::uint64_t key : noiseKeys)
        seeds.push_back(engine::noiseDrawSeed(noise.seed, key, variant.level));
    return device.saltPepper(pixels, variant.level, seeds, noise.saltVsPepper, noise.generator);
}

void NoiseMeasure::fill(Row& row, const MeasureVariant& variant, const RowInputs& in) const
{
    row.set("level", variant.level);
    row.set("score", in.pass.score);
    row.set("predicted_class", in.pass.predicted);
    row.set("correct", correctOf(in.pass.predicted, in.label));
    row.set("normalized_entropy", in.normalizedEntropy);
    row.set("ssim_small", in.ssimSmall);
    row.set("ssim_upscaled", in.ssimUpscaled);
    row.set("flat", in.pass.flat);
}

std::vector<std::string> NoiseMeasure::flatExcluded(bool rowFlat, bool cleanFlat) const
{
    std::vector<std::string> excluded;
    if (rowFlat)
        excluded.push_back("normalized_entropy");
    if (rowFlat || cleanFlat)
        excluded.insert(excluded.end(), {"ssim_small", "ssim_upscaled"});
    return excluded;
}

std::uint64_t noiseKeyOf(const std::string& path, const std::string& datasetLocation)
{
    std::error_code code;
    const auto base = std::filesystem::is_directory(datasetLocation, code)
        ? std::filesystem::path(datasetLocation)
        : std::filesystem::path(datasetLocation).parent_path();
    const auto relative = std::filesystem::path(path).lexically_relative(base);
    const std::string key = relative.empty() ? path : relative.generic_string();
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : key) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

} // namespace saliscope
