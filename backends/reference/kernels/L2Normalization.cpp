#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"
#include "LayoutSplit.hpp"

#include <algorithm>
#include <cmath>

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateL2Normalization(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<L2NormalizationDescriptor>();
    const float eps = desc.m_Eps;
    const ChannelSplit s = SplitAtChannels(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    // y = x / sqrt(max(sum over channels of x^2, eps)), Arm NN's convention for m_Eps.
    return MakeFloatWorkload(layer, [eps, s](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t o = 0; o < s.m_Outer; ++o)
        {
            for (size_t i = 0; i < s.m_Inner; ++i)
            {
                double sum = 0.0;
                for (size_t c = 0; c < s.m_Channels; ++c)
                {
                    const double x = in[0][s.Index(o, c, i)];
                    sum += x * x;
                }
                const double scale = 1.0 / std::sqrt(std::max(sum, static_cast<double>(eps)));
                for (size_t c = 0; c < s.m_Channels; ++c)
                {
                    const size_t index = s.Index(o, c, i);
                    out[0][index] = static_cast<float>(in[0][index] * scale);
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
