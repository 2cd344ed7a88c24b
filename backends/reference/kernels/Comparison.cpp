#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

namespace armnn
{
namespace ref
{

namespace
{
template <typename T>
bool Compare(ComparisonOperation op, T a, T b)
{
    switch (op)
    {
        case ComparisonOperation::Equal: return a == b;
        case ComparisonOperation::Greater: return a > b;
        case ComparisonOperation::GreaterOrEqual: return a >= b;
        case ComparisonOperation::Less: return a < b;
        case ComparisonOperation::LessOrEqual: return a <= b;
        case ComparisonOperation::NotEqual: return a != b;
    }
    return false;
}
} // namespace

bool CheckComparison(const LayerInfo& layer, std::string& reason)
{
    if (layer.m_Inputs[1].GetDataType() != layer.m_Inputs[0].GetDataType())
    {
        reason = "inputs have different data types";
        return false;
    }
    if (layer.m_Outputs[0].GetDataType() != DataType::Boolean)
    {
        reason = std::string("output has data type ") + GetDataTypeName(layer.m_Outputs[0].GetDataType()) +
                 "; expected Boolean";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateComparison(const LayerInfo& layer)
{
    const ComparisonOperation op = layer.GetDescriptor<ComparisonDescriptor>().m_Operation;
    const TensorInfo a = layer.m_Inputs[0];
    const TensorInfo b = layer.m_Inputs[1];
    const TensorInfo o = layer.m_Outputs[0];
    const std::vector<size_t> indexA = BroadcastIndices(a.GetShape(), o.GetShape());
    const std::vector<size_t> indexB = BroadcastIndices(b.GetShape(), o.GetShape());
    const size_t count = o.GetNumElements();
    const DataType type = a.GetDataType();
    const bool exactIntegers = type == DataType::Signed32 || type == DataType::Signed64 || type == DataType::Boolean;
    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        uint8_t* out = t.Output<uint8_t>(0);
        if (exactIntegers)
        {
            const std::vector<int64_t> va = DecodeToInt64(a, t.Input(0));
            const std::vector<int64_t> vb = DecodeToInt64(b, t.Input(1));
            for (size_t i = 0; i < count; ++i)
            {
                out[i] = Compare(op, va[indexA[i]], vb[indexB[i]]) ? 1 : 0;
            }
            return;
        }
        if (IsQuantized8BitAsymmetric(type))
        {
            // TFLite's quantized comparison: each input, less its zero point and shifted left by 8 bits, is
            // rescaled by its own scale in fixed point, then the integers are compared. Values of inputs with
            // slightly different scales that round to the same integer compare equal, as they do there.
            const QuantizedMultiplier ma = QuantizeMultiplier(a.GetQuantizationScale());
            const QuantizedMultiplier mb = QuantizeMultiplier(b.GetQuantizationScale());
            const std::vector<int32_t> qa = ReadQuantized(a, t.Input(0), a.GetQuantizationOffset());
            const std::vector<int32_t> qb = ReadQuantized(b, t.Input(1), b.GetQuantizationOffset());
            for (size_t i = 0; i < count; ++i)
            {
                out[i] = Compare(op, MultiplyByQuantizedMultiplier(qa[indexA[i]] * 256, ma),
                                 MultiplyByQuantizedMultiplier(qb[indexB[i]] * 256, mb)) ? 1 : 0;
            }
            return;
        }
        // Other quantized types compare their real values, so inputs of different scales compare correctly.
        const std::vector<float> va = DecodeToFloat(a, t.Input(0));
        const std::vector<float> vb = DecodeToFloat(b, t.Input(1));
        for (size_t i = 0; i < count; ++i)
        {
            out[i] = Compare(op, va[indexA[i]], vb[indexB[i]]) ? 1 : 0;
        }
    });
}

} // namespace ref
} // namespace armnn
