//
// An 8-bit Add fused into the GEMM's epilogue of the Convolution2d that makes one of its inputs (the MobileNet v2
// inverted-residual blocks' projection + Add): one PreCompiled layer replaces both, and its output is CpuRef's byte
// for byte. Cases: int8 and uint8, per-tensor, per-channel and uint8 weights, 8 (two pixels per vector), 16, 24
// (a last block of 8: two rows per Add), 48 (three blocks) and 56 channels (MobileNet v2's last residual), odd pixel counts, a 3x3 convolution (im2col), the convolution on
// either input of the Add, activations on the convolution and on the Add, scales and zero points that differ
// between the convolution's output, the addend and the Add's output. Not fused: a second reader of the
// convolution's output, ARMNN_CPUACC_DISABLE_AVX512. And the Add's 16-lane input rescale against the scalar one.
//
#include "ChainRunner.hpp"

#include "../CpuAccQuantizedAdd.hpp"

#include <armnn/ArmNN.hpp>

#include <armnn/backends/QuantizedArithmetic.hpp>

#include <gtest/gtest.h>

#include <algorithm>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <string>

using namespace armnn;
using namespace armnn::test;

namespace
{

enum class Weights
{
    PerTensorS8, // QAsymmS8, zero point 0
    PerChannel,  // QSymmS8, a scale per output channel
    Uint8,       // QAsymmU8 with zero point 120
};

struct ResidualCase
{
    std::string m_Name;
    DataType m_Type;
    Weights m_Weights;
    unsigned m_H, m_W, m_C;
    unsigned m_Kernel = 1; // 3: a 3x3 SAME convolution (im2col)
    bool m_ConvolutionFirst = true; // the convolution on the Add's input 0
    bool m_ConvolutionRelu6 = false;
    std::optional<ActivationFunction> m_AddActivation = {}; // ReLu or BoundedReLu(6)
};

std::ostream& operator<<(std::ostream& os, const ResidualCase& c)
{
    return os << c.m_Name;
}

/// The case's tensors: input x (also the addend), the convolution's output, the Add's output, each with its own
/// quantization.
struct Network
{
    TensorInfo m_Input;
    TensorInfo m_Convolution;
    TensorInfo m_Output;
    std::vector<uint8_t> m_InputData;
    std::vector<uint8_t> m_Weights;
    std::vector<int32_t> m_Bias;
    TensorInfo m_WeightsInfo;
    TensorInfo m_BiasInfo;
};

Network MakeNetwork(const ResidualCase& c, uint32_t seed)
{
    const bool s8 = c.m_Type == DataType::QAsymmS8;
    Network n;
    const TensorShape shape({1, c.m_H, c.m_W, c.m_C});
    const float inputScale = 0.05f;
    n.m_Input = TensorInfo(shape, c.m_Type, inputScale, s8 ? -7 : 121);
    const float convolutionScale = 0.03f * std::sqrt(float(c.m_Kernel * c.m_Kernel * c.m_C));
    n.m_Convolution = TensorInfo(shape, c.m_Type, convolutionScale, s8 ? 9 : 133);
    n.m_Output = TensorInfo(shape, c.m_Type, 0.07f, s8 ? -3 : 118);

    std::mt19937 generator(seed);
    n.m_InputData.resize(shape.GetNumElements());
    for (uint8_t& v : n.m_InputData)
    {
        v = static_cast<uint8_t>(generator());
    }
    const TensorShape weightShape({c.m_C, c.m_Kernel, c.m_Kernel, c.m_C});
    n.m_Weights.resize(weightShape.GetNumElements());
    for (uint8_t& v : n.m_Weights)
    {
        v = c.m_Weights == Weights::Uint8 ? static_cast<uint8_t>(generator() % 248)
                                          : static_cast<uint8_t>(static_cast<int8_t>(int(generator() % 255) - 127));
    }
    std::vector<float> weightScales;
    std::vector<float> biasScales;
    for (unsigned o = 0; o < c.m_C; ++o)
    {
        n.m_Bias.push_back(static_cast<int32_t>(generator() % 20001) - 10000);
        weightScales.push_back(c.m_Weights == Weights::PerChannel ? 0.002f + 0.0003f * float(o % 13) : 0.004f);
        biasScales.push_back(weightScales.back() * inputScale);
    }
    if (c.m_Weights == Weights::PerChannel)
    {
        n.m_WeightsInfo = TensorInfo(weightShape, DataType::QSymmS8, weightScales, 0);
        n.m_BiasInfo = TensorInfo({c.m_C}, DataType::Signed32, biasScales, 0);
    }
    else
    {
        const bool u8 = c.m_Weights == Weights::Uint8;
        n.m_WeightsInfo =
            TensorInfo(weightShape, u8 ? DataType::QAsymmU8 : DataType::QAsymmS8, weightScales[0], u8 ? 120 : 0);
        n.m_BiasInfo = TensorInfo({c.m_C}, DataType::Signed32, biasScales[0], 0);
    }
    return n;
}

/// x -> conv (+ReLu6) -> Add with x (+activation). `secondReader`: the convolution's output also goes to a second
/// Add, of the first Add's output.
BuildChainFn Build(const ResidualCase& c, const Network& n, bool secondReader = false)
{
    return [&c, &n, secondReader](INetwork& net, IOutputSlot& input) {
        Convolution2dDescriptor desc;
        desc.m_BiasEnabled = true;
        desc.m_DataLayout = DataLayout::NHWC;
        desc.m_PadTop = desc.m_PadBottom = desc.m_PadLeft = desc.m_PadRight = c.m_Kernel / 2;
        IConnectableLayer* conv = net.AddConvolution2dLayer(desc, "conv");
        input.Connect(conv->GetInputSlot(0));
        ConnectConstant(net, *conv, 1, n.m_WeightsInfo, n.m_Weights.data());
        ConnectConstant(net, *conv, 2, n.m_BiasInfo, n.m_Bias.data());
        conv->GetOutputSlot(0).SetTensorInfo(n.m_Convolution);
        IConnectableLayer* convolution = c.m_ConvolutionRelu6 ? AppendRelu6(net, *conv) : conv;

        IConnectableLayer* add = net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::Add), "add");
        convolution->GetOutputSlot(0).Connect(add->GetInputSlot(c.m_ConvolutionFirst ? 0 : 1));
        input.Connect(add->GetInputSlot(c.m_ConvolutionFirst ? 1 : 0));
        add->GetOutputSlot(0).SetTensorInfo(n.m_Output);
        IConnectableLayer* last = add;
        if (c.m_AddActivation)
        {
            ActivationDescriptor activation;
            activation.m_Function = *c.m_AddActivation;
            activation.m_A = 6.0f;
            last = net.AddActivationLayer(activation, "activation");
            add->GetOutputSlot(0).Connect(last->GetInputSlot(0));
            last->GetOutputSlot(0).SetTensorInfo(n.m_Output);
        }
        if (secondReader)
        {
            IConnectableLayer* again =
                net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::Add), "add2");
            last->GetOutputSlot(0).Connect(again->GetInputSlot(0));
            convolution->GetOutputSlot(0).Connect(again->GetInputSlot(1));
            again->GetOutputSlot(0).SetTensorInfo(n.m_Output);
            last = again;
        }
        return last;
    };
}

/// CpuAcc alone (Optimize fails unless it takes every layer) against CpuRef, byte for byte.
void ExpectIdentical(const ResidualCase& c, const Network& n, bool secondReader = false)
{
    const BuildChainFn build = Build(c, n, secondReader);
    const std::vector<uint8_t> acc = LoadedChain("CpuAcc", n.m_Input, build).RunBytes(n.m_InputData.data());
    const std::vector<uint8_t> ref = LoadedChain("CpuRef", n.m_Input, build).RunBytes(n.m_InputData.data());
    ASSERT_EQ(acc.size(), ref.size());
    size_t differences = 0;
    size_t first = 0;
    std::set<uint8_t> distinct;
    for (size_t i = 0; i < acc.size(); ++i)
    {
        if (acc[i] != ref[i] && differences++ == 0)
        {
            first = i;
        }
        distinct.insert(ref[i]);
    }
    EXPECT_EQ(differences, 0u) << "first at element " << first << ": CpuAcc " << int(acc[first]) << ", CpuRef "
                               << int(ref[first]);
    EXPECT_GT(distinct.size(), 20u); // not everything saturated
}

bool GemmAvailable()
{
    return __builtin_cpu_supports("avx512vnni") && std::getenv("ARMNN_CPUACC_DISABLE_AVX512") == nullptr;
}

const DataType S8 = DataType::QAsymmS8;
const DataType U8 = DataType::QAsymmU8;

class QuantizedResidualAdd : public ::testing::TestWithParam<ResidualCase>
{};

TEST_P(QuantizedResidualAdd, FusedAndIdenticalToRef)
{
    if (!GemmAvailable())
    {
        GTEST_SKIP() << "the int8 GEMM needs AVX512-VNNI (and ARMNN_CPUACC_DISABLE_AVX512 unset)";
    }
    const ResidualCase& c = GetParam();
    const Network n = MakeNetwork(c, 7 + c.m_C + c.m_H);
    const std::string dot = OptimizedDot(n.m_Input, Build(c, n));
    EXPECT_EQ(CountOf(dot, "PreCompiled|Name: add|BackendID: CpuAcc"), 1u) << dot;
    EXPECT_EQ(CountOf(dot, "Convolution2d|"), 0u) << dot;
    EXPECT_EQ(CountOf(dot, "ElementwiseBinary|"), 0u) << dot;
    EXPECT_EQ(CountOf(dot, "Activation|"), 0u) << dot;
    ExpectIdentical(c, n);
}

INSTANTIATE_TEST_SUITE_P(
    CpuAcc, QuantizedResidualAdd,
    ::testing::Values(
        // name, type, weights, H, W, C, kernel, convolution first, convolution ReLu6, Add activation
        ResidualCase{"Int8PerChannel8Channels", S8, Weights::PerChannel, 7, 5, 8},
        ResidualCase{"Int8PerChannel8ChannelsAddSecond", S8, Weights::PerChannel, 3, 3, 8, 1, false},
        ResidualCase{"Int8PerTensor16Channels", S8, Weights::PerTensorS8, 5, 7, 16},
        ResidualCase{"Int8PerChannel24ChannelsRelu6", S8, Weights::PerChannel, 13, 11, 24, 1, true, false,
                     ActivationFunction::BoundedReLu},
        ResidualCase{"Int8PerChannel48ChannelsRelu", S8, Weights::PerChannel, 9, 9, 48, 1, false, false,
                     ActivationFunction::ReLu},
        ResidualCase{"Int8ConvolutionRelu6", S8, Weights::PerChannel, 7, 7, 24, 1, true, true},
        ResidualCase{"Int8Convolution3x3", S8, Weights::PerChannel, 5, 9, 16, 3},
        ResidualCase{"Int8PerChannel56Channels3x3Pixels", S8, Weights::PerChannel, 3, 3, 56},
        ResidualCase{"Uint8PerTensor8Channels", U8, Weights::PerTensorS8, 5, 5, 8, 1, true, false,
                     ActivationFunction::ReLu},
        ResidualCase{"Uint8Weights16Channels", U8, Weights::Uint8, 11, 3, 16},
        ResidualCase{"Uint8PerTensor24ChannelsAddSecond", U8, Weights::PerTensorS8, 9, 7, 24, 1, false},
        ResidualCase{"Uint8Weights48ChannelsRelu6", U8, Weights::Uint8, 5, 3, 48, 1, true, true,
                     ActivationFunction::BoundedReLu}),
    [](const ::testing::TestParamInfo<ResidualCase>& info) { return info.param.m_Name; });

// A convolution whose output is also read elsewhere must still write it: nothing is fused.
TEST(QuantizedResidualAddNotFused, WhenTheConvolutionHasASecondReader)
{
    if (!GemmAvailable())
    {
        GTEST_SKIP() << "the int8 GEMM needs AVX512-VNNI (and ARMNN_CPUACC_DISABLE_AVX512 unset)";
    }
    const ResidualCase c{"SecondReader", S8, Weights::PerChannel, 7, 5, 16};
    const Network n = MakeNetwork(c, 3);
    const std::string dot = OptimizedDot(n.m_Input, Build(c, n, true));
    EXPECT_EQ(CountOf(dot, "PreCompiled"), 0u) << dot;
    EXPECT_EQ(CountOf(dot, "ElementwiseBinary|"), 2u) << dot;
    ExpectIdentical(c, n, true);
}

// Without the GEMM (its fused epilogue) the convolution and the Add stay two layers.
TEST(QuantizedResidualAddNotFused, WithoutTheGemm)
{
    const Avx512Disabled disabled; // the GEMM leaves its layers to the oneDNN path
    const ResidualCase c{"Disabled", U8, Weights::PerTensorS8, 5, 5, 16};
    const Network n = MakeNetwork(c, 5);
    const std::string dot = OptimizedDot(n.m_Input, Build(c, n));
    EXPECT_EQ(CountOf(dot, "PreCompiled"), 0u) << dot;
    EXPECT_EQ(CountOf(dot, "ElementwiseBinary|"), 1u) << dot;
    EXPECT_EQ(CountOf(dot, "Convolution2d|"), 1u) << dot;
}

__attribute__((target("avx512f"))) void ExpectInputRescaleMatchesScalar(const QuantizedMultiplier& m)
{
    const armnn::cpuacc::InputRescale16 rescale(m);
    for (int32_t first = -256; first <= 255; first += 16)
    {
        alignas(64) int32_t x[16];
        alignas(64) int32_t y[16];
        for (int32_t lane = 0; lane < 16; ++lane)
        {
            x[lane] = std::max(-255, first + lane);
        }
        _mm512_store_si512(y, rescale.Apply(_mm512_load_si512(x)));
        for (int32_t lane = 0; lane < 16; ++lane)
        {
            ASSERT_EQ(y[lane], MultiplyByQuantizedMultiplier(x[lane] * (1 << armnn::cpuacc::kAddLeftShift), m))
                << "x " << x[lane] << ", multiplier " << m.m_Multiplier << ", shift " << m.m_Shift;
        }
    }
}

// Every |x| <= 255 against QuantizedArithmetic's MultiplyByQuantizedMultiplier, multipliers from 0.5 (right shift 0)
// down to right shift 30, with significands over their range.
TEST(QuantizedResidualAddArithmetic, InputRescaleMatchesTheScalarRescale)
{
    if (!__builtin_cpu_supports("avx512f"))
    {
        GTEST_SKIP() << "needs AVX-512";
    }
    size_t checked = 0;
    for (int shift = 0; shift <= 30; ++shift)
    {
        for (int step = 0; step < 64; ++step)
        {
            const double real = std::ldexp(0.5 + step / 128.0 + (step % 7) * 1e-5, -shift);
            const QuantizedMultiplier m = QuantizeMultiplier(real);
            ASSERT_LE(m.m_Shift, 0);
            ASSERT_GT(m.m_Shift, -31);
            ExpectInputRescaleMatchesScalar(m);
            ++checked;
        }
    }
    EXPECT_EQ(checked, 31u * 64u);
}

} // namespace
