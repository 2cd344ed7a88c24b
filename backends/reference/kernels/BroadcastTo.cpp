//
// BroadcastTo: the input repeated along its size-1 dimensions (and new leading ones) to the target shape.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateBroadcastTo(const LayerInfo& layer)
{
    const TensorShape& in = layer.m_Inputs[0].GetShape();
    const TensorShape& out = layer.m_Outputs[0].GetShape();
    const std::vector<ptrdiff_t> inStrides = SignedStrides(in);
    const std::vector<ptrdiff_t> outStrides = SignedStrides(out);
    // Input dimensions align with the last ones of the output; a repeated dimension has source stride 0.
    const unsigned int lead = out.GetNumDimensions() - in.GetNumDimensions();
    StridedCopyPlan plan;
    for (unsigned int d = 0; d < out.GetNumDimensions(); ++d)
    {
        const bool repeated = d < lead || in[d - lead] == 1;
        plan.AddDim(out[d], repeated ? 0 : inStrides[d - lead], outStrides[d]);
    }
    return MakeStridedCopyWorkload(layer, plan);
}

} // namespace ref
} // namespace armnn
