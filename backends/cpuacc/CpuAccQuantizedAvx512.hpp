//
// QuantizedArithmetic's MultiplyByQuantizedMultiplier on sixteen int32 lanes (AVX-512), bit-identical to the scalar
// one, and the 8-bit requantization's fixed-point form built on float arithmetic. Only for functions built with
// target("avx512f") and called after __builtin_cpu_supports("avx512f").
//
#pragma once

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

namespace armnn
{
namespace cpuacc
{

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-W[maybe-]uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

/// Sixteen multipliers as MultiplyByQuantizedMultiplier16Lanes uses them (int32 lanes): the Q31 significands, the
/// same with the odd lanes moved to the even positions (for _mm512_mul_epi32), TFLite's left and right shifts, and
/// the rounding divide's mask 2^right - 1 and half of it. Derived once (MakeMultipliers16), or stored so by a
/// kernel that loads them per vector.
struct Multipliers16
{
    __m512i m_Multiplier;
    __m512i m_OddMultiplier;
    __m512i m_LeftShift;
    __m512i m_RightShift;
    __m512i m_Mask;
    __m512i m_HalfMask;
};

__attribute__((target("avx512f"))) inline Multipliers16 MakeMultipliers16(__m512i multiplier, __m512i left,
                                                                          __m512i right)
{
    const __m512i one = _mm512_set1_epi32(1);
    const __m512i mask = _mm512_sub_epi32(_mm512_sllv_epi32(one, right), one);
    return {multiplier, _mm512_srli_epi64(multiplier, 32), left, right, mask, _mm512_srai_epi32(mask, 1)};
}

/// MultiplyByQuantizedMultiplier on sixteen int32 lanes, bit-identical to the scalar one, with 32-bit lane
/// arithmetic where TFLite's fits in it. SaturatingRoundingDoublingHighMul with a non-negative multiplier is exactly
/// (x * m + 2^30) >> 31 (the truncating division of the negative case becomes this floor), computed as 64-bit
/// products of the even and the odd lanes. LeftShift false: every left shift is 0 (multipliers below 1).
template <bool LeftShift>
__attribute__((target("avx512f"))) inline __m512i MultiplyByQuantizedMultiplier16Lanes(__m512i x,
                                                                                        const Multipliers16& m)
{
    const __m512i half = _mm512_set1_epi64(int64_t(1) << 30);
    const __m512i shifted = LeftShift ? _mm512_sllv_epi32(x, m.m_LeftShift) : x; // wraps like TFLite's int32 shift
    const __m512i even = _mm512_add_epi64(_mm512_mul_epi32(shifted, m.m_Multiplier), half);
    const __m512i odd = _mm512_add_epi64(_mm512_mul_epi32(_mm512_srli_epi64(shifted, 32), m.m_OddMultiplier), half);
    // Bits 31..62 of each product: the low half of even >> 31, the high half of odd << 1.
    const __m512i high = _mm512_mask_blend_epi32(0xAAAA, _mm512_srli_epi64(even, 31), _mm512_slli_epi64(odd, 1));
    // RoundingDivideByPOT (half away from zero): the threshold is half the mask, plus one for negative values.
    const __m512i threshold = _mm512_sub_epi32(m.m_HalfMask, _mm512_srai_epi32(high, 31));
    const __m512i scaled = _mm512_srav_epi32(high, m.m_RightShift);
    return _mm512_mask_add_epi32(scaled, _mm512_cmpgt_epi32_mask(_mm512_and_si512(high, m.m_Mask), threshold), scaled,
                                 _mm512_set1_epi32(1));
}

/// MultiplyByQuantizedMultiplier16Lanes<false> plus the output zero point, clamped to [low, high], in float
/// arithmetic, exact wherever it answers. With P = x * m, TFLite's two roundings (half up by 2^31, then half away
/// from zero by 2^r) plus zp equal floor(t), t = x * m / 2^(31+r) + zp + 1/2 + 2^-(1+r) - [x < 0] * 2^-r for r >= 1
/// and t = x * m / 2^31 + zp + 1/2 for r == 0 (floor((floor(y / a) + c) / b) = floor((y + c a) / (a b))).
/// One fma computes 8192 t + 1.5 * 2^23 (the addend carries the constant): in [2^23, 2^24) a float's unit is 1, so
/// the result is 8192 t rounded to an integer k in the float's low bits, and floor(t) is k >> 13. The errors (the
/// addend's and the fma's roundings, half a unit each; x and m / 2^(31+r) rounded to float, 2^-24 relative each,
/// on |x m / 2^(31+r)| < 2^9 while the result lies in the clamp range) stay below 2 units, so k >> 13 is exact
/// unless k's low 13 bits are within 2 of a multiple of 8192 (t may lie within 2^-12 of a step; about 1 lane in
/// 2000): those lanes are reported in `inexact` for the caller to recompute exactly. The clamp to
/// [8192 (low + 1/2), 8192 (high + 1/2)] is done on the float's bits as integers (monotonic for any float; the ends
/// of [low, low + 1) and [high, high + 1) floor alike), so every instruction after the fma is an integer one.
/// Parameters per lane, as floats: 8192 m / 2^(31+r), the addend for x >= 0 and the one for x < 0
/// (FillFixedPointLane). No left shift (multipliers below 1). RequantizeLanes and the GEMM use it.
struct FixedPointRequantization16
{
    __m512 m_Multiplier;
    __m512 m_AddPositive;
    __m512 m_AddNegative;
};

/// Floats of FixedPointRequantization16 in memory.
constexpr size_t kFixedPointValues = 3 * 16;
constexpr double kFixedPointScale = 8192.0;
constexpr double kFixedPointOffset = 12582912.0; // 1.5 * 2^23
constexpr int32_t kFixedPointOffsetBits = 0x4B400000; // its float's bits; the low 13 are zero

/// Lane `lane` of a FixedPointRequantization16 in memory (its three floats 16 apart); multiplier 0 gives zp.
inline void FillFixedPointLane(int32_t multiplier, int32_t rightShift, int32_t zeroPoint, size_t lane, float* out)
{
    const double step = 1.0 / static_cast<double>(int64_t(1) << rightShift); // 2^-r
    const double positive = zeroPoint + 0.5 + (rightShift > 0 ? step / 2 : 0.0);
    const double negative = positive - (rightShift > 0 ? step : 0.0);
    out[lane] = static_cast<float>(multiplier * step * (kFixedPointScale / 2147483648.0));
    out[16 + lane] = static_cast<float>(positive * kFixedPointScale + kFixedPointOffset);
    out[32 + lane] = static_cast<float>(negative * kFixedPointScale + kFixedPointOffset);
}

__attribute__((target("avx512f"))) inline FixedPointRequantization16 LoadFixedPointRequantization(const float* values)
{
    return {_mm512_loadu_ps(values), _mm512_loadu_ps(values + 16), _mm512_loadu_ps(values + 32)};
}

/// A clamp bound as FixedPointRequantize16Lanes takes it: the bits of 8192 (bound + 1/2) + 1.5 * 2^23.
__attribute__((target("avx512f"))) inline __m512i FixedPointBound(__m512i bound)
{
    return _mm512_add_epi32(_mm512_slli_epi32(bound, 13),
                            _mm512_set1_epi32(kFixedPointOffsetBits + static_cast<int32_t>(kFixedPointScale / 2)));
}

/// See FixedPointRequantization16: int32 lanes holding the results where `inexact` has no bit.
/// lowBound, highBound: FixedPointBound of the clamp's low and high.
__attribute__((target("avx512f"))) inline __m512i FixedPointRequantize16Lanes(__m512i x,
                                                                              const FixedPointRequantization16& p,
                                                                              __m512i lowBound, __m512i highBound,
                                                                              __mmask16& inexact)
{
    const __mmask16 negative = _mm512_cmplt_epi32_mask(x, _mm512_setzero_si512());
    const __m512 t = _mm512_fmadd_ps(_mm512_cvtepi32_ps(x), p.m_Multiplier,
                                     _mm512_mask_blend_ps(negative, p.m_AddPositive, p.m_AddNegative));
    const __m512i bits = _mm512_min_epi32(_mm512_max_epi32(_mm512_castps_si512(t), lowBound), highBound);
    // Low 13 bits within 2 of a multiple of 8192: (bits + 2) & 8188 == 0.
    inexact = _mm512_testn_epi32_mask(_mm512_add_epi32(bits, _mm512_set1_epi32(2)), _mm512_set1_epi32(8188));
    return _mm512_sub_epi32(_mm512_srai_epi32(bits, 13), _mm512_set1_epi32(kFixedPointOffsetBits >> 13));
}

#pragma GCC diagnostic pop

} // namespace cpuacc
} // namespace armnn
