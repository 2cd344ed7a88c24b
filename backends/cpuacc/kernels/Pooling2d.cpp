#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

namespace armnn
{
namespace cpuacc
{

namespace
{
struct Window
{
    dnnl::memory::dim m_In, m_Out, m_Kernel, m_Stride, m_PadBefore, m_PadAfter;

    /// oneDNN wants the end padding that makes its floor formula give the output size. Arm NN's ceiling rounding
    /// adds a partial last window: more end padding gives it to oneDNN, and changes nothing for Max and for
    /// Average excluding padding. Arm NN's IgnoreValue divides by the window's part inside the padded input,
    /// oneDNN's include-padding by the kernel size: the same only while every window fits in the padded input.
    dnnl::memory::dim EndPadding() const { return (m_Out - 1) * m_Stride + m_Kernel - m_In - m_PadBefore; }
    bool Fits() const { return (m_Out - 1) * m_Stride + m_Kernel <= m_In + m_PadBefore + m_PadAfter; }
    bool FloorMatches() const { return (m_In + m_PadBefore + m_PadAfter - m_Kernel) / m_Stride + 1 == m_Out; }
    dnnl::memory::dim OneDnnEndPadding() const { return FloorMatches() ? m_PadAfter : EndPadding(); }
};

void GetWindows(const LayerInfo& layer, Window& y, Window& x)
{
    const auto& desc = layer.GetDescriptor<Pooling2dDescriptor>();
    const dnnl::memory::dims in = Image(layer.m_Inputs[0].GetShape(), desc.m_DataLayout).dims();
    const dnnl::memory::dims out = Image(layer.m_Outputs[0].GetShape(), desc.m_DataLayout).dims();
    y = {in[2], out[2], desc.m_PoolHeight, desc.m_StrideY, desc.m_PadTop, desc.m_PadBottom};
    x = {in[3], out[3], desc.m_PoolWidth, desc.m_StrideX, desc.m_PadLeft, desc.m_PadRight};
}

/// Float32 or, for 8-bit max pooling, the stored integers.
dnnl::memory::data_type ElementType(const LayerInfo& layer)
{
    switch (layer.m_Inputs[0].GetDataType())
    {
        case DataType::QAsymmS8: return dnnl::memory::data_type::s8;
        case DataType::QAsymmU8: return dnnl::memory::data_type::u8;
        default: return dnnl::memory::data_type::f32;
    }
}

dnnl::pooling_forward::primitive_desc Describe(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<Pooling2dDescriptor>();
    const dnnl::memory::data_type type = ElementType(layer);
    Window y;
    Window x;
    GetWindows(layer, y, x);
    const dnnl::algorithm algorithm = desc.m_PoolType == PoolingAlgorithm::Max ? dnnl::algorithm::pooling_max
        : desc.m_PaddingMethod == PaddingMethod::Exclude                        ? dnnl::algorithm::pooling_avg_exclude_padding
                                                                                : dnnl::algorithm::pooling_avg_include_padding;
    const dnnl::pooling_forward::desc pool(
        dnnl::prop_kind::forward_inference, algorithm, Image(layer.m_Inputs[0].GetShape(), desc.m_DataLayout, type),
        Image(layer.m_Outputs[0].GetShape(), desc.m_DataLayout, type), {y.m_Stride, x.m_Stride}, {y.m_Kernel, x.m_Kernel},
        {y.m_PadBefore, x.m_PadBefore}, {y.OneDnnEndPadding(), x.OneDnnEndPadding()});
    return dnnl::pooling_forward::primitive_desc(pool, MakeAttr(layer), Engine());
}
} // namespace

bool CheckPooling2d(const LayerInfo& layer, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<Pooling2dDescriptor>();
    if (IsQuantizedLayer(layer) && desc.m_PoolType == PoolingAlgorithm::Average)
    {
        return CheckQuantizedAveragePooling(layer, reason);
    }
    if (IsQuantizedLayer(layer))
    {
        // The maximum of the stored integers is CpuRef's result exactly when input and output share their
        // quantization (averages: QuantizedPooling.cpp).
        const TensorInfo& in = layer.m_Inputs[0];
        const TensorInfo& out = layer.m_Outputs[0];
        if (desc.m_PoolType != PoolingAlgorithm::Max || out.GetDataType() != in.GetDataType() ||
            out.GetQuantizationScale() != in.GetQuantizationScale() ||
            out.GetQuantizationOffset() != in.GetQuantizationOffset() || in.HasPerAxisQuantization() ||
            layer.m_FusedActivation.has_value())
        {
            reason = "8-bit pooling: only Max, with the same quantization on input and output and no fused "
                     "activation";
            return false;
        }
        return CheckBuilds(reason, [&layer] { Describe(layer); });
    }
    if (layer.m_Outputs[0].GetDataType() != DataType::Float32)
    {
        reason = "output data type differs from the input's Float32";
        return false;
    }
    if (desc.m_PoolType == PoolingAlgorithm::L2)
    {
        reason = "L2 pooling is not supported (oneDNN has none)";
        return false;
    }
    Window y;
    Window x;
    GetWindows(layer, y, x);
    if (desc.m_PoolType == PoolingAlgorithm::Average && desc.m_PaddingMethod == PaddingMethod::IgnoreValue &&
        (!y.Fits() || !x.Fits()))
    {
        reason = "average pooling counting padding with windows past the padded input is not supported";
        return false;
    }
    return CheckFusedActivation(layer, reason) && CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreatePooling2d(const LayerInfo& layer)
{
    if (IsQuantizedLayer(layer) && layer.GetDescriptor<Pooling2dDescriptor>().m_PoolType == PoolingAlgorithm::Average)
    {
        return CreateQuantizedAveragePooling(layer);
    }
    return MakeSingleInputWorkload(layer, Describe);
}

} // namespace cpuacc
} // namespace armnn
