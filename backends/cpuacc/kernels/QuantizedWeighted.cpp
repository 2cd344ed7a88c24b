//
// 8-bit Convolution2d, DepthwiseConvolution2d and FullyConnected, bit-identical to CpuRef (TensorFlow Lite's
// integer arithmetic, docs/quantization.md). Depthwise layers go to QuantizedDepthwise.cpp and, on AVX512-VNNI
// CPUs, Convolution2d and FullyConnected to QuantizedGemm.cpp (the dispatch at the top of the check and the create
// below). What stays here is the path for CPUs with AVX-VNNI but not AVX512-VNNI: oneDNN's int8 convolution
// computes the exact int32 sums sum((input - input zero point) * (weights - weights zero point)) into scratch
// memory, then our requantization adds the int32 bias and applies QuantizedArithmetic's fixed-point multiplier, the
// output zero point and the fused activation's clamp. Both layers are one oneDNN convolution (a fully connected
// layer is a 1x1 convolution over a 1x1 image).
//
// Exactness conditions, checked when the layer is assigned (else it falls back to CpuRef):
// - the CPU has VNNI (AVX512-VNNI or AVX-VNNI, as oneDNN sees it): without it oneDNN multiplies u8 x s8 pairs with
//   vpmaddubsw, whose 16-bit pair sums saturate;
// - weights minus their zero point fit in int8 (always for int8 weights; uint8 weights with zero point 128 or a
//   range that fits), so the zero point is folded into the packed weights at load;
// - every sum oneDNN writes stays within +-2^24: it converts its int32 sums to float before writing an s32 output,
//   which is exact only up to 2^24. Bounded at load by max |input - zero point| x the sum of |weights| of a channel;
//   where that could pass 2^24, the input channels are split into slices whose partial sums cannot (SplitForExactSums),
//   and the whole sum plus bias must stay within int32;
// - NHWC (the channel is the innermost dimension of the output).
//
#include "../CpuAccKernels.hpp"
#include "../CpuAccRequantization.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

#include <omp.h>

#include <algorithm>
#include <numeric>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

namespace armnn
{
namespace cpuacc
{

namespace
{
using dims = dnnl::memory::dims;
using dt = dnnl::memory::data_type;

/// The layer as one oneDNN convolution: sources, s32 sums, weights in the user layout as s8, the geometry, where
/// each weight element's output channel is, (index / m_ChannelDivisor) % m_Channels, and its input channel,
/// (index / m_InputDivisor) % m_Inputs. With m_Splits > 1 the input channels are cut into that many slices, run as
/// the groups of a grouped convolution whose outputs are partial sums: output channel o of slice s is channel
/// s * m_Channels + o of m_Sums.
struct Geometry
{
    dnnl::memory::desc m_Src;
    dnnl::memory::desc m_Sums;
    dnnl::memory::desc m_UserWeights;
    dims m_Strides{1, 1};
    dims m_Dilations{0, 0};
    dims m_PadBefore{0, 0};
    dims m_PadAfter{0, 0};
    size_t m_ChannelDivisor = 1;
    size_t m_Channels = 1;
    size_t m_InputDivisor = 1;
    size_t m_Inputs = 1;
    size_t m_Splits = 1;
};

dt ToDnnlType(DataType type)
{
    return type == DataType::QAsymmU8 ? dt::u8 : dt::s8;
}

template <typename Descriptor>
void SetConvolutionGeometry(const Descriptor& desc, Geometry& g)
{
    g.m_Strides = {desc.m_StrideY, desc.m_StrideX};
    g.m_Dilations = {desc.m_DilationY - 1, desc.m_DilationX - 1}; // oneDNN counts dilation from 0
    g.m_PadBefore = {desc.m_PadTop, desc.m_PadLeft};
    g.m_PadAfter = {desc.m_PadBottom, desc.m_PadRight};
}

Geometry Describe(const LayerInfo& layer)
{
    Geometry g;
    const dt srcType = ToDnnlType(layer.m_Inputs[0].GetDataType());
    const TensorShape& w = layer.m_Inputs[1].GetShape();
    switch (layer.m_Type)
    {
        case LayerType::Convolution2d:
        {
            const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
            g.m_Src = Image(layer.m_Inputs[0].GetShape(), desc.m_DataLayout, srcType);
            g.m_Sums = Image(layer.m_Outputs[0].GetShape(), desc.m_DataLayout, dt::s32);
            g.m_UserWeights = Image(w, desc.m_DataLayout, dt::s8); // [O, H, W, I]
            g.m_ChannelDivisor = w.GetNumElements() / w[0];
            g.m_Channels = w[0];
            g.m_Inputs = static_cast<size_t>(g.m_UserWeights.dims()[1]);
            SetConvolutionGeometry(desc, g);
            break;
        }
        default:
        {
            // FullyConnected: input [batches, inputs] as a 1x1 image; weights [O, I] (transposed) or [I, O].
            const bool transposed = layer.GetDescriptor<FullyConnectedDescriptor>().m_TransposeWeightMatrix;
            const dnnl::memory::dim inputs = transposed ? w[1] : w[0];
            const dnnl::memory::dim outputs = transposed ? w[0] : w[1];
            const dnnl::memory::dim batches =
                static_cast<dnnl::memory::dim>(layer.m_Inputs[0].GetNumElements()) / inputs;
            g.m_Src = dnnl::memory::desc({batches, inputs, 1, 1}, srcType, dnnl::memory::format_tag::nhwc);
            g.m_Sums = dnnl::memory::desc({batches, outputs, 1, 1}, dt::s32, dnnl::memory::format_tag::nhwc);
            g.m_UserWeights = dnnl::memory::desc({outputs, inputs, 1, 1}, dt::s8,
                                                 transposed ? dims{inputs, 1, 1, 1} : dims{1, outputs, 1, 1});
            g.m_ChannelDivisor = transposed ? static_cast<size_t>(inputs) : 1;
            g.m_Channels = static_cast<size_t>(outputs);
            g.m_InputDivisor = transposed ? 1 : static_cast<size_t>(outputs);
            g.m_Inputs = static_cast<size_t>(inputs);
            break;
        }
    }
    return g;
}

dnnl::convolution_forward::primitive_desc Primitive(const Geometry& g)
{
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    attr.set_zero_points(DNNL_ARG_SRC, 0, {DNNL_RUNTIME_S32_VAL});
    const dnnl::memory::desc weights(g.m_UserWeights.dims(), dt::s8, dnnl::memory::format_tag::any);
    const dnnl::convolution_forward::desc conv(dnnl::prop_kind::forward_inference,
                                               dnnl::algorithm::convolution_direct, g.m_Src, weights, g.m_Sums,
                                               g.m_Strides, g.m_Dilations, g.m_PadBefore, g.m_PadAfter);
    return dnnl::convolution_forward::primitive_desc(conv, attr, Engine());
}

/// oneDNN's int8 kernels are exact only with VNNI (see the top of the file).
bool HasVnni()
{
    using isa = dnnl::cpu_isa;
    const isa effective = dnnl::get_effective_cpu_isa();
    return effective == isa::avx512_core_vnni || effective == isa::avx512_core_bf16 ||
           effective == isa::avx512_core_amx || effective == isa::avx2_vnni;
}

/// Weights minus their zero point, in the tensor's element order; false when one does not fit in int8.
bool CenteredWeights(const LayerInfo& layer, std::vector<int8_t>& weights)
{
    const TensorInfo& info = layer.m_Inputs[1];
    const std::vector<int32_t> values = ReadQuantized(info, layer.m_ConstantInputs[1], info.GetQuantizationOffset());
    weights.resize(values.size());
    for (size_t i = 0; i < values.size(); ++i)
    {
        if (values[i] < -128 || values[i] > 127)
        {
            return false;
        }
        weights[i] = static_cast<int8_t>(values[i]);
    }
    return true;
}

/// Per output channel and input channel (o * m_Inputs + i): the sum of |weights - zero point| over the kernel
/// window (int32: at most 128 per tap).
std::vector<int32_t> PairBounds(const Geometry& g, const std::vector<int8_t>& weights)
{
    std::vector<int32_t> bounds(g.m_Channels * g.m_Inputs, 0);
    // (i / divisor) % count for both channels, kept as counters (divisions per weight made ResNet-50's load slow).
    size_t channel = 0;
    size_t channelStep = 0;
    size_t input = 0; // depthwise layers leave m_Inputs at 1: one input channel per output channel
    size_t inputStep = 0;
    for (const int8_t weight : weights)
    {
        bounds[channel * g.m_Inputs + input] += std::abs(static_cast<int32_t>(weight));
        if (++channelStep == g.m_ChannelDivisor)
        {
            channelStep = 0;
            channel = channel + 1 == g.m_Channels ? 0 : channel + 1;
        }
        if (++inputStep == g.m_InputDivisor)
        {
            inputStep = 0;
            input = input + 1 == g.m_Inputs ? 0 : input + 1;
        }
    }
    return bounds;
}

/// The largest |sum| one output channel can reach over any of `slices` equal slices of the input channels:
/// max |input - zero point| (`deviation`) times that slice's sum of |weights - zero point|, from `running`:
/// per output channel, the running sums of PairBounds over its input channels.
int64_t LargestSliceBound(const Geometry& g, const std::vector<int32_t>& running, int64_t deviation, size_t slices)
{
    const size_t size = g.m_Inputs / slices;
    int64_t largest = 0;
    for (size_t o = 0; o < g.m_Channels; ++o)
    {
        const int32_t* channel = running.data() + o * g.m_Inputs;
        for (size_t s = 0; s < slices; ++s)
        {
            const int64_t before = s == 0 ? 0 : channel[s * size - 1];
            largest = std::max(largest, channel[(s + 1) * size - 1] - before);
        }
    }
    return largest * deviation;
}

/// oneDNN converts its int32 sums to float before writing an s32 output, exact up to 2^24 only. When a channel's
/// sum could go beyond, the input channels are split into the fewest slices (a divisor of their count) whose
/// sums stay within it; false when even single channels do not, or when the whole sum with the bias could leave
/// int32 (then CpuRef's int64 sum saturates, which the partial sums would not reproduce).
bool SplitForExactSums(const LayerInfo& layer, Geometry& g, const std::vector<int8_t>& weights)
{
    constexpr int64_t kExact = int64_t(1) << 24;
    int64_t bias = 0;
    if (layer.m_Inputs.size() > 2 && layer.IsConstantInput(2))
    {
        for (int32_t b : ReadInt32(layer.m_Inputs[2], layer.m_ConstantInputs[2]))
        {
            bias = std::max<int64_t>(bias, std::abs(static_cast<int64_t>(b)));
        }
    }
    // Running sums over each output channel's inputs, in place. A channel whose total passes INT32_MAX is refused
    // anyway (its sum times the input deviation, at least 127, cannot stay within int32).
    std::vector<int32_t> running = PairBounds(g, weights);
    for (size_t o = 0; o < g.m_Channels; ++o)
    {
        int64_t sum = 0;
        for (size_t i = 0; i < g.m_Inputs; ++i)
        {
            sum += running[o * g.m_Inputs + i];
            if (sum > INT32_MAX)
            {
                return false;
            }
            running[o * g.m_Inputs + i] = static_cast<int32_t>(sum);
        }
    }
    const QuantizedRange range = GetQuantizedRange(layer.m_Inputs[0].GetDataType());
    const int64_t zeroPoint = layer.m_Inputs[0].GetQuantizationOffset();
    const int64_t deviation = std::max(zeroPoint - range.m_Min, range.m_Max - zeroPoint);
    const int64_t whole = LargestSliceBound(g, running, deviation, 1);
    if (whole + bias > INT32_MAX)
    {
        return false;
    }
    if (whole <= kExact)
    {
        return true;
    }
    for (size_t slices = 2; slices <= g.m_Inputs; ++slices)
    {
        if (g.m_Inputs % slices != 0)
        {
            continue;
        }
        if (LargestSliceBound(g, running, deviation, slices) > kExact)
        {
            continue;
        }
        // Weights {G, O, I/G, H, W} over the same user data; sums {N, G*O, OH, OW}.
        const dims w = g.m_UserWeights.dims();
        const auto& strides = g.m_UserWeights.data.format_desc.blocking.strides;
        const dnnl::memory::dim slice = static_cast<dnnl::memory::dim>(g.m_Inputs / slices);
        const dnnl::memory::dim groups = static_cast<dnnl::memory::dim>(slices);
        g.m_UserWeights = dnnl::memory::desc({groups, w[0], slice, w[2], w[3]}, dt::s8,
                                             {strides[1] * slice, strides[0], strides[1], strides[2], strides[3]});
        dims sums = g.m_Sums.dims();
        sums[1] *= groups;
        g.m_Sums = dnnl::memory::desc(sums, dt::s32, dnnl::memory::format_tag::nhwc);
        g.m_Splits = slices;
        return true;
    }
    return false;
}

constexpr size_t kAlignment = 64;

/// Requantized values per thread below which the pass stays single-threaded (measured, see docs/cpuacc.md).
constexpr size_t kParallelElements = 32768;

size_t AlignUp(size_t bytes)
{
    return (bytes + kAlignment - 1) / kAlignment * kAlignment;
}

class QuantizedWeightedWorkload final : public IWorkload
{
public:
    QuantizedWeightedWorkload(const dnnl::convolution_forward::primitive_desc& pd, dnnl::memory weights,
                              int32_t inputZeroPoint, ChannelRequantization q, size_t channels, size_t splits,
                              DataType outputType, unsigned numThreads)
        : m_Primitive(pd), m_Sums(pd.dst_desc()), m_ScratchpadBytes(pd.scratchpad_desc().get_size()),
          m_Pool(Slots(pd), {{DNNL_ARG_WEIGHTS, std::move(weights)},
                             {DNNL_ARG_ATTR_ZERO_POINTS | DNNL_ARG_SRC, ZeroPoint(inputZeroPoint)}}),
          m_Requantization(std::move(q)), m_Channels(channels), m_Splits(splits), m_OutputType(outputType),
          m_NumThreads(numThreads)
    {}

    size_t GetScratchBytes() const override { return AlignUp(m_ScratchpadBytes) + m_Sums.get_size(); }
    bool PackedConstantInputs() const override { return true; } // weights packed, bias copied at load

    void Execute(const ExecutionTensors& tensors) const override
    {
        ThreadScope threads(m_NumThreads);
        auto* scratch = static_cast<char*>(tensors.m_Scratch);
        auto* sums = reinterpret_cast<int32_t*>(scratch + AlignUp(m_ScratchpadBytes));
        {
            const ArgumentPool::Lease arguments = m_Pool.Take();
            arguments->Bind(0, tensors.Input(0));
            arguments->Bind(1, sums);
            if (m_ScratchpadBytes != 0)
            {
                arguments->Bind(2, scratch);
            }
            arguments->Execute(m_Primitive);
        }

        const size_t pixels = m_Sums.get_size() / sizeof(int32_t) / (m_Channels * m_Splits);
        if (m_Splits > 1)
        {
            // Add each pixel's partial sums into its first m_Channels values, packing pixels to the front. The
            // split guarantees the total stays within int32. Reads of pixel p never come after its writes.
            for (size_t p = 0; p < pixels; ++p)
            {
                const int32_t* partial = sums + p * m_Channels * m_Splits;
                int32_t* total = sums + p * m_Channels;
                for (size_t c = 0; c < m_Channels; ++c)
                {
                    int32_t sum = partial[c];
                    for (size_t s = 1; s < m_Splits; ++s)
                    {
                        sum += partial[s * m_Channels + c];
                    }
                    total[c] = sum;
                }
            }
        }
        // Split over the threads in whole vectors; small layers stay on the calling thread (an OpenMP region
        // costs more than requantizing kParallelElements values).
        const size_t count = pixels * m_Channels;
        const size_t vectors = (count + 15) / 16;
        const int teams = std::max(1, std::min<int>(omp_get_max_threads(), static_cast<int>(count / kParallelElements)));
        RunInTeam(teams, [&] {
            const size_t n = static_cast<size_t>(omp_get_num_threads());
            const size_t team = static_cast<size_t>(omp_get_thread_num());
            const size_t begin = std::min(count, vectors * team / n * 16);
            const size_t end = std::min(count, vectors * (team + 1) / n * 16);
            if (m_OutputType == DataType::QAsymmU8)
            {
                RequantizeSums(sums, begin, end, m_Requantization, static_cast<uint8_t*>(tensors.Output(0)));
            }
            else
            {
                RequantizeSums(sums, begin, end, m_Requantization, static_cast<int8_t*>(tensors.Output(0)));
            }
        });
    }

private:
    /// Bound per call: the source, the sums and the scratchpad (when oneDNN needs one).
    static std::vector<std::pair<int, dnnl::memory::desc>> Slots(const dnnl::convolution_forward::primitive_desc& pd)
    {
        std::vector<std::pair<int, dnnl::memory::desc>> slots = {{DNNL_ARG_SRC, pd.src_desc()},
                                                                 {DNNL_ARG_DST, pd.dst_desc()}};
        if (pd.scratchpad_desc().get_size() != 0)
        {
            slots.emplace_back(DNNL_ARG_SCRATCHPAD, pd.scratchpad_desc());
        }
        return slots;
    }

    static dnnl::memory ZeroPoint(int32_t value)
    {
        dnnl::memory zeroPoint(dnnl::memory::desc({1}, dt::s32, dnnl::memory::format_tag::x), Engine());
        *static_cast<int32_t*>(zeroPoint.get_data_handle()) = value;
        return zeroPoint;
    }

    dnnl::primitive m_Primitive;
    dnnl::memory::desc m_Sums;
    size_t m_ScratchpadBytes;
    ArgumentPool m_Pool;
    ChannelRequantization m_Requantization;
    size_t m_Channels;
    size_t m_Splits;
    DataType m_OutputType;
    unsigned m_NumThreads;
};

DataLayout Layout(const LayerInfo& layer)
{
    switch (layer.m_Type)
    {
        case LayerType::Convolution2d: return layer.GetDescriptor<Convolution2dDescriptor>().m_DataLayout;
        case LayerType::DepthwiseConvolution2d:
            return layer.GetDescriptor<DepthwiseConvolution2dDescriptor>().m_DataLayout;
        default: return DataLayout::NHWC;
    }
}

/// What every 8-bit weighted kernel (the GEMM, the depthwise kernel, the oneDNN path) requires: one data type in
/// and out, NHWC, per-tensor input and output quantization, 8-bit constant weights, a constant Signed32 bias, a
/// fused activation that is a clamp.
bool CheckCommonQuantizedWeighted(const LayerInfo& layer, std::string& reason)
{
    const DataType type = layer.m_Inputs[0].GetDataType();
    if (layer.m_Outputs[0].GetDataType() != type)
    {
        reason = std::string("output data type ") + GetDataTypeName(layer.m_Outputs[0].GetDataType()) +
                 " differs from the input's " + GetDataTypeName(type);
        return false;
    }
    if (Layout(layer) != DataLayout::NHWC)
    {
        reason = "8-bit kernels take NHWC only";
        return false;
    }
    if (layer.m_Inputs[0].HasPerAxisQuantization() || layer.m_Outputs[0].HasPerAxisQuantization())
    {
        reason = "per-axis quantization is supported on the weights only";
        return false;
    }
    const bool bias = BiasEnabled(layer);
    if (layer.m_Inputs.size() < (bias ? 3u : 2u))
    {
        reason = "the weights or bias input is missing";
        return false;
    }
    const DataType weightType = layer.m_Inputs[1].GetDataType();
    if (weightType != DataType::QAsymmS8 && weightType != DataType::QSymmS8 && weightType != DataType::QAsymmU8)
    {
        reason = std::string("weights of data type ") + GetDataTypeName(weightType) + " are not 8-bit";
        return false;
    }
    if (bias && layer.m_Inputs[2].GetDataType() != DataType::Signed32)
    {
        reason = "the bias must be Signed32";
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
    return true;
}
} // namespace

bool BiasEnabled(const LayerInfo& layer)
{
    switch (layer.m_Type)
    {
        case LayerType::Convolution2d: return layer.GetDescriptor<Convolution2dDescriptor>().m_BiasEnabled;
        case LayerType::DepthwiseConvolution2d:
            return layer.GetDescriptor<DepthwiseConvolution2dDescriptor>().m_BiasEnabled;
        default: return layer.GetDescriptor<FullyConnectedDescriptor>().m_BiasEnabled;
    }
}

bool CheckQuantizedWeightedLayer(const LayerInfo& layer, std::string& reason)
{
    if (!CheckCommonQuantizedWeighted(layer, reason))
    {
        return false;
    }
    if (layer.m_Type == LayerType::DepthwiseConvolution2d)
    {
        return CheckQuantizedDepthwise(layer, reason);
    }
    if (UseQuantizedGemm(layer))
    {
        return CheckQuantizedGemm(layer, reason);
    }
    if (!HasVnni())
    {
        reason = "8-bit kernels need VNNI (oneDNN's int8 kernels without it saturate 16-bit pair sums)";
        return false;
    }
    Geometry g = Describe(layer);
    std::vector<int8_t> weights;
    if (!CenteredWeights(layer, weights))
    {
        reason = "weights minus their zero point do not fit in int8";
        return false;
    }
    if (!SplitForExactSums(layer, g, weights))
    {
        reason = "sums could leave int32, or exceed 2^24 (where oneDNN's int32 output stops being exact) even "
                 "over single input channels";
        return false;
    }
    return CheckBuilds(reason, [&] { Primitive(g); });
}

std::unique_ptr<IWorkload> CreateQuantizedWeightedLayer(const LayerInfo& layer)
{
    if (layer.m_Type == LayerType::DepthwiseConvolution2d)
    {
        return CreateQuantizedDepthwise(layer);
    }
    if (UseQuantizedGemm(layer))
    {
        return CreateQuantizedGemm(layer);
    }
    const unsigned threads = NumThreads(layer);
    ThreadScope scope(threads);
    Geometry g = Describe(layer);
    std::vector<int8_t> weights;
    if (!CenteredWeights(layer, weights) || !SplitForExactSums(layer, g, weights))
    {
        throw InvalidArgumentException("CpuAcc: " + layer.Describe() + ": its sums cannot be computed exactly");
    }
    const auto pd = Primitive(g);

    ChannelRequantization q = ChannelRequantization::FromLayer(layer, BiasEnabled(layer), g.m_Channels);

    return std::make_unique<QuantizedWeightedWorkload>(pd, Reordered(g.m_UserWeights, weights.data(),
                                                                     pd.weights_desc()),
                                                       layer.m_Inputs[0].GetQuantizationOffset(), std::move(q),
                                                       g.m_Channels, g.m_Splits, layer.m_Outputs[0].GetDataType(),
                                                       threads);
}

} // namespace cpuacc
} // namespace armnn
