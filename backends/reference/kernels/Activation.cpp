#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/backends/QuantizedArithmetic.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace armnn
{
namespace ref
{

float Activate(float x, const ActivationDescriptor& d)
{
    switch (d.m_Function)
    {
        case ActivationFunction::Sigmoid: return 1.0f / (1.0f + std::exp(-x));
        case ActivationFunction::TanH: return d.m_A * std::tanh(d.m_B * x);
        case ActivationFunction::Linear: return d.m_A * x + d.m_B;
        case ActivationFunction::ReLu: return std::max(0.0f, x);
        case ActivationFunction::BoundedReLu: return std::min(d.m_A, std::max(d.m_B, x));
        case ActivationFunction::SoftReLu: return std::log1p(std::exp(x));
        case ActivationFunction::LeakyReLu: return x > 0.0f ? x : d.m_A * x;
        case ActivationFunction::Abs: return std::fabs(x);
        case ActivationFunction::Sqrt: return std::sqrt(x);
        case ActivationFunction::Square: return x * x;
        case ActivationFunction::Elu: return x >= 0.0f ? x : d.m_A * (std::exp(x) - 1.0f);
        case ActivationFunction::HardSwish: return x * std::min(6.0f, std::max(0.0f, x + 3.0f)) / 6.0f;
        case ActivationFunction::Gelu: return 0.5f * x * (1.0f + std::erf(x / std::sqrt(2.0f)));
    }
    return x;
}

namespace
{
// 16-bit fixed-point helpers of TFLite's int8 hard swish (gemmlowp's int16 forms).
int16_t SaturatingRoundingDoublingHighMul16(int16_t a, int16_t b)
{
    if (a == b && a == std::numeric_limits<int16_t>::min())
    {
        return std::numeric_limits<int16_t>::max();
    }
    const int32_t product = int32_t{a} * int32_t{b};
    const int32_t nudge = product >= 0 ? (1 << 14) : (1 - (1 << 14));
    return static_cast<int16_t>((product + nudge) / (1 << 15));
}

int16_t SaturatingDoublingHighMul16(int16_t a, int16_t b) // truncating: cancels the rounding bias of the above
{
    if (a == b && a == std::numeric_limits<int16_t>::min())
    {
        return std::numeric_limits<int16_t>::max();
    }
    return static_cast<int16_t>((int32_t{a} * int32_t{b}) / (1 << 15));
}

int16_t SaturatingShiftLeft16(int16_t a, int shift)
{
    const int32_t shifted = int32_t{a} * (1 << shift);
    return static_cast<int16_t>(std::clamp<int32_t>(shifted, std::numeric_limits<int16_t>::min(),
                                                    std::numeric_limits<int16_t>::max()));
}

/// A multiplier as TFLite's int16 fixed point: QuantizeMultiplier, then the significand rounded to 16 bits.
struct Multiplier16
{
    int16_t m_Value = 0;
    int m_Shift = 0;
};
Multiplier16 QuantizeMultiplier16(float real)
{
    const QuantizedMultiplier m = QuantizeMultiplier(real);
    constexpr int32_t rounding = 1 << 15;
    const int32_t value = m.m_Multiplier >= std::numeric_limits<int32_t>::max() - rounding
                              ? std::numeric_limits<int16_t>::max()
                              : (m.m_Multiplier + rounding) >> 16;
    return {static_cast<int16_t>(value), m.m_Shift};
}

/// TFLite's integer hard swish for 8-bit asymmetric tensors: the input on a 2^-7 finer scale, a "relu-ish" factor
/// in [0, 1] (x / 3 saturated to [-1, 1], mapped to [0, 1]) in 16-bit fixed point, multiplied by the input already
/// rescaled to the output scale.
std::unique_ptr<IWorkload> CreateQuantizedHardSwish(const LayerInfo& layer)
{
    const TensorInfo in = layer.m_Inputs[0];
    const TensorInfo out = layer.m_Outputs[0];
    const float hiresInputScale = (1.0f / 128.0f) * in.GetQuantizationScale();
    const Multiplier16 outputMultiplier = QuantizeMultiplier16(hiresInputScale / out.GetQuantizationScale());
    const Multiplier16 reluishMultiplier = QuantizeMultiplier16(hiresInputScale / (3.0f / 32768.0f));
    const int32_t outputZeroPoint = out.GetQuantizationOffset();
    const QuantizedRange range = GetQuantizedRange(out.GetDataType());
    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        const std::vector<int32_t> x = ReadQuantized(in, t.Input(0), in.GetQuantizationOffset());
        std::vector<int32_t> y(x.size());
        for (size_t i = 0; i < x.size(); ++i)
        {
            const int16_t hires = static_cast<int16_t>(x[i] * (1 << 7));
            const int16_t preshiftOutput = SaturatingRoundingDoublingHighMul16(hires, outputMultiplier.m_Value);
            int16_t reluish = hires;
            if (reluishMultiplier.m_Shift > 0)
            {
                reluish = SaturatingShiftLeft16(reluish, reluishMultiplier.m_Shift - 1);
            }
            reluish = SaturatingRoundingDoublingHighMul16(reluish, reluishMultiplier.m_Value);
            if (reluishMultiplier.m_Shift > 0)
            {
                reluish = SaturatingShiftLeft16(reluish, 1);
            }
            if (reluishMultiplier.m_Shift < 0)
            {
                reluish = static_cast<int16_t>(RoundingDivideByPOT(reluish, -reluishMultiplier.m_Shift));
            }
            reluish = static_cast<int16_t>((int32_t{reluish} + (1 << 15)) >> 1);
            const int16_t preshift = SaturatingDoublingHighMul16(reluish, preshiftOutput);
            y[i] = range.Clamp(RoundingDivideByPOT(preshift, -outputMultiplier.m_Shift) + outputZeroPoint);
        }
        WriteQuantized(out, y.data(), t.Output(0));
    });
}
/// TFLite's integer leaky ReLU: x >= 0 rescaled by scale_in / scale_out, x < 0 by scale_in * alpha / scale_out
/// (that product computed in float, as LiteRT does).
std::unique_ptr<IWorkload> CreateQuantizedLeakyRelu(const LayerInfo& layer, float alpha)
{
    const TensorInfo in = layer.m_Inputs[0];
    const TensorInfo out = layer.m_Outputs[0];
    const QuantizedMultiplier identity =
        QuantizeMultiplier(double(in.GetQuantizationScale()) / double(out.GetQuantizationScale()));
    const QuantizedMultiplier negative =
        QuantizeMultiplier(in.GetQuantizationScale() * alpha / out.GetQuantizationScale());
    const QuantizedRange range = GetQuantizedRange(out.GetDataType());
    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        const std::vector<int32_t> x = ReadQuantized(in, t.Input(0), in.GetQuantizationOffset());
        std::vector<int32_t> y(x.size());
        for (size_t i = 0; i < x.size(); ++i)
        {
            y[i] = range.Clamp(MultiplyByQuantizedMultiplier(x[i], x[i] >= 0 ? identity : negative) +
                               out.GetQuantizationOffset());
        }
        WriteQuantized(out, y.data(), t.Output(0));
    });
}
} // namespace

std::unique_ptr<IWorkload> CreateActivation(const LayerInfo& layer)
{
    const ActivationDescriptor desc = layer.GetDescriptor<ActivationDescriptor>();
    const size_t count = layer.m_Inputs[0].GetNumElements();
    const DataType type = layer.m_Inputs[0].GetDataType();
    if (desc.m_Function == ActivationFunction::HardSwish && IsQuantized8BitAsymmetric(type) &&
        layer.m_Outputs[0].GetDataType() == type && layer.m_Outputs[0].GetQuantizationScale() > 1.0f / 128.0f *
        layer.m_Inputs[0].GetQuantizationScale())
    {
        return CreateQuantizedHardSwish(layer);
    }
    if (desc.m_Function == ActivationFunction::LeakyReLu && desc.m_A >= 0.0f && IsQuantized8BitAsymmetric(type) &&
        layer.m_Outputs[0].GetDataType() == type)
    {
        return CreateQuantizedLeakyRelu(layer, desc.m_A);
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
