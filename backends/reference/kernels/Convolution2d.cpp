#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"
#include "ImageIndex.hpp"

namespace armnn
{
namespace ref
{

// out[n, o, y, x] = bias[o] + sum over (ky, kx, i) of
//     in[n, i, y * strideY + ky * dilationY - padTop, x * strideX + kx * dilationX - padLeft] * w[o, i, ky, kx],
// padded elements reading as zero. Weights are [O, H, W, I] for NHWC and [O, I, H, W] for NCHW.
std::unique_ptr<IWorkload> CreateConvolution2d(const LayerInfo& layer)
{
    const Convolution2dDescriptor desc = layer.GetDescriptor<Convolution2dDescriptor>();
    const ImageIndex in(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const ImageIndex weights(layer.m_Inputs[1].GetShape(), desc.m_DataLayout);
    const ImageIndex out(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    return MakeFloatWorkload(layer, [=](const FloatInputs& inputs, const FloatOutputs& outputs) {
        for (size_t n = 0; n < out.Batches(); ++n)
        {
            for (size_t o = 0; o < out.Channels(); ++o)
            {
                for (size_t y = 0; y < out.Height(); ++y)
                {
                    for (size_t x = 0; x < out.Width(); ++x)
                    {
                        double sum = desc.m_BiasEnabled ? inputs[2][o] : 0.0;
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
                                    const float v = inputs[0][in(n, i, static_cast<size_t>(iy), static_cast<size_t>(ix))];
                                    sum += static_cast<double>(v) * inputs[1][weights(o, i, ky, kx)];
                                }
                            }
                        }
                        outputs[0][out(n, o, y, x)] = static_cast<float>(sum);
                    }
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
