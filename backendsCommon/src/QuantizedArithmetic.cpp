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

} // namespace armnn
