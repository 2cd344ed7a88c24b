//
// 8-bit Add, Sub and Mul of two tensors of the same shape (residual connections), bit-identical to CpuRef:
// TensorFlow Lite's integer arithmetic (docs/quantization.md). Add/Sub: both inputs less their zero points are
// shifted left by 20 bits, scaled to 2 x the larger input scale by multipliers below one, added or subtracted and
// scaled to the output; Mul: the product is scaled by scaleA x scaleB / output scale. Then the output zero point
// and the clamp of the fused activation (or the type's range).
//
#include "../CpuAccKernels.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

#include <algorithm>

namespace armnn
{
namespace cpuacc
{

namespace
{
constexpr int kLeftShift = 20;

class QuantizedElementwiseWorkload final : public IWorkload
{
public:
    explicit QuantizedElementwiseWorkload(const LayerInfo& layer)
        : m_Op(layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation),
          m_Type(layer.m_Outputs[0].GetDataType()), m_Count(layer.m_Outputs[0].GetNumElements()),
          m_ZeroPointA(layer.m_Inputs[0].GetQuantizationOffset()),
          m_ZeroPointB(layer.m_Inputs[1].GetQuantizationOffset()),
          m_OutputZeroPoint(layer.m_Outputs[0].GetQuantizationOffset())
    {
        GetActivationRange(layer.m_Outputs[0], layer.m_FusedActivation, m_Range);
        const double scaleA = layer.m_Inputs[0].GetQuantizationScale();
        const double scaleB = layer.m_Inputs[1].GetQuantizationScale();
        const double scaleOut = layer.m_Outputs[0].GetQuantizationScale();
        if (m_Op == BinaryOperation::Mul)
        {
            m_Output = QuantizeMultiplier(scaleA * scaleB / scaleOut);
            return;
        }
        const double twiceMaxScale = 2.0 * std::max(scaleA, scaleB);
        m_InputA = QuantizeMultiplier(scaleA / twiceMaxScale);
        m_InputB = QuantizeMultiplier(scaleB / twiceMaxScale);
        m_Output = QuantizeMultiplier(twiceMaxScale / (static_cast<double>(1 << kLeftShift) * scaleOut));
    }

    void Execute(const ExecutionTensors& tensors) const override
    {
        if (m_Type == DataType::QAsymmU8)
        {
            Run(tensors.Input<uint8_t>(0), tensors.Input<uint8_t>(1), tensors.Output<uint8_t>(0));
        }
        else
        {
            Run(tensors.Input<int8_t>(0), tensors.Input<int8_t>(1), tensors.Output<int8_t>(0));
        }
    }

private:
    template <typename T>
    void Run(const T* a, const T* b, T* out) const
    {
        for (size_t i = 0; i < m_Count; ++i)
        {
            const int32_t x = static_cast<int32_t>(a[i]) - m_ZeroPointA;
            const int32_t y = static_cast<int32_t>(b[i]) - m_ZeroPointB;
            int32_t raw = 0;
            if (m_Op == BinaryOperation::Mul)
            {
                raw = MultiplyByQuantizedMultiplier(x * y, m_Output);
            }
            else
            {
                const int32_t scaledA = MultiplyByQuantizedMultiplier(x * (1 << kLeftShift), m_InputA);
                const int32_t scaledB = MultiplyByQuantizedMultiplier(y * (1 << kLeftShift), m_InputB);
                raw = MultiplyByQuantizedMultiplier(
                    m_Op == BinaryOperation::Add ? scaledA + scaledB : scaledA - scaledB, m_Output);
            }
            out[i] = static_cast<T>(m_Range.Clamp(raw + m_OutputZeroPoint));
        }
    }

    BinaryOperation m_Op;
    DataType m_Type;
    size_t m_Count;
    int32_t m_ZeroPointA;
    int32_t m_ZeroPointB;
    int32_t m_OutputZeroPoint;
    QuantizedRange m_Range;
    QuantizedMultiplier m_InputA;
    QuantizedMultiplier m_InputB;
    QuantizedMultiplier m_Output;
};
} // namespace

bool CheckQuantizedElementwiseBinary(const LayerInfo& layer, std::string& reason)
{
    const BinaryOperation op = layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation;
    if (op != BinaryOperation::Add && op != BinaryOperation::Sub && op != BinaryOperation::Mul)
    {
        reason = std::string("8-bit ") + GetBinaryOperationAsCString(op) + " is not supported (Add, Sub, Mul are)";
        return false;
    }
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    const TensorShape& shape = layer.m_Outputs[0].GetShape();
    if (layer.m_Inputs[0].GetShape() != shape || layer.m_Inputs[1].GetShape() != shape)
    {
        reason = "8-bit element-wise operations need inputs of the output's shape (no broadcasting)";
        return false;
    }
    for (const TensorInfo* info : {&layer.m_Inputs[0], &layer.m_Inputs[1], &layer.m_Outputs[0]})
    {
        if (info->HasPerAxisQuantization())
        {
            reason = "per-axis quantization is not supported";
            return false;
        }
    }
    QuantizedRange range;
    if (!GetActivationRange(layer.m_Outputs[0], layer.m_FusedActivation, range))
    {
        reason = "the fused activation is not a clamp";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateQuantizedElementwiseBinary(const LayerInfo& layer)
{
    return std::make_unique<QuantizedElementwiseWorkload>(layer);
}

} // namespace cpuacc
} // namespace armnn
