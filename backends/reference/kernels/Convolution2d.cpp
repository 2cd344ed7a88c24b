#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"
#include "ImageIndex.hpp"

namespace armnn
{
namespace ref
{

// out[n, o, y, x] = bias[o] + sum over (ky, kx, i) of
//     in[n, i, y * strideY + ky * dilationY - padTop, x * strideX + kx * dilationX - padLeft] * w[o, i, ky, kx],
// padded elements reading as zero (as the input's zero point when quantized). Weights are [O, H, W, I] for NHWC
// and [O, I, H, W] for NCHW.
std::unique_ptr<IWorkload> CreateConvolution2d(const LayerInfo& layer)
{
    const Convolution2dDescriptor desc = layer.GetDescriptor<Convolution2dDescriptor>();
    const ImageIndex in(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const ImageIndex weights(layer.m_Inputs[1].GetShape(), desc.m_DataLayout);
    const ImageIndex out(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    return MakeWeightedWorkload(layer, out.GetChannelAxis(), [=](const auto* input, const auto* w, const auto* bias,
                                                                 auto* sums) {
        for (size_t n = 0; n < out.Batches(); ++n)
        {
            for (size_t o = 0; o < out.Channels(); ++o)
            {
                for (size_t y = 0; y < out.Height(); ++y)
                {
                    for (size_t x = 0; x < out.Width(); ++x)
                    {
                        auto& sum = sums[out(n, o, y, x)];
                        if (bias != nullptr)
                        {
                            sum += bias[o];
                        }
                        for (size_t ky = 0; ky < weights.Height(); ++ky)
                        {
                            // Signed: the window may start in the leading padding.
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
                                for (size_t i = 0; i < in.Channels(); ++i)
                                {
                                    const auto v = input[in(n, i, static_cast<size_t>(iy), static_cast<size_t>(ix))];
                                    sum += static_cast<std::decay_t<decltype(sum)>>(v) * w[weights(o, i, ky, kx)];
                                }
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
