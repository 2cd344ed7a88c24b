//
// Shared per-layer tests of the detection-head extension layers TopK and RoiAlign (ONNX semantics).
// Expected values are computed by hand (see the comments next to them).
//
#include "LayerTestUtils.hpp"

#include <cmath>
#include <limits>

using namespace armnn;
using namespace armnn::test;

namespace
{
AddLayerFn TopK(const TopKDescriptor& desc)
{
    return [=](INetwork& net) { return net.AddTopKLayer(desc, "topk"); };
}

TopKDescriptor TopKDesc(uint32_t k, int32_t axis, bool largest)
{
    TopKDescriptor desc;
    desc.m_K = k;
    desc.m_Axis = axis;
    desc.m_Largest = largest;
    return desc;
}

TensorInfo I64(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Signed64);
}

AddLayerFn RoiAlign(const RoiAlignDescriptor& desc)
{
    return [=](INetwork& net) { return net.AddRoiAlignLayer(desc, "roialign"); };
}

RoiAlignDescriptor RoiDesc(uint32_t outH, uint32_t outW, uint32_t samplingRatio, bool halfPixel,
                           PoolingAlgorithm pool = PoolingAlgorithm::Average)
{
    RoiAlignDescriptor desc;
    desc.m_OutputHeight = outH;
    desc.m_OutputWidth = outW;
    desc.m_SamplingRatio = samplingRatio;
    desc.m_HalfPixel = halfPixel;
    desc.m_PoolType = pool;
    return desc;
}

/// Features [batches, 1, 4, 4] with value 4y + x (+ 100 per batch): bilinear interpolation of a linear function is
/// exact, so an average of samples is 4 * (mean sample y) + (mean sample x).
TestTensor Ramp(unsigned int batches)
{
    std::vector<float> values;
    for (unsigned int b = 0; b < batches; ++b)
    {
        for (int i = 0; i < 16; ++i)
        {
            values.push_back(static_cast<float>(i + 100 * static_cast<int>(b)));
        }
    }
    return TestTensor::Float({batches, 1, 4, 4}, values);
}

TestTensor Indices(const std::vector<int64_t>& values)
{
    return TestTensor::Of<int64_t>(I64({static_cast<unsigned int>(values.size())}), values);
}
} // namespace

TEST_P(LayerTest, TopKFloat32LargestTiesAndNaN)
{
    // Row [1, 3, 3, 2]: the two 3s, lower index first. Row [0.5, NaN, 7, 7]: NaN counts as the largest value.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    ARMNN_RUN_LAYER(out, TopK(TopKDesc(2, 1, true)), {TestTensor::Float({2, 4}, {1, 3, 3, 2, 0.5f, nan, 7, 7})},
                    {TensorInfo({2, 2}, DataType::Float32), I64({2, 2})});
    const std::vector<float> values = out[0].AsFloat();
    EXPECT_EQ(values[0], 3.0f);
    EXPECT_EQ(values[1], 3.0f);
    EXPECT_TRUE(std::isnan(values[2]));
    EXPECT_EQ(values[3], 7.0f);
    EXPECT_EQ(out[1].As<int64_t>(), (std::vector<int64_t>{1, 2, 1, 2}));
}

TEST_P(LayerTest, TopKFloat32SmallestAxis0)
{
    // Columns (4, 2, NaN) and (1, 1, 0): the two smallest are (2, 4) at (1, 0) and (0, 1) at (2, 0); NaN is last.
    const float nan = std::numeric_limits<float>::quiet_NaN();
    ARMNN_RUN_LAYER(out, TopK(TopKDesc(2, 0, false)), {TestTensor::Float({3, 2}, {4, 1, 2, 1, nan, 0})},
                    {TensorInfo({2, 2}, DataType::Float32), I64({2, 2})});
    EXPECT_EQ(out[0].AsFloat(), (std::vector<float>{2, 0, 4, 1}));
    EXPECT_EQ(out[1].As<int64_t>(), (std::vector<int64_t>{1, 2, 0, 0}));
}

TEST_P(LayerTest, TopKSigned64ComparesExactly)
{
    // 2^53 and 2^53 + 1 are equal as floats; as integers the larger one is at index 1.
    const TestTensor input = TestTensor::Of<int64_t>(I64({3}), {9007199254740992, 9007199254740993, 5});
    ARMNN_RUN_LAYER(out, TopK(TopKDesc(2, -1, true)), {input}, {I64({2}), I64({2})});
    EXPECT_EQ(out[0].As<int64_t>(), (std::vector<int64_t>{9007199254740993, 9007199254740992}));
    EXPECT_EQ(out[1].As<int64_t>(), (std::vector<int64_t>{1, 0}));
}

TEST_P(LayerTest, TopKQAsymmU8CopiesBytesSigned32Indices)
{
    // Bytes [5, 200, 7, 200]: the three largest are 200 (1), 200 (3), 7 (2); values keep their bytes.
    const TensorInfo u8({4}, DataType::QAsymmU8, 0.5f, 10);
    ARMNN_RUN_LAYER(out, TopK(TopKDesc(3, 0, true)), {TestTensor::Of<uint8_t>(u8, {5, 200, 7, 200})},
                    {TensorInfo({3}, DataType::QAsymmU8, 0.5f, 10), TensorInfo({3}, DataType::Signed32)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{200, 200, 7}));
    EXPECT_EQ(out[1].As<int32_t>(), (std::vector<int32_t>{1, 3, 2}));
}

TEST_P(LayerTest, TopKRuntimeKMustMatch)
{
    // With m_KInput, input 1 must hold m_K at run time.
    TopKDescriptor desc = TopKDesc(2, 0, true);
    desc.m_KInput = true;
    const TestTensor x = TestTensor::Float({4}, {1, 4, 2, 3});
    const std::vector<TensorInfo> outInfos = {TensorInfo({2}, DataType::Float32), I64({2})};
    ARMNN_RUN_LAYER(out, TopK(desc), {x, TestTensor::Of<int64_t>(I64({1}), {2})}, outInfos);
    EXPECT_EQ(out[0].AsFloat(), (std::vector<float>{4, 3}));
    EXPECT_EQ(out[1].As<int64_t>(), (std::vector<int64_t>{1, 3}));
    std::string unsupported;
    EXPECT_THROW(TryRunLayer(Backend(), TopK(desc), {x, TestTensor::Of<int64_t>(I64({1}), {3})}, outInfos,
                             unsupported),
                 Exception);
}

TEST_P(LayerTest, RoiAlignAverageOutputHalfPixel)
{
    // Roi (0, 0, 2, 2) on batch 1, 2x2 bins of size 1, 2x2 samples at 0.25 and 0.75 (+1 in the second bin):
    // 100 + 4 * 0.5 + 0.5 = 102.5, 103.5, 106.5, 107.5.
    ARMNN_RUN_LAYER(out, RoiAlign(RoiDesc(2, 2, 2, false)),
                    {Ramp(2), TestTensor::Float({1, 4}, {0, 0, 2, 2}), Indices({1})},
                    {TensorInfo({1, 1, 2, 2}, DataType::Float32)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {102.5f, 103.5f, 106.5f, 107.5f}));
}

TEST_P(LayerTest, RoiAlignAverageHalfPixelClampsAndZeroes)
{
    // Half-pixel coordinates subtract 0.5. Roi 0 (0.5, 0.5, 2.5, 2.5) is roi (0, 0, 2, 2) above, one 1x1 bin:
    // samples 0.5 and 1.5 -> 4 + 1 = 5. Roi 1 (2.5, 2.5, 4.5, 4.5): samples 2.5 and 3.5, clamped to the last
    // row/column 3 -> mean 2.75 -> 4 * 2.75 + 2.75 = 13.75. Roi 2 (0.5, 4.5, 1.5, 6.5): samples y = 4.5 and 5.5
    // are beyond the map (> 4) -> 0.
    ARMNN_RUN_LAYER(out, RoiAlign(RoiDesc(1, 1, 2, true)),
                    {Ramp(1), TestTensor::Float({3, 4}, {0.5f, 0.5f, 2.5f, 2.5f, 2.5f, 2.5f, 4.5f, 4.5f,
                                                         0.5f, 4.5f, 1.5f, 6.5f}),
                     Indices({0, 0, 0})},
                    {TensorInfo({3, 1, 1, 1}, DataType::Float32)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {5.0f, 13.75f, 0.0f}));
}

TEST_P(LayerTest, RoiAlignAdaptiveSampling)
{
    // Sampling ratio 0: ceil(bin size 3) = 3 samples per side at 1.5, 2.5, 3.5 -> clamped 3; mean 7/3 on both axes
    // -> 5 * 7/3 = 11.6667 (2 samples would give 11.875, 1 sample 12.5).
    ARMNN_RUN_LAYER(out, RoiAlign(RoiDesc(1, 1, 0, false)),
                    {Ramp(1), TestTensor::Float({1, 4}, {1, 1, 4, 4}), Indices({0})},
                    {TensorInfo({1, 1, 1, 1}, DataType::Float32)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {35.0f / 3.0f}));
}

TEST_P(LayerTest, RoiAlignMaxTakesLargestWeightedCorner)
{
    // ONNX Runtime's max mode: each sample gives the largest of its four corners times their weights. Roi (0, 0,
    // 2, 2), one bin, samples at 0.5 and 1.5 (weights all 0.25): corner sets {0, 1, 4, 5}, {1, 2, 5, 6},
    // {4, 5, 8, 9}, {5, 6, 9, 10} -> 0.25 * 10 = 2.5 (the average mode would give 5).
    ARMNN_RUN_LAYER(out, RoiAlign(RoiDesc(1, 1, 2, false, PoolingAlgorithm::Max)),
                    {Ramp(1), TestTensor::Float({1, 4}, {0, 0, 2, 2}), Indices({0})},
                    {TensorInfo({1, 1, 1, 1}, DataType::Float32)});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {2.5f}));
}

TEST_P(LayerTest, RoiAlignBatchIndexOutOfRangeFails)
{
    // Batch index 0 runs (and skips the test where the backend has no RoiAlign); 1 is past the single batch.
    ARMNN_RUN_LAYER(valid, RoiAlign(RoiDesc(1, 1, 2, false)),
                    {Ramp(1), TestTensor::Float({1, 4}, {0, 0, 2, 2}), Indices({0})},
                    {TensorInfo({1, 1, 1, 1}, DataType::Float32)});
    EXPECT_TRUE(AllClose(valid[0].AsFloat(), {5.0f}));
    std::string unsupported;
    EXPECT_THROW(TryRunLayer(Backend(), RoiAlign(RoiDesc(1, 1, 2, false)),
                             {Ramp(1), TestTensor::Float({1, 4}, {0, 0, 2, 2}), Indices({1})},
                             {TensorInfo({1, 1, 1, 1}, DataType::Float32)}, unsupported),
                 Exception);
}
