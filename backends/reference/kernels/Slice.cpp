//
// Slice: the box [m_Begin, m_Begin + m_Size) of the input.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateSlice(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<SliceDescriptor>();
    const std::vector<ptrdiff_t> inStrides = SignedStrides(layer.m_Inputs[0].GetShape());
    const std::vector<ptrdiff_t> outStrides = SignedStrides(layer.m_Outputs[0].GetShape());
    StridedCopyPlan plan;
    for (size_t d = 0; d < desc.m_Size.size(); ++d)
    {
        plan.AddDim(desc.m_Size[d], inStrides[d], outStrides[d]);
        plan.m_FromOffset += static_cast<ptrdiff_t>(desc.m_Begin[d]) * inStrides[d];
    }
    return MakeStridedCopyWorkload(layer, plan);
}

} // namespace ref
} // namespace armnn
