//
// Resize, NHWC, with CpuRef's sample positions (TensorFlow Lite's RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR):
// Float32 bilinear and nearest; 8-bit nearest (a copy of the chosen pixels, requantized by table where the
// quantizations differ); QAsymmS8 bilinear with one quantization on input and output in LiteRT's integer form
// (positions in 1/1024 units, weights in int64 - int32 where they cannot overflow, on AVX2 where the CPU has it -
// rounded half away from zero), bit-identical to CpuRef. The sample
// positions are computed once at load; a pixel's channels are contiguous in NHWC, so the inner loop runs over
// channels.
//
#include "../CpuAccKernels.hpp"

#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/ResizeSamples.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace armnn
{
namespace cpuacc
{

namespace
{
/// The integer form's blend of four pixels' channels, in int32 where the load-time bound allows it (any sum of
/// four 8-bit values by these weights stays below 2^31): LiteRT's rounding, half away from zero, then / 2^20.
inline void BlendChannels32(const int8_t* a, const int8_t* b, const int8_t* c, const int8_t* d, int32_t w00,
                            int32_t w10, int32_t w01, int32_t w11, int8_t* out, size_t channels)
{
    for (size_t k = 0; k < channels; ++k)
    {
        const int32_t sum = a[k] * w00 + b[k] * w10 + c[k] * w01 + d[k] * w11;
        out[k] = static_cast<int8_t>((sum + (sum > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20));
    }
}

/// The same loop compiled for AVX2 (vectorised by the compiler); called after __builtin_cpu_supports("avx2").
__attribute__((target("avx2"))) void BlendChannels32Avx2(const int8_t* a, const int8_t* b, const int8_t* c,
                                                          const int8_t* d, int32_t w00, int32_t w10, int32_t w01,
                                                          int32_t w11, int8_t* out, size_t channels)
{
    BlendChannels32(a, b, c, d, w00, w10, w01, w11, out, channels);
}

enum class Form
{
    Nearest,
    FloatBilinear,
    IntegerBilinear,
};

/// Which form CpuAcc computes the layer in; false with a reason when none matches CpuRef.
bool GetForm(const LayerInfo& layer, Form& form, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<ResizeDescriptor>();
    const TensorInfo& in = layer.m_Inputs[0];
    const TensorInfo& out = layer.m_Outputs[0];
    if (desc.m_DataLayout != DataLayout::NHWC)
    {
        reason = "only NHWC is supported";
        return false;
    }
    if (in.GetNumDimensions() != 4 || in.GetNumElements() == 0)
    {
        reason = "the input must be a non-empty 4-D image";
        return false;
    }
    if (desc.m_Method == ResizeMethod::NearestNeighbor)
    {
        form = Form::Nearest;
        return true;
    }
    if (in.GetDataType() == DataType::Float32)
    {
        form = Form::FloatBilinear;
        return true;
    }
    if (in.GetDataType() == DataType::QAsymmS8 && in.IsTypeSpaceMatch(out))
    {
        form = Form::IntegerBilinear;
        return true;
    }
    reason = "8-bit bilinear: only QAsymmS8 with the same quantization on input and output (CpuRef computes the "
             "others in float)";
    return false;
}

class ResizeWorkload final : public IWorkload
{
public:
    ResizeWorkload(const LayerInfo& layer, Form form) : m_Form(form), m_Type(layer.m_Inputs[0].GetDataType())
    {
        const auto& desc = layer.GetDescriptor<ResizeDescriptor>();
        const TensorShape& inShape = layer.m_Inputs[0].GetShape();
        const TensorShape& outShape = layer.m_Outputs[0].GetShape();
        m_Batches = inShape[0];
        m_InH = inShape[1];
        m_InW = inShape[2];
        m_Channels = inShape[3];
        m_OutH = outShape[1];
        m_OutW = outShape[2];
        const auto samples = form == Form::Nearest ? NearestResizeSamples
                             : form == Form::FloatBilinear ? BilinearResizeSamples
                                                           : BilinearResizeSamples10;
        const bool alignCorners = desc.m_AlignCorners;
        const bool halfPixel = desc.m_HalfPixelCenters;
        m_Ys = samples(m_InH, m_OutH, alignCorners, halfPixel);
        m_Xs = samples(m_InW, m_OutW, alignCorners, halfPixel);
        m_Requantize = form == Form::Nearest && m_Type != DataType::Float32 &&
                       !layer.m_Inputs[0].IsTypeSpaceMatch(layer.m_Outputs[0]);
        if (m_Requantize)
        {
            m_Table = RequantizationTable(layer.m_Inputs[0], layer.m_Outputs[0]);
        }
        if (form == Form::IntegerBilinear)
        {
            // |sum| <= 128 x (|wyLower| + |wyUpper|) x (|wxLower| + |wxUpper|), plus the rounding term.
            const auto widest = [](const std::vector<ResizeSample>& samples) {
                int64_t widest = 0;
                for (const ResizeSample& s : samples)
                {
                    const int64_t upper = static_cast<int64_t>(s.m_Weight);
                    widest = std::max(widest, std::abs((1 << 10) - upper) + std::abs(upper));
                }
                return widest;
            };
            m_Int32Sums = 128 * widest(m_Ys) * widest(m_Xs) + (1 << 19) < (int64_t{1} << 31);
        }
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        switch (m_Form)
        {
            case Form::Nearest: Nearest(tensors); return;
            case Form::FloatBilinear: FloatBilinear(tensors.Input<float>(0), tensors.Output<float>(0)); return;
            case Form::IntegerBilinear: IntegerBilinear(tensors.Input<int8_t>(0), tensors.Output<int8_t>(0)); return;
        }
    }

private:
    size_t InPixel(size_t n, size_t y, size_t x) const { return ((n * m_InH + y) * m_InW + x) * m_Channels; }
    size_t OutPixel(size_t n, size_t y, size_t x) const { return ((n * m_OutH + y) * m_OutW + x) * m_Channels; }

    void Nearest(const ExecutionTensors& tensors) const
    {
        const size_t elementSize = m_Type == DataType::Float32 ? 4 : 1;
        const uint8_t* in = tensors.Input<uint8_t>(0);
        uint8_t* out = tensors.Output<uint8_t>(0);
        const size_t pixelBytes = m_Channels * elementSize;
        for (size_t n = 0; n < m_Batches; ++n)
        {
            for (size_t y = 0; y < m_OutH; ++y)
            {
                for (size_t x = 0; x < m_OutW; ++x)
                {
                    const uint8_t* from = in + InPixel(n, m_Ys[y].m_Lower, m_Xs[x].m_Lower) * elementSize;
                    uint8_t* to = out + OutPixel(n, y, x) * elementSize;
                    if (m_Requantize)
                    {
                        for (size_t c = 0; c < m_Channels; ++c)
                        {
                            to[c] = m_Table[from[c]];
                        }
                    }
                    else
                    {
                        std::memcpy(to, from, pixelBytes);
                    }
                }
            }
        }
    }

    /// CpuRef's expression, in its order: top and bottom rows blended along x, then along y.
    void FloatBilinear(const float* in, float* out) const
    {
        for (size_t n = 0; n < m_Batches; ++n)
        {
            for (size_t y = 0; y < m_OutH; ++y)
            {
                const ResizeSample& sy = m_Ys[y];
                for (size_t x = 0; x < m_OutW; ++x)
                {
                    const ResizeSample& sx = m_Xs[x];
                    const float* a = in + InPixel(n, sy.m_Lower, sx.m_Lower);
                    const float* b = in + InPixel(n, sy.m_Lower, sx.m_Upper);
                    const float* c = in + InPixel(n, sy.m_Upper, sx.m_Lower);
                    const float* d = in + InPixel(n, sy.m_Upper, sx.m_Upper);
                    float* o = out + OutPixel(n, y, x);
                    for (size_t k = 0; k < m_Channels; ++k)
                    {
                        const float top = a[k] * (1 - sx.m_Weight) + b[k] * sx.m_Weight;
                        const float bottom = c[k] * (1 - sx.m_Weight) + d[k] * sx.m_Weight;
                        o[k] = top * (1 - sy.m_Weight) + bottom * sy.m_Weight;
                    }
                }
            }
        }
    }

    void IntegerBilinear(const int8_t* in, int8_t* out) const
    {
        static const bool avx2 = __builtin_cpu_supports("avx2");
        for (size_t n = 0; n < m_Batches; ++n)
        {
            for (size_t y = 0; y < m_OutH; ++y)
            {
                const ResizeSample& sy = m_Ys[y];
                const int64_t wyUpper = static_cast<int64_t>(sy.m_Weight);
                const int64_t wyLower = (1 << 10) - wyUpper;
                for (size_t x = 0; x < m_OutW; ++x)
                {
                    const ResizeSample& sx = m_Xs[x];
                    const int64_t wxUpper = static_cast<int64_t>(sx.m_Weight);
                    const int64_t wxLower = (1 << 10) - wxUpper;
                    const int64_t w00 = wyLower * wxLower;
                    const int64_t w10 = wyUpper * wxLower;
                    const int64_t w01 = wyLower * wxUpper;
                    const int64_t w11 = wyUpper * wxUpper;
                    const int8_t* a = in + InPixel(n, sy.m_Lower, sx.m_Lower);
                    const int8_t* b = in + InPixel(n, sy.m_Upper, sx.m_Lower);
                    const int8_t* c = in + InPixel(n, sy.m_Lower, sx.m_Upper);
                    const int8_t* d = in + InPixel(n, sy.m_Upper, sx.m_Upper);
                    int8_t* o = out + OutPixel(n, y, x);
                    if (m_Int32Sums)
                    {
                        (avx2 ? BlendChannels32Avx2 : BlendChannels32)(
                            a, b, c, d, static_cast<int32_t>(w00), static_cast<int32_t>(w10),
                            static_cast<int32_t>(w01), static_cast<int32_t>(w11), o, m_Channels);
                        continue;
                    }
                    for (size_t k = 0; k < m_Channels; ++k)
                    {
                        const int64_t sum = a[k] * w00 + b[k] * w10 + c[k] * w01 + d[k] * w11;
                        o[k] = static_cast<int8_t>((sum + (sum > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20));
                    }
                }
            }
        }
    }

    Form m_Form;
    DataType m_Type;
    size_t m_Batches = 0, m_InH = 0, m_InW = 0, m_Channels = 0, m_OutH = 0, m_OutW = 0;
    std::vector<ResizeSample> m_Ys;
    std::vector<ResizeSample> m_Xs;
    bool m_Requantize = false;
    std::array<uint8_t, 256> m_Table{};
    bool m_Int32Sums = false;
};
} // namespace

bool CheckResize(const LayerInfo& layer, std::string& reason)
{
    Form form = Form::Nearest;
    return CheckAllSameDataType(layer, reason) && CheckNoPerAxisQuantization(layer, reason) &&
           GetForm(layer, form, reason);
}

std::unique_ptr<IWorkload> CreateResize(const LayerInfo& layer)
{
    Form form = Form::Nearest;
    std::string reason;
    if (!GetForm(layer, form, reason))
    {
        throw InvalidArgumentException("CpuAcc: " + layer.Describe() + ": " + reason);
    }
    return std::make_unique<ResizeWorkload>(layer, form);
}

} // namespace cpuacc
} // namespace armnn
