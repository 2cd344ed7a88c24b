//
// 8-bit Add, Sub and Mul of two tensors of the same shape (residual connections) or broadcast (squeeze-and-excite
// scales), bit-identical to CpuRef:
// TensorFlow Lite's integer arithmetic (docs/quantization.md). Add/Sub: both inputs less their zero points are
// shifted left by 20 bits, scaled to 2 x the larger input scale by multipliers below one, added or subtracted and
// scaled to the output; Mul: the product is scaled by scaleA x scaleB / output scale. Then the output zero point
// and the clamp of the fused activation (or the type's range).
//
#include "../CpuAccKernels.hpp"
#include "../CpuAccQuantizedAdd.hpp"
#include "../CpuAccUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

#include <omp.h>

#include <algorithm>

namespace armnn
{
namespace cpuacc
{

namespace
{
/// Values per thread below which the layer stays on the calling thread (an OpenMP region costs more).
constexpr size_t kParallelElements = 32768;

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics (-Wmaybe-uninitialized): not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

class QuantizedElementwiseWorkload final : public IWorkload
{
public:
    explicit QuantizedElementwiseWorkload(const LayerInfo& layer)
        : m_Op(layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation),
          m_Type(layer.m_Outputs[0].GetDataType()), m_Count(layer.m_Outputs[0].GetNumElements()),
          m_ZeroPointA(layer.m_Inputs[0].GetQuantizationOffset()),
          m_ZeroPointB(layer.m_Inputs[1].GetQuantizationOffset()),
          m_OutputZeroPoint(layer.m_Outputs[0].GetQuantizationOffset()), m_NumThreads(NumThreads(layer))
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
        const AddMultipliers add = MakeAddMultipliers(scaleA, scaleB, scaleOut);
        m_InputA = add.m_InputA;
        m_InputB = add.m_InputB;
        m_Output = add.m_Output;
        m_Vectorizable = add.Vectorizable(); // else scalar
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

    /// Split over the layer's threads: a single row (same shapes) in whole vectors, broadcasts by rows.
    template <typename T>
    void Run(const T* a, const T* b, T* out) const
    {
        ThreadScope threads(m_NumThreads);
        const size_t rows = m_RowA.size();
        const int teams = std::max(1, std::min<int>(omp_get_max_threads(), static_cast<int>(m_Count / kParallelElements)));
        RunInTeam(teams, [&] {
            const size_t n = static_cast<size_t>(omp_get_num_threads());
            const size_t team = static_cast<size_t>(omp_get_thread_num());
            if (rows == 1)
            {
                const size_t vectors = (m_RowLength + 15) / 16;
                const size_t begin = std::min(m_RowLength, vectors * team / n * 16);
                const size_t end = std::min(m_RowLength, vectors * (team + 1) / n * 16);
                RunRow(a + begin, b + begin, out + begin, end - begin);
            }
            else
            {
                for (size_t r = rows * team / n; r < rows * (team + 1) / n; ++r)
                {
                    RunRow(a + m_RowA[r], b + m_RowB[r], out + r * m_RowLength, m_RowLength);
                }
            }
        });
    }

    template <typename T>
    void RunRow(const T* a, const T* b, T* out, size_t length) const
    {
        static const bool avx512 = __builtin_cpu_supports("avx512f");
        const size_t vectorCount = avx512 && m_Vectorizable && m_StepA == 1 && m_StepB == 1 ? length / 16 * 16 : 0;
        if (vectorCount != 0)
        {
            if (m_Output.m_Shift > 0)
            {
                RunAvx512<true>(a, b, out, vectorCount);
            }
            else
            {
                RunAvx512<false>(a, b, out, vectorCount);
            }
        }
        for (size_t i = vectorCount; i < length; ++i)
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
                const int32_t scaledA = MultiplyByQuantizedMultiplier(x * (1 << kAddLeftShift), m_InputA);
                const int32_t scaledB = MultiplyByQuantizedMultiplier(y * (1 << kAddLeftShift), m_InputB);
                raw = MultiplyByQuantizedMultiplier(
                    m_Op == BinaryOperation::Add ? scaledA + scaledB : scaledA - scaledB, m_Output);
            }
            out[i] = static_cast<T>(m_Range.Clamp(raw + m_OutputZeroPoint));
        }
    }

    /// The scalar loop above on AVX-512, sixteen elements at a time in int32 lanes (InputRescale16 for the inputs,
    /// the general 16-lane form for the output multiplier).
    template <bool OutputLeftShift, typename T>
    __attribute__((target("avx512f"))) void RunAvx512(const T* a, const T* b, T* out, size_t count) const
    {
        const __m512i zeroA = _mm512_set1_epi32(m_ZeroPointA);
        const __m512i zeroB = _mm512_set1_epi32(m_ZeroPointB);
        const __m512i zeroOut = _mm512_set1_epi32(m_OutputZeroPoint);
        const __m512i low = _mm512_set1_epi32(m_Range.m_Min);
        const __m512i high = _mm512_set1_epi32(m_Range.m_Max);
        const InputRescale16 rescaleA(m_InputA);
        const InputRescale16 rescaleB(m_InputB);
        const Multipliers16 output = OutputMultipliers16(m_Output);
        for (size_t i = 0; i < count; i += 16)
        {
            const __m512i x = _mm512_sub_epi32(Load16(a + i), zeroA);
            const __m512i y = _mm512_sub_epi32(Load16(b + i), zeroB);
            __m512i raw;
            if (m_Op == BinaryOperation::Mul)
            {
                raw = MultiplyByQuantizedMultiplier16Lanes<OutputLeftShift>(_mm512_mullo_epi32(x, y), output);
            }
            else
            {
                const __m512i scaledA = rescaleA.Apply(x);
                const __m512i scaledB = rescaleB.Apply(y);
                const __m512i combined = m_Op == BinaryOperation::Add ? _mm512_add_epi32(scaledA, scaledB)
                                                                      : _mm512_sub_epi32(scaledA, scaledB);
                raw = MultiplyByQuantizedMultiplier16Lanes<OutputLeftShift>(combined, output);
            }
            const __m512i clamped = _mm512_min_epi32(_mm512_max_epi32(_mm512_add_epi32(raw, zeroOut), low), high);
            _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm512_cvtepi32_epi8(clamped));
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
    unsigned m_NumThreads;
    bool m_Vectorizable = true;
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
