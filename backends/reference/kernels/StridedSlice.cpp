//
// StridedSlice: along each dimension, the elements start, start + stride, ... before stop (TensorFlow's
// semantics; begin/end masks and negative indices resolved by the descriptor's GetStartForAxis/GetStopForAxis).
// A shrunk dimension keeps the single element at its begin index and disappears from the output.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateStridedSlice(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<StridedSliceDescriptor>();
    const TensorShape& inShape = layer.m_Inputs[0].GetShape();
    const std::vector<ptrdiff_t> inStrides = SignedStrides(inShape);
    // The iteration space keeps shrunk dimensions with size 1, so the output, read row-major, is the
    // iteration order: the non-shrunk counts are the output's dimensions in order.
    unsigned int outDim = 0;
    StridedCopyPlan plan;
    for (unsigned int d = 0; d < inShape.GetNumDimensions(); ++d)
    {
        const ptrdiff_t dim = static_cast<ptrdiff_t>(inShape[d]);
        if (desc.m_ShrinkAxisMask & (1 << d))
        {
            const ptrdiff_t index = desc.m_Begin[d] < 0 ? desc.m_Begin[d] + dim : desc.m_Begin[d];
            plan.m_FromOffset += index * inStrides[d];
            plan.AddDim(1, 0, 0);
            continue;
        }
        const ptrdiff_t start = desc.GetStartForAxis(inShape, d);
        plan.m_FromOffset += start * inStrides[d];
        plan.AddDim(layer.m_Outputs[0].GetShape()[outDim++], desc.m_Stride[d] * inStrides[d], 0);
    }
    ptrdiff_t contiguous = 1;
    for (size_t d = plan.m_Shape.size(); d-- > 0;)
    {
        plan.m_ToStride[d] = contiguous;
        contiguous *= static_cast<ptrdiff_t>(plan.m_Shape[d]);
    }
    return MakeStridedCopyWorkload(layer, plan);
}

} // namespace ref
} // namespace armnn
