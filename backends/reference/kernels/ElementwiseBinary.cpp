#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>

#include <algorithm>
#include <cmath>

namespace armnn
{
namespace ref
{

namespace
{
template <typename T>
T Apply(BinaryOperation op, T a, T b)
{
    switch (op)
    {
        case BinaryOperation::Add: return a + b;
        case BinaryOperation::Sub: return a - b;
        case BinaryOperation::Mul: return a * b;
        case BinaryOperation::Div:
            if constexpr (std::is_integral<T>::value)
            {
                return b == 0 ? 0 : a / b;
            }
            else
            {
                return a / b;
            }
        case BinaryOperation::Maximum: return std::max(a, b);
        case BinaryOperation::Minimum: return std::min(a, b);
        case BinaryOperation::SqDiff: return (a - b) * (a - b);
        case BinaryOperation::Power: return static_cast<T>(std::pow(a, b));
        case BinaryOperation::FloorDiv:
            if constexpr (std::is_integral<T>::value)
            {
                if (b == 0)
                {
                    return 0;
                }
                const T q = a / b;
                return (q * b != a && ((a < 0) != (b < 0))) ? q - 1 : q;
            }
            else
            {
                return std::floor(a / b);
            }
    }
    return a;
}

bool IsIntegerType(DataType type)
{
    return type == DataType::Signed32 || type == DataType::Signed64;
}
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
