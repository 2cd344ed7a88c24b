#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

bool CheckFullyConnected(const LayerInfo& layer, std::string& reason)
{
    const DataType type = layer.m_Inputs[0].GetDataType();
    if (layer.m_Outputs[0].GetDataType() != type)
    {
        reason = "output data type differs from the input's";
        return false;
    }
    const DataType weights = layer.m_Inputs[1].GetDataType();
    const bool quantized = type == DataType::QAsymmS8 || type == DataType::QAsymmU8;
    const bool weightsOk = quantized ? (weights == DataType::QAsymmS8 || weights == DataType::QSymmS8 ||
                                        weights == DataType::QAsymmU8)
                                     : (weights == type || weights == DataType::Float16 || weights == DataType::Float32);
    if (!weightsOk)
    {
        reason = std::string("weights (input 1) of data type ") + std::to_string(static_cast<int>(weights)) +
                 " do not match the input's";
        return false;
    }
    if (layer.m_Inputs.size() > 2)
    {
        const DataType bias = layer.m_Inputs[2].GetDataType();
        if (quantized ? bias != DataType::Signed32 : (bias != DataType::Float32 && bias != DataType::Float16))
        {
            reason = "bias (input 2) must be Signed32 for quantized inputs and float otherwise";
            return false;
        }
    }
    return true;
}

std::unique_ptr<IWorkload> CreateFullyConnected(const LayerInfo& layer)
{
    const FullyConnectedDescriptor desc = layer.GetDescriptor<FullyConnectedDescriptor>();
    const TensorShape& weights = layer.m_Inputs[1].GetShape();
    const size_t inputSize = desc.m_TransposeWeightMatrix ? weights[1] : weights[0];
    const size_t outputSize = desc.m_TransposeWeightMatrix ? weights[0] : weights[1];
    const size_t batches = layer.m_Inputs[0].GetNumElements() / inputSize;
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t b = 0; b < batches; ++b)
        {
            for (size_t o = 0; o < outputSize; ++o)
            {
                double sum = desc.m_BiasEnabled ? in[2][o] : 0.0;
                for (size_t i = 0; i < inputSize; ++i)
                {
                    const float w = desc.m_TransposeWeightMatrix ? in[1][o * inputSize + i] : in[1][i * outputSize + o];
                    sum += static_cast<double>(in[0][b * inputSize + i]) * w;
                }
                out[0][b * outputSize + o] = static_cast<float>(sum);
            }
        }
    });
}

} // namespace ref
} // namespace armnn
