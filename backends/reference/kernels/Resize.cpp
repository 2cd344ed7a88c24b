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

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace armnn
{
namespace ref
{

namespace
{
struct Axis
{
    size_t m_In;
    size_t m_Out;
    float m_Scale;
};

Axis MakeAxis(size_t in, size_t out, bool alignCorners)
{
    const float scale = (alignCorners && out > 1) ? static_cast<float>(in - 1) / static_cast<float>(out - 1)
                                                  : static_cast<float>(in) / static_cast<float>(out);
    return {in, out, scale};
}

/// Source positions of a bilinear sample: lower and upper index and the weight of the upper one.
struct Sample
{
    size_t m_Lower;
    size_t m_Upper;
    float m_Weight;
};

std::vector<Sample> BilinearSamples(const Axis& axis, bool halfPixel)
{
    std::vector<Sample> samples;
    for (size_t o = 0; o < axis.m_Out; ++o)
    {
        const float s = halfPixel ? (static_cast<float>(o) + 0.5f) * axis.m_Scale - 0.5f
                                  : static_cast<float>(o) * axis.m_Scale;
        const float lower = std::max(std::floor(s), 0.0f);
        const float upper = std::min(std::ceil(s), static_cast<float>(axis.m_In - 1));
        samples.push_back({static_cast<size_t>(lower), static_cast<size_t>(upper), s - lower});
    }
    return samples;
}

/// LiteRT's integer bilinear positions: the scale in 1/1024 units, rounded; the position s10 = o * scale10 (half
/// pixel: + scale10 / 2 - 512); lower = max(s10 / 1024, 0), upper = min(ceil(s10 / 1024), in - 1) (C++ division);
/// m_Weight carries s10 - 1024 * lower, the upper sample's weight in 1/1024 units (it can exceed 1024 or be
/// negative near the edges, as there).
std::vector<Sample> BilinearSamples10(size_t in, size_t out, bool alignCorners, bool halfPixel)
{
    const int32_t i = static_cast<int32_t>(in);
    const int32_t o = static_cast<int32_t>(out);
    const int32_t scale10 = (alignCorners && o > 1) ? ((1 << 10) * (i - 1) + (o - 1) / 2) / (o - 1)
                                                    : ((1 << 10) * i + o / 2) / o;
    std::vector<Sample> samples;
    for (int32_t k = 0; k < o; ++k)
    {
        const int32_t s10 = halfPixel ? k * scale10 + scale10 / 2 - (1 << 9) : k * scale10;
        // Clamped to the input also from above: for large upscales (1 -> 70, say) the rounded scale carries s10 past
        // the last input, where LiteRT would read out of bounds.
        const int32_t lower = std::min(std::max(s10 / (1 << 10), 0), i - 1);
        const int32_t upper = std::min((s10 + (1 << 10) - 1) / (1 << 10), i - 1);
        samples.push_back({static_cast<size_t>(lower), static_cast<size_t>(upper),
                           static_cast<float>(s10 - (1 << 10) * lower)});
    }
    return samples;
}

std::vector<Sample> NearestSamples(const Axis& axis, bool alignCorners, bool halfPixel)
{
    std::vector<Sample> samples;
    for (size_t o = 0; o < axis.m_Out; ++o)
    {
        const float s = (static_cast<float>(o) + (halfPixel ? 0.5f : 0.0f)) * axis.m_Scale;
        float index = alignCorners ? std::round(s) : std::floor(s);
        // An empty input axis (m_In == 0) and NaN scales must not reach the conversion to size_t.
        const float last = static_cast<float>(axis.m_In > 0 ? axis.m_In - 1 : 0);
        index = std::isnan(index) ? 0.0f : std::max(std::min(index, last), 0.0f);
        samples.push_back({static_cast<size_t>(index), static_cast<size_t>(index), 0.0f});
    }
    return samples;
}
} // namespace

std::unique_ptr<IWorkload> CreateResize(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ResizeDescriptor>();
    const bool nhwc = desc.m_DataLayout == DataLayout::NHWC;
    const TensorShape& inShape = layer.m_Inputs[0].GetShape();
    const TensorShape& outShape = layer.m_Outputs[0].GetShape();
    const size_t batches = inShape[0];
    const size_t channels = inShape[nhwc ? 3 : 1];
    const Axis height = MakeAxis(inShape[nhwc ? 1 : 2], outShape[nhwc ? 1 : 2], desc.m_AlignCorners);
    const Axis width = MakeAxis(inShape[nhwc ? 2 : 3], outShape[nhwc ? 2 : 3], desc.m_AlignCorners);
    const bool bilinear = desc.m_Method == ResizeMethod::Bilinear;
    const std::vector<Sample> ys = bilinear ? BilinearSamples(height, desc.m_HalfPixelCenters)
                                            : NearestSamples(height, desc.m_AlignCorners, desc.m_HalfPixelCenters);
    const std::vector<Sample> xs = bilinear ? BilinearSamples(width, desc.m_HalfPixelCenters)
                                            : NearestSamples(width, desc.m_AlignCorners, desc.m_HalfPixelCenters);

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
        const std::vector<Sample> ys10 =
            BilinearSamples10(height.m_In, height.m_Out, desc.m_AlignCorners, desc.m_HalfPixelCenters);
        const std::vector<Sample> xs10 =
            BilinearSamples10(width.m_In, width.m_Out, desc.m_AlignCorners, desc.m_HalfPixelCenters);
        return MakeTensorWorkload([=](const ExecutionTensors& t) {
            const int8_t* src = t.Input<int8_t>(0);
            int8_t* dst = t.Output<int8_t>(0);
            for (size_t n = 0; n < batches; ++n)
            {
                for (size_t y = 0; y < height.m_Out; ++y)
                {
                    const Sample& sy = ys10[y];
                    const int64_t wyUpper = static_cast<int64_t>(sy.m_Weight);
                    const int64_t wyLower = (1 << 10) - wyUpper;
                    for (size_t x = 0; x < width.m_Out; ++x)
                    {
                        const Sample& sx = xs10[x];
                        const int64_t wxUpper = static_cast<int64_t>(sx.m_Weight);
                        const int64_t wxLower = (1 << 10) - wxUpper;
                        for (size_t c = 0; c < channels; ++c)
                        {
                            auto at = [&](size_t iy, size_t ix) {
                                return static_cast<int64_t>(src[offset(n, iy, ix, c, height.m_In, width.m_In)]);
                            };
                            const int64_t sum = at(sy.m_Lower, sx.m_Lower) * wyLower * wxLower +
                                                at(sy.m_Upper, sx.m_Lower) * wyUpper * wxLower +
                                                at(sy.m_Lower, sx.m_Upper) * wyLower * wxUpper +
                                                at(sy.m_Upper, sx.m_Upper) * wyUpper * wxUpper;
                            const int64_t rounded = (sum + (sum > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20);
                            dst[offset(n, y, x, c, height.m_Out, width.m_Out)] = static_cast<int8_t>(rounded);
                        }
                    }
                }
            }
        });
    }
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t n = 0; n < batches; ++n)
        {
            for (size_t y = 0; y < height.m_Out; ++y)
            {
                const Sample& sy = ys[y];
                for (size_t x = 0; x < width.m_Out; ++x)
                {
                    const Sample& sx = xs[x];
                    for (size_t c = 0; c < channels; ++c)
                    {
                        auto at = [&](size_t iy, size_t ix) {
                            return in[0][offset(n, iy, ix, c, height.m_In, width.m_In)];
                        };
                        const float top = at(sy.m_Lower, sx.m_Lower) * (1 - sx.m_Weight) +
                                          at(sy.m_Lower, sx.m_Upper) * sx.m_Weight;
                        const float bottom = at(sy.m_Upper, sx.m_Lower) * (1 - sx.m_Weight) +
                                             at(sy.m_Upper, sx.m_Upper) * sx.m_Weight;
                        out[0][offset(n, y, x, c, height.m_Out, width.m_Out)] =
                            top * (1 - sy.m_Weight) + bottom * sy.m_Weight;
                    }
                }
            }
        }
    });
}

} // namespace ref
} // namespace armnn
