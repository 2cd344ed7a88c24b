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
namespace
{
/// One output element's window: the input rows [m_Y0, m_Y1) and columns [m_X0, m_X1) and the divisor of averages.
struct Window
{
    int64_t m_Y0, m_Y1, m_X0, m_X1, m_Count;
};

Window GetWindow(const Pooling2dDescriptor& desc, const ImageIndex& in, size_t y, size_t x)
{
    const int64_t height = static_cast<int64_t>(in.Height());
    const int64_t width = static_cast<int64_t>(in.Width());
    const int64_t y0 = static_cast<int64_t>(y * desc.m_StrideY) - desc.m_PadTop;
    const int64_t x0 = static_cast<int64_t>(x * desc.m_StrideX) - desc.m_PadLeft;
    // The window inside the padded input, and inside the input itself.
    const int64_t y1 = std::min<int64_t>(y0 + desc.m_PoolHeight, height + desc.m_PadBottom);
    const int64_t x1 = std::min<int64_t>(x0 + desc.m_PoolWidth, width + desc.m_PadRight);
    Window w{std::max<int64_t>(y0, 0), std::min(y1, height), std::max<int64_t>(x0, 0), std::min(x1, width), 0};
    w.m_Count = desc.m_PaddingMethod == PaddingMethod::Exclude ? (w.m_Y1 - w.m_Y0) * (w.m_X1 - w.m_X0)
                                                                : (y1 - y0) * (x1 - x0);
    return w;
}
} // namespace

std::unique_ptr<IWorkload> CreatePooling2d(const LayerInfo& layer)
{
    const Pooling2dDescriptor desc = layer.GetDescriptor<Pooling2dDescriptor>();
    const ImageIndex in(layer.m_Inputs[0].GetShape(), desc.m_DataLayout);
    const ImageIndex out(layer.m_Outputs[0].GetShape(), desc.m_DataLayout);
    QuantizedRange range;
    const TensorInfo inInfo = layer.m_Inputs[0];
    const TensorInfo outInfo = layer.m_Outputs[0];
    if (desc.m_PoolType == PoolingAlgorithm::Average && IsQuantized8BitAsymmetric(inInfo.GetDataType()) &&
        outInfo.GetDataType() == inInfo.GetDataType() &&
        outInfo.GetQuantizationScale() == inInfo.GetQuantizationScale() &&
        outInfo.GetQuantizationOffset() == inInfo.GetQuantizationOffset() &&
        GetActivationRange(outInfo, layer.m_FusedActivation, range))
    {
        // TensorFlow Lite's integer average: the sum of the stored values divided by the count, rounded half
        // away from zero, clamped (input and output share their quantization).
        return MakeTensorWorkload([=](const ExecutionTensors& t) {
            const std::vector<int32_t> values = ReadQuantized(inInfo, t.Input(0));
            std::vector<int32_t> result(outInfo.GetNumElements());
            for (size_t n = 0; n < out.Batches(); ++n)
            {
                for (size_t c = 0; c < out.Channels(); ++c)
                {
                    for (size_t y = 0; y < out.Height(); ++y)
                    {
                        for (size_t x = 0; x < out.Width(); ++x)
                        {
                            const Window w = GetWindow(desc, in, y, x);
                            int64_t sum = 0;
                            for (int64_t iy = w.m_Y0; iy < w.m_Y1; ++iy)
                            {
                                for (int64_t ix = w.m_X0; ix < w.m_X1; ++ix)
                                {
                                    sum += values[in(n, c, static_cast<size_t>(iy), static_cast<size_t>(ix))];
                                }
                            }
                            const int64_t average = sum > 0 ? (sum + w.m_Count / 2) / w.m_Count
                                                            : (sum - w.m_Count / 2) / w.m_Count;
                            result[out(n, c, y, x)] = range.Clamp(SaturateToInt32(average));
                        }
                    }
                }
            }
            WriteQuantized(outInfo, result.data(), t.Output(0));
        });
    }
    return MakeFloatWorkload(layer, [=](const FloatInputs& inputs, const FloatOutputs& outputs) {
        for (size_t n = 0; n < out.Batches(); ++n)
        {
            for (size_t c = 0; c < out.Channels(); ++c)
            {
                for (size_t y = 0; y < out.Height(); ++y)
                {
                    for (size_t x = 0; x < out.Width(); ++x)
                    {
                        const Window w = GetWindow(desc, in, y, x);
                        double max = -std::numeric_limits<double>::infinity();
                        double sum = 0.0;
                        double sumOfSquares = 0.0;
                        for (int64_t iy = w.m_Y0; iy < w.m_Y1; ++iy)
                        {
                            for (int64_t ix = w.m_X0; ix < w.m_X1; ++ix)
                            {
                                const double v =
                                    inputs[0][in(n, c, static_cast<size_t>(iy), static_cast<size_t>(ix))];
                                max = std::max(max, v);
                                sum += v;
                                sumOfSquares += v * v;
                            }
                        }
                        const double count = static_cast<double>(w.m_Count);
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
