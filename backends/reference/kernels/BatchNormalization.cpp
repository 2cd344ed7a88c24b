#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"
#include "LayoutSplit.hpp"

#include <cmath>

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateBatchNormalization(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<BatchNormalizationDescriptor>();
    const float eps = desc.m_Eps;
    const ChannelSplit s = SplitAtChannels(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    // Inputs: x, mean, variance, beta, gamma.
    return MakeFloatWorkload(layer, [eps, s](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t c = 0; c < s.m_Channels; ++c)
        {
            const float mean = in[1][c];
            const float scale = in[4][c] / std::sqrt(in[2][c] + eps);
            const float beta = in[3][c];
            for (size_t o = 0; o < s.m_Outer; ++o)
            {
                for (size_t i = 0; i < s.m_Inner; ++i)
                {
                    const size_t index = s.Index(o, c, i);
                    out[0][index] = scale * (in[0][index] - mean) + beta;
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
