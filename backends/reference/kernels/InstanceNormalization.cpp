#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"
#include "LayoutSplit.hpp"

#include <cmath>

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateInstanceNormalization(const LayerInfo& layer)
{
    const InstanceNormalizationDescriptor desc = layer.GetDescriptor<InstanceNormalizationDescriptor>();
    const TensorShape& shape = layer.m_Inputs[0].GetShape();
    const unsigned int channelAxis = ChannelAxis(desc.m_DataLayout, shape.GetNumDimensions());
    const size_t batches = shape[0];
    const size_t channels = shape[channelAxis];
    // Guard against empty tensors (a zero dimension) rather than divide by zero.
    const size_t spatial = batches * channels == 0 ? 0 : shape.GetNumElements() / (batches * channels);
    const bool channelsLast = channelAxis == shape.GetNumDimensions() - 1;
    // Element s of the spatial positions of (batch n, channel c).
    auto index = [=](size_t n, size_t c, size_t sp) {
        return channelsLast ? (n * spatial + sp) * channels + c : (n * channels + c) * spatial + sp;
    };
    // Per batch and channel: y = gamma * (x - mean) / sqrt(variance + eps) + beta, with the (biased) mean and
    // variance taken over the spatial positions.
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t n = 0; n < batches; ++n)
        {
            for (size_t c = 0; c < channels; ++c)
            {
                double sum = 0.0;
                for (size_t sp = 0; sp < spatial; ++sp)
                {
                    sum += in[0][index(n, c, sp)];
                }
                const double mean = sum / static_cast<double>(spatial);
                double squares = 0.0;
                for (size_t sp = 0; sp < spatial; ++sp)
                {
                    const double d = in[0][index(n, c, sp)] - mean;
                    squares += d * d;
                }
                const double variance = squares / static_cast<double>(spatial);
                const double scale = desc.m_Gamma / std::sqrt(variance + desc.m_Eps);
                for (size_t sp = 0; sp < spatial; ++sp)
                {
                    const size_t i = index(n, c, sp);
                    out[0][i] = static_cast<float>((in[0][i] - mean) * scale + desc.m_Beta);
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
