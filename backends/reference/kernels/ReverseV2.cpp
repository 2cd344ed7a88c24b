//
// ReverseV2: the input with the order of elements reversed along each listed axis. The axes are a tensor that may
// change from run to run, so they are checked (range, repeats) each time the layer runs.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/Exceptions.hpp>

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateReverseV2(const LayerInfo& layer)
{
    const TensorInfo input = layer.m_Inputs[0];
    const TensorInfo output = layer.m_Outputs[0];
    const size_t numAxes = layer.m_Inputs[1].GetNumElements();
    const std::string name = layer.Describe();

    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        const TensorShape& shape = input.GetShape();
        const int rank = static_cast<int>(shape.GetNumDimensions());
        const int32_t* axes = t.Input<int32_t>(1);
        std::vector<bool> reversed(static_cast<size_t>(rank), false);
        for (size_t i = 0; i < numAxes; ++i)
        {
            if (axes[i] < -rank || axes[i] >= rank)
            {
                throw Exception(name + ": axis " + std::to_string(axes[i]) + " (element " + std::to_string(i) +
                                " of the axes) is out of range for rank " + std::to_string(rank));
            }
            const size_t axis = static_cast<size_t>(axes[i] < 0 ? axes[i] + rank : axes[i]);
            if (reversed[axis])
            {
                throw Exception(name + ": axis " + std::to_string(axes[i]) + " is listed twice");
            }
            reversed[axis] = true;
        }
        // A reversed dimension reads from its last element backwards.
        const std::vector<ptrdiff_t> strides = SignedStrides(shape);
        StridedCopyPlan plan;
        for (unsigned int d = 0; d < shape.GetNumDimensions(); ++d)
        {
            if (reversed[d])
            {
                plan.m_FromOffset += static_cast<ptrdiff_t>(shape[d] - 1) * strides[d];
            }
            plan.AddDim(shape[d], reversed[d] ? -strides[d] : strides[d], strides[d]);
        }
        StridedCopyConverting(plan, input, t.Input(0), output, t.Output(0));
    });
}

bool CheckReverseV2(const LayerInfo& layer, std::string& reason)
{
    return CheckDataMovementWithSigned32Input1(layer, "axes", reason);
}

} // namespace ref
} // namespace armnn
