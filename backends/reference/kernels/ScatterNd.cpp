//
// ScatterNd: the output starts as input 0 (m_InputEnabled) or as zeros; each row of the indices (last dimension K)
// names the slice output[row, ...] of the first K dimensions, and the matching slice of the updates is combined
// into it by m_Function, rows in order (so with Update the last of repeated rows wins, with Add they accumulate).
// Out-of-range indices throw before anything is written.
//
// Integer tensors compute in int64 (exact; wrapping instead of overflowing), the others in float between decoding
// and encoding, so quantized inputs, updates and output may each have their own scale and zero point.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <cstdint>

namespace armnn
{
namespace ref
{
namespace
{

bool IsIntegerType(DataType type)
{
    return type == DataType::Signed32 || type == DataType::Signed64 || type == DataType::Boolean;
}

// int64 arithmetic that wraps like the hardware instead of being undefined on overflow.
int64_t Combine(ScatterNdFunction function, int64_t a, int64_t b)
{
    const auto ua = static_cast<uint64_t>(a);
    const auto ub = static_cast<uint64_t>(b);
    switch (function)
    {
        case ScatterNdFunction::Update: return b;
        case ScatterNdFunction::Add: return static_cast<int64_t>(ua + ub);
        case ScatterNdFunction::Sub: return static_cast<int64_t>(ua - ub);
        case ScatterNdFunction::Max: return std::max(a, b);
        case ScatterNdFunction::Min: return std::min(a, b);
        case ScatterNdFunction::Mul: return static_cast<int64_t>(ua * ub);
    }
    return b;
}

float Combine(ScatterNdFunction function, float a, float b)
{
    switch (function)
    {
        case ScatterNdFunction::Update: return b;
        case ScatterNdFunction::Add: return a + b;
        case ScatterNdFunction::Sub: return a - b;
        case ScatterNdFunction::Max: return std::max(a, b);
        case ScatterNdFunction::Min: return std::min(a, b);
        case ScatterNdFunction::Mul: return a * b;
    }
    return b;
}

template <typename T>
void Scatter(ScatterNdFunction function, std::vector<T>& values, const std::vector<T>& updates,
             const std::vector<size_t>& offsets, size_t slice)
{
    for (size_t r = 0; r < offsets.size(); ++r)
    {
        for (size_t j = 0; j < slice; ++j)
        {
            T& value = values[offsets[r] + j];
            value = Combine(function, value, updates[r * slice + j]);
        }
    }
}

} // namespace

std::unique_ptr<IWorkload> CreateScatterNd(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ScatterNdDescriptor>();
    const ScatterNdFunction function = desc.m_Function;
    const bool inputEnabled = desc.m_InputEnabled;
    const TensorInfo input = layer.m_Inputs[0];
    const TensorInfo updates = layer.m_Inputs[2];
    const TensorInfo output = layer.m_Outputs[0];
    const TensorShape& indices = layer.m_Inputs[1].GetShape();
    const unsigned int depth = indices[indices.GetNumDimensions() - 1];
    const size_t rows = layer.m_Inputs[1].GetNumElements() / depth;
    const size_t slice = updates.GetNumElements() / rows;
    const std::string name = layer.Describe();

    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        const std::vector<size_t> offsets = IndexRowOffsets(t.Input<int32_t>(1), rows, depth, output.GetShape(), name);
        if (IsIntegerType(output.GetDataType()))
        {
            std::vector<int64_t> values = inputEnabled ? DecodeToInt64(input, t.Input(0))
                                                       : std::vector<int64_t>(output.GetNumElements(), 0);
            Scatter(function, values, DecodeToInt64(updates, t.Input(2)), offsets, slice);
            EncodeFromInt64(output, values.data(), t.Output(0));
        }
        else
        {
            std::vector<float> values = inputEnabled ? DecodeToFloat(input, t.Input(0))
                                                     : std::vector<float>(output.GetNumElements(), 0.0f);
            Scatter(function, values, DecodeToFloat(updates, t.Input(2)), offsets, slice);
            EncodeFromFloat(output, values.data(), t.Output(0));
        }
    });
}

bool CheckScatterNd(const LayerInfo& layer, std::string& reason)
{
    const DataType type = layer.m_Outputs.at(0).GetDataType();
    if (layer.m_Inputs.at(1).GetDataType() != DataType::Signed32)
    {
        reason = "indices (input 1) must be Signed32";
        return false;
    }
    if (layer.m_Inputs.at(2).GetDataType() != type ||
        (layer.GetDescriptor<ScatterNdDescriptor>().m_InputEnabled && layer.m_Inputs[0].GetDataType() != type))
    {
        reason = std::string("the input, the updates and the output must have one data type; the output is ") +
                 GetDataTypeName(type);
        return false;
    }
    return true;
}

} // namespace ref
} // namespace armnn
