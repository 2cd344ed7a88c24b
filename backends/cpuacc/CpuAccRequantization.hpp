//
// The last step of every 8-bit weighted layer (Convolution2d, DepthwiseConvolution2d, FullyConnected): an exact
// int32 sum per output element becomes the stored 8-bit value as CpuRef computes it (TensorFlow Lite's integer
// arithmetic, docs/quantization.md): plus the int32 bias, times the channel's fixed-point multiplier, plus the
// output zero point, clamped to the fused activation's range. One description of the parameters, one scalar path
// and one AVX-512 path (16 int32 lanes) that every 8-bit kernel shares, whether it requantizes a buffer of sums in
// a pass of its own or in the epilogue of its inner loop.
//
#pragma once

#include "CpuAccQuantizedAvx512.hpp"

#include <armnn/backends/LayerInfo.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace armnn
{
namespace cpuacc
{

/// Per output channel: bias, and the multiplier as TFLite applies it (left shift, Q31 multiplier, right shift).
/// Two copies for 16-lane vectors, both made by Tile() from the per-channel values:
/// - m_Blocks: per block of 16 channels (the channel count rounded up to 16; padding lanes requantize to the
///   output zero point), kBlock int32 each: 16 biases, a Multipliers16, then (without left shifts) the
///   FixedPointRequantization16 floats. For kernels whose vectors hold channels 16b .. 16b + 15 (BlockBias,
///   BlockMultipliers).
/// - m_Lanes: the same blocks covering lcm(channels, 16) channels (m_Period), so one flat walk over
///   [pixels x channels] keeps whole vectors whatever the channel count (RequantizeSums).
struct ChannelRequantization
{
    static constexpr size_t kBlock = 16 * 7 + kFixedPointValues;

    std::vector<int32_t> m_Bias;
    std::vector<int32_t> m_Multiplier;
    std::vector<int32_t> m_LeftShift;
    std::vector<int32_t> m_RightShift;
    std::vector<int32_t> m_Blocks;
    std::vector<int32_t> m_Lanes;
    size_t m_Period = 0;
    bool m_AnyLeftShift = false;
    int32_t m_OutputZeroPoint = 0;
    int32_t m_Min = 0;
    int32_t m_Max = 0;
    /// CpuRef's per-channel FullyConnected rescales with one rounding (MultiplyByQuantizedMultiplierSingleRounding,
    /// as LiteRT does); its other layers with two. The AVX-512 paths do the two-rounding form only.
    bool m_SingleRounding = false;

    /// The layer's parameters: bias (zeros without one), multipliers from the input, weight and output scales,
    /// the output zero point and the fused activation's clamp; then Tile().
    static ChannelRequantization FromLayer(const LayerInfo& layer, bool biasEnabled, size_t channels);

    /// Rebuilds m_Blocks and m_Lanes after a change to the per-channel values (a kernel that folds a
    /// zero-point correction into m_Bias calls it again).
    void Tile();

    size_t Channels() const { return m_Bias.size(); }

    /// CpuRef's arithmetic for one sum of channel c (bias added here, saturating as CpuRef's int64 sum does).
    int32_t Scalar(int32_t sum, size_t c) const;

    const int32_t* BlockBias(size_t block) const { return m_Blocks.data() + block * kBlock; }
    const int32_t* BlockMultipliers(size_t block) const { return m_Blocks.data() + block * kBlock + 16; }
};

/// Sums (without bias) of a [pixels x channels] buffer, elements [begin, end), to 8-bit values in `out` at the
/// same positions; `begin` a multiple of 16. AVX-512 where the CPU has it and the layer rounds twice, else scalar.
/// The bias is added in 32 bits on the vector path: callers bound |sum| + |bias| within int32.
void RequantizeSums(const int32_t* sums, size_t begin, size_t end, const ChannelRequantization& q, int8_t* out);
void RequantizeSums(const int32_t* sums, size_t begin, size_t end, const ChannelRequantization& q, uint8_t* out);

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-W[maybe-]uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

/// RequantizeLanes' exact integer form alone (MultiplyByQuantizedMultiplier16Lanes, the zero point, the clamp): for
/// the vectors the fixed-point form leaves inexact, and for layers with left shifts.
template <bool LeftShift>
__attribute__((target("avx512f"))) inline __m512i RequantizeLanesExact(__m512i sumsWithBias, const Multipliers16& m,
                                                                       __m512i zeroPoint, __m512i low, __m512i high)
{
    const __m512i scaled = MultiplyByQuantizedMultiplier16Lanes<LeftShift>(sumsWithBias, m);
    return _mm512_min_epi32(_mm512_max_epi32(_mm512_add_epi32(scaled, zeroPoint), low), high);
}

/// Sixteen sums that already include the bias, scaled by a block's multipliers (`m`, and `f` without left
/// shifts), plus the output zero point, clamped to [low, high]: int32 lanes holding the 8-bit results. LeftShift
/// false when q.m_AnyLeftShift is false: then the fixed-point form answers (FixedPointRequantize16Lanes, with
/// lowBound and highBound the FixedPointBound of low and high) and the integer form recomputes the rare vectors it
/// leaves.
template <bool LeftShift>
__attribute__((target("avx512f"))) inline __m512i RequantizeLanes(__m512i sumsWithBias, const Multipliers16& m,
                                                                  const FixedPointRequantization16& f,
                                                                  __m512i zeroPoint, __m512i low, __m512i high,
                                                                  __m512i lowBound, __m512i highBound)
{
    if (!LeftShift)
    {
        __mmask16 inexact;
        const __m512i fast = FixedPointRequantize16Lanes(sumsWithBias, f, lowBound, highBound, inexact);
        if (__builtin_expect(inexact == 0, 1))
        {
            return fast;
        }
    }
    return RequantizeLanesExact<LeftShift>(sumsWithBias, m, zeroPoint, low, high);
}

/// A block's Multipliers16 and FixedPointRequantization16 as m_Blocks and m_Lanes keep them (BlockMultipliers).
__attribute__((target("avx512f"))) inline Multipliers16 LoadMultipliers(const int32_t* multipliers)
{
    const __m512i* m = reinterpret_cast<const __m512i*>(multipliers);
    return {_mm512_loadu_si512(m),     _mm512_loadu_si512(m + 1), _mm512_loadu_si512(m + 2),
            _mm512_loadu_si512(m + 3), _mm512_loadu_si512(m + 4), _mm512_loadu_si512(m + 5)};
}
__attribute__((target("avx512f"))) inline FixedPointRequantization16 LoadFixedPoint(const int32_t* multipliers)
{
    return LoadFixedPointRequantization(reinterpret_cast<const float*>(multipliers + 6 * 16));
}

/// RequantizeLanes with the block's parameters read from `multipliers` (BlockMultipliers or m_Lanes' blocks).
template <bool LeftShift>
__attribute__((target("avx512f"))) inline __m512i RequantizeLanes(__m512i sumsWithBias, const int32_t* multipliers,
                                                                  __m512i zeroPoint, __m512i low, __m512i high)
{
    return RequantizeLanes<LeftShift>(sumsWithBias, LoadMultipliers(multipliers), LoadFixedPoint(multipliers),
                                      zeroPoint, low, high, FixedPointBound(low), FixedPointBound(high));
}

#pragma GCC diagnostic pop

} // namespace cpuacc
} // namespace armnn
