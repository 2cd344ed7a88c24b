#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

namespace armnn
{
namespace ref
{

std::unique_ptr<IWorkload> CreateReshape(const LayerInfo& layer)
{
    const TensorInfo input = layer.m_Inputs[0];
    const TensorInfo output = layer.m_Outputs[0];
    return MakeTensorWorkload([input, output](const ExecutionTensors& t) {
        CopyConverting(input, t.Input(0), output, t.Output(0));
    });
}

} // namespace ref
} // namespace armnn
