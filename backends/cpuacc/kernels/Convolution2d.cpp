#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace cpuacc
{

namespace
{
// oneDNN's direct convolution on the plain NHWC (or NCHW) tensors: the activations stay in the runtime's layout,
// so no reorder runs per call; only the weights go to the blocked layout oneDNN picks (format any), once.
dnnl::convolution_forward::primitive_desc Describe(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
    const dnnl::memory::desc src = Image(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const dnnl::memory::desc dst = Image(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    const dnnl::memory::desc weightsUser = Image(layer.m_Inputs[1].GetShape(), desc.m_DataLayout); // [O,H,W,I]
    const dnnl::memory::desc weights(weightsUser.dims(), dnnl::memory::data_type::f32, dnnl::memory::format_tag::any);
    const dnnl::memory::desc bias = desc.m_BiasEnabled
        ? dnnl::memory::desc({weightsUser.dims()[0]}, dnnl::memory::data_type::f32, dnnl::memory::format_tag::a)
        : dnnl::memory::desc();
    return ConvolutionPrimitive(layer, desc, src, weights, bias, dst);
}
} // namespace

bool CheckConvolution2d(const LayerInfo& layer, std::string& reason)
{
    if (IsQuantizedLayer(layer))
    {
        return CheckQuantizedWeightedLayer(layer, reason);
    }
    const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
    return CheckFloatWeightedLayer(layer, desc.m_BiasEnabled, reason) &&
           CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateConvolution2d(const LayerInfo& layer)
{
    if (IsQuantizedLayer(layer))
    {
        return CreateQuantizedWeightedLayer(layer);
    }
    const auto& desc = layer.GetDescriptor<Convolution2dDescriptor>();
    const unsigned threads = NumThreads(layer);
    ThreadScope scope(threads);
    const auto pd = Describe(layer);
    std::vector<float> decoded;
    const float* weights = ConstantAsFloat(layer, 1, decoded);
    std::vector<std::pair<int, dnnl::memory>> constants = {
        {DNNL_ARG_WEIGHTS,
         Reordered(Image(layer.m_Inputs[1].GetShape(), desc.m_DataLayout), weights, pd.weights_desc())}};
    if (desc.m_BiasEnabled)
    {
        const float* bias = ConstantAsFloat(layer, 2, decoded);
        constants.push_back({DNNL_ARG_BIAS, Reordered(pd.bias_desc(), bias, pd.bias_desc())});
    }
    return MakePrimitiveWorkload(pd, {{DNNL_ARG_SRC, false, 0, pd.src_desc()}, {DNNL_ARG_DST, true, 0, pd.dst_desc()}},
                                 std::move(constants), threads, true);
}

} // namespace cpuacc
} // namespace armnn
