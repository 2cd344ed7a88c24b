//
// Tile: the input repeated m_Multiples[d] times along each dimension d.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateTile(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<TileDescriptor>();
    const TensorShape& inShape = layer.m_Inputs[0].GetShape();
    const std::vector<ptrdiff_t> inStrides = SignedStrides(inShape);
    const std::vector<ptrdiff_t> outStrides = SignedStrides(layer.m_Outputs[0].GetShape());
    // Each output dimension d splits into (repeat, index): output index repeat * in[d] + index reads input
    // index `index`, so the repeat has source stride 0.
    StridedCopyPlan plan;
    for (unsigned int d = 0; d < inShape.GetNumDimensions(); ++d)
    {
        plan.AddDim(desc.m_Multiples[d], 0, static_cast<ptrdiff_t>(inShape[d]) * outStrides[d]);
        plan.AddDim(inShape[d], inStrides[d], outStrides[d]);
    }
    return MakeStridedCopyWorkload(layer, plan);
}

} // namespace ref
} // namespace armnn
