// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/project/runparameters.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace saliscope {

namespace {

const QString kSettings = QStringLiteral("settings");
const QString kModels = QStringLiteral("models");
const QString kFamilies = QStringLiteral("families");
const QString kName = QStringLiteral("name");
const QString kFileHash = QStringLiteral("file_hash");
const QString kLayer = QStringLiteral("layer");
const QString kMembers = QStringLiteral("members");

} // namespace

RunParameters RunParameters::of(const MeasureRunParams& params, const std::map<std::string, std::string>& fileHashes)
{
    RunParameters parameters;
    parameters.settings = params.settings;
    for (const auto& model : params.models) {
        const auto hash = fileHashes.find(model.name);
        parameters.models.push_back({model.name, hash == fileHashes.end() ? std::string() : hash->second, model.layer});
    }
    parameters.families = effectiveFamilies(params);
    return parameters;
}

RunParameters RunParameters::fromJson(const std::string& json)
{
    RunParameters parameters;
    const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    if (auto settings = MeasureSettings::fromJson(object.value(kSettings).toObject()))
        parameters.settings = settings.value();
    else
        parameters.settingsError = settings.error();
    for (const auto& value : object.value(kModels).toArray()) {
        const QJsonObject model = value.toObject();
        parameters.models.push_back({model.value(kName).toString().toStdString(),
                                     model.value(kFileHash).toString().toStdString(),
                                     model.value(kLayer).toString().toStdString()});
    }
    for (const auto& value : object.value(kFamilies).toArray()) {
        const QJsonObject family = value.toObject();
        FamilyEntry entry{family.value(kName).toString().toStdString(), {}};
        for (const auto& member : family.value(kMembers).toArray())
            entry.members.push_back(member.toString().toStdString());
        parameters.families.push_back(std::move(entry));
    }
    return parameters;
}

QJsonObject RunParameters::toJsonObject() const
{
    QJsonArray modelArray;
    for (const auto& model : models)
        modelArray.append(QJsonObject{{kName, QString::fromStdString(model.name)},
                                      {kFileHash, QString::fromStdString(model.fileHash)},
                                      {kLayer, QString::fromStdString(model.layer)}});
    QJsonArray familyArray;
    for (const auto& family : families) {
        QJsonArray members;
        for (const auto& member : family.members)
            members.append(QString::fromStdString(member));
        familyArray.append(QJsonObject{{kName, QString::fromStdString(family.name)}, {kMembers, members}});
    }
    return QJsonObject{{kSettings, settings.toJson()}, {kModels, modelArray}, {kFamilies, familyArray}};
}

std::string RunParameters::toJson() const
{
    return QJsonDocument(toJsonObject()).toJson(QJsonDocument::Compact).toStdString();
}

std::string RunParameters::fileHashOf(const std::string& modelName) const
{
    for (const auto& model : models)
        if (model.name == modelName)
            return model.fileHash;
    return {};
}

std::vector<std::string> RunParameters::modelNames() const
{
    std::vector<std::string> names;
    for (const auto& model : models)
        names.push_back(model.name);
    return names;
}

} // namespace saliscope
