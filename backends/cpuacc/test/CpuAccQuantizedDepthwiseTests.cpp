//
// CpuAcc's own 8-bit DepthwiseConvolution2d (kernels/QuantizedDepthwise.cpp) against CpuRef, byte for byte:
// kernel sizes, strides, dilations, symmetric, asymmetric and SAME padding, channel counts that are and are not
// multiples of 16, depth multipliers, both 8-bit types with zero points, per-tensor and per-channel weights, uint8
// weights whose centred values leave int8, a fused ReLu6, batches and a one-pixel-wide image. Each case runs on the
// AVX-512 path (where the CPU has it) and on the scalar path (ARMNN_CPUACC_DISABLE_AVX512).
//
#include "ChainRunner.hpp"
#include "LayerTestUtils.hpp"

#include <armnn/ArmNN.hpp>

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <stdexcept>
#include <string>

using namespace armnn;

namespace
{

enum class Weights
{
    PerTensorS8,  // QAsymmS8 with a zero point
    PerChannelS8, // QSymmS8, one scale per output channel
    U8,           // QAsymmU8 with zero point 10: centred values up to 245, outside int8
};

struct DepthwiseCase
{
    std::string m_Name;
    DataType m_Type;
    unsigned m_Batches, m_Height, m_Width, m_Channels, m_Multiplier;
    unsigned m_KernelHeight, m_KernelWidth;
    unsigned m_StrideY, m_StrideX, m_Dilation;
    unsigned m_PadTop, m_PadLeft, m_PadBottom, m_PadRight;
    Weights m_Weights;
    bool m_Bias;
    bool m_Relu6;
    float m_OutputScale = 0.02f; // multipliers input scale x weight scale / output scale of about 0.025
    int32_t m_BiasValue = 0;     // 0: random biases in [-10000, 10000]
};

std::ostream& operator<<(std::ostream& os, const DepthwiseCase& c)
{
    return os << c.m_Name;
}

unsigned OutputSize(unsigned size, unsigned kernel, unsigned stride, unsigned dilation, unsigned before,
                    unsigned after)
{
    return (size + before + after - ((kernel - 1) * dilation + 1)) / stride + 1;
}

struct Network
{
    INetworkPtr m_Network{nullptr, nullptr};
    TensorInfo m_Input;
    TensorInfo m_Output;
    std::vector<uint8_t> m_InputData;
    // Constant data must outlive Optimize (the Constant layers reference it).
    std::vector<uint8_t> m_WeightData;
    std::vector<int32_t> m_BiasData;
};

Network Build(const DepthwiseCase& c)
{
    std::mt19937 generator(7 + c.m_Channels * 31 + c.m_Height);
    const int32_t inputZero = c.m_Type == DataType::QAsymmS8 ? -5 : 131;
    const int32_t outputZero = c.m_Type == DataType::QAsymmS8 ? 3 : 118;
    const float inputScale = 0.05f;
    const unsigned channels = c.m_Channels * c.m_Multiplier;
    const unsigned outHeight = OutputSize(c.m_Height, c.m_KernelHeight, c.m_StrideY, c.m_Dilation, c.m_PadTop,
                                          c.m_PadBottom);
    const unsigned outWidth = OutputSize(c.m_Width, c.m_KernelWidth, c.m_StrideX, c.m_Dilation, c.m_PadLeft,
                                         c.m_PadRight);
    Network n;
    n.m_Input = TensorInfo({c.m_Batches, c.m_Height, c.m_Width, c.m_Channels}, c.m_Type, inputScale, inputZero);
    n.m_Output = TensorInfo({c.m_Batches, outHeight, outWidth, channels}, c.m_Type, c.m_OutputScale, outputZero);
    n.m_InputData.resize(n.m_Input.GetNumElements());
    for (uint8_t& v : n.m_InputData)
    {
        v = static_cast<uint8_t>(generator());
    }

    const TensorShape weightShape({1, c.m_KernelHeight, c.m_KernelWidth, channels});
    std::vector<float> weightScales(channels);
    std::uniform_real_distribution<float> scales(0.005f, 0.03f);
    for (float& scale : weightScales)
    {
        scale = scales(generator);
    }
    TensorInfo weightInfo;
    switch (c.m_Weights)
    {
        case Weights::PerTensorS8:
            weightInfo = TensorInfo(weightShape, DataType::QAsymmS8, 0.01f, 4);
            break;
        case Weights::PerChannelS8:
            weightInfo = TensorInfo(weightShape, DataType::QSymmS8, weightScales, 3);
            break;
        case Weights::U8:
            weightInfo = TensorInfo(weightShape, DataType::QAsymmU8, 0.01f, 10);
            break;
    }
    weightInfo.SetConstant(true);
    n.m_WeightData.resize(weightInfo.GetNumElements());
    for (uint8_t& v : n.m_WeightData)
    {
        v = static_cast<uint8_t>(generator());
        if (c.m_Weights == Weights::PerChannelS8 && v == 0x80)
        {
            v = 0x81; // symmetric weights stay within [-127, 127]
        }
    }
    std::vector<float> biasScales;
    for (unsigned ch = 0; ch < channels; ++ch)
    {
        biasScales.push_back(inputScale * (c.m_Weights == Weights::PerChannelS8 ? weightScales[ch] : 0.01f));
        const int32_t random = static_cast<int32_t>(generator() % 20001) - 10000;
        n.m_BiasData.push_back(c.m_BiasValue != 0 ? c.m_BiasValue : random);
    }
    TensorInfo biasInfo = c.m_Weights == Weights::PerChannelS8
                              ? TensorInfo({channels}, DataType::Signed32, biasScales, 0)
                              : TensorInfo({channels}, DataType::Signed32, biasScales[0], 0);
    biasInfo.SetConstant(true);

    n.m_Network = INetwork::Create();
    INetwork& net = *n.m_Network;
    IConnectableLayer* in = net.AddInputLayer(0, "input");
    in->GetOutputSlot(0).SetTensorInfo(n.m_Input);
    DepthwiseConvolution2dDescriptor desc;
    desc.m_StrideY = c.m_StrideY;
    desc.m_StrideX = c.m_StrideX;
    desc.m_DilationY = desc.m_DilationX = c.m_Dilation;
    desc.m_PadTop = c.m_PadTop;
    desc.m_PadLeft = c.m_PadLeft;
    desc.m_PadBottom = c.m_PadBottom;
    desc.m_PadRight = c.m_PadRight;
    desc.m_BiasEnabled = c.m_Bias;
    desc.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* dw = net.AddDepthwiseConvolution2dLayer(desc, "depthwise");
    in->GetOutputSlot(0).Connect(dw->GetInputSlot(0));
    IConnectableLayer* w = net.AddConstantLayer(ConstTensor(weightInfo, n.m_WeightData.data()), "weights");
    w->GetOutputSlot(0).SetTensorInfo(weightInfo);
    w->GetOutputSlot(0).Connect(dw->GetInputSlot(1));
    if (c.m_Bias)
    {
        IConnectableLayer* b = net.AddConstantLayer(ConstTensor(biasInfo, n.m_BiasData.data()), "bias");
        b->GetOutputSlot(0).SetTensorInfo(biasInfo);
        b->GetOutputSlot(0).Connect(dw->GetInputSlot(2));
    }
    dw->GetOutputSlot(0).SetTensorInfo(n.m_Output);
    IConnectableLayer* last = dw;
    if (c.m_Relu6)
    {
        ActivationDescriptor clamp;
        clamp.m_Function = ActivationFunction::BoundedReLu;
        clamp.m_A = 6.0f;
        last = net.AddActivationLayer(clamp, "relu6");
        dw->GetOutputSlot(0).Connect(last->GetInputSlot(0));
        last->GetOutputSlot(0).SetTensorInfo(n.m_Output);
    }
    IConnectableLayer* out = net.AddOutputLayer(0, "output");
    last->GetOutputSlot(0).Connect(out->GetInputSlot(0));
    return n;
}

/// Runs the case on `backend` alone (Optimize fails if it does not take every layer).
std::vector<uint8_t> RunOn(const BackendId& backend, const DepthwiseCase& c, const std::vector<uint8_t>& inputData)
{
    Network n = Build(c);
    IRuntime& runtime = test::SharedRuntime();
    IOptimizedNetworkPtr optimized = Optimize(*n.m_Network, {backend}, runtime.GetDeviceSpec());
    NetworkId id = 0;
    std::string error;
    if (runtime.LoadNetwork(id, std::move(optimized), error) != Status::Success)
    {
        throw std::runtime_error("LoadNetwork on " + std::string(backend.Get()) + ": " + error);
    }
    TensorInfo boundInput = n.m_Input;
    boundInput.SetConstant(true);
    std::vector<uint8_t> result(n.m_Output.GetNumElements());
    const Status status = runtime.EnqueueWorkload(id, {{0, ConstTensor(boundInput, inputData.data())}},
                                                  {{0, Tensor(n.m_Output, result.data())}});
    runtime.UnloadNetwork(id);
    EXPECT_EQ(status, Status::Success);
    return result;
}

void ExpectIdentical(const DepthwiseCase& c)
{
    const std::vector<uint8_t> input = Build(c).m_InputData;
    const std::vector<uint8_t> acc = RunOn("CpuAcc", c, input);
    const std::vector<uint8_t> ref = RunOn("CpuRef", c, input);
    ASSERT_EQ(acc.size(), ref.size());
    size_t differences = 0;
    size_t first = acc.size();
    std::set<uint8_t> distinct;
    for (size_t i = 0; i < acc.size(); ++i)
    {
        if (acc[i] != ref[i])
        {
            first = std::min(first, i);
            ++differences;
        }
        distinct.insert(ref[i]);
    }
    EXPECT_EQ(differences, 0u) << "first at element " << first << ": CpuAcc " << int(acc[first]) << ", CpuRef "
                               << int(ref[first]);
    EXPECT_GT(distinct.size(), 8u); // the outputs must not just saturate
}

class QuantizedDepthwiseVsRef : public ::testing::TestWithParam<DepthwiseCase>
{};

TEST_P(QuantizedDepthwiseVsRef, IdenticalToCpuRef)
{
    ExpectIdentical(GetParam());
}

TEST_P(QuantizedDepthwiseVsRef, ScalarPathIdenticalToCpuRef)
{
    const test::Avx512Disabled disabled;
    ExpectIdentical(GetParam());
}

// A bias this close to INT32_MAX lets the sums leave int32, where CpuRef's int64 sum saturates: CpuAcc refuses.
TEST(CpuAccQuantizedDepthwise, RefusesSumsBeyondInt32)
{
    DepthwiseCase c{"Saturating", DataType::QAsymmS8, 1, 5, 5, 16, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1,
                    Weights::PerTensorS8, true, false};
    c.m_BiasValue = INT32_MAX - 1000;
    const std::vector<uint8_t> input = Build(c).m_InputData;
    try
    {
        RunOn("CpuAcc", c, input);
        ADD_FAILURE() << "CpuAcc took the layer";
    }
    catch (const std::exception& e)
    {
        EXPECT_NE(std::string(e.what()).find("sums plus bias could leave int32"), std::string::npos) << e.what();
    }
    EXPECT_EQ(RunOn("CpuRef", c, input).size(), 5u * 5u * 16u);
}

constexpr DataType S8 = DataType::QAsymmS8;
constexpr DataType U8 = DataType::QAsymmU8;

// name, type, batches, height, width, channels, multiplier, kernel h/w, stride y/x, dilation, pads t/l/b/r,
// weights, bias, relu6
INSTANTIATE_TEST_SUITE_P(
    CpuAcc, QuantizedDepthwiseVsRef,
    ::testing::Values(
        DepthwiseCase{"K3Stride1C8PerChannelRelu6", S8, 1, 12, 11, 8, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1,
                      Weights::PerChannelS8, true, true},
        DepthwiseCase{"K3Stride2SameC24", S8, 1, 13, 14, 24, 1, 3, 3, 2, 2, 1, 0, 0, 1, 1, Weights::PerTensorS8,
                      true, false},
        DepthwiseCase{"K5C40U8", U8, 1, 10, 9, 40, 1, 5, 5, 1, 1, 1, 2, 2, 2, 2, Weights::PerTensorS8, true, false},
        DepthwiseCase{"K3Dilation2C144PerChannel", S8, 1, 9, 10, 144, 1, 3, 3, 1, 1, 2, 2, 2, 2, 2,
                      Weights::PerChannelS8, true, false},
        DepthwiseCase{"K3AsymmetricPaddingC17", S8, 1, 8, 9, 17, 1, 3, 3, 1, 2, 1, 2, 0, 1, 3, Weights::PerTensorS8,
                      true, false},
        DepthwiseCase{"K3Batch2C24U8Relu6", U8, 2, 7, 6, 24, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, Weights::PerChannelS8,
                      true, true},
        DepthwiseCase{"Multiplier2C12", S8, 1, 6, 7, 12, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, Weights::PerChannelS8, true,
                      false},
        DepthwiseCase{"Multiplier3C40U8", U8, 1, 5, 6, 40, 3, 3, 3, 2, 1, 1, 1, 1, 1, 1, Weights::PerTensorS8, true,
                      true},
        DepthwiseCase{"OnePixelWide", S8, 1, 7, 1, 16, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, Weights::PerChannelS8, true,
                      false},
        DepthwiseCase{"K1x3NoBiasValidC33", S8, 1, 5, 9, 33, 1, 1, 3, 1, 1, 1, 0, 0, 0, 0, Weights::PerTensorS8,
                      false, false},
        DepthwiseCase{"UInt8WeightsOutsideInt8", U8, 1, 6, 6, 20, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, Weights::U8, true,
                      false, 0.2f},
        DepthwiseCase{"MultipliersAboveOneC56", S8, 1, 6, 6, 56, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, Weights::PerTensorS8,
                      true, false, 0.0002f},
        DepthwiseCase{"K3C4FourPixelsPerVectorU8", U8, 1, 9, 13, 4, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1,
                      Weights::PerChannelS8, true, false},
        DepthwiseCase{"K5C2Dilation2", S8, 1, 12, 21, 2, 1, 5, 5, 1, 1, 2, 4, 4, 4, 4, Weights::PerTensorS8, true,
                      false},
        DepthwiseCase{"PaddingLargerThanImage", S8, 1, 2, 3, 16, 1, 3, 3, 1, 1, 1, 3, 3, 3, 3, Weights::PerTensorS8,
                      true, false},
        // Small maps with many channels (fewer output rows than four per thread, enough work for two threads).
        DepthwiseCase{"SmallMapC336", S8, 1, 3, 3, 336, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, Weights::PerChannelS8, true,
                      true},
        DepthwiseCase{"SmallMapStride2C200U8", U8, 1, 8, 8, 200, 1, 3, 3, 2, 2, 1, 0, 0, 1, 1, Weights::PerTensorS8,
                      true, false},
        // At least 32 output columns and stride 1: the row-buffer path (odd widths leave one pixel after the pairs).
        DepthwiseCase{"WideK3C32Relu6", S8, 1, 9, 35, 32, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, Weights::PerChannelS8, true,
                      true},
        DepthwiseCase{"WideK5Dilation2StrideY2C40U8", U8, 1, 11, 40, 40, 1, 5, 5, 2, 1, 2, 4, 4, 4, 4,
                      Weights::PerTensorS8, true, false},
        DepthwiseCase{"WideBatch2Multiplier2C20", S8, 2, 6, 33, 20, 2, 3, 3, 1, 1, 1, 0, 2, 1, 0,
                      Weights::PerChannelS8, true, false},
        DepthwiseCase{"WideK3x4Dilation3C17", S8, 1, 10, 40, 17, 1, 3, 4, 1, 1, 3, 3, 3, 3, 3, Weights::PerTensorS8,
                      false, false},
        DepthwiseCase{"WideUInt8WeightsOutsideInt8", U8, 1, 4, 34, 16, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, Weights::U8,
                      true, false, 0.2f}),
    [](const ::testing::TestParamInfo<DepthwiseCase>& info) { return info.param.m_Name; });

} // namespace
