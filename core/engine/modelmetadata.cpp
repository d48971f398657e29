// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/modelmetadata.h"

#include <nlohmann/json.hpp>

namespace saliscope::engine {

namespace {

template <typename T> void readIfPresent(const nlohmann::json& object, const char* key, T& target)
{
    if (object.contains(key) && !object.at(key).is_null())
        target = object.at(key).get<T>();
}

} // namespace

Result<ModelMetadata> ModelMetadata::fromJson(const std::string& text)
{
    ModelMetadata metadata;
    try {
        const auto object = nlohmann::json::parse(text);
        if (!object.is_object())
            return Error{"saliscope.json must hold a JSON object"};
        if (object.contains("input_size")) {
            const auto& size = object.at("input_size");
            if (size.is_number_integer()) {
                metadata.inputWidth = metadata.inputHeight = size.get<int>();
            } else if (size.is_array() && size.size() == 2) {
                metadata.inputHeight = size.at(0).get<int>();
                metadata.inputWidth = size.at(1).get<int>();
            } else {
                return Error{"saliscope.json: input_size must be an integer or [height, width]"};
            }
        }
        readIfPresent(object, "mean", metadata.mean);
        readIfPresent(object, "std", metadata.std);
        readIfPresent(object, "class_names", metadata.classNames);
        readIfPresent(object, "positive_class", metadata.positiveClass);
        readIfPresent(object, "architecture", metadata.architecture);
        readIfPresent(object, "loss", metadata.loss);
        readIfPresent(object, "run", metadata.run);
        readIfPresent(object, "cam_layer", metadata.camLayer);
    } catch (const nlohmann::json::exception& error) {
        return Error{std::string("saliscope.json is not valid: ") + error.what()};
    }
    metadata.fromArchive = true;
    if (auto status = metadata.validate(); !status)
        return Error{status.error()};
    return metadata;
}

std::string ModelMetadata::toJson() const
{
    nlohmann::json object;
    object["input_size"] = {inputHeight, inputWidth};
    object["mean"] = mean;
    object["std"] = std;
    object["class_names"] = classNames;
    object["positive_class"] = positiveClass;
    object["architecture"] = architecture;
    object["loss"] = loss;
    object["run"] = run;
    object["cam_layer"] = camLayer;
    return object.dump(1);
}

Status ModelMetadata::validate() const
{
    if (inputWidth < 8 || inputHeight < 8 || inputWidth > 8192 || inputHeight > 8192)
        return Error{"input size must be between 8 and 8192 pixels, got " + std::to_string(inputHeight) + "x"
                     + std::to_string(inputWidth)};
    for (double value : std)
        if (!(value > 0.0))
            return Error{"every std value must be positive"};
    if (classNames.size() < 2)
        return Error{"a classifier needs at least two class names"};
    if (positiveClass < 0 || positiveClass >= int(classNames.size()))
        return Error{"positive_class " + std::to_string(positiveClass) + " is not one of the "
                     + std::to_string(classNames.size()) + " classes"};
    return Ok{};
}

} // namespace saliscope::engine
