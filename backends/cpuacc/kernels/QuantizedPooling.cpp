//
// 8-bit average pooling, NHWC, bit-identical to CpuRef (TensorFlow Lite's integer average): per output pixel the
// window's stored values are summed per channel in int32 (a window of at most 2^23 values cannot overflow), the
// sum divided by the window's count rounded half away from zero, and clamped to the fused activation's range.
// Input and output share their quantization. The window's part inside the input and the count are CpuRef's.
//
#include "../CpuAccKernels.hpp"

#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

#include <algorithm>

namespace armnn
{
namespace cpuacc
{

namespace
{
class QuantizedAveragePoolingWorkload final : public IWorkload
{
public:
    explicit QuantizedAveragePoolingWorkload(const LayerInfo& layer)
        : m_Desc(layer.GetDescriptor<Pooling2dDescriptor>()), m_Type(layer.m_Inputs[0].GetDataType())
    {
        const TensorShape& in = layer.m_Inputs[0].GetShape();
        const TensorShape& out = layer.m_Outputs[0].GetShape();
        m_N = in[0];
        m_InH = in[1];
        m_InW = in[2];
        m_C = in[3];
        m_OutH = out[1];
        m_OutW = out[2];
        GetActivationRange(layer.m_Outputs[0], layer.m_FusedActivation, m_Range);
    }

    size_t GetScratchBytes() const override { return m_C * sizeof(int32_t); }

    void Execute(const ExecutionTensors& tensors) const override
    {
        if (m_Type == DataType::QAsymmU8)
        {
            Run(tensors.Input<uint8_t>(0), tensors.Output<uint8_t>(0), static_cast<int32_t*>(tensors.m_Scratch));
        }
        else
        {
            Run(tensors.Input<int8_t>(0), tensors.Output<int8_t>(0), static_cast<int32_t*>(tensors.m_Scratch));
        }
    }

private:
    template <typename T>
    void Run(const T* in, T* out, int32_t* sums) const
    {
        const int64_t height = static_cast<int64_t>(m_InH);
        const int64_t width = static_cast<int64_t>(m_InW);
        for (size_t n = 0; n < m_N; ++n)
        {
            for (size_t y = 0; y < m_OutH; ++y)
            {
                const int64_t y0 = static_cast<int64_t>(y * m_Desc.m_StrideY) - m_Desc.m_PadTop;
                const int64_t y1 = std::min<int64_t>(y0 + m_Desc.m_PoolHeight, height + m_Desc.m_PadBottom);
                const int64_t iy0 = std::max<int64_t>(y0, 0);
                const int64_t iy1 = std::min(y1, height);
                for (size_t x = 0; x < m_OutW; ++x)
                {
                    const int64_t x0 = static_cast<int64_t>(x * m_Desc.m_StrideX) - m_Desc.m_PadLeft;
                    const int64_t x1 = std::min<int64_t>(x0 + m_Desc.m_PoolWidth, width + m_Desc.m_PadRight);
                    const int64_t ix0 = std::max<int64_t>(x0, 0);
                    const int64_t ix1 = std::min(x1, width);
                    const int32_t count = static_cast<int32_t>(m_Desc.m_PaddingMethod == PaddingMethod::Exclude
                                                                   ? (iy1 - iy0) * (ix1 - ix0)
                                                                   : (y1 - y0) * (x1 - x0));
                    std::fill(sums, sums + m_C, 0);
                    for (int64_t iy = iy0; iy < iy1; ++iy)
                    {
                        for (int64_t ix = ix0; ix < ix1; ++ix)
                        {
                            const T* pixel = in + ((n * m_InH + static_cast<size_t>(iy)) * m_InW +
                                                   static_cast<size_t>(ix)) * m_C;
                            for (size_t c = 0; c < m_C; ++c)
                            {
                                sums[c] += pixel[c];
                            }
                        }
                    }
                    T* o = out + ((n * m_OutH + y) * m_OutW + x) * m_C;
                    for (size_t c = 0; c < m_C; ++c)
                    {
                        const int32_t sum = sums[c];
                        const int32_t average = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
                        o[c] = static_cast<T>(m_Range.Clamp(average));
                    }
                }
            }
        }
    }

    Pooling2dDescriptor m_Desc;
    DataType m_Type;
    size_t m_N = 0, m_InH = 0, m_InW = 0, m_C = 0, m_OutH = 0, m_OutW = 0;
    QuantizedRange m_Range;
};
} // namespace

bool CheckQuantizedAveragePooling(const LayerInfo& layer, std::string& reason)
{
    const auto& desc = layer.GetDescriptor<Pooling2dDescriptor>();
    const TensorInfo& in = layer.m_Inputs[0];
    const TensorInfo& out = layer.m_Outputs[0];
    QuantizedRange range;
    if (desc.m_DataLayout != DataLayout::NHWC)
    {
        reason = "8-bit average pooling: only NHWC";
        return false;
    }
    if (!in.IsTypeSpaceMatch(out) || in.HasPerAxisQuantization())
    {
        reason = "8-bit average pooling needs the same quantization on input and output";
        return false;
    }
    if (!GetActivationRange(out, layer.m_FusedActivation, range))
    {
        reason = "8-bit average pooling: the fused activation is not a clamp";
        return false;
    }
    if (static_cast<uint64_t>(desc.m_PoolHeight) * desc.m_PoolWidth > (uint64_t{1} << 23))
    {
        reason = "8-bit average pooling: windows of more than 2^23 elements are not supported";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateQuantizedAveragePooling(const LayerInfo& layer)
{
    return std::make_unique<QuantizedAveragePoolingWorkload>(layer);
}

} // namespace cpuacc
} // namespace armnn
