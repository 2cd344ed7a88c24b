//
// Resize, following TensorFlow Lite's RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR, computed in float.
// For each spatial dimension with input size in and output size out:
//   scale = (m_AlignCorners && out > 1) ? (in - 1) / (out - 1) : in / out
// Bilinear, output index y:
//   s  = m_HalfPixelCenters ? (y + 0.5) * scale - 0.5 : y * scale
//   y0 = max(floor(s), 0), y1 = min(ceil(s), in - 1), dy = s - y0
//   (the same along x) and
//   out = in[y0,x0] (1-dy)(1-dx) + in[y1,x0] dy (1-dx) + in[y0,x1] (1-dy) dx + in[y1,x1] dy dx
// NearestNeighbor, output index y:
//   s  = (y + (m_HalfPixelCenters ? 0.5 : 0)) * scale
//   yi = min(m_AlignCorners ? round(s) : floor(s), in - 1), round half away from zero; at least 0.
// QAsymmS8 bilinear with the input's quantization on the output follows LiteRT's integer kernel instead: positions
// in 1/1024 units (see BilinearSamples10), the four stored values weighted in int64 and rounded half away from zero.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/backends/ResizeSamples.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace armnn
{
namespace ref
{


std::unique_ptr<IWorkload> CreateResize(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ResizeDescriptor>();
    const bool nhwc = desc.m_DataLayout == DataLayout::NHWC;
    const TensorShape& inShape = layer.m_Inputs[0].GetShape();
    const TensorShape& outShape = layer.m_Outputs[0].GetShape();
    const size_t batches = inShape[0];
    const size_t channels = inShape[nhwc ? 3 : 1];
    const size_t inHeight = inShape[nhwc ? 1 : 2];
    const size_t outHeight = outShape[nhwc ? 1 : 2];
    const size_t inWidth = inShape[nhwc ? 2 : 3];
    const size_t outWidth = outShape[nhwc ? 2 : 3];
    const bool bilinear = desc.m_Method == ResizeMethod::Bilinear;
    const auto samples = bilinear ? BilinearResizeSamples : NearestResizeSamples;
    const std::vector<ResizeSample> ys = samples(inHeight, outHeight, desc.m_AlignCorners, desc.m_HalfPixelCenters);
    const std::vector<ResizeSample> xs = samples(inWidth, outWidth, desc.m_AlignCorners, desc.m_HalfPixelCenters);

    // Element offsets of (n, y, x, c) in either layout.
    auto offset = [nhwc, channels](size_t n, size_t y, size_t x, size_t c, size_t h, size_t w) {
        return nhwc ? ((n * h + y) * w + x) * channels + c : ((n * channels + c) * h + y) * w + x;
    };

    const TensorInfo& inInfo = layer.m_Inputs[0];
    const TensorInfo& outInfo = layer.m_Outputs[0];
    if (bilinear && inInfo.GetDataType() == DataType::QAsymmS8 && outInfo.GetDataType() == DataType::QAsymmS8 &&
        inInfo.GetQuantizationScale() == outInfo.GetQuantizationScale() &&
        inInfo.GetQuantizationOffset() == outInfo.GetQuantizationOffset())
    {
        const std::vector<ResizeSample> ys10 =
            BilinearResizeSamples10(inHeight, outHeight, desc.m_AlignCorners, desc.m_HalfPixelCenters);
        const std::vector<ResizeSample> xs10 =
            BilinearResizeSamples10(inWidth, outWidth, desc.m_AlignCorners, desc.m_HalfPixelCenters);
        return MakeTensorWorkload([=](const ExecutionTensors& t) {
            const int8_t* src = t.Input<int8_t>(0);
            int8_t* dst = t.Output<int8_t>(0);
            for (size_t n = 0; n < batches; ++n)
            {
                for (size_t y = 0; y < outHeight; ++y)
                {
                    const ResizeSample& sy = ys10[y];
                    const int64_t wyUpper = static_cast<int64_t>(sy.m_Weight);
                    const int64_t wyLower = (1 << 10) - wyUpper;
                    for (size_t x = 0; x < outWidth; ++x)
                    {
                        const ResizeSample& sx = xs10[x];
                        const int64_t wxUpper = static_cast<int64_t>(sx.m_Weight);
                        const int64_t wxLower = (1 << 10) - wxUpper;
                        for (size_t c = 0; c < channels; ++c)
                        {
                            auto at = [&](size_t iy, size_t ix) {
                                return static_cast<int64_t>(src[offset(n, iy, ix, c, inHeight, inWidth)]);
                            };
                            const int64_t sum = at(sy.m_Lower, sx.m_Lower) * wyLower * wxLower +
                                                at(sy.m_Upper, sx.m_Lower) * wyUpper * wxLower +
                                                at(sy.m_Lower, sx.m_Upper) * wyLower * wxUpper +
                                                at(sy.m_Upper, sx.m_Upper) * wyUpper * wxUpper;
                            const int64_t rounded = (sum + (sum > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20);
                            dst[offset(n, y, x, c, outHeight, outWidth)] = static_cast<int8_t>(rounded);
                        }
                    }
                }
            }
        });
    }
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t n = 0; n < batches; ++n)
        {
            for (size_t y = 0; y < outHeight; ++y)
            {
                const ResizeSample& sy = ys[y];
                for (size_t x = 0; x < outWidth; ++x)
                {
                    const ResizeSample& sx = xs[x];
                    for (size_t c = 0; c < channels; ++c)
                    {
                        auto at = [&](size_t iy, size_t ix) {
                            return in[0][offset(n, iy, ix, c, inHeight, inWidth)];
                        };
                        const float top = at(sy.m_Lower, sx.m_Lower) * (1 - sx.m_Weight) +
                                          at(sy.m_Lower, sx.m_Upper) * sx.m_Weight;
                        const float bottom = at(sy.m_Upper, sx.m_Lower) * (1 - sx.m_Weight) +
                                             at(sy.m_Upper, sx.m_Upper) * sx.m_Weight;
                        out[0][offset(n, y, x, c, outHeight, outWidth)] =
                            top * (1 - sy.m_Weight) + bottom * sy.m_Weight;
                    }
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
