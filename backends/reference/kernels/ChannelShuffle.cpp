//
// ChannelShuffle: dimension m_Axis of size G * K, viewed as [G, K], is transposed to [K, G]: output index
// k * G + g takes input index g * K + k.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateChannelShuffle(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ChannelShuffleDescriptor>();
    const TensorShape& shape = layer.m_Inputs[0].GetShape();
    const std::vector<ptrdiff_t> strides = SignedStrides(shape);
    const size_t groups = desc.m_NumGroups;
    const size_t perGroup = shape[desc.m_Axis] / groups;
    StridedCopyPlan plan;
    for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
    {
        if (d == desc.m_Axis)
        {
            const ptrdiff_t s = strides[d];
            plan.AddDim(perGroup, s, static_cast<ptrdiff_t>(groups) * s);        // k
            plan.AddDim(groups, static_cast<ptrdiff_t>(perGroup) * s, s);        // g
        }
        else
        {
            plan.AddDim(shape[d], strides[d], strides[d]);
        }
    }
    return MakeStridedCopyWorkload(layer, plan);
}

} // namespace ref
} // namespace armnn
