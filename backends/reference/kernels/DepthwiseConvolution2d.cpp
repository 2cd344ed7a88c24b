#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"
#include "ImageIndex.hpp"

namespace armnn
{
namespace ref
{

// Output channel c (of C * M) reads input channel c / M through weights [1, H, W, C * M] (TensorFlow Lite's
// layout, whatever the data layout):
// out[n, c, y, x] = bias[c] + sum over (ky, kx) of
//     in[n, c / M, y * strideY + ky * dilationY - padTop, x * strideX + kx * dilationX - padLeft] * w[0, ky, kx, c].
std::unique_ptr<IWorkload> CreateDepthwiseConvolution2d(const LayerInfo& layer)
{
    const DepthwiseConvolution2dDescriptor desc = layer.GetDescriptor<DepthwiseConvolution2dDescriptor>();
    const ImageIndex in(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const ImageIndex weights(layer.m_Inputs[1].GetShape(), DataLayout::NHWC);
    const ImageIndex out(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    const size_t multiplier = out.Channels() / in.Channels();
    return MakeWeightedWorkload(layer, out.GetChannelAxis(), [=](const auto* input, const auto* w, const auto* bias,
                                                                 auto* sums) {
        for (size_t n = 0; n < out.Batches(); ++n)
        {
            for (size_t c = 0; c < out.Channels(); ++c)
            {
                for (size_t y = 0; y < out.Height(); ++y)
                {
                    for (size_t x = 0; x < out.Width(); ++x)
                    {
                        auto& sum = sums[out(n, c, y, x)];
                        if (bias != nullptr)
                        {
                            sum += bias[c];
                        }
                        for (size_t ky = 0; ky < weights.Height(); ++ky)
                        {
                            const int64_t iy = static_cast<int64_t>(y * desc.m_StrideY + ky * desc.m_DilationY) -
                                               desc.m_PadTop;
                            if (iy < 0 || iy >= static_cast<int64_t>(in.Height()))
                            {
                                continue;
                            }
                            for (size_t kx = 0; kx < weights.Width(); ++kx)
                            {
                                const int64_t ix = static_cast<int64_t>(x * desc.m_StrideX + kx * desc.m_DilationX) -
                                                   desc.m_PadLeft;
                                if (ix < 0 || ix >= static_cast<int64_t>(in.Width()))
                                {
                                    continue;
                                }
                                const auto v =
                                    input[in(n, c / multiplier, static_cast<size_t>(iy), static_cast<size_t>(ix))];
                                sum += static_cast<std::decay_t<decltype(sum)>>(v) * w[weights(0, c, ky, kx)];
                            }
                        }
                    }
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
