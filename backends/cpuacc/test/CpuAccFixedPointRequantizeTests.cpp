//
// RequantizeLanes<false> (the fixed-point float form, FixedPointRequantize16Lanes, with the integer form for the
// lanes it reports inexact) against the scalar MultiplyByQuantizedMultiplier plus the zero point and the clamp:
// every right shift 0..31, ties of both roundings (multipliers 2^30 and 2^30 + 1), a zero multiplier, the int32
// extremes, small and random sums, and the sums on either side of every step of the result (where the float form
// must either be right or say it may not be). Also checks that the fixed-point form never answers wrongly by
// itself, and that it leaves few lanes to the integer form.
//
#include "../CpuAccRequantization.hpp"

#include <armnn/backends/QuantizedArithmetic.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

using namespace armnn;

namespace
{

// GCC 12 warns about the undefined vectors inside its own AVX-512 intrinsics: not ours.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"

struct Channel
{
    int32_t m_Multiplier;
    int32_t m_RightShift;
};

/// One block's parameters: the integer form's and the fixed-point form's (as ChannelRequantization::Tile() fills
/// them; the test binary does not link the backend, whose layers the whole-layer tests cover).
struct Block
{
    int32_t m_Multiplier[16];
    int32_t m_LeftShift[16];
    int32_t m_RightShift[16];
    float m_FixedPoint[cpuacc::kFixedPointValues];
    int32_t m_ZeroPoint, m_Low, m_High;

    Block(const Channel* channels, int32_t zeroPoint, int32_t low, int32_t high)
        : m_ZeroPoint(zeroPoint), m_Low(low), m_High(high)
    {
        for (size_t lane = 0; lane < 16; ++lane)
        {
            m_Multiplier[lane] = channels[lane].m_Multiplier;
            m_LeftShift[lane] = 0;
            m_RightShift[lane] = channels[lane].m_RightShift;
            cpuacc::FillFixedPointLane(m_Multiplier[lane], m_RightShift[lane], zeroPoint, lane, m_FixedPoint);
        }
    }
};

/// Sixteen sums through RequantizeLanes<false>; `fixedOut`/`inexact` from the fixed-point form alone.
__attribute__((target("avx512f"))) void Requantize(const int32_t* sums, const Block& q, int32_t* out,
                                                   int32_t* fixedOut, uint32_t& inexact)
{
    const __m512i x = _mm512_loadu_si512(sums);
    const __m512i zeroPoint = _mm512_set1_epi32(q.m_ZeroPoint);
    const __m512i low = _mm512_set1_epi32(q.m_Low);
    const __m512i high = _mm512_set1_epi32(q.m_High);
    const cpuacc::Multipliers16 multipliers = cpuacc::MakeMultipliers16(
        _mm512_loadu_si512(q.m_Multiplier), _mm512_loadu_si512(q.m_LeftShift), _mm512_loadu_si512(q.m_RightShift));
    const cpuacc::FixedPointRequantization16 fixedPoint = cpuacc::LoadFixedPointRequantization(q.m_FixedPoint);
    const __m512i lowBound = cpuacc::FixedPointBound(low);
    const __m512i highBound = cpuacc::FixedPointBound(high);
    _mm512_storeu_si512(out, cpuacc::RequantizeLanes<false>(x, multipliers, fixedPoint, zeroPoint, low, high,
                                                            lowBound, highBound));
    __mmask16 mask;
    _mm512_storeu_si512(fixedOut,
                        cpuacc::FixedPointRequantize16Lanes(x, fixedPoint, lowBound, highBound, mask));
    inexact = mask;
}

TEST(CpuAccFixedPointRequantize, IdenticalToTwoRoundings)
{
    if (!__builtin_cpu_supports("avx512f"))
    {
        GTEST_SKIP() << "no AVX-512";
    }
    std::mt19937 random(11);
    std::uniform_int_distribution<int32_t> any(INT32_MIN, INT32_MAX);
    std::uniform_int_distribution<int32_t> significand(1 << 30, INT32_MAX);
    size_t checked = 0;
    size_t inexactLanes = 0;
    size_t fixedLanes = 0;
    struct Range
    {
        int32_t m_ZeroPoint, m_Low, m_High;
    };
    const Range ranges[] = {{0, -128, 127},   {-128, -128, 127}, {127, -128, 127}, {-128, -128, 25},
                            {5, -3, 90},      {0, 0, 255},       {255, 0, 255},    {128, 128, 200},
                            {-20, -128, -20}, {100, 0, 6}};
    for (const Range& range : ranges)
    {
        for (int trial = 0; trial < 8; ++trial)
        {
            Channel channels[16];
            for (int lane = 0; lane < 16; ++lane)
            {
                const int32_t m = lane % 4 == 0 ? 1 << 30 : lane % 4 == 1 ? (1 << 30) + 1 : significand(random);
                channels[lane] = {lane == 15 && trial % 2 == 0 ? 0 : m, (lane + trial * 16) % 32};
            }
            const Block q(channels, range.m_ZeroPoint, range.m_Low, range.m_High);

            // Per lane: the extremes, small sums, random ones at every magnitude, and both sides of each step of
            // the result within the range: x near (n - zp - 1/2) * 2^(31 + r) / m.
            std::vector<std::vector<int32_t>> lanes(16);
            for (int lane = 0; lane < 16; ++lane)
            {
                std::vector<int32_t>& v = lanes[static_cast<size_t>(lane)];
                v = {0, 1, -1, 2, -2, INT32_MAX, INT32_MIN, INT32_MIN + 1, INT32_MAX - 1};
                for (int32_t s = -300; s <= 300; ++s)
                {
                    v.push_back(s);
                }
                for (int i = 0; i < 600; ++i)
                {
                    v.push_back(any(random) >> (i % 32));
                }
                const Channel c = channels[lane];
                if (c.m_Multiplier != 0)
                {
                    const double unit = std::ldexp(1.0, 31 + c.m_RightShift) / c.m_Multiplier; // x per output step
                    for (int32_t n = range.m_Low - 2; n <= range.m_High + 2; ++n)
                    {
                        for (double half : {-0.5, 0.5})
                        {
                            const double centre = (n - range.m_ZeroPoint + half) * unit;
                            if (std::abs(centre) > 2.0e9)
                            {
                                continue;
                            }
                            for (int64_t d = -2; d <= 2; ++d)
                            {
                                v.push_back(static_cast<int32_t>(static_cast<int64_t>(std::floor(centre)) + d));
                            }
                        }
                    }
                }
            }
            size_t count = 0;
            for (const auto& v : lanes)
            {
                count = std::max(count, v.size());
            }
            for (size_t i = 0; i < count; ++i)
            {
                int32_t sums[16];
                for (size_t lane = 0; lane < 16; ++lane)
                {
                    sums[lane] = lanes[lane][i % lanes[lane].size()];
                }
                int32_t out[16];
                int32_t fixed[16];
                uint32_t inexact = 0;
                Requantize(sums, q, out, fixed, inexact);
                for (size_t lane = 0; lane < 16; ++lane)
                {
                    const Channel c = channels[lane];
                    const int32_t scaled = MultiplyByQuantizedMultiplier(sums[lane], {c.m_Multiplier, -c.m_RightShift});
                    const int32_t expected = std::min(std::max(scaled + range.m_ZeroPoint, range.m_Low), range.m_High);
                    ASSERT_EQ(out[lane], expected) << "sum " << sums[lane] << " multiplier " << c.m_Multiplier
                                                   << " right shift " << c.m_RightShift << " zero point "
                                                   << range.m_ZeroPoint;
                    if ((inexact >> lane & 1u) == 0)
                    {
                        ASSERT_EQ(fixed[lane], expected) << "the fixed-point form answered wrongly: sum " << sums[lane]
                                                         << " multiplier " << c.m_Multiplier << " right shift "
                                                         << c.m_RightShift;
                        ++fixedLanes;
                    }
                    else
                    {
                        ++inexactLanes;
                    }
                    ++checked;
                }
            }
        }
    }
    EXPECT_GT(checked, size_t(1000000));
    EXPECT_GT(fixedLanes, size_t(0));
    EXPECT_GT(inexactLanes, size_t(0)); // the step sums reach the integer form
}

TEST(CpuAccFixedPointRequantize, LeavesFewLanesToTheIntegerForm)
{
    if (!__builtin_cpu_supports("avx512f"))
    {
        GTEST_SKIP() << "no AVX-512";
    }
    // Multipliers as layers have them, sums whose results spread over the whole 8-bit range.
    std::mt19937 random(3);
    std::uniform_int_distribution<int32_t> significand(1 << 30, INT32_MAX);
    size_t lanes = 0;
    size_t inexactLanes = 0;
    for (int trial = 0; trial < 64; ++trial)
    {
        Channel channels[16];
        for (Channel& c : channels)
        {
            c = {significand(random), 6 + trial % 12};
        }
        const Block q(channels, -10, -128, 127);
        const double unit = std::ldexp(1.0, 31 + channels[0].m_RightShift) / channels[0].m_Multiplier;
        std::uniform_int_distribution<int32_t> sum(static_cast<int32_t>(-200 * unit), static_cast<int32_t>(200 * unit));
        for (int i = 0; i < 1000; ++i)
        {
            int32_t sums[16];
            for (int32_t& s : sums)
            {
                s = sum(random);
            }
            int32_t out[16];
            int32_t fixed[16];
            uint32_t inexact = 0;
            Requantize(sums, q, out, fixed, inexact);
            inexactLanes += static_cast<size_t>(__builtin_popcount(inexact));
            lanes += 16;
        }
    }
    // Lanes within 2^-12 of a step: about 1 in 2000 for sums that do not sit on one on purpose.
    EXPECT_LT(inexactLanes * 200, lanes) << inexactLanes << " of " << lanes;
}

} // namespace
