#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

namespace armnn
{
namespace ref
{

namespace
{
/// Integer arithmetic, on int64 (Signed32 values too, saturated when stored): overflow wraps in two's complement,
/// computed in the unsigned type so that it is defined; Div and FloorDiv of the minimum by -1 wrap the same way,
/// division by zero gives 0, and Power saturates to the type's range.
template <typename T>
T ApplyInteger(BinaryOperation op, T a, T b)
{
    using U = std::make_unsigned_t<T>;
    const auto wrap = [](U value) { return static_cast<T>(value); };
    switch (op)
    {
        case BinaryOperation::Add: return wrap(U(a) + U(b));
        case BinaryOperation::Sub: return wrap(U(a) - U(b));
        case BinaryOperation::Mul: return wrap(U(a) * U(b));
        case BinaryOperation::SqDiff: return wrap((U(a) - U(b)) * (U(a) - U(b)));
        case BinaryOperation::Maximum: return std::max(a, b);
        case BinaryOperation::Minimum: return std::min(a, b);
        case BinaryOperation::Power:
        {
            const double power = std::pow(static_cast<double>(a), static_cast<double>(b));
            if (std::isnan(power))
            {
                return 0;
            }
            if (power >= static_cast<double>(std::numeric_limits<T>::max()))
            {
                return std::numeric_limits<T>::max();
            }
            return power <= static_cast<double>(std::numeric_limits<T>::min()) ? std::numeric_limits<T>::min()
                                                                                : static_cast<T>(power);
        }
        case BinaryOperation::Div:
        case BinaryOperation::FloorDiv:
        {
            if (b == 0)
            {
                return 0;
            }
            if (b == -1)
            {
                return wrap(U(0) - U(a)); // exact, and the one quotient that overflows wraps
            }
            const T q = a / b;
            const bool floor = op == BinaryOperation::FloorDiv && q * b != a && ((a < 0) != (b < 0));
            return floor ? q - 1 : q;
        }
    }
    return a;
}

template <typename T>
T Apply(BinaryOperation op, T a, T b)
{
    if constexpr (std::is_integral<T>::value)
    {
        return ApplyInteger(op, a, b);
    }
    else
    {
        switch (op)
        {
            case BinaryOperation::Add: return a + b;
            case BinaryOperation::Sub: return a - b;
            case BinaryOperation::Mul: return a * b;
            case BinaryOperation::Div: return a / b;
            case BinaryOperation::Maximum: return std::max(a, b);
            case BinaryOperation::Minimum: return std::min(a, b);
            case BinaryOperation::SqDiff: return (a - b) * (a - b);
            case BinaryOperation::Power: return static_cast<T>(std::pow(a, b));
            case BinaryOperation::FloorDiv: return std::floor(a / b);
        }
        return a;
    }
}

bool IsIntegerType(DataType type)
{
    return type == DataType::Signed32 || type == DataType::Signed64;
}

/// TensorFlow Lite's integer Add, Sub and Mul for 8-bit asymmetric tensors (docs/quantization.md).
/// Add/Sub: both inputs, less their zero points, are shifted left by 20 bits and scaled to a common scale,
/// 2 * max(input scales), by multipliers below one; their sum or difference is scaled to the output.
/// Mul: the product of the inputs less their zero points is scaled by input1 scale * input2 scale / output scale.
/// SqDiff: as Add/Sub with a 7-bit shift; the difference is squared, then scaled by
/// (2 * max(input scales))^2 / (2^14 * output scale).
class QuantizedArithmetic
{
public:
    static bool Supports(const LayerInfo& layer, BinaryOperation op)
    {
        const bool arithmetic = op == BinaryOperation::Add || op == BinaryOperation::Sub ||
                                op == BinaryOperation::Mul || op == BinaryOperation::SqDiff;
        return arithmetic && IsQuantized8BitAsymmetric(layer.m_Inputs[0].GetDataType()) &&
               IsQuantized8BitAsymmetric(layer.m_Outputs[0].GetDataType());
    }

    QuantizedArithmetic(const LayerInfo& layer, BinaryOperation op)
        : m_Op(op), m_Range(GetQuantizedRange(layer.m_Outputs[0].GetDataType())),
          m_OutputZeroPoint(layer.m_Outputs[0].GetQuantizationOffset())
    {
        const double scaleA = layer.m_Inputs[0].GetQuantizationScale();
        const double scaleB = layer.m_Inputs[1].GetQuantizationScale();
        const double scaleOut = layer.m_Outputs[0].GetQuantizationScale();
        if (op == BinaryOperation::Mul)
        {
            m_Output = QuantizeMultiplier(scaleA * scaleB / scaleOut);
            return;
        }
        const double twiceMaxScale = 2.0 * std::max(scaleA, scaleB);
        m_InputA = QuantizeMultiplier(scaleA / twiceMaxScale);
        m_InputB = QuantizeMultiplier(scaleB / twiceMaxScale);
        m_Output = op == BinaryOperation::SqDiff
                       ? QuantizeMultiplier(twiceMaxScale * twiceMaxScale /
                                            (static_cast<double>(1 << (2 * kSqDiffLeftShift)) * scaleOut))
                       : QuantizeMultiplier(twiceMaxScale / (static_cast<double>(1 << kLeftShift) * scaleOut));
    }

    /// a and b are the inputs less their zero points; the result is the stored output value.
    int32_t operator()(int32_t a, int32_t b) const
    {
        int32_t raw = 0;
        if (m_Op == BinaryOperation::Mul)
        {
            raw = MultiplyByQuantizedMultiplier(a * b, m_Output);
        }
        else if (m_Op == BinaryOperation::SqDiff)
        {
            const int32_t difference = MultiplyByQuantizedMultiplier(a * (1 << kSqDiffLeftShift), m_InputA) -
                                       MultiplyByQuantizedMultiplier(b * (1 << kSqDiffLeftShift), m_InputB);
            raw = MultiplyByQuantizedMultiplier(difference * difference, m_Output);
        }
        else
        {
            const int32_t scaledA = MultiplyByQuantizedMultiplier(a * (1 << kLeftShift), m_InputA);
            const int32_t scaledB = MultiplyByQuantizedMultiplier(b * (1 << kLeftShift), m_InputB);
            raw = MultiplyByQuantizedMultiplier(m_Op == BinaryOperation::Add ? scaledA + scaledB : scaledA - scaledB,
                                                m_Output);
        }
        return m_Range.Clamp(raw + m_OutputZeroPoint);
    }

private:
    static constexpr int kLeftShift = 20;
    static constexpr int kSqDiffLeftShift = 7;
    BinaryOperation m_Op;
    QuantizedRange m_Range;
    int32_t m_OutputZeroPoint;
    QuantizedMultiplier m_InputA;
    QuantizedMultiplier m_InputB;
    QuantizedMultiplier m_Output;
};
} // namespace

bool CheckElementwiseBinary(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason))
    {
        return false;
    }
    return CheckNoPerAxisQuantization(layer, reason);
}

std::unique_ptr<IWorkload> CreateElementwiseBinary(const LayerInfo& layer)
{
    const BinaryOperation op = layer.GetDescriptor<ElementwiseBinaryDescriptor>().m_Operation;
    const TensorShape& outShape = layer.m_Outputs[0].GetShape();
    const std::vector<size_t> indexA = BroadcastIndices(layer.m_Inputs[0].GetShape(), outShape);
    const std::vector<size_t> indexB = BroadcastIndices(layer.m_Inputs[1].GetShape(), outShape);
    const size_t count = outShape.GetNumElements();

    if (QuantizedArithmetic::Supports(layer, op))
    {
        const TensorInfo a = layer.m_Inputs[0];
        const TensorInfo b = layer.m_Inputs[1];
        const TensorInfo o = layer.m_Outputs[0];
        const QuantizedArithmetic apply(layer, op);
        return MakeTensorWorkload([=](const ExecutionTensors& t) {
            const std::vector<int32_t> va = ReadQuantized(a, t.Input(0), a.GetQuantizationOffset());
            const std::vector<int32_t> vb = ReadQuantized(b, t.Input(1), b.GetQuantizationOffset());
            std::vector<int32_t> result(count);
            for (size_t i = 0; i < count; ++i)
            {
                result[i] = apply(va[indexA[i]], vb[indexB[i]]);
            }
            WriteQuantized(o, result.data(), t.Output(0));
        });
    }
    if (IsIntegerType(layer.m_Inputs[0].GetDataType()))
    {
        const TensorInfo a = layer.m_Inputs[0];
        const TensorInfo b = layer.m_Inputs[1];
        const TensorInfo o = layer.m_Outputs[0];
        return MakeTensorWorkload([=](const ExecutionTensors& t) {
            const std::vector<int64_t> va = DecodeToInt64(a, t.Input(0));
            const std::vector<int64_t> vb = DecodeToInt64(b, t.Input(1));
            std::vector<int64_t> result(count);
            for (size_t i = 0; i < count; ++i)
            {
                result[i] = Apply<int64_t>(op, va[indexA[i]], vb[indexB[i]]);
            }
            EncodeFromInt64(o, result.data(), t.Output(0));
        });
    }
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t i = 0; i < count; ++i)
        {
            out[0][i] = Apply<float>(op, in[0][indexA[i]], in[1][indexB[i]]);
        }
    });
}

} // namespace ref
} // namespace armnn
