//
// ChannelRequantization: see the header.
//
#include "CpuAccRequantization.hpp"

#include <armnn/backends/QuantizedArithmetic.hpp>

#include <algorithm>
#include <cstring>
#include <numeric>

namespace armnn
{
namespace cpuacc
{

ChannelRequantization ChannelRequantization::FromLayer(const LayerInfo& layer, bool biasEnabled, size_t channels)
{
    ChannelRequantization q;
    q.m_Bias.assign(channels, 0);
    if (biasEnabled)
    {
        q.m_Bias = ReadInt32(layer.m_Inputs[2], layer.m_ConstantInputs[2]);
    }
    const double inputScale = layer.m_Inputs[0].GetQuantizationScale();
    const double outputScale = layer.m_Outputs[0].GetQuantizationScale();
    const std::vector<float> weightScales = layer.m_Inputs[1].GetQuantizationScales();
    for (size_t c = 0; c < channels; ++c)
    {
        const double weightScale = weightScales.size() > 1 ? weightScales[c] : weightScales[0];
        const QuantizedMultiplier m = QuantizeMultiplier(inputScale * weightScale / outputScale);
        q.m_Multiplier.push_back(m.m_Multiplier);
        q.m_LeftShift.push_back(m.m_Shift > 0 ? m.m_Shift : 0);
        q.m_RightShift.push_back(m.m_Shift > 0 ? 0 : -m.m_Shift);
    }
    QuantizedRange range;
    GetActivationRange(layer.m_Outputs[0], layer.m_FusedActivation, range);
    q.m_OutputZeroPoint = layer.m_Outputs[0].GetQuantizationOffset();
    q.m_Min = range.m_Min;
    q.m_Max = range.m_Max;
    q.m_SingleRounding =
        layer.m_Type == LayerType::FullyConnected && layer.m_Inputs[1].HasMultipleQuantizationScales();
    q.Tile();
    return q;
}

namespace
{
/// Writes lane `lane` of a block for channel c (or a padding lane when c >= channels).
void FillLane(const ChannelRequantization& q, size_t c, size_t next, size_t lane, int32_t* block)
{
    const size_t channels = q.Channels();
    const bool real = c < channels;
    const int32_t right = real ? q.m_RightShift[c] : 0;
    const int32_t mask = static_cast<int32_t>((int64_t(1) << right) - 1);
    block[lane] = real ? q.m_Bias[c] : 0;
    block[16 + lane] = real ? q.m_Multiplier[c] : 0;
    // Multipliers16's odd multipliers: the next lane's significand moved down to the even lane.
    block[32 + lane] = lane % 2 == 0 && next < channels ? q.m_Multiplier[next] : 0;
    block[48 + lane] = real ? q.m_LeftShift[c] : 0;
    block[64 + lane] = right;
    block[80 + lane] = mask;
    block[96 + lane] = mask >> 1;
    float fixedPoint[kFixedPointValues] = {};
    FillFixedPointLane(block[16 + lane], right, q.m_OutputZeroPoint, lane, fixedPoint);
    for (size_t i = 0; i < 3; ++i)
    {
        std::memcpy(block + 16 * 7 + 16 * i + lane, fixedPoint + 16 * i + lane, sizeof(float));
    }
}
} // namespace

void ChannelRequantization::Tile()
{
    const size_t channels = Channels();
    m_AnyLeftShift = std::any_of(m_LeftShift.begin(), m_LeftShift.end(), [](int32_t s) { return s != 0; });

    const size_t blocks = (channels + 15) / 16;
    m_Blocks.assign(blocks * kBlock, 0);
    for (size_t i = 0; i < blocks * 16; ++i)
    {
        FillLane(*this, i, i + 1, i % 16, m_Blocks.data() + i / 16 * kBlock);
    }

    m_Period = channels / std::gcd(channels, size_t(16)) * 16;
    m_Lanes.assign(m_Period / 16 * kBlock, 0);
    for (size_t i = 0; i < m_Period; ++i)
    {
        const size_t c = i % channels;
        FillLane(*this, c, c + 1 < channels ? c + 1 : 0, i % 16, m_Lanes.data() + i / 16 * kBlock);
    }
}

int32_t ChannelRequantization::Scalar(int32_t sum, size_t c) const
{
    const int32_t withBias = SaturateToInt32(static_cast<int64_t>(sum) + m_Bias[c]);
    const QuantizedMultiplier multiplier{m_Multiplier[c], m_LeftShift[c] - m_RightShift[c]};
    const int32_t scaled = m_SingleRounding ? MultiplyByQuantizedMultiplierSingleRounding(withBias, multiplier)
                                            : MultiplyByQuantizedMultiplier(withBias, multiplier);
    return std::min(std::max(scaled + m_OutputZeroPoint, m_Min), m_Max);
}

namespace
{
template <typename T>
void RequantizeScalar(const int32_t* sums, size_t begin, size_t end, const ChannelRequantization& q, T* out)
{
    const size_t channels = q.Channels();
    for (size_t i = begin, c = begin % channels; i < end; ++i, c = c + 1 == channels ? 0 : c + 1)
    {
        out[i] = static_cast<T>(q.Scalar(sums[i], c));
    }
}

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-W[maybe-]uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

template <bool LeftShift, typename T>
__attribute__((target("avx512f"))) void RequantizeAvx512(const int32_t* sums, size_t begin, size_t end,
                                                         const ChannelRequantization& q, T* out)
{
    const __m512i zeroPoint = _mm512_set1_epi32(q.m_OutputZeroPoint);
    const __m512i low = _mm512_set1_epi32(q.m_Min);
    const __m512i high = _mm512_set1_epi32(q.m_Max);
    const size_t blocks = q.m_Period / 16;
    size_t block = begin % q.m_Period / 16;
    for (size_t i = begin; i < end; i += 16)
    {
        const __mmask16 mask = end - i >= 16 ? __mmask16(0xFFFF) : static_cast<__mmask16>((1u << (end - i)) - 1);
        const int32_t* lanes = q.m_Lanes.data() + block * ChannelRequantization::kBlock;
        const __m512i sum = _mm512_add_epi32(_mm512_maskz_loadu_epi32(mask, sums + i), _mm512_loadu_si512(lanes));
        // Narrowed in a register, then stored: the narrowing store to memory (vpmovdb m128) is several times
        // slower on Zen 4.
        const __m128i bytes =
            _mm512_cvtepi32_epi8(RequantizeLanes<LeftShift>(sum, lanes + 16, zeroPoint, low, high));
        if (mask == 0xFFFF)
        {
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), bytes);
        }
        else
        {
            alignas(16) uint8_t tail[16];
            _mm_store_si128(reinterpret_cast<__m128i*>(tail), bytes);
            std::memcpy(out + i, tail, end - i);
        }
        block = block + 1 == blocks ? 0 : block + 1;
    }
}
#pragma GCC diagnostic pop

template <typename T>
void Requantize(const int32_t* sums, size_t begin, size_t end, const ChannelRequantization& q, T* out)
{
    static const bool avx512 = __builtin_cpu_supports("avx512f");
    if (avx512 && !q.m_SingleRounding) // single rounding: FullyConnected's few outputs, scalar
    {
        if (q.m_AnyLeftShift)
        {
            RequantizeAvx512<true>(sums, begin, end, q, out);
        }
        else
        {
            RequantizeAvx512<false>(sums, begin, end, q, out);
        }
        return;
    }
    RequantizeScalar(sums, begin, end, q, out);
}
} // namespace

void RequantizeSums(const int32_t* sums, size_t begin, size_t end, const ChannelRequantization& q, int8_t* out)
{
    Requantize(sums, begin, end, q, out);
}

void RequantizeSums(const int32_t* sums, size_t begin, size_t end, const ChannelRequantization& q, uint8_t* out)
{
    Requantize(sums, begin, end, q, out);
}

} // namespace cpuacc
} // namespace armnn
