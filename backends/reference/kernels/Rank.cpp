//
// Rank: the input's (static) number of dimensions as a Signed32 scalar.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

namespace armnn
{
namespace ref
{

bool CheckRank(const LayerInfo& layer, std::string& reason)
{
    if (layer.m_Outputs[0].GetDataType() != DataType::Signed32)
    {
        reason = std::string("output has data type ") + GetDataTypeName(layer.m_Outputs[0].GetDataType()) +
                 "; expected Signed32";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateRank(const LayerInfo& layer)
{
    const int32_t rank = static_cast<int32_t>(layer.m_Inputs[0].GetNumDimensions());
    return MakeTensorWorkload([rank](const ExecutionTensors& t) { *t.Output<int32_t>(0) = rank; });
}

} // namespace ref
} // namespace armnn
