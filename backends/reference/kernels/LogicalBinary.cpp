#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateLogicalBinary(const LayerInfo& layer)
{
    const bool isAnd = layer.GetDescriptor<LogicalBinaryDescriptor>().m_Operation == LogicalBinaryOperation::LogicalAnd;
    const TensorShape& outShape = layer.m_Outputs[0].GetShape();
    const std::vector<size_t> indexA = BroadcastIndices(layer.m_Inputs[0].GetShape(), outShape);
    const std::vector<size_t> indexB = BroadcastIndices(layer.m_Inputs[1].GetShape(), outShape);
    const size_t count = outShape.GetNumElements();
    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        const uint8_t* a = t.Input<uint8_t>(0);
        const uint8_t* b = t.Input<uint8_t>(1);
        uint8_t* out = t.Output<uint8_t>(0);
        for (size_t i = 0; i < count; ++i)
        {
            const bool x = a[indexA[i]] != 0;
            const bool y = b[indexB[i]] != 0;
            out[i] = (isAnd ? (x && y) : (x || y)) ? 1 : 0;
        }
    });
}

} // namespace ref
} // namespace armnn
