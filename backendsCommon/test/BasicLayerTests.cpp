//
// Shared per-layer tests: activations, softmax, fully connected, element-wise binary, reshape.
// Expected values are computed by hand (see the comments next to them).
//
#include "LayerTestUtils.hpp"

using namespace armnn;
using namespace armnn::test;

namespace
{
AddLayerFn Activation(ActivationFunction f, float a = 0, float b = 0)
{
    return [=](INetwork& net) { return net.AddActivationLayer(ActivationDescriptor(f, a, b), "activation"); };
}
} // namespace

TEST_P(LayerTest, ActivationReLuFloat32)
{
    TestTensor input = TestTensor::Float({1, 4}, {-2.0f, -0.5f, 0.0f, 3.0f});
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::ReLu), {input}, {input.m_Info});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.0f, 0.0f, 0.0f, 3.0f}));
}

TEST_P(LayerTest, ActivationBoundedReLuIsRelu6)
{
    TestTensor input = TestTensor::Float({5}, {-1.0f, 0.5f, 5.0f, 6.0f, 7.5f});
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::BoundedReLu, 6.0f, 0.0f), {input}, {input.m_Info});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.0f, 0.5f, 5.0f, 6.0f, 6.0f}));
}

TEST_P(LayerTest, ActivationSigmoidQAsymmU8)
{
    // Inputs 0, 2, -2 at scale 0.1, offset 128; sigmoid output uses TFLite's fixed 1/256 scale, offset 0.
    // sigmoid(0) = 0.5 -> 128; sigmoid(2) = 0.8808 -> round(225.48) = 225; sigmoid(-2) = 0.1192 -> round(30.52) = 31.
    TestTensor input = TestTensor::Quantized({3}, DataType::QAsymmU8, 0.1f, 128, {0.0f, 2.0f, -2.0f});
    TensorInfo outInfo({3}, DataType::QAsymmU8, 1.0f / 256.0f, 0);
    ARMNN_RUN_LAYER(out, Activation(ActivationFunction::Sigmoid), {input}, {outInfo});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{128, 225, 31}));
}

TEST_P(LayerTest, SoftmaxFloat32LastAxis)
{
    // softmax([1, 2, 3]) = exp([-2, -1, 0]) / (e^-2 + e^-1 + 1) = [0.09003057, 0.24472847, 0.66524096]
    TestTensor input = TestTensor::Float({2, 3}, {1.0f, 2.0f, 3.0f, 0.0f, 0.0f, 0.0f});
    ARMNN_RUN_LAYER(out, [](INetwork& net) { return net.AddSoftmaxLayer(SoftmaxDescriptor(), "softmax"); }, {input},
                    {input.m_Info});
    EXPECT_TRUE(AllClose(out[0].AsFloat(),
                         {0.09003057f, 0.24472847f, 0.66524096f, 1.0f / 3, 1.0f / 3, 1.0f / 3}));
}

TEST_P(LayerTest, FullyConnectedFloat32WithBias)
{
    // x = [1, 2]; W (TFLite layout [out, in]) = [[1, 0], [0.5, -1], [2, 3]]; b = [0.5, 0, -1]
    // y = [1 + 0.5, 0.5 - 2, 2 + 6 - 1] = [1.5, -1.5, 7]
    TestTensor x = TestTensor::Float({1, 2}, {1.0f, 2.0f});
    TestTensor w = TestTensor::Float({3, 2}, {1.0f, 0.0f, 0.5f, -1.0f, 2.0f, 3.0f}, true);
    TestTensor b = TestTensor::Float({3}, {0.5f, 0.0f, -1.0f}, true);
    FullyConnectedDescriptor desc;
    desc.m_BiasEnabled = true;
    desc.m_TransposeWeightMatrix = true;
    ARMNN_RUN_LAYER(out, [&](INetwork& net) { return net.AddFullyConnectedLayer(desc, "fc"); }, {x, w, b},
                    {TensorInfo({1, 3}, DataType::Float32)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1.5f, -1.5f, 7.0f}));
}

TEST_P(LayerTest, FullyConnectedQAsymmS8PerChannelWeights)
{
    // x = [2, -1] (scale 0.5, offset 0 -> q = [4, -2]); W per-channel scales [0.5, 0.25] on the output dimension:
    // W real = [[1, 1], [0.5, -0.5]]; bias real [0.25, 0] (Signed32, scale input*weight = [0.25, 0.125]).
    // y real = [2 - 1 + 0.25, 1 + 0.5 + 0] = [1.25, 1.5]; output scale 0.25, offset -10 -> q = [-5, -4].
    TestTensor x = TestTensor::Quantized({1, 2}, DataType::QAsymmS8, 0.5f, 0, {2.0f, -1.0f});
    TensorInfo wInfo({2, 2}, DataType::QSymmS8, std::vector<float>{0.5f, 0.25f}, 0, true);
    TestTensor w = TestTensor::Of<int8_t>(wInfo, {2, 2, 2, -2}, true);
    TensorInfo bInfo({2}, DataType::Signed32, std::vector<float>{0.25f, 0.125f}, 0, true);
    TestTensor b = TestTensor::Of<int32_t>(bInfo, {1, 0}, true);
    FullyConnectedDescriptor desc;
    desc.m_BiasEnabled = true;
    desc.m_TransposeWeightMatrix = true;
    ARMNN_RUN_LAYER(out, [&](INetwork& net) { return net.AddFullyConnectedLayer(desc, "fc"); }, {x, w, b},
                    {TensorInfo({1, 2}, DataType::QAsymmS8, 0.25f, -10)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{-5, -4}));
}

TEST_P(LayerTest, ElementwiseAddBroadcastFloat32)
{
    // [2, 3] + [3] broadcasts the row over both rows.
    TestTensor a = TestTensor::Float({2, 3}, {1, 2, 3, 4, 5, 6});
    TestTensor b = TestTensor::Float({3}, {10, 20, 30});
    ARMNN_RUN_LAYER(out, [](INetwork& net) {
        return net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::Add), "add");
    }, {a, b}, {TensorInfo({2, 3}, DataType::Float32)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {11, 22, 33, 14, 25, 36}));
}

TEST_P(LayerTest, ElementwiseFloorDivSigned32)
{
    // Floor division rounds toward negative infinity: -7 // 2 = -4, 7 // -2 = -4, 7 // 2 = 3.
    TensorInfo info({3}, DataType::Signed32);
    TestTensor a = TestTensor::Of<int32_t>(info, {-7, 7, 7});
    TestTensor b = TestTensor::Of<int32_t>(info, {2, -2, 2});
    ARMNN_RUN_LAYER(out, [](INetwork& net) {
        return net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::FloorDiv), "floordiv");
    }, {a, b}, {info});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{-4, -4, 3}));
}

TEST_P(LayerTest, ReshapeKeepsData)
{
    TestTensor input = TestTensor::Float({2, 3}, {1, 2, 3, 4, 5, 6});
    ReshapeDescriptor desc(TensorShape({3, 2}));
    ARMNN_RUN_LAYER(out, [&](INetwork& net) { return net.AddReshapeLayer(desc, "reshape"); }, {input},
                    {TensorInfo({3, 2}, DataType::Float32)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 3, 4, 5, 6}));
}
