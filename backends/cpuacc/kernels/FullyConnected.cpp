#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <omp.h>

#include <immintrin.h>

#include <cstdlib>
#include <limits>

namespace armnn
{
namespace cpuacc
{

namespace
{
struct Sizes
{
    dnnl::memory::dim m_Batches;
    dnnl::memory::dim m_Inputs;
    dnnl::memory::dim m_Outputs;
};

Sizes GetSizes(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<FullyConnectedDescriptor>();
    const TensorShape& weights = layer.m_Inputs[1].GetShape();
    Sizes sizes;
    sizes.m_Inputs = desc.m_TransposeWeightMatrix ? weights[1] : weights[0];
    sizes.m_Outputs = desc.m_TransposeWeightMatrix ? weights[0] : weights[1];
    sizes.m_Batches = static_cast<dnnl::memory::dim>(layer.m_Inputs[0].GetNumElements()) / sizes.m_Inputs;
    return sizes;
}

// Weights [O, I] (transposed) or [I, O] as oneDNN's {O, I}.
dnnl::memory::desc UserWeights(const LayerInfo& layer)
{
    const Sizes s = GetSizes(layer);
    const bool transposed = layer.GetDescriptor<FullyConnectedDescriptor>().m_TransposeWeightMatrix;
    return dnnl::memory::desc({s.m_Outputs, s.m_Inputs}, dnnl::memory::data_type::f32,
                              transposed ? dnnl::memory::dims{s.m_Inputs, 1} : dnnl::memory::dims{1, s.m_Outputs});
}

// An inner product on the input flattened to [batches, inputs].
dnnl::inner_product_forward::primitive_desc Describe(const LayerInfo& layer)
{
    const Sizes s = GetSizes(layer);
    using tag = dnnl::memory::format_tag;
    const dnnl::memory::desc src({s.m_Batches, s.m_Inputs}, dnnl::memory::data_type::f32, tag::nc);
    const dnnl::memory::desc dst({s.m_Batches, s.m_Outputs}, dnnl::memory::data_type::f32, tag::nc);
    const dnnl::memory::desc weights({s.m_Outputs, s.m_Inputs}, dnnl::memory::data_type::f32, tag::any);
    const dnnl::memory::desc bias = layer.GetDescriptor<FullyConnectedDescriptor>().m_BiasEnabled
        ? dnnl::memory::desc({s.m_Outputs}, dnnl::memory::data_type::f32, tag::a)
        : dnnl::memory::desc();
    const dnnl::inner_product_forward::desc ip(dnnl::prop_kind::forward_inference, src, weights, bias, dst);
    return dnnl::inner_product_forward::primitive_desc(ip, MakeAttr(layer), Engine());
}

/// Batch-1 Float32 fully connected layers on AVX-512: a matrix-vector product, bound by reading the weights (8 MB
/// for ResNet-50's 2048->1000, from memory, since the convolutions' weights have evicted them from the caches).
/// oneDNN's brgemm inner product read them at ~21 GB/s at batch 1 (0.38 ms on 2 threads, 0.60 ms on 1); this pass
/// over weights packed at load as [outputs / 16][inputs][16] reads one contiguous stream per 16 outputs at
/// ~36 GB/s (0.23 ms on 2 threads, 0.45 ms on 1, cold caches; the same speed as oneDNN with warm caches).
class VectorProductWorkload final : public IWorkload
{
public:
    static constexpr size_t kLanes = 16;

    VectorProductWorkload(const LayerInfo& layer, unsigned numThreads)
        : m_Inputs(static_cast<size_t>(GetSizes(layer).m_Inputs)),
          m_Outputs(static_cast<size_t>(GetSizes(layer).m_Outputs)), m_Blocks((m_Outputs + kLanes - 1) / kLanes),
          m_Weights(AllocateWeights(m_Blocks * m_Inputs * kLanes * sizeof(float)), std::free),
          m_Bias(m_Blocks * kLanes, 0.0f), m_NumThreads(numThreads)
    {
        const auto& desc = layer.GetDescriptor<FullyConnectedDescriptor>();
        std::vector<float> decoded;
        const float* weights = ConstantAsFloat(layer, 1, decoded);
        // Output o, input i: weights[o][i] when transposed ([O, I]), else weights[i][o]; rows past the last
        // output are zero.
        for (size_t b = 0; b < m_Blocks; ++b)
        {
            for (size_t i = 0; i < m_Inputs; ++i)
            {
                float* packed = m_Weights.get() + (b * m_Inputs + i) * kLanes;
                for (size_t lane = 0; lane < kLanes; ++lane)
                {
                    const size_t o = b * kLanes + lane;
                    packed[lane] = o >= m_Outputs                     ? 0.0f
                                   : desc.m_TransposeWeightMatrix ? weights[o * m_Inputs + i]
                                                                  : weights[i * m_Outputs + o];
                }
            }
        }
        if (desc.m_BiasEnabled)
        {
            const float* bias = ConstantAsFloat(layer, 2, decoded);
            std::copy(bias, bias + m_Outputs, m_Bias.begin());
        }
        if (layer.m_FusedActivation.has_value())
        {
            const ActivationDescriptor& activation = layer.m_FusedActivation.value();
            m_Min = activation.m_Function == ActivationFunction::ReLu ? 0.0f : activation.m_B;
            m_Max = activation.m_Function == ActivationFunction::ReLu ? m_Max : activation.m_A;
        }
    }

    /// The layers this workload takes: batch 1, no activation or a clamp, on a CPU with AVX-512.
    static bool Takes(const LayerInfo& layer)
    {
        static const bool avx512 = __builtin_cpu_supports("avx512f");
        const bool clamp = !layer.m_FusedActivation.has_value() ||
                           layer.m_FusedActivation.value().m_Function == ActivationFunction::ReLu ||
                           layer.m_FusedActivation.value().m_Function == ActivationFunction::BoundedReLu;
        return avx512 && clamp && GetSizes(layer).m_Batches == 1;
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        ThreadScope threads(m_NumThreads);
        const float* input = tensors.Input<float>(0);
        float* output = tensors.Output<float>(0);
        const long blocks = static_cast<long>(m_Blocks);
        RunInTeam(m_NumThreads == 1 ? 1 : omp_get_max_threads(), [&] {
#pragma omp for schedule(static)
            for (long b = 0; b < blocks; ++b)
            {
                Block(input, static_cast<size_t>(b), output);
            }
        });
    }

    bool PackedConstantInputs() const override { return true; }

private:
    /// 64-byte aligned, on huge pages where it spans them (8 MB for ResNet-50, read once per run from memory).
    static float* AllocateWeights(size_t bytes)
    {
        void* weights = std::aligned_alloc(64, (bytes + 63) / 64 * 64);
        if (weights == nullptr)
        {
            throw std::bad_alloc();
        }
        AdviseHugePages(weights, bytes);
        return static_cast<float*>(weights);
    }

    /// Outputs [16 b, 16 b + 16): eight independent sums (one load and FMA each per step) keep the loads flowing
    /// and each sum short.
    __attribute__((target("avx512f"))) void Block(const float* input, size_t b, float* output) const
    {
        const float* w = m_Weights.get() + b * m_Inputs * kLanes;
        __m512 sums[8];
        for (__m512& sum : sums)
        {
            sum = _mm512_setzero_ps();
        }
        size_t i = 0;
        for (; i + 8 <= m_Inputs; i += 8)
        {
            for (size_t k = 0; k < 8; ++k)
            {
                sums[k] = _mm512_fmadd_ps(_mm512_set1_ps(input[i + k]), _mm512_load_ps(w + (i + k) * kLanes), sums[k]);
            }
        }
        for (; i < m_Inputs; ++i)
        {
            sums[0] = _mm512_fmadd_ps(_mm512_set1_ps(input[i]), _mm512_load_ps(w + i * kLanes), sums[0]);
        }
        const __m512 total = _mm512_add_ps(
            _mm512_add_ps(_mm512_add_ps(sums[0], sums[1]), _mm512_add_ps(sums[2], sums[3])),
            _mm512_add_ps(_mm512_add_ps(sums[4], sums[5]), _mm512_add_ps(sums[6], sums[7])));
        const __m512 biased = _mm512_add_ps(total, _mm512_loadu_ps(m_Bias.data() + b * kLanes));
        // The zero-masking forms: GCC 12 warns about the undefined source register of the plain ones.
        const __m512 clamped = _mm512_maskz_min_ps(
            0xFFFF, _mm512_maskz_max_ps(0xFFFF, biased, _mm512_set1_ps(m_Min)), _mm512_set1_ps(m_Max));
        const size_t valid = std::min(kLanes, m_Outputs - b * kLanes);
        _mm512_mask_storeu_ps(output + b * kLanes, static_cast<__mmask16>((1u << valid) - 1u), clamped);
    }

    size_t m_Inputs;
    size_t m_Outputs;
    size_t m_Blocks;
    std::unique_ptr<float[], decltype(&std::free)> m_Weights;
    std::vector<float> m_Bias; // padded to whole blocks with zeros
    float m_Min = -std::numeric_limits<float>::infinity();
    float m_Max = std::numeric_limits<float>::infinity();
    unsigned m_NumThreads;
};
} // namespace

bool CheckFullyConnected(const LayerInfo& layer, std::string& reason)
{
    if (IsQuantizedLayer(layer))
    {
        return CheckQuantizedWeightedLayer(layer, reason);
    }
    const auto& desc = layer.GetDescriptor<FullyConnectedDescriptor>();
    return CheckFloatWeightedLayer(layer, desc.m_BiasEnabled, reason) &&
           CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateFullyConnected(const LayerInfo& layer)
{
    if (IsQuantizedLayer(layer))
    {
        return CreateQuantizedWeightedLayer(layer);
    }
    const unsigned threads = NumThreads(layer);
    if (VectorProductWorkload::Takes(layer))
    {
        return std::make_unique<VectorProductWorkload>(layer, threads);
    }
    ThreadScope scope(threads);
    const auto pd = Describe(layer);
    std::vector<float> decoded;
    const float* weights = ConstantAsFloat(layer, 1, decoded);
    std::vector<std::pair<int, dnnl::memory>> constants = {
        {DNNL_ARG_WEIGHTS, Reordered(UserWeights(layer), weights, pd.weights_desc())}};
    if (layer.GetDescriptor<FullyConnectedDescriptor>().m_BiasEnabled)
    {
        const float* bias = ConstantAsFloat(layer, 2, decoded);
        constants.push_back({DNNL_ARG_BIAS, Reordered(pd.bias_desc(), bias, pd.bias_desc())});
    }
    return MakePrimitiveWorkload(pd, {{DNNL_ARG_SRC, false, 0, pd.src_desc()}, {DNNL_ARG_DST, true, 0, pd.dst_desc()}},
                                 std::move(constants), threads, true);
}

} // namespace cpuacc
} // namespace armnn
