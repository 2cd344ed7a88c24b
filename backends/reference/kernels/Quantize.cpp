//
// Quantize (float or quantized -> quantized) and Dequantize (quantized, per-tensor or per-axis -> float):
// both are a conversion through the real value, with TensorFlow Lite's rounding (half away from zero) and
// saturation done by the encoder.
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

namespace armnn
{
namespace ref
{

namespace
{
bool IsQuantizedOutput(DataType type)
{
    return type == DataType::QAsymmS8 || type == DataType::QAsymmU8 || type == DataType::QSymmS8 ||
           type == DataType::QSymmS16;
}

std::unique_ptr<IWorkload> CreateConversion(const LayerInfo& layer)
{
    const TensorInfo input = layer.m_Inputs[0];
    const TensorInfo output = layer.m_Outputs[0];
    return MakeTensorWorkload([input, output](const ExecutionTensors& t) {
        const std::vector<float> real = DecodeToFloat(input, t.Input(0));
        EncodeFromFloat(output, real.data(), t.Output(0));
    });
}
} // namespace

bool CheckQuantize(const LayerInfo& layer, std::string& reason)
{
    const TensorInfo& out = layer.m_Outputs[0];
    if (!IsQuantizedOutput(out.GetDataType()))
    {
        reason = std::string("output has data type ") + GetDataTypeName(out.GetDataType()) + "; expected a quantized type";
        return false;
    }
    if (!(out.GetQuantizationScale() > 0.0f) && !out.HasPerAxisQuantization())
    {
        reason = "output quantization scale must be positive";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateQuantize(const LayerInfo& layer)
{
    return CreateConversion(layer);
}

bool CheckDequantize(const LayerInfo& layer, std::string& reason)
{
    const DataType out = layer.m_Outputs[0].GetDataType();
    if (out != DataType::Float32 && out != DataType::Float16)
    {
        reason = std::string("output has data type ") + GetDataTypeName(out) + "; expected Float32 or Float16";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateDequantize(const LayerInfo& layer)
{
    return CreateConversion(layer);
}

} // namespace ref
} // namespace armnn
