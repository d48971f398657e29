// SPDX-FileCopyrightText: 2026 The Saliscope developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/engine/numpycompat.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

// Exactness note: every product and sum here must be rounded on its own, as NumPy rounds it (the
// only fused operations are the explicit std::fma calls, where SVML fuses). A default x86-64 build
// has no FMA instructions to contract into; a build with -mfma/-march=native needs -ffp-contract=off.

namespace saliscope::engine::numpycompat {

double pairwiseSum(const double* a, std::size_t n)
{
    // numpy/core/src/umath/loops_utils.h.src, DOUBLE_pairwise_sum (PW_BLOCKSIZE 128).
    if (n < 8) {
        double res = 0.0;
        for (std::size_t i = 0; i < n; ++i)
            res += a[i];
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; ++j)
            r[j] = a[j];
        std::size_t i = 8;
        for (; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; ++j)
                r[j] += a[i + std::size_t(j)];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i)
            res += a[i];
        return res;
    }
    std::size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwiseSum(a, n2) + pairwiseSum(a + n2, n - n2);
}

namespace {

// Constants of __svml_exp8 (Intel SVML, BSD-3-Clause, shipped inside NumPy 1.24's
// _multiarray_umath and used by `numpy.exp` on float64 when the CPU has AVX512_SKX).
constexpr std::uint64_t TwoToJOver16[16] = {
    0x3ff0000000000000, 0x3ff0b5586cf9890f, 0x3ff172b83c7d517b, 0x3ff2387a6e756238,
    0x3ff306fe0a31b715, 0x3ff3dea64c123422, 0x3ff4bfdad5362a27, 0x3ff5ab07dd485429,
    0x3ff6a09e667f3bcd, 0x3ff7a11473eb0187, 0x3ff8ace5422aa0db, 0x3ff9c49182a3f090,
    0x3ffae89f995ad3ad, 0x3ffc199bdd85529c, 0x3ffd5818dcfba487, 0x3ffea4afa2a490da,
};
constexpr double Log2E = 0x1.71547652b82fep+0;
constexpr std::uint64_t ShifterBits = 0x42f8000000003ff0; // 1.5 * 2^48 (+ bias bits), 4 fraction bits
constexpr double Ln2High = 0x1.62e42fefa39efp-1;
constexpr double Ln2Low = 0x1.abc9e3b39803fp-56;
constexpr std::uint64_t ReductionMask = 0xbfffffffffffffff;
constexpr double C6 = 0x1.72eb5ef0d213dp-10;
constexpr double C5 = 0x1.1106603d97c00p-7;
constexpr double C4 = 0x1.555564bb4f5f0p-5;
constexpr double C3 = 0x1.5555554b508a2p-3;
constexpr double C2 = 0x1.0000000002622p-1;
constexpr double SpecialThreshold = 0x1.61da04cbafe44p+9; // |x| beyond this takes SVML's scalar path

/// fma(a, b, c) rounded toward zero, for a positive result far from zero (SVML's {rz-sae} step).
double fmaTowardZeroPositive(double a, double b, double c)
{
    const double nearest = std::fma(a, b, c);
    const double residual = std::fma(a, b, c - nearest); // c - nearest is exact (same binade)
    return residual < 0.0 ? std::nextafter(nearest, 0.0) : nearest;
}

} // namespace

double exp(double x)
{
    // One lane of __svml_exp8: N = x*log2(e) rounded toward zero to 1/16, T = 2^(frac N) from a
    // table, R = x - N*ln2 in two steps, exp(x) = 2^floor(N) * (T + T*poly(R)).
    if (std::isnan(x) || std::fabs(x) >= SpecialThreshold)
        return std::exp(x); // overflow, underflow, inf, nan: SVML's scalar path is libm-accurate
    const double shifter = std::bit_cast<double>(ShifterBits);
    const double shifted = fmaTowardZeroPositive(x, Log2E, shifter);
    const double n = shifted - shifter;
    const double t = std::bit_cast<double>(TwoToJOver16[std::bit_cast<std::uint64_t>(shifted) & 0xf]);
    double r = std::fma(-n, Ln2High, x);
    r = std::fma(-Ln2Low, n, r);
    r = std::bit_cast<double>(std::bit_cast<std::uint64_t>(r) & ReductionMask);
    const double r2 = r * r;
    double high = std::fma(C6, r, C5);
    const double middle = std::fma(C4, r, C3);
    const double r3 = r2 * r;
    const double low = std::fma(r2, C2, r);
    high = std::fma(r2, high, middle);
    high = std::fma(r3, high, low);
    const double result = std::fma(t, high, t);
    // vscalefpd: result * 2^floor(n), rounded once.
    return std::ldexp(result, int(std::floor(n)));
}

} // namespace saliscope::engine::numpycompat
