#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{
namespace
{

/// Flat offsets of a 5-D volume tensor in NDHWC or NCDHW (the layer's shape inference has checked it is 5-D).
class VolumeIndex
{
public:
    VolumeIndex(const TensorShape& shape, DataLayout layout) : m_Last(layout == DataLayout::NDHWC)
    {
        m_N = shape[0];
        m_C = m_Last ? shape[4] : shape[1];
        m_D = m_Last ? shape[1] : shape[2];
        m_H = m_Last ? shape[2] : shape[3];
        m_W = m_Last ? shape[3] : shape[4];
    }

    size_t operator()(size_t n, size_t c, size_t d, size_t h, size_t w) const
    {
        return m_Last ? (((n * m_D + d) * m_H + h) * m_W + w) * m_C + c
                      : (((n * m_C + c) * m_D + d) * m_H + h) * m_W + w;
    }

    ChannelAxis GetChannelAxis() const { return {m_Last ? 1 : m_D * m_H * m_W, m_C}; }

    size_t m_N, m_C, m_D, m_H, m_W;

private:
    bool m_Last;
};

/// Input coordinate of output coordinate `o` and kernel tap `k` along one axis; false when it falls in the padding.
bool Tap(size_t o, size_t k, uint32_t stride, uint32_t dilation, uint32_t padBefore, size_t size, size_t& at)
{
    // Signed: the window may start in the leading padding.
    const int64_t i = static_cast<int64_t>(o * stride + k * dilation) - padBefore;
    if (i < 0 || i >= static_cast<int64_t>(size))
    {
        return false;
    }
    at = static_cast<size_t>(i);
    return true;
}

} // namespace

// out[n, o, z, y, x] = bias[o] + sum over (kz, ky, kx, i) of
//     in[n, i, z * strideZ + kz * dilationZ - padFront, y * strideY + ky * dilationY - padTop,
//        x * strideX + kx * dilationX - padLeft] * w[kz, ky, kx, i, o],
// padded elements reading as zero (as the input's zero point when quantized). Weights are [D, H, W, I, O] in both
// data layouts.
std::unique_ptr<IWorkload> CreateConvolution3d(const LayerInfo& layer)
{
    const Convolution3dDescriptor desc = layer.GetDescriptor<Convolution3dDescriptor>();
    const VolumeIndex in(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const VolumeIndex out(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    const TensorShape& weights = layer.m_Inputs[1].GetShape();
    const size_t kd = weights[0], kh = weights[1], kw = weights[2], numIn = weights[3], numOut = weights[4];
    return MakeWeightedWorkload(layer, out.GetChannelAxis(), [=](const auto* input, const auto* w, const auto* bias,
                                                                 auto* sums) {
        for (size_t n = 0; n < out.m_N; ++n)
        {
            for (size_t z = 0; z < out.m_D; ++z)
            {
                for (size_t y = 0; y < out.m_H; ++y)
                {
                    for (size_t x = 0; x < out.m_W; ++x)
                    {
                        for (size_t o = 0; o < numOut; ++o)
                        {
                            auto& sum = sums[out(n, o, z, y, x)];
                            if (bias != nullptr)
                            {
                                sum += bias[o];
                            }
                            for (size_t dz = 0; dz < kd; ++dz)
                            {
                                size_t iz = 0;
                                if (!Tap(z, dz, desc.m_StrideZ, desc.m_DilationZ, desc.m_PadFront, in.m_D, iz))
                                {
                                    continue;
                                }
                                for (size_t dy = 0; dy < kh; ++dy)
                                {
                                    size_t iy = 0;
                                    if (!Tap(y, dy, desc.m_StrideY, desc.m_DilationY, desc.m_PadTop, in.m_H, iy))
                                    {
                                        continue;
                                    }
                                    for (size_t dx = 0; dx < kw; ++dx)
                                    {
                                        size_t ix = 0;
                                        if (!Tap(x, dx, desc.m_StrideX, desc.m_DilationX, desc.m_PadLeft, in.m_W, ix))
                                        {
                                            continue;
                                        }
                                        const size_t tap = ((dz * kh + dy) * kw + dx) * numIn;
                                        for (size_t i = 0; i < numIn; ++i)
                                        {
                                            const auto v = input[in(n, i, iz, iy, ix)];
                                            sum += static_cast<std::decay_t<decltype(sum)>>(v) *
                                                   w[(tap + i) * numOut + o];
                                        }
                                    }
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
