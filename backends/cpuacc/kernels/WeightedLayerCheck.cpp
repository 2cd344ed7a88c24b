#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>

namespace armnn
{
namespace cpuacc
{

// Weights are packed once, at load, into oneDNN's layout: they must be constant. Half-precision weights are
// decoded to float then; the arithmetic is Float32 either way.
bool CheckFloatWeightedLayer(const LayerInfo& layer, bool biasEnabled, std::string& reason)
{
    if (layer.m_Outputs[0].GetDataType() != DataType::Float32)
    {
        reason = std::string("output data type ") + GetDataTypeName(layer.m_Outputs[0].GetDataType()) +
                 " differs from the input's Float32";
        return false;
    }
    const size_t parameters = biasEnabled ? 3 : 2;
    if (layer.m_Inputs.size() < parameters)
    {
        reason = "the weights or bias input is missing";
        return false;
    }
    for (size_t i = 1; i < parameters; ++i)
    {
        const DataType type = layer.m_Inputs[i].GetDataType();
        if (type != DataType::Float32 && type != DataType::Float16)
        {
            reason = std::string(i == 1 ? "weights" : "bias") + " (input " + std::to_string(i) + ") of data type " +
                     GetDataTypeName(type) + " cannot be used with Float32 inputs";
            return false;
        }
    }
    if (!CheckConstantInputs(layer, biasEnabled ? std::initializer_list<size_t>{1, 2} : std::initializer_list<size_t>{1},
                             reason))
    {
        reason += " (CpuAcc packs weights and bias once, at load)";
        return false;
    }
    return CheckFusedActivation(layer, reason);
}

} // namespace cpuacc
} // namespace armnn
