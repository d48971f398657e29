// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/report/reportoptions.h"

namespace saliscope::ui {

const std::vector<MeasureKind>& reportMeasureOrder()
{
    static const std::vector<MeasureKind> order{MeasureKind::Entropy,     MeasureKind::Noise,
                                                MeasureKind::Transforms,  MeasureKind::Stability,
                                                MeasureKind::Degradation, MeasureKind::Sanity,
                                                MeasureKind::Deletion,    MeasureKind::Insertion,
                                                MeasureKind::Road,        MeasureKind::Localisation};
    return order;
}

Result<ReportPageSize> parseReportPageSize(const QString& text)
{
    const QString size = text.trimmed().toLower();
    if (size == QLatin1String("a4"))
        return ReportPageSize::A4;
    if (size == QLatin1String("letter"))
        return ReportPageSize::Letter;
    return Error{"unknown page size '" + text.toStdString() + "' (use a4 or letter)"};
}

Result<std::set<MeasureKind>> parseReportMeasures(const QString& text)
{
    std::set<MeasureKind> measures;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().toLower();
        if (name == QLatin1String("all")) {
            // As in `measure all`: the five measures; the sanity checks, the faithfulness curves and
            // localisation only when named.
            for (auto kind : reportMeasureOrder())
                if (kind < MeasureKind::Sanity)
                    measures.insert(kind);
            continue;
        }
        bool found = false;
        for (auto kind : reportMeasureOrder())
            if (name == QLatin1String(measureName(kind))
                || (kind == MeasureKind::Localisation && name == QLatin1String("localization"))) {
                measures.insert(kind);
                found = true;
            }
        if (!found)
            return Error{
                "unknown measure '" + part.trimmed().toStdString()
                + "' (use entropy, noise, transforms, stability, degradation, sanity, deletion, insertion, road, "
                  "localisation or all)"};
    }
    if (measures.empty())
        return Error{"no measure named"};
    return measures;
}

} // namespace saliscope::ui
