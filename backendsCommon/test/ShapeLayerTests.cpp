//
// Shared per-layer tests of the data-movement, reduction and resize layers. Expected values are computed by
// hand; the comment next to each says how. Most inputs are "iota" tensors whose element equals its row-major
// index, so an output value names the input element it came from.
//
#include "LayerTestUtils.hpp"

#include <numeric>

using namespace armnn;
using namespace armnn::test;

namespace
{
std::vector<float> Iota(size_t count, float start = 0.0f)
{
    std::vector<float> values(count);
    std::iota(values.begin(), values.end(), start);
    return values;
}

TestTensor FloatIota(const TensorShape& shape, float start = 0.0f)
{
    return TestTensor::Float(shape, Iota(shape.GetNumElements(), start));
}

TensorInfo F32(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Float32);
}

TensorInfo S32(const TensorShape& shape)
{
    return TensorInfo(shape, DataType::Signed32);
}

TensorInfo U8(const TensorShape& shape, float scale = 1.0f, int32_t offset = 0)
{
    return TensorInfo(shape, DataType::QAsymmU8, scale, offset);
}

template <typename Desc, typename AddFn>
AddLayerFn Layer(const Desc& desc, AddFn add)
{
    return [desc, add](INetwork& net) { return (net.*add)(desc, "layer"); };
}
} // namespace

//
// Transpose and Permute
//

TEST_P(LayerTest, TransposeFloat32Perm120)
{
    // Output dim i = input dim perm[i]: [2, 3, 4] -> [3, 4, 2], out[i, j, k] = in[k, i, j] = 12k + 4i + j.
    TransposeDescriptor desc({1, 2, 0});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddTransposeLayer), {FloatIota({2, 3, 4})}, {F32({3, 4, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 12, 1, 13, 2, 14, 3, 15, 4, 16, 5, 17,
                                            6, 18, 7, 19, 8, 20, 9, 21, 10, 22, 11, 23}));
}

TEST_P(LayerTest, PermuteFloat32Perm120)
{
    // Input dim i goes to output dim perm[i]: [2, 3, 4] -> [4, 2, 3], out[a, b, c] = in[b, c, a] = 12b + 4c + a.
    PermuteDescriptor desc({1, 2, 0});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddPermuteLayer), {FloatIota({2, 3, 4})}, {F32({4, 2, 3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21,
                                            2, 6, 10, 14, 18, 22, 3, 7, 11, 15, 19, 23}));
}

TEST_P(LayerTest, TransposeQAsymmU8Matrix)
{
    // [[1, 2, 3], [4, 5, 6]] transposed; quantized bytes move unchanged.
    TestTensor input = TestTensor::Of<uint8_t>(U8({2, 3}, 0.5f, 3), {1, 2, 3, 4, 5, 6});
    ARMNN_RUN_LAYER(out, Layer(TransposeDescriptor({1, 0}), &INetwork::AddTransposeLayer), {input},
                    {U8({3, 2}, 0.5f, 3)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{1, 4, 2, 5, 3, 6}));
}

TEST_P(LayerTest, TransposeSigned32Rank5)
{
    // [1, 2, 1, 3, 1] swapping dims 1 and 3: out[0, i, 0, j, 0] = in[0, j, 0, i, 0] = 3j + i.
    TestTensor input = TestTensor::Of<int32_t>(S32({1, 2, 1, 3, 1}), {0, 1, 2, 3, 4, 5});
    ARMNN_RUN_LAYER(out, Layer(TransposeDescriptor({0, 3, 2, 1, 4}), &INetwork::AddTransposeLayer), {input},
                    {S32({1, 3, 1, 2, 1})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{0, 3, 1, 4, 2, 5}));
}

TEST_P(LayerTest, PermuteQAsymmU8Requantizes)
{
    // Input scale 1, offset 0: reals {2, 4}; output scale 2, offset 1 -> q = real / 2 + 1 = {2, 3}.
    TestTensor input = TestTensor::Of<uint8_t>(U8({2, 1}), {2, 4});
    ARMNN_RUN_LAYER(out, Layer(PermuteDescriptor({1, 0}), &INetwork::AddPermuteLayer), {input}, {U8({1, 2}, 2.0f, 1)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{2, 3}));
}

//
// Concat, Splitter, Stack
//

namespace
{
OriginsDescriptor ConcatOf(const std::vector<TensorShape>& shapes, unsigned int axis)
{
    return CreateDescriptorForConcatenation(shapes.begin(), shapes.end(), axis);
}
} // namespace

TEST_P(LayerTest, ConcatFloat32Axis1)
{
    // [[1, 2], [3, 4]] ++ [[5], [6]] along columns = [[1, 2, 5], [3, 4, 6]].
    TestTensor a = TestTensor::Float({2, 2}, {1, 2, 3, 4});
    TestTensor b = TestTensor::Float({2, 1}, {5, 6});
    ARMNN_RUN_LAYER(out, Layer(ConcatOf({{2, 2}, {2, 1}}, 1), &INetwork::AddConcatLayer), {a, b}, {F32({2, 3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 5, 3, 4, 6}));
}

TEST_P(LayerTest, ConcatSigned32ThreeInputsRank1)
{
    TestTensor a = TestTensor::Of<int32_t>(S32({1}), {7});
    TestTensor b = TestTensor::Of<int32_t>(S32({2}), {8, 9});
    TestTensor c = TestTensor::Of<int32_t>(S32({1}), {-1});
    ARMNN_RUN_LAYER(out, Layer(ConcatOf({{1}, {2}, {1}}, 0), &INetwork::AddConcatLayer), {a, b, c}, {S32({4})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{7, 8, 9, -1}));
}

TEST_P(LayerTest, ConcatQAsymmU8RequantizesEachInput)
{
    // a: scale 1, offset 0, q {2, 4} = reals {2, 4}; b: scale 0.5, offset 10, q {12, 16} = reals {1, 3}.
    // Output scale 1, offset 0 -> q {2, 4, 1, 3}.
    TestTensor a = TestTensor::Of<uint8_t>(U8({1, 2}), {2, 4});
    TestTensor b = TestTensor::Of<uint8_t>(U8({1, 2}, 0.5f, 10), {12, 16});
    ARMNN_RUN_LAYER(out, Layer(ConcatOf({{1, 2}, {1, 2}}, 0), &INetwork::AddConcatLayer), {a, b}, {U8({2, 2})});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{2, 4, 1, 3}));
}

TEST_P(LayerTest, ConcatFloat32Rank4ChannelAxis)
{
    // Two [1, 2, 1, 1] tensors along axis 3: [1, 2, 1, 2], out[0, h, 0, c] = c == 0 ? a[h] : b[h].
    TestTensor a = TestTensor::Float({1, 2, 1, 1}, {1, 2});
    TestTensor b = TestTensor::Float({1, 2, 1, 1}, {3, 4});
    ARMNN_RUN_LAYER(out, Layer(ConcatOf({{1, 2, 1, 1}, {1, 2, 1, 1}}, 3), &INetwork::AddConcatLayer), {a, b},
                    {F32({1, 2, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 3, 2, 4}));
}

TEST_P(LayerTest, SplitterFloat32Columns)
{
    // [[1, 2, 3], [4, 5, 6]]: view 0 = column 0 -> {1, 4}; view 1 = columns 1-2 -> {2, 3, 5, 6}.
    ViewsDescriptor desc(2, 2);
    desc.SetViewSize(0, 0, 2);
    desc.SetViewSize(0, 1, 1);
    desc.SetViewOriginCoord(1, 1, 1);
    desc.SetViewSize(1, 0, 2);
    desc.SetViewSize(1, 1, 2);
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddSplitterLayer), {TestTensor::Float({2, 3}, {1, 2, 3, 4, 5, 6})},
                    {F32({2, 1}), F32({2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 4}));
    EXPECT_TRUE(AllClose(out[1].AsFloat(), {2, 3, 5, 6}));
}

TEST_P(LayerTest, SplitterQAsymmU8Rank3Axis0)
{
    // [2, 1, 2] split into two [1, 1, 2] along axis 0: bytes {1, 2} and {3, 4}.
    ViewsDescriptor desc(2, 3);
    for (uint32_t v = 0; v < 2; ++v)
    {
        desc.SetViewOriginCoord(v, 0, v);
        desc.SetViewSize(v, 0, 1);
        desc.SetViewSize(v, 1, 1);
        desc.SetViewSize(v, 2, 2);
    }
    TestTensor input = TestTensor::Of<uint8_t>(U8({2, 1, 2}, 0.1f, 7), {1, 2, 3, 4});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddSplitterLayer), {input},
                    {U8({1, 1, 2}, 0.1f, 7), U8({1, 1, 2}, 0.1f, 7)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{1, 2}));
    EXPECT_EQ(out[1].As<uint8_t>(), (std::vector<uint8_t>{3, 4}));
}

TEST_P(LayerTest, StackFloat32Axis1)
{
    // a = [[1, 2], [3, 4]], b = [[5, 6], [7, 8]] stacked at axis 1: out[i, k, j] = (k ? b : a)[i, j].
    TestTensor a = TestTensor::Float({2, 2}, {1, 2, 3, 4});
    TestTensor b = TestTensor::Float({2, 2}, {5, 6, 7, 8});
    ARMNN_RUN_LAYER(out, Layer(StackDescriptor(1, 2, TensorShape({2, 2})), &INetwork::AddStackLayer), {a, b},
                    {F32({2, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 5, 6, 3, 4, 7, 8}));
}

TEST_P(LayerTest, StackSigned32LastAxis)
{
    // Stacked at axis 2 (after the last input dimension): out[i, j, k] = (k ? b : a)[i, j] -> interleaved.
    TestTensor a = TestTensor::Of<int32_t>(S32({2, 2}), {1, 2, 3, 4});
    TestTensor b = TestTensor::Of<int32_t>(S32({2, 2}), {5, 6, 7, 8});
    ARMNN_RUN_LAYER(out, Layer(StackDescriptor(2, 2, TensorShape({2, 2})), &INetwork::AddStackLayer), {a, b},
                    {S32({2, 2, 2})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{1, 5, 2, 6, 3, 7, 4, 8}));
}

TEST_P(LayerTest, StackQAsymmU8Axis0ThreeInputs)
{
    TestTensor a = TestTensor::Of<uint8_t>(U8({2}), {1, 2});
    TestTensor b = TestTensor::Of<uint8_t>(U8({2}), {3, 4});
    TestTensor c = TestTensor::Of<uint8_t>(U8({2}), {5, 6});
    ARMNN_RUN_LAYER(out, Layer(StackDescriptor(0, 3, TensorShape({2})), &INetwork::AddStackLayer), {a, b, c},
                    {U8({3, 2})});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{1, 2, 3, 4, 5, 6}));
}

//
// Pad and Tile
//

TEST_P(LayerTest, PadConstantFloat32Rank2)
{
    // [[1, 2], [3, 4]] with one row before and two columns after, filled with 9.
    PadDescriptor desc({{1, 0}, {0, 2}}, 9.0f);
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddPadLayer), {TestTensor::Float({2, 2}, {1, 2, 3, 4})},
                    {F32({3, 4})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9}));
}

TEST_P(LayerTest, PadReflectRank1)
{
    // Reflect does not repeat the edge: [1, 2, 3, 4] padded by 2 each side -> [3, 2 | 1, 2, 3, 4 | 3, 2].
    PadDescriptor desc({{2, 2}}, 0.0f, PaddingMode::Reflect);
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddPadLayer), {TestTensor::Float({4}, {1, 2, 3, 4})}, {F32({8})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {3, 2, 1, 2, 3, 4, 3, 2}));
}

TEST_P(LayerTest, PadSymmetricRank1)
{
    // Symmetric repeats the edge: [1, 2, 3, 4] padded by 2 each side -> [2, 1 | 1, 2, 3, 4 | 4, 3].
    PadDescriptor desc({{2, 2}}, 0.0f, PaddingMode::Symmetric);
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddPadLayer), {TestTensor::Float({4}, {1, 2, 3, 4})}, {F32({8})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {2, 1, 1, 2, 3, 4, 4, 3}));
}

TEST_P(LayerTest, PadReflectRank2)
{
    // [[1, 2, 3], [4, 5, 6]] padded by 1 everywhere. Rows read input rows [1, 0, 1, 0]; columns read
    // [1, 0, 1, 2, 1], so a row [a, b, c] becomes [b, a, b, c, b].
    PadDescriptor desc({{1, 1}, {1, 1}}, 0.0f, PaddingMode::Reflect);
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddPadLayer), {TestTensor::Float({2, 3}, {1, 2, 3, 4, 5, 6})},
                    {F32({4, 5})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {5, 4, 5, 6, 5, 2, 1, 2, 3, 2, 5, 4, 5, 6, 5, 2, 1, 2, 3, 2}));
}

TEST_P(LayerTest, PadConstantQAsymmU8PadValueInRealUnits)
{
    // Scale 0.5, offset 10: pad value 1.0 -> q 12; input reals {2, 3} -> q {14, 16}.
    TestTensor input = TestTensor::Quantized({2}, DataType::QAsymmU8, 0.5f, 10, {2.0f, 3.0f});
    PadDescriptor desc({{1, 1}}, 1.0f);
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddPadLayer), {input}, {U8({4}, 0.5f, 10)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{12, 14, 16, 12}));
}

TEST_P(LayerTest, PadConstantSigned32Rank5)
{
    // [1, 1, 1, 1, 2] = {7, 8}: one zero before the last dimension, one block of zeros after dimension 0.
    // Shape [2, 1, 1, 1, 3]: first block {0, 7, 8}, second block all padding.
    PadDescriptor desc({{0, 1}, {0, 0}, {0, 0}, {0, 0}, {1, 0}});
    TestTensor input = TestTensor::Of<int32_t>(S32({1, 1, 1, 1, 2}), {7, 8});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddPadLayer), {input}, {S32({2, 1, 1, 1, 3})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{0, 7, 8, 0, 0, 0}));
}

TEST_P(LayerTest, PadSymmetricRank3)
{
    // [1, 2, 2] = [[1, 2], [3, 4]] with symmetric (1, 1) on the middle dimension: rows [0, 0, 1, 1].
    PadDescriptor desc({{0, 0}, {1, 1}, {0, 0}}, 0.0f, PaddingMode::Symmetric);
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddPadLayer), {TestTensor::Float({1, 2, 2}, {1, 2, 3, 4})},
                    {F32({1, 4, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 1, 2, 3, 4, 3, 4}));
}

TEST_P(LayerTest, TileFloat32Rank2)
{
    // [[1, 2], [3, 4]] repeated twice along columns.
    ARMNN_RUN_LAYER(out, Layer(TileDescriptor({1, 2}), &INetwork::AddTileLayer),
                    {TestTensor::Float({2, 2}, {1, 2, 3, 4})}, {F32({2, 4})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 1, 2, 3, 4, 3, 4}));
}

TEST_P(LayerTest, TileSigned32BothAxes)
{
    // [[1, 2]] tiled 2 x 2 -> [[1, 2, 1, 2], [1, 2, 1, 2]].
    TestTensor input = TestTensor::Of<int32_t>(S32({1, 2}), {1, 2});
    ARMNN_RUN_LAYER(out, Layer(TileDescriptor({2, 2}), &INetwork::AddTileLayer), {input}, {S32({2, 4})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{1, 2, 1, 2, 1, 2, 1, 2}));
}

TEST_P(LayerTest, TileQAsymmU8Rank1)
{
    TestTensor input = TestTensor::Of<uint8_t>(U8({2}), {5, 6});
    ARMNN_RUN_LAYER(out, Layer(TileDescriptor({3}), &INetwork::AddTileLayer), {input}, {U8({6})});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{5, 6, 5, 6, 5, 6}));
}

//
// Reductions
//

namespace
{
ReduceDescriptor Reduce(ReduceOperation op, std::vector<uint32_t> axes, bool keepDims = false)
{
    ReduceDescriptor desc;
    desc.m_ReduceOperation = op;
    desc.m_vAxis = std::move(axes);
    desc.m_KeepDims = keepDims;
    return desc;
}
} // namespace

TEST_P(LayerTest, ReduceSumFloat32Axis1)
{
    // Rows of [[1, 2, 3], [4, 5, 6]] sum to 6 and 15.
    ARMNN_RUN_LAYER(out, Layer(Reduce(ReduceOperation::Sum, {1}), &INetwork::AddReduceLayer),
                    {FloatIota({2, 3}, 1)}, {F32({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {6, 15}));
}

TEST_P(LayerTest, ReduceSumFloat32KeepDims)
{
    // Columns of [[1, 2, 3], [4, 5, 6]] sum to 5, 7, 9; kept as [1, 3].
    ARMNN_RUN_LAYER(out, Layer(Reduce(ReduceOperation::Sum, {0}, true), &INetwork::AddReduceLayer),
                    {FloatIota({2, 3}, 1)}, {F32({1, 3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {5, 7, 9}));
}

TEST_P(LayerTest, ReduceMeanAllAxesWhenEmpty)
{
    // Mean of 1..6 = 21 / 6 = 3.5; every axis reduced without keepDims gives shape [1].
    ARMNN_RUN_LAYER(out, Layer(Reduce(ReduceOperation::Mean, {}), &INetwork::AddReduceLayer),
                    {FloatIota({2, 3}, 1)}, {F32({1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {3.5f}));
}

TEST_P(LayerTest, ReduceMaxTwoAxesRank3)
{
    // [2, 2, 2] = 1..8, element [i, j, k] = 4i + 2j + k + 1. Max over i, k: j = 0 -> max(1, 2, 5, 6) = 6;
    // j = 1 -> max(3, 4, 7, 8) = 8.
    ARMNN_RUN_LAYER(out, Layer(Reduce(ReduceOperation::Max, {0, 2}), &INetwork::AddReduceLayer),
                    {FloatIota({2, 2, 2}, 1)}, {F32({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {6, 8}));
}

TEST_P(LayerTest, ReduceMinAxis0KeepDims)
{
    // Min over i of 4i + 2j + k + 1 is the i = 0 slice: {1, 2, 3, 4}, shape [1, 2, 2].
    ARMNN_RUN_LAYER(out, Layer(Reduce(ReduceOperation::Min, {0}, true), &INetwork::AddReduceLayer),
                    {FloatIota({2, 2, 2}, 1)}, {F32({1, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 3, 4}));
}

TEST_P(LayerTest, ReduceProdLastAxis)
{
    // Pairs (1, 2), (3, 4), (5, 6), (7, 8) multiply to 2, 12, 30, 56.
    ARMNN_RUN_LAYER(out, Layer(Reduce(ReduceOperation::Prod, {2}), &INetwork::AddReduceLayer),
                    {FloatIota({2, 2, 2}, 1)}, {F32({2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {2, 12, 30, 56}));
}

TEST_P(LayerTest, ReduceSumQAsymmU8)
{
    // Input scale 1, offset 0: [[1, 2], [3, 4]]; column sums 4 and 6; output scale 0.5 -> q {8, 12}.
    TestTensor input = TestTensor::Of<uint8_t>(U8({2, 2}), {1, 2, 3, 4});
    ARMNN_RUN_LAYER(out, Layer(Reduce(ReduceOperation::Sum, {0}), &INetwork::AddReduceLayer), {input},
                    {U8({2}, 0.5f)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{8, 12}));
}

TEST_P(LayerTest, ReduceSumSigned32Rank1)
{
    TestTensor input = TestTensor::Of<int32_t>(S32({3}), {1, -2, 30});
    ARMNN_RUN_LAYER(out, Layer(Reduce(ReduceOperation::Sum, {0}), &INetwork::AddReduceLayer), {input}, {S32({1})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{29}));
}

TEST_P(LayerTest, MeanSpatialKeepDimsNhwc)
{
    // [1, 2, 2, 2] iota, element [0, h, w, c] = 4h + 2w + c. Mean over h, w: c = 0 -> (0+2+4+6)/4 = 3;
    // c = 1 -> (1+3+5+7)/4 = 4.
    ARMNN_RUN_LAYER(out, Layer(MeanDescriptor({1, 2}, true), &INetwork::AddMeanLayer), {FloatIota({1, 2, 2, 2})},
                    {F32({1, 1, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {3, 4}));
}

TEST_P(LayerTest, MeanRank5DropsAxis)
{
    // [1, 1, 1, 2, 2] = {1, 2, 3, 4}, mean over the last axis: (1+2)/2, (3+4)/2.
    ARMNN_RUN_LAYER(out, Layer(MeanDescriptor({4}, false), &INetwork::AddMeanLayer), {FloatIota({1, 1, 1, 2, 2}, 1)},
                    {F32({1, 1, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1.5f, 3.5f}));
}

TEST_P(LayerTest, ArgMaxFloat32TiesPickLowestIndex)
{
    // Rows [1, 3, 3] and [5, 2, 5]: the first maximum is at 1 and at 0.
    ArgMinMaxDescriptor desc;
    desc.m_Function = ArgMinMaxFunction::Max;
    desc.m_Axis = 1;
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddArgMinMaxLayer), {TestTensor::Float({2, 3}, {1, 3, 3, 5, 2, 5})},
                    {S32({2})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{1, 0}));
}

TEST_P(LayerTest, ArgMinFloat32Axis0)
{
    // Columns (1, 5), (3, 2), (3, 3): minimum at rows 0, 1, and 0 (tie).
    ArgMinMaxDescriptor desc;
    desc.m_Function = ArgMinMaxFunction::Min;
    desc.m_Axis = 0;
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddArgMinMaxLayer), {TestTensor::Float({2, 3}, {1, 3, 3, 5, 2, 3})},
                    {S32({3})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{0, 1, 0}));
}

TEST_P(LayerTest, ArgMaxQAsymmU8NegativeAxisSigned64)
{
    // Axis -1 of [2, 2] bytes [[10, 200], [7, 3]] -> {1, 0} as int64.
    ArgMinMaxDescriptor desc;
    desc.m_Function = ArgMinMaxFunction::Max;
    desc.m_Axis = -1;
    desc.m_Output_Type = DataType::Signed64;
    TestTensor input = TestTensor::Of<uint8_t>(U8({2, 2}, 0.5f, 4), {10, 200, 7, 3});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddArgMinMaxLayer), {input},
                    {TensorInfo({2}, DataType::Signed64)});
    EXPECT_EQ(out[0].As<int64_t>(), (std::vector<int64_t>{1, 0}));
}

TEST_P(LayerTest, ArgMinSigned32ComparesExactly)
{
    // 16777217 and 16777216 are equal as floats but not as integers: the minimum is at index 1.
    ArgMinMaxDescriptor desc;
    desc.m_Axis = 0;
    TestTensor input = TestTensor::Of<int32_t>(S32({2}), {16777217, 16777216});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddArgMinMaxLayer), {input}, {S32({1})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{1}));
}

//
// Resize
//

namespace
{
ResizeDescriptor Resize(ResizeMethod method, DataLayout layout, unsigned int h, unsigned int w,
                        bool alignCorners = false, bool halfPixel = false)
{
    ResizeDescriptor desc;
    desc.m_Method = method;
    desc.m_DataLayout = layout;
    desc.m_TargetHeight = h;
    desc.m_TargetWidth = w;
    desc.m_AlignCorners = alignCorners;
    desc.m_HalfPixelCenters = halfPixel;
    return desc;
}
} // namespace

TEST_P(LayerTest, ResizeBilinearNhwcUpscale)
{
    // 2x2 [[1, 2], [3, 4]] -> 3x3, scale 2/3: sample positions 0, 2/3, 4/3 (clamped to index 1).
    // Along a line [a, b]: [a, a/3 + 2b/3, b]. Rows: [1, 5/3, 2], [7/3, 3, 10/3], [3, 11/3, 4].
    TestTensor input = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4});
    ARMNN_RUN_LAYER(out, Layer(Resize(ResizeMethod::Bilinear, DataLayout::NHWC, 3, 3), &INetwork::AddResizeLayer),
                    {input}, {F32({1, 3, 3, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 5.0f / 3, 2, 7.0f / 3, 3, 10.0f / 3, 3, 11.0f / 3, 4}));
}

TEST_P(LayerTest, ResizeBilinearAlignCorners)
{
    // Align corners: scale (2 - 1) / (3 - 1) = 0.5, positions 0, 0.5, 1 -> midpoints between the corners.
    TestTensor input = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4});
    ARMNN_RUN_LAYER(out,
                    Layer(Resize(ResizeMethod::Bilinear, DataLayout::NHWC, 3, 3, true), &INetwork::AddResizeLayer),
                    {input}, {F32({1, 3, 3, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 1.5f, 2, 2, 2.5f, 3, 3, 3.5f, 4}));
}

TEST_P(LayerTest, ResizeBilinearHalfPixelNchwTwoChannels)
{
    // 2 -> 4 with half-pixel centres: scale 0.5, positions (i + 0.5) * 0.5 - 0.5 = -0.25, 0.25, 0.75, 1.25;
    // the ends clamp to the edge pixels, so a line [a, b] becomes [a, 0.75a + 0.25b, 0.25a + 0.75b, b].
    // Channel 0 = [[1, 2], [3, 4]]; channel 1 adds 10.
    TestTensor input = TestTensor::Float({1, 2, 2, 2}, {1, 2, 3, 4, 11, 12, 13, 14});
    ARMNN_RUN_LAYER(out,
                    Layer(Resize(ResizeMethod::Bilinear, DataLayout::NCHW, 4, 4, false, true),
                          &INetwork::AddResizeLayer),
                    {input}, {F32({1, 2, 4, 4})});
    std::vector<float> channel0 = {1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f,
                                   2.5f, 2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4};
    std::vector<float> expected = channel0;
    for (float v : channel0)
    {
        expected.push_back(v + 10);
    }
    EXPECT_TRUE(AllClose(out[0].AsFloat(), expected));
}

TEST_P(LayerTest, ResizeNearestNhwcUpscale)
{
    // 2x2 -> 4x4, scale 0.5: source index floor(i * 0.5) = 0, 0, 1, 1 on both axes.
    TestTensor input = TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4});
    ARMNN_RUN_LAYER(out,
                    Layer(Resize(ResizeMethod::NearestNeighbor, DataLayout::NHWC, 4, 4), &INetwork::AddResizeLayer),
                    {input}, {F32({1, 4, 4, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}));
}

TEST_P(LayerTest, ResizeNearestDownscaleModes)
{
    // Width 3 -> 2 of [a, b, c] = [1, 2, 3]:
    //   plain: scale 1.5, floor(0) = 0, floor(1.5) = 1 -> [1, 2]
    //   align corners: scale 2, round(0) = 0, round(2) = 2 -> [1, 3]
    //   half pixel: floor(0.5 * 1.5) = 0, floor(1.5 * 1.5) = 2 -> [1, 3]
    TestTensor input = TestTensor::Float({1, 1, 3, 1}, {1, 2, 3});
    {
        ARMNN_RUN_LAYER(out, Layer(Resize(ResizeMethod::NearestNeighbor, DataLayout::NHWC, 1, 2),
                                   &INetwork::AddResizeLayer),
                        {input}, {F32({1, 1, 2, 1})});
        EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2}));
    }
    {
        ARMNN_RUN_LAYER(out, Layer(Resize(ResizeMethod::NearestNeighbor, DataLayout::NHWC, 1, 2, true),
                                   &INetwork::AddResizeLayer),
                        {input}, {F32({1, 1, 2, 1})});
        EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 3}));
    }
    {
        ARMNN_RUN_LAYER(out, Layer(Resize(ResizeMethod::NearestNeighbor, DataLayout::NHWC, 1, 2, false, true),
                                   &INetwork::AddResizeLayer),
                        {input}, {F32({1, 1, 2, 1})});
        EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 3}));
    }
}

TEST_P(LayerTest, ResizeBilinearQAsymmU8AlignCorners)
{
    // [0, 10] (scale 1) -> 3 wide with aligned corners: [0, 5, 10].
    TestTensor input = TestTensor::Of<uint8_t>(U8({1, 1, 2, 1}), {0, 10});
    ARMNN_RUN_LAYER(out,
                    Layer(Resize(ResizeMethod::Bilinear, DataLayout::NHWC, 1, 3, true), &INetwork::AddResizeLayer),
                    {input}, {U8({1, 1, 3, 1})});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{0, 5, 10}));
}

//
// Slice and StridedSlice
//

TEST_P(LayerTest, SliceFloat32Rank3)
{
    // [2, 3, 4] iota (12i + 4j + k): i = 1, j in 0..1, k in 2..3 -> 14, 15, 18, 19.
    ARMNN_RUN_LAYER(out, Layer(SliceDescriptor({1, 0, 2}, {1, 2, 2}), &INetwork::AddSliceLayer),
                    {FloatIota({2, 3, 4})}, {F32({1, 2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {14, 15, 18, 19}));
}

TEST_P(LayerTest, SliceSigned32Rank1)
{
    TestTensor input = TestTensor::Of<int32_t>(S32({5}), {10, 11, 12, 13, 14});
    ARMNN_RUN_LAYER(out, Layer(SliceDescriptor({2}, {3}), &INetwork::AddSliceLayer), {input}, {S32({3})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{12, 13, 14}));
}

TEST_P(LayerTest, SliceQAsymmU8Rank4)
{
    // [1, 2, 2, 1] bytes {1, 2, 3, 4}: the second row.
    TestTensor input = TestTensor::Of<uint8_t>(U8({1, 2, 2, 1}), {1, 2, 3, 4});
    ARMNN_RUN_LAYER(out, Layer(SliceDescriptor({0, 1, 0, 0}, {1, 1, 2, 1}), &INetwork::AddSliceLayer), {input},
                    {U8({1, 1, 2, 1})});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{3, 4}));
}

TEST_P(LayerTest, StridedSliceFloat32Strides)
{
    // [3, 4] iota (4i + j): rows 0, 2 and columns 1, 3 -> 1, 3, 9, 11.
    StridedSliceDescriptor desc({0, 1}, {3, 4}, {2, 2});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddStridedSliceLayer), {FloatIota({3, 4})}, {F32({2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 3, 9, 11}));
}

TEST_P(LayerTest, StridedSliceNegativeStride)
{
    // [0, 1, 2, 3, 4] from -1 (index 4) down to 0 exclusive, step -2 -> 4, 2.
    StridedSliceDescriptor desc({-1}, {0}, {-2});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddStridedSliceLayer), {FloatIota({5})}, {F32({2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {4, 2}));
}

TEST_P(LayerTest, StridedSliceReverseWithMasks)
{
    // Begin and end masks with stride -1 take the whole dimension backwards.
    StridedSliceDescriptor desc({0}, {0}, {-1});
    desc.m_BeginMask = 1;
    desc.m_EndMask = 1;
    TestTensor input = TestTensor::Of<int32_t>(S32({4}), {1, 2, 3, 4});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddStridedSliceLayer), {input}, {S32({4})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{4, 3, 2, 1}));
}

TEST_P(LayerTest, StridedSliceBeginEndMasks)
{
    // [3, 4] iota. Axis 0: begin mask -> from 0, end 2 -> rows 0, 1. Axis 1: begin 1, end mask -> columns 1..3.
    StridedSliceDescriptor desc({2, 1}, {2, 0}, {1, 1});
    desc.m_BeginMask = 1;
    desc.m_EndMask = 2;
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddStridedSliceLayer), {FloatIota({3, 4})}, {F32({2, 3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 3, 5, 6, 7}));
}

TEST_P(LayerTest, StridedSliceShrinkAxisNegativeIndex)
{
    // [2, 3] iota, axis 0 shrunk at index -1 (row 1): [3, 4, 5], shape [3].
    StridedSliceDescriptor desc({-1, 0}, {0, 3}, {1, 1});
    desc.m_ShrinkAxisMask = 1;
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddStridedSliceLayer), {FloatIota({2, 3})}, {F32({3})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {3, 4, 5}));
}

TEST_P(LayerTest, StridedSliceQAsymmU8Rank4NegativeIndices)
{
    // [1, 1, 1, 6] bytes 0..5, last axis from -5 (1) to -1 (5) exclusive, stride 2 -> 1, 3.
    TestTensor input = TestTensor::Of<uint8_t>(U8({1, 1, 1, 6}), {0, 1, 2, 3, 4, 5});
    StridedSliceDescriptor desc({0, 0, 0, -5}, {1, 1, 1, -1}, {1, 1, 1, 2});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddStridedSliceLayer), {input}, {U8({1, 1, 1, 2})});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{1, 3}));
}

//
// Gather
//

TEST_P(LayerTest, GatherFloat32Axis0)
{
    // Rows 2 and 0 of [[1, 2], [3, 4], [5, 6]].
    TestTensor params = TestTensor::Float({3, 2}, {1, 2, 3, 4, 5, 6});
    TestTensor indices = TestTensor::Of<int32_t>(S32({2}), {2, 0});
    ARMNN_RUN_LAYER(out, Layer(GatherDescriptor(0), &INetwork::AddGatherLayer), {params, indices}, {F32({2, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {5, 6, 1, 2}));
}

TEST_P(LayerTest, GatherSigned32Axis1MatrixIndices)
{
    // params [2, 3] iota (3i + j), indices [[2, 1], [0, 2]] on axis 1: out[i, a, b] = 3i + idx[a, b].
    TestTensor params = TestTensor::Of<int32_t>(S32({2, 3}), {0, 1, 2, 3, 4, 5});
    TestTensor indices = TestTensor::Of<int32_t>(S32({2, 2}), {2, 1, 0, 2});
    ARMNN_RUN_LAYER(out, Layer(GatherDescriptor(1), &INetwork::AddGatherLayer), {params, indices}, {S32({2, 2, 2})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{2, 1, 0, 2, 5, 4, 3, 5}));
}

TEST_P(LayerTest, GatherQAsymmU8NegativeAxis)
{
    // Axis -1 of [2, 2] bytes [[1, 2], [3, 4]], index [1] -> [[2], [4]].
    TestTensor params = TestTensor::Of<uint8_t>(U8({2, 2}, 0.25f, 1), {1, 2, 3, 4});
    TestTensor indices = TestTensor::Of<int32_t>(S32({1}), {1});
    ARMNN_RUN_LAYER(out, Layer(GatherDescriptor(-1), &INetwork::AddGatherLayer), {params, indices},
                    {U8({2, 1}, 0.25f, 1)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{2, 4}));
}

TEST_P(LayerTest, GatherIndexOutOfRangeFailsExecution)
{
    // Index 3 of a dimension of size 3 must not be read: execution fails instead.
    TestTensor params = TestTensor::Float({3}, {1, 2, 3});
    TestTensor indices = TestTensor::Of<int32_t>(S32({2}), {0, 3});
    std::string unsupported;
    try
    {
        if (!TryRunLayer(Backend(), Layer(GatherDescriptor(0), &INetwork::AddGatherLayer), {params, indices},
                         {F32({2})}, unsupported))
        {
            GTEST_SKIP() << unsupported;
        }
        ADD_FAILURE() << "execution with an out-of-range index did not fail";
    }
    catch (const Exception&)
    {
    }
}

//
// Depth/space and batch/space rearrangements, channel shuffle
//

TEST_P(LayerTest, DepthToSpaceNhwcFloat32)
{
    // [1, 1, 2, 4] iota, in[0, 0, w, c] = 4w + c, block 2 (DCR): out[0, by, 2w + bx, 0] = in[0, 0, w, 2by + bx].
    // Row by = 0: w0 -> 0, 1; w1 -> 4, 5. Row by = 1: 2, 3, 6, 7.
    ARMNN_RUN_LAYER(out, Layer(DepthToSpaceDescriptor(2, DataLayout::NHWC), &INetwork::AddDepthToSpaceLayer),
                    {FloatIota({1, 1, 2, 4})}, {F32({1, 2, 4, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 1, 4, 5, 2, 3, 6, 7}));
}

TEST_P(LayerTest, DepthToSpaceNchwSigned32)
{
    // [1, 4, 1, 2], in[0, c, 0, w] = 2c + w; out[0, 0, by, 2w + bx] = in[0, 2by + bx, 0, w].
    // Row by = 0: (w0, bx0) 0, (w0, bx1) 2, (w1, bx0) 1, (w1, bx1) 3. Row by = 1: 4, 6, 5, 7.
    TestTensor input = TestTensor::Of<int32_t>(S32({1, 4, 1, 2}), {0, 1, 2, 3, 4, 5, 6, 7});
    ARMNN_RUN_LAYER(out, Layer(DepthToSpaceDescriptor(2, DataLayout::NCHW), &INetwork::AddDepthToSpaceLayer),
                    {input}, {S32({1, 1, 2, 4})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{0, 2, 1, 3, 4, 6, 5, 7}));
}

TEST_P(LayerTest, SpaceToDepthNhwcQAsymmU8)
{
    // The inverse of DepthToSpaceNhwcFloat32: that test's output goes back to iota.
    TestTensor input = TestTensor::Of<uint8_t>(U8({1, 2, 4, 1}), {0, 1, 4, 5, 2, 3, 6, 7});
    ARMNN_RUN_LAYER(out, Layer(SpaceToDepthDescriptor(2, DataLayout::NHWC), &INetwork::AddSpaceToDepthLayer),
                    {input}, {U8({1, 1, 2, 4})});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{0, 1, 2, 3, 4, 5, 6, 7}));
}

TEST_P(LayerTest, SpaceToDepthNchwFloat32)
{
    // The inverse of DepthToSpaceNchwSigned32.
    TestTensor input = TestTensor::Float({1, 1, 2, 4}, {0, 2, 1, 3, 4, 6, 5, 7});
    ARMNN_RUN_LAYER(out, Layer(SpaceToDepthDescriptor(2, DataLayout::NCHW), &INetwork::AddSpaceToDepthLayer),
                    {input}, {F32({1, 4, 1, 2})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), Iota(8)));
}

TEST_P(LayerTest, ChannelShuffleTwoAndThreeGroups)
{
    // 6 channels. 2 groups of 3: out[2k + g] = in[3g + k] -> 0, 3, 1, 4, 2, 5.
    // 3 groups of 2: out[3k + g] = in[2g + k] -> 0, 2, 4, 1, 3, 5.
    {
        ARMNN_RUN_LAYER(out, Layer(ChannelShuffleDescriptor(2, 1), &INetwork::AddChannelShuffleLayer),
                        {FloatIota({1, 6})}, {F32({1, 6})});
        EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 3, 1, 4, 2, 5}));
    }
    {
        ARMNN_RUN_LAYER(out, Layer(ChannelShuffleDescriptor(3, 1), &INetwork::AddChannelShuffleLayer),
                        {FloatIota({1, 6})}, {F32({1, 6})});
        EXPECT_TRUE(AllClose(out[0].AsFloat(), {0, 2, 4, 1, 3, 5}));
    }
}

TEST_P(LayerTest, ChannelShuffleSigned32NhwcLastAxis)
{
    // [1, 1, 2, 4], 2 groups of 2 on axis 3: each pixel [a, b, c, d] -> [a, c, b, d].
    TestTensor input = TestTensor::Of<int32_t>(S32({1, 1, 2, 4}), {0, 1, 2, 3, 4, 5, 6, 7});
    ARMNN_RUN_LAYER(out, Layer(ChannelShuffleDescriptor(2, 3), &INetwork::AddChannelShuffleLayer), {input},
                    {S32({1, 1, 2, 4})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{0, 2, 1, 3, 4, 6, 5, 7}));
}

TEST_P(LayerTest, SpaceToBatchNdNhwcWithPadding)
{
    // [1, 2, 2, 1] = [[1, 2], [3, 4]], block [2, 2], two zero columns after: padded rows [1, 2, 0, 0] and
    // [3, 4, 0, 0]. Batch b = 2by + bx holds padded[by, 2w + bx] for w = 0, 1:
    // b0 {1, 0}, b1 {2, 0}, b2 {3, 0}, b3 {4, 0}.
    SpaceToBatchNdDescriptor desc({2, 2}, {{0, 0}, {0, 2}});
    desc.m_DataLayout = DataLayout::NHWC;
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddSpaceToBatchNdLayer), {TestTensor::Float({1, 2, 2, 1}, {1, 2, 3, 4})},
                    {F32({4, 1, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 0, 2, 0, 3, 0, 4, 0}));
}

TEST_P(LayerTest, SpaceToBatchNdQAsymmU8PadsWithZeroPoint)
{
    // As above with offset 5: real 0 in the padding is stored as 5.
    SpaceToBatchNdDescriptor desc({2, 2}, {{0, 0}, {0, 2}});
    desc.m_DataLayout = DataLayout::NHWC;
    TestTensor input = TestTensor::Of<uint8_t>(U8({1, 2, 2, 1}, 1.0f, 5), {6, 7, 8, 9});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddSpaceToBatchNdLayer), {input}, {U8({4, 1, 2, 1}, 1.0f, 5)});
    EXPECT_EQ(out[0].As<uint8_t>(), (std::vector<uint8_t>{6, 5, 7, 5, 8, 5, 9, 5}));
}

TEST_P(LayerTest, BatchToSpaceNdNhwcWithCrops)
{
    // The inverse of SpaceToBatchNdNhwcWithPadding, with the padding cropped away.
    BatchToSpaceNdDescriptor desc({2, 2}, {{0, 0}, {0, 2}});
    desc.m_DataLayout = DataLayout::NHWC;
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddBatchToSpaceNdLayer),
                    {TestTensor::Float({4, 1, 2, 1}, {1, 0, 2, 0, 3, 0, 4, 0})}, {F32({1, 2, 2, 1})});
    EXPECT_TRUE(AllClose(out[0].AsFloat(), {1, 2, 3, 4}));
}

TEST_P(LayerTest, BatchToSpaceNdNchwSigned32)
{
    // [4, 1, 1, 1] = {1, 2, 3, 4}, block [2, 2]: batch 2by + bx goes to pixel (by, bx) -> [[1, 2], [3, 4]].
    BatchToSpaceNdDescriptor desc({2, 2}, {{0, 0}, {0, 0}});
    TestTensor input = TestTensor::Of<int32_t>(S32({4, 1, 1, 1}), {1, 2, 3, 4});
    ARMNN_RUN_LAYER(out, Layer(desc, &INetwork::AddBatchToSpaceNdLayer), {input}, {S32({1, 1, 2, 2})});
    EXPECT_EQ(out[0].As<int32_t>(), (std::vector<int32_t>{1, 2, 3, 4}));
}
