//
// Shared per-layer tests of the convolution family: Convolution2d, Convolution3d, DepthwiseConvolution2d,
// TransposeConvolution2d, FullyConnected, BatchMatMul, Pooling2d.
// Expected values are computed by hand; the comments show the arithmetic. Quantized expectations are chosen away
// from rounding ties so that any correct implementation (float or TensorFlow Lite's fixed point) gives them.
//
#include "LayerTestUtils.hpp"

using namespace armnn;
using namespace armnn::test;

namespace
{

TestTensor Half(const TensorShape& shape, const std::vector<float>& values, bool constant = false)
{
    std::vector<uint16_t> halves;
    for (float v : values)
    {
        halves.push_back(FloatToHalf(v));
    }
    return TestTensor::Of<uint16_t>(TensorInfo(shape, DataType::Float16), halves, constant);
}

Convolution2dDescriptor ConvDesc(DataLayout layout, bool bias = false)
{
    Convolution2dDescriptor desc;
    desc.m_DataLayout = layout;
    desc.m_BiasEnabled = bias;
    return desc;
}

AddLayerFn Conv(const Convolution2dDescriptor& desc)
{
    return [desc](INetwork& net) { return net.AddConvolution2dLayer(desc, "conv"); };
}

Convolution3dDescriptor Conv3dDesc(DataLayout layout, bool bias = false)
{
    Convolution3dDescriptor desc;
    desc.m_DataLayout = layout;
    desc.m_BiasEnabled = bias;
    return desc;
}

AddLayerFn Conv3d(const Convolution3dDescriptor& desc)
{
    return [desc](INetwork& net) { return net.AddConvolution3dLayer(desc, "conv3d"); };
}

AddLayerFn Depthwise(const DepthwiseConvolution2dDescriptor& desc)
{
    return [desc](INetwork& net) { return net.AddDepthwiseConvolution2dLayer(desc, "depthwise"); };
}

/// TransposeConvolution2d takes its weights and bias as ConstTensors; the test's inputs are the layer's input 0.
AddLayerFn TransposeConv(const TransposeConvolution2dDescriptor& desc, const TestTensor& weights,
                         const TestTensor* bias = nullptr)
{
    return [desc, &weights, bias](INetwork& net) {
        TensorInfo wInfo = weights.m_Info;
        wInfo.SetConstant(true);
        Optional<ConstTensor> biasTensor;
        if (bias != nullptr)
        {
            TensorInfo bInfo = bias->m_Info;
            bInfo.SetConstant(true);
            biasTensor = ConstTensor(bInfo, bias->m_Data.data());
        }
        return net.AddTransposeConvolution2dLayer(desc, ConstTensor(wInfo, weights.m_Data.data()), biasTensor,
                                                  "transpose_conv");
    };
}

AddLayerFn FullyConnected(const FullyConnectedDescriptor& desc)
{
    return [desc](INetwork& net) { return net.AddFullyConnectedLayer(desc, "fc"); };
}

AddLayerFn BatchMatMul(const BatchMatMulDescriptor& desc)
{
    return [desc](INetwork& net) { return net.AddBatchMatMulLayer(desc, "bmm"); };
}

Pooling2dDescriptor PoolDesc(PoolingAlgorithm type, uint32_t poolH, uint32_t poolW, uint32_t strideY,
                             uint32_t strideX, DataLayout layout = DataLayout::NHWC)
{
    Pooling2dDescriptor desc;
    desc.m_PoolType = type;
    desc.m_PoolHeight = poolH;
    desc.m_PoolWidth = poolW;
    desc.m_StrideY = strideY;
    desc.m_StrideX = strideX;
    desc.m_DataLayout = layout;
    return desc;
}

AddLayerFn Pool(const Pooling2dDescriptor& desc)
{
    return [desc](INetwork& net) { return net.AddPooling2dLayer(desc, "pool"); };
}

TensorInfo F32(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Float32);
}

// 3x3 image 1..9 (row-major), one channel.
const std::vector<float> kOneToNine = {1, 2, 3, 4, 5, 6, 7, 8, 9};

} // namespace

//
// Convolution2d
//

TEST_P(LayerTest, Conv2dFloat32NhwcValid)
{
    // in = [[1,2,3],[4,5,6],[7,8,9]], kernel [[1,2],[3,4]], no padding, stride 1 -> 2x2:
    // (0,0) = 1*1 + 2*2 + 4*3 + 5*4 = 37; (0,1) = 2 + 6 + 15 + 24 = 47;
    // (1,0) = 4 + 10 + 21 + 32 = 67;     (1,1) = 5 + 12 + 24 + 36 = 77.
    TestTensor in = TestTensor::Float({1, 3, 3, 1}, kOneToNine);
    TestTensor w = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4}, true);
    ARMNN_RUN_LAYER(out, Conv(ConvDesc(DataLayout::NHWC)), {in, w}, {F32({1, 2, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {37, 47, 67, 77}));
}

TEST_P(LayerTest, Conv2dFloat32NchwTwoChannelsWithBias)
{
    // ch0 = [1,2,3,4], ch1 = [5,6,7,8]; 1x1 weights [O, I, 1, 1]: o0 = [1, 1], o1 = [1, -1]; bias [0.5, 10].
    // o0 = ch0 + ch1 + 0.5 = [6.5, 8.5, 10.5, 12.5]; o1 = ch0 - ch1 + 10 = [6, 6, 6, 6].
    TestTensor in = TestTensor::Float({1, 2, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8});
    TestTensor w = TestTensor::Float({2, 2, 1, 1}, {1, 1, 1, -1}, true);
    TestTensor b = TestTensor::Float({2}, {0.5f, 10.0f}, true);
    ARMNN_RUN_LAYER(out, Conv(ConvDesc(DataLayout::NCHW, true)), {in, w, b}, {F32({1, 2, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {6.5f, 8.5f, 10.5f, 12.5f, 6, 6, 6, 6}));
}

TEST_P(LayerTest, Conv2dFloat32NhwcWeightsLayoutIsOHWI)
{
    // One pixel with 2 channels [1, 10]; weights [O=2, 1, 1, I=2] = [[1, 2], [3, 4]] (O outermost, I innermost).
    // o0 = 1*1 + 10*2 = 21; o1 = 1*3 + 10*4 = 43.
    TestTensor in = TestTensor::Float({1, 1, 1, 2}, {1, 10});
    TestTensor w = TestTensor::Float({2, 1, 1, 2}, {1, 2, 3, 4}, true);
    ARMNN_RUN_LAYER(out, Conv(ConvDesc(DataLayout::NHWC)), {in, w}, {F32({1, 1, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {21, 43}));
}

TEST_P(LayerTest, Conv2dFloat32PaddingAndStride)
{
    // 3x3 ones kernel over 1..9 with padding 1 on every side and stride 2: out = (3 + 2 - 3) / 2 + 1 = 2.
    // Windows start at rows/cols -1 and 1; each sees a 2x2 corner of the input:
    // 1+2+4+5 = 12, 2+3+5+6 = 16, 4+5+7+8 = 24, 5+6+8+9 = 28.
    TestTensor in = TestTensor::Float({1, 3, 3, 1}, kOneToNine);
    TestTensor w = TestTensor::Float({1, 3, 3, 1}, std::vector<float>(9, 1.0f), true);
    Convolution2dDescriptor desc = ConvDesc(DataLayout::NHWC);
    desc.m_PadLeft = desc.m_PadRight = desc.m_PadTop = desc.m_PadBottom = 1;
    desc.m_StrideX = desc.m_StrideY = 2;
    ARMNN_RUN_LAYER(out, Conv(desc), {in, w}, {F32({1, 2, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {12, 16, 24, 28}));
}

TEST_P(LayerTest, Conv2dFloat32NchwAsymmetricPaddingAndStrides)
{
    // in = [[1,2,3],[4,5,6]], kernel 1x2 [1, 1], padLeft 1, strideX 2, strideY 1.
    // width out = (3 + 1 - 2) / 2 + 1 = 2, height out = 2.
    // Column windows start at -1 (pad + in[.][0]) and 1 (in[.][1] + in[.][2]): [1, 5], [4, 11].
    TestTensor in = TestTensor::Float({1, 1, 2, 3}, {1, 2, 3, 4, 5, 6});
    TestTensor w = TestTensor::Float({1, 1, 1, 2}, {1, 1}, true);
    Convolution2dDescriptor desc = ConvDesc(DataLayout::NCHW);
    desc.m_PadLeft = 1;
    desc.m_StrideX = 2;
    ARMNN_RUN_LAYER(out, Conv(desc), {in, w}, {F32({1, 1, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 5, 4, 11}));
}

TEST_P(LayerTest, Conv2dFloat32Dilation)
{
    // in[y][x] = 4y + x (4x4), kernel [[1,2],[3,4]] with dilation 2 (covers 3x3): out = (4 - 3) + 1 = 2.
    // out(y,x) = 1*in[y][x] + 2*in[y][x+2] + 3*in[y+2][x] + 4*in[y+2][x+2] = 10*(4y + x) + 2*2 + 3*8 + 4*10
    //          = 10*(4y + x) + 68 -> [68, 78, 108, 118].
    std::vector<float> values(16);
    for (int i = 0; i < 16; ++i)
    {
        values[static_cast<size_t>(i)] = static_cast<float>(i);
    }
    TestTensor in = TestTensor::Float({1, 4, 4, 1}, values);
    TestTensor w = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4}, true);
    Convolution2dDescriptor desc = ConvDesc(DataLayout::NHWC);
    desc.m_DilationX = desc.m_DilationY = 2;
    ARMNN_RUN_LAYER(out, Conv(desc), {in, w}, {F32({1, 2, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {68, 78, 108, 118}));
}

TEST_P(LayerTest, Conv2dFloat32BatchOfTwoAndWeightsFromInput)
{
    // Weights are a runtime input here, not a constant. 1x1 kernel [2] over batches [1, 2] and [3, 4]:
    // [2, 4, 6, 8].
    TestTensor in = TestTensor::Float({2, 1, 2, 1}, {1, 2, 3, 4});
    TestTensor w = TestTensor::Float({1, 1, 1, 1}, {2});
    ARMNN_RUN_LAYER(out, Conv(ConvDesc(DataLayout::NHWC)), {in, w}, {F32({2, 1, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {2, 4, 6, 8}));
}

TEST_P(LayerTest, Conv2dFloat16)
{
    // Same arithmetic as Conv2dFloat32NhwcValid, all tensors Float16 (every value is exact in half precision):
    // [37, 47, 67, 77], plus bias 0.5.
    TestTensor in = Half({1, 3, 3, 1}, kOneToNine);
    TestTensor w = Half({1, 2, 2, 1}, {1, 2, 3, 4}, true);
    TestTensor b = Half({1}, {0.5f}, true);
    ARMNN_RUN_LAYER(out, Conv(ConvDesc(DataLayout::NHWC, true)), {in, w, b},
                    {TensorInfo({1, 2, 2, 1}, DataType::Float16)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {37.5f, 47.5f, 67.5f, 77.5f}));
}

TEST_P(LayerTest, Conv2dQAsymmU8PerTensor)
{
    // Input scale 0.5, offset 10: reals [1, 2, 3, 4] -> q [12, 14, 16, 18].
    // Weights QAsymmU8 scale 0.25, offset 128: reals [1, -1, 0.5, 2] -> q [132, 124, 130, 136].
    // Integer accumulator: (2*4) + (4*-4) + (6*2) + (8*8) = 68; bias q 2 (scale 0.5*0.25 = 0.125) -> 70.
    // Real: 70 * 0.125 = 8.75; output scale 0.3, offset 3: 8.75 / 0.3 = 29.17 -> 29 + 3 = 32.
    TestTensor in = TestTensor::Quantized({1, 2, 2, 1}, DataType::QAsymmU8, 0.5f, 10, {1, 2, 3, 4});
    TensorInfo wInfo({1, 2, 2, 1}, DataType::QAsymmU8, 0.25f, 128, true);
    TestTensor w = TestTensor::Of<uint8_t>(wInfo, {132, 124, 130, 136}, true);
    TestTensor b = TestTensor::Of<int32_t>(TensorInfo({1}, DataType::Signed32, 0.125f, 0, true), {2}, true);
    ARMNN_RUN_LAYER(out, Conv(ConvDesc(DataLayout::NHWC, true)), {in, w, b},
                    {TensorInfo({1, 1, 1, 1}, DataType::QAsymmU8, 0.3f, 3)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{32}));
}

TEST_P(LayerTest, Conv2dQAsymmS8PerChannelWeights)
{
    // Two pixels of 2 channels, input scale 0.5, offset -1: reals [1, 2 | -1, 0.5] -> q [1, 3, -3, 0].
    // 1x1 weights QSymmS8 [O=2, 1, 1, I=2], per-channel scales [0.5, 0.25] along dimension 0:
    //   o0 reals [1, -1] -> q [2, -2]; o1 reals [0.5, 1] -> q [2, 4].
    // Bias Signed32 per-channel scales [0.5*0.5, 0.5*0.25] = [0.25, 0.125], q [2, -2] -> reals [0.5, -0.25].
    // pixel 0: o0 = 1 - 2 + 0.5 = -0.5;    o1 = 0.5 + 2 - 0.25 = 2.25
    // pixel 1: o0 = -1 - 0.5 + 0.5 = -1.0; o1 = -0.5 + 0.5 - 0.25 = -0.25
    // Output scale 0.15, offset 5: -3.33 -> -3 -> 2; 15 -> 20; -6.67 -> -7 -> -2; -1.67 -> -2 -> 3.
    TestTensor in = TestTensor::Quantized({1, 1, 2, 2}, DataType::QAsymmS8, 0.5f, -1, {1, 2, -1, 0.5f});
    TensorInfo wInfo({2, 1, 1, 2}, DataType::QSymmS8, std::vector<float>{0.5f, 0.25f}, 0, true);
    TestTensor w = TestTensor::Of<int8_t>(wInfo, {2, -2, 2, 4}, true);
    TensorInfo bInfo({2}, DataType::Signed32, std::vector<float>{0.25f, 0.125f}, 0, true);
    TestTensor b = TestTensor::Of<int32_t>(bInfo, {2, -2}, true);
    ARMNN_RUN_LAYER(out, Conv(ConvDesc(DataLayout::NHWC, true)), {in, w, b},
                    {TensorInfo({1, 1, 2, 2}, DataType::QAsymmS8, 0.15f, 5)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{2, 20, -2, 3}));
}

TEST_P(LayerTest, Conv2dQAsymmU8NchwPerChannelQSymmS8Weights)
{
    // NCHW, 2 input channels of one pixel: scale 0.1, offset 128, reals [1.0, -0.5] -> q [138, 123].
    // Weights [O=2, I=2, 1, 1] QSymmS8 per-channel scales [0.1, 0.2]: q [10, 0 | -5, 5] -> reals [1, 0 | -1, 1].
    // o0 = 1.0; o1 = -1.0 - 0.5 = -1.5. Output scale 0.07, offset 100. TensorFlow Lite's integer arithmetic:
    // accumulators [10 * 10, 10 * -5 + -5 * 5] = [100, -75]; multipliers 0.1 * 0.1 / 0.07 = 0.142857 and
    // 0.1 * 0.2 / 0.07 = 0.285714 = (1227133513, shift -1). o0: 14.29 -> 14 -> 114. o1: the high multiply gives
    // -75 * 0.571429 = -42.86 -> -43, the shift -43 / 2 = -21.5 -> -22 (two roundings), so 78, not 79.
    TestTensor in = TestTensor::Quantized({1, 2, 1, 1}, DataType::QAsymmU8, 0.1f, 128, {1.0f, -0.5f});
    TensorInfo wInfo({2, 2, 1, 1}, DataType::QSymmS8, std::vector<float>{0.1f, 0.2f}, 0, true);
    TestTensor w = TestTensor::Of<int8_t>(wInfo, {10, 0, -5, 5}, true);
    ARMNN_RUN_LAYER(out, Conv(ConvDesc(DataLayout::NCHW)), {in, w},
                    {TensorInfo({1, 2, 1, 1}, DataType::QAsymmU8, 0.07f, 100)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{114, 78}));
}

TEST_P(LayerTest, Conv2dQSymmS16PerChannelWeights)
{
    // TensorFlow Lite's 16x8: QSymmS16 activations (zero point 0), QSymmS8 per-channel weights, int32 bias.
    // Two pixels of 2 channels, input scale 0.01: reals [1, 2 | -1, 0.5] -> q [100, 200, -100, 50].
    // 1x1 weights [O=2, 1, 1, I=2], per-channel scales [0.5, 0.25]: q [2, -2 | 2, 4] -> reals [1, -1 | 0.5, 1].
    // Bias scales [0.01*0.5, 0.01*0.25] = [0.005, 0.0025], q [100, -100] -> reals [0.5, -0.25].
    // pixel 0: o0 = 1 - 2 + 0.5 = -0.5;    o1 = 0.5 + 2 - 0.25 = 2.25
    // pixel 1: o0 = -1 - 0.5 + 0.5 = -1.0; o1 = -0.5 + 0.5 - 0.25 = -0.25
    // Output scale 0.003: -166.67 -> -167; 750; -333.33 -> -333; -83.33 -> -83.
    TestTensor in = TestTensor::Quantized({1, 1, 2, 2}, DataType::QSymmS16, 0.01f, 0, {1, 2, -1, 0.5f});
    TensorInfo wInfo({2, 1, 1, 2}, DataType::QSymmS8, std::vector<float>{0.5f, 0.25f}, 0, true);
    TestTensor w = TestTensor::Of<int8_t>(wInfo, {2, -2, 2, 4}, true);
    TensorInfo bInfo({2}, DataType::Signed32, std::vector<float>{0.005f, 0.0025f}, 0, true);
    TestTensor b = TestTensor::Of<int32_t>(bInfo, {100, -100}, true);
    ARMNN_RUN_LAYER(out, Conv(ConvDesc(DataLayout::NHWC, true)), {in, w, b},
                    {TensorInfo({1, 1, 2, 2}, DataType::QSymmS16, 0.003f, 0)});
    EXPECT_EQ(out[0].As<int16_t>(), (std::vector<int16_t>{-167, 750, -333, -83}));
}

//
// Convolution3d (weights [D, H, W, I, O] in both layouts)
//

// 2x2x2 cube 1..8 (d, h, w row-major), one channel.
const std::vector<float> kOneToEight = {1, 2, 3, 4, 5, 6, 7, 8};

TEST_P(LayerTest, Conv3dFloat32NdhwcValid)
{
    // The 2x2x2 kernel 1..8 covers the whole 2x2x2 input 1..8: 1*1 + 2*2 + ... + 8*8 = 204.
    TestTensor in = TestTensor::Float({1, 2, 2, 2, 1}, kOneToEight);
    TestTensor w = TestTensor::Float({2, 2, 2, 1, 1}, kOneToEight, true);
    ARMNN_RUN_LAYER(out, Conv3d(Conv3dDesc(DataLayout::NDHWC)), {in, w}, {F32({1, 1, 1, 1, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {204}));
}

TEST_P(LayerTest, Conv3dFloat32NcdhwTwoChannelsWithBias)
{
    // NCDHW [1, 2, 1, 1, 2]: ch0 = [1, 2], ch1 = [3, 4] along W. 1x1x1 weights [1, 1, 1, I=2, O=2] (I before O):
    // w[i0] = [1, 10], w[i1] = [100, -1]; bias [0.5, -0.5].
    // o0 = [1 + 300 + 0.5, 2 + 400 + 0.5] = [301.5, 402.5]; o1 = [10 - 3 - 0.5, 20 - 4 - 0.5] = [6.5, 15.5].
    TestTensor in = TestTensor::Float({1, 2, 1, 1, 2}, {1, 2, 3, 4});
    TestTensor w = TestTensor::Float({1, 1, 1, 2, 2}, {1, 10, 100, -1}, true);
    TestTensor b = TestTensor::Float({2}, {0.5f, -0.5f}, true);
    ARMNN_RUN_LAYER(out, Conv3d(Conv3dDesc(DataLayout::NCDHW, true)), {in, w, b}, {F32({1, 2, 1, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {301.5f, 402.5f, 6.5f, 15.5f}));
}

TEST_P(LayerTest, Conv3dFloat32NdhwcChannelsInnermost)
{
    // NDHWC, two voxels along W with channels [1, 3] and [2, 4]: the same values as the NCDHW test above, so the
    // same results, interleaved: [301.5, 6.5, 402.5, 15.5].
    TestTensor in = TestTensor::Float({1, 1, 1, 2, 2}, {1, 3, 2, 4});
    TestTensor w = TestTensor::Float({1, 1, 1, 2, 2}, {1, 10, 100, -1}, true);
    TestTensor b = TestTensor::Float({2}, {0.5f, -0.5f}, true);
    ARMNN_RUN_LAYER(out, Conv3d(Conv3dDesc(DataLayout::NDHWC, true)), {in, w, b}, {F32({1, 1, 1, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {301.5f, 6.5f, 402.5f, 15.5f}));
}

TEST_P(LayerTest, Conv3dFloat32DepthPaddingStrideDilation)
{
    // Depth 4: [1, 2, 3, 4]; kernel [1, 10] along depth with dilation 2 (3 wide), pad front 1, back 1, stride 2:
    // out = (4 + 2 - 3) / 2 + 1 = 2. Window 0 taps depth -1 (padding) and 1: 10 * 2 = 20; window 1 taps depth 1 and
    // 3: 2 + 10 * 4 = 42.
    TestTensor in = TestTensor::Float({1, 4, 1, 1, 1}, {1, 2, 3, 4});
    TestTensor w = TestTensor::Float({2, 1, 1, 1, 1}, {1, 10}, true);
    Convolution3dDescriptor desc = Conv3dDesc(DataLayout::NDHWC);
    desc.m_PadFront = desc.m_PadBack = 1;
    desc.m_StrideZ = 2;
    desc.m_DilationZ = 2;
    ARMNN_RUN_LAYER(out, Conv3d(desc), {in, w}, {F32({1, 2, 1, 1, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {20, 42}));
}

TEST_P(LayerTest, Conv3dFloat32HeightWidthPaddingAndStride)
{
    // Depth 1, 3x3 plane 1..9, 1x3x3 ones kernel, padding 1 on every side of H and W, stride 2 on both:
    // out 2x2, each window a 2x2 corner: 1+2+4+5 = 12, 2+3+5+6 = 16, 4+5+7+8 = 24, 5+6+8+9 = 28.
    // A second batch, the plane times -1, checks the batch offset.
    std::vector<float> values = kOneToNine;
    for (float v : kOneToNine)
    {
        values.push_back(-v);
    }
    TestTensor in = TestTensor::Float({2, 1, 3, 3, 1}, values);
    TestTensor w = TestTensor::Float({1, 3, 3, 1, 1}, std::vector<float>(9, 1.0f), true);
    Convolution3dDescriptor desc = Conv3dDesc(DataLayout::NDHWC);
    desc.m_PadLeft = desc.m_PadRight = desc.m_PadTop = desc.m_PadBottom = 1;
    desc.m_StrideX = desc.m_StrideY = 2;
    ARMNN_RUN_LAYER(out, Conv3d(desc), {in, w}, {F32({2, 1, 2, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {12, 16, 24, 28, -12, -16, -24, -28}));
}

TEST_P(LayerTest, Conv3dFloat16)
{
    // Conv3dFloat32NdhwcValid in half precision (every value exact), plus bias 0.5: 204.5.
    TestTensor in = Half({1, 2, 2, 2, 1}, kOneToEight);
    TestTensor w = Half({2, 2, 2, 1, 1}, kOneToEight, true);
    TestTensor b = Half({1}, {0.5f}, true);
    ARMNN_RUN_LAYER(out, Conv3d(Conv3dDesc(DataLayout::NDHWC, true)), {in, w, b},
                    {TensorInfo({1, 1, 1, 1, 1}, DataType::Float16)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {204.5f}));
}

TEST_P(LayerTest, Conv3dQAsymmU8PerTensor)
{
    // Conv2dQAsymmU8PerTensor's numbers as a 1x2x2 volume: input scale 0.5, offset 10, reals [1, 2, 3, 4];
    // weights scale 0.25, offset 128, q [132, 124, 130, 136]; bias q 2. Accumulator 68 + 2 = 70 -> 8.75 real;
    // output scale 0.3, offset 3: 29.17 -> 29 + 3 = 32.
    TestTensor in = TestTensor::Quantized({1, 1, 2, 2, 1}, DataType::QAsymmU8, 0.5f, 10, {1, 2, 3, 4});
    TensorInfo wInfo({1, 2, 2, 1, 1}, DataType::QAsymmU8, 0.25f, 128, true);
    TestTensor w = TestTensor::Of<uint8_t>(wInfo, {132, 124, 130, 136}, true);
    TestTensor b = TestTensor::Of<int32_t>(TensorInfo({1}, DataType::Signed32, 0.125f, 0, true), {2}, true);
    ARMNN_RUN_LAYER(out, Conv3d(Conv3dDesc(DataLayout::NDHWC, true)), {in, w, b},
                    {TensorInfo({1, 1, 1, 1, 1}, DataType::QAsymmU8, 0.3f, 3)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{32}));
}

TEST_P(LayerTest, Conv3dQAsymmS8PerChannelWeights)
{
    // Conv2dQAsymmS8PerChannelWeights's numbers: two voxels of 2 channels, input scale 0.5, offset -1,
    // reals [1, 2 | -1, 0.5]. Weights [1, 1, 1, I=2, O=2] QSymmS8 with scales [0.5, 0.25] along dimension 4:
    // reals w[i0] = [1, 0.5], w[i1] = [-1, 1] -> q [2, 2, -2, 4]. Bias scales [0.25, 0.125], q [2, -2].
    // voxel 0: o0 = 1 - 2 + 0.5 = -0.5, o1 = 0.5 + 2 - 0.25 = 2.25; voxel 1: o0 = -1.0, o1 = -0.25.
    // Output scale 0.15, offset 5: [2, 20, -2, 3].
    TestTensor in = TestTensor::Quantized({1, 1, 1, 2, 2}, DataType::QAsymmS8, 0.5f, -1, {1, 2, -1, 0.5f});
    TensorInfo wInfo({1, 1, 1, 2, 2}, DataType::QSymmS8, std::vector<float>{0.5f, 0.25f}, 4, true);
    TestTensor w = TestTensor::Of<int8_t>(wInfo, {2, 2, -2, 4}, true);
    TensorInfo bInfo({2}, DataType::Signed32, std::vector<float>{0.25f, 0.125f}, 0, true);
    TestTensor b = TestTensor::Of<int32_t>(bInfo, {2, -2}, true);
    ARMNN_RUN_LAYER(out, Conv3d(Conv3dDesc(DataLayout::NDHWC, true)), {in, w, b},
                    {TensorInfo({1, 1, 1, 2, 2}, DataType::QAsymmS8, 0.15f, 5)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{2, 20, -2, 3}));
}

//
// DepthwiseConvolution2d
//

TEST_P(LayerTest, DepthwiseNhwcWithBias)
{
    // Pixels (channel 0, channel 1): (1,10) (2,20) / (3,30) (4,40). Weights [1, 2, 2, 2] = w[ky][kx][c]:
    // c0 taps [1, 2, 3, 4], c1 taps [1, 0, 0, -1]; bias [1, 2].
    // c0 = 1*1 + 2*2 + 3*3 + 4*4 + 1 = 31; c1 = 10 - 40 + 2 = -28.
    TestTensor in = TestTensor::Float({1, 2, 2, 2}, {1, 10, 2, 20, 3, 30, 4, 40});
    TestTensor w = TestTensor::Float({1, 2, 2, 2}, {1, 1, 2, 0, 3, 0, 4, -1}, true);
    TestTensor b = TestTensor::Float({2}, {1, 2}, true);
    DepthwiseConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_BiasEnabled = true;
    ARMNN_RUN_LAYER(out, Depthwise(desc), {in, w, b}, {F32({1, 1, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {31, -28}));
}

TEST_P(LayerTest, DepthwiseNchwMultiplier2)
{
    // NCHW, 2 channels of width 2: ch0 [1, 2], ch1 [3, 4]; depth multiplier 2, 1x1 weights [1, 1, 1, 4] = [1,2,3,4].
    // Output channel c reads input channel c / 2: out0 = 1*ch0 = [1, 2]; out1 = 2*ch0 = [2, 4];
    // out2 = 3*ch1 = [9, 12]; out3 = 4*ch1 = [12, 16].
    TestTensor in = TestTensor::Float({1, 2, 1, 2}, {1, 2, 3, 4});
    TestTensor w = TestTensor::Float({1, 1, 1, 4}, {1, 2, 3, 4}, true);
    DepthwiseConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NCHW;
    ARMNN_RUN_LAYER(out, Depthwise(desc), {in, w}, {F32({1, 4, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 2, 4, 9, 12, 12, 16}));
}

TEST_P(LayerTest, DepthwisePaddingStrideDilation)
{
    // in[r][c] = 3r + c + 1 (3x3), kernel [[1,2],[3,4]] dilated by 2 (taps at offsets 0 and 2), padding 1, stride 2:
    // out = (3 + 2 - 3) / 2 + 1 = 2. Windows start at -1 and 1, so only the centre (1,1) = 5 is ever inside:
    // start (-1,-1): tap (1,1) -> 4*5 = 20; (-1,1): tap (1,0) -> 3*5 = 15;
    // (1,-1): tap (0,1) -> 2*5 = 10;        (1,1): tap (0,0) -> 1*5 = 5.
    TestTensor in = TestTensor::Float({1, 3, 3, 1}, kOneToNine);
    TestTensor w = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4}, true);
    DepthwiseConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_PadLeft = desc.m_PadRight = desc.m_PadTop = desc.m_PadBottom = 1;
    desc.m_StrideX = desc.m_StrideY = 2;
    desc.m_DilationX = desc.m_DilationY = 2;
    ARMNN_RUN_LAYER(out, Depthwise(desc), {in, w}, {F32({1, 2, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {20, 15, 10, 5}));
}

TEST_P(LayerTest, DepthwiseQAsymmU8PerChannelWeights)
{
    // Input scale 0.5, offset 100: reals [2, 3] -> q [104, 106].
    // Weights [1, 1, 1, 2] QSymmS8, per-channel scales [0.5, 0.25] along dimension 3: q [3, -3] -> [1.5, -0.75].
    // out = [2*1.5, 3*-0.75] = [3, -2.25]; output scale 0.2, offset 50: 15 -> 65; -11.25 -> -11 -> 39.
    TestTensor in = TestTensor::Quantized({1, 1, 1, 2}, DataType::QAsymmU8, 0.5f, 100, {2, 3});
    TensorInfo wInfo({1, 1, 1, 2}, DataType::QSymmS8, std::vector<float>{0.5f, 0.25f}, 3, true);
    TestTensor w = TestTensor::Of<int8_t>(wInfo, {3, -3}, true);
    DepthwiseConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    ARMNN_RUN_LAYER(out, Depthwise(desc), {in, w}, {TensorInfo({1, 1, 1, 2}, DataType::QAsymmU8, 0.2f, 50)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{65, 39}));
}

TEST_P(LayerTest, DepthwiseQSymmS16PerChannelWeights)
{
    // 16x8: input scale 0.5, reals [200, 300] -> q [400, 600] (beyond int8's range).
    // Weights [1, 1, 1, 2] QSymmS8, per-channel scales [0.5, 0.25] along dimension 3: q [3, -3] -> [1.5, -0.75].
    // Bias scales [0.25, 0.125]: q [4, -8] -> [1, -1]. out = [300 + 1, -225 - 1] = [301, -226].
    // Output scale 0.01: [30100, -22600].
    TestTensor in = TestTensor::Quantized({1, 1, 1, 2}, DataType::QSymmS16, 0.5f, 0, {200, 300});
    TensorInfo wInfo({1, 1, 1, 2}, DataType::QSymmS8, std::vector<float>{0.5f, 0.25f}, 3, true);
    TestTensor w = TestTensor::Of<int8_t>(wInfo, {3, -3}, true);
    TensorInfo bInfo({2}, DataType::Signed32, std::vector<float>{0.25f, 0.125f}, 0, true);
    TestTensor b = TestTensor::Of<int32_t>(bInfo, {4, -8}, true);
    DepthwiseConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_BiasEnabled = true;
    ARMNN_RUN_LAYER(out, Depthwise(desc), {in, w, b}, {TensorInfo({1, 1, 1, 2}, DataType::QSymmS16, 0.01f, 0)});
    EXPECT_EQ(out[0].As<int16_t>(), (std::vector<int16_t>{30100, -22600}));
}

TEST_P(LayerTest, DepthwiseFloat16)
{
    // Two channels [1, 2] and [3, 4] (NHWC, 1x2 image), kernel 1x2 taps c0 [1, 1], c1 [2, -1]:
    // c0 = 1 + 3 = 4; c1 = 2*2 - 4 = 0.
    TestTensor in = Half({1, 1, 2, 2}, {1, 2, 3, 4});
    TestTensor w = Half({1, 1, 2, 2}, {1, 2, 1, -1}, true);
    DepthwiseConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    ARMNN_RUN_LAYER(out, Depthwise(desc), {in, w}, {TensorInfo({1, 1, 1, 2}, DataType::Float16)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {4, 0}));
}

//
// TransposeConvolution2d
//

TEST_P(LayerTest, TransposeConvNhwcStride2)
{
    // Stride 2 with a 2x2 kernel [[1,2],[3,4]]: each input value v writes v * kernel into its own 2x2 block of
    // the 4x4 output (2 * (2 - 1) + 2 = 4):
    // in 1 -> [[1,2],[3,4]], in 2 -> [[2,4],[6,8]], in 3 -> [[3,6],[9,12]], in 4 -> [[4,8],[12,16]].
    TestTensor in = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4});
    TestTensor w = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4});
    TransposeConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_StrideX = desc.m_StrideY = 2;
    ARMNN_RUN_LAYER(out, TransposeConv(desc, w), {in}, {F32({1, 4, 4, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 2, 4, 3, 4, 6, 8, 3, 6, 4, 8, 9, 12, 12, 16}));
}

TEST_P(LayerTest, TransposeConvNchwOverlapPaddingBias)
{
    // in [[1,2],[3,4]], stride 1, 2x2 kernels [O=2, I=1, 2, 2]: o0 all ones, o1 = [[1,0],[0,0]]; bias [1, 2].
    // Full 3x3 results: o0 = [[1,3,2],[4,10,6],[3,7,4]], o1 = [[1,2,0],[3,4,0],[0,0,0]].
    // padTop 1 drops the first row: out = 1 * (2 - 1) + 2 - 1 = 2 rows by 3 columns.
    // o0 + 1 = [5,11,7, 4,8,5]; o1 + 2 = [5,6,2, 2,2,2].
    TestTensor in = TestTensor::Float({1, 1, 2, 2}, {1, 2, 3, 4});
    TestTensor w = TestTensor::Float({2, 1, 2, 2}, {1, 1, 1, 1, 1, 0, 0, 0});
    TestTensor b = TestTensor::Float({2}, {1, 2});
    TransposeConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NCHW;
    desc.m_StrideX = desc.m_StrideY = 1;
    desc.m_PadTop = 1;
    desc.m_BiasEnabled = true;
    ARMNN_RUN_LAYER(out, TransposeConv(desc, w, &b), {in}, {F32({1, 2, 2, 3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {5, 11, 7, 4, 8, 5, 5, 6, 2, 2, 2, 2}));
}

TEST_P(LayerTest, TransposeConvExplicitOutputShape)
{
    // 1x1 kernel [2], stride 2: the computed size is 2 * (2 - 1) + 1 = 3; the explicit output shape asks for 4
    // (allowed: up to stride - 1 more). Inputs land at rows/cols 0 and 2; row and column 3 get nothing.
    TestTensor in = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4});
    TestTensor w = TestTensor::Float({1, 1, 1, 1}, {2});
    TransposeConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_StrideX = desc.m_StrideY = 2;
    desc.m_OutputShapeEnabled = true;
    desc.m_OutputShape = {1, 4, 4, 1};
    ARMNN_RUN_LAYER(out, TransposeConv(desc, w), {in}, {F32({1, 4, 4, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {2, 0, 4, 0, 0, 0, 0, 0, 6, 0, 8, 0, 0, 0, 0, 0}));
}

TEST_P(LayerTest, TransposeConvQAsymmS8)
{
    // Input scale 0.5, offset 0: reals [1, -2] -> q [2, -4]. Weights QSymmS8 scale 0.25: q [4, 2] -> [1, 0.5].
    // Width out = 1 * (2 - 1) + 2 = 3: [1*1, 1*0.5 + -2*1, -2*0.5] = [1, -1.5, -1].
    // Output scale 0.3, offset 0. TensorFlow Lite's integer arithmetic: accumulators [2 * 4, 2 * 2 + -4 * 4,
    // -4 * 2] = [8, -12, -8], multiplier 0.5 * 0.25 / 0.3 = 0.416667 = (1789569707, shift -1): the high multiply
    // gives 6.67 -> 7, -10, -6.67 -> -7; halving rounds ties away from zero: 3.5 -> 4, -5, -3.5 -> -4
    // (a single rounding of 3.33 and -3.33 would give 3 and -3).
    TestTensor in = TestTensor::Quantized({1, 1, 2, 1}, DataType::QAsymmS8, 0.5f, 0, {1, -2});
    TestTensor w = TestTensor::Of<int8_t>(TensorInfo({1, 1, 2, 1}, DataType::QSymmS8, 0.25f, 0), {4, 2});
    TransposeConvolution2dDescriptor desc;
    desc.m_DataLayout = DataLayout::NHWC;
    desc.m_StrideX = desc.m_StrideY = 1;
    ARMNN_RUN_LAYER(out, TransposeConv(desc, w), {in}, {TensorInfo({1, 1, 3, 1}, DataType::QAsymmS8, 0.3f, 0)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{4, -5, -4}));
}

//
// FullyConnected (beyond BasicLayerTests)
//

TEST_P(LayerTest, FullyConnectedNonTransposedWeights)
{
    // x = [1, 2]; W [in=2, out=3] = [[1, 0.5, 2], [0, -1, 3]]: y = [1, 0.5 - 2, 2 + 6] = [1, -1.5, 8].
    TestTensor x = TestTensor::Float({1, 2}, {1, 2});
    TestTensor w = TestTensor::Float({2, 3}, {1, 0.5f, 2, 0, -1, 3}, true);
    ARMNN_RUN_LAYER(out, FullyConnected(FullyConnectedDescriptor()), {x, w}, {F32({1, 3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, -1.5f, 8}));
}

TEST_P(LayerTest, FullyConnectedRank4InputFlattensToBatches)
{
    // Input [2, 1, 1, 2] is 2 rows of 2: [1, 2] and [3, -1]; W [out=1, in=2] = [2, 1]: y = [[4], [5]].
    TestTensor x = TestTensor::Float({2, 1, 1, 2}, {1, 2, 3, -1});
    TestTensor w = TestTensor::Float({1, 2}, {2, 1}, true);
    FullyConnectedDescriptor desc;
    desc.m_TransposeWeightMatrix = true;
    ARMNN_RUN_LAYER(out, FullyConnected(desc), {x, w}, {F32({2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {4, 5}));
}

TEST_P(LayerTest, FullyConnectedQAsymmU8)
{
    // x scale 0.5, offset 128: reals [1, -2] -> q [130, 124]. W QAsymmU8 scale 0.5, offset 120: q [124, 122] -> [2, 1].
    // Bias Signed32 scale 0.25: q 3 -> 0.75. y = 1*2 - 2*1 + 0.75 = 0.75.
    // Output scale 0.2, offset 100: 3.75 -> 4 -> 104.
    TestTensor x = TestTensor::Quantized({1, 2}, DataType::QAsymmU8, 0.5f, 128, {1, -2});
    TestTensor w = TestTensor::Of<uint8_t>(TensorInfo({1, 2}, DataType::QAsymmU8, 0.5f, 120, true), {124, 122}, true);
    TestTensor b = TestTensor::Of<int32_t>(TensorInfo({1}, DataType::Signed32, 0.25f, 0, true), {3}, true);
    FullyConnectedDescriptor desc;
    desc.m_TransposeWeightMatrix = true;
    desc.m_BiasEnabled = true;
    ARMNN_RUN_LAYER(out, FullyConnected(desc), {x, w, b}, {TensorInfo({1, 1}, DataType::QAsymmU8, 0.2f, 100)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{104}));
}

TEST_P(LayerTest, FullyConnectedQSymmS16SaturatesToInt16)
{
    // 16x8: x scale 0.002, reals [10, -20, 30] -> q [5000, -10000, 15000].
    // W [2, 3] QSymmS8 scale 0.1: q [10, 5, -2 | 127, 0, 127] -> [1, 0.5, -0.2 | 12.7, 0, 12.7].
    // Bias scale 0.002 * 0.1 = 0.0002: q [5000, 0] -> [1, 0].
    // y0 = 10 - 10 - 6 + 1 = -5; y1 = 127 + 381 = 508. Output scale 0.01: -500; 50800 saturates to 32767.
    TestTensor x = TestTensor::Quantized({1, 3}, DataType::QSymmS16, 0.002f, 0, {10, -20, 30});
    TestTensor w = TestTensor::Of<int8_t>(TensorInfo({2, 3}, DataType::QSymmS8, 0.1f, 0, true),
                                          {10, 5, -2, 127, 0, 127}, true);
    TestTensor b = TestTensor::Of<int32_t>(TensorInfo({2}, DataType::Signed32, 0.0002f, 0, true), {5000, 0}, true);
    FullyConnectedDescriptor desc;
    desc.m_TransposeWeightMatrix = true;
    desc.m_BiasEnabled = true;
    ARMNN_RUN_LAYER(out, FullyConnected(desc), {x, w, b}, {TensorInfo({1, 2}, DataType::QSymmS16, 0.01f, 0)});
    EXPECT_EQ(out[0].As<int16_t>(), (std::vector<int16_t>{-500, 32767}));
}

TEST_P(LayerTest, FullyConnectedQSymmS16Int64Bias)
{
    // 16x8 with a Signed64 bias (what the TFLite converter writes) beyond int32's range: x scale 0.5, q [2] -> 1;
    // W QSymmS8 scale 0.5, q [2] -> 1; bias scale 0.25, q 5000000000 -> 1.25e9. y = 1 + 1.25e9; output scale 1e5:
    // 12500.00001 -> 12500.
    TestTensor x = TestTensor::Of<int16_t>(TensorInfo({1, 1}, DataType::QSymmS16, 0.5f, 0), {2});
    TestTensor w = TestTensor::Of<int8_t>(TensorInfo({1, 1}, DataType::QSymmS8, 0.5f, 0, true), {2}, true);
    TestTensor b = TestTensor::Of<int64_t>(TensorInfo({1}, DataType::Signed64, 0.25f, 0, true), {5000000000}, true);
    FullyConnectedDescriptor desc;
    desc.m_TransposeWeightMatrix = true;
    desc.m_BiasEnabled = true;
    ARMNN_RUN_LAYER(out, FullyConnected(desc), {x, w, b}, {TensorInfo({1, 1}, DataType::QSymmS16, 1e5f, 0)});
    EXPECT_EQ(out[0].As<int16_t>(), (std::vector<int16_t>{12500}));
}

TEST_P(LayerTest, FullyConnectedFloat16Weights)
{
    // Float32 input with Float16 weights [0.5, 0.25] (exact in half): y = 1*0.5 + 2*0.25 = 1.
    TestTensor x = TestTensor::Float({1, 2}, {1, 2});
    TestTensor w = Half({1, 2}, {0.5f, 0.25f}, true);
    FullyConnectedDescriptor desc;
    desc.m_TransposeWeightMatrix = true;
    ARMNN_RUN_LAYER(out, FullyConnected(desc), {x, w}, {F32({1, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1}));
}

TEST_P(LayerTest, FullyConnectedWeightsFromInputLayer)
{
    // Non-constant weights fed at run time: x = [1, 2, 3], W [out=2, in=3] = [[1, 1, 1], [0, -1, 2]]: y = [6, 4].
    TestTensor x = TestTensor::Float({1, 3}, {1, 2, 3});
    TestTensor w = TestTensor::Float({2, 3}, {1, 1, 1, 0, -1, 2});
    FullyConnectedDescriptor desc;
    desc.m_TransposeWeightMatrix = true;
    desc.m_ConstantWeights = false;
    ARMNN_RUN_LAYER(out, FullyConnected(desc), {x, w}, {F32({1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {6, 4}));
}

//
// BatchMatMul
//

TEST_P(LayerTest, BatchMatMul2d)
{
    // [[1,2,3],[4,5,6]] x [[1,0],[0,1],[1,1]] = [[1+3, 2+3], [4+6, 5+6]] = [[4,5],[10,11]].
    TestTensor x = TestTensor::Float({2, 3}, {1, 2, 3, 4, 5, 6});
    TestTensor y = TestTensor::Float({3, 2}, {1, 0, 0, 1, 1, 1});
    ARMNN_RUN_LAYER(out, BatchMatMul(BatchMatMulDescriptor()), {x, y}, {F32({2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {4, 5, 10, 11}));
}

TEST_P(LayerTest, BatchMatMulTransposeYBroadcastsBatch)
{
    // X [2, 1, 2]: batches [[1,2]] and [[3,4]]; Y [2, 2] = [[1,2],[3,4]] transposed -> [[1,3],[2,4]], shared by
    // both batches. b0: [1 + 4, 3 + 8] = [5, 11]; b1: [3 + 8, 9 + 16] = [11, 25].
    TestTensor x = TestTensor::Float({2, 1, 2}, {1, 2, 3, 4});
    TestTensor y = TestTensor::Float({2, 2}, {1, 2, 3, 4});
    ARMNN_RUN_LAYER(out, BatchMatMul(BatchMatMulDescriptor(false, true)), {x, y}, {F32({2, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {5, 11, 11, 25}));
}

TEST_P(LayerTest, BatchMatMulBothBatchesBroadcast)
{
    // X [2, 1, 1, 1] = batches [1], [2]; Y [1, 3, 1, 1] = batches [10], [20], [30] -> out [2, 3, 1, 1]:
    // out[i][j] = x_i * y_j = [10, 20, 30, 20, 40, 60].
    TestTensor x = TestTensor::Float({2, 1, 1, 1}, {1, 2});
    TestTensor y = TestTensor::Float({1, 3, 1, 1}, {10, 20, 30});
    ARMNN_RUN_LAYER(out, BatchMatMul(BatchMatMulDescriptor()), {x, y}, {F32({2, 3, 1, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {10, 20, 30, 20, 40, 60}));
}

TEST_P(LayerTest, BatchMatMulAdjointX)
{
    // Adjoint of a real matrix is its transpose: [[1,2],[3,4]]^T = [[1,3],[2,4]]; times [[1],[1]] = [[4],[6]].
    TestTensor x = TestTensor::Float({2, 2}, {1, 2, 3, 4});
    TestTensor y = TestTensor::Float({2, 1}, {1, 1});
    ARMNN_RUN_LAYER(out, BatchMatMul(BatchMatMulDescriptor(false, false, true, false)), {x, y}, {F32({2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {4, 6}));
}

TEST_P(LayerTest, BatchMatMulNhwcLayoutMatrixBeforeLastDimension)
{
    // NHWC: the matrix is the two dimensions before the last; the last broadcasts like a batch dimension.
    // X [2, 3, 1]: matrix [[1,2,3],[4,5,6]] (c = 0). Y [3, 1, 2]: c0 column [1,1,1], c1 column [1,0,-1].
    // out [2, 1, 2]: c0 = X . [1,1,1] = [6, 15]; c1 = X . [1,0,-1] = [-2, -2]; stored (m, n, c): [6,-2, 15,-2].
    TestTensor x = TestTensor::Float({2, 3, 1}, {1, 2, 3, 4, 5, 6});
    TestTensor y = TestTensor::Float({3, 1, 2}, {1, 1, 1, 0, 1, -1});
    BatchMatMulDescriptor desc(false, false, false, false, DataLayout::NHWC, DataLayout::NHWC);
    ARMNN_RUN_LAYER(out, BatchMatMul(desc), {x, y}, {F32({2, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {6, -2, 15, -2}));
}

TEST_P(LayerTest, BatchMatMulQAsymmS8)
{
    // X scale 0.5: [1, 2] -> q [2, 4]; Y scale 0.5: [3, -1] -> q [6, -2]. 1*3 + 2*-1 = 1.
    // Output scale 0.3, offset 0: 3.33 -> 3.
    TestTensor x = TestTensor::Quantized({1, 2}, DataType::QAsymmS8, 0.5f, 0, {1, 2});
    TestTensor y = TestTensor::Quantized({2, 1}, DataType::QAsymmS8, 0.5f, 0, {3, -1});
    ARMNN_RUN_LAYER(out, BatchMatMul(BatchMatMulDescriptor()), {x, y},
                    {TensorInfo({1, 1}, DataType::QAsymmS8, 0.3f, 0)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{3}));
}

TEST_P(LayerTest, BatchMatMulFloat16)
{
    // [[1, 2]] x [[0.5], [0.25]] = 1.
    TestTensor x = Half({1, 2}, {1, 2});
    TestTensor y = Half({2, 1}, {0.5f, 0.25f});
    ARMNN_RUN_LAYER(out, BatchMatMul(BatchMatMulDescriptor()), {x, y}, {TensorInfo({1, 1}, DataType::Float16)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1}));
}

//
// Pooling2d
//

TEST_P(LayerTest, MaxPool2x2Stride2Nhwc)
{
    // in[r][c] = 4r + c (4x4); maxima of the 2x2 blocks are their bottom-right elements: 5, 7, 13, 15.
    std::vector<float> values(16);
    for (int i = 0; i < 16; ++i)
    {
        values[static_cast<size_t>(i)] = static_cast<float>(i);
    }
    TestTensor in = TestTensor::Float({1, 4, 4, 1}, values);
    ARMNN_RUN_LAYER(out, Pool(PoolDesc(PoolingAlgorithm::Max, 2, 2, 2, 2)), {in}, {F32({1, 2, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {5, 7, 13, 15}));
}

TEST_P(LayerTest, MaxPoolPaddingIsNeverTheMaximum)
{
    // All-negative 2x2 input, pool 2x2, stride 1, padding 1 (NCHW): out 3x3; padding must not act as 0.
    // in [[-1,-2],[-3,-4]]: windows -> [-1, -1, -2, -1, -1, -2, -3, -3, -4].
    TestTensor in = TestTensor::Float({1, 1, 2, 2}, {-1, -2, -3, -4});
    Pooling2dDescriptor desc = PoolDesc(PoolingAlgorithm::Max, 2, 2, 1, 1, DataLayout::NCHW);
    desc.m_PadLeft = desc.m_PadRight = desc.m_PadTop = desc.m_PadBottom = 1;
    ARMNN_RUN_LAYER(out, Pool(desc), {in}, {F32({1, 1, 3, 3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-1, -1, -2, -1, -1, -2, -3, -3, -4}));
}

TEST_P(LayerTest, AveragePoolNchwTwoChannels)
{
    // ch0 [1,2,3,4] -> 10 / 4 = 2.5; ch1 [10,20,30,40] -> 25.
    TestTensor in = TestTensor::Float({1, 2, 2, 2}, {1, 2, 3, 4, 10, 20, 30, 40});
    ARMNN_RUN_LAYER(out, Pool(PoolDesc(PoolingAlgorithm::Average, 2, 2, 1, 1, DataLayout::NCHW)), {in},
                    {F32({1, 2, 1, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {2.5f, 25}));
}

TEST_P(LayerTest, AveragePoolPaddingExclude)
{
    // in [[1,2],[3,4]], pool 2x2, stride 1, padding 1 -> 3x3; only input elements are counted:
    // [1, (1+2)/2, 2, (1+3)/2, 10/4, (2+4)/2, 3, (3+4)/2, 4].
    TestTensor in = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4});
    Pooling2dDescriptor desc = PoolDesc(PoolingAlgorithm::Average, 2, 2, 1, 1);
    desc.m_PadLeft = desc.m_PadRight = desc.m_PadTop = desc.m_PadBottom = 1;
    desc.m_PaddingMethod = PaddingMethod::Exclude;
    ARMNN_RUN_LAYER(out, Pool(desc), {in}, {F32({1, 3, 3, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 1.5f, 2, 2, 2.5f, 3, 3, 3.5f, 4}));
}

TEST_P(LayerTest, AveragePoolPaddingIgnoreValue)
{
    // Same as above but padding counts as zeros: every window has 4 positions.
    // Sums [1, 3, 2, 4, 10, 6, 3, 7, 4] / 4.
    TestTensor in = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4});
    Pooling2dDescriptor desc = PoolDesc(PoolingAlgorithm::Average, 2, 2, 1, 1);
    desc.m_PadLeft = desc.m_PadRight = desc.m_PadTop = desc.m_PadBottom = 1;
    desc.m_PaddingMethod = PaddingMethod::IgnoreValue;
    ARMNN_RUN_LAYER(out, Pool(desc), {in}, {F32({1, 3, 3, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.25f, 0.75f, 0.5f, 1, 2.5f, 1.5f, 0.75f, 1.75f, 1}));
}

TEST_P(LayerTest, AveragePoolIgnoreValueOnlyLeadingPadding)
{
    // Width 3 [2, 4, 6], pool 1x2, stride 2, padLeft 1: out = (3 + 1 - 2) / 2 + 1 = 2.
    // Windows [-1, 1) and [1, 3): IgnoreValue -> (0 + 2) / 2 = 1 and (4 + 6) / 2 = 5.
    TestTensor in = TestTensor::Float({1, 1, 3, 1}, {2, 4, 6});
    Pooling2dDescriptor desc = PoolDesc(PoolingAlgorithm::Average, 1, 2, 1, 2);
    desc.m_PadLeft = 1;
    desc.m_PaddingMethod = PaddingMethod::IgnoreValue;
    ARMNN_RUN_LAYER(out, Pool(desc), {in}, {F32({1, 1, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 5}));
}

TEST_P(LayerTest, MaxPoolFloorRounding)
{
    // Width 5 [1, 5, 2, 7, 3], pool 1x2, stride 2: floor((5 - 2) / 2) + 1 = 2 windows: [5, 7]; the last 3 is dropped.
    TestTensor in = TestTensor::Float({1, 1, 5, 1}, {1, 5, 2, 7, 3});
    Pooling2dDescriptor desc = PoolDesc(PoolingAlgorithm::Max, 1, 2, 1, 2);
    ARMNN_RUN_LAYER(out, Pool(desc), {in}, {F32({1, 1, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {5, 7}));
}

TEST_P(LayerTest, MaxPoolCeilingRoundingAddsPartialWindow)
{
    // Same input with Ceiling: ceil(3 / 2) + 1 = 3 windows; the third, [4, 6), holds only the 3.
    TestTensor in = TestTensor::Float({1, 1, 5, 1}, {1, 5, 2, 7, 3});
    Pooling2dDescriptor desc = PoolDesc(PoolingAlgorithm::Max, 1, 2, 1, 2);
    desc.m_OutputShapeRounding = OutputShapeRounding::Ceiling;
    ARMNN_RUN_LAYER(out, Pool(desc), {in}, {F32({1, 1, 3, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {5, 7, 3}));
}

TEST_P(LayerTest, AveragePoolCeilingPartialWindowDivisor)
{
    // Width 5 [1, 5, 2, 7, 3], pool 1x2, stride 2, Ceiling, no padding: the third window [4, 6) sticks out past the
    // input; both padding methods count only position 4 (nothing beyond the padded input counts): 3 / 1.
    // [(1+5)/2, (2+7)/2, 3] = [3, 4.5, 3].
    TestTensor in = TestTensor::Float({1, 1, 5, 1}, {1, 5, 2, 7, 3});
    Pooling2dDescriptor desc = PoolDesc(PoolingAlgorithm::Average, 1, 2, 1, 2);
    desc.m_OutputShapeRounding = OutputShapeRounding::Ceiling;
    desc.m_PaddingMethod = PaddingMethod::IgnoreValue;
    ARMNN_RUN_LAYER(out, Pool(desc), {in}, {F32({1, 1, 3, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {3, 4.5f, 3}));
}

TEST_P(LayerTest, MaxPoolCeilingDropsWindowStartingInPadding)
{
    // Width 3 [1, 9, 4], pool 1x2, stride 3, padRight 1: padded 4; ceil((4 - 2) / 3) + 1 = 2, but the second
    // window would start at 3, inside the trailing padding, so it is dropped: 1 window, max(1, 9) = 9.
    TestTensor in = TestTensor::Float({1, 1, 3, 1}, {1, 9, 4});
    Pooling2dDescriptor desc = PoolDesc(PoolingAlgorithm::Max, 1, 2, 1, 3);
    desc.m_PadRight = 1;
    desc.m_OutputShapeRounding = OutputShapeRounding::Ceiling;
    ARMNN_RUN_LAYER(out, Pool(desc), {in}, {F32({1, 1, 1, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {9}));
}

TEST_P(LayerTest, L2Pool)
{
    // sqrt((3^2 + 4^2 + 0 + 0) / 4) = sqrt(25 / 4) = 2.5; second channel sqrt((1 + 1 + 1 + 25) / 4) = sqrt(7).
    TestTensor in = TestTensor::Float({1, 2, 2, 2}, {3, 1, 4, 1, 0, 1, 0, 5});
    ARMNN_RUN_LAYER(out, Pool(PoolDesc(PoolingAlgorithm::L2, 2, 2, 1, 1)), {in}, {F32({1, 1, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {2.5f, 2.6457513f}));
}

TEST_P(LayerTest, L2PoolPaddingExclude)
{
    // Width 2 [3, 4], pool 1x2, stride 1, padLeft 1, Exclude: windows {3} and {3, 4}:
    // sqrt(9 / 1) = 3; sqrt(25 / 2) = 3.5355339.
    TestTensor in = TestTensor::Float({1, 1, 2, 1}, {3, 4});
    Pooling2dDescriptor desc = PoolDesc(PoolingAlgorithm::L2, 1, 2, 1, 1);
    desc.m_PadLeft = 1;
    ARMNN_RUN_LAYER(out, Pool(desc), {in}, {F32({1, 1, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {3, 3.5355339f}));
}

TEST_P(LayerTest, AveragePoolQAsymmU8)
{
    // Scale 0.5, offset 10: q [10, 11, 13, 21] -> reals [0, 0.5, 1.5, 5.5], mean 1.875 -> 3.75 -> 4 + 10 = 14.
    // (TensorFlow Lite's integer form: (10 + 11 + 13 + 21 + 2) / 4 = 14.)
    TensorInfo info({1, 2, 2, 1}, DataType::QAsymmU8, 0.5f, 10);
    TestTensor in = TestTensor::Of<uint8_t>(info, {10, 11, 13, 21});
    ARMNN_RUN_LAYER(out, Pool(PoolDesc(PoolingAlgorithm::Average, 2, 2, 1, 1)), {in},
                    {TensorInfo({1, 1, 1, 1}, DataType::QAsymmU8, 0.5f, 10)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{14}));
}

TEST_P(LayerTest, MaxPoolQAsymmS8)
{
    // Max works on the quantized values directly: q [-5, 7, -128, 3] -> 7.
    TensorInfo info({1, 2, 2, 1}, DataType::QAsymmS8, 0.1f, -3);
    TestTensor in = TestTensor::Of<int8_t>(info, {-5, 7, -128, 3});
    ARMNN_RUN_LAYER(out, Pool(PoolDesc(PoolingAlgorithm::Max, 2, 2, 1, 1)), {in},
                    {TensorInfo({1, 1, 1, 1}, DataType::QAsymmS8, 0.1f, -3)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{7}));
}

TEST_P(LayerTest, AveragePoolFloat16)
{
    // [1, 2, 3, 6] -> 3.
    TestTensor in = Half({1, 2, 2, 1}, {1, 2, 3, 6});
    ARMNN_RUN_LAYER(out, Pool(PoolDesc(PoolingAlgorithm::Average, 2, 2, 1, 1)), {in},
                    {TensorInfo({1, 1, 1, 1}, DataType::Float16)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {3}));
}
