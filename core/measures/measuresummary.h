#pragma once

#include "measures/measurerunner.h"
#include "measures/measuretable.h"

#include <QJsonObject>

#include <vector>

namespace saliscope {

/// The aggregates MEASURES.md lists, computed from a run's per-image tables (so they can be
/// recomputed from stored rows after a resume or a merge): per model accuracy, ROC AUC,
/// confusion matrix, and for each measure its summary statistics, histograms and curves; per
/// family the stability distribution and the K x K mean-SSIM matrix. Labels come from the
/// predictions table. Pure function; any thread.
QJsonObject summarizeMeasures(const std::vector<MeasureTable>& tables, const MeasureSettings& settings,
                              const std::vector<FamilyEntry>& families);

/// The one-number-per-measure scorecard row of each model, from a summary:
/// accuracy, roc_auc, mean normalised entropy, noise SSIM area, mean transform SSIM,
/// degradation faithfulness (and the family's mean stability SSIM where it belongs to one).
QJsonObject scorecard(const QJsonObject& summary);

} // namespace saliscope
