//
// ArgMinMax: the index of the smallest (largest) element along m_Axis; ties pick the lowest index.
// Output Signed32 or Signed64.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateArgMinMax(const LayerInfo& layer)
{
    const auto& desc = layer.GetDescriptor<ArgMinMaxDescriptor>();
    const TensorInfo input = layer.m_Inputs[0];
    const TensorInfo output = layer.m_Outputs[0];
    const int rank = static_cast<int>(input.GetNumDimensions());
    const unsigned int axis = static_cast<unsigned int>(desc.m_Axis < 0 ? desc.m_Axis + rank : desc.m_Axis);
    size_t outer = 1;
    size_t inner = 1;
    for (unsigned int d = 0; d < input.GetNumDimensions(); ++d)
    {
        if (d < axis)
        {
            outer *= input.GetShape()[d];
        }
        else if (d > axis)
        {
            inner *= input.GetShape()[d];
        }
    }
    const size_t axisSize = input.GetShape()[axis];
    const bool isMax = desc.m_Function == ArgMinMaxFunction::Max;

    // Integers are compared exactly (as int64); everything else as decoded floats.
    const bool integer = input.GetDataType() == DataType::Signed32 || input.GetDataType() == DataType::Signed64;
    auto argBest = [=](const auto& x, std::vector<int64_t>& result) {
        for (size_t o = 0; o < outer; ++o)
        {
            for (size_t i = 0; i < inner; ++i)
            {
                const auto* row = x.data() + o * axisSize * inner + i;
                size_t best = 0;
                for (size_t k = 1; k < axisSize; ++k)
                {
                    // Strict comparisons keep the first of equal values.
                    if (isMax ? row[k * inner] > row[best * inner] : row[k * inner] < row[best * inner])
                    {
                        best = k;
                    }
                }
                result[o * inner + i] = static_cast<int64_t>(best);
            }
        }
    };
    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        std::vector<int64_t> result(outer * inner);
        if (integer)
        {
            argBest(DecodeToInt64(input, t.Input(0)), result);
        }
        else
        {
            argBest(DecodeToFloat(input, t.Input(0)), result);
        }
        EncodeFromInt64(output, result.data(), t.Output(0));
    });
}

bool CheckArgMinMax(const LayerInfo& layer, std::string& reason)
{
    const DataType type = layer.m_Outputs.at(0).GetDataType();
    if (type != DataType::Signed32 && type != DataType::Signed64)
    {
        reason = "output 0 must be Signed32 or Signed64";
        return false;
    }
    return true;
}

} // namespace ref
} // namespace armnn
