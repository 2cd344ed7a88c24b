//
// Element conversions shared by backends: any tensor type to and from float, with TensorFlow Lite's
// quantization rules (round half away from zero, saturate), per-tensor and per-axis.
//
#pragma once

#include <armnn/Tensor.hpp>

#include <cstdint>
#include <vector>

namespace armnn
{

/// IEEE half precision <-> single precision (round to nearest even).
float HalfToFloat(uint16_t half);
uint16_t FloatToHalf(float value);

/// bfloat16 <-> single precision (round to nearest even).
float BFloat16ToFloat(uint16_t value);
uint16_t FloatToBFloat16(float value);

/// Reads info.GetNumElements() elements of `data` as floats into `out`.
/// Quantized types are dequantized with their (per-axis) scale and offset; Boolean reads as 0 or 1.
void DecodeToFloat(const TensorInfo& info, const void* data, float* out);
std::vector<float> DecodeToFloat(const TensorInfo& info, const void* data);

/// Writes info.GetNumElements() floats into `data` in the tensor's type.
/// Quantized types: round(value / scale) + offset, saturated; integer types: rounded and saturated;
/// Boolean: value != 0.
void EncodeFromFloat(const TensorInfo& info, const float* values, void* data);

/// Reads any integer or Boolean tensor as int64 (exact for Signed32 and Signed64).
std::vector<int64_t> DecodeToInt64(const TensorInfo& info, const void* data);

/// Writes int64 values into an integer or Boolean tensor, saturating to the type's range.
void EncodeFromInt64(const TensorInfo& info, const int64_t* values, void* data);

} // namespace armnn
