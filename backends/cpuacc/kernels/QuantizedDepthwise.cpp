//
// 8-bit DepthwiseConvolution2d (NHWC), bit-identical to CpuRef (TensorFlow Lite's integer arithmetic,
// docs/quantization.md), in one pass with no int32 buffer: each output pixel's sums for 16 channels are built in a
// register and requantized there (ChannelRequantization's RequantizeLanes), then narrowed and stored.
//
// - Every output pixel reads its taps through a row of pointers, one per tap, made per output row; a tap in the
//   padding points at a row filled with the input zero point. So the inner loop has no bounds checks and, since a
//   padded tap contributes x - zp = 0 as in TFLite, the zero point folds into the bias at load:
//   sum((x - zp) * w) + bias = sum(x * w) + (bias - zp * sum(w)).
// - Weights minus their zero point are widened to int32 at load, per block of 16 channels and tap: any 8-bit
//   weights work (uint8 ones whose centred values leave int8 too).
// - int32 lanes wrap, so the folded sums come out exact whenever the true sum plus bias fits in int32; that
//   (max |x - zp| x sum of |w| + |bias| per channel) is checked at load, which also keeps CpuRef's int64 sum from
//   saturating.
// - Depth multiplier M > 1: output channel o reads input channel o / M. A block's 16 outputs read at most 16
//   consecutive input channels, so one load plus a lane permutation (vpermd) gathers them.
// - AVX-512 (F, BW for the masked byte loads and stores, VL) where the CPU has it, else a scalar loop; neither
//   needs VNNI, so unlike the oneDNN-based 8-bit layers this one runs on any x86-64 CPU.
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
    if (!layer.GetDescriptor<DepthwiseConvolution2dDescriptor>().m_BiasEnabled)
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

class QuantizedDepthwiseWorkload final : public IWorkload
{
public:
    QuantizedDepthwiseWorkload(const LayerInfo& layer, const Geometry& g, unsigned numThreads)
        : m_Geometry(g), m_Weights(CenteredWeights(layer)),
          m_Requantization(ChannelRequantization::FromLayer(
              layer, layer.GetDescriptor<DepthwiseConvolution2dDescriptor>().m_BiasEnabled, g.Channels())),
          m_InputZeroPoint(layer.m_Inputs[0].GetQuantizationOffset()), m_Type(layer.m_Inputs[0].GetDataType()),
          m_NumThreads(numThreads),
          m_Avx512(__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                   __builtin_cpu_supports("avx512vl"))
    {
        m_ZeroRow.assign(g.m_Inputs, static_cast<uint8_t>(m_InputZeroPoint)); // same bytes for int8 and uint8
        if (m_Avx512)
        {
            Pack(Bias(layer, g.Channels()));
        }
    }

    bool PackedConstantInputs() const override { return true; } // weights and bias copied at load

    void Execute(const ExecutionTensors& tensors) const override
    {
        if (m_Type == DataType::QAsymmU8)
        {
            Run(tensors.Input<uint8_t>(0), tensors.Output<uint8_t>(0));
        }
        else
        {
            Run(tensors.Input<int8_t>(0), tensors.Output<int8_t>(0));
        }
    }

private:
    /// Per block of 16 channels: the weights of each tap widened to int32, the bias with the input zero point
    /// folded in, where the block's input channels start, how many of them there are and (M > 1) which of them
    /// each lane reads. Lanes past the last channel get weight 0 and read channel `first`.
    void Pack(const std::vector<int32_t>& bias)
    {
        const Geometry& g = m_Geometry;
        const size_t channels = g.Channels();
        const size_t taps = g.Taps();
        m_Packed.assign(g.Blocks() * taps * 16, 0);
        m_FoldedBias.assign(g.Blocks() * 16, 0);
        m_Lane.assign(g.Blocks() * 16, 0);
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
                    m_Packed[(b * taps + t) * 16 + lane] = m_Weights[t * channels + c];
                    weightSum += m_Weights[t * channels + c];
                }
                // Wraps modulo 2^32 like the vector sums it starts; the total comes out exact (see the top).
                const int64_t folded = bias[c] - weightSum * m_InputZeroPoint;
                m_FoldedBias[b * 16 + lane] = static_cast<int32_t>(static_cast<uint32_t>(folded));
                m_Lane[b * 16 + lane] = static_cast<int32_t>(c / g.m_Multiplier - first);
            }
        }
    }

    /// Points taps[x * Taps() + t] at tap t's input pixel for output pixel x of output row `row` (batch and y).
    template <typename T>
    void TapPointers(const T* input, size_t row, const T** taps) const
    {
        const Geometry& g = m_Geometry;
        const size_t n = row / g.m_OutHeight;
        const size_t y = row % g.m_OutHeight;
        const T* zeroRow = reinterpret_cast<const T*>(m_ZeroRow.data());
        for (size_t x = 0; x < g.m_OutWidth; ++x)
        {
            for (size_t ky = 0; ky < g.m_KernelHeight; ++ky)
            {
                // Unsigned arithmetic: a coordinate above the padding wraps to a huge value and fails the test.
                const size_t iy = y * g.m_StrideY + ky * g.m_DilationY - g.m_PadTop;
                for (size_t kx = 0; kx < g.m_KernelWidth; ++kx)
                {
                    const size_t ix = x * g.m_StrideX + kx * g.m_DilationX - g.m_PadLeft;
                    const bool inside = iy < g.m_Height && ix < g.m_Width;
                    *taps++ = inside ? input + ((n * g.m_Height + iy) * g.m_Width + ix) * g.m_Inputs : zeroRow;
                }
            }
        }
    }

    template <typename T>
    void RowScalar(const T* const* taps, T* out) const
    {
        const Geometry& g = m_Geometry;
        const size_t channels = g.Channels();
        for (size_t x = 0; x < g.m_OutWidth; ++x, taps += g.Taps(), out += channels)
        {
            for (size_t c = 0; c < channels; ++c)
            {
                int32_t sum = 0; // bounded at load
                for (size_t t = 0; t < g.Taps(); ++t)
                {
                    sum += (static_cast<int32_t>(taps[t][c / g.m_Multiplier]) - m_InputZeroPoint) *
                           m_Weights[t * channels + c];
                }
                out[c] = static_cast<T>(m_Requantization.Scalar(sum, c));
            }
        }
    }

    template <typename T>
    void Run(const T* input, T* output) const
    {
        const Geometry& g = m_Geometry;
        const size_t rows = g.m_Batches * g.m_OutHeight;
        const size_t rowValues = g.m_OutWidth * g.Channels();
        ThreadScope threads(m_NumThreads);
        const int teams = static_cast<int>(std::min<size_t>(rows, static_cast<size_t>(omp_get_max_threads())));
#pragma omp parallel num_threads(teams) if (teams > 1)
        {
            std::vector<const T*> taps(g.m_OutWidth * g.Taps());
#pragma omp for schedule(static)
            for (size_t row = 0; row < rows; ++row)
            {
                TapPointers(input, row, taps.data());
                if (m_Avx512)
                {
                    RowAvx512(taps.data(), output + row * rowValues);
                }
                else
                {
                    RowScalar(taps.data(), output + row * rowValues);
                }
            }
        }
    }

    template <typename T>
    void RowAvx512(const T* const* taps, T* out) const;

    Geometry m_Geometry;
    std::vector<int32_t> m_Weights; // [tap][channel], minus the zero point
    ChannelRequantization m_Requantization;
    int32_t m_InputZeroPoint;
    DataType m_Type;
    unsigned m_NumThreads;
    bool m_Avx512;
    std::vector<uint8_t> m_ZeroRow;
    // The AVX-512 path's packing (Pack).
    std::vector<int32_t> m_Packed;
    std::vector<int32_t> m_FoldedBias;
    std::vector<int32_t> m_Lane;
    std::vector<size_t> m_First;
    std::vector<size_t> m_Loaded;
};

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-Wmaybe-uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

__attribute__((target("avx512f,avx512bw,avx512vl"))) inline __m512i Widen(__m128i bytes, const int8_t*)
{
    return _mm512_cvtepi8_epi32(bytes);
}
__attribute__((target("avx512f,avx512bw,avx512vl"))) inline __m512i Widen(__m128i bytes, const uint8_t*)
{
    return _mm512_cvtepu8_epi32(bytes);
}

/// One output row, block by block of 16 channels (the block's weights stay in L1 over the row).
template <typename T, bool Gather, bool LeftShift>
__attribute__((target("avx512f,avx512bw,avx512vl"))) void DepthwiseRow(
    const Geometry& g, const T* const* taps, T* out, const int32_t* packed, const int32_t* foldedBias,
    const int32_t* lanes, const size_t* first, const size_t* loaded, const ChannelRequantization& q)
{
    const size_t channels = g.Channels();
    const size_t tapCount = g.Taps();
    const __m512i zeroPoint = _mm512_set1_epi32(q.m_OutputZeroPoint);
    const __m512i low = _mm512_set1_epi32(q.m_Min);
    const __m512i high = _mm512_set1_epi32(q.m_Max);
    for (size_t b = 0; b < g.Blocks(); ++b)
    {
        const __mmask16 loadMask = static_cast<__mmask16>((1u << loaded[b]) - 1);
        const size_t stored = std::min<size_t>(16, channels - 16 * b);
        const __mmask16 storeMask = static_cast<__mmask16>((1u << stored) - 1);
        const __m512i bias = _mm512_loadu_si512(foldedBias + 16 * b);
        const __m512i lane = _mm512_loadu_si512(lanes + 16 * b);
        const int32_t* weights = packed + b * tapCount * 16;
        const int32_t* multipliers = q.BlockMultipliers(b);
        const size_t offset = first[b];
        T* o = out + 16 * b;
        const T* const* pixel = taps;
        for (size_t x = 0; x < g.m_OutWidth; ++x, pixel += tapCount, o += channels)
        {
            __m512i sum = bias;
            for (size_t t = 0; t < tapCount; ++t)
            {
                __m512i v = Widen(_mm_maskz_loadu_epi8(loadMask, pixel[t] + offset), pixel[t]);
                if (Gather)
                {
                    v = _mm512_permutexvar_epi32(lane, v);
                }
                sum = _mm512_add_epi32(sum, _mm512_mullo_epi32(v, _mm512_loadu_si512(weights + 16 * t)));
            }
            const __m128i bytes = _mm512_cvtepi32_epi8(RequantizeLanes<LeftShift>(sum, multipliers, zeroPoint, low, high));
            _mm_mask_storeu_epi8(o, storeMask, bytes);
        }
    }
}

#pragma GCC diagnostic pop

template <typename T>
void QuantizedDepthwiseWorkload::RowAvx512(const T* const* taps, T* out) const
{
    const bool gather = m_Geometry.m_Multiplier > 1;
    const auto row = gather ? (m_Requantization.m_AnyLeftShift ? DepthwiseRow<T, true, true> : DepthwiseRow<T, true, false>)
                            : (m_Requantization.m_AnyLeftShift ? DepthwiseRow<T, false, true> : DepthwiseRow<T, false, false>);
    row(m_Geometry, taps, out, m_Packed.data(), m_FoldedBias.data(), m_Lane.data(), m_First.data(), m_Loaded.data(),
        m_Requantization);
}

} // namespace

bool CheckQuantizedDepthwise(const LayerInfo& layer, std::string& reason)
{
    const DataType type = layer.m_Inputs[0].GetDataType();
    if (layer.m_Outputs[0].GetDataType() != type)
    {
        reason = std::string("output data type ") + GetDataTypeName(layer.m_Outputs[0].GetDataType()) +
                 " differs from the input's " + GetDataTypeName(type);
        return false;
    }
    if (layer.m_Inputs[0].HasPerAxisQuantization() || layer.m_Outputs[0].HasPerAxisQuantization())
    {
        reason = "per-axis quantization is supported on the weights only";
        return false;
    }
    const bool bias = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>().m_BiasEnabled;
    if (layer.m_Inputs.size() < (bias ? 3u : 2u))
    {
        reason = "the weights or bias input is missing";
        return false;
    }
    Geometry g;
    if (!Describe(layer, g, reason))
    {
        return false;
    }
    const TensorInfo& weights = layer.m_Inputs[1];
    const DataType weightType = weights.GetDataType();
    if (weightType != DataType::QAsymmS8 && weightType != DataType::QSymmS8 && weightType != DataType::QAsymmU8)
    {
        reason = std::string("weights of data type ") + GetDataTypeName(weightType) + " are not 8-bit";
        return false;
    }
    if (weights.HasMultipleQuantizationScales() &&
        (weights.GetQuantizationScales().size() != g.Channels() || weights.GetQuantizationDim().value_or(3) != 3))
    {
        reason = "per-channel weight scales must be one per output channel, along the weights' last dimension";
        return false;
    }
    if (bias && (layer.m_Inputs[2].GetDataType() != DataType::Signed32 ||
                 layer.m_Inputs[2].GetNumElements() != g.Channels()))
    {
        reason = "the bias must be Signed32, one per output channel";
        return false;
    }
    if (!CheckConstantInputs(layer, bias ? std::initializer_list<size_t>{1, 2} : std::initializer_list<size_t>{1},
                             reason))
    {
        reason += " (CpuAcc packs weights and bias once, at load)";
        return false;
    }
    QuantizedRange range;
    if (!GetActivationRange(layer.m_Outputs[0], layer.m_FusedActivation, range))
    {
        reason = "the fused activation is not a clamp";
        return false;
    }
    if (!SumsFitInt32(layer, g, CenteredWeights(layer), Bias(layer, g.Channels())))
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
    return std::make_unique<QuantizedDepthwiseWorkload>(layer, g, NumThreads(layer));
}

} // namespace cpuacc
} // namespace armnn
