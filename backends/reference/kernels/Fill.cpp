#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

namespace armnn
{
namespace ref
{

bool CheckFill(const LayerInfo& layer, std::string& reason)
{
    const DataType out = layer.m_Outputs[0].GetDataType();
    if (out != DataType::Float32 && out != DataType::Float16 && out != DataType::Signed32)
    {
        reason = std::string("output data type ") + GetDataTypeName(out) + " is not Float32, Float16 or Signed32";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateFill(const LayerInfo& layer)
{
    // The output never changes: encode it once (m_Value rounded for Signed32).
    const TensorInfo output = layer.m_Outputs[0];
    const std::vector<float> values(output.GetNumElements(), layer.GetDescriptor<FillDescriptor>().m_Value);
    std::vector<uint8_t> encoded(output.GetNumBytes());
    EncodeFromFloat(output, values.data(), encoded.data());
    return MakeTensorWorkload([encoded](const ExecutionTensors& t) {
        std::copy(encoded.begin(), encoded.end(), t.Output<uint8_t>(0));
    });
}

} // namespace ref
} // namespace armnn
