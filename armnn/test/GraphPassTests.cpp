//
// Optimize's graph passes and activation fusion, checked through SerializeToDot and the results.
// Passes that need convolution, padding or permutation layers are tested with those layers' suites.
//
#include "TestNetworks.hpp"

#include <armnn/Logging.hpp>

#include <gtest/gtest.h>

#include <sstream>

using namespace armnn;
using namespace armnn::test;


TEST(GraphPasses, ActivationIsFusedIntoAFullyConnectedLayerOnCpuRef)
{
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = MakeMlpNetwork();
    IOptimizedNetworkPtr optimized = Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec());
    const std::string dot = Dot(*optimized);
    EXPECT_NE(dot.find("Name: fc1|BackendID: CpuRef|FusedActivation: ReLu"), std::string::npos) << dot;
    EXPECT_EQ(dot.find("{Activation"), std::string::npos) << dot;
}

TEST(GraphPasses, FusedActivationGivesTheUnfusedResult)
{
    // y = relu(W x + b) with W = [[1, -1], [-2, 1]], b = [0, 0.5], x = [1, 3]: W x + b = [-2, 1.5] -> [0, 1.5].
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = INetwork::Create();
    std::vector<float> w{1, -1, -2, 1}, b{0, 0.5f};
    FullyConnectedDescriptor desc;
    desc.m_BiasEnabled = true;
    desc.m_TransposeWeightMatrix = true;
    IConnectableLayer* input = net->AddInputLayer(0);
    IConnectableLayer* fc = net->AddFullyConnectedLayer(desc, "fc");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    IConnectableLayer* output = net->AddOutputLayer(0);
    input->GetOutputSlot(0).Connect(fc->GetInputSlot(0));
    net->AddConstantLayer(ConstTensor(TensorInfo({2, 2}, DataType::Float32, 0, 0, true), w))
        ->GetOutputSlot(0).Connect(fc->GetInputSlot(1));
    net->AddConstantLayer(ConstTensor(TensorInfo({2}, DataType::Float32, 0, 0, true), b))
        ->GetOutputSlot(0).Connect(fc->GetInputSlot(2));
    fc->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    const TensorInfo info({1, 2}, DataType::Float32);
    input->GetOutputSlot(0).SetTensorInfo(info);
    fc->GetOutputSlot(0).SetTensorInfo(info);
    relu->GetOutputSlot(0).SetTensorInfo(info);
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec())), Status::Success);
    EXPECT_EQ(RunOnce(*runtime, id, {1.0f, 3.0f}), (std::vector<float>{0.0f, 1.5f}));
}

TEST(GraphPasses, QuantizedActivationIsFusedOnlyWhenItIsAClampOnTheSameQuantization)
{
    // fc (QAsymmS8, scale 0.5) -> activation: a ReLu whose output keeps scale 0.5 fuses; a ReLu that rescales to 0.25
    // or a hard swish does not (the fully connected layer's own rounding to scale 0.5 comes first in TFLite).
    struct Case
    {
        ActivationFunction function;
        float outputScale;
        bool fused;
    };
    for (const Case& c : {Case{ActivationFunction::ReLu, 0.5f, true}, Case{ActivationFunction::ReLu, 0.25f, false},
                          Case{ActivationFunction::HardSwish, 0.5f, false}})
    {
        IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
        INetworkPtr net = INetwork::Create();
        std::vector<int8_t> w{1, -1, -2, 1};
        std::vector<int32_t> b{0, 1};
        FullyConnectedDescriptor desc;
        desc.m_BiasEnabled = true;
        desc.m_TransposeWeightMatrix = true;
        IConnectableLayer* input = net->AddInputLayer(0);
        IConnectableLayer* fc = net->AddFullyConnectedLayer(desc, "fc");
        IConnectableLayer* act = net->AddActivationLayer(ActivationDescriptor(c.function), "act");
        IConnectableLayer* output = net->AddOutputLayer(0);
        input->GetOutputSlot(0).Connect(fc->GetInputSlot(0));
        net->AddConstantLayer(ConstTensor(TensorInfo({2, 2}, DataType::QSymmS8, 1.0f, 0, true), w))
            ->GetOutputSlot(0).Connect(fc->GetInputSlot(1));
        net->AddConstantLayer(ConstTensor(TensorInfo({2}, DataType::Signed32, 1.0f, 0, true), b))
            ->GetOutputSlot(0).Connect(fc->GetInputSlot(2));
        fc->GetOutputSlot(0).Connect(act->GetInputSlot(0));
        act->GetOutputSlot(0).Connect(output->GetInputSlot(0));
        input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 2}, DataType::QAsymmS8, 1.0f, 0));
        fc->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 2}, DataType::QAsymmS8, 0.5f, 0));
        act->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 2}, DataType::QAsymmS8, c.outputScale, 0));
        const std::string dot = Dot(*Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec()));
        EXPECT_EQ(dot.find("FusedActivation") != std::string::npos, c.fused)
            << GetActivationFunctionAsCString(c.function) << " " << c.outputScale << "\n" << dot;
    }
}

TEST(GraphPasses, ConstantSubgraphsAreFolded)
{
    // output = input + (c1 * c2): the multiplication of two constants is computed at Optimize time.
    // c1 = [1, 2], c2 = [3, 4] -> [3, 8]; input [1, 1] -> [4, 9].
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = INetwork::Create();
    std::vector<float> c1{1, 2}, c2{3, 4};
    const TensorInfo constInfo({2}, DataType::Float32, 0, 0, true);
    IConnectableLayer* input = net->AddInputLayer(0);
    IConnectableLayer* mul = net->AddElementwiseBinaryLayer(BinaryOperation::Mul, "mul");
    IConnectableLayer* add = net->AddElementwiseBinaryLayer(BinaryOperation::Add, "add");
    IConnectableLayer* output = net->AddOutputLayer(0);
    net->AddConstantLayer(ConstTensor(constInfo, c1), "c1")->GetOutputSlot(0).Connect(mul->GetInputSlot(0));
    net->AddConstantLayer(ConstTensor(constInfo, c2), "c2")->GetOutputSlot(0).Connect(mul->GetInputSlot(1));
    input->GetOutputSlot(0).Connect(add->GetInputSlot(0));
    mul->GetOutputSlot(0).Connect(add->GetInputSlot(1));
    add->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    const TensorInfo info({2}, DataType::Float32);
    input->GetOutputSlot(0).SetTensorInfo(info);
    mul->GetOutputSlot(0).SetTensorInfo(info);
    add->GetOutputSlot(0).SetTensorInfo(info);
    IOptimizedNetworkPtr optimized = Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec());
    const std::string dot = Dot(*optimized);
    EXPECT_EQ(dot.find("Name: mul|"), std::string::npos) << dot;
    EXPECT_NE(dot.find("Name: mul:folded0"), std::string::npos) << dot;
    EXPECT_EQ(dot.find("Name: c1"), std::string::npos) << dot;
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, std::move(optimized)), Status::Success);
    EXPECT_EQ(RunOnce(*runtime, id, {1.0f, 1.0f}), (std::vector<float>{4.0f, 9.0f}));
}

TEST(GraphPasses, ConsecutiveReshapesAreSquashedAndIdentityReshapesDropped)
{
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0);
    IConnectableLayer* r1 = net->AddReshapeLayer(ReshapeDescriptor(TensorShape({3, 2})), "r1");
    IConnectableLayer* r2 = net->AddReshapeLayer(ReshapeDescriptor(TensorShape({6})), "r2");
    IConnectableLayer* r3 = net->AddReshapeLayer(ReshapeDescriptor(TensorShape({6})), "r3");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    IConnectableLayer* output = net->AddOutputLayer(0);
    input->GetOutputSlot(0).Connect(r1->GetInputSlot(0));
    r1->GetOutputSlot(0).Connect(r2->GetInputSlot(0));
    r2->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(r3->GetInputSlot(0));
    r3->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({2, 3}, DataType::Float32));
    r1->GetOutputSlot(0).SetTensorInfo(TensorInfo({3, 2}, DataType::Float32));
    r2->GetOutputSlot(0).SetTensorInfo(TensorInfo({6}, DataType::Float32));
    relu->GetOutputSlot(0).SetTensorInfo(TensorInfo({6}, DataType::Float32));
    r3->GetOutputSlot(0).SetTensorInfo(TensorInfo({6}, DataType::Float32));
    IOptimizedNetworkPtr optimized = Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec());
    const std::string dot = Dot(*optimized);
    EXPECT_EQ(Count(dot, "{Reshape"), 1u) << dot;
    EXPECT_NE(dot.find("Name: r1+r2"), std::string::npos) << dot;
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, std::move(optimized)), Status::Success);
    TensorInfo inInfo = runtime->GetInputTensorInfo(id, 0);
    EXPECT_EQ(inInfo.GetShape(), TensorShape({2, 3}));
}

TEST(GraphPasses, ArenaReusesMemoryAlongAChain)
{
    // Ten [1, 1024] float activations in a chain: with lifetimes, two buffers of 4 KiB suffice, not ten.
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* previous = net->AddInputLayer(0);
    const TensorInfo info({1, 1024}, DataType::Float32);
    previous->GetOutputSlot(0).SetTensorInfo(info);
    for (int i = 0; i < 10; ++i)
    {
        IConnectableLayer* layer = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::Sigmoid));
        previous->GetOutputSlot(0).Connect(layer->GetInputSlot(0));
        layer->GetOutputSlot(0).SetTensorInfo(info);
        previous = layer;
    }
    previous->GetOutputSlot(0).Connect(net->AddOutputLayer(0)->GetInputSlot(0));

    std::vector<std::string> lines;
    SetLogSink([&lines](LogSeverity, const std::string& message) { lines.push_back(message); });
    ConfigureLogging(true, false, LogSeverity::Info);
    NetworkId id;
    const Status status = runtime->LoadNetwork(id, Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec()));
    ConfigureLogging(true, false, LogSeverity::Warning);
    SetLogSink(nullptr);
    ASSERT_EQ(status, Status::Success);
    bool found = false;
    for (const std::string& line : lines)
    {
        if (line.find("10 workloads") != std::string::npos)
        {
            found = true;
            // The last activation writes the caller's output buffer: nine intermediates, two alive at a time.
            EXPECT_NE(line.find(" 8192 bytes of planned intermediate memory"), std::string::npos) << line;
        }
    }
    EXPECT_TRUE(found);
}

namespace
{
/// input [1, 3, 3, 1] NHWC -> (Pad 1 on H and W ->) Convolution2d 2x2 (1 filter) -> BatchNormalization -> output.
struct ConvNetwork
{
    std::vector<float> m_Weights{1.0f, 2.0f, -1.0f, 0.5f};
    std::vector<float> m_Mean{0.5f}, m_Variance{3.99f}, m_Beta{1.0f}, m_Gamma{4.0f};
    INetworkPtr m_Net = INetwork::Create();

    explicit ConvNetwork(bool withPad)
    {
        INetwork& net = *m_Net;
        IConnectableLayer* input = net.AddInputLayer(0, "input");
        input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 3, 3, 1}, DataType::Float32));
        IOutputSlot* x = &input->GetOutputSlot(0);
        unsigned int size = 3;
        if (withPad)
        {
            IConnectableLayer* pad = net.AddPadLayer(PadDescriptor({{0, 0}, {1, 1}, {1, 1}, {0, 0}}), "pad");
            x->Connect(pad->GetInputSlot(0));
            pad->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 5, 5, 1}, DataType::Float32));
            x = &pad->GetOutputSlot(0);
            size = 5;
        }
        Convolution2dDescriptor conv;
        conv.m_DataLayout = DataLayout::NHWC;
        IConnectableLayer* convLayer = net.AddConvolution2dLayer(conv, "conv");
        x->Connect(convLayer->GetInputSlot(0));
        const TensorInfo weightsInfo({1, 2, 2, 1}, DataType::Float32, 0, 0, true);
        net.AddConstantLayer(ConstTensor(weightsInfo, m_Weights), "weights")
            ->GetOutputSlot(0).Connect(convLayer->GetInputSlot(1));
        const TensorInfo convOut({1, size - 1, size - 1, 1}, DataType::Float32);
        convLayer->GetOutputSlot(0).SetTensorInfo(convOut);
        BatchNormalizationDescriptor bnDesc;
        bnDesc.m_Eps = 0.01f;
        bnDesc.m_DataLayout = DataLayout::NHWC;
        const TensorInfo channel({1}, DataType::Float32, 0, 0, true);
        IConnectableLayer* bn = net.AddBatchNormalizationLayer(bnDesc, ConstTensor(channel, m_Mean), ConstTensor(channel, m_Variance),
                                                               ConstTensor(channel, m_Beta), ConstTensor(channel, m_Gamma), "bn");
        convLayer->GetOutputSlot(0).Connect(bn->GetInputSlot(0));
        bn->GetOutputSlot(0).SetTensorInfo(convOut);
        bn->GetOutputSlot(0).Connect(net.AddOutputLayer(0, "output")->GetInputSlot(0));
    }
};
} // namespace

TEST(GraphPasses, BatchNormIsFoldedIntoTheConvolution)
{
    // conv of [[1,2,3],[4,5,6],[7,8,9]] with [[1,2],[-1,0.5]]: top-left = 1 + 4 - 4 + 2.5 = 3.5, top-right = 2 + 6 - 5
    // + 3 = 6, bottom-left = 4 + 10 - 7 + 4 = 11, bottom-right = 5 + 12 - 8 + 4.5 = 13.5.
    // BN: gamma / sqrt(var + eps) = 4 / 2 = 2, so y = 2 (c - 0.5) + 1 = 2c: [7, 12, 22, 27].
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    ConvNetwork net(false);
    IOptimizedNetworkPtr optimized = Optimize(*net.m_Net, {"CpuRef"}, runtime->GetDeviceSpec());
    const std::string dot = Dot(*optimized);
    EXPECT_EQ(dot.find("{BatchNormalization"), std::string::npos) << dot;
    EXPECT_NE(dot.find("{Convolution2d|Name: conv+bn"), std::string::npos) << dot;
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, std::move(optimized)), Status::Success);
    const std::vector<float> out = RunOnce(*runtime, id, {1, 2, 3, 4, 5, 6, 7, 8, 9});
    ASSERT_EQ(out.size(), 4u);
    const std::vector<float> expected{7.0f, 12.0f, 22.0f, 27.0f};
    for (size_t i = 0; i < 4; ++i)
    {
        EXPECT_NEAR(out[i], expected[i], 1e-5f);
    }
}

TEST(GraphPasses, ZeroPadIsFoldedIntoTheConvolutionPadding)
{
    // With one pixel of zero padding, the output is 4x4; its corner (0,0) sees only input (0,0) under the weight
    // 0.5: 0.5 * 1 = 0.5, then BN: 2 * 0.5 = 1. Its (1,1) element equals the unpadded top-left 3.5 -> 7.
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    ConvNetwork net(true);
    IOptimizedNetworkPtr optimized = Optimize(*net.m_Net, {"CpuRef"}, runtime->GetDeviceSpec());
    const std::string dot = Dot(*optimized);
    EXPECT_EQ(dot.find("{Pad"), std::string::npos) << dot;
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, std::move(optimized)), Status::Success);
    const std::vector<float> out = RunOnce(*runtime, id, {1, 2, 3, 4, 5, 6, 7, 8, 9});
    ASSERT_EQ(out.size(), 16u);
    EXPECT_NEAR(out[0], 1.0f, 1e-5f);
    EXPECT_NEAR(out[5], 7.0f, 1e-5f);
}

namespace
{
/// input [1, 4, 4, 1] NHWC -> (Activation ->) Pad `pad` on H and W -> max Pooling2d `pool` x `pool` stride 2.
INetworkPtr PadMaxPoolNetwork(const Optional<ActivationDescriptor>& activation, unsigned int pad, unsigned int pool)
{
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 4, 4, 1}, DataType::Float32));
    IOutputSlot* x = &input->GetOutputSlot(0);
    if (activation.has_value())
    {
        IConnectableLayer* act = net->AddActivationLayer(activation.value(), "activation");
        x->Connect(act->GetInputSlot(0));
        act->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 4, 4, 1}, DataType::Float32));
        x = &act->GetOutputSlot(0);
    }
    IConnectableLayer* padLayer = net->AddPadLayer(PadDescriptor({{0, 0}, {pad, pad}, {pad, pad}, {0, 0}}), "pad");
    x->Connect(padLayer->GetInputSlot(0));
    const unsigned int padded = 4 + 2 * pad;
    padLayer->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, padded, padded, 1}, DataType::Float32));
    Pooling2dDescriptor poolDesc;
    poolDesc.m_PoolType = PoolingAlgorithm::Max;
    poolDesc.m_PoolWidth = poolDesc.m_PoolHeight = pool;
    poolDesc.m_StrideX = poolDesc.m_StrideY = 2;
    poolDesc.m_DataLayout = DataLayout::NHWC;
    IConnectableLayer* poolLayer = net->AddPooling2dLayer(poolDesc, "pool");
    padLayer->GetOutputSlot(0).Connect(poolLayer->GetInputSlot(0));
    const unsigned int out = (padded - pool) / 2 + 1;
    poolLayer->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, out, out, 1}, DataType::Float32));
    poolLayer->GetOutputSlot(0).Connect(net->AddOutputLayer(0, "output")->GetInputSlot(0));
    return net;
}

ActivationDescriptor Clamp(ActivationFunction function, float upper = 0.0f, float lower = 0.0f)
{
    ActivationDescriptor desc;
    desc.m_Function = function;
    desc.m_A = upper;
    desc.m_B = lower;
    return desc;
}

/// Optimizes on CpuRef, checks whether the Pad is still there, and runs -(1..16) row by row (alternating signs
/// when `alternate`).
std::vector<float> RunPadMaxPool(const Optional<ActivationDescriptor>& activation, bool expectPad, bool alternate,
                                 unsigned int pad = 1, unsigned int pool = 3)
{
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = PadMaxPoolNetwork(activation, pad, pool);
    IOptimizedNetworkPtr optimized = Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec());
    const std::string dot = Dot(*optimized);
    EXPECT_EQ(dot.find("{Pad") != std::string::npos, expectPad) << dot;
    NetworkId id;
    EXPECT_EQ(runtime->LoadNetwork(id, std::move(optimized)), Status::Success);
    std::vector<float> input(16);
    for (size_t i = 0; i < 16; ++i)
    {
        input[i] = -static_cast<float>(i + 1) * (alternate && (i + i / 4) % 2 == 1 ? -1.0f : 1.0f);
    }
    return RunOnce(*runtime, id, input);
}
} // namespace

TEST(GraphPasses, ZeroPadIsFoldedIntoAMaxPoolAfterARelu)
{
    // Input [[-1, 2, -3, 4], [5, -6, 7, -8], [-9, 10, -11, 12], [13, -14, 15, -16]], ReLu'd: the 3x3 windows (stride 2,
    // the first row and column in the padding) give max{0, 2, 5, 0} = 5, max{2, 0, 4, 0, 7, 0} = 7,
    // max{5, 0, 0, 10, 13, 0} = 13, max{0, 7, 0, 10, 0, 12, 0, 15, 0} = 15.
    const std::vector<float> out = RunPadMaxPool(ActivationDescriptor(Clamp(ActivationFunction::ReLu)), false, true);
    EXPECT_EQ(out, (std::vector<float>{5.0f, 7.0f, 13.0f, 15.0f}));
    // A BoundedReLu with a lower bound of 0 (ReLu6) too: min(6, ...) of the same.
    const std::vector<float> six =
        RunPadMaxPool(ActivationDescriptor(Clamp(ActivationFunction::BoundedReLu, 6.0f, 0.0f)), false, true);
    EXPECT_EQ(six, (std::vector<float>{5.0f, 6.0f, 6.0f, 6.0f}));
}

TEST(GraphPasses, ZeroPadStaysBeforeAMaxPoolWhenItsInputMayBeNegative)
{
    // Input -1..-16: the windows that reach the padding see its zeros, the last one (rows and columns 1..3) only
    // inputs, whose maximum is -6. Without an activation, or with a clamp whose lower bound is negative, the Pad
    // stays.
    EXPECT_EQ(RunPadMaxPool(EmptyOptional(), true, false), (std::vector<float>{0.0f, 0.0f, 0.0f, -6.0f}));
    EXPECT_EQ(RunPadMaxPool(ActivationDescriptor(Clamp(ActivationFunction::BoundedReLu, 6.0f, -7.0f)), true, false),
              (std::vector<float>{0.0f, 0.0f, 0.0f, -6.0f}));
}

TEST(GraphPasses, ZeroPadStaysBeforeAMaxPoolWithWindowsOnlyInThePadding)
{
    // Pad 2, pool 2x2 stride 2 on the ReLu'd input of the first test: the windows of the first and last rows and
    // columns hold only padding (their zeros, not the maximum of nothing); the inner four see rows and columns
    // 0..1 and 2..3: max{0, 2, 5, 0} = 5, max{0, 4, 7, 0} = 7, max{0, 10, 13, 0} = 13, max{0, 12, 15, 0} = 15.
    const std::vector<float> out =
        RunPadMaxPool(ActivationDescriptor(Clamp(ActivationFunction::ReLu)), true, true, 2, 2);
    EXPECT_EQ(out, (std::vector<float>{0, 0, 0, 0, 0, 5, 7, 0, 0, 13, 15, 0, 0, 0, 0, 0}));
}

TEST(GraphPasses, TransposeFollowedByItsInverseDisappears)
{
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0);
    IConnectableLayer* t1 = net->AddTransposeLayer(TransposeDescriptor({0, 2, 3, 1}), "t1");
    IConnectableLayer* t2 = net->AddPermuteLayer(PermuteDescriptor({0, 2, 3, 1}), "t2");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    IConnectableLayer* output = net->AddOutputLayer(0);
    input->GetOutputSlot(0).Connect(t1->GetInputSlot(0));
    t1->GetOutputSlot(0).Connect(t2->GetInputSlot(0));
    t2->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    // Transpose {0,2,3,1}: NCHW [1,2,3,4] -> NHWC [1,3,4,2]; Permute {0,2,3,1} moves dims back: [1,2,3,4].
    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 2, 3, 4}, DataType::Float32));
    t1->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 3, 4, 2}, DataType::Float32));
    t2->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 2, 3, 4}, DataType::Float32));
    relu->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 2, 3, 4}, DataType::Float32));
    const std::string dot = Dot(*Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec()));
    EXPECT_EQ(dot.find("{Transpose"), std::string::npos) << dot;
    EXPECT_EQ(dot.find("{Permute"), std::string::npos) << dot;
}
