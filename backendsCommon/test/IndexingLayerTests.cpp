//
// Shared per-layer tests of GatherNd, ScatterNd, ReverseV2 and BroadcastTo. Expected values are computed by hand;
// the comment next to each says how. "Iota" inputs hold their own row-major index, so an output value names the
// input element it came from.
//
#include "LayerTestUtils.hpp"

#include <numeric>

using namespace armnn;
using namespace armnn::test;

namespace
{
TestTensor FloatIota(const TensorShape& shape)
{
    std::vector<float> values(shape.GetNumElements());
    std::iota(values.begin(), values.end(), 0.0f);
    return TestTensor::Float(shape, values);
}

TensorInfo F32(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Float32);
}

TensorInfo S32(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Signed32);
}

TestTensor Indices(const TensorShape& shape, const std::vector<int32_t>& values, bool constant = false)
{
    return TestTensor::Of<int32_t>(S32(shape), values, constant);
}

AddLayerFn GatherNd()
{
    return [](INetwork& net) { return net.AddGatherNdLayer("layer"); };
}

AddLayerFn ScatterNd(ScatterNdFunction function, bool inputEnabled)
{
    return [=](INetwork& net) { return net.AddScatterNdLayer(ScatterNdDescriptor(function, inputEnabled), "layer"); };
}

AddLayerFn ReverseV2()
{
    return [](INetwork& net) { return net.AddReverseV2Layer("layer"); };
}

AddLayerFn BroadcastTo(const TensorShape& shape)
{
    return [shape](INetwork& net) { return net.AddBroadcastToLayer(BroadcastToDescriptor(shape), "layer"); };
}

/// Runs the layer and expects execution to fail (an out-of-range index from the data; the runtime logs the
/// layer's message); skips when unsupported.
#define EXPECT_EXECUTION_FAILS(addLayer, inputs, outputs) \
    do \
    { \
        std::string unsupported; \
        try \
        { \
            if (!TryRunLayer(Backend(), addLayer, inputs, outputs, unsupported)) \
            { \
                GTEST_SKIP() << unsupported; \
            } \
            ADD_FAILURE() << "execution did not fail"; \
        } \
        catch (const Exception&) \
        { \
        } \
    } while (false)
} // namespace

//
// GatherNd
//

TEST_P(LayerTest, GatherNdFloat32PartialIndex)
{
    // params [2, 3, 2] iota, rows (1, 0) and (0, 2) pick params[1, 0, :] = 6, 7 and params[0, 2, :] = 4, 5.
    ARMNN_RUN_LAYER(out, GatherNd(), {FloatIota({2, 3, 2}), Indices({2, 2}, {1, 0, 0, 2})}, {F32({2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {6, 7, 4, 5}));
}

TEST_P(LayerTest, GatherNdQAsymmS8FullIndex)
{
    // Full rows pick single elements of [[10, 20, 30], [40, 50, 60]]: (1, 2) 60, (0, 0) 10, (1, 0) 40.
    const TensorInfo info({2, 3}, DataType::QAsymmS8, 0.5f, -3);
    TestTensor params = TestTensor::Of<int8_t>(info, {10, 20, 30, 40, 50, 60});
    ARMNN_RUN_LAYER(out, GatherNd(), {params, Indices({3, 2}, {1, 2, 0, 0, 1, 0}, true)},
                    {TensorInfo({3}, DataType::QAsymmS8, 0.5f, -3)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{60, 10, 40}));
}

TEST_P(LayerTest, GatherNdSigned32BatchedIndices)
{
    // Indices [2, 1, 1]: rows 2 and 0 of [3, 2] iota, output [2, 1, 2].
    TestTensor params = TestTensor::Of<int32_t>(S32({3, 2}), {0, 1, 2, 3, 4, 5});
    ARMNN_RUN_LAYER(out, GatherNd(), {params, Indices({2, 1, 1}, {2, 0})}, {S32({2, 1, 2})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{4, 5, 0, 1}));
}

TEST_P(LayerTest, GatherNdIndexOutOfRangeFailsExecution)
{
    // Row (0, 3) of a [2, 3] tensor: 3 is outside dimension 1, which must not be read.
    EXPECT_EXECUTION_FAILS(GatherNd(), (std::vector<TestTensor>{FloatIota({2, 3}), Indices({2, 2}, {1, 1, 0, 3})}),
                           (std::vector<TensorInfo>{F32({2})}));
}

TEST_P(LayerTest, GatherNdNegativeIndexFailsExecution)
{
    EXPECT_EXECUTION_FAILS(GatherNd(), (std::vector<TestTensor>{FloatIota({2, 3}), Indices({1, 1}, {-1})}),
                           (std::vector<TensorInfo>{F32({1, 3})}));
}

//
// ScatterNd
//

TEST_P(LayerTest, ScatterNdFloat32FromShapeUpdate)
{
    // Zeros of shape [4] with 5 at 1 and 7 at 3.
    ARMNN_RUN_LAYER(out, ScatterNd(ScatterNdFunction::Update, false),
                    {Indices({1}, {4}, true), Indices({2, 1}, {1, 3}), TestTensor::Float({2}, {5, 7})},
                    {F32({4})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 5, 0, 7}));
}

TEST_P(LayerTest, ScatterNdFloat32FromShapeAddAccumulatesRepeatedRows)
{
    // Rows 0, 2, 0 of zeros [3, 2] get [1, 2], [3, 4], [5, 6]: row 0 = [6, 8], row 1 = [0, 0], row 2 = [3, 4].
    ARMNN_RUN_LAYER(out, ScatterNd(ScatterNdFunction::Add, false),
                    {Indices({2}, {3, 2}, true), Indices({3, 1}, {0, 2, 0}),
                     TestTensor::Float({3, 2}, {1, 2, 3, 4, 5, 6})},
                    {F32({3, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {6, 8, 0, 0, 3, 4}));
}

TEST_P(LayerTest, ScatterNdSigned32EveryFunction)
{
    // Input [[10, 20], [30, 40]]; updates 3 at (0, 1) and 50 at (1, 0).
    const std::vector<std::pair<ScatterNdFunction, std::vector<int32_t>>> cases = {
        {ScatterNdFunction::Update, {10, 3, 50, 40}}, {ScatterNdFunction::Add, {10, 23, 80, 40}},
        {ScatterNdFunction::Sub, {10, 17, -20, 40}},  {ScatterNdFunction::Max, {10, 20, 50, 40}},
        {ScatterNdFunction::Min, {10, 3, 30, 40}},    {ScatterNdFunction::Mul, {10, 60, 1500, 40}}};
    for (const auto& [function, expected] : cases)
    {
        ARMNN_RUN_LAYER(out, ScatterNd(function, true),
                        {TestTensor::Of<int32_t>(S32({2, 2}), {10, 20, 30, 40}), Indices({2, 2}, {0, 1, 1, 0}),
                         TestTensor::Of<int32_t>(S32({2}), {3, 50})},
                        {S32({2, 2})});
        EXPECT_EQ(out[0].As<int32_t>(), expected) << GetScatterNdFunctionAsCString(function);
    }
}

TEST_P(LayerTest, ScatterNdFloat32EveryFunction)
{
    // Input [1.5, -2, 4]; updates 2 at 0 and -1 at 2.
    const std::vector<std::pair<ScatterNdFunction, std::vector<float>>> cases = {
        {ScatterNdFunction::Update, {2, -2, -1}}, {ScatterNdFunction::Add, {3.5f, -2, 3}},
        {ScatterNdFunction::Sub, {-0.5f, -2, 5}}, {ScatterNdFunction::Max, {2, -2, 4}},
        {ScatterNdFunction::Min, {1.5f, -2, -1}}, {ScatterNdFunction::Mul, {3, -2, -4}}};
    for (const auto& [function, expected] : cases)
    {
        ARMNN_RUN_LAYER(out, ScatterNd(function, true),
                        {TestTensor::Float({3}, {1.5f, -2, 4}), Indices({2, 1}, {0, 2}),
                         TestTensor::Float({2}, {2, -1})},
                        {F32({3})});
        EXPECT_TRUE(AllClose(out[0].AsFloat(), expected)) << GetScatterNdFunctionAsCString(function);
    }
}

TEST_P(LayerTest, ScatterNdQAsymmU8UpdateRequantizes)
{
    // Input scale 0.5, zero point 10: bytes 10, 12, 14, 16 are 0, 1, 2, 3. The update (scale 0.25, byte 20) is 5,
    // which the output's quantization (the input's) writes as 5 / 0.5 + 10 = 20.
    const TensorInfo io({4}, DataType::QAsymmU8, 0.5f, 10);
    ARMNN_RUN_LAYER(out, ScatterNd(ScatterNdFunction::Update, true),
                    {TestTensor::Of<uint8_t>(io, {10, 12, 14, 16}), Indices({1, 1}, {2}),
                     TestTensor::Of<uint8_t>(TensorInfo({1}, DataType::QAsymmU8, 0.25f, 0), {20})},
                    {io});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{10, 12, 20, 16}));
}

TEST_P(LayerTest, ScatterNdQAsymmS8FromShapeZerosAreRealZeros)
{
    // Scale 0.1, zero point 5: untouched elements are 0.0, the zero point; the update 15 (1.0) lands at 1.
    const TensorInfo q({3}, DataType::QAsymmS8, 0.1f, 5);
    ARMNN_RUN_LAYER(out, ScatterNd(ScatterNdFunction::Update, false),
                    {Indices({1}, {3}, true), Indices({1, 1}, {1}),
                     TestTensor::Of<int8_t>(TensorInfo({1}, DataType::QAsymmS8, 0.1f, 5), {15})},
                    {q});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{5, 15, 5}));
}

TEST_P(LayerTest, ScatterNdIndexOutOfRangeFailsExecution)
{
    EXPECT_EXECUTION_FAILS(ScatterNd(ScatterNdFunction::Update, true),
                           (std::vector<TestTensor>{FloatIota({3}), Indices({2, 1}, {0, 3}),
                                                    TestTensor::Float({2}, {1, 1})}),
                           (std::vector<TensorInfo>{F32({3})}));
}

//
// ReverseV2
//

TEST_P(LayerTest, ReverseV2Float32TwoAxes)
{
    // [2, 3, 2] iota reversed on axes 0 and -1: out[i, j, k] = in[1 - i, j, 1 - k] = 6(1 - i) + 2j + (1 - k).
    ARMNN_RUN_LAYER(out, ReverseV2(), {FloatIota({2, 3, 2}), Indices({2}, {0, -1}, true)}, {F32({2, 3, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {7, 6, 9, 8, 11, 10, 1, 0, 3, 2, 5, 4}));
}

TEST_P(LayerTest, ReverseV2QAsymmU8AxesFromInput)
{
    // Axes given at run time: rows of [[1, 2, 3], [4, 5, 6]] reversed along axis 1.
    const TensorInfo info({2, 3}, DataType::QAsymmU8, 0.5f, 1);
    ARMNN_RUN_LAYER(out, ReverseV2(), {TestTensor::Of<uint8_t>(info, {1, 2, 3, 4, 5, 6}), Indices({1}, {1})},
                    {info});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{3, 2, 1, 6, 5, 4}));
}

TEST_P(LayerTest, ReverseV2AxisOutOfRangeFailsExecution)
{
    EXPECT_EXECUTION_FAILS(ReverseV2(), (std::vector<TestTensor>{FloatIota({2, 3}), Indices({1}, {2})}),
                           (std::vector<TensorInfo>{F32({2, 3})}));
}

TEST_P(LayerTest, ReverseV2RepeatedAxisFailsExecution)
{
    EXPECT_EXECUTION_FAILS(ReverseV2(), (std::vector<TestTensor>{FloatIota({2, 3}), Indices({2}, {1, -1})}),
                           (std::vector<TensorInfo>{F32({2, 3})}));
}

//
// BroadcastTo
//

TEST_P(LayerTest, BroadcastToFloat32NewAndUnitDimensions)
{
    // [3, 1] = [[1], [2], [3]] to [2, 3, 2]: each value twice per row, the whole twice.
    ARMNN_RUN_LAYER(out, BroadcastTo({2, 3, 2}), {TestTensor::Float({3, 1}, {1, 2, 3})}, {F32({2, 3, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3}));
}

TEST_P(LayerTest, BroadcastToSigned32Rows)
{
    ARMNN_RUN_LAYER(out, BroadcastTo({3, 2}), {TestTensor::Of<int32_t>(S32({2}), {4, 5})}, {S32({3, 2})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{4, 5, 4, 5, 4, 5}));
}

TEST_P(LayerTest, BroadcastToQAsymmS8Columns)
{
    const TensorInfo in({1, 2}, DataType::QAsymmS8, 0.25f, 2);
    ARMNN_RUN_LAYER(out, BroadcastTo({2, 2}), {TestTensor::Of<int8_t>(in, {-3, 7})},
                    {TensorInfo({2, 2}, DataType::QAsymmS8, 0.25f, 2)});
    EXPECT_EQ(out[0].As<int8_t>(), (std::vector<int8_t>{-3, 7, -3, 7}));
}
