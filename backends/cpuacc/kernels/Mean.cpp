#include "../CpuAccKernels.hpp"
#include "../CpuAccQuantizedAvx512.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

#include <algorithm>
#include <cstdlib>
#include <type_traits>

namespace armnn
{
namespace cpuacc
{

namespace
{
// The output as oneDNN's reduction sees it: the input's rank with the reduced axes of size 1 (KeepDims only
// changes the shape, not the memory).
dnnl::reduction::primitive_desc Describe(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<MeanDescriptor>();
    const dnnl::memory::dims in = ToDims(layer.m_Inputs[0].GetShape());
    dnnl::memory::dims out = in;
    if (desc.m_Axis.empty())
    {
        std::fill(out.begin(), out.end(), 1);
    }
    for (unsigned axis : desc.m_Axis)
    {
        out[axis] = 1;
    }
    const dnnl::reduction::desc reduction(dnnl::algorithm::reduction_mean, RowMajor(in), RowMajor(out), 0.0f, 0.0f);
    return dnnl::reduction::primitive_desc(reduction, MakeAttr(layer), Engine());
}
/// Mean over axes 1 and 2 of a 4-D tensor (the global average pooling that MobileNet and ResNet end with).
/// oneDNN's reduction over axes that are not the innermost runs its reference loop (180 us on MobileNet v2's
/// 3x3x1280); its average pooling over the whole image is a JIT kernel and gives the same means.
bool IsSpatialMean(const LayerInfo& layer)
{
    std::vector<unsigned> axes = layer.GetDescriptor<MeanDescriptor>().m_Axis;
    std::sort(axes.begin(), axes.end());
    return layer.m_Inputs[0].GetNumDimensions() == 4 && axes == std::vector<unsigned>{1, 2};
}

dnnl::pooling_forward::primitive_desc DescribeSpatial(const LayerInfo& layer)
{
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const dnnl::memory::desc src = Image(in, DataLayout::NHWC);
    const dnnl::memory::desc dst = Image(TensorShape({in[0], 1, 1, in[3]}), DataLayout::NHWC);
    const dnnl::pooling_forward::desc pool(dnnl::prop_kind::forward_inference,
                                           dnnl::algorithm::pooling_avg_exclude_padding, src, dst, {1, 1},
                                           {in[1], in[2]}, {0, 0}, {0, 0});
    return dnnl::pooling_forward::primitive_desc(pool, MakeAttr(layer), Engine());
}

/// For each input element, the output element its axes reduce it into.
std::vector<uint32_t> Targets(const LayerInfo& layer)
{
    const dnnl::memory::dims in = ToDims(layer.m_Inputs[0].GetShape());
    const auto& axes = layer.GetDescriptor<MeanDescriptor>().m_Axis;
    std::vector<bool> reduced(in.size(), axes.empty());
    for (unsigned axis : axes)
    {
        reduced[axis] = true;
    }
    std::vector<uint32_t> targets(static_cast<size_t>(layer.m_Inputs[0].GetNumElements()));
    std::vector<dnnl::memory::dim> coord(in.size(), 0);
    for (uint32_t& target : targets)
    {
        uint32_t o = 0;
        for (size_t d = 0; d < in.size(); ++d)
        {
            o = reduced[d] ? o : static_cast<uint32_t>(o * in[d] + coord[d]);
        }
        target = o;
        for (size_t d = in.size(); d-- > 0;)
        {
            if (++coord[d] < in[d])
            {
                break;
            }
            coord[d] = 0;
        }
    }
    return targets;
}

/// TensorFlow Lite's integer mean, as CpuRef computes it: the sum of (input - zero point) per output, times the
/// fixed-point multiplier input scale / output scale with 1 / count folded in, plus the output zero point.
class QuantizedMeanWorkload final : public IWorkload
{
    static constexpr size_t kBlock = 256; // channels per block of the scalar loop

public:
    explicit QuantizedMeanWorkload(const LayerInfo& layer)
        : m_Input(layer.m_Inputs[0]), m_Output(layer.m_Outputs[0]), m_Range(GetQuantizedRange(m_Output.GetDataType()))
    {
        const size_t outputs = m_Output.GetNumElements();
        const int64_t count = static_cast<int64_t>(outputs == 0 ? 0 : m_Input.GetNumElements() / outputs);
        m_Multiplier = DivideMultiplierByCount(
            QuantizeMultiplier(static_cast<double>(m_Input.GetQuantizationScale()) /
                               static_cast<double>(m_Output.GetQuantizationScale())),
            count);
        PlanContiguous(layer);
        if (m_Reduced == 0)
        {
            m_Targets = Targets(layer);
        }
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        if (m_Input.GetDataType() == DataType::QAsymmU8)
        {
            Run(tensors.Input<uint8_t>(0), tensors.Output<uint8_t>(0));
        }
        else
        {
            Run(tensors.Input<int8_t>(0), tensors.Output<int8_t>(0));
        }
    }

private:
    /// When the reduced axes are adjacent (the spatial mean of NHWC: H and W), the input is [outer, reduced, inner]
    /// and each output sums its column of the reduced rows: sixteen outputs at a time in registers (MeansAvx512),
    /// the rest in blocks on the stack (a heap buffer per call cost more than the sums); else m_Targets scatters.
    void PlanContiguous(const LayerInfo& layer)
    {
        const TensorShape& shape = m_Input.GetShape();
        std::vector<bool> reduced(shape.GetNumDimensions(), false);
        for (unsigned axis : layer.GetDescriptor<MeanDescriptor>().m_Axis)
        {
            reduced[axis] = true;
        }
        const auto first = std::find(reduced.begin(), reduced.end(), true);
        const auto last = std::find(reduced.rbegin(), reduced.rend(), true).base();
        if (first == reduced.end() || !std::all_of(first, last, [](bool r) { return r; }))
        {
            return;
        }
        size_t sizes[3] = {1, 1, 1};
        for (unsigned d = 0; d < shape.GetNumDimensions(); ++d)
        {
            const size_t part = d < static_cast<size_t>(first - reduced.begin()) ? 0
                                : d < static_cast<size_t>(last - reduced.begin()) ? 1 : 2;
            sizes[part] *= shape[d];
        }
        // Sums in int32: each term is within +-255.
        if (sizes[1] < static_cast<size_t>(INT32_MAX / 255))
        {
            m_Outer = sizes[0];
            m_Reduced = sizes[1];
            m_Inner = sizes[2];
        }
    }

    template <typename T>
    void Run(const T* in, T* out) const
    {
        const int32_t zeroPoint = m_Input.GetQuantizationOffset();
        const auto store = [&](size_t o, int64_t sum) {
            const int32_t mean = MultiplyByQuantizedMultiplier(SaturateToInt32(sum), m_Multiplier);
            out[o] = static_cast<T>(m_Range.Clamp(mean + m_Output.GetQuantizationOffset()));
        };
        if (m_Reduced != 0)
        {
            // The zero point comes off once per sum: sum(x - zp) = sum(x) - count * zp, both within int32.
            const int32_t offset = static_cast<int32_t>(m_Reduced) * zeroPoint;
            for (size_t o = 0; o < m_Outer; ++o)
            {
                const T* rows = in + o * m_Reduced * m_Inner;
                const size_t vectorised = m_Avx512 ? MeansAvx512(rows, offset, out + o * m_Inner) : 0;
                // The rest in blocks of channels, each summed row by row (contiguous reads).
                for (size_t begin = vectorised; begin < m_Inner; begin += kBlock)
                {
                    const size_t n = std::min(kBlock, m_Inner - begin);
                    int32_t sums[kBlock] = {};
                    for (size_t r = 0; r < m_Reduced; ++r)
                    {
                        const T* row = rows + r * m_Inner + begin;
                        for (size_t i = 0; i < n; ++i)
                        {
                            sums[i] += row[i];
                        }
                    }
                    for (size_t i = 0; i < n; ++i)
                    {
                        store(o * m_Inner + begin + i, sums[i] - offset);
                    }
                }
            }
            return;
        }
        std::vector<int64_t> sums(m_Output.GetNumElements(), 0);
        for (size_t e = 0; e < m_Targets.size(); ++e)
        {
            sums[m_Targets[e]] += static_cast<int32_t>(in[e]) - zeroPoint;
        }
        for (size_t o = 0; o < sums.size(); ++o)
        {
            store(o, sums[o]);
        }
    }

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics: not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
    /// The scalar loop above on whole vectors of sixteen outputs, summed in registers over the reduced rows, 64
    /// outputs (a cache line of each row) per pass while they last; returns how many outputs it stored.
    template <typename T>
    __attribute__((target("avx512f"))) size_t MeansAvx512(const T* rows, int32_t offset, T* out) const
    {
        const Requantize16 requantize(m_Multiplier, m_Output.GetQuantizationOffset(), m_Range, offset);
        size_t i = 0;
        for (; i + 64 <= m_Inner; i += 64)
        {
            SumColumns<4>(rows + i, requantize, out + i);
        }
        for (; i + 16 <= m_Inner; i += 16)
        {
            SumColumns<1>(rows + i, requantize, out + i);
        }
        return i;
    }

    /// The scalar store's arithmetic on sixteen sums of stored values (`offset`: the zero point times the count).
    struct Requantize16
    {
        __attribute__((target("avx512f"))) Requantize16(const QuantizedMultiplier& multiplier, int32_t zeroPoint,
                                                        const QuantizedRange& range, int32_t offset)
            : m_Multipliers(MakeMultipliers16(_mm512_set1_epi32(multiplier.m_Multiplier),
                                              _mm512_set1_epi32(std::max(multiplier.m_Shift, 0)),
                                              _mm512_set1_epi32(std::max(-multiplier.m_Shift, 0)))),
              m_ZeroPoint(_mm512_set1_epi32(zeroPoint)), m_Low(_mm512_set1_epi32(range.m_Min)),
              m_High(_mm512_set1_epi32(range.m_Max)), m_Offset(_mm512_set1_epi32(offset)),
              m_LeftShift(multiplier.m_Shift > 0)
        {}

        template <typename T>
        __attribute__((target("avx512f"))) void Store(__m512i sum, T* out) const
        {
            sum = _mm512_sub_epi32(sum, m_Offset);
            const __m512i mean = m_LeftShift ? MultiplyByQuantizedMultiplier16Lanes<true>(sum, m_Multipliers)
                                             : MultiplyByQuantizedMultiplier16Lanes<false>(sum, m_Multipliers);
            const __m512i clamped =
                _mm512_min_epi32(_mm512_max_epi32(_mm512_add_epi32(mean, m_ZeroPoint), m_Low), m_High);
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm512_cvtepi32_epi8(clamped));
        }

        Multipliers16 m_Multipliers;
        __m512i m_ZeroPoint;
        __m512i m_Low;
        __m512i m_High;
        __m512i m_Offset;
        bool m_LeftShift;
    };

    /// Vectors x 16 outputs from the columns starting at `rows`.
    template <int Vectors, typename T>
    __attribute__((target("avx512f"))) void SumColumns(const T* rows, const Requantize16& requantize, T* out) const
    {
        __m512i sums[Vectors];
        for (int v = 0; v < Vectors; ++v)
        {
            sums[v] = _mm512_setzero_si512();
        }
        for (size_t r = 0; r < m_Reduced; ++r)
        {
            for (int v = 0; v < Vectors; ++v)
            {
                const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows + r * m_Inner + 16 * v));
                sums[v] = _mm512_add_epi32(sums[v], std::is_signed<T>::value ? _mm512_cvtepi8_epi32(bytes)
                                                                             : _mm512_cvtepu8_epi32(bytes));
            }
        }
        for (int v = 0; v < Vectors; ++v)
        {
            requantize.Store(sums[v], out + 16 * v);
        }
    }
#pragma GCC diagnostic pop

    TensorInfo m_Input;
    TensorInfo m_Output;
    std::vector<uint32_t> m_Targets;
    QuantizedRange m_Range;
    QuantizedMultiplier m_Multiplier;
    size_t m_Outer = 0; // [outer, reduced, inner] when the reduced axes are adjacent; m_Reduced 0 otherwise
    size_t m_Reduced = 0;
    size_t m_Inner = 0;
    bool m_Avx512 = __builtin_cpu_supports("avx512f") && std::getenv("ARMNN_CPUACC_DISABLE_AVX512") == nullptr;
};
} // namespace

bool CheckMean(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    for (unsigned axis : layer.GetDescriptor<MeanDescriptor>().m_Axis)
    {
        if (axis >= layer.m_Inputs[0].GetNumDimensions())
        {
            reason = "axis " + std::to_string(axis) + " is out of range";
            return false;
        }
    }
    if (IsQuantizedLayer(layer))
    {
        if (layer.m_Inputs[0].HasPerAxisQuantization() || layer.m_Outputs[0].HasPerAxisQuantization() ||
            layer.m_Inputs[0].GetNumElements() > UINT32_MAX)
        {
            reason = "8-bit mean: per-axis quantization or more than 2^32 elements";
            return false;
        }
        return true;
    }
    if (IsSpatialMean(layer))
    {
        return CheckBuilds(reason, [&layer] { DescribeSpatial(layer); });
    }
    return CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateMean(const LayerInfo& layer)
{
    if (IsQuantizedLayer(layer))
    {
        return std::make_unique<QuantizedMeanWorkload>(layer);
    }
    if (IsSpatialMean(layer))
    {
        return MakeSingleInputWorkload(layer, DescribeSpatial);
    }
    return MakeSingleInputWorkload(layer, Describe);
}

} // namespace cpuacc
} // namespace armnn
