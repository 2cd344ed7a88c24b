//
// 8-bit DepthwiseConvolution2d (NHWC), bit-identical to CpuRef (TensorFlow Lite's integer arithmetic,
// docs/quantization.md), in one pass with no int32 buffer: each output pixel's sums for 16 channels are built in a
// register and requantized there (ChannelRequantization's RequantizeLanes), then narrowed and stored.
//
// - Taps are read through pointers, so padding needs no bounds checks in the inner loop: an interior pixel's taps
//   are its first tap plus fixed offsets; a pixel near the border gets a table of pointers where a tap in the
//   padding points at a pixel of input zero points. Such a tap contributes x - zp = 0, as in TFLite, so the zero
//   point folds into the bias at load: sum((x - zp) * w) + bias = sum(x * w) + (bias - zp * sum(w)).
// - Two taps per vpmaddwd: their 16 input bytes interleaved and widened to int16 pairs, against weights minus
//   their zero point packed at load as int16 pairs per block of 16 channels. Centred weights up to +-255 fit, so
//   any 8-bit weights work (uint8 ones whose centred values leave int8 too). An odd tap count gets a tap of
//   weight 0.
// - int32 lanes wrap, so the folded sums come out exact whenever the true sum plus bias fits in int32; that
//   (max |x - zp| x sum of |w| + |bias| per channel) is checked at load, which also keeps CpuRef's int64 sum from
//   saturating and the requantization's 32-bit bias addition exact.
// - Depth multiplier M > 1: output channel o reads input channel o / M. A block's 16 outputs read at most 16
//   consecutive input channels, so one load and a byte shuffle gather them.
// - Fewer than 16 channels that divide 16 (8, 4, ...), multiplier 1, stride 1: the interior pixels go 16 / C to a
//   vector (their taps are 16 consecutive bytes), instead of a vector each with lanes left empty.
// - AVX-512 (F, BW for the masked byte loads and stores, VL) where the CPU has it, else a scalar loop with CpuRef's
//   arithmetic; neither needs VNNI, so unlike oneDNN's 8-bit layers this one runs on any x86-64 CPU. The
//   environment variable ARMNN_CPUACC_DISABLE_AVX512, read at load, selects the scalar loop (for the tests).
// - Stride 1, at least 16 output columns, AVX512-VNNI (RowsAvx512): each input row a thread needs is widened and
//   paired once per block into a row buffer (entry e: columns e and e + dilation as int16 pairs, padding as zero
//   points), kept while the next output rows read it, so each tap pair is one load and one vpdpwssd. Narrower
//   layers and strides of 2 were slower that way (measured) and take the per-pixel path above, as do CPUs
//   without VNNI (vpdpwssd instead of vpmaddwd + vpaddd: 5-7% here, not worth a third variant of the kernel).
// - Threads: OpenMP over output rows, NumThreads(layer) of them (row buffers: a band of consecutive rows each).
//
#include "../CpuAccKernels.hpp"
#include "../CpuAccRequantization.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace armnn
{
namespace cpuacc
{

namespace
{

struct Geometry
{
    size_t m_Batches = 0;
    size_t m_Height = 0;
    size_t m_Width = 0;
    size_t m_Inputs = 0; // input channels
    size_t m_Multiplier = 0;
    size_t m_OutHeight = 0;
    size_t m_OutWidth = 0;
    size_t m_KernelHeight = 0;
    size_t m_KernelWidth = 0;
    size_t m_StrideY = 1;
    size_t m_StrideX = 1;
    size_t m_DilationY = 1;
    size_t m_DilationX = 1;
    size_t m_PadTop = 0;
    size_t m_PadLeft = 0;

    size_t Channels() const { return m_Inputs * m_Multiplier; }
    size_t Taps() const { return m_KernelHeight * m_KernelWidth; }
    /// Taps rounded up to pairs (the AVX-512 path multiplies two taps at a time); the extra tap has weight 0.
    size_t PairedTaps() const { return (Taps() + 1) / 2 * 2; }
    size_t Blocks() const { return (Channels() + 15) / 16; }
};

/// The geometry, or false with a reason when the shapes are not those of an NHWC depthwise convolution.
bool Describe(const LayerInfo& layer, Geometry& g, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>();
    if (desc.m_DataLayout != DataLayout::NHWC)
    {
        reason = "8-bit kernels take NHWC only";
        return false;
    }
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const TensorShape& w = layer.m_Inputs[1].GetShape();
    const TensorShape& out = layer.m_Outputs[0].GetShape();
    if (in.GetNumDimensions() != 4 || out.GetNumDimensions() != 4 || w.GetNumDimensions() != 4 || w[0] != 1)
    {
        reason = "input and output must be 4D and the weights [1, H, W, C * M]";
        return false;
    }
    if (in[3] == 0 || w[3] % in[3] != 0 || out[3] != w[3] || out[0] != in[0])
    {
        reason = "output channels and weights [1, H, W, C * M] do not match the input's " + std::to_string(in[3]) +
                 " channels";
        return false;
    }
    if (desc.m_StrideX == 0 || desc.m_StrideY == 0 || desc.m_DilationX == 0 || desc.m_DilationY == 0)
    {
        reason = "strides and dilations must be at least 1";
        return false;
    }
    g.m_Batches = in[0];
    g.m_Height = in[1];
    g.m_Width = in[2];
    g.m_Inputs = in[3];
    g.m_Multiplier = w[3] / in[3];
    g.m_OutHeight = out[1];
    g.m_OutWidth = out[2];
    g.m_KernelHeight = w[1];
    g.m_KernelWidth = w[2];
    g.m_StrideY = desc.m_StrideY;
    g.m_StrideX = desc.m_StrideX;
    g.m_DilationY = desc.m_DilationY;
    g.m_DilationX = desc.m_DilationX;
    g.m_PadTop = desc.m_PadTop;
    g.m_PadLeft = desc.m_PadLeft;
    return true;
}

/// Bias per output channel (zeros without one).
std::vector<int32_t> Bias(const LayerInfo& layer, size_t channels)
{
    if (!BiasEnabled(layer))
    {
        return std::vector<int32_t>(channels, 0);
    }
    return ReadInt32(layer.m_Inputs[2], layer.m_ConstantInputs[2]);
}

/// Weights minus their zero point, [tap][channel] as the tensor [1, H, W, C * M] holds them.
std::vector<int32_t> CenteredWeights(const LayerInfo& layer)
{
    const TensorInfo& info = layer.m_Inputs[1];
    return ReadQuantized(info, layer.m_ConstantInputs[1], info.GetQuantizationOffset());
}

/// True when every channel's exact sum plus bias stays within int32 (see the top of the file).
bool SumsFitInt32(const LayerInfo& layer, const Geometry& g, const std::vector<int32_t>& weights,
                  const std::vector<int32_t>& bias)
{
    const QuantizedRange range = GetQuantizedRange(layer.m_Inputs[0].GetDataType());
    const int64_t zeroPoint = layer.m_Inputs[0].GetQuantizationOffset();
    const int64_t deviation = std::max(zeroPoint - range.m_Min, range.m_Max - zeroPoint);
    const size_t channels = g.Channels();
    for (size_t c = 0; c < channels; ++c)
    {
        int64_t weightSum = 0;
        for (size_t t = 0; t < g.Taps(); ++t)
        {
            weightSum += std::abs(static_cast<int64_t>(weights[t * channels + c]));
        }
        if (deviation * weightSum + std::abs(static_cast<int64_t>(bias[c])) > INT32_MAX)
        {
            return false;
        }
    }
    return true;
}

/// Everything a run needs, made at load: the geometry, the weights, the requantization and, for the AVX-512 path,
/// the packed blocks (Pack).
struct Plan
{
    Geometry m_Geometry;
    std::vector<int32_t> m_Weights; // [tap][channel], minus the zero point
    ChannelRequantization m_Requantization;
    int32_t m_InputZeroPoint = 0;
    std::vector<uint8_t> m_ZeroRow; // one input pixel of zero points (the same bytes for int8 and uint8)
    /// An interior pixel's taps (PairedTaps(); the extra one repeats the first), relative to its first tap's input
    /// pixel.
    std::vector<ptrdiff_t> m_TapOffsets;
    /// The output columns [begin, end) whose taps all fall inside the image's width (empty: begin == end).
    size_t m_InteriorBegin = 0;
    size_t m_InteriorEnd = 0;
    // Per block of 16 channels (Pack): per pair of taps, the 16 channels' weights as int16 pairs (tap 2p, tap
    // 2p + 1) as vpmaddwd takes them; the bias with the input zero point folded in; the first input channel the
    // block reads, how many it reads and (M > 1) which of those bytes each lane reads.
    std::vector<int16_t> m_Packed;
    std::vector<int32_t> m_FoldedBias;
    std::vector<uint8_t> m_Lane;
    std::vector<size_t> m_First;
    std::vector<size_t> m_Loaded;
    /// Output pixels per vector in interior spans: 16 / C when fewer than 16 channels divide 16, with depth
    /// multiplier 1 and horizontal stride 1, so that the pixels' inputs are 16 consecutive bytes (MobileNet v1
    /// 0.25's 8-channel layer ran half-empty vectors at twice the time); else 1. m_GroupWeights and m_GroupBias
    /// are block 0's, each lane for channel lane % C.
    size_t m_Group = 1;
    std::vector<int16_t> m_GroupWeights;
    std::vector<int32_t> m_GroupBias;
    /// Row buffers (RowsAvx512): kernel row ky's taps 2j and 2j + 1 as one int16 pair per channel, from entry
    /// e of a buffer holding input columns (e * m_EntryStep - pad, that + dilation) of one input row, so a tap
    /// pair is one load. m_RowWeights: [block][ky][j] x 16 channels x 2 int16 (the second 0 past the kernel's
    /// width). m_EntryStep: the horizontal stride where every pair starts on a multiple of it, else 1.
    size_t m_RowPairs = 0;
    size_t m_EntryStep = 1;
    size_t m_Entries = 0;
    std::vector<int16_t> m_RowWeights;

    Plan(const LayerInfo& layer, const Geometry& g)
        : m_Geometry(g), m_Weights(CenteredWeights(layer)),
          m_Requantization(ChannelRequantization::FromLayer(
              layer, BiasEnabled(layer), g.Channels())),
          m_InputZeroPoint(layer.m_Inputs[0].GetQuantizationOffset()),
          m_ZeroRow(g.m_Inputs, static_cast<uint8_t>(m_InputZeroPoint))
    {
        for (size_t ky = 0; ky < g.m_KernelHeight; ++ky)
        {
            for (size_t kx = 0; kx < g.m_KernelWidth; ++kx)
            {
                m_TapOffsets.push_back(
                    static_cast<ptrdiff_t>((ky * g.m_DilationY * g.m_Width + kx * g.m_DilationX) * g.m_Inputs));
            }
        }
        m_TapOffsets.resize(g.PairedTaps(), 0);
        for (size_t x = 0; x < g.m_OutWidth; ++x)
        {
            const size_t ix = x * g.m_StrideX;
            if (ix >= g.m_PadLeft && ix - g.m_PadLeft + (g.m_KernelWidth - 1) * g.m_DilationX < g.m_Width)
            {
                m_InteriorBegin = m_InteriorEnd == 0 ? x : m_InteriorBegin;
                m_InteriorEnd = x + 1;
            }
        }
        Pack(Bias(layer, g.Channels()));
    }

    void Pack(const std::vector<int32_t>& bias)
    {
        const Geometry& g = m_Geometry;
        const size_t channels = g.Channels();
        const size_t taps = g.Taps();
        m_Packed.assign(g.Blocks() * g.PairedTaps() * 16, 0);
        m_FoldedBias.assign(g.Blocks() * 16, 0);
        m_Lane.assign(g.Blocks() * 16, 0); // lanes past the last channel: weight 0, reading channel `first`
        for (size_t b = 0; b < g.Blocks(); ++b)
        {
            const size_t first = 16 * b / g.m_Multiplier;
            m_First.push_back(first);
            m_Loaded.push_back(std::min<size_t>(16, g.m_Inputs - first));
            for (size_t lane = 0; lane < 16 && 16 * b + lane < channels; ++lane)
            {
                const size_t c = 16 * b + lane;
                int64_t weightSum = 0;
                for (size_t t = 0; t < taps; ++t)
                {
                    // Centred weights fit int16 (checked when the layer is assigned).
                    m_Packed[(b * g.PairedTaps() + t / 2 * 2) * 16 + lane * 2 + t % 2] =
                        static_cast<int16_t>(m_Weights[t * channels + c]);
                    weightSum += m_Weights[t * channels + c];
                }
                // Wraps modulo 2^32 like the vector sums it starts; the total comes out exact (see the top).
                const int64_t folded = bias[c] - weightSum * m_InputZeroPoint;
                m_FoldedBias[b * 16 + lane] = static_cast<int32_t>(static_cast<uint32_t>(folded));
                m_Lane[b * 16 + lane] = static_cast<uint8_t>(c / g.m_Multiplier - first);
            }
        }
        m_RowPairs = (g.m_KernelWidth + 1) / 2;
        m_EntryStep = (2 * g.m_DilationX) % g.m_StrideX == 0 ? g.m_StrideX : 1;
        m_Entries = ((g.m_OutWidth - 1) * g.m_StrideX + 2 * (m_RowPairs - 1) * g.m_DilationX) / m_EntryStep + 1;
        m_RowWeights.assign(g.Blocks() * g.m_KernelHeight * m_RowPairs * 32, 0);
        for (size_t b = 0; b < g.Blocks(); ++b)
        {
            for (size_t lane = 0; lane < 16 && 16 * b + lane < channels; ++lane)
            {
                for (size_t t = 0; t < taps; ++t)
                {
                    const size_t ky = t / g.m_KernelWidth;
                    const size_t kx = t % g.m_KernelWidth;
                    m_RowWeights[((b * g.m_KernelHeight + ky) * m_RowPairs + kx / 2) * 32 + lane * 2 + kx % 2] =
                        static_cast<int16_t>(m_Weights[t * channels + 16 * b + lane]);
                }
            }
        }
        if (g.m_Multiplier == 1 && channels < 16 && 16 % channels == 0 && g.m_StrideX == 1)
        {
            m_Group = 16 / channels;
            for (size_t i = 0; i < 16; ++i)
            {
                m_GroupBias.push_back(m_FoldedBias[i % channels]);
            }
            for (size_t i = 0; i < g.PairedTaps() * 16; ++i)
            {
                // Pairs of int16: lane (i % 32) / 2 of a tap pair.
                m_GroupWeights.push_back(m_Packed[i / 32 * 32 + (i % 32 / 2 % channels) * 2 + i % 2]);
            }
        }
    }
};

/// Tap t of an interior pixel: its first tap's input pixel plus an offset.
template <typename T>
struct InteriorTaps
{
    const T* m_Base;
    const ptrdiff_t* m_Offsets;
    const T* operator()(size_t t) const { return m_Base + m_Offsets[t]; }
};

/// Tap t of a pixel near the border: from a table (the zero-point row for taps in the padding).
template <typename T>
struct BorderTaps
{
    const T* const* m_Taps;
    const T* operator()(size_t t) const { return m_Taps[t]; }
};

/// Computes output row `row` (batch and y) with `pixel`: pixel(taps, out) for one output pixel, where taps(t) is
/// the input pixel of tap t, and pixel.Span(first, step, count, out) for `count` interior pixels whose first
/// taps are at first, first + step, ... (the long middle of most rows, in one call). `border` holds
/// PairedTaps() pointers.
template <typename T, typename Pixel>
inline void ForEachPixel(const Plan& p, const T* input, size_t row, const T** border, T* out, const Pixel& pixel)
{
    const Geometry& g = p.m_Geometry;
    const size_t n = row / g.m_OutHeight;
    const size_t y = row % g.m_OutHeight;
    const T* image = input + n * g.m_Height * g.m_Width * g.m_Inputs;
    const T* zeroRow = reinterpret_cast<const T*>(p.m_ZeroRow.data());
    // Unsigned arithmetic: a coordinate in the padding above or left wraps to a huge value and fails the tests.
    const size_t iy = y * g.m_StrideY - g.m_PadTop;
    const bool rowInside = y * g.m_StrideY >= g.m_PadTop && iy + (g.m_KernelHeight - 1) * g.m_DilationY < g.m_Height;
    const size_t channels = g.Channels();
    for (size_t x = 0; x < g.m_OutWidth; ++x)
    {
        if (rowInside && x == p.m_InteriorBegin && p.m_InteriorBegin < p.m_InteriorEnd)
        {
            const size_t count = p.m_InteriorEnd - p.m_InteriorBegin;
            pixel.Span(image + (iy * g.m_Width + x * g.m_StrideX - g.m_PadLeft) * g.m_Inputs,
                       static_cast<ptrdiff_t>(g.m_StrideX * g.m_Inputs), count, out + x * channels);
            x += count - 1;
            continue;
        }
        const size_t ix = x * g.m_StrideX - g.m_PadLeft;
        const T** tap = border;
        for (size_t ky = 0; ky < g.m_KernelHeight; ++ky)
        {
            const size_t tapY = iy + ky * g.m_DilationY;
            for (size_t kx = 0; kx < g.m_KernelWidth; ++kx)
            {
                const size_t tapX = ix + kx * g.m_DilationX;
                const bool inside = tapY < g.m_Height && tapX < g.m_Width;
                *tap++ = inside ? image + (tapY * g.m_Width + tapX) * g.m_Inputs : zeroRow;
            }
        }
        pixel(BorderTaps<T>{border}, out + x * channels);
    }
}

/// CpuRef's arithmetic per channel.
template <typename T>
struct ScalarPixel
{
    const Plan& m_Plan;

    template <typename Taps>
    void operator()(const Taps& taps, T* out) const
    {
        const Geometry& g = m_Plan.m_Geometry;
        const size_t channels = g.Channels();
        for (size_t c = 0; c < channels; ++c)
        {
            int32_t sum = 0; // bounded at load
            for (size_t t = 0; t < g.Taps(); ++t)
            {
                sum += (static_cast<int32_t>(taps(t)[c / g.m_Multiplier]) - m_Plan.m_InputZeroPoint) *
                       m_Plan.m_Weights[t * channels + c];
            }
            out[c] = static_cast<T>(m_Plan.m_Requantization.Scalar(sum, c));
        }
    }

    void Span(const T* first, ptrdiff_t step, size_t count, T* out) const
    {
        for (size_t x = 0; x < count; ++x, first += step, out += m_Plan.m_Geometry.Channels())
        {
            (*this)(InteriorTaps<T>{first, m_Plan.m_TapOffsets.data()}, out);
        }
    }
};

template <typename T>
void RowScalar(const Plan& p, const T* input, size_t row, const T** border, T* out)
{
    ForEachPixel(p, input, row, border, out, ScalarPixel<T>{p});
}

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-W[maybe-]uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

#define CPUACC_AVX512BW __attribute__((target("avx512f,avx512bw,avx512vl")))
#define CPUACC_AVX512VNNI __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni")))

/// Two taps' 16 bytes interleaved (tap a's byte i, then tap b's) and widened to 32 int16 lanes.
CPUACC_AVX512BW inline __m512i Interleave(__m128i a, __m128i b, const int8_t*)
{
    return _mm512_cvtepi8_epi16(_mm256_inserti128_si256(_mm256_castsi128_si256(_mm_unpacklo_epi8(a, b)),
                                                        _mm_unpackhi_epi8(a, b), 1));
}
CPUACC_AVX512BW inline __m512i Interleave(__m128i a, __m128i b, const uint8_t*)
{
    return _mm512_cvtepu8_epi16(_mm256_inserti128_si256(_mm256_castsi128_si256(_mm_unpacklo_epi8(a, b)),
                                                        _mm_unpackhi_epi8(a, b), 1));
}

/// Every block of 16 channels of one output pixel: sums in a register (two taps per vpmaddwd), requantized,
/// narrowed, stored. It holds copies of the plan's fields: the 8-bit stores may alias anything, so fields read
/// through the plan were reloaded after every store (measured).
template <typename T, bool Gather, bool LeftShift>
struct Avx512Pixel
{
    const int16_t* m_Weights;
    const int32_t* m_Bias;
    const uint8_t* m_Lanes;
    const size_t* m_First;
    const size_t* m_Loaded;
    const ChannelRequantization* m_Requantization;
    const ptrdiff_t* m_TapOffsets;
    size_t m_Blocks;
    size_t m_Channels;
    size_t m_PairedTaps;
    size_t m_Group;
    const int16_t* m_GroupWeights;
    const int32_t* m_GroupBias;

    explicit Avx512Pixel(const Plan& p)
        : m_Weights(p.m_Packed.data()), m_Bias(p.m_FoldedBias.data()), m_Lanes(p.m_Lane.data()),
          m_First(p.m_First.data()), m_Loaded(p.m_Loaded.data()), m_Requantization(&p.m_Requantization),
          m_TapOffsets(p.m_TapOffsets.data()), m_Blocks(p.m_Geometry.Blocks()), m_Channels(p.m_Geometry.Channels()),
          m_PairedTaps(p.m_Geometry.PairedTaps()), m_Group(p.m_Group), m_GroupWeights(p.m_GroupWeights.data()),
          m_GroupBias(p.m_GroupBias.data())
    {}

    template <typename Taps>
    CPUACC_AVX512BW void operator()(const Taps& taps, T* out) const
    {
        const Avx512Pixel k = *this;
        const ChannelRequantization& q = *k.m_Requantization;
        const __m512i zeroPoint = _mm512_set1_epi32(q.m_OutputZeroPoint);
        const __m512i low = _mm512_set1_epi32(q.m_Min);
        const __m512i high = _mm512_set1_epi32(q.m_Max);
        const int16_t* weights = k.m_Weights;
        for (size_t b = 0; b < k.m_Blocks; ++b, weights += k.m_PairedTaps * 16)
        {
            const __m512i bias = _mm512_loadu_si512(k.m_Bias + 16 * b);
            const __m512i sum = k.m_Loaded[b] == 16 ? k.template Sums<true>(taps, b, weights, bias)
                                                    : k.template Sums<false>(taps, b, weights, bias);
            const __m128i bytes = _mm512_cvtepi32_epi8(
                RequantizeLanes<LeftShift>(sum, q.BlockMultipliers(b), zeroPoint, low, high));
            if (16 * b + 16 <= k.m_Channels)
            {
                _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16 * b), bytes);
            }
            else
            {
                _mm_mask_storeu_epi8(out + 16 * b, static_cast<__mmask16>((1u << (k.m_Channels - 16 * b)) - 1), bytes);
            }
        }
    }

    /// Two output pixels together, both sums before both requantizations: their chains are independent, and one
    /// pixel at a time left the core waiting on each one's (measured: MobileNet v2's depthwise layers 6% faster;
    /// the same as a loop over an array of pixels, or four at a time, was slower, the sums kept in memory).
    template <typename Taps>
    CPUACC_AVX512BW void Two(const Taps& taps0, const Taps& taps1, T* out0, T* out1) const
    {
        const ChannelRequantization& q = *m_Requantization;
        const __m512i zeroPoint = _mm512_set1_epi32(q.m_OutputZeroPoint);
        const __m512i low = _mm512_set1_epi32(q.m_Min);
        const __m512i high = _mm512_set1_epi32(q.m_Max);
        const int16_t* weights = m_Weights;
        for (size_t b = 0; b < m_Blocks; ++b, weights += m_PairedTaps * 16)
        {
            const __m512i bias = _mm512_loadu_si512(m_Bias + 16 * b);
            const bool full = m_Loaded[b] == 16;
            const __m512i sum0 = full ? Sums<true>(taps0, b, weights, bias) : Sums<false>(taps0, b, weights, bias);
            const __m512i sum1 = full ? Sums<true>(taps1, b, weights, bias) : Sums<false>(taps1, b, weights, bias);
            const __m128i bytes0 = _mm512_cvtepi32_epi8(
                RequantizeLanes<LeftShift>(sum0, q.BlockMultipliers(b), zeroPoint, low, high));
            const __m128i bytes1 = _mm512_cvtepi32_epi8(
                RequantizeLanes<LeftShift>(sum1, q.BlockMultipliers(b), zeroPoint, low, high));
            if (16 * b + 16 <= m_Channels)
            {
                _mm_storeu_si128(reinterpret_cast<__m128i*>(out0 + 16 * b), bytes0);
                _mm_storeu_si128(reinterpret_cast<__m128i*>(out1 + 16 * b), bytes1);
            }
            else
            {
                const __mmask16 mask = static_cast<__mmask16>((1u << (m_Channels - 16 * b)) - 1);
                _mm_mask_storeu_epi8(out0 + 16 * b, mask, bytes0);
                _mm_mask_storeu_epi8(out1 + 16 * b, mask, bytes1);
            }
        }
    }

    /// Block b's sums (weights: its packed weights). Full: the block reads 16 input channels, loaded whole;
    /// else a masked load (measured: masked loads on every block made MobileNet v2's depthwise layers 20% slower).
    template <bool Full, typename Taps>
    CPUACC_AVX512BW __m512i Sums(const Taps& taps, size_t b, const int16_t* weights, __m512i sum) const
    {
        const __mmask16 loadMask = static_cast<__mmask16>((1u << m_Loaded[b]) - 1);
        const size_t first = m_First[b];
        const __m128i lanes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(m_Lanes + 16 * b));
        for (size_t t = 0; t < m_PairedTaps; t += 2)
        {
            const T* p0 = taps(t) + first;
            const T* p1 = taps(t + 1) + first;
            __m128i a = Full ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(p0)) : _mm_maskz_loadu_epi8(loadMask, p0);
            __m128i c = Full ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(p1)) : _mm_maskz_loadu_epi8(loadMask, p1);
            if (Gather)
            {
                a = _mm_shuffle_epi8(a, lanes);
                c = _mm_shuffle_epi8(c, lanes);
            }
            sum = _mm512_add_epi32(sum, _mm512_madd_epi16(Interleave(a, c, p0), _mm512_loadu_si512(weights + 16 * t)));
        }
        return sum;
    }

    CPUACC_AVX512BW void Span(const T* first, ptrdiff_t step, size_t count, T* out) const
    {
        const Avx512Pixel k = *this;
        size_t x = 0;
        if (k.m_Group > 1)
        {
            // m_Group pixels per vector: their taps are 16 consecutive bytes (stride 1, C = 16 / m_Group).
            const ChannelRequantization& q = *k.m_Requantization;
            const __m512i zeroPoint = _mm512_set1_epi32(q.m_OutputZeroPoint);
            const __m512i low = _mm512_set1_epi32(q.m_Min);
            const __m512i high = _mm512_set1_epi32(q.m_Max);
            const __m512i bias = _mm512_loadu_si512(k.m_GroupBias);
            // m_Lanes' first block: channels 0, 1, ... repeated over the 16 lanes (16 is their period here).
            const int32_t* multipliers = q.m_Lanes.data() + 16;
            for (; x + k.m_Group <= count; x += k.m_Group, first += 16, out += 16)
            {
                const __m512i sum = k.template Sums<true>(InteriorTaps<T>{first, k.m_TapOffsets}, 0, k.m_GroupWeights, bias);
                _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm512_cvtepi32_epi8(RequantizeLanes<LeftShift>(
                                                                      sum, multipliers, zeroPoint, low, high)));
            }
        }
        for (; x + 2 <= count; x += 2, first += 2 * step, out += 2 * k.m_Channels)
        {
            k.Two(InteriorTaps<T>{first, k.m_TapOffsets}, InteriorTaps<T>{first + step, k.m_TapOffsets}, out,
                  out + k.m_Channels);
        }
        for (; x < count; ++x, first += step, out += k.m_Channels)
        {
            k(InteriorTaps<T>{first, k.m_TapOffsets}, out);
        }
    }
};

template <typename T, bool Gather, bool LeftShift>
CPUACC_AVX512BW void RowAvx512(const Plan& p, const T* input, size_t row, const T** border, T* out)
{
    ForEachPixel(p, input, row, border, out, Avx512Pixel<T, Gather, LeftShift>(p));
}

/// 16 bytes, or those of `mask` when the block is not whole.
template <typename T>
CPUACC_AVX512BW inline void StoreBlock(T* at, __m128i bytes, bool whole, __mmask16 mask)
{
    if (whole)
    {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(at), bytes);
    }
    else
    {
        _mm_mask_storeu_epi8(at, mask, bytes);
    }
}

/// Most tap pairs a row-buffer layer may have (kernel height x pairs per kernel row).
constexpr size_t kMaxRowTaps = 32;

/// One block of 16 channels of one output row from row buffers: pixel x's tap pair k at taps[k][x * xStep].
template <typename T>
struct BlockRow
{
    const __m512i* const* m_Taps;
    const int16_t* m_Weights; // per tap pair, 16 channels x 2 int16
    __m512i m_Bias;
    const int32_t* m_Multipliers;
    __m512i m_ZeroPoint;
    __m512i m_Low;
    __m512i m_High;
    size_t m_XStep;
    size_t m_Channels;
    bool m_Whole;
    __mmask16 m_Mask;

    /// `width` pixels to out, out + m_Channels, ... K: the tap pair count when fixed (weights kept in registers),
    /// else 0 and `count` says it. Pixels two at a time, both sums before both requantizations.
    template <size_t K, bool LeftShift>
    CPUACC_AVX512VNNI void Run(size_t count, size_t width, T* out) const
    {
        const size_t n = K != 0 ? K : count;
        __m512i fixed[K != 0 ? K : 1];
        const __m512i* taps[K != 0 ? K : 1];
        for (size_t k = 0; k < K; ++k)
        {
            fixed[k] = _mm512_loadu_si512(m_Weights + 32 * k);
            taps[k] = m_Taps[k];
        }
        auto weight = [&](size_t k) CPUACC_AVX512VNNI {
            return K != 0 ? fixed[k] : _mm512_loadu_si512(m_Weights + 32 * k);
        };
        auto tap = [&](size_t k) { return K != 0 ? taps[k] : m_Taps[k]; };
        size_t x = 0;
        for (; x + 2 <= width; x += 2)
        {
            __m512i sum0 = m_Bias;
            __m512i sum1 = m_Bias;
            for (size_t k = 0; k < n; ++k)
            {
                const __m512i* at = tap(k) + x * m_XStep;
                sum0 = _mm512_dpwssd_epi32(sum0, at[0], weight(k));
                sum1 = _mm512_dpwssd_epi32(sum1, at[m_XStep], weight(k));
            }
            const __m128i bytes0 = _mm512_cvtepi32_epi8(
                RequantizeLanes<LeftShift>(sum0, m_Multipliers, m_ZeroPoint, m_Low, m_High));
            const __m128i bytes1 = _mm512_cvtepi32_epi8(
                RequantizeLanes<LeftShift>(sum1, m_Multipliers, m_ZeroPoint, m_Low, m_High));
            StoreBlock(out + x * m_Channels, bytes0, m_Whole, m_Mask);
            StoreBlock(out + (x + 1) * m_Channels, bytes1, m_Whole, m_Mask);
        }
        for (; x < width; ++x)
        {
            __m512i sum = m_Bias;
            for (size_t k = 0; k < n; ++k)
            {
                sum = _mm512_dpwssd_epi32(sum, tap(k)[x * m_XStep], weight(k));
            }
            StoreBlock(out + x * m_Channels,
                       _mm512_cvtepi32_epi8(RequantizeLanes<LeftShift>(sum, m_Multipliers, m_ZeroPoint, m_Low, m_High)),
                       m_Whole, m_Mask);
        }
    }
};

/// One thread's rows [begin, end) through row buffers (Plan::m_RowPairs): each input row a thread needs is
/// widened and interleaved once per block and kept while the next output rows read it (a 3x3 stride-1 layer reads
/// each input row three times), so the inner loop is one load and one vpdpwssd per tap pair. `scratch`:
/// RowBufferBytes(). Output pixels go two at a time, both sums before both requantizations.
template <typename T, bool Gather, bool LeftShift>
CPUACC_AVX512VNNI void RowsAvx512(const Plan& p, const T* input, size_t begin, size_t end, __m512i* scratch,
                                std::vector<size_t>& tags, T* output)
{
    const Geometry& g = p.m_Geometry;
    const ChannelRequantization& q = p.m_Requantization;
    const __m512i zeroPoint = _mm512_set1_epi32(q.m_OutputZeroPoint);
    const __m512i low = _mm512_set1_epi32(q.m_Min);
    const __m512i high = _mm512_set1_epi32(q.m_Max);
    const __m128i inputZeroPoint = _mm_set1_epi8(static_cast<char>(p.m_InputZeroPoint));
    const size_t kh = g.m_KernelHeight;
    const size_t pairs = p.m_RowPairs;
    const size_t entries = p.m_Entries;
    const size_t step = p.m_EntryStep;
    const size_t channels = g.Channels();
    const size_t xStep = g.m_StrideX / step;
    const size_t pixelKeys = g.m_OutHeight * g.m_StrideY + kh * g.m_DilationY; // padded rows per image, bounded
    const __m512i* rows[16];
    std::fill(tags.begin(), tags.end(), SIZE_MAX);
    for (size_t r = begin; r < end; ++r)
    {
        const size_t n = r / g.m_OutHeight;
        const size_t y = r % g.m_OutHeight;
        const T* image = input + n * g.m_Height * g.m_Width * g.m_Inputs;
        T* out = output + r * g.m_OutWidth * channels;
        for (size_t b = 0; b < g.Blocks(); ++b)
        {
            const bool full = p.m_Loaded[b] == 16;
            const __mmask16 loadMask = static_cast<__mmask16>((1u << p.m_Loaded[b]) - 1);
            const size_t first = p.m_First[b];
            const __m128i lanes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p.m_Lane.data() + 16 * b));
            size_t* blockTags = tags.data() + b * kh;
            __m512i* blockRows = scratch + b * kh * entries;
            // Kernel row ky reads padded row y * stride + ky * dilation: a slot already holding it, else a slot
            // no kernel row of this output row holds.
            bool used[16] = {};
            for (size_t ky = 0; ky < kh; ++ky)
            {
                const size_t key = n * pixelKeys + y * g.m_StrideY + ky * g.m_DilationY;
                rows[ky] = nullptr;
                for (size_t s = 0; s < kh; ++s)
                {
                    if (blockTags[s] == key)
                    {
                        rows[ky] = blockRows + s * entries;
                        used[s] = true;
                    }
                }
            }
            for (size_t ky = 0; ky < kh; ++ky)
            {
                if (rows[ky] != nullptr)
                {
                    continue;
                }
                size_t s = 0;
                while (used[s])
                {
                    ++s;
                }
                used[s] = true;
                blockTags[s] = n * pixelKeys + y * g.m_StrideY + ky * g.m_DilationY;
                __m512i* buffer = blockRows + s * entries;
                rows[ky] = buffer;
                // Unsigned: a row or column in the padding wraps to a huge value and reads the zero points.
                const size_t iy = y * g.m_StrideY + ky * g.m_DilationY - g.m_PadTop;
                const T* row = iy < g.m_Height ? image + iy * g.m_Width * g.m_Inputs + first : nullptr;
                for (size_t e = 0; e < entries; ++e)
                {
                    const size_t ix = e * step - g.m_PadLeft;
                    __m128i pair[2];
                    for (size_t i = 0; i < 2; ++i)
                    {
                        const size_t at = ix + i * g.m_DilationX;
                        if (row == nullptr || at >= g.m_Width)
                        {
                            pair[i] = inputZeroPoint;
                            continue;
                        }
                        const T* from = row + at * g.m_Inputs;
                        pair[i] = full ? _mm_loadu_si128(reinterpret_cast<const __m128i*>(from))
                                       : _mm_maskz_loadu_epi8(loadMask, from);
                        pair[i] = Gather ? _mm_shuffle_epi8(pair[i], lanes) : pair[i];
                    }
                    buffer[e] = Interleave(pair[0], pair[1], static_cast<const T*>(nullptr));
                }
            }
            const __m512i* taps[kMaxRowTaps];
            for (size_t ky = 0; ky < kh; ++ky)
            {
                for (size_t j = 0; j < pairs; ++j)
                {
                    taps[ky * pairs + j] = rows[ky] + 2 * j * g.m_DilationX / step;
                }
            }
            const BlockRow<T> blockRow{taps, p.m_RowWeights.data() + b * kh * pairs * 32,
                                       _mm512_loadu_si512(p.m_FoldedBias.data() + 16 * b), q.BlockMultipliers(b),
                                       zeroPoint, low, high, xStep, channels,
                                       16 * b + 16 <= channels,
                                       static_cast<__mmask16>((1u << std::min<size_t>(16, channels - 16 * b)) - 1)};
            if (kh * pairs == 6)
            {
                blockRow.template Run<6, LeftShift>(6, g.m_OutWidth, out + 16 * b);
            }
            else
            {
                blockRow.template Run<0, LeftShift>(kh * pairs, g.m_OutWidth, out + 16 * b);
            }
        }
    }
}

#undef CPUACC_AVX512BW
#undef CPUACC_AVX512VNNI
#pragma GCC diagnostic pop

class QuantizedDepthwiseWorkload final : public IWorkload
{
public:
    QuantizedDepthwiseWorkload(const LayerInfo& layer, const Geometry& g, unsigned numThreads, size_t maxTeams)
        : m_Plan(layer, g), m_Type(layer.m_Inputs[0].GetDataType()), m_NumThreads(numThreads),
          m_MaxTeams(maxTeams),
          // ARMNN_CPUACC_DISABLE_AVX512 (read at load) lets the tests run the scalar path on an AVX-512 machine.
          m_Avx512(__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                   __builtin_cpu_supports("avx512vl") && std::getenv("ARMNN_CPUACC_DISABLE_AVX512") == nullptr),
          m_RowBuffers(m_Avx512 && __builtin_cpu_supports("avx512vnni") && m_Plan.m_Group == 1 && g.m_StrideX == 1 &&
                       g.m_OutWidth >= 16 && g.m_KernelHeight <= 16 &&
                       g.m_KernelHeight * m_Plan.m_RowPairs <= kMaxRowTaps)
    {}

    bool PackedConstantInputs() const override { return true; } // weights and bias copied at load

    /// Each thread's row buffers (RowsAvx512).
    size_t GetScratchBytes() const override { return m_RowBuffers ? m_MaxTeams * RowBufferBytes() : 0; }

    void Execute(const ExecutionTensors& tensors) const override
    {
        if (m_Type == DataType::QAsymmU8)
        {
            Run(tensors.Input<uint8_t>(0), tensors.Output<uint8_t>(0), tensors.m_Scratch);
        }
        else
        {
            Run(tensors.Input<int8_t>(0), tensors.Output<int8_t>(0), tensors.m_Scratch);
        }
    }

private:
    template <typename T>
    auto SelectRow() const
    {
        using Fn = void (*)(const Plan&, const T*, size_t, const T**, T*);
        if (!m_Avx512)
        {
            return Fn(RowScalar<T>);
        }
        const bool gather = m_Plan.m_Geometry.m_Multiplier > 1;
        const bool left = m_Plan.m_Requantization.m_AnyLeftShift;
        return gather ? (left ? Fn(RowAvx512<T, true, true>) : Fn(RowAvx512<T, true, false>))
                      : (left ? Fn(RowAvx512<T, false, true>) : Fn(RowAvx512<T, false, false>));
    }

    size_t RowBufferBytes() const
    {
        const Geometry& g = m_Plan.m_Geometry;
        return g.Blocks() * g.m_KernelHeight * m_Plan.m_Entries * 64;
    }

    template <typename T>
    auto SelectRows() const
    {
        using Fn = void (*)(const Plan&, const T*, size_t, size_t, __m512i*, std::vector<size_t>&, T*);
        const bool gather = m_Plan.m_Geometry.m_Multiplier > 1;
        const bool left = m_Plan.m_Requantization.m_AnyLeftShift;
        return gather ? (left ? Fn(RowsAvx512<T, true, true>) : Fn(RowsAvx512<T, true, false>))
                      : (left ? Fn(RowsAvx512<T, false, true>) : Fn(RowsAvx512<T, false, false>));
    }

    template <typename T>
    void Run(const T* input, T* output, void* scratch) const
    {
        const Geometry& g = m_Plan.m_Geometry;
        const size_t rows = g.m_Batches * g.m_OutHeight;
        const size_t rowValues = g.m_OutWidth * g.Channels();
        ThreadScope threads(m_NumThreads);
        const int teams = static_cast<int>(
            std::max<size_t>(1, std::min<size_t>(rows, static_cast<size_t>(omp_get_max_threads()))));
        if (m_RowBuffers)
        {
            // Each thread a band of consecutive rows, so that its row buffers serve the next rows.
            const auto bands = SelectRows<T>();
            const size_t bandTeams = std::min<size_t>(static_cast<size_t>(teams), m_MaxTeams);
            RunInTeam(static_cast<int>(bandTeams), [&] {
                const size_t n = static_cast<size_t>(omp_get_num_threads());
                const size_t team = static_cast<size_t>(omp_get_thread_num());
                std::vector<size_t> tags(g.Blocks() * g.m_KernelHeight);
                bands(m_Plan, input, rows * team / n, rows * (team + 1) / n,
                      reinterpret_cast<__m512i*>(static_cast<uint8_t*>(scratch) + team * RowBufferBytes()), tags,
                      output);
            });
            return;
        }
        const auto row = SelectRow<T>();
        RunInTeam(teams, [&] {
            // The extra tap of an odd count (weight 0) reads the zero-point row.
            std::vector<const T*> border(g.PairedTaps(), reinterpret_cast<const T*>(m_Plan.m_ZeroRow.data()));
#pragma omp for schedule(static)
            for (size_t r = 0; r < rows; ++r)
            {
                row(m_Plan, input, r, border.data(), output + r * rowValues);
            }
        });
    }

    Plan m_Plan;
    DataType m_Type;
    unsigned m_NumThreads;
    size_t m_MaxTeams;
    bool m_Avx512;
    bool m_RowBuffers;
};

} // namespace

bool CheckQuantizedDepthwise(const LayerInfo& layer, std::string& reason)
{
    Geometry g;
    if (!Describe(layer, g, reason))
    {
        return false;
    }
    const TensorInfo& weights = layer.m_Inputs[1];
    if (weights.HasMultipleQuantizationScales() &&
        (weights.GetQuantizationScales().size() != g.Channels() || weights.GetQuantizationDim().value_or(3) != 3))
    {
        reason = "per-channel weight scales must be one per output channel, along the weights' last dimension";
        return false;
    }
    if (BiasEnabled(layer) && layer.m_Inputs[2].GetNumElements() != g.Channels())
    {
        reason = "the bias must be Signed32, one per output channel";
        return false;
    }
    const DataType type = layer.m_Inputs[0].GetDataType();
    const QuantizedRange inputRange = GetQuantizedRange(type);
    const int32_t inputZeroPoint = layer.m_Inputs[0].GetQuantizationOffset();
    if (inputZeroPoint < inputRange.m_Min || inputZeroPoint > inputRange.m_Max)
    {
        reason = "the input zero point " + std::to_string(inputZeroPoint) + " is outside the input type's range";
        return false; // the padding reads stored zero points
    }
    const std::vector<int32_t> centred = CenteredWeights(layer);
    if (std::any_of(centred.begin(), centred.end(), [](int32_t w) { return w < INT16_MIN || w > INT16_MAX; }))
    {
        reason = "weights minus their zero point do not fit in int16";
        return false;
    }
    if (!SumsFitInt32(layer, g, centred, Bias(layer, g.Channels())))
    {
        reason = "sums plus bias could leave int32";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateQuantizedDepthwise(const LayerInfo& layer)
{
    std::string reason;
    Geometry g;
    if (!Describe(layer, g, reason))
    {
        throw InvalidArgumentException("CpuAcc: " + layer.Describe() + ": " + reason);
    }
    const unsigned threads = NumThreads(layer);
    ThreadScope scope(threads); // the team size Execute will get, for the scratch size
    return std::make_unique<QuantizedDepthwiseWorkload>(layer, g, threads,
                                                        static_cast<size_t>(omp_get_max_threads()));
}

} // namespace cpuacc
} // namespace armnn
