#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/backends/QuantizedArithmetic.hpp>


namespace armnn
{
namespace ref
{

namespace
{
/// The integer 8-bit activations (QuantizedActivation: TFLite's HardSwish and LeakyReLu), element by element.
std::unique_ptr<IWorkload> CreateQuantizedActivation(const LayerInfo& layer)
{
    const TensorInfo in = layer.m_Inputs[0];
    const TensorInfo out = layer.m_Outputs[0];
    const QuantizedActivation activate(in, out, layer.GetDescriptor<ActivationDescriptor>());
    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        const std::vector<int32_t> x = ReadQuantized(in, t.Input(0), in.GetQuantizationOffset());
        std::vector<int32_t> y(x.size());
        for (size_t i = 0; i < x.size(); ++i)
        {
            y[i] = activate(x[i]);
        }
        WriteQuantized(out, y.data(), t.Output(0));
    });
}
} // namespace

std::unique_ptr<IWorkload> CreateActivation(const LayerInfo& layer)
{
    const ActivationDescriptor desc = layer.GetDescriptor<ActivationDescriptor>();
    const size_t count = layer.m_Inputs[0].GetNumElements();
    if (QuantizedActivation::Applies(layer.m_Inputs[0], layer.m_Outputs[0], desc))
    {
        return CreateQuantizedActivation(layer);
    }
    return MakeFloatWorkload(layer, [desc, count](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t i = 0; i < count; ++i)
        {
            out[0][i] = Activate(in[0][i], desc);
        }
    });
}

} // namespace ref
} // namespace armnn
