#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace cpuacc
{

namespace
{
int Axis(const LayerInfo& layer)
{
    const int rank = static_cast<int>(layer.m_Inputs[0].GetNumDimensions());
    const int axis = layer.GetDescriptor<SoftmaxDescriptor>().m_Axis;
    return axis < 0 ? axis + rank : axis;
}

dnnl::softmax_forward::primitive_desc Describe(const LayerInfo& layer)
{
    const dnnl::softmax_forward::desc softmax(dnnl::prop_kind::forward_inference,
                                              RowMajor(ToDims(layer.m_Inputs[0].GetShape())), Axis(layer));
    return dnnl::softmax_forward::primitive_desc(softmax, MakeAttr(layer), Engine());
}
} // namespace

bool CheckSoftmax(const LayerInfo& layer, std::string& reason)
{
    if (IsQuantizedLayer(layer))
    {
        return CheckQuantizedSoftmax(layer, reason);
    }
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    // oneDNN computes exp(x - max) without TensorFlow's beta.
    if (layer.GetDescriptor<SoftmaxDescriptor>().m_Beta != 1.0f)
    {
        reason = "beta other than 1 is not supported";
        return false;
    }
    return CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateSoftmax(const LayerInfo& layer)
{
    if (IsQuantizedLayer(layer))
    {
        return CreateQuantizedSoftmax(layer);
    }
    return MakeSingleInputWorkload(layer, Describe);
}

} // namespace cpuacc
} // namespace armnn
