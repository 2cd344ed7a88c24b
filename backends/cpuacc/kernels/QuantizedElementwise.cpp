//
// 8-bit Add, Sub and Mul of two tensors of the same shape (residual connections) or broadcast (squeeze-and-excite
// scales), bit-identical to CpuRef:
// TensorFlow Lite's integer arithmetic (docs/quantization.md). Add/Sub: both inputs less their zero points are
// shifted left by 20 bits, scaled to 2 x the larger input scale by multipliers below one, added or subtracted and
// scaled to the output; Mul: the product is scaled by scaleA x scaleB / output scale. Then the output zero point
// and the clamp of the fused activation (or the type's range).
//
#include "../CpuAccKernels.hpp"
#include "../CpuAccQuantizedAvx512.hpp"
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

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-Wmaybe-uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

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
        PlanRows(layer.m_Inputs[0].GetShape(), layer.m_Inputs[1].GetShape(), layer.m_Outputs[0].GetShape());
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
    /// Broadcasting (NumPy's, shapes right-aligned) in rows of the output's last dimension: each row reads a row
    /// of each input from m_RowA/m_RowB, stepping by m_StepA/m_StepB (1, or 0 where that input's last dimension
    /// is 1 and is repeated). Same shapes give one row of the whole tensor.
    void PlanRows(const TensorShape& a, const TensorShape& b, const TensorShape& out)
    {
        const unsigned rank = out.GetNumDimensions();
        if (a == out && b == out)
        {
            m_RowLength = m_Count;
            m_RowA = {0};
            m_RowB = {0};
            m_StepA = m_StepB = 1;
            return;
        }
        // The size of each output dimension in an input (1 where it is missing or broadcast).
        const auto sizeIn = [rank](const TensorShape& shape, unsigned d) -> size_t {
            const unsigned offset = rank - shape.GetNumDimensions();
            return d < offset ? 1 : shape[d - offset];
        };
        m_RowLength = rank == 0 ? 1 : out[rank - 1];
        m_StepA = rank != 0 && sizeIn(a, rank - 1) != 1 ? 1 : 0;
        m_StepB = rank != 0 && sizeIn(b, rank - 1) != 1 ? 1 : 0;
        m_RowA = {0};
        m_RowB = {0};
        for (unsigned d = 0; d + 1 < rank; ++d)
        {
            std::vector<size_t> rowsA;
            std::vector<size_t> rowsB;
            const size_t sizeA = sizeIn(a, d);
            const size_t sizeB = sizeIn(b, d);
            for (size_t r = 0; r < m_RowA.size(); ++r)
            {
                for (size_t i = 0; i < out[d]; ++i)
                {
                    rowsA.push_back(m_RowA[r] * sizeA + (sizeA == 1 ? 0 : i));
                    rowsB.push_back(m_RowB[r] * sizeB + (sizeB == 1 ? 0 : i));
                }
            }
            m_RowA.swap(rowsA);
            m_RowB.swap(rowsB);
        }
        const size_t lengthA = rank == 0 ? 1 : sizeIn(a, rank - 1);
        const size_t lengthB = rank == 0 ? 1 : sizeIn(b, rank - 1);
        for (size_t r = 0; r < m_RowA.size(); ++r)
        {
            m_RowA[r] *= lengthA;
            m_RowB[r] *= lengthB;
        }
    }

    template <typename T>
    void Run(const T* a, const T* b, T* out) const
    {
        for (size_t r = 0; r < m_RowA.size(); ++r)
        {
            RunRow(a + m_RowA[r], b + m_RowB[r], out + r * m_RowLength);
        }
    }

    template <typename T>
    void RunRow(const T* a, const T* b, T* out) const
    {
        static const bool avx512 = __builtin_cpu_supports("avx512f");
        const size_t vectorCount = avx512 && m_StepA == 1 && m_StepB == 1 ? m_RowLength / 8 * 8 : 0;
        if (vectorCount != 0)
        {
            RunAvx512(a, b, out, vectorCount);
        }
        for (size_t i = vectorCount; i < m_RowLength; ++i)
        {
            const int32_t x = static_cast<int32_t>(a[i * m_StepA]) - m_ZeroPointA;
            const int32_t y = static_cast<int32_t>(b[i * m_StepB]) - m_ZeroPointB;
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

    /// The scalar loop above on AVX-512, eight elements at a time (products and shifted inputs fit in int32).
    template <typename T>
    __attribute__((target("avx512f"))) void RunAvx512(const T* a, const T* b, T* out, size_t count) const
    {
        const __m512i zeroA = _mm512_set1_epi64(m_ZeroPointA);
        const __m512i zeroB = _mm512_set1_epi64(m_ZeroPointB);
        const __m512i zeroOut = _mm512_set1_epi64(m_OutputZeroPoint);
        const __m512i low = _mm512_set1_epi64(m_Range.m_Min);
        const __m512i high = _mm512_set1_epi64(m_Range.m_Max);
        const __m512i mA = _mm512_set1_epi64(m_InputA.m_Multiplier);
        const __m512i lA = _mm512_set1_epi64(std::max(m_InputA.m_Shift, 0));
        const __m512i rA = _mm512_set1_epi64(std::max(-m_InputA.m_Shift, 0));
        const __m512i mB = _mm512_set1_epi64(m_InputB.m_Multiplier);
        const __m512i lB = _mm512_set1_epi64(std::max(m_InputB.m_Shift, 0));
        const __m512i rB = _mm512_set1_epi64(std::max(-m_InputB.m_Shift, 0));
        const __m512i mOut = _mm512_set1_epi64(m_Output.m_Multiplier);
        const __m512i lOut = _mm512_set1_epi64(std::max(m_Output.m_Shift, 0));
        const __m512i rOut = _mm512_set1_epi64(std::max(-m_Output.m_Shift, 0));
        for (size_t i = 0; i < count; i += 8)
        {
            const __m512i x = _mm512_sub_epi64(Load8(a + i), zeroA);
            const __m512i y = _mm512_sub_epi64(Load8(b + i), zeroB);
            __m512i raw;
            if (m_Op == BinaryOperation::Mul)
            {
                raw = MultiplyByQuantizedMultiplier8(_mm512_mul_epi32(x, y), mOut, lOut, rOut);
            }
            else
            {
                const __m512i scaledA = MultiplyByQuantizedMultiplier8(_mm512_slli_epi64(x, kLeftShift), mA, lA, rA);
                const __m512i scaledB = MultiplyByQuantizedMultiplier8(_mm512_slli_epi64(y, kLeftShift), mB, lB, rB);
                const __m512i combined = m_Op == BinaryOperation::Add ? _mm512_add_epi64(scaledA, scaledB)
                                                                      : _mm512_sub_epi64(scaledA, scaledB);
                raw = MultiplyByQuantizedMultiplier8(combined, mOut, lOut, rOut);
            }
            Store8(out + i, _mm512_min_epi64(_mm512_max_epi64(_mm512_add_epi64(raw, zeroOut), low), high));
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
    size_t m_RowLength = 0;
    size_t m_StepA = 1;
    size_t m_StepB = 1;
    std::vector<size_t> m_RowA; // element offset of each output row's row in input 0
    std::vector<size_t> m_RowB;
};
#pragma GCC diagnostic pop
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
