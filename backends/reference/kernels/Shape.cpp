//
// Shape: the input's (static) dimensions as a Signed32 vector.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

namespace armnn
{
namespace ref
{

bool CheckShape(const LayerInfo& layer, std::string& reason)
{
    if (layer.m_Outputs[0].GetDataType() != DataType::Signed32)
    {
        reason = std::string("output has data type ") + GetDataTypeName(layer.m_Outputs[0].GetDataType()) +
                 "; expected Signed32";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateShape(const LayerInfo& layer)
{
    const TensorShape& shape = layer.m_Inputs[0].GetShape();
    std::vector<int32_t> dims(shape.GetNumDimensions());
    for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
    {
        dims[d] = static_cast<int32_t>(shape[d]);
    }
    return MakeTensorWorkload([dims](const ExecutionTensors& t) {
        std::copy(dims.begin(), dims.end(), t.Output<int32_t>(0));
    });
}

} // namespace ref
} // namespace armnn
