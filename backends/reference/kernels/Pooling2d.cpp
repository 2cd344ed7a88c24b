#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"
#include "ImageIndex.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace armnn
{
namespace ref
{

// Each output element reduces the window rows [y * strideY - padTop, + poolHeight) by columns likewise:
// Max of the input elements in it; Average of them; L2 = sqrt(average of squares). Padding never takes part in
// Max. For Average and L2 the divisor is the number of input elements in the window (Exclude) or the number of
// window positions inside the padded input (IgnoreValue, the padding counting as zeros). The layer's shape
// inference guarantees every window holds at least one input element.
std::unique_ptr<IWorkload> CreatePooling2d(const LayerInfo& layer)
{
    const Pooling2dDescriptor desc = layer.GetDescriptor<Pooling2dDescriptor>();
    const ImageIndex in(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const ImageIndex out(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    return MakeFloatWorkload(layer, [=](const FloatInputs& inputs, const FloatOutputs& outputs) {
        const int64_t height = static_cast<int64_t>(in.Height());
        const int64_t width = static_cast<int64_t>(in.Width());
        for (size_t n = 0; n < out.Batches(); ++n)
        {
            for (size_t c = 0; c < out.Channels(); ++c)
            {
                for (size_t y = 0; y < out.Height(); ++y)
                {
                    for (size_t x = 0; x < out.Width(); ++x)
                    {
                        const int64_t y0 = static_cast<int64_t>(y * desc.m_StrideY) - desc.m_PadTop;
                        const int64_t x0 = static_cast<int64_t>(x * desc.m_StrideX) - desc.m_PadLeft;
                        // The window inside the padded input, and inside the input itself.
                        const int64_t y1 = std::min<int64_t>(y0 + desc.m_PoolHeight, height + desc.m_PadBottom);
                        const int64_t x1 = std::min<int64_t>(x0 + desc.m_PoolWidth, width + desc.m_PadRight);
                        const int64_t paddedCount = (y1 - y0) * (x1 - x0);
                        const int64_t yBegin = std::max<int64_t>(y0, 0);
                        const int64_t xBegin = std::max<int64_t>(x0, 0);
                        const int64_t yEnd = std::min(y1, height);
                        const int64_t xEnd = std::min(x1, width);
                        const int64_t inputCount = (yEnd - yBegin) * (xEnd - xBegin);

                        double max = -std::numeric_limits<double>::infinity();
                        double sum = 0.0;
                        double sumOfSquares = 0.0;
                        for (int64_t iy = yBegin; iy < yEnd; ++iy)
                        {
                            for (int64_t ix = xBegin; ix < xEnd; ++ix)
                            {
                                const double v =
                                    inputs[0][in(n, c, static_cast<size_t>(iy), static_cast<size_t>(ix))];
                                max = std::max(max, v);
                                sum += v;
                                sumOfSquares += v * v;
                            }
                        }
                        const double count = static_cast<double>(
                            desc.m_PaddingMethod == PaddingMethod::Exclude ? inputCount : paddedCount);
                        double result = max;
                        if (desc.m_PoolType == PoolingAlgorithm::Average)
                        {
                            result = sum / count;
                        }
                        else if (desc.m_PoolType == PoolingAlgorithm::L2)
                        {
                            result = std::sqrt(sumOfSquares / count);
                        }
                        outputs[0][out(n, c, y, x)] = static_cast<float>(result);
                    }
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
