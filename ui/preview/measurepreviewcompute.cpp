// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/preview/measurepreviewcompute.h"

#include "core/cam/mapmaker.h"
#include "core/project/runparameters.h"
#include "core/dataset/dataset.h"
#include "core/engine/entropy.h"
#include "core/engine/model.h"
#include "core/measures/measure.h"
#include "core/measures/measurepass.h"
#include "core/measures/noisemeasure.h"
#include "core/measures/sanitymeasure.h"
#include "core/store/projectstore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <limits>

namespace saliscope::ui {

namespace {

// Rows come from the measure's own definition (core/measures/measure.h) through the host pass
// of a measure run (measurepass.h); tst_measurepreview checks that the preview's values equal
// the rows runMeasures writes.

/// One map of one image by the run's method (a batch of one, as a measure run over this image
/// alone); `target` names the class it explains (-1: the predicted one).
Result<HostPass> passOf(const engine::Model& model, const engine::ImageU8& image, const MeasureSettings& settings,
                        int target = -1)
{
    engine::CamRequest request;
    request.methods = {settings.method};
    if (target >= 0)
        request.targetClasses = {target};
    auto cams = camMaps(model, {image}, request);
    if (!cams)
        return cams.failure();
    return hostPasses({cams->front().front()}, model.metadata(), settings.score).front();
}

PreviewCell cellOf(std::string variant, engine::ImageU8 input, const HostPass& pass)
{
    PreviewCell cell;
    cell.variant = std::move(variant);
    cell.input = std::move(input);
    cell.map = pass.small;
    cell.flat = pass.values.flat;
    cell.score = pass.values.score;
    cell.predicted = pass.values.predicted;
    return cell;
}

} // namespace

bool isPreviewMeasure(MeasureKind kind)
{
    const RowSource source = measureOf(kind).source();
    return source == RowSource::VariantPasses || source == RowSource::RandomisedModels;
}

std::uint64_t previewNoiseKey(const std::string& path, const std::string& location)
{
    return noiseKeyOf(path, location);
}

Result<PreviewColumn> computePreviewColumn(const engine::Model& model, const engine::ImageU8& input, int label,
                                           std::uint64_t noiseKey, MeasureKind kind, const MeasureSettings& settings,
                                           const CancelToken& cancel)
{
    if (!isPreviewMeasure(kind))
        return Error{std::string("no preview for measure ") + measureName(kind)};
    const Measure& measure = measureOf(kind);
    const auto& metadata = model.metadata();
    if (input.width != metadata.inputWidth || input.height != metadata.inputHeight)
        return Error{"the input is not at the model's input size"};
    auto clean = passOf(model, input, settings);
    if (!clean)
        return clean.failure();
    PreviewColumn column;
    column.clean = cellOf({}, input, clean.value());
    column.clean.values = {engine::histogramEntropy(column.clean.map).normalized};
    if (measure.source() == RowSource::RandomisedModels) {
        // The sanity checks, as the runner makes them: each step's map from a copy of the model
        // with its first blocks re-initialised, the random-logit map from another class.
        const int blocks = int(model.randomisationBlocks().size());
        for (const auto& variant : measure.variants(settings, metadata.inputWidth, metadata.inputHeight)) {
            if (cancel.isCancelled())
                return Error::cancelled();
            Result<HostPass> pass = Error{"no map"};
            double share = std::numeric_limits<double>::quiet_NaN();
            if (variant.cascadeStep > 0) {
                const int count = sanityBlocksAtStep(variant.cascadeStep, settings.sanity.steps, blocks);
                auto copy = model.randomisedCopy(count, settings.sanity.seed);
                if (!copy)
                    return copy.failure();
                pass = passOf(*copy.value(), input, settings);
                share = blocks > 0 ? double(count) / blocks : share;
            } else {
                pass = passOf(model, input, settings,
                              randomLogitClass(clean->values.predicted, model.classCount(), noiseKey));
            }
            if (!pass)
                return pass.failure();
            PreviewCell cell = cellOf(variant.name, input, pass.value());
            auto in = hostRowInputs(measure, variant, clean.value(), pass.value(), label, metadata.positiveClass,
                                    nullptr, settings.ssim);
            in.randomisedShare = share;
            cell.values = measure.row(variant, in);
            column.variants.push_back(std::move(cell));
        }
        return column;
    }
    for (const auto& variant : measure.variants(settings, metadata.inputWidth, metadata.inputHeight)) {
        if (cancel.isCancelled())
            return Error::cancelled();
        auto varied = measure.vary(variant, input, clean->upscaled, noiseKey, settings);
        if (!varied)
            return varied.failure();
        auto pass = passOf(model, varied.value(), settings);
        if (!pass)
            return pass.failure();
        PreviewCell cell = cellOf(variant.name, std::move(varied).value(), pass.value());
        cell.values = measure.row(variant,
                                  hostRowInputs(measure, variant, clean.value(), pass.value(), label,
                                                metadata.positiveClass, nullptr, settings.ssim));
        column.variants.push_back(std::move(cell));
    }
    return column;
}

MeasureSettings previewSettings(const ProjectStore& store, MeasureKind kind)
{
    auto runs = store.runs();
    if (!runs)
        return {};
    const std::string name = measureName(kind);
    for (auto run = runs->rbegin(); run != runs->rend(); ++run) {
        if (run->measure != name)
            continue;
        const RunParameters parameters = RunParameters::fromJson(run->parametersJson);
        if (parameters.settingsError.empty())
            return parameters.settings;
    }
    return {};
}

} // namespace saliscope::ui
