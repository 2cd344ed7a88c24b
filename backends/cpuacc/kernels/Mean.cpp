#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>

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
    return CheckBuilds(reason, [&layer] { Describe(layer); });
}

std::unique_ptr<IWorkload> CreateMean(const LayerInfo& layer)
{
    return MakeSingleInputWorkload(layer, Describe);
}

} // namespace cpuacc
} // namespace armnn
