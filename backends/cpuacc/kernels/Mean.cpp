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
    /// and each output sums its column of the reduced rows (sixteen outputs at a time in registers, MeansAvx512; no
    /// buffer: a per-call allocation cost more than the sums); else m_Targets scatters.
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
                for (size_t i = vectorised; i < m_Inner; ++i)
                {
                    int32_t sum = 0;
                    for (size_t r = 0; r < m_Reduced; ++r)
                    {
                        sum += rows[r * m_Inner + i];
                    }
                    store(o * m_Inner + i, sum - offset);
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
    /// The scalar loop above on whole vectors of sixteen outputs, each summed in registers over the reduced rows;
    /// returns how many outputs it stored.
    template <typename T>
    __attribute__((target("avx512f"))) size_t MeansAvx512(const T* rows, int32_t offset, T* out) const
    {
        const Multipliers16 m = MakeMultipliers16(_mm512_set1_epi32(m_Multiplier.m_Multiplier),
                                                  _mm512_set1_epi32(std::max(m_Multiplier.m_Shift, 0)),
                                                  _mm512_set1_epi32(std::max(-m_Multiplier.m_Shift, 0)));
        const __m512i zeroPoint = _mm512_set1_epi32(m_Output.GetQuantizationOffset());
        const __m512i low = _mm512_set1_epi32(m_Range.m_Min);
        const __m512i high = _mm512_set1_epi32(m_Range.m_Max);
        const __m512i offsets = _mm512_set1_epi32(offset);
        const size_t count = m_Inner / 16 * 16;
        for (size_t i = 0; i < count; i += 16)
        {
            __m512i sum = _mm512_setzero_si512();
            for (size_t r = 0; r < m_Reduced; ++r)
            {
                const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(rows + r * m_Inner + i));
                sum = _mm512_add_epi32(sum, std::is_signed<T>::value ? _mm512_cvtepi8_epi32(bytes)
                                                                     : _mm512_cvtepu8_epi32(bytes));
            }
            sum = _mm512_sub_epi32(sum, offsets);
            const __m512i mean = m_Multiplier.m_Shift > 0 ? MultiplyByQuantizedMultiplier16Lanes<true>(sum, m)
                                                          : MultiplyByQuantizedMultiplier16Lanes<false>(sum, m);
            const __m512i clamped = _mm512_min_epi32(_mm512_max_epi32(_mm512_add_epi32(mean, zeroPoint), low), high);
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm512_cvtepi32_epi8(clamped));
        }
        return count;
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
