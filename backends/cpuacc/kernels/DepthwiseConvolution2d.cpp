#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

namespace armnn
{
namespace cpuacc
{

namespace
{
using dims = dnnl::memory::dims;

// Weights [1, H, W, C * M] (TensorFlow Lite's layout) as oneDNN's grouped weights {G = C, O = M, I = 1, H, W}:
// output channel g * M + m sits at (ky * W + kx) * C * M + g * M + m.
dnnl::memory::desc UserWeights(const LayerInfo& layer)
{
    const TensorShape& w = layer.m_Inputs[1].GetShape();
    const auto& desc = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>();
    const dnnl::memory::dim inputChannels = Image(layer.m_Inputs[0].GetShape(), desc.m_DataLayout).dims()[1];
    const dnnl::memory::dim height = w[1];
    const dnnl::memory::dim width = w[2];
    const dnnl::memory::dim channels = w[3];
    const dnnl::memory::dim multiplier = channels / inputChannels;
    return dnnl::memory::desc({inputChannels, multiplier, 1, height, width}, dnnl::memory::data_type::f32,
                              {multiplier, 1, 1, width * channels, channels});
}

// oneDNN's depthwise kernel is a grouped convolution with one input channel per group.
dnnl::convolution_forward::primitive_desc Describe(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>();
    const dnnl::memory::desc src = Image(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const dnnl::memory::desc dst = Image(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    const dnnl::memory::desc weights(UserWeights(layer).dims(), dnnl::memory::data_type::f32,
                                     dnnl::memory::format_tag::any);
    const dnnl::memory::desc bias = desc.m_BiasEnabled
        ? dnnl::memory::desc({dst.dims()[1]}, dnnl::memory::data_type::f32, dnnl::memory::format_tag::a)
        : dnnl::memory::desc();
    return ConvolutionPrimitive(MakeAttr(layer), desc, src, weights, bias, dst);
}
} // namespace

bool CheckDepthwiseConvolution2d(const LayerInfo& layer, std::string& reason)
{
    if (IsQuantizedLayer(layer))
    {
        return CheckQuantizedWeightedLayer(layer, reason);
    }
    const auto& desc = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>();
    if (!CheckFloatWeightedLayer(layer, desc.m_BiasEnabled, reason))
    {
        return false;
    }
    if (layer.m_Inputs[1].GetNumDimensions() != 4 || layer.m_Inputs[1].GetShape()[0] != 1)
    {
        reason = "weights must be [1, H, W, C * M]";
        return false;
    }
    return CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateDepthwiseConvolution2d(const LayerInfo& layer)
{
    if (IsQuantizedLayer(layer))
    {
        return CreateQuantizedWeightedLayer(layer);
    }
    const auto& desc = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>();
    const unsigned threads = NumThreads(layer);
    ThreadScope scope(threads);
    const auto pd = Describe(layer);
    std::vector<float> decoded;
    const float* weights = ConstantAsFloat(layer, 1, decoded);
    std::vector<std::pair<int, dnnl::memory>> constants = {
        {DNNL_ARG_WEIGHTS, Reordered(UserWeights(layer), weights, pd.weights_desc())}};
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
