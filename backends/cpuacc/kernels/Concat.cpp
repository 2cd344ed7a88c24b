#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace cpuacc
{

// Every Concat is a set of contiguous copies (kernels/ConcatCopy.cpp). oneDNN's concat ("simple:any") took 173 µs
// for SSD MobileNet v2's class predictions (inputs [1, n, 91] along axis 1, 700 kB) where the copies take 44 µs,
// and 14 µs where they take 9 on DeepLab v3's channel concat (2 threads).
bool CheckConcat(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    // The inputs are placed one after the other along the axis, in order: the views must say the same.
    const auto& desc = layer.GetDescriptor<OriginsDescriptor>();
    const unsigned axis = desc.GetConcatAxis();
    unsigned offset = 0;
    for (uint32_t view = 0; view < desc.GetNumViews(); ++view)
    {
        const uint32_t* origin = desc.GetViewOrigin(view);
        for (uint32_t d = 0; d < desc.GetNumDimensions(); ++d)
        {
            if (origin[d] != (d == axis ? offset : 0u))
            {
                reason = "view " + std::to_string(view) + " is not placed after the previous view along the axis";
                return false;
            }
        }
        offset += layer.m_Inputs[view].GetShape()[axis];
    }
    return !IsQuantizedLayer(layer) || CheckNoPerAxisQuantization(layer, reason);
}

std::unique_ptr<IWorkload> CreateConcat(const LayerInfo& layer)
{
    return CreateConcatCopy(layer);
}

} // namespace cpuacc
} // namespace armnn
