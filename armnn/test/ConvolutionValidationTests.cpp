//
// Shape validation of the convolution family: bad shapes and descriptors (as a malformed model file would give)
// make Optimize throw LayerValidationException naming what is wrong, never crash.
//
#include <armnn/ArmNN.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

using namespace armnn;

namespace
{

/// Input tensors -> layer -> output with the given info; inputs are Input layers of the given infos.
/// Returns the message of the LayerValidationException Optimize throws, or "" when it succeeds.
std::string OptimizeError(const std::function<IConnectableLayer*(INetwork&)>& addLayer,
                          const std::vector<TensorInfo>& inputs, const TensorInfo& output)
{
    static IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* layer = addLayer(*net);
    for (unsigned int i = 0; i < inputs.size(); ++i)
    {
        IConnectableLayer* in = net->AddInputLayer(static_cast<LayerBindingId>(i));
        in->GetOutputSlot(0).SetTensorInfo(inputs[i]);
        in->GetOutputSlot(0).Connect(layer->GetInputSlot(i));
    }
    layer->GetOutputSlot(0).SetTensorInfo(output);
    layer->GetOutputSlot(0).Connect(net->AddOutputLayer(0)->GetInputSlot(0));
    try
    {
        Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec());
    }
    catch (const LayerValidationException& e)
    {
        return e.what();
    }
    return "";
}

TensorInfo F32(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Float32);
}

std::function<IConnectableLayer*(INetwork&)> Conv(const Convolution2dDescriptor& desc)
{
    return [desc](INetwork& net) { return net.AddConvolution2dLayer(desc, "conv"); };
}

Convolution2dDescriptor Nhwc()
{
    Convolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    return desc;
}

#define EXPECT_ERROR_MENTIONS(message, text) \
    EXPECT_NE((message).find(text), std::string::npos) << "message: '" << (message) << "'"

} // namespace

TEST(ConvolutionValidation, Conv2dValidNetworkOptimizes)
{
    EXPECT_EQ(OptimizeError(Conv(Nhwc()), {F32({1, 3, 3, 2}), F32({4, 2, 2, 2})}, F32({1, 2, 2, 4})), "");
}

TEST(ConvolutionValidation, Conv2dChannelMismatch)
{
    // Input has 3 channels, weights [O, H, W, I] expect 2.
    const std::string e = OptimizeError(Conv(Nhwc()), {F32({1, 3, 3, 3}), F32({4, 2, 2, 2})}, F32({1, 2, 2, 4}));
    EXPECT_ERROR_MENTIONS(e, "Convolution2d 'conv'");
    EXPECT_ERROR_MENTIONS(e, "3 channels");
}

TEST(ConvolutionValidation, Conv2dNchwChannelMismatch)
{
    // NCHW: weights [O, I, H, W] = I 3, input channels 2.
    Convolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NCHW;
    const std::string e = OptimizeError(Conv(desc), {F32({1, 2, 3, 3}), F32({1, 3, 1, 1})}, F32({1, 1, 3, 3}));
    EXPECT_ERROR_MENTIONS(e, "expect 3");
}

TEST(ConvolutionValidation, Conv2dZeroStride)
{
    Convolution2dDescriptor desc = Nhwc();
    desc.m_StrideY = 0;
    const std::string e = OptimizeError(Conv(desc), {F32({1, 3, 3, 1}), F32({1, 1, 1, 1})}, F32({1, 3, 3, 1}));
    EXPECT_ERROR_MENTIONS(e, "m_StrideY");
}

TEST(ConvolutionValidation, Conv2dZeroDilation)
{
    Convolution2dDescriptor desc = Nhwc();
    desc.m_DilationX = 0;
    const std::string e = OptimizeError(Conv(desc), {F32({1, 3, 3, 1}), F32({1, 1, 1, 1})}, F32({1, 3, 3, 1}));
    EXPECT_ERROR_MENTIONS(e, "m_DilationX");
}

TEST(ConvolutionValidation, Conv2dWindowLargerThanPaddedInput)
{
    // Kernel 4 wide over width 2 + padding 1: 4 > 3.
    Convolution2dDescriptor desc = Nhwc();
    desc.m_PadLeft = 1;
    const std::string e = OptimizeError(Conv(desc), {F32({1, 4, 2, 1}), F32({1, 1, 4, 1})}, F32({1, 4, 1, 1}));
    EXPECT_ERROR_MENTIONS(e, "larger than the padded input");
}

TEST(ConvolutionValidation, Conv2dHugeDilationAndPaddingDoNotOverflow)
{
    // (3 - 1) * 0xFFFFFFFF + 1 would wrap in 32 bits; padding near 2^32 likewise.
    Convolution2dDescriptor desc = Nhwc();
    desc.m_DilationY = 0xFFFFFFFFu;
    std::string e = OptimizeError(Conv(desc), {F32({1, 3, 3, 1}), F32({1, 3, 1, 1})}, F32({1, 1, 3, 1}));
    EXPECT_ERROR_MENTIONS(e, "larger than the padded input");

    Convolution2dDescriptor pads = Nhwc();
    pads.m_PadTop = pads.m_PadBottom = 0xFFFFFFFFu;
    e = OptimizeError(Conv(pads), {F32({1, 3, 3, 1}), F32({1, 1, 1, 1})}, F32({1, 3, 3, 1}));
    EXPECT_ERROR_MENTIONS(e, "too large");
}

TEST(ConvolutionValidation, Conv2dBiasSize)
{
    Convolution2dDescriptor desc = Nhwc();
    desc.m_BiasEnabled = true;
    const std::string e =
        OptimizeError(Conv(desc), {F32({1, 3, 3, 1}), F32({2, 1, 1, 1}), F32({3})}, F32({1, 3, 3, 2}));
    EXPECT_ERROR_MENTIONS(e, "bias");
}

TEST(ConvolutionValidation, Conv2dWeightsRankAndZeroSize)
{
    std::string e = OptimizeError(Conv(Nhwc()), {F32({1, 3, 3, 1}), F32({1, 1, 1})}, F32({1, 3, 3, 1}));
    EXPECT_ERROR_MENTIONS(e, "rank 3");
    e = OptimizeError(Conv(Nhwc()), {F32({1, 3, 3, 1}), F32({1, 0, 1, 1})}, F32({1, 3, 3, 1}));
    EXPECT_ERROR_MENTIONS(e, "zero dimension");
}

TEST(ConvolutionValidation, Conv2dUnsupportedLayout)
{
    Convolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NDHWC;
    const std::string e = OptimizeError(Conv(desc), {F32({1, 3, 3, 1}), F32({1, 1, 1, 1})}, F32({1, 3, 3, 1}));
    EXPECT_ERROR_MENTIONS(e, "data layout");
}

TEST(ConvolutionValidation, Conv2dWrongOutputShape)
{
    // The inferred shape is [1, 2, 2, 1]; the model claims [1, 3, 3, 1].
    const std::string e = OptimizeError(Conv(Nhwc()), {F32({1, 3, 3, 1}), F32({1, 2, 2, 1})}, F32({1, 3, 3, 1}));
    EXPECT_ERROR_MENTIONS(e, "produces");
}

TEST(ConvolutionValidation, DepthwiseWeightsNotAMultipleOfChannels)
{
    DepthwiseConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    auto add = [desc](INetwork& net) { return net.AddDepthwiseConvolution2dLayer(desc, "dw"); };
    std::string e = OptimizeError(add, {F32({1, 3, 3, 2}), F32({1, 1, 1, 3})}, F32({1, 3, 3, 3}));
    EXPECT_ERROR_MENTIONS(e, "not a multiple");
    e = OptimizeError(add, {F32({1, 3, 3, 2}), F32({2, 1, 1, 2})}, F32({1, 3, 3, 2}));
    EXPECT_ERROR_MENTIONS(e, "[1, H, W, I * M]");
}

TEST(ConvolutionValidation, TransposeConvZeroStride)
{
    // The descriptor's strides default to 0.
    TransposeConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    std::vector<float> w(1, 1.0f);
    TensorInfo wInfo({1, 1, 1, 1}, DataType::Float32, 0.0f, 0, true);
    auto add = [&](INetwork& net) {
        return net.AddTransposeConvolution2dLayer(desc, ConstTensor(wInfo, w.data()), EmptyOptional(), "tc");
    };
    const std::string e = OptimizeError(add, {F32({1, 2, 2, 1})}, F32({1, 2, 2, 1}));
    EXPECT_ERROR_MENTIONS(e, "m_StrideX");
}

TEST(ConvolutionValidation, TransposeConvOutputShapeOutOfRange)
{
    // Computed size 2 * (2 - 1) + 1 = 3; stride 2 allows 3 or 4, not 5.
    TransposeConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_StrideX = desc.m_StrideY = 2;
    desc.m_OutputShapeEnabled = true;
    desc.m_OutputShape = {1, 5, 4, 1};
    std::vector<float> w(1, 1.0f);
    TensorInfo wInfo({1, 1, 1, 1}, DataType::Float32, 0.0f, 0, true);
    auto add = [&](INetwork& net) {
        return net.AddTransposeConvolution2dLayer(desc, ConstTensor(wInfo, w.data()), EmptyOptional(), "tc");
    };
    std::string e = OptimizeError(add, {F32({1, 2, 2, 1})}, F32({1, 5, 4, 1}));
    EXPECT_ERROR_MENTIONS(e, "height 5");
    desc.m_OutputShape = {1, 4, 4};
    e = OptimizeError(add, {F32({1, 2, 2, 1})}, F32({1, 4, 4, 1}));
    EXPECT_ERROR_MENTIONS(e, "4 dimensions");
}

TEST(ConvolutionValidation, TransposeConvPaddingRemovesOutput)
{
    // 1 * (1 - 1) + 1 - 1 - 1 = -1.
    TransposeConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_StrideX = desc.m_StrideY = 1;
    desc.m_PadLeft = desc.m_PadRight = 1;
    std::vector<float> w(1, 1.0f);
    TensorInfo wInfo({1, 1, 1, 1}, DataType::Float32, 0.0f, 0, true);
    auto add = [&](INetwork& net) {
        return net.AddTransposeConvolution2dLayer(desc, ConstTensor(wInfo, w.data()), EmptyOptional(), "tc");
    };
    const std::string e = OptimizeError(add, {F32({1, 1, 1, 1})}, F32({1, 1, 1, 1}));
    EXPECT_ERROR_MENTIONS(e, "removes the whole output");
}

namespace
{
Pooling2dDescriptor Pool2x2()
{
    Pooling2dDescriptor desc;
    desc.m_PoolType = PoolingAlgorithm::Average;
    desc.m_PoolWidth = desc.m_PoolHeight = 2;
    desc.m_StrideX = desc.m_StrideY = 1;
    desc.m_DataLayout = DataLayout::NHWC;
    return desc;
}
std::function<IConnectableLayer*(INetwork&)> Pool(const Pooling2dDescriptor& desc)
{
    return [desc](INetwork& net) { return net.AddPooling2dLayer(desc, "pool"); };
}
} // namespace

TEST(ConvolutionValidation, PoolingZeroPoolSizeAndStride)
{
    Pooling2dDescriptor desc = Pool2x2();
    desc.m_PoolWidth = 0;
    std::string e = OptimizeError(Pool(desc), {F32({1, 3, 3, 1})}, F32({1, 2, 2, 1}));
    EXPECT_ERROR_MENTIONS(e, "m_PoolWidth");
    desc = Pool2x2();
    desc.m_StrideX = 0;
    e = OptimizeError(Pool(desc), {F32({1, 3, 3, 1})}, F32({1, 2, 2, 1}));
    EXPECT_ERROR_MENTIONS(e, "m_StrideX");
}

TEST(ConvolutionValidation, PoolingPaddingNotSmallerThanPool)
{
    // A window made only of padding would divide by zero (Exclude) or take the max of nothing.
    Pooling2dDescriptor desc = Pool2x2();
    desc.m_PadTop = 2;
    const std::string e = OptimizeError(Pool(desc), {F32({1, 3, 3, 1})}, F32({1, 4, 2, 1}));
    EXPECT_ERROR_MENTIONS(e, "smaller than the pool size");
}

TEST(ConvolutionValidation, PoolingWindowLargerThanInput)
{
    Pooling2dDescriptor desc = Pool2x2();
    desc.m_PoolWidth = 5;
    const std::string e = OptimizeError(Pool(desc), {F32({1, 3, 3, 1})}, F32({1, 2, 1, 1}));
    EXPECT_ERROR_MENTIONS(e, "larger than the padded input");
}

TEST(ConvolutionValidation, PoolingUnknownAlgorithm)
{
    Pooling2dDescriptor desc = Pool2x2();
    desc.m_PoolType = static_cast<PoolingAlgorithm>(42);
    const std::string e = OptimizeError(Pool(desc), {F32({1, 3, 3, 1})}, F32({1, 2, 2, 1}));
    EXPECT_ERROR_MENTIONS(e, "pooling algorithm");
}

TEST(ConvolutionValidation, PoolingCeilingShape)
{
    // Width 5, pool 2, stride 2: Ceiling gives 3 (Floor would give 2).
    Pooling2dDescriptor desc = Pool2x2();
    desc.m_StrideX = desc.m_StrideY = 2;
    desc.m_OutputShapeRounding = OutputShapeRounding::Ceiling;
    EXPECT_EQ(OptimizeError(Pool(desc), {F32({1, 5, 5, 1})}, F32({1, 3, 3, 1})), "");
    EXPECT_ERROR_MENTIONS(OptimizeError(Pool(desc), {F32({1, 5, 5, 1})}, F32({1, 2, 2, 1})), "[1,3,3,1]");
}

TEST(ConvolutionValidation, BatchMatMulErrors)
{
    auto add = [](const BatchMatMulDescriptor& desc) {
        return [desc](INetwork& net) { return net.AddBatchMatMulLayer(desc, "bmm"); };
    };
    // Inner dimensions 3 and 2.
    std::string e = OptimizeError(add(BatchMatMulDescriptor()), {F32({2, 3}), F32({2, 2})}, F32({2, 2}));
    EXPECT_ERROR_MENTIONS(e, "inner dimensions");
    // Batches 2 and 3 do not broadcast.
    e = OptimizeError(add(BatchMatMulDescriptor()), {F32({2, 1, 1}), F32({3, 1, 1})}, F32({2, 1, 1}));
    EXPECT_ERROR_MENTIONS(e, "broadcast");
    // Transpose and adjoint of one input.
    e = OptimizeError(add(BatchMatMulDescriptor(true, false, true, false)), {F32({2, 2}), F32({2, 2})},
                      F32({2, 2}));
    EXPECT_ERROR_MENTIONS(e, "adjoint");
    // NHWC needs rank 3 at least.
    e = OptimizeError(add(BatchMatMulDescriptor(false, false, false, false, DataLayout::NHWC, DataLayout::NHWC)),
                      {F32({2, 2}), F32({2, 2})}, F32({2, 2}));
    EXPECT_ERROR_MENTIONS(e, "rank 2");
}

TEST(ConvolutionValidation, Conv2dPerAxisWeightScalesMustMatchOutputChannels)
{
    // 2 output channels but 3 scales (and on the wrong dimension).
    TensorInfo input({1, 3, 3, 1}, DataType::QAsymmS8, 0.5f, 0);
    TensorInfo weights({2, 1, 1, 1}, DataType::QSymmS8, std::vector<float>{0.1f, 0.2f, 0.3f}, 3);
    const std::string e =
        OptimizeError(Conv(Nhwc()), {input, weights}, TensorInfo({1, 3, 3, 2}, DataType::QAsymmS8, 0.5f, 0));
    EXPECT_ERROR_MENTIONS(e, "per-axis");
}

namespace
{

std::function<IConnectableLayer*(INetwork&)> Conv3d(const Convolution3dDescriptor& desc)
{
    return [desc](INetwork& net) { return net.AddConvolution3dLayer(desc, "conv3d"); };
}

Convolution3dDescriptor Ndhwc()
{
    Convolution3dDescriptor desc;
    desc.m_DataLayout = DataLayout::NDHWC;
    return desc;
}

} // namespace

TEST(ConvolutionValidation, Conv3dValidNetworksOptimize)
{
    // NDHWC [1, 4, 5, 6, 2] with weights [D=2, H=3, W=3, I=2, O=7]: [1, 3, 3, 4, 7].
    EXPECT_EQ(OptimizeError(Conv3d(Ndhwc()), {F32({1, 4, 5, 6, 2}), F32({2, 3, 3, 2, 7})}, F32({1, 3, 3, 4, 7})), "");
    // NCDHW with padding and strides: depth (4 + 1 + 1 - 2) / 2 + 1 = 3, height (5 - 3) / 1 + 1 = 3,
    // width (6 + 2 - 3) / 3 + 1 = 2.
    Convolution3dDescriptor desc;
    desc.m_DataLayout = DataLayout::NCDHW;
    desc.m_PadFront = desc.m_PadBack = 1;
    desc.m_PadLeft = 2;
    desc.m_StrideZ = 2;
    desc.m_StrideX = 3;
    EXPECT_EQ(OptimizeError(Conv3d(desc), {F32({1, 2, 4, 5, 6}), F32({2, 3, 3, 2, 7})}, F32({1, 7, 3, 3, 2})), "");
}

TEST(ConvolutionValidation, Conv3dChannelMismatch)
{
    // Input has 3 channels (last in NDHWC), weights [D, H, W, I, O] expect 2.
    const std::string e =
        OptimizeError(Conv3d(Ndhwc()), {F32({1, 4, 5, 6, 3}), F32({2, 3, 3, 2, 7})}, F32({1, 3, 3, 4, 7}));
    EXPECT_ERROR_MENTIONS(e, "Convolution3d 'conv3d'");
    EXPECT_ERROR_MENTIONS(e, "3 channels");
}

TEST(ConvolutionValidation, Conv3dDescriptorAndShapeErrors)
{
    const std::vector<TensorInfo> inputs = {F32({1, 4, 5, 6, 2}), F32({2, 3, 3, 2, 7})};
    const TensorInfo output = F32({1, 3, 3, 4, 7});
    Convolution3dDescriptor desc = Ndhwc();
    desc.m_StrideZ = 0;
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(desc), inputs, output), "m_StrideZ must be at least 1");
    desc = Ndhwc();
    desc.m_DilationZ = 0;
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(desc), inputs, output), "m_DilationZ must be at least 1");
    desc = Ndhwc();
    desc.m_DataLayout = DataLayout::NHWC;
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(desc), inputs, output), "expected NDHWC or NCDHW");
    // A depth window of 5 (dilation 2 on 3 taps) over a depth of 4.
    desc = Ndhwc();
    desc.m_DilationZ = 4;
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(desc), inputs, output), "depth: the window");
    // 4-D input or weights.
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(Ndhwc()), {F32({1, 5, 6, 2}), F32({2, 3, 3, 2, 7})}, output),
                          "rank");
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(Ndhwc()), {F32({1, 4, 5, 6, 2}), F32({3, 3, 2, 7})}, output), "rank");
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(Ndhwc()), {F32({1, 4, 5, 6, 2}), F32({2, 3, 0, 2, 7})}, output),
                          "zero dimension");
    // The declared output must be the inferred one.
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(Ndhwc()), inputs, F32({1, 3, 3, 4, 6})), "[1,3,3,4,7]");
}

TEST(ConvolutionValidation, Conv3dBiasAndPerAxisWeights)
{
    Convolution3dDescriptor desc = Ndhwc();
    desc.m_BiasEnabled = true;
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(desc), {F32({1, 4, 5, 6, 2}), F32({2, 3, 3, 2, 7}), F32({6})},
                                        F32({1, 3, 3, 4, 7})),
                          "does not have 7 elements");
    // Per-axis weights scales belong to the output channels, dimension 4.
    const TensorInfo in({1, 1, 1, 1, 2}, DataType::QAsymmS8, 0.5f, 0);
    const TensorInfo w({1, 1, 1, 2, 3}, DataType::QSymmS8, std::vector<float>{0.1f, 0.2f}, 3);
    const TensorInfo out({1, 1, 1, 1, 3}, DataType::QAsymmS8, 0.5f, 0);
    EXPECT_ERROR_MENTIONS(OptimizeError(Conv3d(Ndhwc()), {in, w}, out), "expected 3 along dimension 4");
}
