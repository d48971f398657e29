// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace saliscope {

SampleSummary summarize(const std::vector<double>& values)
{
    std::vector<double> finite;
    finite.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v))
            finite.push_back(v);
    SampleSummary s;
    s.count = std::int64_t(finite.size());
    if (finite.empty()) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        s.mean = s.median = s.standardDeviation = s.minimum = s.maximum = nan;
        return s;
    }
    s.mean = std::accumulate(finite.begin(), finite.end(), 0.0) / double(finite.size());
    double squares = 0;
    for (double v : finite)
        squares += (v - s.mean) * (v - s.mean);
    s.standardDeviation = std::sqrt(squares / double(finite.size()));
    std::sort(finite.begin(), finite.end());
    const std::size_t n = finite.size();
    s.median = n % 2 ? finite[n / 2] : 0.5 * (finite[n / 2 - 1] + finite[n / 2]);
    s.minimum = finite.front();
    s.maximum = finite.back();
    return s;
}

int Histogram::binOf(double value) const
{
    if (!std::isfinite(value) || value < lower || value > upper || counts.empty())
        return -1;
    const int bins = int(counts.size());
    const int bin = int((value - lower) / (upper - lower) * bins);
    return std::min(bin, bins - 1);
}

Histogram histogram(const std::vector<double>& values, int bins, double lower, double upper)
{
    Histogram h;
    h.lower = lower;
    h.upper = upper;
    h.counts.assign(std::size_t(std::max(bins, 1)), 0);
    for (double v : values) {
        const int bin = h.binOf(v);
        if (bin >= 0)
            ++h.counts[std::size_t(bin)];
    }
    return h;
}

double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    // Average ranks over ties, then the Mann-Whitney U of the positives.
    std::vector<double> ranks(scores.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && scores[order[j + 1]] == scores[order[i]])
            ++j;
        const double rank = 0.5 * double(i + j) + 1.0;
        for (std::size_t k = i; k <= j; ++k)
            ranks[order[k]] = rank;
        i = j + 1;
    }
    double positives = 0, negatives = 0, rankSum = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] == 1) {
            positives += 1;
            rankSum += ranks[i];
        } else if (labels[i] == 0) {
            negatives += 1;
        }
    }
    if (positives == 0 || negatives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    // Only labelled images count: re-rank when some labels are unknown.
    if (positives + negatives != double(labels.size())) {
        std::vector<double> s;
        std::vector<int> l;
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (labels[i] == 0 || labels[i] == 1) {
                s.push_back(scores[i]);
                l.push_back(labels[i]);
            }
        return rocAuc(s, l);
    }
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

double trapezoidArea(const std::vector<double>& x, const std::vector<double>& y)
{
    double area = 0;
    for (std::size_t i = 1; i < x.size() && i < y.size(); ++i)
        area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
    return area;
}

namespace {

/// Ranks 1..n of the values, ties sharing their mean rank.
std::vector<double> averageRanks(const std::vector<double>& values)
{
    std::vector<std::size_t> order(values.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start + 1;
        while (end < order.size() && values[order[end]] == values[order[start]])
            ++end;
        const double rank = 0.5 * double(start + 1 + end); // mean of ranks start+1 .. end
        for (std::size_t k = start; k < end; ++k)
            ranks[order[k]] = rank;
        start = end;
    }
    return ranks;
}

} // namespace

double spearmanCorrelation(const std::vector<double>& first, const std::vector<double>& second)
{
    const double NaN = std::numeric_limits<double>::quiet_NaN();
    if (first.size() != second.size() || first.size() < 2)
        return NaN;
    const std::vector<double> a = averageRanks(first);
    const std::vector<double> b = averageRanks(second);
    const double mean = 0.5 * double(a.size() + 1);
    double covariance = 0, varianceA = 0, varianceB = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        covariance += (a[i] - mean) * (b[i] - mean);
        varianceA += (a[i] - mean) * (a[i] - mean);
        varianceB += (b[i] - mean) * (b[i] - mean);
    }
    if (varianceA <= 0 || varianceB <= 0)
        return NaN;
    return covariance / std::sqrt(varianceA * varianceB);
}

} // namespace saliscope
