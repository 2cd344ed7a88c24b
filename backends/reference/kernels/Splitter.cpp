//
// Splitter: each output is copied out of its view of the input (origins and sizes from the descriptor).
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateSplitter(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ViewsDescriptor>();
    const TensorInfo input = layer.m_Inputs[0];
    const std::vector<ptrdiff_t> inStrides = SignedStrides(input.GetShape());
    std::vector<StridedCopyPlan> plans;
    for (unsigned int v = 0; v < desc.GetNumViews(); ++v)
    {
        const TensorShape& outShape = layer.m_Outputs[v].GetShape();
        const std::vector<ptrdiff_t> outStrides = SignedStrides(outShape);
        const uint32_t* origin = desc.GetViewOrigin(v);
        StridedCopyPlan plan;
        for (unsigned int d = 0; d < outShape.GetNumDimensions(); ++d)
        {
            plan.AddDim(outShape[d], inStrides[d], outStrides[d]);
            plan.m_FromOffset += static_cast<ptrdiff_t>(origin[d]) * inStrides[d];
        }
        plans.push_back(plan);
    }
    const std::vector<TensorInfo> outputs = layer.m_Outputs;
    return MakeTensorWorkload([input, outputs, plans](const ExecutionTensors& t) {
        for (size_t v = 0; v < plans.size(); ++v)
        {
            StridedCopyConverting(plans[v], input, t.Input(0), outputs[v], t.Output(v));
        }
    });
}

} // namespace ref
} // namespace armnn
