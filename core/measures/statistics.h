// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <vector>

namespace saliscope {

/// Mean, median, population standard deviation (numpy's default ddof = 0), extremes and
/// count of the finite values of a sample; NaN fields for an empty sample.
struct SampleSummary final {
    std::int64_t count = 0;
    double mean = 0;
    double median = 0;
    double standardDeviation = 0;
    double minimum = 0;
    double maximum = 0;
};

/// Summarises the finite values (NaN and infinities are ignored).
SampleSummary summarize(const std::vector<double>& values);

/// Counts per bin over [lower, upper] in `bins` equal bins; the last bin includes `upper`,
/// values outside the range or not finite are not counted.
struct Histogram final {
    double lower = 0;
    double upper = 1;
    std::vector<std::int64_t> counts;

    /// The bin of a value, or -1 when it falls outside.
    int binOf(double value) const;
};

/// Histogram of `values` with `bins` equal bins over [lower, upper].
Histogram histogram(const std::vector<double>& values, int bins, double lower, double upper);

/// Area under the ROC curve of `scores` for binary `labels` (1 = positive), the Mann-Whitney
/// statistic with ties counted as one half; NaN when either class is absent.
double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels);

/// Spearman's rank correlation of two samples of the same length: the Pearson correlation of
/// their ranks, tied values sharing their mean rank (as scipy.stats.spearmanr); NaN when either
/// sample is constant or they differ in length or have fewer than two values.
double spearmanCorrelation(const std::vector<double>& first, const std::vector<double>& second);

/// Trapezoidal area under y(x) (x increasing), as numpy.trapz.
double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y);

} // namespace saliscope
