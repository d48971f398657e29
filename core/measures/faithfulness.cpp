// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/measures/faithfulness.h"

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace saliscope {

std::vector<int> salienceOrder(const engine::ImageU8& map)
{
    std::vector<int> order(std::size_t(map.width) * map.height);
    std::iota(order.begin(), order.end(), 0);
    const int channels = std::max(map.channels, 1);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return map.pixels[std::size_t(a) * channels] > map.pixels[std::size_t(b) * channels];
    });
    return order;
}

std::vector<std::uint8_t> removedPixels(const std::vector<int>& order, int first, int count)
{
    std::vector<std::uint8_t> removed(order.size(), 0);
    const int begin = std::clamp(first, 0, int(order.size()));
    const int end = std::clamp(first + count, begin, int(order.size()));
    for (int i = begin; i < end; ++i)
        removed[std::size_t(order[std::size_t(i)])] = 1;
    return removed;
}

engine::ImageU8 replacePixels(const engine::ImageU8& image, const engine::ImageU8& baseline,
                              const std::vector<std::uint8_t>& removed)
{
    engine::ImageU8 out = image;
    const std::size_t channels = std::size_t(image.channels);
    for (std::size_t p = 0; p < removed.size(); ++p)
        if (removed[p])
            for (std::size_t c = 0; c < channels; ++c)
                out.pixels[p * channels + c] = baseline.pixels[p * channels + c];
    return out;
}

namespace {

struct Neighbour final {
    int dy;
    int dx;
    double weight;
};

// ROAD's weights: direct neighbours 1/6, diagonal ones 1/12 (they sum to 1).
constexpr Neighbour Neighbours[] = {{1, 1, 1.0 / 12}, {0, 1, 1.0 / 6},    {-1, 1, 1.0 / 12}, {1, -1, 1.0 / 12},
                                    {0, -1, 1.0 / 6}, {-1, -1, 1.0 / 12}, {1, 0, 1.0 / 6},   {-1, 0, 1.0 / 6}};

std::uint8_t toGrey(double value) { return std::uint8_t(std::clamp(std::nearbyint(value), 0.0, 255.0)); }

} // namespace

Result<engine::ImageU8> noisyLinearImputation(const engine::ImageU8& image, const std::vector<std::uint8_t>& removed,
                                              double noise, std::uint64_t seed, std::uint8_t fallback)
{
    const int width = image.width, height = image.height, channels = image.channels;
    if (removed.size() != std::size_t(width) * height)
        return Error{"ROAD imputation: the mask does not have the image's size"};
    std::vector<int> variable(removed.size(), -1);
    std::vector<int> unknowns;
    for (std::size_t p = 0; p < removed.size(); ++p)
        if (removed[p]) {
            variable[p] = int(unknowns.size());
            unknowns.push_back(int(p));
        }
    engine::ImageU8 out = image;
    if (unknowns.empty())
        return out;
    std::mt19937_64 generator(seed);
    std::normal_distribution<double> normal(0.0, noise * 255.0);
    auto draw = [&] { return noise > 0 ? normal(generator) : 0.0; };
    const std::size_t n = unknowns.size();
    if (n == removed.size()) {
        for (std::size_t i = 0; i < n; ++i)
            for (int c = 0; c < channels; ++c)
                out.pixels[std::size_t(unknowns[i]) * channels + c] = toGrey(fallback + draw());
        return out;
    }
    // Row i: (sum of the in-image weights) x_i - sum over removed neighbours w x_j = sum over kept
    // neighbours w v_j. Symmetric and positive definite once a removed region touches a kept pixel.
    std::vector<Eigen::Triplet<double>> entries;
    entries.reserve(n * 9);
    Eigen::MatrixXd rhs = Eigen::MatrixXd::Zero(Eigen::Index(n), channels);
    for (std::size_t i = 0; i < n; ++i) {
        const int y = unknowns[i] / width, x = unknowns[i] % width;
        double diagonal = 0;
        for (const auto& neighbour : Neighbours) {
            const int ny = y + neighbour.dy, nx = x + neighbour.dx;
            if (ny < 0 || nx < 0 || ny >= height || nx >= width)
                continue;
            diagonal += neighbour.weight;
            const std::size_t q = std::size_t(ny) * width + nx;
            if (variable[q] >= 0)
                entries.emplace_back(Eigen::Index(i), variable[q], -neighbour.weight);
            else
                for (int c = 0; c < channels; ++c)
                    rhs(Eigen::Index(i), c) += neighbour.weight * image.pixels[q * channels + c];
        }
        entries.emplace_back(Eigen::Index(i), Eigen::Index(i), diagonal);
    }
    const auto size = Eigen::Index(n);
    Eigen::SparseMatrix<double> system(size, size);
    system.setFromTriplets(entries.begin(), entries.end());
    Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(system);
    if (solver.info() != Eigen::Success)
        return Error{"ROAD imputation: the linear system cannot be solved"};
    const Eigen::MatrixXd solution = solver.solve(rhs);
    if (solver.info() != Eigen::Success)
        return Error{"ROAD imputation: the linear system cannot be solved"};
    for (std::size_t i = 0; i < n; ++i)
        for (int c = 0; c < channels; ++c)
            out.pixels[std::size_t(unknowns[i]) * channels + c] = toGrey(solution(Eigen::Index(i), c) + draw());
    return out;
}

double curveArea(const std::vector<double>& values)
{
    if (values.size() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    double area = 0;
    for (std::size_t i = 0; i + 1 < values.size(); ++i)
        area += (values[i] + values[i + 1]) / 2;
    return area / double(values.size() - 1);
}

int pixelsAtFraction(double fraction, int pixels) { return int(std::lround(fraction * pixels)); }

} // namespace saliscope
