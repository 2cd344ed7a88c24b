#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/backends/KernelRegistry.hpp>
#include <armnn/backends/QuantizedArithmetic.hpp>

namespace armnn
{
namespace ref
{

bool CheckPrelu(const LayerInfo& layer, std::string& reason)
{
    // Input, alpha and output share a data type; their quantization parameters may differ.
    return CheckAllSameDataType(layer, reason) && CheckNoPerAxisQuantization(layer, reason);
}

std::unique_ptr<IWorkload> CreatePrelu(const LayerInfo& layer)
{
    const TensorShape& outShape = layer.m_Outputs[0].GetShape();
    const std::vector<size_t> indexX = BroadcastIndices(layer.m_Inputs[0].GetShape(), outShape);
    const std::vector<size_t> indexAlpha = BroadcastIndices(layer.m_Inputs[1].GetShape(), outShape);
    const size_t count = outShape.GetNumElements();
    const TensorInfo x = layer.m_Inputs[0];
    const TensorInfo alpha = layer.m_Inputs[1];
    const TensorInfo o = layer.m_Outputs[0];
    if (IsQuantized8BitAsymmetric(x.GetDataType()))
    {
        // TFLite's integer PReLU: x >= 0 rescaled by scale_x / scale_out, x < 0 multiplied by alpha (both less their
        // zero points) and rescaled by scale_x * scale_alpha / scale_out.
        const QuantizedMultiplier identity =
            QuantizeMultiplier(double(x.GetQuantizationScale()) / double(o.GetQuantizationScale()));
        const QuantizedMultiplier negative = QuantizeMultiplier(
            double(x.GetQuantizationScale()) * double(alpha.GetQuantizationScale()) / double(o.GetQuantizationScale()));
        const QuantizedRange range = GetQuantizedRange(o.GetDataType());
        return MakeTensorWorkload([=](const ExecutionTensors& t) {
            const std::vector<int32_t> qx = ReadQuantized(x, t.Input(0), x.GetQuantizationOffset());
            const std::vector<int32_t> qa = ReadQuantized(alpha, t.Input(1), alpha.GetQuantizationOffset());
            std::vector<int32_t> y(count);
            for (size_t i = 0; i < count; ++i)
            {
                const int32_t v = qx[indexX[i]];
                const int32_t scaled = v >= 0 ? MultiplyByQuantizedMultiplier(v, identity)
                                              : MultiplyByQuantizedMultiplier(v * qa[indexAlpha[i]], negative);
                y[i] = range.Clamp(scaled + o.GetQuantizationOffset());
            }
            WriteQuantized(o, y.data(), t.Output(0));
        });
    }
    return MakeFloatWorkload(layer, [=](const FloatInputs& in, const FloatOutputs& out) {
        for (size_t i = 0; i < count; ++i)
        {
            const float x = in[0][indexX[i]];
            out[0][i] = x >= 0.0f ? x : in[1][indexAlpha[i]] * x;
        }
    });
}

} // namespace ref
} // namespace armnn
