#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

// out[b, o] = bias[o] + sum over i of in[b, i] * w, w = weights[o, i] (m_TransposeWeightMatrix) or weights[i, o].
std::unique_ptr<IWorkload> CreateFullyConnected(const LayerInfo& layer)
{
    const FullyConnectedDescriptor desc = layer.GetDescriptor<FullyConnectedDescriptor>();
    const TensorShape& weights = layer.m_Inputs[1].GetShape();
    const size_t inputSize = desc.m_TransposeWeightMatrix ? weights[1] : weights[0];
    const size_t outputSize = desc.m_TransposeWeightMatrix ? weights[0] : weights[1];
    const size_t batches = layer.m_Inputs[0].GetNumElements() / inputSize;
    const ChannelAxis channels{1, outputSize};
    // LiteRT rescales per-channel fully connected sums with one rounding (per-tensor ones, like convolutions, with
    // two: docs/quantization.md).
    const bool singleRounding = layer.m_Inputs[1].HasMultipleQuantizationScales();
    return MakeWeightedWorkload(layer, channels, [=](const auto* in, const auto* w, const auto* bias, auto* sums) {
        for (size_t b = 0; b < batches; ++b)
        {
            for (size_t o = 0; o < outputSize; ++o)
            {
                auto& sum = sums[b * outputSize + o];
                if (bias != nullptr)
                {
                    sum += bias[o];
                }
                for (size_t i = 0; i < inputSize; ++i)
                {
                    const auto weight = desc.m_TransposeWeightMatrix ? w[o * inputSize + i] : w[i * outputSize + o];
                    sum += static_cast<std::decay_t<decltype(sum)>>(in[b * inputSize + i]) * weight;
                }
            }
        }
    }, singleRounding);
}

} // namespace ref
} // namespace armnn
