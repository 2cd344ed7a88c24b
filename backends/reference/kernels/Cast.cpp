//
// Cast, with TensorFlow Lite's semantics: values are converted as C++ static_cast does on the stored values
// (quantized tensors are cast as their raw integers, their scale is ignored); float to integer truncates toward
// zero; anything to Boolean is "not zero". Where C++ leaves a conversion undefined (a float out of the integer
// range, NaN) we saturate (NaN gives 0).
//
#include "../RefKernels.hpp"
#include "../RefWorkloadUtils.hpp"

#include <armnn/TypesUtils.hpp>

#include <cmath>
#include <cstring>
#include <limits>

namespace armnn
{
namespace ref
{

namespace
{
/// One element: a float type's value, or an integer (or Boolean) type's value.
struct Scalar
{
    bool m_IsFloat;
    double m_Float;
    int64_t m_Int;
};

template <typename T>
T Load(const void* data, size_t i)
{
    T value;
    std::memcpy(&value, static_cast<const uint8_t*>(data) + i * sizeof(T), sizeof(T));
    return value;
}

template <typename T>
void Store(void* data, size_t i, T value)
{
    std::memcpy(static_cast<uint8_t*>(data) + i * sizeof(T), &value, sizeof(T));
}

Scalar Read(DataType type, const void* data, size_t i)
{
    switch (type)
    {
        case DataType::Float32: return {true, Load<float>(data, i), 0};
        case DataType::Float16: return {true, HalfToFloat(Load<uint16_t>(data, i)), 0};
        case DataType::Signed32: return {false, 0.0, Load<int32_t>(data, i)};
        case DataType::Signed64: return {false, 0.0, Load<int64_t>(data, i)};
        case DataType::QAsymmS8: return {false, 0.0, Load<int8_t>(data, i)};
        case DataType::QAsymmU8: return {false, 0.0, Load<uint8_t>(data, i)};
        case DataType::Boolean: return {false, 0.0, Load<uint8_t>(data, i) != 0 ? 1 : 0};
        default: break;
    }
    throw InvalidArgumentException(std::string("Cast: unsupported data type ") + GetDataTypeName(type));
}

/// Float to integer: truncate toward zero, saturating to T's range.
template <typename T>
T Truncate(double v)
{
    if (std::isnan(v))
    {
        return 0;
    }
    v = std::trunc(v);
    if (v <= static_cast<double>(std::numeric_limits<T>::lowest()))
    {
        return std::numeric_limits<T>::lowest();
    }
    if (v >= static_cast<double>(std::numeric_limits<T>::max()))
    {
        return std::numeric_limits<T>::max();
    }
    return static_cast<T>(v);
}

template <typename T>
T ToInteger(const Scalar& s)
{
    // Integer to integer wraps, as static_cast does (two's complement).
    return s.m_IsFloat ? Truncate<T>(s.m_Float) : static_cast<T>(s.m_Int);
}

void Write(DataType type, void* data, size_t i, const Scalar& s)
{
    const double asDouble = s.m_IsFloat ? s.m_Float : static_cast<double>(s.m_Int);
    switch (type)
    {
        case DataType::Float32: Store<float>(data, i, static_cast<float>(asDouble)); return;
        case DataType::Float16: Store<uint16_t>(data, i, FloatToHalf(static_cast<float>(asDouble))); return;
        case DataType::Signed32: Store<int32_t>(data, i, ToInteger<int32_t>(s)); return;
        case DataType::Signed64: Store<int64_t>(data, i, ToInteger<int64_t>(s)); return;
        case DataType::QAsymmS8: Store<int8_t>(data, i, ToInteger<int8_t>(s)); return;
        case DataType::QAsymmU8: Store<uint8_t>(data, i, ToInteger<uint8_t>(s)); return;
        case DataType::Boolean:
            Store<uint8_t>(data, i, (s.m_IsFloat ? s.m_Float != 0.0 : s.m_Int != 0) ? 1 : 0);
            return;
        default: break;
    }
    throw InvalidArgumentException(std::string("Cast: unsupported data type ") + GetDataTypeName(type));
}

bool IsCastType(DataType type)
{
    return type == DataType::Float32 || type == DataType::Float16 || type == DataType::Signed32 ||
           type == DataType::Signed64 || type == DataType::QAsymmS8 || type == DataType::QAsymmU8 ||
           type == DataType::Boolean;
}
} // namespace

bool CheckCast(const LayerInfo& layer, std::string& reason)
{
    const DataType out = layer.m_Outputs[0].GetDataType();
    if (!IsCastType(out))
    {
        reason = std::string("output data type ") + GetDataTypeName(out) + " is not supported";
        return false;
    }
    return true;
}

std::unique_ptr<IWorkload> CreateCast(const LayerInfo& layer)
{
    const DataType from = layer.m_Inputs[0].GetDataType();
    const DataType to = layer.m_Outputs[0].GetDataType();
    const size_t count = layer.m_Inputs[0].GetNumElements();
    return MakeTensorWorkload([=](const ExecutionTensors& t) {
        const void* in = t.Input(0);
        void* out = t.Output(0);
        for (size_t i = 0; i < count; ++i)
        {
            Write(to, out, i, Read(from, in, i));
        }
    });
}

} // namespace ref
} // namespace armnn
