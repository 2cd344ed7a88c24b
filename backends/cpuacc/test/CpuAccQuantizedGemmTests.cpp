//
// CpuAcc's int8 GEMM for 8-bit Convolution2d and FullyConnected (kernels/QuantizedGemm.cpp) against CpuRef, byte
// for byte, on the shapes its paths differ on: 1x1 convolutions read in place (K a multiple of 4) or copied, im2col
// with strides, dilation and asymmetric padding, the 3-channel stems, channel counts that are not multiples of 16
// (1, 5 and 8: two pixels per vector; 24, 33, 1001), both input types with per-tensor int8, per-channel int8 and
// uint8 weights with a zero point, a fused ReLu6, batches, and a large K with sums near the int32 bound the kernel
// accepts.
//
#include "ChainRunner.hpp"
#include "LayerTestUtils.hpp"

#include <armnn/ArmNN.hpp>

#include <gtest/gtest.h>

#include <cmath>
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
    Uint8,       // QAsymmU8 with zero point 120 (values minus it fit int8)
};

struct GemmCase
{
    std::string m_Name;
    bool m_FullyConnected;
    DataType m_Type;
    Weights m_Weights;
    unsigned m_Batches;
    unsigned m_H, m_W, m_C; // FullyConnected: m_C inputs
    unsigned m_Channels;
    unsigned m_KH = 1, m_KW = 1;
    unsigned m_Stride = 1, m_Dilation = 1;
    unsigned m_PadTop = 0, m_PadLeft = 0, m_PadBottom = 0, m_PadRight = 0;
    bool m_Relu6 = false;
    int32_t m_InputZero = -3;
    bool m_TransposedFc = true;
};

unsigned OutSize(unsigned in, unsigned k, unsigned stride, unsigned dilation, unsigned padBefore, unsigned padAfter)
{
    return (in + padBefore + padAfter - (dilation * (k - 1) + 1)) / stride + 1;
}

struct Data
{
    std::vector<uint8_t> m_Input;
    std::vector<uint8_t> m_Weights;
    std::vector<int32_t> m_Bias;
    std::vector<float> m_WeightScales;
};

Data MakeData(const GemmCase& c, size_t inputCount, size_t weightCount, uint32_t seed)
{
    std::mt19937 generator(seed);
    Data d;
    d.m_Input.resize(inputCount);
    for (uint8_t& v : d.m_Input)
    {
        v = static_cast<uint8_t>(generator());
    }
    d.m_Weights.resize(weightCount);
    for (uint8_t& v : d.m_Weights)
    {
        // int8 weights in [-127, 127]; uint8 weights in [0, 247] (minus zero point 120: [-120, 127]).
        v = c.m_Weights == Weights::Uint8 ? static_cast<uint8_t>(generator() % 248)
                                          : static_cast<uint8_t>(static_cast<int8_t>(int(generator() % 255) - 127));
    }
    for (unsigned o = 0; o < c.m_Channels; ++o)
    {
        d.m_Bias.push_back(static_cast<int32_t>(generator() % 20001) - 10000);
        d.m_WeightScales.push_back(c.m_Weights == Weights::PerChannel ? 0.002f + 0.0001f * float(o % 50) : 0.004f);
    }
    return d;
}

/// Input -> the layer (constant weights and bias) -> [ReLu6] -> Output on one backend; the output bytes.
std::vector<uint8_t> Run(const BackendId& backend, const GemmCase& c, const Data& d, const TensorInfo& inputInfo,
                         const TensorShape& weightShape, const TensorInfo& outputInfo)
{
    const float inputScale = 0.05f;
    TensorInfo weightsInfo = c.m_Weights == Weights::PerChannel
                                 ? TensorInfo(weightShape, DataType::QSymmS8, d.m_WeightScales, 0)
                                 : TensorInfo(weightShape,
                                              c.m_Weights == Weights::Uint8 ? DataType::QAsymmU8 : DataType::QAsymmS8,
                                              d.m_WeightScales[0], c.m_Weights == Weights::Uint8 ? 120 : 0);
    std::vector<float> biasScales;
    for (float s : d.m_WeightScales)
    {
        biasScales.push_back(s * inputScale);
    }
    TensorInfo biasInfo = c.m_Weights == Weights::PerChannel
                              ? TensorInfo({c.m_Channels}, DataType::Signed32, biasScales, 0)
                              : TensorInfo({c.m_Channels}, DataType::Signed32, biasScales[0], 0);

    // Only this backend: Optimize fails if it does not take every layer (CpuAcc must run the layer itself).
    const test::LoadedChain chain(backend, inputInfo, [&](INetwork& network, IOutputSlot& in) {
        IConnectableLayer* layer = nullptr;
        if (c.m_FullyConnected)
        {
            FullyConnectedDescriptor desc;
            desc.m_BiasEnabled = true;
            desc.m_TransposeWeightMatrix = c.m_TransposedFc;
            desc.m_ConstantWeights = true;
            layer = network.AddFullyConnectedLayer(desc, "fc");
        }
        else
        {
            Convolution2dDescriptor desc;
            desc.m_PadTop = c.m_PadTop;
            desc.m_PadLeft = c.m_PadLeft;
            desc.m_PadBottom = c.m_PadBottom;
            desc.m_PadRight = c.m_PadRight;
            desc.m_StrideX = desc.m_StrideY = c.m_Stride;
            desc.m_DilationX = desc.m_DilationY = c.m_Dilation;
            desc.m_BiasEnabled = true;
            desc.m_DataLayout = DataLayout::NHWC;
            layer = network.AddConvolution2dLayer(desc, "conv");
        }
        in.Connect(layer->GetInputSlot(0));
        test::ConnectConstant(network, *layer, 1, weightsInfo, d.m_Weights.data());
        test::ConnectConstant(network, *layer, 2, biasInfo, d.m_Bias.data());
        layer->GetOutputSlot(0).SetTensorInfo(outputInfo);
        return c.m_Relu6 ? test::AppendRelu6(network, *layer) : layer;
    });
    return chain.RunBytes(d.m_Input.data());
}

void ExpectIdentical(const GemmCase& c, uint32_t seed)
{
    SCOPED_TRACE(c.m_Name);
    const int32_t outputZero = c.m_Type == DataType::QAsymmS8 ? 5 : 130;
    TensorInfo inputInfo;
    TensorInfo outputInfo;
    TensorShape weightShape;
    if (c.m_FullyConnected)
    {
        inputInfo = TensorInfo({c.m_Batches, c.m_C}, c.m_Type, 0.05f, c.m_InputZero);
        outputInfo = TensorInfo({c.m_Batches, c.m_Channels}, c.m_Type, 0.5f, outputZero);
        weightShape = c.m_TransposedFc ? TensorShape({c.m_Channels, c.m_C}) : TensorShape({c.m_C, c.m_Channels});
    }
    else
    {
        const unsigned oh = OutSize(c.m_H, c.m_KH, c.m_Stride, c.m_Dilation, c.m_PadTop, c.m_PadBottom);
        const unsigned ow = OutSize(c.m_W, c.m_KW, c.m_Stride, c.m_Dilation, c.m_PadLeft, c.m_PadRight);
        inputInfo = TensorInfo({c.m_Batches, c.m_H, c.m_W, c.m_C}, c.m_Type, 0.05f, c.m_InputZero);
        // Output scale grows with K so that outputs spread over the range instead of saturating.
        const float outputScale = 0.02f * std::sqrt(float(c.m_KH * c.m_KW * c.m_C));
        outputInfo = TensorInfo({c.m_Batches, oh, ow, c.m_Channels}, c.m_Type, outputScale, outputZero);
        weightShape = TensorShape({c.m_Channels, c.m_KH, c.m_KW, c.m_C});
    }
    const Data d = MakeData(c, inputInfo.GetNumElements(), weightShape.GetNumElements(), seed);
    const std::vector<uint8_t> acc = Run("CpuAcc", c, d, inputInfo, weightShape, outputInfo);
    const std::vector<uint8_t> ref = Run("CpuRef", c, d, inputInfo, weightShape, outputInfo);
    ASSERT_EQ(acc.size(), ref.size());
    size_t differences = 0;
    size_t first = acc.size();
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
    EXPECT_GT(distinct.size(), std::min<size_t>(10, acc.size() / 4)); // not everything saturated
}

const DataType S8 = DataType::QAsymmS8;
const DataType U8 = DataType::QAsymmU8;

std::vector<GemmCase> ConvolutionCases()
{
    // name, FC, type, weights, batches, H, W, C, channels, KH, KW, stride, dilation, pads t l b r, relu6, zero point
    const std::vector<GemmCase> cases = {
        {"1x1 in place, K 8, 24 channels", false, S8, Weights::PerChannel, 1, 9, 7, 8, 24},
        {"1x1 in place, uint8", false, U8, Weights::PerTensorS8, 2, 5, 6, 16, 8, 1, 1, 1, 1, 0, 0, 0, 0, false, 140},
        {"1x1 K 6 copied, 8 channels", false, S8, Weights::PerTensorS8, 1, 6, 6, 6, 8},
        {"1x1 stride 2 (ResNet's downsampling)", false, S8, Weights::PerChannel, 1, 8, 8, 32, 64, 1, 1, 2},
        {"3-channel stem, stride 2, SAME, ReLu6", false, S8, Weights::PerChannel, 1, 32, 32, 3, 16, 3, 3, 2, 1, 0, 0,
         1, 1, true, -128},
        {"3-channel stem, uint8 weights, 8 channels", false, U8, Weights::Uint8, 1, 17, 17, 3, 8, 3, 3, 2, 1, 1, 1, 1,
         1, false, 128},
        {"7x7 stem stride 2 pad 3 (ResNet)", false, S8, Weights::PerChannel, 1, 20, 20, 3, 64, 7, 7, 2, 1, 3, 3, 3, 3},
        {"3x3 pad 1, 40 channels, batch 2", false, S8, Weights::PerTensorS8, 2, 7, 9, 16, 40, 3, 3, 1, 1, 1, 1, 1, 1},
        {"dilation 2", false, S8, Weights::PerChannel, 1, 11, 10, 5, 24, 3, 3, 1, 2, 2, 2, 2, 2},
        {"asymmetric padding, stride 2, 33 channels", false, S8, Weights::PerChannel, 1, 13, 12, 7, 33, 3, 2, 2, 1, 1,
         2, 0, 1},
        {"uint8 input and weights, batch 2, ReLu6", false, U8, Weights::Uint8, 2, 6, 7, 12, 20, 3, 3, 1, 1, 1, 1, 1, 1,
         true, 100},
        {"K 2304 (3x3x256), full-range values", false, S8, Weights::PerChannel, 1, 6, 6, 256, 64, 3, 3, 1, 1, 1, 1, 1,
         1, false, -128},
        {"K 4608 (3x3x512), uint8", false, U8, Weights::PerTensorS8, 1, 4, 4, 512, 32, 3, 3, 1, 1, 1, 1, 1, 1, false,
         0},
        {"1001 channels", false, S8, Weights::PerChannel, 1, 3, 3, 64, 1001},
        // At most 8 channels: two pixels per vector.
        {"8-channel stem, batch 2 (MobileNet v1)", false, S8, Weights::PerChannel, 2, 19, 19, 3, 8, 3, 3, 2, 1, 0, 0,
         1, 1, true, -1},
        {"5 channels, 35 pixels", false, S8, Weights::PerTensorS8, 1, 7, 5, 12, 5},
        {"1 channel, uint8", false, U8, Weights::Uint8, 1, 5, 5, 7, 1, 3, 3, 1, 1, 1, 1, 1, 1, false, 90},
    };
    return cases;
}

std::vector<GemmCase> FullyConnectedCases()
{
    std::vector<GemmCase> cases = {
        {"batch 1, K 1024, 1001 outputs", true, S8, Weights::PerTensorS8, 1, 1, 1, 1024, 1001},
        {"batch 3, K 30, uint8", true, U8, Weights::Uint8, 3, 1, 1, 30, 10, 1, 1, 1, 1, 0, 0, 0, 0, false, 128},
        {"batch 1, per channel (one rounding)", true, S8, Weights::PerChannel, 1, 1, 1, 64, 1000},
        {"batch 3, per channel, ReLu6", true, S8, Weights::PerChannel, 3, 1, 1, 100, 17, 1, 1, 1, 1, 0, 0, 0, 0, true},
        {"batch 3, 6 outputs", true, S8, Weights::PerTensorS8, 3, 1, 1, 40, 6},
        {"batch 1, 6 outputs per channel (one rounding)", true, S8, Weights::PerChannel, 1, 1, 1, 40, 6},
    };
    GemmCase weightsKByN = cases[0];
    weightsKByN.m_Name = "weights [K, N]";
    weightsKByN.m_TransposedFc = false;
    weightsKByN.m_Batches = 2;
    cases.push_back(weightsKByN);
    return cases;
}

void ExpectAllIdentical(const std::vector<GemmCase>& cases, uint32_t seed)
{
    for (const GemmCase& c : cases)
    {
        ExpectIdentical(c, seed++);
    }
}

TEST(CpuAccQuantizedGemm, Convolutions)
{
    if (!__builtin_cpu_supports("avx512vnni"))
    {
        GTEST_SKIP() << "the int8 GEMM needs AVX512-VNNI";
    }
    ExpectAllIdentical(ConvolutionCases(), 100);
}

TEST(CpuAccQuantizedGemm, FullyConnected)
{
    if (!__builtin_cpu_supports("avx512vnni"))
    {
        GTEST_SKIP() << "the int8 GEMM needs AVX512-VNNI";
    }
    ExpectAllIdentical(FullyConnectedCases(), 200);
}

// The same cases on the oneDNN path (CPUs without AVX512-VNNI), which ARMNN_CPUACC_DISABLE_AVX512 selects here.
TEST(CpuAccQuantizedGemm, OneDnnPathWithoutTheGemm)
{
    const Avx512Disabled disabled; // the GEMM leaves its layers to the oneDNN path
    // That path needs oneDNN's VNNI kernels (DNNL_MAX_CPU_ISA=AVX2 or an older CPU: refused, nothing to test).
    std::string unsupported;
    FullyConnectedDescriptor desc;
    desc.m_BiasEnabled = false;
    desc.m_TransposeWeightMatrix = true;
    desc.m_ConstantWeights = true;
    const auto fc = [desc](INetwork& net) { return net.AddFullyConnectedLayer(desc, "fc"); };
    const TestTensor input = TestTensor::Of<int8_t>(TensorInfo({1, 4}, DataType::QAsymmS8, 0.1f, 0), {1, 2, 3, 4});
    const TestTensor weights =
        TestTensor::Of<int8_t>(TensorInfo({1, 4}, DataType::QAsymmS8, 0.1f, 0), {1, 2, 3, 4}, true);
    if (!TryRunLayer("CpuAcc", fc, {input, weights}, {TensorInfo({1, 1}, DataType::QAsymmS8, 0.5f, 0)}, unsupported))
    {
        GTEST_SKIP() << unsupported;
    }
    ExpectAllIdentical(ConvolutionCases(), 100);
    ExpectAllIdentical(FullyConnectedCases(), 200);
}

// What the GEMM cannot compute exactly goes to CpuRef, with a reason: uint8 weights whose value minus the zero point
// leaves int8, and sums that could leave int32.
TEST(CpuAccQuantizedGemm, RefusesWhatItCannotComputeExactly)
{
    if (!__builtin_cpu_supports("avx512vnni"))
    {
        GTEST_SKIP() << "the int8 GEMM needs AVX512-VNNI";
    }
    FullyConnectedDescriptor desc;
    desc.m_BiasEnabled = true;
    desc.m_TransposeWeightMatrix = true;
    desc.m_ConstantWeights = true;
    const auto fc = [desc](INetwork& net) { return net.AddFullyConnectedLayer(desc, "fc"); };
    const TestTensor input = TestTensor::Of<int8_t>(TensorInfo({1, 4}, DataType::QAsymmS8, 0.1f, 0), {1, 2, 3, 4});
    const TensorInfo output({1, 2}, DataType::QAsymmS8, 0.5f, 0);
    const TestTensor bias = TestTensor::Of<int32_t>(TensorInfo({2}, DataType::Signed32, 0.01f, 0), {0, 0}, true);
    std::string unsupported;

    // uint8 weights, zero point 0: 200 - 0 does not fit int8.
    const TestTensor wide =
        TestTensor::Of<uint8_t>(TensorInfo({2, 4}, DataType::QAsymmU8, 0.1f, 0), {200, 1, 2, 3, 4, 5, 6, 7}, true);
    EXPECT_FALSE(TryRunLayer("CpuAcc", fc, {input, wide, bias}, {output}, unsupported).has_value());
    EXPECT_NE(unsupported.find("do not fit in int8"), std::string::npos) << unsupported;

    // A bias near INT32_MAX: 128 x 127 x 4 more could leave int32.
    const TestTensor weights =
        TestTensor::Of<int8_t>(TensorInfo({2, 4}, DataType::QAsymmS8, 0.1f, 0), {127, 127, 127, 127, 1, 2, 3, 4}, true);
    const TestTensor bigBias =
        TestTensor::Of<int32_t>(TensorInfo({2}, DataType::Signed32, 0.01f, 0), {INT32_MAX - 1000, 0}, true);
    EXPECT_FALSE(TryRunLayer("CpuAcc", fc, {input, weights, bigBias}, {output}, unsupported).has_value());
    EXPECT_NE(unsupported.find("could leave int32"), std::string::npos) << unsupported;

    // The same layer with a small bias runs.
    EXPECT_TRUE(TryRunLayer("CpuAcc", fc, {input, weights, bias}, {output}, unsupported).has_value()) << unsupported;
}

} // namespace
