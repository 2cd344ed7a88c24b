//
// Local response normalization across channels (TFLite's LOCAL_RESPONSE_NORMALIZATION, Arm NN's
// NormalizationDescriptor with Across and LocalBrightness):
//   radius = m_NormSize / 2 (integer division; m_NormSize is the window size, 2 * radius + 1 for TFLite)
//   y[c] = x[c] * (m_K + m_Alpha * sum_{c' = c - radius .. c + radius, inside [0, C)} x[c']^2) ^ -m_Beta
// m_Alpha is not divided by the window size.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"
#include "LayoutSplit.hpp"

#include <armnn/backends/KernelRegistry.hpp>

#include <algorithm>
#include <cmath>

namespace armnn
{
namespace ref
{

bool CheckNormalization(const LayerInfo& layer, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<NormalizationDescriptor>();
    if (desc.m_NormChannelType != NormalizationAlgorithmChannel::Across ||
        desc.m_NormMethodType != NormalizationAlgorithmMethod::LocalBrightness)
    {
        reason = "only Across-channel LocalBrightness normalization is implemented";
        return false;
    }
    return CheckAllSameDataType(layer, reason);
}

std::unique_ptr<IWorkload> CreateNormalization(const LayerInfo& layer)
{
    const NormalizationDescriptor desc = layer.GetDescriptor<NormalizationDescriptor>();
    const ChannelSplit s = SplitAtChannels(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const size_t radius = desc.m_NormSize / 2;
    return MakeFloatWorkload(layer, [desc, s, radius](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t o = 0; o < s.m_Outer; ++o)
        {
            for (size_t i = 0; i < s.m_Inner; ++i)
            {
                for (size_t c = 0; c < s.m_Channels; ++c)
                {
                    const size_t first = c >= radius ? c - radius : 0;
                    const size_t last = std::min(s.m_Channels - 1, c + radius);
                    double sum = 0.0;
                    for (size_t k = first; k <= last; ++k)
                    {
                        const double x = in[0][s.Index(o, k, i)];
                        sum += x * x;
                    }
                    const double scale = std::pow(desc.m_K + desc.m_Alpha * sum, -static_cast<double>(desc.m_Beta));
                    const size_t index = s.Index(o, c, i);
                    out[0][index] = static_cast<float>(in[0][index] * scale);
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
