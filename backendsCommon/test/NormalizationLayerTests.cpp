//
// Shared per-layer tests: batch, L2, instance and local response normalization.
// Expected values are computed by hand (see the comments next to them).
//
#include "LayerTestUtils.hpp"

using namespace armnn;
using namespace armnn::test;

namespace
{
TensorInfo Float32Info(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Float32);
}

/// Two channels: mean [1, 2], variance [3.75, 0], beta [0, 1], gamma [2, 1], eps 0.25, so that
/// channel 0: y = 2 * (x - 1) / sqrt(3.75 + 0.25) + 0 = (x - 1);  channel 1: y = 1 * (x - 2) / sqrt(0 + 0.25) + 1 = 2x - 3.
AddLayerFn BatchNorm(DataLayout layout, std::vector<float> mean = {1, 2})
{
    return [=](INetwork& net) {
        static const std::vector<float> variance = {3.75f, 0.0f};
        static const std::vector<float> beta = {0.0f, 1.0f};
        static const std::vector<float> gamma = {2.0f, 1.0f};
        BatchNormalizationDescriptor desc;
        desc.m_Eps = 0.25f;
        desc.m_DataLayout = layout;
        TensorInfo meanInfo({static_cast<unsigned int>(mean.size())}, DataType::Float32, 0.0f, 0, true);
        TensorInfo info({2}, DataType::Float32, 0.0f, 0, true);
        return net.AddBatchNormalizationLayer(desc, ConstTensor(meanInfo, mean.data()), ConstTensor(info, variance.data()),
                                              ConstTensor(info, beta.data()), ConstTensor(info, gamma.data()), "bn");
    };
}

AddLayerFn L2Norm(DataLayout layout, float eps = 1e-12f)
{
    L2NormalizationDescriptor desc;
    desc.m_DataLayout = layout;
    desc.m_Eps = eps;
    return [=](INetwork& net) { return net.AddL2NormalizationLayer(desc, "l2"); };
}

AddLayerFn Lrn(DataLayout layout, uint32_t size, float alpha, float beta, float k)
{
    NormalizationDescriptor desc;
    desc.m_NormChannelType = NormalizationAlgorithmChannel::Across;
    desc.m_NormMethodType = NormalizationAlgorithmMethod::LocalBrightness;
    desc.m_NormSize = size;
    desc.m_Alpha = alpha;
    desc.m_Beta = beta;
    desc.m_K = k;
    desc.m_DataLayout = layout;
    return [=](INetwork& net) { return net.AddNormalizationLayer(desc, "lrn"); };
}

AddLayerFn InstanceNorm(DataLayout layout)
{
    InstanceNormalizationDescriptor desc;
    desc.m_Gamma = 2.0f;
    desc.m_Beta = 0.5f;
    desc.m_Eps = 0.0f;
    desc.m_DataLayout = layout;
    return [=](INetwork& net) { return net.AddInstanceNormalizationLayer(desc, "instancenorm"); };
}

void ExpectInvalid(const BackendId& backend, const AddLayerFn& addLayer, const std::vector<TestTensor>& inputs,
                   const std::vector<TensorInfo>& outputs)
{
    std::string unsupported;
    EXPECT_THROW(TryRunLayer(backend, addLayer, inputs, outputs, unsupported), LayerValidationException);
}
} // namespace

//
// BatchNormalization
//

TEST_P(LayerTest, BatchNormalizationNhwc)
{
    // [1, 1, 2, 2] NHWC: channel 0 = [1, 3] -> [0, 2]; channel 1 = [2, 4] -> [2*2 - 3, 2*4 - 3] = [1, 5]
    ARMNN_RUN_LAYER(out, BatchNorm(DataLayout::NHWC), {TestTensor::Float({1, 1, 2, 2}, {1, 2, 3, 4})},
                    {Float32Info({1, 1, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 1, 2, 5}));
}

TEST_P(LayerTest, BatchNormalizationNchw)
{
    // [1, 2, 1, 2] NCHW: channel 0 = [1, 3] -> [0, 2]; channel 1 = [2, 4] -> [1, 5]
    ARMNN_RUN_LAYER(out, BatchNorm(DataLayout::NCHW), {TestTensor::Float({1, 2, 1, 2}, {1, 3, 2, 4})},
                    {Float32Info({1, 2, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 2, 1, 5}));
}

TEST_P(LayerTest, BatchNormalizationQAsymmU8)
{
    // input scale 0.5, q [2, 4, 6, 8] -> [1, 2, 3, 4] (NHWC) -> [0, 1, 2, 5]; output scale 0.5, offset 10 ->
    // [10, 12, 14, 20]
    TestTensor x = TestTensor::Of<uint8_t>(TensorInfo({1, 1, 2, 2}, DataType::QAsymmU8, 0.5f, 0), {2, 4, 6, 8});
    ARMNN_RUN_LAYER(out, BatchNorm(DataLayout::NHWC), {x}, {TensorInfo({1, 1, 2, 2}, DataType::QAsymmU8, 0.5f, 10)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{10, 12, 14, 20}));
}

TEST_P(LayerTest, BatchNormalizationMeanSizeMismatchIsRejected)
{
    // 3 means for 2 channels
    ExpectInvalid(Backend(), BatchNorm(DataLayout::NHWC, {1, 2, 3}), {TestTensor::Float({1, 1, 2, 2}, {1, 2, 3, 4})},
                  {Float32Info({1, 1, 2, 2})});
}

TEST_P(LayerTest, BatchNormalizationWrongRankIsRejected)
{
    ExpectInvalid(Backend(), BatchNorm(DataLayout::NHWC), {TestTensor::Float({2, 2}, {1, 2, 3, 4})},
                  {Float32Info({2, 2})});
}

//
// L2Normalization: y = x / sqrt(max(sum over channels of x^2, eps))
//

TEST_P(LayerTest, L2NormalizationNhwc)
{
    // pixel 0 = (3, 4): norm 5 -> (0.6, 0.8); pixel 1 = (0, 0): sqrt(max(0, 1e-12)) = 1e-6 -> (0, 0)
    ARMNN_RUN_LAYER(out, L2Norm(DataLayout::NHWC), {TestTensor::Float({1, 1, 2, 2}, {3, 4, 0, 0})},
                    {Float32Info({1, 1, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.6f, 0.8f, 0, 0}));
}

TEST_P(LayerTest, L2NormalizationNchw)
{
    // [1, 2, 1, 2] NCHW: pixel 0 = (3, 4) -> (0.6, 0.8); pixel 1 = (1, 1) -> (1/sqrt 2, 1/sqrt 2) = 0.70710677
    ARMNN_RUN_LAYER(out, L2Norm(DataLayout::NCHW), {TestTensor::Float({1, 2, 1, 2}, {3, 1, 4, 1})},
                    {Float32Info({1, 2, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.6f, 0.70710677f, 0.8f, 0.70710677f}));
}

TEST_P(LayerTest, L2NormalizationEpsilonDominates)
{
    // (0.3, 0.4): sum of squares 0.25 < eps 1 -> divided by sqrt(1) -> unchanged
    ARMNN_RUN_LAYER(out, L2Norm(DataLayout::NHWC, 1.0f), {TestTensor::Float({1, 2}, {0.3f, 0.4f})},
                    {Float32Info({1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.3f, 0.4f}));
}

TEST_P(LayerTest, L2NormalizationQAsymmS8)
{
    // (3, 4) at scale 1 -> (0.6, 0.8); output scale 1/128: 76.8 -> 77, 102.4 -> 102
    TestTensor x = TestTensor::Of<int8_t>(TensorInfo({1, 2}, DataType::QAsymmS8, 1.0f, 0), {3, 4});
    ARMNN_RUN_LAYER(out, L2Norm(DataLayout::NHWC), {x}, {TensorInfo({1, 2}, DataType::QAsymmS8, 1.0f / 128, 0)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{77, 102}));
}

TEST_P(LayerTest, L2NormalizationNegativeEpsilonIsRejected)
{
    ExpectInvalid(Backend(), L2Norm(DataLayout::NHWC, -1.0f), {TestTensor::Float({1, 2}, {3, 4})},
                  {Float32Info({1, 2})});
}

//
// Normalization (local response normalization across channels):
// radius = m_NormSize / 2; y = x * (k + alpha * sum of x^2 over channels c - radius .. c + radius)^-beta
//

TEST_P(LayerTest, LocalResponseNormalizationNhwcRadius1)
{
    // x = [1, 2, 3, 4], size 3 (radius 1), alpha 1, beta 1, k 1:
    // c0: 1 / (1 + 1 + 4) = 1/6; c1: 2 / (1 + 1 + 4 + 9) = 2/15; c2: 3 / (1 + 4 + 9 + 16) = 0.1; c3: 4 / (1 + 9 + 16) = 4/26
    ARMNN_RUN_LAYER(out, Lrn(DataLayout::NHWC, 3, 1.0f, 1.0f, 1.0f), {TestTensor::Float({1, 1, 1, 4}, {1, 2, 3, 4})},
                    {Float32Info({1, 1, 1, 4})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.16666667f, 0.13333334f, 0.1f, 0.15384616f}));
}

TEST_P(LayerTest, LocalResponseNormalizationNchwWindowCoversAll)
{
    // x = [1, 2, 2] over 3 channels, size 5 (radius 2): every window sums 1 + 4 + 4 = 9;
    // (2 + 0.5 * 9)^-0.5 = 6.5^-0.5 = 0.39223227 -> [0.39223227, 0.78446454, 0.78446454]
    ARMNN_RUN_LAYER(out, Lrn(DataLayout::NCHW, 5, 0.5f, 0.5f, 2.0f), {TestTensor::Float({1, 3, 1, 1}, {1, 2, 2})},
                    {Float32Info({1, 3, 1, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0.39223227f, 0.78446454f, 0.78446454f}));
}

TEST_P(LayerTest, LocalResponseNormalizationZeroSizeIsRejected)
{
    ExpectInvalid(Backend(), Lrn(DataLayout::NHWC, 0, 1.0f, 1.0f, 1.0f), {TestTensor::Float({1, 1, 1, 2}, {1, 2})},
                  {Float32Info({1, 1, 1, 2})});
}

//
// InstanceNormalization: per batch and channel, y = gamma (x - mean) / sqrt(var + eps) + beta; gamma 2, beta 0.5,
// eps 0
//

TEST_P(LayerTest, InstanceNormalizationNhwc)
{
    // [1, 1, 2, 2] NHWC: channel 0 = [1, 3]: mean 2, variance 1 -> [-1, 1] -> [-1.5, 2.5];
    // channel 1 = [2, 6]: mean 4, variance 4 -> [-1, 1] -> [-1.5, 2.5]
    ARMNN_RUN_LAYER(out, InstanceNorm(DataLayout::NHWC), {TestTensor::Float({1, 1, 2, 2}, {1, 2, 3, 6})},
                    {Float32Info({1, 1, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-1.5f, -1.5f, 2.5f, 2.5f}));
}

TEST_P(LayerTest, InstanceNormalizationNchwTwoBatches)
{
    // [2, 1, 1, 2] NCHW, each batch normalized on its own: batch 0 = [1, 3]: mean 2, variance 1 -> [-1.5, 2.5];
    // batch 1 = [10, 6]: mean 8, variance 4 -> [1, -1] -> [2.5, -1.5]
    ARMNN_RUN_LAYER(out, InstanceNorm(DataLayout::NCHW), {TestTensor::Float({2, 1, 1, 2}, {1, 3, 10, 6})},
                    {Float32Info({2, 1, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {-1.5f, 2.5f, 2.5f, -1.5f}));
}
