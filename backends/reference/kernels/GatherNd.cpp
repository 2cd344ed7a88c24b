//
// GatherNd: each row of the indices (their last dimension, K long) picks the slice params[row, ...] of the first K
// dimensions; output[r, ...] is that slice. Out-of-range indices throw before anything is written.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

#include <cstring>

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateGatherNd(const LayerInfo& layer)
{
    const TensorInfo params = layer.m_Inputs[0];
    const TensorInfo output = layer.m_Outputs[0];
    const TensorShape& indices = layer.m_Inputs[1].GetShape();
    const unsigned int depth = indices[indices.GetNumDimensions() - 1];
    const size_t rows = layer.m_Inputs[1].GetNumElements() / depth;
    size_t slice = 1;
    for (unsigned int d = depth; d < params.GetNumDimensions(); ++d)
    {
        slice *= params.GetShape()[d];
    }
    const std::string name = layer.Describe();

    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        const std::vector<size_t> offsets = IndexRowOffsets(t.Input<int32_t>(1), rows, depth, params.GetShape(), name);
        std::vector<uint8_t> converted;
        const auto* src = static_cast<const uint8_t*>(ConvertedTo(params, t.Input(0), output, converted));
        const size_t elementBytes = GetDataTypeSize(output.GetDataType());
        uint8_t* dst = t.Output<uint8_t>(0);
        for (size_t r = 0; r < rows; ++r)
        {
            std::memcpy(dst + r * slice * elementBytes, src + offsets[r] * elementBytes, slice * elementBytes);
        }
    });
}

} // namespace ref
} // namespace armnn
