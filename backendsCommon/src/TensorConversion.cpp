#include <armnn/backends/TensorConversion.hpp>

#include <armnn/Exceptions.hpp>
#include <armnn/TypesUtils.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace armnn
{

float HalfToFloat(uint16_t half)
{
    const uint32_t sign = static_cast<uint32_t>(half & 0x8000u) << 16;
    const uint32_t exponent = (half >> 10) & 0x1fu;
    uint32_t mantissa = half & 0x3ffu;
    uint32_t bits;
    if (exponent == 0)
    {
        if (mantissa == 0)
        {
            bits = sign;
        }
        else
        {
            // Subnormal half: normalize into a float.
            int e = -1;
            do
            {
                ++e;
                mantissa <<= 1;
            } while ((mantissa & 0x400u) == 0);
            bits = sign | static_cast<uint32_t>(127 - 15 - e) << 23 | (mantissa & 0x3ffu) << 13;
        }
    }
    else if (exponent == 0x1f)
    {
        bits = sign | 0x7f800000u | mantissa << 13;
    }
    else
    {
        bits = sign | (exponent + 127 - 15) << 23 | mantissa << 13;
    }
    float result;
    std::memcpy(&result, &bits, sizeof(result));
    return result;
}

uint16_t FloatToHalf(float value)
{
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof(bits));
    const uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
    const uint32_t absBits = bits & 0x7fffffffu;
    if (absBits >= 0x7f800000u)
    {
        return static_cast<uint16_t>(sign | 0x7c00u | (absBits > 0x7f800000u ? 0x200u : 0u));
    }
    if (absBits >= 0x477ff000u) // rounds to infinity
    {
        return static_cast<uint16_t>(sign | 0x7c00u);
    }
    if (absBits < 0x38800000u) // below the smallest normal half: subnormal or zero
    {
        const int shift = 113 - static_cast<int>(absBits >> 23);
        if (shift > 24)
        {
            return sign;
        }
        const uint32_t mantissa = (absBits & 0x7fffffu) | 0x800000u;
        const uint32_t halfMantissa = mantissa >> (shift + 13);
        const uint32_t remainder = mantissa & ((1u << (shift + 13)) - 1);
        const uint32_t halfway = 1u << (shift + 12);
        uint32_t rounded = halfMantissa;
        if (remainder > halfway || (remainder == halfway && (halfMantissa & 1u)))
        {
            ++rounded;
        }
        return static_cast<uint16_t>(sign | rounded);
    }
    uint32_t halfBits = ((absBits >> 13) - (112u << 10));
    const uint32_t remainder = absBits & 0x1fffu;
    if (remainder > 0x1000u || (remainder == 0x1000u && (halfBits & 1u)))
    {
        ++halfBits;
    }
    return static_cast<uint16_t>(sign | halfBits);
}

float BFloat16ToFloat(uint16_t value)
{
    const uint32_t bits = static_cast<uint32_t>(value) << 16;
    float result;
    std::memcpy(&result, &bits, sizeof(result));
    return result;
}

uint16_t FloatToBFloat16(float value)
{
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof(bits));
    if (std::isnan(value))
    {
        return static_cast<uint16_t>((bits >> 16) | 0x40u);
    }
    const uint32_t rounding = 0x7fffu + ((bits >> 16) & 1u);
    return static_cast<uint16_t>((bits + rounding) >> 16);
}

namespace
{

/// Scale and offset of element i: per tensor, or per index along the quantization dimension.
class QuantParams
{
public:
    explicit QuantParams(const TensorInfo& info)
        : m_Scales(info.GetQuantizationScales()), m_Offset(info.GetQuantizationOffset())
    {
        if (m_Scales.empty())
        {
            m_Scales.push_back(info.IsQuantized() ? 0.0f : 1.0f);
        }
        if (m_Scales.size() > 1 || info.GetQuantizationDim().has_value())
        {
            const unsigned int dim = info.GetQuantizationDim().value_or(0);
            const TensorShape& shape = info.GetShape();
            if (dim >= shape.GetNumDimensions() || shape[dim] != m_Scales.size())
            {
                throw InvalidArgumentException("Per-axis quantization: " + std::to_string(m_Scales.size()) +
                                               " scales do not match dimension " + std::to_string(dim) +
                                               " of shape " + shape.ToString());
            }
            m_PerAxis = m_Scales.size() > 1;
            m_AxisSize = shape[dim];
            m_Inner = 1;
            for (unsigned int d = dim + 1; d < shape.GetNumDimensions(); ++d)
            {
                m_Inner *= shape[d];
            }
        }
    }
    float Scale(size_t i) const { return m_PerAxis ? m_Scales[(i / m_Inner) % m_AxisSize] : m_Scales[0]; }
    int32_t Offset() const { return m_Offset; }

private:
    std::vector<float> m_Scales;
    int32_t m_Offset;
    bool m_PerAxis = false;
    size_t m_AxisSize = 1;
    size_t m_Inner = 1;
};

template <typename T>
void DequantizeAll(const TensorInfo& info, const void* data, float* out)
{
    const QuantParams q(info);
    const T* values = static_cast<const T*>(data);
    const size_t n = info.GetNumElements();
    const float offset = static_cast<float>(q.Offset());
    for (size_t i = 0; i < n; ++i)
    {
        out[i] = (static_cast<float>(values[i]) - offset) * q.Scale(i);
    }
}

template <typename T>
void QuantizeAll(const TensorInfo& info, const float* values, void* data)
{
    const QuantParams q(info);
    T* out = static_cast<T*>(data);
    const size_t n = info.GetNumElements();
    constexpr float lo = static_cast<float>(std::numeric_limits<T>::lowest());
    constexpr float hi = static_cast<float>(std::numeric_limits<T>::max());
    for (size_t i = 0; i < n; ++i)
    {
        const float scale = q.Scale(i);
        float v = std::round(values[i] / scale) + static_cast<float>(q.Offset());
        if (std::isnan(v))
        {
            v = static_cast<float>(q.Offset());
        }
        out[i] = static_cast<T>(std::min(std::max(v, lo), hi));
    }
}

template <typename T>
void IntegerToFloat(const TensorInfo& info, const void* data, float* out)
{
    const T* values = static_cast<const T*>(data);
    for (size_t i = 0; i < info.GetNumElements(); ++i)
    {
        out[i] = static_cast<float>(values[i]);
    }
}

template <typename T>
T SaturateRound(double v)
{
    if (std::isnan(v))
    {
        return 0;
    }
    v = std::round(v);
    constexpr double lo = static_cast<double>(std::numeric_limits<T>::lowest());
    constexpr double hi = static_cast<double>(std::numeric_limits<T>::max());
    if (v <= lo)
    {
        return std::numeric_limits<T>::lowest();
    }
    if (v >= hi)
    {
        return std::numeric_limits<T>::max();
    }
    return static_cast<T>(v);
}

template <typename T>
void FloatToInteger(const TensorInfo& info, const float* values, void* data)
{
    T* out = static_cast<T*>(data);
    for (size_t i = 0; i < info.GetNumElements(); ++i)
    {
        out[i] = SaturateRound<T>(values[i]);
    }
}

[[noreturn]] void Unsupported(const char* what, DataType type)
{
    throw InvalidArgumentException(std::string(what) + ": data type " + GetDataTypeName(type) + " is not supported");
}

} // namespace

void DecodeToFloat(const TensorInfo& info, const void* data, float* out)
{
    const size_t n = info.GetNumElements();
    switch (info.GetDataType())
    {
        case DataType::Float32: std::memcpy(out, data, n * sizeof(float)); break;
        case DataType::Float16:
            for (size_t i = 0; i < n; ++i)
            {
                out[i] = HalfToFloat(static_cast<const uint16_t*>(data)[i]);
            }
            break;
        case DataType::BFloat16:
            for (size_t i = 0; i < n; ++i)
            {
                out[i] = BFloat16ToFloat(static_cast<const uint16_t*>(data)[i]);
            }
            break;
        case DataType::QAsymmU8: DequantizeAll<uint8_t>(info, data, out); break;
        case DataType::QAsymmS8:
        case DataType::QSymmS8: DequantizeAll<int8_t>(info, data, out); break;
        case DataType::QSymmS16: DequantizeAll<int16_t>(info, data, out); break;
        case DataType::Signed32:
            // A Signed32 tensor with a scale is a quantized bias (scale = input scale * weight scale, offset 0).
            if (!info.GetQuantizationScales().empty() && info.GetQuantizationScales()[0] != 0.0f)
            {
                DequantizeAll<int32_t>(info, data, out);
            }
            else
            {
                IntegerToFloat<int32_t>(info, data, out);
            }
            break;
        case DataType::Signed64: IntegerToFloat<int64_t>(info, data, out); break;
        case DataType::Boolean:
            for (size_t i = 0; i < n; ++i)
            {
                out[i] = static_cast<const uint8_t*>(data)[i] != 0 ? 1.0f : 0.0f;
            }
            break;
        default: Unsupported("DecodeToFloat", info.GetDataType());
    }
}

std::vector<float> DecodeToFloat(const TensorInfo& info, const void* data)
{
    std::vector<float> out(info.GetNumElements());
    DecodeToFloat(info, data, out.data());
    return out;
}

void EncodeFromFloat(const TensorInfo& info, const float* values, void* data)
{
    const size_t n = info.GetNumElements();
    switch (info.GetDataType())
    {
        case DataType::Float32: std::memcpy(data, values, n * sizeof(float)); break;
        case DataType::Float16:
            for (size_t i = 0; i < n; ++i)
            {
                static_cast<uint16_t*>(data)[i] = FloatToHalf(values[i]);
            }
            break;
        case DataType::BFloat16:
            for (size_t i = 0; i < n; ++i)
            {
                static_cast<uint16_t*>(data)[i] = FloatToBFloat16(values[i]);
            }
            break;
        case DataType::QAsymmU8: QuantizeAll<uint8_t>(info, values, data); break;
        case DataType::QAsymmS8:
        case DataType::QSymmS8: QuantizeAll<int8_t>(info, values, data); break;
        case DataType::QSymmS16: QuantizeAll<int16_t>(info, values, data); break;
        case DataType::Signed32: FloatToInteger<int32_t>(info, values, data); break;
        case DataType::Signed64: FloatToInteger<int64_t>(info, values, data); break;
        case DataType::Boolean:
            for (size_t i = 0; i < n; ++i)
            {
                static_cast<uint8_t*>(data)[i] = values[i] != 0.0f ? 1 : 0;
            }
            break;
        default: Unsupported("EncodeFromFloat", info.GetDataType());
    }
}

std::vector<int64_t> DecodeToInt64(const TensorInfo& info, const void* data)
{
    const size_t n = info.GetNumElements();
    std::vector<int64_t> out(n);
    switch (info.GetDataType())
    {
        case DataType::Signed32:
            for (size_t i = 0; i < n; ++i)
            {
                out[i] = static_cast<const int32_t*>(data)[i];
            }
            break;
        case DataType::Signed64: std::memcpy(out.data(), data, n * sizeof(int64_t)); break;
        case DataType::Boolean:
        case DataType::QAsymmU8:
            for (size_t i = 0; i < n; ++i)
            {
                out[i] = static_cast<const uint8_t*>(data)[i];
            }
            break;
        case DataType::QAsymmS8:
        case DataType::QSymmS8:
            for (size_t i = 0; i < n; ++i)
            {
                out[i] = static_cast<const int8_t*>(data)[i];
            }
            break;
        case DataType::QSymmS16:
            for (size_t i = 0; i < n; ++i)
            {
                out[i] = static_cast<const int16_t*>(data)[i];
            }
            break;
        default: Unsupported("DecodeToInt64", info.GetDataType());
    }
    return out;
}

void EncodeFromInt64(const TensorInfo& info, const int64_t* values, void* data)
{
    const size_t n = info.GetNumElements();
    auto saturate = [](int64_t v, int64_t lo, int64_t hi) { return std::min(std::max(v, lo), hi); };
    switch (info.GetDataType())
    {
        case DataType::Signed32:
            for (size_t i = 0; i < n; ++i)
            {
                static_cast<int32_t*>(data)[i] = static_cast<int32_t>(
                    saturate(values[i], std::numeric_limits<int32_t>::lowest(), std::numeric_limits<int32_t>::max()));
            }
            break;
        case DataType::Signed64: std::memcpy(data, values, n * sizeof(int64_t)); break;
        case DataType::Boolean:
            for (size_t i = 0; i < n; ++i)
            {
                static_cast<uint8_t*>(data)[i] = values[i] != 0 ? 1 : 0;
            }
            break;
        case DataType::QAsymmU8:
            for (size_t i = 0; i < n; ++i)
            {
                static_cast<uint8_t*>(data)[i] = static_cast<uint8_t>(saturate(values[i], 0, 255));
            }
            break;
        case DataType::QAsymmS8:
        case DataType::QSymmS8:
            for (size_t i = 0; i < n; ++i)
            {
                static_cast<int8_t*>(data)[i] = static_cast<int8_t>(saturate(values[i], -128, 127));
            }
            break;
        case DataType::QSymmS16:
            for (size_t i = 0; i < n; ++i)
            {
                static_cast<int16_t*>(data)[i] = static_cast<int16_t>(saturate(values[i], -32768, 32767));
            }
            break;
        default: Unsupported("EncodeFromInt64", info.GetDataType());
    }
}

} // namespace armnn
