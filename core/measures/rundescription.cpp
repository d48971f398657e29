// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/rundescription.h"

#include "core/engine/runtime.h"

#include <QJsonArray>

namespace saliscope {

QJsonObject runDescription(const MeasureRunParams& params, const std::vector<SkippedMeasure>& skippedMeasures,
                           const std::vector<std::pair<std::string, std::string>>& skippedImages,
                           std::int64_t imagesComputed, const QDateTime& started)
{
    QJsonArray measureNames, modelArray, familyArray, skipped, skippedMeasureArray;
    for (const auto& skippedMeasure : skippedMeasures)
        skippedMeasureArray.append(QJsonObject{{"measure", measureName(skippedMeasure.kind)},
                                               {"reason", QString::fromStdString(skippedMeasure.reason)}});
    for (auto kind : params.measures)
        if (kind != MeasureKind::Predictions)
            measureNames.append(measureName(kind));
    for (const auto& m : params.models)
        modelArray.append(
            QJsonObject{{"name", QString::fromStdString(m.name)}, {"path", QString::fromStdString(m.path)}});
    for (const auto& f : params.families) {
        QJsonArray members;
        for (const auto& member : f.members)
            members.append(QString::fromStdString(member));
        familyArray.append(QJsonObject{{"name", QString::fromStdString(f.name)}, {"members", members}});
    }
    for (const auto& [path, reason] : skippedImages)
        skipped.append(
            QJsonObject{{"image", QString::fromStdString(path)}, {"reason", QString::fromStdString(reason)}});
    QJsonObject counts;
    for (const auto& [label, count] : params.dataset.classCounts())
        counts[label == UnknownLabel ? QStringLiteral("unknown") : QString::number(label)] = count;
    return QJsonObject{
        {"measures", measureNames},
        {"skipped_measures", skippedMeasureArray},
        {"parameters", params.settings.toJson()},
        {"method", engine::camMethodName(params.settings.method)},
        {"models", modelArray},
        {"families", familyArray},
        {"dataset",
         QJsonObject{{"location", QString::fromStdString(params.dataset.location)},
                     {"images", double(params.dataset.records.size())},
                     {"class_counts", counts}}},
        {"images_computed", double(imagesComputed)},
        {"skipped", skipped},
        {"device", QString::fromStdString(params.device)},
        {"batch", params.batchSize},
        {"started", started.toString(Qt::ISODate)},
        {"finished", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {"software",
         QStringLiteral("saliscope %1, LibTorch %2")
             .arg(QString::fromStdString(engine::saliscopeVersion()), QString::fromStdString(engine::torchVersion()))},
    };
}

} // namespace saliscope
