//
// CpuAcc against CpuRef on random inputs, on shapes like those of MobileNet and ResNet (channel counts that are
// not multiples of 8, several strides, paddings and dilations, fused activations).
//
// Bound: max |CpuAcc - CpuRef| <= 1e-5 * max |CpuRef| over the output tensor. CpuRef accumulates in double;
// oneDNN accumulates in float in a blocked order, so each output is off by a few float roundings of the
// partial sums, which are of the order of the output's magnitude. A per-element relative bound does not hold
// for outputs that cancel to near zero; a bound relative to the tensor's scale does.
//
#include "ChainRunner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

using namespace armnn;
using namespace armnn::test;

namespace
{

constexpr float kRelativeBound = 1e-5f;

/// Runs the chain on CpuAcc and CpuRef with one random input and compares.
void ExpectCpuAccMatchesRef(const TensorInfo& inputInfo, const BuildChainFn& build, uint32_t seed = 1)
{
    const std::vector<float> input = RandomValues(inputInfo.GetNumElements(), seed);
    const std::vector<float> acc = LoadedChain("CpuAcc", inputInfo, build).Run(input);
    const std::vector<float> ref = LoadedChain("CpuRef", inputInfo, build).Run(input);
    ASSERT_EQ(acc.size(), ref.size());
    float maxRef = 0.0f;
    float maxError = 0.0f;
    size_t worst = 0;
    for (size_t i = 0; i < ref.size(); ++i)
    {
        maxRef = std::max(maxRef, std::fabs(ref[i]));
        const float error = std::fabs(acc[i] - ref[i]);
        if (!(error <= maxError)) // NaN counts as the worst
        {
            maxError = error;
            worst = i;
        }
    }
    const float relative = maxError / std::max(maxRef, 1e-30f);
    EXPECT_LE(relative, kRelativeBound) << "worst element " << worst << ": CpuAcc " << acc[worst] << ", CpuRef "
                                        << ref[worst] << " (max |CpuRef| " << maxRef << ")";
    ::testing::Test::RecordProperty("relative_error", std::to_string(relative));
}

ActivationDescriptor Activation(ActivationFunction function, float a = 0.0f, float b = 0.0f)
{
    ActivationDescriptor desc;
    desc.m_Function = function;
    desc.m_A = a;
    desc.m_B = b;
    return desc;
}

/// Appends an activation (which Optimize fuses into CpuAcc's weighted layers and pooling).
IConnectableLayer* Then(INetwork& net, IConnectableLayer* layer, const std::optional<ActivationDescriptor>& act)
{
    if (!act)
    {
        return layer;
    }
    IConnectableLayer* activation = net.AddActivationLayer(*act, "activation");
    layer->GetOutputSlot(0).Connect(activation->GetInputSlot(0));
    activation->GetOutputSlot(0).SetTensorInfo(layer->GetOutputSlot(0).GetTensorInfo());
    return activation;
}

struct ConvCase
{
    std::string m_Name;
    unsigned m_H, m_W, m_Cin, m_Cout, m_K, m_Stride, m_Dilation;
    unsigned m_PadTop, m_PadLeft, m_PadBottom, m_PadRight;
    bool m_Depthwise;
    DataLayout m_Layout;
    std::optional<ActivationDescriptor> m_Activation;
    bool m_Bias = true;
};

std::ostream& operator<<(std::ostream& os, const ConvCase& c)
{
    return os << c.m_Name;
}

unsigned OutSize(unsigned in, unsigned k, unsigned stride, unsigned dilation, unsigned padBefore, unsigned padAfter)
{
    return (in + padBefore + padAfter - ((k - 1) * dilation + 1)) / stride + 1;
}

TensorShape ImageShape(DataLayout layout, unsigned h, unsigned w, unsigned c)
{
    return layout == DataLayout::NHWC ? TensorShape({1, h, w, c}) : TensorShape({1, c, h, w});
}

class ConvolutionVsRef : public ::testing::TestWithParam<ConvCase>
{};

TEST_P(ConvolutionVsRef, MatchesCpuRef)
{
    const ConvCase c = GetParam();
    const unsigned outH = OutSize(c.m_H, c.m_K, c.m_Stride, c.m_Dilation, c.m_PadTop, c.m_PadBottom);
    const unsigned outW = OutSize(c.m_W, c.m_K, c.m_Stride, c.m_Dilation, c.m_PadLeft, c.m_PadRight);
    const TensorInfo inputInfo(ImageShape(c.m_Layout, c.m_H, c.m_W, c.m_Cin), DataType::Float32);
    const TensorInfo outputInfo(ImageShape(c.m_Layout, outH, outW, c.m_Cout), DataType::Float32);
    const TensorShape weightsShape = c.m_Depthwise ? TensorShape({1, c.m_K, c.m_K, c.m_Cout})
                                     : c.m_Layout == DataLayout::NHWC ? TensorShape({c.m_Cout, c.m_K, c.m_K, c.m_Cin})
                                                                      : TensorShape({c.m_Cout, c.m_Cin, c.m_K, c.m_K});
    const std::vector<float> weights = RandomValues(weightsShape.GetNumElements(), 2);
    const std::vector<float> bias = RandomValues(c.m_Cout, 3);

    ExpectCpuAccMatchesRef(inputInfo, [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* layer = nullptr;
        if (c.m_Depthwise)
        {
            DepthwiseConvolution2dDescriptor desc;
            desc.m_StrideX = desc.m_StrideY = c.m_Stride;
            desc.m_DilationX = desc.m_DilationY = c.m_Dilation;
            desc.m_PadTop = c.m_PadTop;
            desc.m_PadLeft = c.m_PadLeft;
            desc.m_PadBottom = c.m_PadBottom;
            desc.m_PadRight = c.m_PadRight;
            desc.m_BiasEnabled = c.m_Bias;
            desc.m_DataLayout = c.m_Layout;
            layer = net.AddDepthwiseConvolution2dLayer(desc, "depthwise");
        }
        else
        {
            Convolution2dDescriptor desc;
            desc.m_StrideX = desc.m_StrideY = c.m_Stride;
            desc.m_DilationX = desc.m_DilationY = c.m_Dilation;
            desc.m_PadTop = c.m_PadTop;
            desc.m_PadLeft = c.m_PadLeft;
            desc.m_PadBottom = c.m_PadBottom;
            desc.m_PadRight = c.m_PadRight;
            desc.m_BiasEnabled = c.m_Bias;
            desc.m_DataLayout = c.m_Layout;
            layer = net.AddConvolution2dLayer(desc, "conv");
        }
        input.Connect(layer->GetInputSlot(0));
        ConnectConstant(net, *layer, 1, weightsShape, weights);
        if (c.m_Bias)
        {
            ConnectConstant(net, *layer, 2, TensorShape({c.m_Cout}), bias);
        }
        layer->GetOutputSlot(0).SetTensorInfo(outputInfo);
        return Then(net, layer, c.m_Activation);
    });
}

const ActivationDescriptor kRelu6 = Activation(ActivationFunction::BoundedReLu, 6.0f, 0.0f);
const ActivationDescriptor kRelu = Activation(ActivationFunction::ReLu);
const DataLayout NHWC = DataLayout::NHWC;
const DataLayout NCHW = DataLayout::NCHW;

INSTANTIATE_TEST_SUITE_P(
    CpuAcc, ConvolutionVsRef,
    ::testing::Values(
        ConvCase{"Pointwise28x28x30to50Relu6", 28, 28, 30, 50, 1, 1, 1, 0, 0, 0, 0, false, NHWC, kRelu6},
        ConvCase{"Pointwise14x14x19to37Stride2", 14, 14, 19, 37, 1, 2, 1, 0, 0, 0, 0, false, NHWC, {}},
        ConvCase{"Pointwise7x7x320to1280NoBias", 7, 7, 320, 1280, 1, 1, 1, 0, 0, 0, 0, false, NHWC, kRelu6, false},
        ConvCase{"Conv3x3Pad1x13to21Relu", 14, 14, 13, 21, 3, 1, 1, 1, 1, 1, 1, false, NHWC, kRelu},
        ConvCase{"Conv3x3Stride2SamePadding", 15, 15, 24, 40, 3, 2, 1, 0, 0, 1, 1, false, NHWC, {}},
        ConvCase{"Conv3x3Dilation2", 12, 12, 17, 9, 3, 1, 2, 2, 2, 2, 2, false, NHWC, {}},
        ConvCase{"Conv3x3AsymmetricPadding", 11, 13, 8, 16, 3, 2, 1, 1, 0, 2, 1, false, NHWC, kRelu},
        ConvCase{"Conv3x3Nchw", 10, 10, 11, 12, 3, 1, 1, 1, 1, 1, 1, false, NCHW, kRelu6},
        ConvCase{"Conv7x7Stride2ResNetStem", 32, 32, 3, 64, 7, 2, 1, 3, 3, 3, 3, false, NHWC, kRelu},
        ConvCase{"Conv3x3x256ResNet", 14, 14, 256, 256, 3, 1, 1, 1, 1, 1, 1, false, NHWC, kRelu},
        ConvCase{"Depthwise3x3x36Relu6", 28, 28, 36, 36, 3, 1, 1, 1, 1, 1, 1, true, NHWC, kRelu6},
        ConvCase{"Depthwise3x3Stride2SamePadding", 29, 29, 27, 27, 3, 2, 1, 0, 0, 1, 1, true, NHWC, {}},
        ConvCase{"Depthwise3x3Dilation2Multiplier2", 12, 12, 10, 20, 3, 1, 2, 2, 2, 2, 2, true, NHWC, kRelu},
        ConvCase{"Depthwise5x5x19", 14, 14, 19, 19, 5, 1, 1, 2, 2, 2, 2, true, NHWC, {}, false},
        ConvCase{"Depthwise3x3Nchw", 9, 9, 13, 13, 3, 2, 1, 1, 1, 1, 1, true, NCHW, kRelu6}),
    [](const ::testing::TestParamInfo<ConvCase>& info) { return info.param.m_Name; });

TEST(CpuAccVsRef, FullyConnectedMobileNetClassifier)
{
    const std::vector<float> weights = RandomValues(1001 * 1280, 2);
    const std::vector<float> bias = RandomValues(1001, 3);
    ExpectCpuAccMatchesRef(TensorInfo({1, 1280}, DataType::Float32), [&](INetwork& net, IOutputSlot& input) {
        FullyConnectedDescriptor desc;
        desc.m_BiasEnabled = true;
        desc.m_TransposeWeightMatrix = true;
        IConnectableLayer* fc = net.AddFullyConnectedLayer(desc, "fc");
        input.Connect(fc->GetInputSlot(0));
        ConnectConstant(net, *fc, 1, TensorShape({1001, 1280}), weights);
        ConnectConstant(net, *fc, 2, TensorShape({1001}), bias);
        fc->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 1001}, DataType::Float32));
        return fc;
    });
}

TEST(CpuAccVsRef, FullyConnectedBatchOf3NonTransposedRelu)
{
    const std::vector<float> weights = RandomValues(100 * 37, 2);
    ExpectCpuAccMatchesRef(TensorInfo({3, 1, 1, 100}, DataType::Float32), [&](INetwork& net, IOutputSlot& input) {
        FullyConnectedDescriptor desc;
        desc.m_TransposeWeightMatrix = false;
        IConnectableLayer* fc = net.AddFullyConnectedLayer(desc, "fc");
        input.Connect(fc->GetInputSlot(0));
        ConnectConstant(net, *fc, 1, TensorShape({100, 37}), weights);
        fc->GetOutputSlot(0).SetTensorInfo(TensorInfo({3, 37}, DataType::Float32));
        return Then(net, fc, kRelu);
    });
}

// Batch 1 runs CpuAcc's own matrix-vector product on AVX-512 machines (oneDNN's inner product elsewhere): ResNet's
// classifier with weights [I, O], a bias and ReLu; then sizes that leave partial blocks of 16 outputs and of 8
// inputs, weights [O, I], a clamp (its bounds wide enough that max |CpuRef| stays the scale of the sums).
TEST(CpuAccVsRef, FullyConnectedBatch1ResNetClassifierNonTransposedRelu)
{
    const std::vector<float> weights = RandomValues(2048 * 1000, 2);
    const std::vector<float> bias = RandomValues(1000, 3);
    ExpectCpuAccMatchesRef(TensorInfo({1, 1, 1, 2048}, DataType::Float32), [&](INetwork& net, IOutputSlot& input) {
        FullyConnectedDescriptor desc;
        desc.m_BiasEnabled = true;
        desc.m_TransposeWeightMatrix = false;
        IConnectableLayer* fc = net.AddFullyConnectedLayer(desc, "fc");
        input.Connect(fc->GetInputSlot(0));
        ConnectConstant(net, *fc, 1, TensorShape({2048, 1000}), weights);
        ConnectConstant(net, *fc, 2, TensorShape({1000}), bias);
        fc->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 1000}, DataType::Float32));
        return Then(net, fc, kRelu);
    });
}

TEST(CpuAccVsRef, FullyConnectedBatch1PartialBlocksClamp)
{
    const std::vector<float> weights = RandomValues(19 * 37, 4);
    ExpectCpuAccMatchesRef(TensorInfo({1, 37}, DataType::Float32), [&](INetwork& net, IOutputSlot& input) {
        FullyConnectedDescriptor desc;
        desc.m_TransposeWeightMatrix = true;
        IConnectableLayer* fc = net.AddFullyConnectedLayer(desc, "fc");
        input.Connect(fc->GetInputSlot(0));
        ConnectConstant(net, *fc, 1, TensorShape({19, 37}), weights);
        fc->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 19}, DataType::Float32));
        return Then(net, fc, Activation(ActivationFunction::BoundedReLu, 2.0f, -1.0f));
    });
}

void ExpectPoolMatches(const Pooling2dDescriptor& desc, const TensorShape& in, const TensorShape& out)
{
    ExpectCpuAccMatchesRef(TensorInfo(in, DataType::Float32), [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* pool = net.AddPooling2dLayer(desc, "pool");
        input.Connect(pool->GetInputSlot(0));
        pool->GetOutputSlot(0).SetTensorInfo(TensorInfo(out, DataType::Float32));
        return pool;
    });
}

Pooling2dDescriptor Pool(PoolingAlgorithm type, unsigned k, unsigned stride, unsigned pad)
{
    Pooling2dDescriptor desc;
    desc.m_PoolType = type;
    desc.m_PoolHeight = desc.m_PoolWidth = k;
    desc.m_StrideX = desc.m_StrideY = stride;
    desc.m_PadTop = desc.m_PadLeft = desc.m_PadBottom = desc.m_PadRight = pad;
    desc.m_DataLayout = DataLayout::NHWC;
    return desc;
}

TEST(CpuAccVsRef, MaxPool3x3Stride2Pad1)
{
    ExpectPoolMatches(Pool(PoolingAlgorithm::Max, 3, 2, 1), {1, 14, 14, 33}, {1, 7, 7, 33});
}

TEST(CpuAccVsRef, AveragePoolGlobal7x7)
{
    ExpectPoolMatches(Pool(PoolingAlgorithm::Average, 7, 1, 0), {1, 7, 7, 61}, {1, 1, 1, 61});
}

TEST(CpuAccVsRef, AveragePoolCeilingExcludePadding)
{
    Pooling2dDescriptor desc = Pool(PoolingAlgorithm::Average, 2, 2, 0);
    desc.m_OutputShapeRounding = OutputShapeRounding::Ceiling;
    desc.m_PaddingMethod = PaddingMethod::Exclude;
    ExpectPoolMatches(desc, {1, 15, 15, 21}, {1, 8, 8, 21});
}

TEST(CpuAccVsRef, AveragePoolIgnoreValuePadding)
{
    Pooling2dDescriptor desc = Pool(PoolingAlgorithm::Average, 3, 1, 1);
    desc.m_PaddingMethod = PaddingMethod::IgnoreValue;
    ExpectPoolMatches(desc, {1, 9, 9, 19}, {1, 9, 9, 19});
}

class ActivationVsRef : public ::testing::TestWithParam<ActivationDescriptor>
{};

TEST_P(ActivationVsRef, MatchesCpuRef)
{
    const ActivationDescriptor act = GetParam();
    const TensorInfo info({1, 13, 17, 23}, DataType::Float32);
    const std::vector<float> weights = RandomValues(23 * 23, 2);
    // Standalone, then fused into a pointwise convolution.
    ExpectCpuAccMatchesRef(info, [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* layer = net.AddActivationLayer(act, "activation");
        input.Connect(layer->GetInputSlot(0));
        layer->GetOutputSlot(0).SetTensorInfo(info);
        return layer;
    });
    ExpectCpuAccMatchesRef(info, [&](INetwork& net, IOutputSlot& input) {
        Convolution2dDescriptor desc;
        desc.m_DataLayout = DataLayout::NHWC;
        IConnectableLayer* conv = net.AddConvolution2dLayer(desc, "conv");
        input.Connect(conv->GetInputSlot(0));
        ConnectConstant(net, *conv, 1, TensorShape({23, 1, 1, 23}), weights);
        conv->GetOutputSlot(0).SetTensorInfo(info);
        return Then(net, conv, act);
    });
}

INSTANTIATE_TEST_SUITE_P(
    CpuAcc, ActivationVsRef,
    ::testing::Values(Activation(ActivationFunction::Sigmoid), Activation(ActivationFunction::TanH, 1.0f, 1.0f),
                      Activation(ActivationFunction::Linear, 0.5f, -0.25f), Activation(ActivationFunction::ReLu),
                      Activation(ActivationFunction::BoundedReLu, 0.5f, -0.25f),
                      Activation(ActivationFunction::SoftReLu), Activation(ActivationFunction::LeakyReLu, 0.1f),
                      Activation(ActivationFunction::Abs), Activation(ActivationFunction::Square),
                      Activation(ActivationFunction::Elu, 0.7f), Activation(ActivationFunction::HardSwish),
                      Activation(ActivationFunction::Gelu)),
    [](const ::testing::TestParamInfo<ActivationDescriptor>& info) {
        return std::string(GetActivationFunctionAsCString(info.param.m_Function));
    });

TEST(CpuAccVsRef, AddSameShapeThenRelu)
{
    const TensorInfo info({1, 14, 14, 45}, DataType::Float32);
    const std::vector<float> other = RandomValues(info.GetNumElements(), 5);
    ExpectCpuAccMatchesRef(info, [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* add = net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::Add), "add");
        input.Connect(add->GetInputSlot(0));
        ConnectConstant(net, *add, 1, info.GetShape(), other);
        add->GetOutputSlot(0).SetTensorInfo(info);
        return Then(net, add, kRelu);
    });
}

TEST(CpuAccVsRef, MulBroadcastPerChannelAndSwappedMaximum)
{
    const TensorInfo info({1, 9, 9, 45}, DataType::Float32);
    const std::vector<float> scale = RandomValues(45, 5);
    ExpectCpuAccMatchesRef(info, [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* mul = net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::Mul), "mul");
        input.Connect(mul->GetInputSlot(0));
        ConnectConstant(net, *mul, 1, TensorShape({45}), scale);
        mul->GetOutputSlot(0).SetTensorInfo(info);
        // The broadcast operand first: CpuAcc swaps the commutative operation's operands.
        IConnectableLayer* max =
            net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::Maximum), "max");
        ConnectConstant(net, *max, 0, TensorShape({1, 1, 1, 45}), scale);
        mul->GetOutputSlot(0).Connect(max->GetInputSlot(1));
        max->GetOutputSlot(0).SetTensorInfo(info);
        return max;
    });
}

TEST(CpuAccVsRef, Softmax1001)
{
    const TensorInfo info({1, 1001}, DataType::Float32);
    ExpectCpuAccMatchesRef(info, [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* softmax = net.AddSoftmaxLayer(SoftmaxDescriptor(), "softmax");
        input.Connect(softmax->GetInputSlot(0));
        softmax->GetOutputSlot(0).SetTensorInfo(info);
        return softmax;
    });
}

TEST(CpuAccVsRef, MeanOverHeightAndWidthThenReshape)
{
    ExpectCpuAccMatchesRef(TensorInfo({1, 7, 7, 1280}, DataType::Float32), [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* mean = net.AddMeanLayer(MeanDescriptor({1, 2}, true), "mean");
        input.Connect(mean->GetInputSlot(0));
        mean->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 1, 1, 1280}, DataType::Float32));
        ReshapeDescriptor reshapeDesc;
        reshapeDesc.m_TargetShape = TensorShape({1, 1280});
        IConnectableLayer* reshape = net.AddReshapeLayer(reshapeDesc, "reshape");
        mean->GetOutputSlot(0).Connect(reshape->GetInputSlot(0));
        reshape->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 1280}, DataType::Float32));
        return reshape;
    });
}

TEST(CpuAccVsRef, ConcatChannels)
{
    const TensorInfo info({1, 8, 8, 13}, DataType::Float32);
    const std::vector<float> other = RandomValues(8 * 8 * 7, 5);
    ExpectCpuAccMatchesRef(info, [&](INetwork& net, IOutputSlot& input) {
        const std::vector<TensorShape> shapes = {info.GetShape(), TensorShape({1, 8, 8, 7})};
        OriginsDescriptor desc = CreateDescriptorForConcatenation(shapes.begin(), shapes.end(), 3);
        IConnectableLayer* concat = net.AddConcatLayer(desc, "concat");
        input.Connect(concat->GetInputSlot(0));
        ConnectConstant(net, *concat, 1, shapes[1], other);
        concat->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 8, 8, 20}, DataType::Float32));
        return concat;
    });
}

/// A convolution of `input` with random weights and bias ("same" padding, stride 1), `channels` in and out.
IConnectableLayer* AddConvolution(INetwork& net, IOutputSlot& input, DataLayout layout, unsigned k, unsigned channels,
                                  const TensorInfo& outputInfo, const char* name, uint32_t seed,
                                  const std::optional<ActivationDescriptor>& activation = std::nullopt)
{
    Convolution2dDescriptor desc;
    desc.m_PadTop = desc.m_PadLeft = desc.m_PadBottom = desc.m_PadRight = k / 2;
    desc.m_BiasEnabled = true;
    desc.m_DataLayout = layout;
    IConnectableLayer* conv = net.AddConvolution2dLayer(desc, name);
    input.Connect(conv->GetInputSlot(0));
    const TensorShape weightsShape = layout == NHWC ? TensorShape({channels, k, k, channels})
                                                    : TensorShape({channels, channels, k, k});
    // Constant layers copy their data, so these temporaries may go.
    ConnectConstant(net, *conv, 1, weightsShape, RandomValues(weightsShape.GetNumElements(), seed));
    ConnectConstant(net, *conv, 2, TensorShape({channels}), RandomValues(channels, seed + 1));
    conv->GetOutputSlot(0).SetTensorInfo(outputInfo);
    return Then(net, conv, activation);
}

IConnectableLayer* AddAdd(INetwork& net, IOutputSlot& lhs, IOutputSlot& rhs, const TensorInfo& info, const char* name)
{
    IConnectableLayer* add = net.AddElementwiseBinaryLayer(ElementwiseBinaryDescriptor(BinaryOperation::Add), name);
    lhs.Connect(add->GetInputSlot(0));
    rhs.Connect(add->GetInputSlot(1));
    add->GetOutputSlot(0).SetTensorInfo(info);
    return add;
}

/// A residual block: x -> conv 3x3 (+ReLu6) -> conv 1x1 -> Add with x (in `convFirst` order) -> activation.
struct ResidualCase
{
    std::string m_Name;
    DataLayout m_Layout;
    bool m_ConvolutionFirst;
    std::optional<ActivationDescriptor> m_AddActivation;
};

std::ostream& operator<<(std::ostream& os, const ResidualCase& c)
{
    return os << c.m_Name;
}

class ResidualAddVsRef : public ::testing::TestWithParam<ResidualCase>
{};

// CpuAcc fuses the Add (and its activation) into the second convolution: one PreCompiled layer named after the
// Add replaces both, and the result stays within the bound.
TEST_P(ResidualAddVsRef, FusedIntoTheConvolution)
{
    const ResidualCase c = GetParam();
    const TensorInfo info(ImageShape(c.m_Layout, 14, 14, 24), DataType::Float32);
    const BuildChainFn build = [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* conv1 = AddConvolution(net, input, c.m_Layout, 3, 24, info, "conv1", 2, kRelu6);
        IConnectableLayer* conv2 = AddConvolution(net, conv1->GetOutputSlot(0), c.m_Layout, 1, 24, info, "conv2", 4);
        IConnectableLayer* add = c.m_ConvolutionFirst ? AddAdd(net, conv2->GetOutputSlot(0), input, info, "add")
                                                      : AddAdd(net, input, conv2->GetOutputSlot(0), info, "add");
        return Then(net, add, c.m_AddActivation);
    };
    const std::string dot = OptimizedDot(info, build);
    EXPECT_EQ(CountOf(dot, "PreCompiled|Name: add|BackendID: CpuAcc"), 1u) << dot;
    EXPECT_EQ(CountOf(dot, "Name: conv2"), 0u) << dot;
    EXPECT_EQ(CountOf(dot, "ElementwiseBinary"), 0u) << dot;
    EXPECT_EQ(CountOf(dot, "Activation|"), 0u) << dot;
    ExpectCpuAccMatchesRef(info, build);
}

INSTANTIATE_TEST_SUITE_P(
    CpuAcc, ResidualAddVsRef,
    ::testing::Values(ResidualCase{"ConvolutionFirstRelu", NHWC, true, kRelu},
                      ResidualCase{"ConvolutionSecondRelu", NHWC, false, kRelu},
                      ResidualCase{"ConvolutionFirstNoActivation", NHWC, true, std::nullopt},
                      ResidualCase{"NchwRelu6", NCHW, false, kRelu6}),
    [](const ::testing::TestParamInfo<ResidualCase>& info) { return info.param.m_Name; });

// ResNet's projection blocks add two convolutions: one of them takes the Add.
TEST(CpuAccVsRef, ResidualAddOfTwoConvolutions)
{
    const TensorInfo info({1, 10, 10, 40}, DataType::Float32);
    const BuildChainFn build = [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* a = AddConvolution(net, input, NHWC, 1, 40, info, "a", 6);
        IConnectableLayer* b = AddConvolution(net, input, NHWC, 3, 40, info, "b", 8);
        return Then(net, AddAdd(net, a->GetOutputSlot(0), b->GetOutputSlot(0), info, "add"), kRelu);
    };
    const std::string dot = OptimizedDot(info, build);
    EXPECT_EQ(CountOf(dot, "PreCompiled|Name: add|BackendID: CpuAcc"), 1u) << dot;
    EXPECT_EQ(CountOf(dot, "Convolution2d|"), 1u) << dot;
    ExpectCpuAccMatchesRef(info, build);
}

// A convolution whose output is also read elsewhere must still write it: nothing is fused.
TEST(CpuAccVsRef, ResidualAddNotFusedWhenTheConvolutionHasTwoReaders)
{
    const TensorInfo info({1, 12, 12, 16}, DataType::Float32);
    const BuildChainFn build = [&](INetwork& net, IOutputSlot& input) {
        IConnectableLayer* conv = AddConvolution(net, input, NHWC, 1, 16, info, "conv", 10);
        IConnectableLayer* add1 = AddAdd(net, conv->GetOutputSlot(0), input, info, "add1");
        return AddAdd(net, add1->GetOutputSlot(0), conv->GetOutputSlot(0), info, "add2");
    };
    const std::string dot = OptimizedDot(info, build);
    EXPECT_EQ(CountOf(dot, "PreCompiled"), 0u) << dot;
    EXPECT_EQ(CountOf(dot, "ElementwiseBinary|"), 2u) << dot;
    ExpectCpuAccMatchesRef(info, build);
}

} // namespace
