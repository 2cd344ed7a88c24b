//
// Gather: output[outer, m, inner] = params[outer, indices[m], inner] around dimension m_Axis.
// Indices come from the network's data, so each is checked at run time: one outside [0, params[axis]) throws
// before anything is written.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>

#include <cstring>

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateGather(const LayerInfo& layer)
{
    const TensorInfo params = layer.m_Inputs[0];
    const TensorInfo indices = layer.m_Inputs[1];
    const TensorInfo output = layer.m_Outputs[0];
    const int rank = static_cast<int>(params.GetNumDimensions());
    const int axisArg = layer.GetDescriptor<GatherDescriptor>().m_Axis;
    const unsigned int axis = static_cast<unsigned int>(axisArg < 0 ? axisArg + rank : axisArg);
    size_t outer = 1;
    size_t inner = 1;
    for (unsigned int d = 0; d < params.GetNumDimensions(); ++d)
    {
        if (d < axis)
        {
            outer *= params.GetShape()[d];
        }
        else if (d > axis)
        {
            inner *= params.GetShape()[d];
        }
    }
    const size_t axisSize = params.GetShape()[axis];
    const std::string name = layer.Describe();

    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        const int32_t* idx = t.Input<int32_t>(1);
        const size_t count = indices.GetNumElements();
        for (size_t m = 0; m < count; ++m)
        {
            if (idx[m] < 0 || static_cast<size_t>(idx[m]) >= axisSize)
            {
                throw Exception(name + ": index " + std::to_string(idx[m]) + " (element " + std::to_string(m) +
                                " of the indices) is outside [0, " + std::to_string(axisSize) + ")");
            }
        }
        std::vector<uint8_t> converted;
        const auto* src = static_cast<const uint8_t*>(ConvertedTo(params, t.Input(0), output, converted));
        const size_t rowBytes = inner * GetDataTypeSize(output.GetDataType());
        uint8_t* dst = t.Output<uint8_t>(0);
        for (size_t o = 0; o < outer; ++o)
        {
            for (size_t m = 0; m < count; ++m)
            {
                std::memcpy(dst, src + (o * axisSize + static_cast<size_t>(idx[m])) * rowBytes, rowBytes);
                dst += rowBytes;
            }
        }
    });
}

bool CheckGather(const LayerInfo& layer, std::string& reason)
{
    return CheckDataMovementWithSigned32Input1(layer, "indices", reason);
}

} // namespace ref
} // namespace armnn
