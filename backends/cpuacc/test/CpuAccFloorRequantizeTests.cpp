//
// FloorRequantize16Lanes (the 8-bit GEMM's one-rounding form of TFLite's two roundings plus the zero point)
// against the scalar MultiplyByQuantizedMultiplier plus the zero point, on every right shift it accepts, ties of
// both roundings (multipliers 2^30 and 2^30 + 1 on small sums), a zero multiplier, the int32 extremes and random
// values.
//
#include "../CpuAccQuantizedAvx512.hpp"

#include <armnn/backends/QuantizedArithmetic.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

using namespace armnn;

namespace
{

__attribute__((target("avx512f"))) void FloorRequantize(const int32_t* x, const int64_t* parameters, int32_t* out)
{
    const __m512i sums = _mm512_loadu_si512(x);
    _mm512_storeu_si512(out, cpuacc::FloorRequantize16Lanes(sums, cpuacc::LoadFloorRequantization(parameters)));
}

TEST(CpuAccFloorRequantize, IdenticalToTwoRoundings)
{
    if (!__builtin_cpu_supports("avx512f"))
    {
        GTEST_SKIP() << "no AVX-512";
    }
    std::mt19937 random(7);
    std::vector<int32_t> sums = {0, 1, -1, 2, -2, 3, -3, INT32_MAX, INT32_MIN, INT32_MIN + 1, INT32_MAX - 1};
    for (int32_t v = -4096; v <= 4096; ++v)
    {
        sums.push_back(v); // small sums: ties of both roundings with the multipliers below
    }
    std::uniform_int_distribution<int32_t> any(INT32_MIN, INT32_MAX);
    for (int i = 0; i < 20000; ++i)
    {
        sums.push_back(any(random));
        sums.push_back(any(random) >> (i % 31));
    }
    while (sums.size() % 16 != 0)
    {
        sums.push_back(0);
    }
    std::uniform_int_distribution<int32_t> significand(1 << 30, INT32_MAX);
    size_t checked = 0;
    for (int32_t zeroPoint : {0, -128, 127, 255, -255, 5})
    {
        for (int trial = 0; trial < 8; ++trial)
        {
            // Sixteen channels: every right shift 0..20 over the trials, multipliers at ties and random.
            int32_t multiplier[16];
            int32_t rightShift[16];
            for (int lane = 0; lane < 16; ++lane)
            {
                multiplier[lane] = lane % 4 == 0 ? 1 << 30 : lane % 4 == 1 ? (1 << 30) + 1 : significand(random);
                if (lane == 15 && trial % 2 == 0)
                {
                    multiplier[lane] = 0; // a zero multiplier (zero scale) with a right shift: zp everywhere
                }
                rightShift[lane] = (lane + trial * 16) % 21;
                ASSERT_TRUE(cpuacc::FloorRequantizationFits(0, rightShift[lane], zeroPoint));
            }
            int64_t parameters[cpuacc::kFloorRequantizationValues];
            cpuacc::FillFloorRequantization(multiplier, rightShift, 16, zeroPoint, parameters);
            for (size_t i = 0; i < sums.size(); i += 16)
            {
                int32_t out[16];
                FloorRequantize(sums.data() + i, parameters, out);
                for (int lane = 0; lane < 16; ++lane)
                {
                    const int32_t scaled =
                        MultiplyByQuantizedMultiplier(sums[i + lane], {multiplier[lane], -rightShift[lane]});
                    // The two-step path adds the zero point in wrapping int32 arithmetic.
                    const auto expected = static_cast<int32_t>(static_cast<uint32_t>(scaled) +
                                                               static_cast<uint32_t>(zeroPoint));
                    ASSERT_EQ(out[lane], expected) << "sum " << sums[i + lane] << " multiplier " << multiplier[lane]
                                                   << " right shift " << rightShift[lane] << " zero point "
                                                   << zeroPoint;
                    ++checked;
                }
            }
        }
    }
    EXPECT_GT(checked, size_t(1000000));
}

TEST(CpuAccFloorRequantize, RefusesWhatItCannotComputeExactly)
{
    EXPECT_FALSE(cpuacc::FloorRequantizationFits(1, 0, 0));
    EXPECT_FALSE(cpuacc::FloorRequantizationFits(0, 21, 0));
    EXPECT_FALSE(cpuacc::FloorRequantizationFits(0, 3, 256));
    EXPECT_TRUE(cpuacc::FloorRequantizationFits(0, 20, -255));
}

} // namespace
