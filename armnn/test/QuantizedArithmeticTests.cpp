// TensorFlow Lite's fixed-point helpers (backendsCommon QuantizedArithmetic), on values computed by hand.
#include <armnn/backends/QuantizedArithmetic.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace armnn;

namespace
{
constexpr int32_t kOne30 = 1 << 30; // 0.5 as a Q0.31 significand
constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
constexpr int32_t kMax = std::numeric_limits<int32_t>::max();

void ExpectMultiplier(double real, int32_t multiplier, int shift)
{
    const QuantizedMultiplier q = QuantizeMultiplier(real);
    EXPECT_EQ(q.m_Multiplier, multiplier) << "real " << real;
    EXPECT_EQ(q.m_Shift, shift) << "real " << real;
}
} // namespace

TEST(QuantizedArithmetic, QuantizeMultiplier)
{
    ExpectMultiplier(0.5, kOne30, 0);           // 0.5 = 0.5 * 2^0
    ExpectMultiplier(1.0, kOne30, 1);           // 1 = 0.5 * 2^1
    ExpectMultiplier(0.25, kOne30, -1);         // 0.25 = 0.5 * 2^-1
    ExpectMultiplier(0.75, 1610612736, 0);      // 0.75 * 2^31
    ExpectMultiplier(3.0, 1610612736, 2);       // 3 = 0.75 * 2^2
    ExpectMultiplier(0.0, 0, 0);
    // 1 - 2^-40: the significand rounds up to 2^31 and is renormalised to 2^30 with the exponent one higher.
    ExpectMultiplier(1.0 - std::ldexp(1.0, -40), kOne30, 1);
    // Too small for a shift of -31: zero. Too large for a shift of 30: the largest representable.
    ExpectMultiplier(std::ldexp(1.0, -40), 0, 0);
    ExpectMultiplier(std::ldexp(1.0, 40), kMax, 30);
}

TEST(QuantizedArithmetic, SaturatingRoundingDoublingHighMul)
{
    EXPECT_EQ(SaturatingRoundingDoublingHighMul(kMin, kMin), kMax); // the one overflow saturates
    EXPECT_EQ(SaturatingRoundingDoublingHighMul(kOne30, kOne30), 1 << 29); // 2 * 2^60 / 2^32
    EXPECT_EQ(SaturatingRoundingDoublingHighMul(kMax, kMax), kMax - 1);     // (2^31 - 1)^2 / 2^31 = 2^31 - 2 + 2^-31
    EXPECT_EQ(SaturatingRoundingDoublingHighMul(kMin, kMax), kMin + 1);     // -2^31 * (2^31 - 1) / 2^31
    // Ties go towards +infinity: 0.5 -> 1, 1.5 -> 2, -0.5 -> 0, -1.5 -> -1.
    EXPECT_EQ(SaturatingRoundingDoublingHighMul(1, kOne30), 1);
    EXPECT_EQ(SaturatingRoundingDoublingHighMul(3, kOne30), 2);
    EXPECT_EQ(SaturatingRoundingDoublingHighMul(-1, kOne30), 0);
    EXPECT_EQ(SaturatingRoundingDoublingHighMul(-3, kOne30), -1);
    // 100 * 0.75 = 75 exactly.
    EXPECT_EQ(SaturatingRoundingDoublingHighMul(100, 1610612736), 75);
}

TEST(QuantizedArithmetic, RoundingDivideByPOT)
{
    EXPECT_EQ(RoundingDivideByPOT(5, 1), 3);   // 2.5
    EXPECT_EQ(RoundingDivideByPOT(-5, 1), -3); // -2.5: ties away from zero
    EXPECT_EQ(RoundingDivideByPOT(6, 2), 2);   // 1.5
    EXPECT_EQ(RoundingDivideByPOT(-6, 2), -2); // -1.5
    EXPECT_EQ(RoundingDivideByPOT(-7, 2), -2); // -1.75
    EXPECT_EQ(RoundingDivideByPOT(-5, 2), -1); // -1.25
    EXPECT_EQ(RoundingDivideByPOT(7, 0), 7);
    EXPECT_EQ(RoundingDivideByPOT(kMax, 31), 1); // 0.99999...
    EXPECT_EQ(RoundingDivideByPOT(kMin, 31), -1);
}

TEST(QuantizedArithmetic, MultiplyByQuantizedMultiplier)
{
    EXPECT_EQ(MultiplyByQuantizedMultiplier(100, {kOne30, 0}), 50);      // * 0.5
    EXPECT_EQ(MultiplyByQuantizedMultiplier(3, {kOne30, -1}), 1);        // 0.75 -> 1
    EXPECT_EQ(MultiplyByQuantizedMultiplier(3, {kOne30, 2}), 6);         // * 2, a left shift
    EXPECT_EQ(MultiplyByQuantizedMultiplier(-3, {kOne30, -1}), -1);      // -0.75 -> -1
    // Two roundings, not one: 1 * 0.25 is 0.5 after the high multiply (rounded up to 1), then 1 / 2 = 0.5 is
    // rounded away from zero again: 1, where a single rounding of 0.25 would give 0.
    EXPECT_EQ(MultiplyByQuantizedMultiplier(1, {kOne30, -1}), 1);
    // 1000 * 0.1: QuantizeMultiplier(0.1) = (1717986918, -3); 1000 * 1717986918 * 2 / 2^32 = 799.99999... -> 800,
    // 800 / 8 = 100.
    const QuantizedMultiplier tenth = QuantizeMultiplier(0.1);
    EXPECT_EQ(tenth.m_Multiplier, 1717986918);
    EXPECT_EQ(tenth.m_Shift, -3);
    EXPECT_EQ(MultiplyByQuantizedMultiplier(1000, tenth), 100);
    EXPECT_EQ(MultiplyByQuantizedMultiplier(-1000, tenth), -100);
}

TEST(QuantizedArithmetic, MultiplyByQuantizedMultiplierSingleRounding)
{
    // (x * m + 2^(30 - shift)) >> (31 - shift): ties go towards +infinity, once.
    EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(1, {kOne30, -1}), 0);   // 0.25 -> 0 (two roundings: 1)
    EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(3, {kOne30, 0}), 2);    // 1.5 -> 2
    EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(-3, {kOne30, 0}), -1);  // -1.5 -> -1
    EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(3, {kOne30, 2}), 6);    // * 2
    // The case seen in the int8 transformer block: -2039 * 1617616583 / 2^41 = -1.49995. One rounding gives -1;
    // two give -2 (the high multiply yields -1536, then -1536 / 1024 = -1.5 rounds away from zero).
    EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(-2039, {1617616583, -10}), -1);
    EXPECT_EQ(MultiplyByQuantizedMultiplier(-2039, {1617616583, -10}), -2);
    EXPECT_EQ(MultiplyByQuantizedMultiplierSingleRounding(5, {0, 0}), 0);
}

TEST(QuantizedArithmetic, MultiplyByQuantizedMultiplier16)
{
    // 0.5 = (2^30, 0): 16-bit significand (2^30 + 2^15) >> 16 = 2^14; (x * 2^14 + 2^14) >> 15.
    EXPECT_EQ(MultiplyByQuantizedMultiplier16(3, {kOne30, 0}), 2);    // 1.5 -> 2
    EXPECT_EQ(MultiplyByQuantizedMultiplier16(-3, {kOne30, 0}), -1);  // -1.5 -> -1
    // 0.1 = (1717986918, -3): (1717986918 + 2^15) >> 16 = 26214; (1000 * 26214 + 2^17) >> 18 = 100.5 -> 100.
    EXPECT_EQ(MultiplyByQuantizedMultiplier16(1000, {1717986918, -3}), 100);
    EXPECT_EQ(MultiplyByQuantizedMultiplier16(-1000, {1717986918, -3}), -100);
    // Beyond int32 before the shift: 2^40 * 0.5 saturates to INT32_MAX.
    EXPECT_EQ(MultiplyByQuantizedMultiplier16(int64_t{1} << 40, {kOne30, 0}), std::numeric_limits<int32_t>::max());
}

TEST(QuantizedArithmetic, DivideMultiplierByCount)
{
    // 0.5 / 4: shifted left by floor(log2 4) = 2 and divided by 4.
    const QuantizedMultiplier quarter = DivideMultiplierByCount({kOne30, 0}, 4);
    EXPECT_EQ(quarter.m_Multiplier, kOne30);
    EXPECT_EQ(quarter.m_Shift, -2);
    // 0.5 / 3: 2^31 / 3 = 715827882 (truncated), shift -1.
    const QuantizedMultiplier third = DivideMultiplierByCount({kOne30, 0}, 3);
    EXPECT_EQ(third.m_Multiplier, 715827882);
    EXPECT_EQ(third.m_Shift, -1);
    // Mean of 7 values with unit scales: 1.0 = (2^30, 1) becomes (2^32 / 7 = 613566756, -1).
    const QuantizedMultiplier seventh = DivideMultiplierByCount(QuantizeMultiplier(1.0), 7);
    EXPECT_EQ(seventh.m_Multiplier, 613566756);
    EXPECT_EQ(seventh.m_Shift, -1);
    // Sum 8: 8 / 7 = 1.14; the high multiply gives 2.29 -> 2, halved: 1.
    EXPECT_EQ(MultiplyByQuantizedMultiplier(8, seventh), 1);
    // Sum 10: 10 / 7 = 1.43, yet the high multiply gives 2.86 -> 3 and 3 / 2 = 1.5 -> 2 (double rounding).
    EXPECT_EQ(MultiplyByQuantizedMultiplier(10, seventh), 2);
    // Sum -10: -2.86 -> -3, -1.5 -> -2.
    EXPECT_EQ(MultiplyByQuantizedMultiplier(-10, seventh), -2);
}

TEST(QuantizedArithmetic, ActivationRange)
{
    const TensorInfo info({1}, DataType::QAsymmS8, 0.1f, -10);
    QuantizedRange range;
    ASSERT_TRUE(GetActivationRange(info, EmptyOptional(), range));
    EXPECT_EQ(range.m_Min, -128);
    EXPECT_EQ(range.m_Max, 127);
    ASSERT_TRUE(GetActivationRange(info, ActivationDescriptor(ActivationFunction::ReLu), range));
    EXPECT_EQ(range.m_Min, -10);
    EXPECT_EQ(range.m_Max, 127);
    ASSERT_TRUE(GetActivationRange(info, ActivationDescriptor(ActivationFunction::BoundedReLu, 6.0f, 0.0f), range));
    EXPECT_EQ(range.m_Min, -10);
    EXPECT_EQ(range.m_Max, 50); // -10 + 6 / 0.1
    ASSERT_TRUE(GetActivationRange(info, ActivationDescriptor(ActivationFunction::BoundedReLu, 1.0f, -1.0f), range));
    EXPECT_EQ(range.m_Min, -20);
    EXPECT_EQ(range.m_Max, 0);
    EXPECT_FALSE(GetActivationRange(info, ActivationDescriptor(ActivationFunction::Sigmoid), range));
    const TensorInfo u8({1}, DataType::QAsymmU8, 0.05f, 3);
    ASSERT_TRUE(GetActivationRange(u8, ActivationDescriptor(ActivationFunction::BoundedReLu, 20.0f, 0.0f), range));
    EXPECT_EQ(range.m_Min, 3);
    EXPECT_EQ(range.m_Max, 255); // 3 + 400, saturated
}

TEST(QuantizedArithmetic, ReadWrite)
{
    const TensorInfo info({3}, DataType::QAsymmU8, 1.0f, 10);
    const uint8_t data[] = {0, 10, 255};
    const std::vector<int32_t> values = ReadQuantized(info, data, 10);
    EXPECT_EQ(values, (std::vector<int32_t>{-10, 0, 245}));
    uint8_t out[3] = {};
    const int32_t stored[] = {1, 2, 255};
    WriteQuantized(info, stored, out);
    EXPECT_EQ(out[2], 255);
    EXPECT_EQ(out[0], 1);
}
