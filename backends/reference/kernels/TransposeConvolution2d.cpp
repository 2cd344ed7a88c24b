#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"
#include "ImageIndex.hpp"

#include <vector>

namespace armnn
{
namespace ref
{

// The gradient of Convolution2d with respect to its input: each input element scatters
// in[n, i, y, x] * w[o, i, ky, kx] onto out[n, o, y * strideY + ky - padTop, x * strideX + kx - padLeft];
// contributions landing outside the output (in the padding) are dropped. Weights are [O, H, W, I] for NHWC
// and [O, I, H, W] for NCHW.
std::unique_ptr<IWorkload> CreateTransposeConvolution2d(const LayerInfo& layer)
{
    const TransposeConvolution2dDescriptor desc = layer.GetDescriptor<TransposeConvolution2dDescriptor>();
    const ImageIndex in(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const ImageIndex weights(layer.m_Inputs[1].GetShape(), desc.m_DataLayout);
    const ImageIndex out(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    const int64_t padTop = desc.m_PadTop;
    const int64_t padLeft = desc.m_PadLeft;
    const size_t strideY = desc.m_StrideY;
    const size_t strideX = desc.m_StrideX;
    return MakeWeightedWorkload(layer, out.GetChannelAxis(), [=](const auto* input, const auto* w, const auto* bias,
                                                                 auto* sums) {
        using Sum = std::decay_t<decltype(*sums)>;
        for (size_t n = 0; n < in.Batches(); ++n)
        {
            for (size_t y = 0; y < in.Height(); ++y)
            {
                for (size_t x = 0; x < in.Width(); ++x)
                {
                    for (size_t ky = 0; ky < weights.Height(); ++ky)
                    {
                        const int64_t oy = static_cast<int64_t>(y * strideY + ky) - padTop;
                        if (oy < 0 || oy >= static_cast<int64_t>(out.Height()))
                        {
                            continue;
                        }
                        for (size_t kx = 0; kx < weights.Width(); ++kx)
                        {
                            const int64_t ox = static_cast<int64_t>(x * strideX + kx) - padLeft;
                            if (ox < 0 || ox >= static_cast<int64_t>(out.Width()))
                            {
                                continue;
                            }
                            for (size_t o = 0; o < out.Channels(); ++o)
                            {
                                Sum& sum = sums[out(n, o, static_cast<size_t>(oy), static_cast<size_t>(ox))];
                                for (size_t i = 0; i < in.Channels(); ++i)
                                {
                                    sum += static_cast<Sum>(input[in(n, i, y, x)]) * w[weights(o, i, ky, kx)];
                                }
                            }
                        }
                    }
                }
            }
        }
        if (bias == nullptr)
        {
            return;
        }
        for (size_t n = 0; n < out.Batches(); ++n)
        {
            for (size_t o = 0; o < out.Channels(); ++o)
            {
                for (size_t y = 0; y < out.Height(); ++y)
                {
                    for (size_t x = 0; x < out.Width(); ++x)
                    {
                        sums[out(n, o, y, x)] += bias[o];
                    }
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
