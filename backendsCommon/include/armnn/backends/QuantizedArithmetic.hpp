//
// TensorFlow Lite's integer arithmetic for quantized kernels (docs/quantization.md): fixed-point multipliers,
// the rounding of their products and shifts, activation ranges, and raw access to quantized tensors.
// Shared by CpuRef and by the emulated accelerators, whose kernels must agree bit for bit with LiteRT.
//
#pragma once

#include <armnn/Descriptors.hpp>
#include <armnn/Optional.hpp>
#include <armnn/Tensor.hpp>

#include <cstdint>
#include <vector>

namespace armnn
{

/// A real multiplier as a Q0.31 significand and a power of two: real ~= m_Multiplier * 2^(m_Shift - 31).
/// m_Multiplier is in [2^30, 2^31) for any non-zero multiplier; m_Shift > 0 is a left shift.
struct QuantizedMultiplier
{
    int32_t m_Multiplier = 0;
    int m_Shift = 0;
};

/// TensorFlow Lite's QuantizeMultiplier: frexp(real) = q * 2^shift with q in [0.5, 1); the significand is
/// round(q * 2^31) (half away from zero), renormalised when that rounds up to 2^31. Multipliers too small to
/// represent (shift < -31) become zero; too large ones (shift > 30) saturate to the largest representable.
/// `real` must not be negative.
QuantizedMultiplier QuantizeMultiplier(double real);

/// 2 * a * b / 2^32 (the high 32 bits of the doubled product) rounded to nearest, ties towards +infinity
/// (0.5 -> 1, -0.5 -> 0); the one overflowing case (INT32_MIN * INT32_MIN) saturates to INT32_MAX.
int32_t SaturatingRoundingDoublingHighMul(int32_t a, int32_t b);

/// x / 2^exponent rounded to nearest, ties away from zero (exponent in [0, 31]).
int32_t RoundingDivideByPOT(int32_t x, int exponent);

/// x * multiplier: a left shift (wrapping like TFLite's int32 arithmetic), SaturatingRoundingDoublingHighMul,
/// then RoundingDivideByPOT for a right shift. Two roundings, as TFLite's reference kernels do.
int32_t MultiplyByQuantizedMultiplier(int32_t x, QuantizedMultiplier multiplier);

/// x * multiplier with one rounding: (x * significand + 2^(30 - shift)) >> (31 - shift) in int64, saturated to
/// int32. LiteRT's per-channel FullyConnected uses this form (measured: it matches LiteRT on every element of the
/// generated int8 models where the two-rounding form is a step off on about 1 in 2000).
int32_t MultiplyByQuantizedMultiplierSingleRounding(int32_t x, QuantizedMultiplier multiplier);

/// TFLite's int64 MultiplyByQuantizedMultiplier: the significand rounded to 16 bits ((m + 2^15) >> 16, at most
/// 2^15 - 1), then (x * that + 2^(14 - shift)) >> (15 - shift), saturated to int32. Needs shift <= 14 and
/// |x| < 2^47. LiteRT's int8 ReduceProd rescales with it.
int32_t MultiplyByQuantizedMultiplier16(int64_t x, QuantizedMultiplier multiplier);

/// TFLite's Mean: folds 1/count into `multiplier` (shifting it left by floor(log2(count)), at most 32 and at most
/// 31 + its shift, then dividing by count with truncation), so the mean of count values is
/// MultiplyByQuantizedMultiplier(sum, result).
QuantizedMultiplier DivideMultiplierByCount(QuantizedMultiplier multiplier, int64_t count);

/// int64 to int32, saturating.
int32_t SaturateToInt32(int64_t value);

/// The quantized range of a tensor's type: [-128, 127] for QAsymmS8 and QSymmS8, [0, 255] for QAsymmU8,
/// [-32768, 32767] for QSymmS16.
struct QuantizedRange
{
    int32_t m_Min = 0;
    int32_t m_Max = 0;
    int32_t Clamp(int32_t value) const { return value < m_Min ? m_Min : (value > m_Max ? m_Max : value); }
};
QuantizedRange GetQuantizedRange(DataType type);

/// TFLite's CalculateActivationRangeQuantized: the type's range narrowed by a fused ReLu (to [zero point, max])
/// or BoundedReLu (to [q(m_B), q(m_A)], q(f) = zero point + round(f / scale) in float, half away from zero).
/// Returns false for other activation functions, which are not a clamp.
bool GetActivationRange(const TensorInfo& output, const Optional<ActivationDescriptor>& activation,
                        QuantizedRange& range);

/// True for the 8-bit asymmetric types whose kernels follow TFLite's integer arithmetic.
bool IsQuantized8BitAsymmetric(DataType type);

/// The stored integers of a quantized tensor (QAsymmS8, QAsymmU8, QSymmS8, QSymmS16) minus `zeroPoint`.
std::vector<int32_t> ReadQuantized(const TensorInfo& info, const void* data, int32_t zeroPoint = 0);

/// Stores integers already in the tensor type's range.
void WriteQuantized(const TensorInfo& info, const int32_t* values, void* data);

/// Signed32 tensor data as a vector (quantized biases).
std::vector<int32_t> ReadInt32(const TensorInfo& info, const void* data);

/// One activation function on one float value: CpuRef's arithmetic, which other backends repeat where they must
/// match it bit for bit (CpuAcc's 8-bit lookup tables).
float Activate(float x, const ActivationDescriptor& desc);

/// An 8-bit activation in integer arithmetic, as TensorFlow Lite computes it, where CpuRef does so (HardSwish when
/// the output scale is above 1/128 of the input's, LeakyReLu with a non-negative slope; same 8-bit type on input
/// and output). Applies() says whether it does; operator() maps an input value less its zero point to the stored
/// output value.
class QuantizedActivation
{
public:
    static bool Applies(const TensorInfo& input, const TensorInfo& output, const ActivationDescriptor& desc);
    QuantizedActivation(const TensorInfo& input, const TensorInfo& output, const ActivationDescriptor& desc);
    int32_t operator()(int32_t x) const;

private:
    ActivationFunction m_Function;
    int32_t m_OutputZeroPoint;
    QuantizedRange m_Range;
    // HardSwish: 16-bit fixed-point multipliers (value, shift).
    int16_t m_OutputMultiplier = 0;
    int m_OutputShift = 0;
    int16_t m_ReluishMultiplier = 0;
    int m_ReluishShift = 0;
    // LeakyReLu: the rescaling of non-negative and negative inputs.
    QuantizedMultiplier m_Identity;
    QuantizedMultiplier m_Negative;
};

} // namespace armnn
