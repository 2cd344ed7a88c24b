#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace ref
{

bool CheckPrelu(const LayerInfo& layer, std::string& reason)
{
    // Input, alpha and output share a data type; their quantization parameters may differ.
    return CheckAllSameDataType(layer, reason) && CheckNoPerAxisQuantization(layer, reason);
}

std::unique_ptr<IWorkload> CreatePrelu(const LayerInfo& layer)
{
    const TensorShape& outShape = layer.m_Outputs[0].GetShape();
    const std::vector<size_t> indexX = BroadcastIndices(layer.m_Inputs[0].GetShape(), outShape);
    const std::vector<size_t> indexAlpha = BroadcastIndices(layer.m_Inputs[1].GetShape(), outShape);
    const size_t count = outShape.GetNumElements();
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t i = 0; i < count; ++i)
        {
            const float x = in[0][indexX[i]];
            out[0][i] = x >= 0.0f ? x : in[1][indexAlpha[i]] * x;
        }
    });
}

} // namespace ref
} // namespace armnn
