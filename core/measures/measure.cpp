// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/measure.h"

#include "core/engine/devicemeasures.h"
#include "core/measures/curvemeasures.h"
#include "core/measures/degradationmeasure.h"
#include "core/measures/entropymeasure.h"
#include "core/measures/localisationmeasure.h"
#include "core/measures/noisemeasure.h"
#include "core/measures/predictionsmeasure.h"
#include "core/measures/sanitymeasure.h"
#include "core/measures/stabilitymeasure.h"
#include "core/measures/transformsmeasure.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace saliscope {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
}

RowInputs::RowInputs()
    : entropyBits(NaN), normalizedEntropy(NaN), spatialEntropy(NaN), annotationMass(NaN), ssimSmall(NaN),
      ssimUpscaled(NaN), spearman(NaN), randomisedShare(NaN)
{
}

Row::Row(const std::vector<std::string>& columns)
    : m_columns(columns), m_values(columns.size(), NaN), m_set(columns.size(), false)
{
}

void Row::set(std::string_view column, double value)
{
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (m_columns[c] == column) {
            m_values[c] = value;
            m_set[c] = true;
            return;
        }
    m_unknown.emplace_back(column);
}

bool Row::complete() const { return m_unknown.empty() && std::find(m_set.begin(), m_set.end(), false) == m_set.end(); }

std::vector<std::string> Row::unset() const
{
    std::vector<std::string> names;
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (!m_set[c])
            names.push_back(m_columns[c]);
    return names;
}

Measure::~Measure() = default;

std::vector<MeasureVariant> Measure::variants(const MeasureSettings&, int, int) const { return {}; }

Result<engine::ImageU8> Measure::vary(const MeasureVariant&, const engine::ImageU8&, const engine::ImageU8&,
                                      std::uint64_t, const MeasureSettings&) const
{
    return Error{std::string("measure ") + name() + " does not vary images"};
}

Result<engine::DeviceArray> Measure::varyOnDevice(engine::DeviceMeasures&, const MeasureVariant&,
                                                  const engine::DeviceArray&, const engine::DeviceArray&,
                                                  const std::vector<std::uint64_t>&, const MeasureSettings&) const
{
    return Error{std::string("measure ") + name() + " does not vary images"};
}

engine::ImageU8 Measure::expectedMap(const MeasureVariant&, const engine::ImageU8& cleanUpscaled) const
{
    return cleanUpscaled;
}

Result<engine::DeviceArray> Measure::expectedMapOnDevice(engine::DeviceMeasures&, const MeasureVariant&,
                                                         const engine::DeviceArray& cleanUpscaled) const
{
    return cleanUpscaled;
}

std::vector<double> Measure::row(const MeasureVariant& variant, const RowInputs& in) const
{
    Row row(columns());
    fill(row, variant, in);
    if (!row.complete()) {
        std::string problem = std::string("measure ") + name() + ": row";
        for (const auto& column : row.unset())
            problem += " leaves column '" + column + "' unset;";
        for (const auto& column : row.unknown())
            problem += " names no column '" + column + "';";
        throw std::logic_error(problem);
    }
    return std::move(row).values();
}

int Measure::rowsPerModel(const MeasureSettings& settings, int inputWidth, int inputHeight) const
{
    switch (source()) {
    case RowSource::CleanPass: return 1;
    case RowSource::VariantPasses: return int(variants(settings, inputWidth, inputHeight).size());
    case RowSource::RandomisedModels: return int(variants(settings, inputWidth, inputHeight).size());
    case RowSource::ScoreCurves: return int(variants(settings, inputWidth, inputHeight).size());
    case RowSource::ModelPairs: return 0;
    }
    return 0;
}

namespace {
/// The one instance of a measure.
template <class M> const Measure* one()
{
    static const M measure;
    return &measure;
}
} // namespace

const std::vector<const Measure*>& measureRegistry()
{
    // clang-format off
    static const std::vector<const Measure*> registry{
        one<PredictionsMeasure>(),
        one<EntropyMeasure>(),
        one<NoiseMeasure>(),
        one<TransformsMeasure>(),
        one<StabilityMeasure>(),
        one<DegradationMeasure>(),
        one<SanityMeasure>(),
        one<DeletionMeasure>(),
        one<InsertionMeasure>(),
        one<RoadMeasure>(),
        one<LocalisationMeasure>(),
    };
    // clang-format on
    return registry;
}

const Measure& measureOf(MeasureKind kind)
{
    for (const Measure* measure : measureRegistry())
        if (measure->kind() == kind)
            return *measure;
    throw std::logic_error("a MeasureKind without a registered Measure");
}

} // namespace saliscope
