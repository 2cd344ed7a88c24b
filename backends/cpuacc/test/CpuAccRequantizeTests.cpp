//
// The vectorised requantization of CpuAcc's 8-bit weighted layers against CpuRef, byte for byte, on the cases real
// models rarely reach: per-channel multipliers from 2^-20 to 2^5 (right shifts up to 20, left shifts up to 5),
// biases of +-2^20, a channel count (24) that is not a multiple of 16 and a pixel count (35) that leaves a partial
// vector, both 8-bit types, a nonzero output zero point and a fused ReLu6.
//
#include "ChainRunner.hpp"
#include "LayerTestUtils.hpp"

#include <armnn/ArmNN.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

using namespace armnn;

namespace
{

constexpr unsigned kInputChannels = 19;
constexpr unsigned kChannels = 24;

std::vector<uint8_t> RunConvolution(const BackendId& backend, DataType type, bool relu6,
                                    const std::vector<uint8_t>& input, const std::vector<int8_t>& weights,
                                    const std::vector<int32_t>& bias, const std::vector<float>& weightScales)
{
    const int32_t inputZero = type == DataType::QAsymmS8 ? -3 : 125;
    const int32_t outputZero = type == DataType::QAsymmS8 ? 7 : 120;
    const TensorInfo inputInfo({1, 5, 7, kInputChannels}, type, 0.05f, inputZero);
    const TensorInfo outputInfo({1, 5, 7, kChannels}, type, 0.02f, outputZero);
    const TensorInfo weightsInfo({kChannels, 3, 3, kInputChannels}, DataType::QSymmS8, weightScales, 0);
    std::vector<float> biasScales;
    for (float scale : weightScales)
    {
        biasScales.push_back(scale * 0.05f);
    }
    const TensorInfo biasInfo({kChannels}, DataType::Signed32, biasScales, 0);

    Convolution2dDescriptor desc;
    desc.m_PadTop = desc.m_PadLeft = desc.m_PadBottom = desc.m_PadRight = 1;
    desc.m_BiasEnabled = true;
    desc.m_DataLayout = DataLayout::NHWC;
    const test::LoadedChain chain(backend, inputInfo, [&](INetwork& network, IOutputSlot& in) {
        IConnectableLayer* conv = network.AddConvolution2dLayer(desc, "conv");
        in.Connect(conv->GetInputSlot(0));
        test::ConnectConstant(network, *conv, 1, weightsInfo, weights.data());
        test::ConnectConstant(network, *conv, 2, biasInfo, bias.data());
        conv->GetOutputSlot(0).SetTensorInfo(outputInfo);
        return relu6 ? test::AppendRelu6(network, *conv) : conv;
    });
    return chain.RunBytes(input.data());
}

class RequantizeVsRef : public ::testing::TestWithParam<std::tuple<DataType, bool>>
{};

TEST_P(RequantizeVsRef, IdenticalToCpuRef)
{
    const auto [type, relu6] = GetParam();
    std::mt19937 generator(11);
    std::vector<uint8_t> input(5 * 7 * kInputChannels);
    for (uint8_t& v : input)
    {
        v = static_cast<uint8_t>(generator());
    }
    std::vector<int8_t> weights(kChannels * 9 * kInputChannels);
    for (int8_t& v : weights)
    {
        v = static_cast<int8_t>(static_cast<int>(generator() % 255) - 127);
    }
    std::vector<int32_t> bias(kChannels);
    std::vector<float> weightScales(kChannels);
    for (unsigned c = 0; c < kChannels; ++c)
    {
        bias[c] = static_cast<int32_t>(generator() % (1u << 21)) - (1 << 20);
        // real multiplier 0.05 * scale / 0.02 from 2^-20 to 2^5
        weightScales[c] = 0.4f * std::ldexp(1.0f, -20 + static_cast<int>(c)) * (1.0f + 0.03f * c);
    }
    const std::vector<uint8_t> acc = RunConvolution("CpuAcc", type, relu6, input, weights, bias, weightScales);
    const std::vector<uint8_t> ref = RunConvolution("CpuRef", type, relu6, input, weights, bias, weightScales);
    size_t differences = 0;
    std::set<uint8_t> distinct;
    for (size_t i = 0; i < acc.size(); ++i)
    {
        differences += acc[i] != ref[i];
        distinct.insert(ref[i]);
    }
    EXPECT_EQ(differences, 0u);
    EXPECT_GT(distinct.size(), 20u); // the multipliers must not just saturate everything
}

INSTANTIATE_TEST_SUITE_P(CpuAcc, RequantizeVsRef,
                         ::testing::Combine(::testing::Values(DataType::QAsymmS8, DataType::QAsymmU8),
                                            ::testing::Bool()));

} // namespace
