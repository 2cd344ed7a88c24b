//
// Transpose and Permute: the same element move, with the permutation read in opposite directions.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

namespace
{
/// sourceOf[i] is the input dimension that becomes output dimension i.
std::unique_ptr<IWorkload> CreateDimensionMove(const LayerInfo& layer, const std::vector<unsigned int>& sourceOf)
{
    const std::vector<ptrdiff_t> inStrides = SignedStrides(layer.m_Inputs[0].GetShape());
    const TensorShape& outShape = layer.m_Outputs[0].GetShape();
    const std::vector<ptrdiff_t> outStrides = SignedStrides(outShape);
    StridedCopyPlan plan;
    for (unsigned int i = 0; i < outShape.GetNumDimensions(); ++i)
    {
        plan.AddDim(outShape[i], inStrides[sourceOf[i]], outStrides[i]);
    }
    return MakeStridedCopyWorkload(layer, plan);
}
} // namespace

std::unique_ptr<IWorkload> CreateTranspose(const LayerInfo& layer)
{
    // TensorFlow's perm: output dimension i is input dimension m_DimMappings[i].
    const PermutationVector& perm = layer.GetDescriptor<TransposeDescriptor>().m_DimMappings;
    return CreateDimensionMove(layer, std::vector<unsigned int>(perm.begin(), perm.end()));
}

std::unique_ptr<IWorkload> CreatePermute(const LayerInfo& layer)
{
    // Arm NN's convention: input dimension i goes to output dimension m_DimMappings[i].
    const PermutationVector& perm = layer.GetDescriptor<PermuteDescriptor>().m_DimMappings;
    std::vector<unsigned int> sourceOf(perm.GetSize());
    for (unsigned int i = 0; i < perm.GetSize(); ++i)
    {
        sourceOf[perm[i]] = i;
    }
    return CreateDimensionMove(layer, sourceOf);
}

} // namespace ref
} // namespace armnn
