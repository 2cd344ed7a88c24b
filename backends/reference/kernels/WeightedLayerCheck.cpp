#include "../RefKernels.hpp"

#include <armnn/TypesUtils.hpp>

namespace armnn
{
namespace ref
{

// Data types of the layers that take (input, weights, optional bias): the kernels compute in float, so any float
// storage works for float layers; quantized layers follow TensorFlow Lite (int8/uint8 weights, int32 bias; with
// int16 activations, 16x8: int8 symmetric weights, int32 or int64 bias).
bool CheckWeightedLayer(const LayerInfo& layer, std::string& reason)
{
    const DataType type = layer.m_Inputs[0].GetDataType();
    if (layer.m_Outputs[0].GetDataType() != type)
    {
        reason = std::string("output data type ") + GetDataTypeName(layer.m_Outputs[0].GetDataType()) +
                 " differs from the input's " + GetDataTypeName(type);
        return false;
    }
    const DataType weights = layer.m_Inputs[1].GetDataType();
    // QSymmS16 is TFLite's 16x8: int16 activations with symmetric int8 weights.
    const bool wide = type == DataType::QSymmS16;
    const bool quantized = type == DataType::QAsymmS8 || type == DataType::QAsymmU8 || wide;
    const bool weightsOk = wide        ? weights == DataType::QSymmS8
                           : quantized ? (weights == DataType::QAsymmS8 || weights == DataType::QSymmS8 ||
                                          weights == DataType::QAsymmU8)
                                       : (weights == DataType::Float16 || weights == DataType::Float32);
    if (!weightsOk)
    {
        reason = std::string("weights (input 1) of data type ") + GetDataTypeName(weights) +
                 " cannot be used with input data type " + GetDataTypeName(type);
        return false;
    }
    if (layer.m_Inputs.size() > 2)
    {
        const DataType bias = layer.m_Inputs[2].GetDataType();
        const bool biasOk = wide        ? (bias == DataType::Signed32 || bias == DataType::Signed64)
                            : quantized ? bias == DataType::Signed32
                                        : (bias == DataType::Float32 || bias == DataType::Float16);
        if (!biasOk)
        {
            reason = std::string("bias (input 2) of data type ") + GetDataTypeName(bias) +
                     " must be Signed32 for quantized inputs (or Signed64 with QSymm16 ones) and Float32 or Float16 "
                     "otherwise";
            return false;
        }
    }
    if (layer.m_Inputs[0].HasPerAxisQuantization() || layer.m_Outputs[0].HasPerAxisQuantization())
    {
        reason = "per-axis quantization is supported on the weights and bias only";
        return false;
    }
    return true;
}

} // namespace ref
} // namespace armnn
