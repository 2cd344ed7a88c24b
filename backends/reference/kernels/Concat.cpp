//
// Concat: each input is copied into its view of the output (the views' origins come from the descriptor;
// shape inference has checked that they tile the output).
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateConcat(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<OriginsDescriptor>();
    const TensorInfo output = layer.m_Outputs[0];
    const std::vector<ptrdiff_t> outStrides = SignedStrides(output.GetShape());
    std::vector<StridedCopyPlan> plans;
    for (unsigned int v = 0; v < desc.GetNumViews(); ++v)
    {
        const TensorShape& inShape = layer.m_Inputs[v].GetShape();
        const std::vector<ptrdiff_t> inStrides = SignedStrides(inShape);
        const uint32_t* origin = desc.GetViewOrigin(v);
        StridedCopyPlan plan;
        for (unsigned int d = 0; d < inShape.GetNumDimensions(); ++d)
        {
            plan.AddDim(inShape[d], inStrides[d], outStrides[d]);
            plan.m_ToOffset += static_cast<ptrdiff_t>(origin[d]) * outStrides[d];
        }
        plans.push_back(plan);
    }
    const std::vector<TensorInfo> inputs = layer.m_Inputs;
    return MakeTensorWorkload([inputs, output, plans](const ExecutionTensors& t) {
        for (size_t v = 0; v < plans.size(); ++v)
        {
            StridedCopyConverting(plans[v], inputs[v], t.Input(v), output, t.Output(0));
        }
    });
}

} // namespace ref
} // namespace armnn
