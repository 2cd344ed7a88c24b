#include <armnn/backends/QuantizedArithmetic.hpp>

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace armnn
{

QuantizedMultiplier QuantizeMultiplier(double real)
{
    if (!(real > 0.0))
    {
        return {};
    }
    int shift = 0;
    const double significand = std::frexp(real, &shift); // in [0.5, 1)
    int64_t fixed = static_cast<int64_t>(std::round(significand * static_cast<double>(int64_t(1) << 31)));
    if (fixed == (int64_t(1) << 31))
    {
        fixed /= 2;
        ++shift;
    }
    if (shift < -31)
    {
        return {};
    }
    if (shift > 30)
    {
        return {std::numeric_limits<int32_t>::max(), 30};
    }
    return {static_cast<int32_t>(fixed), shift};
}

int32_t SaturatingRoundingDoublingHighMul(int32_t a, int32_t b)
{
    if (a == std::numeric_limits<int32_t>::min() && b == std::numeric_limits<int32_t>::min())
    {
        return std::numeric_limits<int32_t>::max();
    }
    const int64_t product = static_cast<int64_t>(a) * static_cast<int64_t>(b);
    // Round half away from zero, then divide by 2^31 truncating towards zero.
    const int64_t nudge = product >= 0 ? (int64_t(1) << 30) : (1 - (int64_t(1) << 30));
    return static_cast<int32_t>((product + nudge) / (int64_t(1) << 31));
}

int32_t RoundingDivideByPOT(int32_t x, int exponent)
{
    const int64_t mask = (int64_t(1) << exponent) - 1;
    const int64_t remainder = static_cast<int64_t>(x) & mask;
    const int64_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    const int64_t floor = static_cast<int64_t>(x) >> exponent; // arithmetic shift: floor division
    return static_cast<int32_t>(floor + (remainder > threshold ? 1 : 0));
}

int32_t MultiplyByQuantizedMultiplier(int32_t x, QuantizedMultiplier multiplier)
{
    const int leftShift = multiplier.m_Shift > 0 ? multiplier.m_Shift : 0;
    const int rightShift = multiplier.m_Shift > 0 ? 0 : -multiplier.m_Shift;
    // TFLite shifts in int32; wrap like two's complement rather than invoke undefined behaviour.
    const int32_t shifted = static_cast<int32_t>(static_cast<uint32_t>(x) << leftShift);
    return RoundingDivideByPOT(SaturatingRoundingDoublingHighMul(shifted, multiplier.m_Multiplier), rightShift);
}

int32_t MultiplyByQuantizedMultiplierSingleRounding(int32_t x, QuantizedMultiplier multiplier)
{
    if (multiplier.m_Multiplier == 0)
    {
        return 0;
    }
    const int totalShift = 31 - multiplier.m_Shift; // in [1, 62]: QuantizeMultiplier keeps the shift in [-31, 30]
    const int64_t rounding = int64_t{1} << (totalShift - 1);
    return SaturateToInt32((static_cast<int64_t>(x) * multiplier.m_Multiplier + rounding) >> totalShift);
}

int32_t MultiplyByQuantizedMultiplier16(int64_t x, QuantizedMultiplier multiplier)
{
    const int64_t reduced = multiplier.m_Multiplier < 0x7FFF0000 ? (int64_t{multiplier.m_Multiplier} + (1 << 15)) >> 16
                                                                  : 0x7FFF;
    const int totalShift = 15 - multiplier.m_Shift;
    const int64_t rounding = int64_t{1} << (totalShift - 1);
    return SaturateToInt32((x * reduced + rounding) >> totalShift);
}

QuantizedMultiplier DivideMultiplierByCount(QuantizedMultiplier multiplier, int64_t count)
{
    if (count <= 0)
    {
        return multiplier;
    }
    int shift = 0;
    while ((count >> (shift + 1)) != 0)
    {
        ++shift; // floor(log2(count))
    }
    shift = std::max(0, std::min({shift, 32, 31 + multiplier.m_Shift}));
    const int64_t scaled = (static_cast<int64_t>(multiplier.m_Multiplier) << shift) / count;
    return {static_cast<int32_t>(scaled), multiplier.m_Shift - shift};
}

int32_t SaturateToInt32(int64_t value)
{
    return static_cast<int32_t>(std::min<int64_t>(std::max<int64_t>(value, std::numeric_limits<int32_t>::min()),
                                                  std::numeric_limits<int32_t>::max()));
}

QuantizedRange GetQuantizedRange(DataType type)
{
    switch (type)
    {
        case DataType::QAsymmS8:
        case DataType::QSymmS8: return {-128, 127};
        case DataType::QAsymmU8: return {0, 255};
        case DataType::QSymmS16: return {-32768, 32767};
        default: throw InvalidArgumentException(std::string("not a quantized data type: ") + GetDataTypeName(type));
    }
}

bool GetActivationRange(const TensorInfo& output, const Optional<ActivationDescriptor>& activation,
                        QuantizedRange& range)
{
    range = GetQuantizedRange(output.GetDataType());
    if (!activation.has_value())
    {
        return true;
    }
    const float scale = output.GetQuantizationScale();
    const int32_t zeroPoint = output.GetQuantizationOffset();
    auto quantize = [&](float value) {
        // TensorFlow Lite's float arithmetic; a bound far outside any quantized range (tiny output scales) is clamped
        // before converting, where it would overflow int32.
        const float q = std::round(value / scale);
        return zeroPoint + static_cast<int32_t>(std::isnan(q) ? 0.0f : std::clamp(q, -1e9f, 1e9f));
    };
    const ActivationDescriptor& desc = activation.value();
    switch (desc.m_Function)
    {
        case ActivationFunction::ReLu:
            range.m_Min = std::max(range.m_Min, quantize(0.0f));
            return true;
        case ActivationFunction::BoundedReLu:
            range.m_Min = std::max(range.m_Min, quantize(desc.m_B));
            range.m_Max = std::min(range.m_Max, quantize(desc.m_A));
            return true;
        default:
            return false;
    }
}

bool IsQuantized8BitAsymmetric(DataType type)
{
    return type == DataType::QAsymmS8 || type == DataType::QAsymmU8;
}

namespace
{
template <typename T>
void Read(const void* data, size_t count, int32_t zeroPoint, int32_t* out)
{
    const T* values = static_cast<const T*>(data);
    for (size_t i = 0; i < count; ++i)
    {
        out[i] = static_cast<int32_t>(values[i]) - zeroPoint;
    }
}

template <typename T>
void Write(const int32_t* values, size_t count, void* data)
{
    T* out = static_cast<T*>(data);
    for (size_t i = 0; i < count; ++i)
    {
        out[i] = static_cast<T>(values[i]);
    }
}
} // namespace

std::vector<int32_t> ReadQuantized(const TensorInfo& info, const void* data, int32_t zeroPoint)
{
    const size_t count = info.GetNumElements();
    std::vector<int32_t> out(count);
    switch (info.GetDataType())
    {
        case DataType::QAsymmS8:
        case DataType::QSymmS8: Read<int8_t>(data, count, zeroPoint, out.data()); break;
        case DataType::QAsymmU8: Read<uint8_t>(data, count, zeroPoint, out.data()); break;
        case DataType::QSymmS16: Read<int16_t>(data, count, zeroPoint, out.data()); break;
        default:
            throw InvalidArgumentException(std::string("ReadQuantized: not a quantized data type: ") +
                                           GetDataTypeName(info.GetDataType()));
    }
    return out;
}

void WriteQuantized(const TensorInfo& info, const int32_t* values, void* data)
{
    const size_t count = info.GetNumElements();
    switch (info.GetDataType())
    {
        case DataType::QAsymmS8:
        case DataType::QSymmS8: Write<int8_t>(values, count, data); break;
        case DataType::QAsymmU8: Write<uint8_t>(values, count, data); break;
        case DataType::QSymmS16: Write<int16_t>(values, count, data); break;
        default:
            throw InvalidArgumentException(std::string("WriteQuantized: not a quantized data type: ") +
                                           GetDataTypeName(info.GetDataType()));
    }
}

std::vector<int32_t> ReadInt32(const TensorInfo& info, const void* data)
{
    std::vector<int32_t> out(info.GetNumElements());
    if (!out.empty())
    {
        std::memcpy(out.data(), data, out.size() * sizeof(int32_t));
    }
    return out;
}

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
void QuantizeMultiplier16(float real, int16_t& value, int& shift)
{
    const QuantizedMultiplier m = QuantizeMultiplier(real);
    constexpr int32_t rounding = 1 << 15;
    value = static_cast<int16_t>(m.m_Multiplier >= std::numeric_limits<int32_t>::max() - rounding
                                     ? std::numeric_limits<int16_t>::max()
                                     : (m.m_Multiplier + rounding) >> 16);
    shift = m.m_Shift;
}
} // namespace

bool QuantizedActivation::Applies(const TensorInfo& input, const TensorInfo& output, const ActivationDescriptor& desc)
{
    const DataType type = input.GetDataType();
    if (!IsQuantized8BitAsymmetric(type) || output.GetDataType() != type)
    {
        return false;
    }
    if (desc.m_Function == ActivationFunction::HardSwish)
    {
        return output.GetQuantizationScale() > 1.0f / 128.0f * input.GetQuantizationScale();
    }
    return desc.m_Function == ActivationFunction::LeakyReLu && desc.m_A >= 0.0f;
}

QuantizedActivation::QuantizedActivation(const TensorInfo& in, const TensorInfo& out, const ActivationDescriptor& desc)
    : m_Function(desc.m_Function), m_OutputZeroPoint(out.GetQuantizationOffset()),
      m_Range(GetQuantizedRange(out.GetDataType()))
{
    if (m_Function == ActivationFunction::HardSwish)
    {
        // The input on a 2^-7 finer scale; a "relu-ish" factor in [0, 1] (x / 3 saturated to [-1, 1], mapped to
        // [0, 1]) in 16-bit fixed point, multiplied by the input already rescaled to the output scale.
        const float hiresInputScale = (1.0f / 128.0f) * in.GetQuantizationScale();
        QuantizeMultiplier16(hiresInputScale / out.GetQuantizationScale(), m_OutputMultiplier, m_OutputShift);
        QuantizeMultiplier16(hiresInputScale / (3.0f / 32768.0f), m_ReluishMultiplier, m_ReluishShift);
    }
    else
    {
        // x >= 0 rescaled by scale_in / scale_out, x < 0 by scale_in * alpha / scale_out (that product computed in
        // float, as LiteRT does).
        m_Identity = QuantizeMultiplier(double(in.GetQuantizationScale()) / double(out.GetQuantizationScale()));
        m_Negative = QuantizeMultiplier(in.GetQuantizationScale() * desc.m_A / out.GetQuantizationScale());
    }
}

int32_t QuantizedActivation::operator()(int32_t x) const
{
    if (m_Function != ActivationFunction::HardSwish)
    {
        return m_Range.Clamp(MultiplyByQuantizedMultiplier(x, x >= 0 ? m_Identity : m_Negative) + m_OutputZeroPoint);
    }
    const int16_t hires = static_cast<int16_t>(x * (1 << 7));
    const int16_t preshiftOutput = SaturatingRoundingDoublingHighMul16(hires, m_OutputMultiplier);
    int16_t reluish = hires;
    if (m_ReluishShift > 0)
    {
        reluish = SaturatingShiftLeft16(reluish, m_ReluishShift - 1);
    }
    reluish = SaturatingRoundingDoublingHighMul16(reluish, m_ReluishMultiplier);
    if (m_ReluishShift > 0)
    {
        reluish = SaturatingShiftLeft16(reluish, 1);
    }
    if (m_ReluishShift < 0)
    {
        reluish = static_cast<int16_t>(RoundingDivideByPOT(reluish, -m_ReluishShift));
    }
    reluish = static_cast<int16_t>((int32_t{reluish} + (1 << 15)) >> 1);
    const int16_t preshift = SaturatingDoublingHighMul16(reluish, preshiftOutput);
    return m_Range.Clamp(RoundingDivideByPOT(preshift, -m_OutputShift) + m_OutputZeroPoint);
}

} // namespace armnn
