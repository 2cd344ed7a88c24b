//
// 8-bit Convolution2d and FullyConnected on CPUs with AVX512-VNNI, bit-identical to CpuRef (TensorFlow Lite's
// integer arithmetic, docs/quantization.md): our own int8 GEMM whose epilogue requantizes the int32 accumulators in
// registers (FixedPointRequantize16Lanes without left shifts, RequantizeLanesExact for layers with left shifts and
// for the rare columns the fixed-point form leaves inexact; the parameters loaded once per block) and stores 8-bit
// values; no int32 buffer. The accumulators start from the bias.
// A Convolution2d whose only reader is a same-shape 8-bit Add (FuseConvolutionAdds) also runs the Add there
// (StoreColumnAdd): the requantized, clamped value and the addend's byte go through the elementwise kernel's 16-lane
// Add, and the Add's output is stored.
//
// Arithmetic. vpdpbusd multiplies unsigned by signed bytes: the input goes in as u8 (QAsymmS8 values + 128, i.e.
// the byte xor 0x80; QAsymmU8 values as they are), the weights as s8 minus their zero point. With p the u8 value
// of the input zero point (zero point + 128, or the zero point), sum((x - zp) * w) = sum(x_u8 * w) - p * sum(w):
// the second term is folded into the bias at load. Padding reads p, so it contributes nothing, as in TFLite. The
// int32 accumulators wrap mod 2^32, so the result is exact whenever the true sum plus the bias fits int32, which
// the check bounds at load (max |x - zp| times a channel's sum of |w|, plus the largest |bias|); CpuRef's int64 sum
// never saturates then.
//
// Data. Weights are packed once as groups of up to 4 blocks of 16 output channels: [group][K/4][block][16][4]
// (K padded to 4, channels to 16, with zero weights), so one group's pass streams its weights in order. The input
// is a [pixels x K] matrix of u8 rows: the NHWC input itself for a 1x1 stride-1 unpadded convolution or a fully
// connected layer when K % 4 == 0 (QAsymmS8 flipped in the kernel), else im2col rows built per tile of pixels in
// each thread's part of the workload's scratch memory. The micro-kernel computes MR pixels x NR blocks of 16
// channels over the whole K in zmm registers; layers of at most 8 channels put two pixels in each vector.
//
#include "../CpuAccKernels.hpp"
#include "../CpuAccQuantizedAdd.hpp"
#include "../CpuAccRequantization.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace armnn
{
namespace cpuacc
{

namespace
{

constexpr size_t kGroupBlocks = 4; // blocks of 16 channels per group (NR at most)
constexpr size_t kMaxKernelRows = 64; // Im2Col keeps a pointer per kernel row on the stack

/// The layer as a convolution over NHWC images (a fully connected layer: a 1x1 convolution over 1x1 images, one per
/// batch), with weights as an [N x K] matrix, K in the order (kernel row, kernel column, input channel).
struct GemmGeometry
{
    size_t m_Batches = 1;
    size_t m_InH = 1, m_InW = 1, m_InC = 1;
    size_t m_OutH = 1, m_OutW = 1;
    size_t m_KH = 1, m_KW = 1;
    size_t m_StrideY = 1, m_StrideX = 1;
    size_t m_DilationY = 1, m_DilationX = 1;
    size_t m_PadTop = 0, m_PadLeft = 0;
    size_t m_N = 0;
    size_t m_K = 0;
    bool m_TransposedWeights = true; // weights stored [N, K]; false: [K, N] (FullyConnected)

    size_t Pixels() const { return m_Batches * m_OutH * m_OutW; }
    size_t K4() const { return (m_K + 3) / 4 * 4; }
    size_t Blocks() const { return (m_N + 15) / 16; }
    /// The input rows can be read in place as the [pixels x K] matrix.
    bool Direct() const
    {
        return m_KH == 1 && m_KW == 1 && m_StrideY == 1 && m_StrideX == 1 && m_PadTop == 0 && m_PadLeft == 0 &&
               m_OutH == m_InH && m_OutW == m_InW && m_K % 4 == 0;
    }
};

GemmGeometry DescribeGemm(const LayerInfo& layer)
{
    GemmGeometry g;
    const TensorShape& w = layer.m_Inputs[1].GetShape();
    if (layer.m_Type == LayerType::Convolution2d)
    {
        const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
        const TensorShape& in = layer.m_Inputs[0].GetShape();
        const TensorShape& out = layer.m_Outputs[0].GetShape();
        g.m_Batches = in[0];
        g.m_InH = in[1];
        g.m_InW = in[2];
        g.m_InC = in[3];
        g.m_OutH = out[1];
        g.m_OutW = out[2];
        g.m_KH = w[1];
        g.m_KW = w[2];
        g.m_StrideY = desc.m_StrideY;
        g.m_StrideX = desc.m_StrideX;
        g.m_DilationY = desc.m_DilationY;
        g.m_DilationX = desc.m_DilationX;
        g.m_PadTop = desc.m_PadTop;
        g.m_PadLeft = desc.m_PadLeft;
        g.m_N = w[0];
        g.m_K = w[1] * w[2] * w[3]; // weights [O, H, W, I]
        return g;
    }
    g.m_TransposedWeights = layer.GetDescriptor<FullyConnectedDescriptor>().m_TransposeWeightMatrix;
    g.m_K = g.m_TransposedWeights ? w[1] : w[0];
    g.m_N = g.m_TransposedWeights ? w[0] : w[1];
    g.m_InC = g.m_K;
    g.m_Batches = g.m_K == 0 ? 0 : layer.m_Inputs[0].GetNumElements() / g.m_K;
    return g;
}

/// The u8 value vpdpbusd sees for the input zero point (what padding reads).
uint8_t ZeroPointByte(const TensorInfo& input)
{
    const int32_t zeroPoint = input.GetQuantizationOffset();
    return static_cast<uint8_t>(input.GetDataType() == DataType::QAsymmS8 ? zeroPoint + 128 : zeroPoint);
}

/// Weights minus their zero point as [N x K] int8; false when one does not fit in int8.
bool CenteredWeightMatrix(const LayerInfo& layer, const GemmGeometry& g, std::vector<int8_t>& matrix)
{
    // The stored bytes read directly, a vectorisable loop (ReadQuantized's int32 copy and a test per weight took
    // about 3 times as long on ResNet-50's load).
    const TensorInfo& info = layer.m_Inputs[1];
    const auto* bytes = static_cast<const uint8_t*>(layer.m_ConstantInputs[1]);
    const bool isUnsigned = info.GetDataType() == DataType::QAsymmU8;
    const int32_t zeroPoint = info.GetQuantizationOffset();
    matrix.resize(g.m_N * g.m_K);
    int32_t low = 0;
    int32_t high = 0;
    int8_t* out = matrix.data(); // stores through matrix[i] could alias the vector's own pointer
    const size_t count = matrix.size();
    for (size_t i = 0; i < count; ++i)
    {
        const int32_t v = (isUnsigned ? int32_t(bytes[i]) : int32_t(static_cast<int8_t>(bytes[i]))) - zeroPoint;
        low = std::min(low, v);
        high = std::max(high, v);
        out[i] = static_cast<int8_t>(v);
    }
    if (!g.m_TransposedWeights)
    {
        // [K, N] (FullyConnected without the transpose) to [N, K].
        std::vector<int8_t> stored = std::move(matrix);
        matrix.resize(stored.size());
        for (size_t k = 0; k < g.m_K; ++k)
        {
            for (size_t n = 0; n < g.m_N; ++n)
            {
                matrix[n * g.m_K + k] = stored[k * g.m_N + n];
            }
        }
    }
    return low >= -128 && high <= 127;
}

/// True when every channel's true sum plus bias stays within int32 (then the wrapping accumulators are exact and
/// CpuRef's saturation never applies).
bool SumsFitInt32(const LayerInfo& layer, const GemmGeometry& g, const std::vector<int8_t>& matrix)
{
    int64_t bias = 0;
    if (BiasEnabled(layer))
    {
        for (int32_t b : ReadInt32(layer.m_Inputs[2], layer.m_ConstantInputs[2]))
        {
            bias = std::max<int64_t>(bias, std::abs(static_cast<int64_t>(b)));
        }
    }
    int64_t largest = 0;
    for (size_t n = 0; n < g.m_N; ++n)
    {
        int64_t sum = 0;
        for (size_t k = 0; k < g.m_K; ++k)
        {
            sum += std::abs(static_cast<int32_t>(matrix[n * g.m_K + k]));
        }
        largest = std::max(largest, sum);
    }
    const QuantizedRange range = GetQuantizedRange(layer.m_Inputs[0].GetDataType());
    const int64_t zeroPoint = layer.m_Inputs[0].GetQuantizationOffset();
    const int64_t deviation = std::max(zeroPoint - range.m_Min, range.m_Max - zeroPoint);
    return largest * deviation + bias <= INT32_MAX;
}

/// [group][K4/4][blocks of the group][16][4], zero-padded. Paired (at most 8 channels): one block whose lanes 8-15
/// repeat channels 0-7, for PairedKernel.
std::vector<int8_t> PackWeights(const GemmGeometry& g, const std::vector<int8_t>& matrix, bool paired)
{
    const size_t k4 = g.K4();
    const size_t blocks = g.Blocks();
    std::vector<int8_t> packed(blocks * 16 * k4, 0);
    for (size_t group = 0; group * kGroupBlocks < blocks; ++group)
    {
        const size_t first = group * kGroupBlocks;
        const size_t count = std::min(kGroupBlocks, blocks - first);
        int8_t* base = packed.data() + first * 16 * k4;
        for (size_t b = 0; b < count; ++b)
        {
            for (size_t lane = 0; lane < 16; ++lane)
            {
                const size_t n = paired ? lane % 8 : (first + b) * 16 + lane;
                if (n >= g.m_N)
                {
                    continue;
                }
                for (size_t k = 0; k < g.m_K; ++k)
                {
                    base[((k / 4 * count + b) * 16 + lane) * 4 + k % 4] = matrix[n * g.m_K + k];
                }
            }
        }
    }
    return packed;
}

/// An 8-bit Add fused into the epilogue (FuseConvolutionAdds): its input A is the convolution's requantized,
/// clamped value, B the addend tensor's value at the same position (same shape and type as the output).
struct ResidualAdd
{
    AddMultipliers m_Multipliers;
    int32_t m_ZeroPointA; // the convolution's output zero point
    int32_t m_ZeroPointB;
    int32_t m_OutputZeroPoint;
    QuantizedRange m_Range; // the Add's activation on its output
    bool m_Signed; // QAsymmS8
};

struct ResidualAdd16;

/// What the epilogue needs: the requantization (bias with the zero-point correction), the output row stride.
struct Epilogue
{
    const ChannelRequantization* m_Q;
    size_t m_Channels;
    /// A fused Add or null; its addend's value for output byte `dst` is at m_Addend + (dst - m_Output).
    const ResidualAdd16* m_Add = nullptr;
    const uint8_t* m_Addend = nullptr;
    const uint8_t* m_Output = nullptr;
};

#define VNNI_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni")))

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-Wmaybe-uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

/// Per-channel FullyConnected: CpuRef rescales with one rounding there; few outputs, scalar. `sums` include the bias.
VNNI_TARGET inline void StoreSingleRounding(__m512i sum, size_t block, size_t valid, const ChannelRequantization& q,
                                            uint8_t* out)
{
    alignas(64) int32_t sums[16];
    _mm512_store_si512(sums, sum);
    for (size_t j = 0; j < valid; ++j)
    {
        const size_t c = block * 16 + j;
        const QuantizedMultiplier m{q.m_Multiplier[c], q.m_LeftShift[c] - q.m_RightShift[c]};
        const int32_t scaled = MultiplyByQuantizedMultiplierSingleRounding(sums[j], m) + q.m_OutputZeroPoint;
        out[j] = static_cast<uint8_t>(std::min(std::max(scaled, q.m_Min), q.m_Max));
    }
}

/// Requantizes `rows` of the MR sums of block `block` (`column`) and stores the channels of it that exist.
/// Without left shifts the fixed-point form (FixedPointRequantize16Lanes) stores every row and, where it left a
/// lane inexact, the column is stored again with the exact integer form: one test per column, as a test and branch
/// per row cost more than the cheaper arithmetic saved.
template <int MR, bool LeftShift>
__attribute__((noinline)) VNNI_TARGET void StoreColumn(const __m512i* column, size_t rows, size_t block,
                                                       const Epilogue& e, uint8_t* out)
{
    // Everything per block in locals: stores through uint8_t* may alias the parameters, which the compiler would
    // otherwise reload for every row.
    const ChannelRequantization& q = *e.m_Q;
    const size_t channels = e.m_Channels;
    const size_t valid = std::min<size_t>(16, channels - block * 16);
    const __mmask16 mask = static_cast<__mmask16>((1u << valid) - 1);
    const __m512i low = _mm512_set1_epi32(q.m_Min);
    const __m512i high = _mm512_set1_epi32(q.m_Max);
    uint8_t* const first = out + block * 16;
    if (q.m_SingleRounding)
    {
        for (size_t r = 0; r < rows; ++r)
        {
            StoreSingleRounding(column[r], block, valid, q, first + r * channels);
        }
        return;
    }
    if (!LeftShift)
    {
        const FixedPointRequantization16 fixedPoint = LoadFixedPoint(q.BlockMultipliers(block));
        const __m512i lowBound = FixedPointBound(low);
        const __m512i highBound = FixedPointBound(high);
        __mmask16 anyInexact = 0;
        uint8_t* dst = first;
        // Rolled: unrolled over MR rows it measured 2-5% slower (SSD's 150x150 pointwise, the stems).
#pragma GCC unroll 1
        for (int r = 0; r < MR; ++r, dst += channels)
        {
            if (static_cast<size_t>(r) >= rows)
            {
                break;
            }
            // The accumulators started from the bias and wrap mod 2^32: exact (see the top of the file).
            __mmask16 inexact;
            const __m512i lanes = FixedPointRequantize16Lanes(_mm512_load_si512(column + r), fixedPoint, lowBound,
                                                              highBound, inexact);
            anyInexact = static_cast<__mmask16>(anyInexact | inexact);
            _mm_mask_storeu_epi8(dst, mask, _mm512_cvtepi32_epi8(lanes));
        }
        if (__builtin_expect(anyInexact == 0, 1))
        {
            return;
        }
    }
    const Multipliers16 multipliers = LoadMultipliers(q.BlockMultipliers(block));
    const __m512i zeroPoint = _mm512_set1_epi32(q.m_OutputZeroPoint);
    uint8_t* dst = first;
    for (size_t r = 0; r < rows; ++r, dst += channels)
    {
        const __m512i lanes =
            RequantizeLanesExact<LeftShift>(_mm512_load_si512(column + r), multipliers, zeroPoint, low, high);
        _mm_mask_storeu_epi8(dst, mask, _mm512_cvtepi32_epi8(lanes));
    }
}

/// ResidualAdd's arithmetic as vectors, QuantizedElementwise's Add on 16 lanes (made once per workload: made per
/// column, its broadcasts cost as much as a row's Add).
struct ResidualAdd16
{
    VNNI_TARGET explicit ResidualAdd16(const ResidualAdd& add)
        : m_A(add.m_Multipliers.m_InputA), m_B(add.m_Multipliers.m_InputB),
          m_Output(OutputMultipliers16(add.m_Multipliers.m_Output)), m_ZeroA(_mm512_set1_epi32(add.m_ZeroPointA)),
          m_ZeroB(_mm512_set1_epi32(add.m_ZeroPointB)), m_ZeroOut(_mm512_set1_epi32(add.m_OutputZeroPoint)),
          m_Low(_mm512_set1_epi32(add.m_Range.m_Min)), m_High(_mm512_set1_epi32(add.m_Range.m_Max)),
          m_Signed(add.m_Signed)
    {}

    /// The Add of `a` (the convolution's clamped values, int32 lanes) and `b` (16 addend bytes): the clamped output.
    VNNI_TARGET __m512i Apply(__m512i a, __m128i b) const
    {
        const __m512i y = _mm512_sub_epi32(m_Signed ? _mm512_cvtepi8_epi32(b) : _mm512_cvtepu8_epi32(b), m_ZeroB);
        const __m512i sum = _mm512_add_epi32(m_A.Apply(_mm512_sub_epi32(a, m_ZeroA)), m_B.Apply(y));
        // A left shift of 0 changes nothing: one form for every output multiplier.
        const __m512i raw = _mm512_add_epi32(MultiplyByQuantizedMultiplier16Lanes<true>(sum, m_Output), m_ZeroOut);
        return _mm512_min_epi32(_mm512_max_epi32(raw, m_Low), m_High);
    }

    InputRescale16 m_A;
    InputRescale16 m_B;
    Multipliers16 m_Output;
    __m512i m_ZeroA;
    __m512i m_ZeroB;
    __m512i m_ZeroOut;
    __m512i m_Low;
    __m512i m_High;
    bool m_Signed;
};

/// StoreColumn with a fused Add (e.m_Add): the convolution's values requantized and clamped as there (the
/// fixed-point form, the column again with the exact integer form where it left a lane inexact), then added to the
/// addend's. Never a single-rounding layer (only FullyConnected rounds once; the Add fuses into Convolution2d).
template <int MR, bool LeftShift>
__attribute__((noinline)) VNNI_TARGET void StoreColumnAdd(const __m512i* column, size_t rows, size_t block,
                                                          const Epilogue& e, uint8_t* out)
{
    const ChannelRequantization& q = *e.m_Q;
    const size_t channels = e.m_Channels;
    const size_t valid = std::min<size_t>(16, channels - block * 16);
    const __mmask16 mask = static_cast<__mmask16>((1u << valid) - 1);
    const __m512i low = _mm512_set1_epi32(q.m_Min);
    const __m512i high = _mm512_set1_epi32(q.m_Max);
    const ResidualAdd16 add = *e.m_Add;
    uint8_t* const first = out + block * 16;
    const uint8_t* const addend = e.m_Addend + (first - e.m_Output);
    // Stores the Add of each row's convolution values, value(r), and the addend's; a block of at most 8 channels
    // (the last of 24) two rows per Add, in lanes 0-7 and 8-15. The row loops stay rolled: unrolled like
    // StoreColumn's, SSD's 10 fused layers took 984 instead of 950 us at 1 thread, 508 instead of 498 at 2.
    const auto store = [&](auto value) VNNI_TARGET {
        uint8_t* dst = first;
        const uint8_t* other = addend;
        if (MR > 1 && valid <= 8)
        {
#pragma GCC unroll 1
            for (int r = 0; r < MR; r += 2, dst += 2 * channels, other += 2 * channels)
            {
                if (static_cast<size_t>(r) >= rows)
                {
                    break;
                }
                const bool second = static_cast<size_t>(r + 1) < rows;
                const __m512i lanes = _mm512_inserti64x4(value(r), _mm512_castsi512_si256(value(r + 1)), 1);
                const __m128i next = second ? _mm_maskz_loadu_epi8(mask, other + channels) : _mm_setzero_si128();
                const __m128i bytes =
                    _mm512_cvtepi32_epi8(add.Apply(lanes, _mm_unpacklo_epi64(_mm_maskz_loadu_epi8(mask, other), next)));
                _mm_mask_storeu_epi8(dst, mask, bytes);
                if (second)
                {
                    _mm_mask_storeu_epi8(dst + channels, mask, _mm_srli_si128(bytes, 8));
                }
            }
            return;
        }
#pragma GCC unroll 1
        for (int r = 0; r < MR; ++r, dst += channels, other += channels)
        {
            if (static_cast<size_t>(r) >= rows)
            {
                break;
            }
            const __m512i result = add.Apply(value(r), _mm_maskz_loadu_epi8(mask, other));
            _mm_mask_storeu_epi8(dst, mask, _mm512_cvtepi32_epi8(result));
        }
    };
    if (!LeftShift)
    {
        const FixedPointRequantization16 fixedPoint = LoadFixedPoint(q.BlockMultipliers(block));
        const __m512i lowBound = FixedPointBound(low);
        const __m512i highBound = FixedPointBound(high);
        __mmask16 anyInexact = 0;
        store([&](int r) VNNI_TARGET {
            __mmask16 inexact;
            const __m512i lanes =
                FixedPointRequantize16Lanes(_mm512_load_si512(column + r), fixedPoint, lowBound, highBound, inexact);
            anyInexact = static_cast<__mmask16>(anyInexact | inexact);
            return lanes;
        });
        if (__builtin_expect(anyInexact == 0, 1))
        {
            return;
        }
    }
    const Multipliers16 multipliers = LoadMultipliers(q.BlockMultipliers(block));
    const __m512i zeroPoint = _mm512_set1_epi32(q.m_OutputZeroPoint);
    store([&](int r) VNNI_TARGET {
        return RequantizeLanesExact<LeftShift>(_mm512_load_si512(column + r), multipliers, zeroPoint, low, high);
    });
}

/// MR rows of `a` (row stride lda; rows past `rows` repeat the last, their results are not stored) times one group
/// of NR blocks (`w`, packed [K4/4][NR][16][4]) into out (row stride e.m_Channels), channels from block `first`.
template <int MR, int NR, bool Flip>
VNNI_TARGET void MicroKernel(const uint8_t* a, size_t lda, size_t rows, const int8_t* w, size_t k4, size_t first,
                             const Epilogue& e, uint8_t* out)
{
    // The accumulators start from the bias (one add per vector fewer in the epilogue).
    __m512i acc[MR][NR];
#pragma GCC unroll 4
    for (int n = 0; n < NR; ++n)
    {
        const __m512i bias = _mm512_loadu_si512(e.m_Q->BlockBias(first + static_cast<size_t>(n)));
#pragma GCC unroll 16
        for (int m = 0; m < MR; ++m)
        {
            acc[m][n] = bias;
        }
    }
    const uint8_t* row[MR];
#pragma GCC unroll 16
    for (int m = 0; m < MR; ++m)
    {
        row[m] = a + std::min<size_t>(static_cast<size_t>(m), rows - 1) * lda;
    }
    const __m512i flip = _mm512_set1_epi32(static_cast<int32_t>(0x80808080u));
    for (size_t k = 0; k < k4; k += 4)
    {
        __m512i weights[NR];
#pragma GCC unroll 4
        for (int n = 0; n < NR; ++n)
        {
            weights[n] = _mm512_loadu_si512(w + (k / 4 * NR + n) * 64);
        }
#pragma GCC unroll 16
        for (int m = 0; m < MR; ++m)
        {
            int32_t quad;
            std::memcpy(&quad, row[m] + k, 4);
            __m512i x = _mm512_set1_epi32(quad);
            if (Flip)
            {
                x = _mm512_xor_si512(x, flip);
            }
#pragma GCC unroll 4
            for (int n = 0; n < NR; ++n)
            {
                acc[m][n] = _mm512_dpbusd_epi32(acc[m][n], x, weights[n]);
            }
        }
    }
    // The accumulators go to memory (read back as vpaddd operands) and each column is requantized by a function of
    // its own: inlined here with all MR x NR accumulators live, it spilled and ran 3-4% slower on SSD's layers.
    __m512i columns[NR][MR];
#pragma GCC unroll 4
    for (int n = 0; n < NR; ++n)
    {
#pragma GCC unroll 16
        for (int m = 0; m < MR; ++m)
        {
            columns[n][m] = acc[m][n];
        }
    }
    for (int n = 0; n < NR; ++n)
    {
        const size_t block = first + static_cast<size_t>(n);
        const bool left = e.m_Q->m_AnyLeftShift;
        if (e.m_Add != nullptr)
        {
            left ? StoreColumnAdd<MR, true>(columns[n], rows, block, e, out)
                 : StoreColumnAdd<MR, false>(columns[n], rows, block, e, out);
        }
        else
        {
            left ? StoreColumn<MR, true>(columns[n], rows, block, e, out)
                 : StoreColumn<MR, false>(columns[n], rows, block, e, out);
        }
    }
}

/// Pair i of PairedKernel's rows: lanes 0-7 to row 2i, lanes 8-15 to row 2i + 1 where it exists.
VNNI_TARGET inline void StorePair(__m512i lanes, size_t rows, size_t i, size_t channels, __mmask16 mask, uint8_t* out)
{
    const __m128i bytes = _mm512_cvtepi32_epi8(lanes);
    _mm_mask_storeu_epi8(out + 2 * i * channels, mask, bytes);
    if (2 * i + 1 < rows)
    {
        _mm_mask_storeu_epi8(out + (2 * i + 1) * channels, mask, _mm_srli_si128(bytes, 8));
    }
}

/// Pair i of PairedKernel's clamped convolution values with the fused Add (e.m_Add) applied, if any: the two
/// pixels' addends go into lanes 0-7 and 8-15, as their sums are.
VNNI_TARGET inline __m512i AddPair(__m512i lanes, size_t rows, size_t i, size_t channels, __mmask16 mask,
                                   const Epilogue& e, const uint8_t* out)
{
    if (e.m_Add == nullptr)
    {
        return lanes;
    }
    const uint8_t* addend = e.m_Addend + (out + 2 * i * channels - e.m_Output);
    const __m128i second = 2 * i + 1 < rows ? _mm_maskz_loadu_epi8(mask, addend + channels) : _mm_setzero_si128();
    return e.m_Add->Apply(lanes, _mm_unpacklo_epi64(_mm_maskz_loadu_epi8(mask, addend), second));
}

/// Layers of at most 8 channels (the MobileNets' 8-channel stem and projections): two pixels per vector, lanes
/// 0-7 and 8-15, so the epilogue requantizes no padding lanes. 2 x Pairs rows of `a` as MicroKernel takes them;
/// `w` and the requantization's block repeat channels 0-7 in lanes 8-15.
template <int Pairs, bool Flip>
VNNI_TARGET void PairedKernel(const uint8_t* a, size_t lda, size_t rows, const int8_t* w, size_t k4, size_t,
                              const Epilogue& e, uint8_t* out)
{
    __m512i acc[Pairs];
    const uint8_t* row[2 * Pairs];
#pragma GCC unroll 32
    for (int m = 0; m < 2 * Pairs; ++m)
    {
        row[m] = a + std::min<size_t>(static_cast<size_t>(m), rows - 1) * lda;
    }
    const __m512i bias = _mm512_loadu_si512(e.m_Q->BlockBias(0));
#pragma GCC unroll 16
    for (int i = 0; i < Pairs; ++i)
    {
        acc[i] = bias;
    }
    const __m512i flip = _mm512_set1_epi32(static_cast<int32_t>(0x80808080u));
    for (size_t k = 0; k < k4; k += 4)
    {
        const __m512i weights = _mm512_loadu_si512(w + k / 4 * 64);
#pragma GCC unroll 16
        for (int i = 0; i < Pairs; ++i)
        {
            int32_t first;
            int32_t second;
            std::memcpy(&first, row[2 * i] + k, 4);
            std::memcpy(&second, row[2 * i + 1] + k, 4);
            __m512i x = _mm512_mask_set1_epi32(_mm512_set1_epi32(first), 0xFF00, second);
            if (Flip)
            {
                x = _mm512_xor_si512(x, flip);
            }
            acc[i] = _mm512_dpbusd_epi32(acc[i], x, weights);
        }
    }
    const ChannelRequantization& q = *e.m_Q;
    const __m512i low = _mm512_set1_epi32(q.m_Min);
    const __m512i high = _mm512_set1_epi32(q.m_Max);
    const size_t channels = e.m_Channels;
    const __mmask16 mask = static_cast<__mmask16>((1u << channels) - 1);
    if (!q.m_AnyLeftShift)
    {
        // As StoreColumn: the fixed-point form, and the integer form again where it left a lane inexact.
        const FixedPointRequantization16 fixedPoint = LoadFixedPoint(q.BlockMultipliers(0));
        const __m512i lowBound = FixedPointBound(low);
        const __m512i highBound = FixedPointBound(high);
        __mmask16 anyInexact = 0;
#pragma GCC unroll 16
        for (int i = 0; i < Pairs; ++i)
        {
            if (static_cast<size_t>(2 * i) < rows)
            {
                __mmask16 inexact;
                const __m512i lanes = FixedPointRequantize16Lanes(acc[i], fixedPoint, lowBound, highBound, inexact);
                anyInexact = static_cast<__mmask16>(anyInexact | inexact);
                StorePair(AddPair(lanes, rows, static_cast<size_t>(i), channels, mask, e, out), rows,
                          static_cast<size_t>(i), channels, mask, out);
            }
        }
        if (__builtin_expect(anyInexact == 0, 1))
        {
            return;
        }
    }
    const Multipliers16 multipliers = LoadMultipliers(q.BlockMultipliers(0));
    const __m512i zeroPoint = _mm512_set1_epi32(q.m_OutputZeroPoint);
    for (int i = 0; i < Pairs; ++i)
    {
        if (static_cast<size_t>(2 * i) < rows)
        {
            const __m512i sum = acc[i]; // bias included
            const __m512i lanes =
                q.m_AnyLeftShift ? RequantizeLanesExact<true>(sum, multipliers, zeroPoint, low, high)
                                 : RequantizeLanesExact<false>(sum, multipliers, zeroPoint, low, high);
            StorePair(AddPair(lanes, rows, static_cast<size_t>(i), channels, mask, e, out), rows,
                      static_cast<size_t>(i), channels, mask, out);
        }
    }
}

/// n bytes from src to dst xor `flip` (0x80 bytes: QAsymmS8 to u8; or zeros), 64 at a time, the rest masked
/// (nothing read past src + n).
VNNI_TARGET inline void CopyBytes(uint8_t* dst, const uint8_t* src, size_t n, __m512i flip)
{
    for (; n >= 64; n -= 64, src += 64, dst += 64)
    {
        _mm512_storeu_si512(dst, _mm512_xor_si512(_mm512_loadu_si512(src), flip));
    }
    if (n >= 8 && n <= 16)
    {
        // Two overlapping 8-byte moves: a masked 64-byte load was the stem's im2col's bottleneck on Zen 4.
        const uint64_t bits = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm512_castsi512_si128(flip)));
        uint64_t head;
        uint64_t tail;
        std::memcpy(&head, src, 8);
        std::memcpy(&tail, src + n - 8, 8);
        head ^= bits;
        tail ^= bits;
        std::memcpy(dst, &head, 8);
        std::memcpy(dst + n - 8, &tail, 8);
    }
    else if (n != 0)
    {
        const __mmask64 mask = _cvtu64_mask64((uint64_t(1) << n) - 1);
        _mm512_mask_storeu_epi8(dst, mask, _mm512_xor_si512(_mm512_maskz_loadu_epi8(mask, src), flip));
    }
}

VNNI_TARGET inline void FillBytes(uint8_t* dst, size_t n, __m512i value)
{
    for (; n >= 64; n -= 64, dst += 64)
    {
        _mm512_storeu_si512(dst, value);
    }
    if (n != 0)
    {
        _mm512_mask_storeu_epi8(dst, _cvtu64_mask64((uint64_t(1) << n) - 1), value);
    }
}

/// One kernel row (ky) of one output pixel: KW taps of C bytes from input row `src` (null: above or below the
/// image), starting at input column x0.
VNNI_TARGET inline void KernelRow(const GemmGeometry& g, const uint8_t* src, ptrdiff_t x0, __m512i flip, __m512i pad,
                                  uint8_t* dst)
{
    const size_t c = g.m_InC;
    for (size_t kx = 0; kx < g.m_KW; ++kx)
    {
        const ptrdiff_t ix = x0 + static_cast<ptrdiff_t>(kx * g.m_DilationX);
        if (src == nullptr || ix < 0 || ix >= static_cast<ptrdiff_t>(g.m_InW))
        {
            FillBytes(dst + kx * c, c, pad);
        }
        else
        {
            CopyBytes(dst + kx * c, src + static_cast<size_t>(ix) * c, c, flip);
        }
    }
}

/// Pixels [begin, end) as rows of a u8 matrix at `rows` (row stride K4; up to 64 bytes after the last row may be
/// written): each output pixel's receptive field in weight order, QAsymmS8 flipped to u8, padding as the zero
/// point's byte, K padded to 4 with zeros. Runs of taps inside the image (without dilation: KW x C input bytes per
/// kernel row) are copied whole: tap by tap cost ~70 cycles per pixel on a 3-channel stem.
VNNI_TARGET void Im2Col(const GemmGeometry& g, const uint8_t* input, bool flipInput, uint8_t zeroPointByte,
                        uint8_t* rows, size_t begin, size_t end)
{
    // The geometry as locals: stores through uint8_t* may alias g's fields, which the compiler would otherwise reload
    // (and spill the loop's pointers) after every copy.
    const size_t c = g.m_InC, inH = g.m_InH, inW = g.m_InW, outH = g.m_OutH, outW = g.m_OutW, kh = g.m_KH;
    const size_t strideY = g.m_StrideY, strideX = g.m_StrideX, dilationY = g.m_DilationY;
    const ptrdiff_t padTop = static_cast<ptrdiff_t>(g.m_PadTop), padLeft = static_cast<ptrdiff_t>(g.m_PadLeft);
    const size_t k = g.m_K, k4 = g.K4();
    const size_t run = g.m_KW * c;
    const __m512i flip = flipInput ? _mm512_set1_epi8(static_cast<char>(0x80)) : _mm512_setzero_si512();
    const __m128i flip16 = _mm_set1_epi8(static_cast<char>(flipInput ? 0x80 : 0));
    const __m512i pad = _mm512_set1_epi8(static_cast<char>(zeroPointByte));
    // Interior output columns [lo, hi): every tap inside the image.
    const size_t span = (g.m_KW - 1) * g.m_DilationX;
    const size_t lo = g.m_DilationX != 1 ? outW : std::min(outW, (g.m_PadLeft + strideX - 1) / strideX);
    const size_t hi = g.m_DilationX != 1 || inW + g.m_PadLeft < span + 1
                          ? lo
                          : std::max(lo, std::min(outW, (inW + g.m_PadLeft - span - 1) / strideX + 1));
    const uint8_t* inputEnd = input + g.m_Batches * inH * inW * c;
    const uint32_t zeros = 0;
    uint8_t* dst = rows;
    // One output row (batch, oy) at a time, columns [ox0, ox1) of it: the input rows of its kernel rows are found
    // once per output row.
    const uint8_t* sources[kMaxKernelRows];
    for (size_t p = begin; p < end;)
    {
        const size_t r = p / outW;
        const size_t ox0 = p % outW;
        const size_t ox1 = std::min(outW, ox0 + (end - p));
        const size_t b = r / outH;
        const size_t oy = r % outH;
        bool allInside = true;
        for (size_t ky = 0; ky < kh; ++ky)
        {
            const ptrdiff_t iy = static_cast<ptrdiff_t>(oy * strideY + ky * dilationY) - padTop;
            const bool inside = iy >= 0 && iy < static_cast<ptrdiff_t>(inH);
            sources[ky] = inside ? input + (b * inH + static_cast<size_t>(iy)) * inW * c : nullptr;
            allInside = allInside && inside;
        }
        const uint8_t* const* source = sources;
        for (size_t ox = ox0; ox < ox1; ++ox)
        {
            const ptrdiff_t x0 = static_cast<ptrdiff_t>(ox * strideX) - padLeft;
            const size_t offset = static_cast<size_t>(x0) * c; // used only where x0 >= 0
            if (!allInside || ox < lo || ox >= hi)
            {
                for (size_t ky = 0; ky < kh; ++ky)
                {
                    KernelRow(g, source[ky], x0, flip, pad, dst + ky * run);
                }
            }
            else if (run <= 16 && source[kh - 1] + offset + 16 <= inputEnd)
            {
                // Short runs (the 3x3 stems' 9 bytes) as one 16-byte move each: the bytes written past a run are
                // rewritten by the next run, the K padding or the next pixel, or land past the last row.
                for (size_t ky = 0; ky < kh; ++ky)
                {
                    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(source[ky] + offset));
                    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + ky * run), _mm_xor_si128(bytes, flip16));
                }
            }
            else if (run <= 64 && source[kh - 1] + offset + 64 <= inputEnd)
            {
                // The same with 64-byte moves (ResNet's 7x7 stem: 21 bytes; 3x3 over 8-21 channels).
                for (size_t ky = 0; ky < kh; ++ky)
                {
                    const __m512i bytes = _mm512_loadu_si512(source[ky] + offset);
                    _mm512_storeu_si512(dst + ky * run, _mm512_xor_si512(bytes, flip));
                }
            }
            else
            {
                for (size_t ky = 0; ky < kh; ++ky)
                {
                    CopyBytes(dst + ky * run, source[ky] + offset, run, flip);
                }
            }
            // K's padding (at most 3 bytes) as a 4-byte store, which may write past the row like the runs above.
            std::memcpy(dst + k, &zeros, 4);
            dst += k4;
        }
        p += ox1 - ox0;
    }
}

#pragma GCC diagnostic pop

using MicroKernelFn = void (*)(const uint8_t*, size_t, size_t, const int8_t*, size_t, size_t, const Epilogue&,
                               uint8_t*);

/// The widest MR for NR blocks that keeps MR x NR accumulators, NR weights and a broadcast within 32 registers.
constexpr int FullRows(int nr)
{
    return nr == 1 ? 12 : nr == 2 ? 12 : nr == 3 ? 8 : 6;
}

template <int NR, bool Flip>
MicroKernelFn SelectRows(size_t rows)
{
    // Row counts below the full MR (the last rows of a tile, a fully connected layer's few batches) use the
    // smallest kernel that covers them.
    if (rows == 1) return &MicroKernel<1, NR, Flip>;
    if (rows == 2) return &MicroKernel<2, NR, Flip>;
    if (rows <= 4) return &MicroKernel<4, NR, Flip>;
    return &MicroKernel<FullRows(NR), NR, Flip>;
}

template <bool Flip>
MicroKernelFn Select(size_t nr, size_t rows)
{
    switch (nr)
    {
        case 1: return SelectRows<1, Flip>(rows);
        case 2: return SelectRows<2, Flip>(rows);
        case 3: return SelectRows<3, Flip>(rows);
        default: return SelectRows<4, Flip>(rows);
    }
}

template <bool Flip>
MicroKernelFn SelectPaired(size_t rows)
{
    if (rows <= 2) return &PairedKernel<1, Flip>;
    if (rows <= 8) return &PairedKernel<4, Flip>;
    return &PairedKernel<12, Flip>;
}

size_t RowsPerCall(size_t nr, bool paired)
{
    return paired ? 24 : static_cast<size_t>(FullRows(static_cast<int>(nr)));
}

/// Bytes after a tile's im2col rows that Im2Col may write.
constexpr size_t kTileSlack = 64;

/// Pixels per tile: a multiple of every MR, with the tile's im2col rows within ~48 KiB (L1/L2) where K allows.
size_t TileRows(size_t k4)
{
    return std::max<size_t>(24, 48 * 1024 / k4 / 24 * 24);
}

class QuantizedGemmWorkload final : public IWorkload
{
public:
    QuantizedGemmWorkload(const GemmGeometry& g, std::vector<int8_t> packed, ChannelRequantization q,
                          bool paired, bool flip, uint8_t zeroPointByte,
                          unsigned numThreads, size_t maxTeams, std::unique_ptr<ResidualAdd16> add,
                          size_t addendInput)
        : m_G(g), m_Packed(std::move(packed)), m_Q(std::move(q)), m_Paired(paired),
          m_Flip(flip),
          m_ZeroPointByte(zeroPointByte), m_NumThreads(numThreads), m_MaxTeams(maxTeams), m_TileRows(TileRows(g.K4())),
          m_Add(std::move(add)), m_AddendInput(addendInput)
    {}

    /// Each thread's im2col tile.
    size_t GetScratchBytes() const override { return m_G.Direct() ? 0 : m_MaxTeams * TileBytes(); }
    bool PackedConstantInputs() const override { return true; } // weights packed, bias copied at load

    void Execute(const ExecutionTensors& tensors) const override
    {
        ThreadScope threads(m_NumThreads);
        const size_t pixels = m_G.Pixels();
        const size_t blocks = m_G.Blocks();
        const size_t groups = (blocks + kGroupBlocks - 1) / kGroupBlocks;
        const size_t teams = std::min({static_cast<size_t>(omp_get_max_threads()), m_MaxTeams,
                                       groups * ((pixels + 23) / 24)});
        // Threads split the channel groups where that shares the work evenly (as many groups per thread, at least
        // two) or the pixels are too few to share (a fully connected layer, 3x3 maps), else the pixels: even ranges
        // rounded to 6 rows (the smallest MR), each walked in tiles, every tile's im2col rows built once for all the
        // groups. Whole groups left one thread 3 of 5 on SSD's 19x19x576->273 (1.77x on 2 threads), whole tiles of
        // 24 rows one thread 2 of 3 on 6x6 maps.
        const bool splitGroups = pixels < 12 * teams || (groups % teams == 0 && groups >= 2 * teams);
        RunInTeam(static_cast<int>(teams), [&] {
            const size_t n = static_cast<size_t>(omp_get_num_threads());
            const size_t team = static_cast<size_t>(omp_get_thread_num());
            const size_t groupBegin = splitGroups ? groups * team / n : 0;
            const size_t groupEnd = splitGroups ? groups * (team + 1) / n : groups;
            const size_t pixelBegin = splitGroups ? 0 : pixels * team / n / 6 * 6;
            const size_t pixelEnd = splitGroups || team + 1 == n ? pixels : pixels * (team + 1) / n / 6 * 6;
            uint8_t* scratch =
                m_G.Direct() ? nullptr : static_cast<uint8_t*>(tensors.m_Scratch) + team * TileBytes();
            for (size_t begin = pixelBegin; begin < pixelEnd; begin += m_TileRows)
            {
                RunTile(tensors, begin, std::min(pixelEnd, begin + m_TileRows), groupBegin, groupEnd, scratch);
            }
        });
    }

private:
    /// One thread's im2col rows and their slack, 64-byte aligned.
    size_t TileBytes() const { return (m_TileRows * m_G.K4() + kTileSlack + 63) / 64 * 64; }

    /// Pixels [begin, end) of channel groups [groupBegin, groupEnd).
    void RunTile(const ExecutionTensors& tensors, size_t begin, size_t end, size_t groupBegin, size_t groupEnd,
                 uint8_t* scratch) const
    {
        const auto* input = tensors.Input<uint8_t>(0);
        auto* out = tensors.Output<uint8_t>(0) + begin * m_G.m_N;
        const bool direct = m_G.Direct();
        const uint8_t* rows = direct ? input + begin * m_G.m_K : scratch;
        const size_t lda = direct ? m_G.m_K : m_G.K4();
        if (!direct)
        {
            Im2Col(m_G, input, m_Flip, m_ZeroPointByte, scratch, begin, end);
        }
        const bool flipInKernel = direct && m_Flip;
        Epilogue epilogue{&m_Q, m_G.m_N};
        if (m_Add)
        {
            epilogue.m_Add = m_Add.get();
            epilogue.m_Addend = tensors.Input<uint8_t>(m_AddendInput);
            epilogue.m_Output = tensors.Output<uint8_t>(0);
        }
        const size_t blocks = m_G.Blocks();
        for (size_t group = groupBegin; group < groupEnd; ++group)
        {
            const size_t first = group * kGroupBlocks;
            const size_t nr = std::min(kGroupBlocks, blocks - first);
            const int8_t* w = m_Packed.data() + first * 16 * m_G.K4();
            for (size_t p = 0; p < end - begin;)
            {
                const size_t count = std::min(RowsPerCall(nr, m_Paired), end - begin - p);
                const MicroKernelFn kernel =
                    m_Paired ? (flipInKernel ? SelectPaired<true>(count) : SelectPaired<false>(count))
                             : (flipInKernel ? Select<true>(nr, count) : Select<false>(nr, count));
                kernel(rows + p * lda, lda, count, w, m_G.K4(), first, epilogue, out + p * m_G.m_N);
                p += count;
            }
        }
    }

    GemmGeometry m_G;
    std::vector<int8_t> m_Packed;
    ChannelRequantization m_Q;
    bool m_Paired; // at most 8 channels: PairedKernel
    bool m_Flip;
    uint8_t m_ZeroPointByte;
    unsigned m_NumThreads;
    size_t m_MaxTeams;
    size_t m_TileRows;
    std::unique_ptr<ResidualAdd16> m_Add; // a fused Add or null, its addend the layer's input m_AddendInput
    size_t m_AddendInput;
};

} // namespace

bool UseQuantizedGemm(const LayerInfo& layer)
{
    static const bool vnni = __builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512bw") &&
                             __builtin_cpu_supports("avx512vl");
    // ARMNN_CPUACC_DISABLE_AVX512 (read when the layer is checked and created) leaves the layers to the oneDNN path,
    // so the tests run that path on an AVX512-VNNI machine too.
    return vnni && std::getenv("ARMNN_CPUACC_DISABLE_AVX512") == nullptr &&
           (layer.m_Type == LayerType::Convolution2d || layer.m_Type == LayerType::FullyConnected);
}

bool CheckQuantizedGemm(const LayerInfo& layer, std::string& reason)
{
    const GemmGeometry g = DescribeGemm(layer);
    if (layer.m_Type == LayerType::Convolution2d &&
        (layer.m_Inputs[0].GetNumDimensions() != 4 || layer.m_Inputs[1].GetShape()[3] != g.m_InC))
    {
        reason = "the weights' input channels differ from the input's";
        return false;
    }
    if (g.m_KH > kMaxKernelRows)
    {
        reason = "kernels taller than " + std::to_string(kMaxKernelRows) + " rows are not supported";
        return false;
    }
    if (g.m_K == 0 || g.m_N == 0 || g.Pixels() == 0)
    {
        reason = "empty weights or input";
        return false;
    }
    // Shapes the kernel indexes by (a malformed model must be refused, not read out of bounds).
    const TensorInfo& output = layer.m_Outputs[0];
    const bool outputFits = layer.m_Type == LayerType::Convolution2d
                                ? output.GetNumDimensions() == 4 && output.GetShape()[0] == g.m_Batches &&
                                      output.GetShape()[3] == g.m_N
                                : layer.m_Inputs[0].GetNumElements() % g.m_K == 0;
    if (!outputFits || output.GetNumElements() != g.Pixels() * g.m_N)
    {
        reason = "the output shape does not match the input and weights";
        return false;
    }
    if (BiasEnabled(layer) && layer.m_Inputs[2].GetNumElements() != g.m_N)
    {
        reason = "the bias has " + std::to_string(layer.m_Inputs[2].GetNumElements()) + " values for " +
                 std::to_string(g.m_N) + " output channels";
        return false;
    }
    const size_t scales = layer.m_Inputs[1].GetQuantizationScales().size();
    if (scales != 1 && scales != g.m_N)
    {
        reason = "the weights have " + std::to_string(scales) + " quantization scales for " + std::to_string(g.m_N) +
                 " output channels";
        return false;
    }
    std::vector<int8_t> matrix;
    if (!CenteredWeightMatrix(layer, g, matrix))
    {
        reason = "weights minus their zero point do not fit in int8";
        return false;
    }
    if (!SumsFitInt32(layer, g, matrix))
    {
        reason = "sums plus bias could leave int32";
        return false;
    }
    return true;
}

bool CanFuseQuantizedGemmAdd(const LayerInfo& convolution, const QuantizedResidualAdd& add)
{
    const DataType type = convolution.m_Outputs[0].GetDataType();
    QuantizedRange range;
    if (convolution.m_Type != LayerType::Convolution2d || !UseQuantizedGemm(convolution) ||
        !IsQuantized8BitAsymmetric(type) || add.m_Addend.GetDataType() != type || add.m_Output.GetDataType() != type ||
        add.m_Addend.HasPerAxisQuantization() || add.m_Output.HasPerAxisQuantization() ||
        add.m_Addend.GetShape() != convolution.m_Outputs[0].GetShape() ||
        add.m_Output.GetShape() != convolution.m_Outputs[0].GetShape() ||
        !GetActivationRange(add.m_Output, add.m_Activation, range))
    {
        return false;
    }
    // InputRescale16 takes |value - zero point| <= 255.
    const QuantizedRange values = GetQuantizedRange(type);
    for (const TensorInfo* input : {&convolution.m_Outputs[0], &add.m_Addend})
    {
        const int32_t zeroPoint = input->GetQuantizationOffset();
        if (zeroPoint < values.m_Min || zeroPoint > values.m_Max)
        {
            return false;
        }
    }
    return MakeAddMultipliers(convolution.m_Outputs[0].GetQuantizationScale(), add.m_Addend.GetQuantizationScale(),
                              add.m_Output.GetQuantizationScale())
        .Vectorizable();
}

std::unique_ptr<IWorkload> CreateQuantizedGemm(const LayerInfo& layer, const QuantizedResidualAdd* add)
{
    std::unique_ptr<ResidualAdd16> residual;
    if (add != nullptr)
    {
        if (!CanFuseQuantizedGemmAdd(layer, *add))
        {
            throw InvalidArgumentException("CpuAcc: " + layer.Describe() +
                                           ": the 8-bit GEMM cannot take the fused Add (was ARMNN_CPUACC_DISABLE_AVX512 "
                                           "set after the network was optimized?)");
        }
        const TensorInfo& output = layer.m_Outputs[0];
        QuantizedRange range;
        GetActivationRange(add->m_Output, add->m_Activation, range);
        const ResidualAdd scalar{MakeAddMultipliers(output.GetQuantizationScale(), add->m_Addend.GetQuantizationScale(),
                                                    add->m_Output.GetQuantizationScale()),
                                 output.GetQuantizationOffset(),
                                 add->m_Addend.GetQuantizationOffset(),
                                 add->m_Output.GetQuantizationOffset(),
                                 range,
                                 output.GetDataType() == DataType::QAsymmS8};
        residual = std::make_unique<ResidualAdd16>(scalar);
    }

    const GemmGeometry g = DescribeGemm(layer);
    std::vector<int8_t> matrix;
    if (!CenteredWeightMatrix(layer, g, matrix) || !SumsFitInt32(layer, g, matrix))
    {
        throw InvalidArgumentException("CpuAcc: " + layer.Describe() + ": its sums cannot be computed exactly");
    }
    ChannelRequantization q = ChannelRequantization::FromLayer(layer, BiasEnabled(layer), g.m_N);
    // Fold -p * sum(w) into the bias (mod 2^32, as the accumulators wrap).
    const int64_t zeroPointByte = ZeroPointByte(layer.m_Inputs[0]);
    for (size_t n = 0; n < g.m_N; ++n)
    {
        int64_t sum = 0;
        for (size_t k = 0; k < g.m_K; ++k)
        {
            sum += matrix[n * g.m_K + k];
        }
        const uint32_t folded = static_cast<uint32_t>(q.m_Bias[n]) - static_cast<uint32_t>(zeroPointByte * sum);
        q.m_Bias[n] = static_cast<int32_t>(folded);
    }
    // Paired: lanes 8-15 of the one block repeat channels 0-7 (PairedKernel); the other lanes requantize zeros.
    const bool paired = g.m_N <= 8 && !q.m_SingleRounding;
    if (paired)
    {
        for (std::vector<int32_t>* values : {&q.m_Bias, &q.m_Multiplier, &q.m_LeftShift, &q.m_RightShift})
        {
            std::vector<int32_t> lanes(16, 0);
            for (size_t lane = 0; lane < 16; ++lane)
            {
                lanes[lane] = lane % 8 < g.m_N ? (*values)[lane % 8] : 0;
            }
            *values = std::move(lanes);
        }
    }
    q.Tile();
    const unsigned threads = NumThreads(layer);
    ThreadScope scope(threads); // the team size Execute will get, for the scratch size
    return std::make_unique<QuantizedGemmWorkload>(g, PackWeights(g, matrix, paired), std::move(q), paired,
                                                   layer.m_Inputs[0].GetDataType() == DataType::QAsymmS8,
                                                   ZeroPointByte(layer.m_Inputs[0]), threads,
                                                   static_cast<size_t>(omp_get_max_threads()), std::move(residual),
                                                   add != nullptr ? add->m_Input : 0);
}

} // namespace cpuacc
} // namespace armnn
