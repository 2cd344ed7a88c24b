#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/KernelRegistry.hpp>

#include <cmath>
#include <cstdlib>

namespace armnn
{
namespace ref
{

namespace
{
float ApplyUnary(UnaryOperation op, float x)
{
    switch (op)
    {
        case UnaryOperation::Abs: return std::fabs(x);
        case UnaryOperation::Exp: return std::exp(x);
        case UnaryOperation::Sqrt: return std::sqrt(x);
        case UnaryOperation::Rsqrt: return 1.0f / std::sqrt(x);
        case UnaryOperation::Neg: return -x;
        case UnaryOperation::LogicalNot: return x == 0.0f ? 1.0f : 0.0f;
        case UnaryOperation::Log: return std::log(x);
        case UnaryOperation::Sin: return std::sin(x);
        case UnaryOperation::Ceil: return std::ceil(x);
        case UnaryOperation::Cos: return std::cos(x);
        case UnaryOperation::Erf: return std::erf(x);
        case UnaryOperation::Atan: return std::atan(x);
        case UnaryOperation::Asin: return std::asin(x);
        case UnaryOperation::Acos: return std::acos(x);
    }
    return x;
}

/// Operations that are exact on integers; the others need a float type.
bool IsIntegerOperation(UnaryOperation op)
{
    return op == UnaryOperation::Abs || op == UnaryOperation::Neg || op == UnaryOperation::Ceil;
}
} // namespace

bool CheckElementwiseUnary(const LayerInfo& layer, std::string& reason)
{
    if (!CheckAllSameDataType(layer, reason) || !CheckNoPerAxisQuantization(layer, reason))
    {
        return false;
    }
    const UnaryOperation op = layer.GetDescriptor<ElementwiseUnaryDescriptor>().m_Operation;
    const DataType type = layer.m_Inputs[0].GetDataType();
    if ((op == UnaryOperation::LogicalNot) != (type == DataType::Boolean))
    {
        reason = std::string("LogicalNot takes Boolean tensors and the other operations do not (operation ") +
                 GetUnaryOperationAsCString(op) + ", data type " + GetDataTypeName(type) + ")";
        return false;
    }
    if ((type == DataType::Signed32 || type == DataType::Signed64) && !IsIntegerOperation(op))
    {
        reason = std::string("operation ") + GetUnaryOperationAsCString(op) + " is not supported on " +
                 GetDataTypeName(type);
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateElementwiseUnary(const LayerInfo& layer)
{
    const UnaryOperation op = layer.GetDescriptor<ElementwiseUnaryDescriptor>().m_Operation;
    const size_t count = layer.m_Inputs[0].GetNumElements();
    const DataType type = layer.m_Inputs[0].GetDataType();
    if (type == DataType::Signed32 || type == DataType::Signed64)
    {
        const TensorInfo in = layer.m_Inputs[0];
        const TensorInfo out = layer.m_Outputs[0];
        return MakeTensorWorkload([=](const ExecutionTensors& t) {
            std::vector<int64_t> values = DecodeToInt64(in, t.Input(0));
            // Negation in two's complement without overflow: -INT64_MIN stays INT64_MIN, as in C++ runtimes
            // that wrap (Signed32 results saturate when encoded).
            auto negate = [](int64_t v) { return static_cast<int64_t>(uint64_t{0} - static_cast<uint64_t>(v)); };
            for (int64_t& v : values)
            {
                v = op == UnaryOperation::Abs ? (v < 0 ? negate(v) : v) : op == UnaryOperation::Neg ? negate(v) : v;
            }
            EncodeFromInt64(out, values.data(), t.Output(0));
        });
    }
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t i = 0; i < count; ++i)
        {
            out[0][i] = ApplyUnary(op, in[0][i]);
        }
    });
}

} // namespace ref
} // namespace armnn
