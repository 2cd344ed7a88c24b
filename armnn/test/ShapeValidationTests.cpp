//
// Shape inference and validation of the data-movement, reduction and resize layers: bad parameters (as an
// untrusted model file could carry) make Optimize throw a LayerValidationException naming the problem.
//
#include <armnn/ArmNN.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

using namespace armnn;

namespace
{
using AddFn = std::function<IConnectableLayer*(INetwork&)>;

/// Builds inputs -> layer -> outputs (output infos left for shape inference), optimizes it for CpuRef and
/// returns the LayerValidationException's message, or "" when Optimize succeeds.
std::string OptimizeError(const AddFn& add, const std::vector<TensorInfo>& inputs, unsigned int numOutputs = 1)
{
    static IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* layer = add(*net);
    for (unsigned int i = 0; i < inputs.size(); ++i)
    {
        IConnectableLayer* input = net->AddInputLayer(static_cast<LayerBindingId>(i));
        input->GetOutputSlot(0).SetTensorInfo(inputs[i]);
        input->GetOutputSlot(0).Connect(layer->GetInputSlot(i));
    }
    for (unsigned int o = 0; o < numOutputs; ++o)
    {
        layer->GetOutputSlot(o).Connect(net->AddOutputLayer(static_cast<LayerBindingId>(o))->GetInputSlot(0));
    }
    OptimizerOptionsOpaque options;
    options.SetShapeInferenceMethod(ShapeInferenceMethod::InferAndValidate);
    try
    {
        Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec(), options);
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

#define EXPECT_INVALID(call, fragment) \
    do \
    { \
        const std::string message = (call); \
        EXPECT_NE(message.find(fragment), std::string::npos) << "message: '" << message << "'"; \
    } while (false)
} // namespace

TEST(ShapeValidation, ValidLayersOptimize)
{
    EXPECT_EQ(OptimizeError([](INetwork& n) { return n.AddTransposeLayer(TransposeDescriptor({1, 2, 0}), "t"); },
                            {F32({2, 3, 4})}),
              "");
    EXPECT_EQ(OptimizeError([](INetwork& n) { return n.AddPadLayer(PadDescriptor({{1, 1}}), "p"); }, {F32({3})}), "");
}

TEST(ShapeValidation, TransposePermutationOfWrongLength)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddTransposeLayer(TransposeDescriptor({1, 0}), "t"); },
                                 {F32({2, 3, 4})}),
                   "the permutation has 2 entries");
}

TEST(ShapeValidation, PermuteEmptyPermutation)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddPermuteLayer(PermuteDescriptor(), "p"); },
                                 {F32({2, 3})}),
                   "the permutation has 0 entries");
}

TEST(ShapeValidation, ConcatViewsWithGap)
{
    // Two [1, 2] inputs placed at columns 0 and 3 leave column 2 uncovered.
    OriginsDescriptor desc(2, 2);
    desc.SetViewOriginCoord(1, 1, 3);
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddConcatLayer(desc, "c"); }, {F32({1, 2}), F32({1, 2})}),
                   "do not cover");
}

TEST(ShapeValidation, ConcatOverlappingViews)
{
    OriginsDescriptor desc(2, 2);
    desc.SetViewOriginCoord(1, 1, 1);
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddConcatLayer(desc, "c"); }, {F32({1, 2}), F32({1, 2})}),
                   "overlap");
}

TEST(ShapeValidation, ConcatViewRankMismatch)
{
    OriginsDescriptor desc(2, 4);
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddConcatLayer(desc, "c"); }, {F32({1, 2}), F32({1, 2})}),
                   "dimensions but input 0 has rank 2");
}

TEST(ShapeValidation, SplitterViewsDoNotTile)
{
    ViewsDescriptor desc(2, 1);
    desc.SetViewSize(0, 0, 2);
    desc.SetViewOriginCoord(1, 0, 2);
    desc.SetViewSize(1, 0, 1);
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddSplitterLayer(desc, "s"); }, {F32({4})}, 2),
                   "do not cover");
}

TEST(ShapeValidation, SplitterViewBeyondInput)
{
    ViewsDescriptor desc(1, 1);
    desc.SetViewOriginCoord(0, 0, 1);
    desc.SetViewSize(0, 0, 4);
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddSplitterLayer(desc, "s"); }, {F32({4})}),
                   "extends beyond the input");
}

TEST(ShapeValidation, StackInputShapeMismatch)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddStackLayer(StackDescriptor(0, 2, {2}), "s"); },
                                 {F32({2}), F32({3})}),
                   "input 1 has shape");
}

TEST(ShapeValidation, StackAxisOutOfRange)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddStackLayer(StackDescriptor(3, 1, {2}), "s"); },
                                 {F32({2})}),
                   "axis 3 is out of range");
}

TEST(ShapeValidation, PadListOfWrongRank)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddPadLayer(PadDescriptor({{1, 1}}), "p"); },
                                 {F32({2, 2})}),
                   "the pad list has 1 entries");
}

TEST(ShapeValidation, PadReflectBeyondEdge)
{
    // Reflect can pad at most size - 1 = 2.
    EXPECT_INVALID(OptimizeError([](INetwork& n) {
                       return n.AddPadLayer(PadDescriptor({{3, 0}}, 0.0f, PaddingMode::Reflect), "p");
                   }, {F32({3})}),
                   "padding (3, 0) of dimension 0 exceeds 2");
}

TEST(ShapeValidation, ReduceAxisOutOfRange)
{
    ReduceDescriptor desc;
    desc.m_vAxis = {2};
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddReduceLayer(desc, "r"); }, {F32({2, 2})}),
                   "axis 2 is out of range");
}

TEST(ShapeValidation, MeanAxisOutOfRange)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddMeanLayer(MeanDescriptor({5}, false), "m"); },
                                 {F32({2, 2})}),
                   "axis 5 is out of range");
}

TEST(ShapeValidation, ResizeZeroTarget)
{
    ResizeDescriptor desc;
    desc.m_TargetHeight = 2;
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddResizeLayer(desc, "r"); }, {F32({1, 1, 2, 2})}),
                   "has a zero dimension");
}

TEST(ShapeValidation, ResizeAlignCornersWithHalfPixel)
{
    ResizeDescriptor desc;
    desc.m_TargetHeight = 2;
    desc.m_TargetWidth = 2;
    desc.m_AlignCorners = true;
    desc.m_HalfPixelCenters = true;
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddResizeLayer(desc, "r"); }, {F32({1, 1, 2, 2})}),
                   "cannot both be set");
}

TEST(ShapeValidation, ResizeNeedsRank4)
{
    ResizeDescriptor desc;
    desc.m_TargetHeight = 2;
    desc.m_TargetWidth = 2;
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddResizeLayer(desc, "r"); }, {F32({2, 2})}),
                   "has rank 2");
}

TEST(ShapeValidation, StridedSliceZeroStride)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) {
                       return n.AddStridedSliceLayer(StridedSliceDescriptor({0}, {2}, {0}), "s");
                   }, {F32({4})}),
                   "stride of dimension 0 is 0");
}

TEST(ShapeValidation, StridedSliceEllipsisMaskRejected)
{
    StridedSliceDescriptor desc({0}, {2}, {1});
    desc.m_EllipsisMask = 1;
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddStridedSliceLayer(desc, "s"); }, {F32({4})}),
                   "ellipsis and new-axis masks are not supported");
}

TEST(ShapeValidation, StridedSliceBeginOfWrongLength)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) {
                       return n.AddStridedSliceLayer(StridedSliceDescriptor({0}, {2, 2}, {1, 1}), "s");
                   }, {F32({4, 4})}),
                   "m_Begin has 1 entries");
}

TEST(ShapeValidation, StridedSliceShrinkIndexOutOfRange)
{
    StridedSliceDescriptor desc({4}, {5}, {1});
    desc.m_ShrinkAxisMask = 1;
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddStridedSliceLayer(desc, "s"); }, {F32({4})}),
                   "selects index 4");
}

TEST(ShapeValidation, SliceBeyondInput)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddSliceLayer(SliceDescriptor({2}, {3}), "s"); },
                                 {F32({4})}),
                   "begin 2 + size 3 exceeds dimension 0");
}

TEST(ShapeValidation, GatherAxisOutOfRange)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddGatherLayer(GatherDescriptor(2), "g"); },
                                 {F32({2, 2}), TensorInfo({1}, DataType::Signed32)}),
                   "axis 2 is out of range");
}

TEST(ShapeValidation, GatherFloatIndices)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddGatherLayer(GatherDescriptor(0), "g"); },
                                 {F32({2, 2}), F32({1})}),
                   "expected Signed32");
}

TEST(ShapeValidation, ArgMinMaxAxisOutOfRange)
{
    ArgMinMaxDescriptor desc;
    desc.m_Axis = -3;
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddArgMinMaxLayer(desc, "a"); }, {F32({2, 2})}),
                   "axis -3 is out of range");
}

TEST(ShapeValidation, ArgMinMaxFloatOutputType)
{
    ArgMinMaxDescriptor desc;
    desc.m_Output_Type = DataType::Float32;
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddArgMinMaxLayer(desc, "a"); }, {F32({2, 2})}),
                   "is not Signed32 or Signed64");
}

TEST(ShapeValidation, SpaceToDepthZeroBlock)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) {
                       return n.AddSpaceToDepthLayer(SpaceToDepthDescriptor(0, DataLayout::NHWC), "s");
                   }, {F32({1, 2, 2, 1})}),
                   "block size is 0");
}

TEST(ShapeValidation, SpaceToDepthSizeNotMultipleOfBlock)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) {
                       return n.AddSpaceToDepthLayer(SpaceToDepthDescriptor(2, DataLayout::NHWC), "s");
                   }, {F32({1, 3, 2, 1})}),
                   "are not multiples of the block size 2");
}

TEST(ShapeValidation, DepthToSpaceChannelsNotMultiple)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) {
                       return n.AddDepthToSpaceLayer(DepthToSpaceDescriptor(2, DataLayout::NHWC), "d");
                   }, {F32({1, 1, 1, 6})}),
                   "not a multiple of the squared block size 4");
}

TEST(ShapeValidation, TileMultiplesOfWrongLength)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddTileLayer(TileDescriptor({2}), "t"); },
                                 {F32({2, 2})}),
                   "m_Multiples has 1 entries");
}

TEST(ShapeValidation, ChannelShuffleGroupsDoNotDivide)
{
    EXPECT_INVALID(OptimizeError([](INetwork& n) {
                       return n.AddChannelShuffleLayer(ChannelShuffleDescriptor(4, 1), "c");
                   }, {F32({1, 6})}),
                   "cannot be split into 4 groups");
}

TEST(ShapeValidation, SpaceToBatchNdZeroBlock)
{
    SpaceToBatchNdDescriptor desc({0, 2}, {{0, 0}, {0, 0}});
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddSpaceToBatchNdLayer(desc, "s"); },
                                 {F32({1, 1, 2, 2})}),
                   "has a zero entry");
}

TEST(ShapeValidation, BatchToSpaceNdCropsTooLarge)
{
    BatchToSpaceNdDescriptor desc({2, 2}, {{2, 0}, {0, 0}});
    EXPECT_INVALID(OptimizeError([&](INetwork& n) { return n.AddBatchToSpaceNdLayer(desc, "b"); },
                                 {F32({4, 1, 1, 1})}),
                   "leave nothing");
}

TEST(ShapeValidation, HugeTileRejected)
{
    // 65536 * 65536 elements do not fit a tensor's 32-bit element count.
    EXPECT_INVALID(OptimizeError([](INetwork& n) { return n.AddTileLayer(TileDescriptor({65536, 65536}), "t"); },
                                 {F32({1, 1})}),
                   "too many elements");
}
