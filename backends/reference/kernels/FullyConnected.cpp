#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

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
