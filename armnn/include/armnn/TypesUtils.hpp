//
// Names, sizes and quantization helpers for the public enumerations.
//
#pragma once

#include "Tensor.hpp"
#include "Types.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <ostream>
#include <type_traits>

namespace armnn
{

const char* GetStatusAsCString(Status status);
const char* GetActivationFunctionAsCString(ActivationFunction activation);
const char* GetArgMinMaxFunctionAsCString(ArgMinMaxFunction function);
const char* GetComparisonOperationAsCString(ComparisonOperation operation);
const char* GetBinaryOperationAsCString(BinaryOperation operation);
const char* GetScatterNdFunctionAsCString(ScatterNdFunction function);
const char* GetUnaryOperationAsCString(UnaryOperation operation);
const char* GetLogicalBinaryOperationAsCString(LogicalBinaryOperation operation);
const char* GetPoolingAlgorithmAsCString(PoolingAlgorithm pooling);
const char* GetOutputShapeRoundingAsCString(OutputShapeRounding rounding);
const char* GetPaddingMethodAsCString(PaddingMethod method);
const char* GetPaddingModeAsCString(PaddingMode mode);
const char* GetReduceOperationAsCString(ReduceOperation reduce_operation);
const char* GetResizeMethodAsCString(ResizeMethod method);
const char* GetDataLayoutName(DataLayout dataLayout);
const char* GetDataTypeName(DataType dataType);

/// Bytes of one element of the type.
constexpr unsigned int GetDataTypeSize(DataType dataType)
{
    switch (dataType)
    {
        case DataType::BFloat16:
        case DataType::Float16: return 2U;
        case DataType::Float32:
        case DataType::Signed32: return 4U;
        case DataType::Signed64: return 8U;
        case DataType::QAsymmU8:
        case DataType::QAsymmS8:
        case DataType::QSymmS8:
        case DataType::Boolean: return 1U;
        case DataType::QSymmS16: return 2U;
        default: return 0U;
    }
}

constexpr bool IsQuantized8BitType(DataType dataType)
{
    return dataType == DataType::QAsymmU8 || dataType == DataType::QAsymmS8 || dataType == DataType::QSymmS8;
}

constexpr bool IsQuantizedType(DataType dataType)
{
    return dataType == DataType::QSymmS16 || IsQuantized8BitType(dataType);
}

template <typename T>
constexpr bool IsQuantizedType()
{
    return std::is_integral<T>::value;
}

/// round(value / scale) + offset, clamped to T's range (TensorFlow Lite's rounding: half away from zero).
template <typename QuantizedType>
QuantizedType Quantize(float value, float scale, int32_t offset)
{
    static_assert(IsQuantizedType<QuantizedType>(), "Not an integer type.");
    constexpr QuantizedType max = std::numeric_limits<QuantizedType>::max();
    constexpr QuantizedType min = std::numeric_limits<QuantizedType>::lowest();
    if (!(scale > 0.0f) || std::isnan(value))
    {
        throw InvalidArgumentException("Quantize: scale must be positive and value must not be NaN");
    }
    float clampedValue = std::round(value / scale) + static_cast<float>(offset);
    clampedValue = std::min(std::max(clampedValue, static_cast<float>(min)), static_cast<float>(max));
    return static_cast<QuantizedType>(clampedValue);
}

/// (value - offset) * scale.
template <typename QuantizedType>
float Dequantize(QuantizedType value, float scale, int32_t offset)
{
    static_assert(IsQuantizedType<QuantizedType>(), "Not an integer type.");
    return (static_cast<float>(value) - static_cast<float>(offset)) * scale;
}

inline std::ostream& operator<<(std::ostream& os, Status stat)
{
    return os << GetStatusAsCString(stat);
}

inline std::ostream& operator<<(std::ostream& os, DataType type)
{
    return os << GetDataTypeName(type);
}

inline std::ostream& operator<<(std::ostream& os, DataLayout layout)
{
    return os << GetDataLayoutName(layout);
}

inline std::ostream& operator<<(std::ostream& os, Compute compute)
{
    return os << GetComputeDeviceAsCString(compute);
}

inline std::ostream& operator<<(std::ostream& os, LayerType type)
{
    return os << GetLayerTypeAsCString(type);
}

std::ostream& operator<<(std::ostream& os, const TensorShape& shape);

} // namespace armnn
