//
// Stack: input k becomes index k of the new output dimension m_Axis.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateStack(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<StackDescriptor>();
    const TensorInfo output = layer.m_Outputs[0];
    const std::vector<ptrdiff_t> outStrides = SignedStrides(output.GetShape());
    std::vector<StridedCopyPlan> plans;
    for (unsigned int k = 0; k < desc.m_NumInputs; ++k)
    {
        const TensorShape& inShape = layer.m_Inputs[k].GetShape();
        const std::vector<ptrdiff_t> inStrides = SignedStrides(inShape);
        StridedCopyPlan plan;
        plan.m_ToOffset = static_cast<ptrdiff_t>(k) * outStrides[desc.m_Axis];
        for (unsigned int d = 0; d < inShape.GetNumDimensions(); ++d)
        {
            // Output dimensions at and after the new axis are shifted by one.
            plan.AddDim(inShape[d], inStrides[d], outStrides[d < desc.m_Axis ? d : d + 1]);
        }
        plans.push_back(plan);
    }
    const std::vector<TensorInfo> inputs = layer.m_Inputs;
    return MakeTensorWorkload([inputs, output, plans](const ExecutionTensors& t) {
        for (size_t k = 0; k < plans.size(); ++k)
        {
            StridedCopyConverting(plans[k], inputs[k], t.Input(k), output, t.Output(0));
        }
    });
}

} // namespace ref
} // namespace armnn
