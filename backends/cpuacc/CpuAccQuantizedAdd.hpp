//
// TensorFlow Lite's 8-bit Add (docs/quantization.md) on sixteen int32 lanes, bit-identical to CpuRef: both inputs
// less their zero points are shifted left by 20 bits, scaled to 2 x the larger input scale by multipliers below
// one, added and scaled to the output. Shared by the elementwise kernel (kernels/QuantizedElementwise.cpp) and the
// GEMM's fused residual Add (kernels/QuantizedGemm.cpp). Only for functions built with target("avx512f") and
// called after __builtin_cpu_supports("avx512f").
//
#pragma once

#include "CpuAccQuantizedAvx512.hpp"

#include <armnn/backends/QuantizedArithmetic.hpp>

#include <immintrin.h>

#include <algorithm>
#include <cstdint>

namespace armnn
{
namespace cpuacc
{

constexpr int kAddLeftShift = 20;

/// The multipliers of an Add (or Sub) of inputs with scales a and b into an output of scale `out`.
struct AddMultipliers
{
    QuantizedMultiplier m_InputA;
    QuantizedMultiplier m_InputB;
    QuantizedMultiplier m_Output;

    /// InputRescale16 takes right shifts of 0 to 30 (an input scale under 2^-30 of the other's does not fit).
    bool Vectorizable() const
    {
        return m_InputA.m_Shift <= 0 && m_InputA.m_Shift > -31 && m_InputB.m_Shift <= 0 && m_InputB.m_Shift > -31;
    }
};

inline AddMultipliers MakeAddMultipliers(double scaleA, double scaleB, double scaleOut)
{
    const double twiceMaxScale = 2.0 * std::max(scaleA, scaleB);
    return {QuantizeMultiplier(scaleA / twiceMaxScale), QuantizeMultiplier(scaleB / twiceMaxScale),
            QuantizeMultiplier(twiceMaxScale / (static_cast<double>(1 << kAddLeftShift) * scaleOut))};
}

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-Wmaybe-uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

/// MultiplyByQuantizedMultiplier(x * 2^20, m) for |x| <= 255 and a multiplier below one, in int32 lanes: no 64-bit
/// product is needed, SaturatingRoundingDoublingHighMul(x * 2^20, m) = floor((x * 2^20 * m + 2^30) / 2^31)
/// = floor((x * m + 2^10) / 2^11) = h = x * (m >> 11) + floor((x * (m & 2047) + 2^10) / 2^11), and with |x| <= 255
/// every term fits in int32 (|h| < 2^28). Only a right shift by e follows (the multiplier is below one):
/// RoundingDivideByPOT(h, e), half away from zero, is floor((h + 2^(e-1) - [h < 0]) / 2^e) for e >= 1 (with
/// h = q 2^e + r: q + [r >= 2^(e-1)] for h >= 0, q + [r > 2^(e-1)] for h < 0, as TFLite's remainder test), and h
/// for e = 0.
struct InputRescale16
{
    __attribute__((target("avx512f"))) explicit InputRescale16(const QuantizedMultiplier& m)
        : m_High(_mm512_set1_epi32(m.m_Multiplier >> 11)), m_Low(_mm512_set1_epi32(m.m_Multiplier & 2047)),
          m_Right(_mm_cvtsi32_si128(-m.m_Shift)),
          m_Half(_mm512_set1_epi32(m.m_Shift < 0 ? int32_t(1) << (-m.m_Shift - 1) : 0)),
          m_Negative(m.m_Shift < 0 ? 0xFFFF : 0)
    {}

    __attribute__((target("avx512f"))) __m512i Apply(__m512i x) const
    {
        const __m512i rounded =
            _mm512_srai_epi32(_mm512_add_epi32(_mm512_mullo_epi32(x, m_Low), _mm512_set1_epi32(1 << 10)), 11);
        const __m512i high = _mm512_add_epi32(_mm512_mullo_epi32(x, m_High), rounded);
        const __mmask16 negative = _mm512_mask_cmplt_epi32_mask(m_Negative, high, _mm512_setzero_si512());
        const __m512i biased = _mm512_add_epi32(high, m_Half);
        return _mm512_sra_epi32(_mm512_mask_sub_epi32(biased, negative, biased, _mm512_set1_epi32(1)), m_Right);
    }

    __m512i m_High;
    __m512i m_Low;
    __m128i m_Right;
    __m512i m_Half;       // 2^(e-1), or 0 for e = 0
    __mmask16 m_Negative; // all lanes where e >= 1: [h < 0] applies
};

/// The output multiplier as MultiplyByQuantizedMultiplier16Lanes takes it (shift > 0: a left shift).
__attribute__((target("avx512f"))) inline Multipliers16 OutputMultipliers16(const QuantizedMultiplier& m)
{
    return MakeMultipliers16(_mm512_set1_epi32(m.m_Multiplier), _mm512_set1_epi32(std::max(m.m_Shift, 0)),
                             _mm512_set1_epi32(std::max(-m.m_Shift, 0)));
}

/// Sixteen 8-bit values as int32 lanes.
__attribute__((target("avx512f"))) inline __m512i Load16(const int8_t* values)
{
    return _mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(values)));
}
__attribute__((target("avx512f"))) inline __m512i Load16(const uint8_t* values)
{
    return _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(values)));
}

#pragma GCC diagnostic pop

} // namespace cpuacc
} // namespace armnn
