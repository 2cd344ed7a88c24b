#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

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
