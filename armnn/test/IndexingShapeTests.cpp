//
// Shape inference and validation of GatherNd, ScatterNd, ReverseV2 and BroadcastTo: the shapes they produce, and a
// LayerValidationException naming the layer and the problem for each kind of bad input.
//
#include <armnn/ArmNN.hpp>

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

using namespace armnn;

namespace
{
using AddFn = std::function<IConnectableLayer*(INetwork&)>;

/// One input of the layer under test: a network input, or a constant Signed32 tensor when `values` is set.
struct In
{
    TensorInfo m_Info;
    std::optional<std::vector<int32_t>> m_Values;
};

In Input(const TensorShape& shape, DataType type = DataType::Float32)
{
    return {TensorInfo(shape, type), std::nullopt};
}

In Constant(const TensorShape& shape, std::vector<int32_t> values)
{
    TensorInfo info(shape, DataType::Signed32);
    info.SetConstant(true);
    return {info, std::move(values)};
}

/// The layer's inferred output shapes, or the message of the LayerValidationException shape inference throws.
struct Result
{
    std::vector<TensorShape> m_Shapes;
    std::string m_Error;
};

Result Infer(const AddFn& add, const std::vector<In>& inputs)
{
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* layer = add(*net);
    std::vector<TensorShape> shapes;
    for (unsigned int i = 0; i < inputs.size(); ++i)
    {
        IConnectableLayer* source =
            inputs[i].m_Values ? net->AddConstantLayer(ConstTensor(inputs[i].m_Info, inputs[i].m_Values->data()))
                               : net->AddInputLayer(static_cast<LayerBindingId>(i));
        source->GetOutputSlot(0).SetTensorInfo(inputs[i].m_Info);
        source->GetOutputSlot(0).Connect(layer->GetInputSlot(i));
        shapes.push_back(inputs[i].m_Info.GetShape());
    }
    Result result;
    try
    {
        result.m_Shapes = layer->InferOutputShapes(shapes);
    }
    catch (const LayerValidationException& e)
    {
        result.m_Error = e.what();
    }
    return result;
}

AddFn GatherNd()
{
    return [](INetwork& n) { return n.AddGatherNdLayer("gnd"); };
}

AddFn ScatterNd(const ScatterNdDescriptor& desc)
{
    return [desc](INetwork& n) { return n.AddScatterNdLayer(desc, "snd"); };
}

AddFn ReverseV2()
{
    return [](INetwork& n) { return n.AddReverseV2Layer("rev"); };
}

AddFn BroadcastTo(const TensorShape& shape)
{
    return [shape](INetwork& n) { return n.AddBroadcastToLayer(BroadcastToDescriptor(shape), "bcast"); };
}

const ScatterNdDescriptor kFromShape(ScatterNdFunction::Update, false);
const ScatterNdDescriptor kOnInput(ScatterNdFunction::Add, true);

/// Shape inference succeeded with one output of this shape.
::testing::AssertionResult HasShape(const Result& r, const TensorShape& shape)
{
    if (!r.m_Error.empty())
    {
        return ::testing::AssertionFailure() << "shape inference failed: " << r.m_Error;
    }
    if (r.m_Shapes.size() != 1 || r.m_Shapes[0] != shape)
    {
        auto failure = ::testing::AssertionFailure() << "expected " << shape << ", got";
        for (const TensorShape& s : r.m_Shapes)
        {
            failure << " " << s;
        }
        return failure;
    }
    return ::testing::AssertionSuccess();
}

/// The message names the layer and contains `fragment`.
#define EXPECT_INVALID(result, layerName, fragment) \
    do \
    { \
        const std::string message = (result).m_Error; \
        EXPECT_NE(message.find(layerName), std::string::npos) << "message: '" << message << "'"; \
        EXPECT_NE(message.find(fragment), std::string::npos) << "message: '" << message << "'"; \
    } while (false)
} // namespace

//
// GatherNd: output = indices.shape[:-1] + params.shape[K:], K = indices.shape[-1].
//

TEST(IndexingShapes, GatherNdPartialIndexKeepsTrailingDimensions)
{
    EXPECT_TRUE(HasShape(Infer(GatherNd(), {Input({4, 5, 6}), Input({2, 3, 1}, DataType::Signed32)}),
                         TensorShape({2, 3, 5, 6})));
    EXPECT_TRUE(HasShape(Infer(GatherNd(), {Input({4, 5, 6}), Input({7, 2}, DataType::Signed32)}),
                         TensorShape({7, 6})));
}

TEST(IndexingShapes, GatherNdFullIndexGivesElements)
{
    EXPECT_TRUE(HasShape(Infer(GatherNd(), {Input({4, 5}), Input({3, 2}, DataType::Signed32)}), TensorShape({3})));
    // One full index: a single element, shape [1] (Arm NN's scalar).
    EXPECT_TRUE(HasShape(Infer(GatherNd(), {Input({4, 5}), Input({2}, DataType::Signed32)}), TensorShape({1})));
}

TEST(IndexingShapes, GatherNdRejectsRowsLongerThanParamsRank)
{
    EXPECT_INVALID(Infer(GatherNd(), {Input({4, 5}), Input({2, 3}, DataType::Signed32)}), "GatherNd 'gnd'",
                   "index rows of length 3");
}

TEST(IndexingShapes, GatherNdRejectsFloatIndices)
{
    EXPECT_INVALID(Infer(GatherNd(), {Input({4, 5}), Input({2, 1})}), "GatherNd 'gnd'",
                   "indices (input 1) have data type Float32; expected Signed32");
}

//
// ScatterNd
//

TEST(IndexingShapes, ScatterNdOutputFromConstantShape)
{
    // Rows of 1 index into [4, 3]: updates [2, 3].
    EXPECT_TRUE(HasShape(Infer(ScatterNd(kFromShape),
                               {Constant({2}, {4, 3}), Input({2, 1}, DataType::Signed32), Input({2, 3})}),
                         TensorShape({4, 3})));
    // Full indices: one element per row.
    EXPECT_TRUE(HasShape(Infer(ScatterNd(kFromShape),
                               {Constant({2}, {4, 3}), Input({5, 2}, DataType::Signed32), Input({5})}),
                         TensorShape({4, 3})));
}

TEST(IndexingShapes, ScatterNdOutputHasTheInputShape)
{
    EXPECT_TRUE(HasShape(Infer(ScatterNd(kOnInput),
                               {Input({2, 3, 4}), Input({1, 2}, DataType::Signed32), Input({1, 4})}),
                         TensorShape({2, 3, 4})));
}

TEST(IndexingShapes, ScatterNdRejectsUpdatesOfWrongShape)
{
    EXPECT_INVALID(Infer(ScatterNd(kFromShape), {Constant({2}, {4, 3}), Input({2, 1}, DataType::Signed32),
                                                 Input({2, 4})}),
                   "ScatterNd 'snd'", "updates (input 2) have shape [2,4]");
}

TEST(IndexingShapes, ScatterNdRejectsShapeThatIsNotConstant)
{
    EXPECT_INVALID(Infer(ScatterNd(kFromShape), {Input({2}, DataType::Signed32), Input({2, 1}, DataType::Signed32),
                                                 Input({2, 3})}),
                   "ScatterNd 'snd'", "must be a constant tensor");
}

TEST(IndexingShapes, ScatterNdRejectsNonPositiveShape)
{
    EXPECT_INVALID(Infer(ScatterNd(kFromShape), {Constant({2}, {4, 0}), Input({2, 1}, DataType::Signed32),
                                                 Input({2})}),
                   "ScatterNd 'snd'", "non-positive dimension 0");
}

TEST(IndexingShapes, ScatterNdRejectsRowsLongerThanOutputRank)
{
    EXPECT_INVALID(Infer(ScatterNd(kOnInput), {Input({4}), Input({2, 2}, DataType::Signed32), Input({2})}),
                   "ScatterNd 'snd'", "index rows of length 2");
}

TEST(IndexingShapes, ScatterNdRejectsAxis)
{
    const ScatterNdDescriptor elements(ScatterNdFunction::Update, true, 0);
    EXPECT_INVALID(Infer(ScatterNd(elements), {Input({4}), Input({2, 1}, DataType::Signed32), Input({2})}),
                   "ScatterNd 'snd'", "m_AxisEnabled");
}

//
// ReverseV2
//

TEST(IndexingShapes, ReverseV2KeepsTheShape)
{
    EXPECT_TRUE(HasShape(Infer(ReverseV2(), {Input({2, 3, 4}), Constant({2}, {0, -1})}), TensorShape({2, 3, 4})));
    // Axes that are not constant are checked when the layer runs.
    EXPECT_TRUE(HasShape(Infer(ReverseV2(), {Input({2, 3, 4}), Input({1}, DataType::Signed32)}),
                         TensorShape({2, 3, 4})));
}

TEST(IndexingShapes, ReverseV2RejectsAxisOutOfRange)
{
    EXPECT_INVALID(Infer(ReverseV2(), {Input({2, 3}), Constant({1}, {2})}), "ReverseV2 'rev'",
                   "axis 2 is out of range for rank 2");
}

TEST(IndexingShapes, ReverseV2RejectsRepeatedAxis)
{
    EXPECT_INVALID(Infer(ReverseV2(), {Input({2, 3}), Constant({2}, {1, -1})}), "ReverseV2 'rev'",
                   "axis -1 is listed twice");
}

TEST(IndexingShapes, ReverseV2RejectsMoreAxesThanDimensions)
{
    EXPECT_INVALID(Infer(ReverseV2(), {Input({2, 3}), Input({3}, DataType::Signed32)}), "ReverseV2 'rev'",
                   "list 3 axes but input 0 [2,3] has rank 2");
}

TEST(IndexingShapes, ReverseV2RejectsFloatAxes)
{
    EXPECT_INVALID(Infer(ReverseV2(), {Input({2, 3}), Input({1})}), "ReverseV2 'rev'",
                   "must be a 1-D Signed32 tensor");
}

//
// BroadcastTo
//

TEST(IndexingShapes, BroadcastToGivesTheTargetShape)
{
    EXPECT_TRUE(HasShape(Infer(BroadcastTo({2, 3, 4}), {Input({3, 1})}), TensorShape({2, 3, 4})));
    EXPECT_TRUE(HasShape(Infer(BroadcastTo({5}), {Input({1})}), TensorShape({5})));
}

TEST(IndexingShapes, BroadcastToRejectsMismatchedDimension)
{
    EXPECT_INVALID(Infer(BroadcastTo({2, 3, 4}), {Input({2, 4})}), "BroadcastTo 'bcast'",
                   "cannot be broadcast to [2,3,4] (its dimension 0 is neither 1 nor 3)");
}

TEST(IndexingShapes, BroadcastToRejectsLowerTargetRank)
{
    EXPECT_INVALID(Infer(BroadcastTo({4}), {Input({1, 4})}), "BroadcastTo 'bcast'", "more dimensions than");
}

TEST(IndexingShapes, BroadcastToRejectsZeroDimension)
{
    EXPECT_INVALID(Infer(BroadcastTo({0, 4}), {Input({1, 4})}), "BroadcastTo 'bcast'", "has no elements");
}

TEST(IndexingShapes, ScatterNdFromShapeOutputTakesTheUpdatesType)
{
    // With InferAndValidate the output's data type and quantization come from the updates, not the shape input.
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* layer = net->AddScatterNdLayer(kFromShape, "snd");
    const std::vector<int32_t> shapeValues{3};
    TensorInfo shapeInfo({1}, DataType::Signed32);
    shapeInfo.SetConstant(true);
    IConnectableLayer* shape = net->AddConstantLayer(ConstTensor(shapeInfo, shapeValues.data()));
    shape->GetOutputSlot(0).SetTensorInfo(shapeInfo);
    const TensorInfo inputs[] = {TensorInfo({1, 1}, DataType::Signed32),
                                 TensorInfo({1}, DataType::QAsymmS8, 0.1f, 5)};
    shape->GetOutputSlot(0).Connect(layer->GetInputSlot(0));
    for (unsigned int i = 0; i < 2; ++i)
    {
        IConnectableLayer* input = net->AddInputLayer(static_cast<LayerBindingId>(i));
        input->GetOutputSlot(0).SetTensorInfo(inputs[i]);
        input->GetOutputSlot(0).Connect(layer->GetInputSlot(i + 1));
    }
    layer->GetOutputSlot(0).Connect(net->AddOutputLayer(0)->GetInputSlot(0));
    OptimizerOptionsOpaque options;
    options.SetShapeInferenceMethod(ShapeInferenceMethod::InferAndValidate);
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec(), options)),
              Status::Success);
    const TensorInfo output = runtime->GetOutputTensorInfo(id, 0);
    EXPECT_EQ(output.GetShape(), TensorShape({3}));
    EXPECT_EQ(output.GetDataType(), DataType::QAsymmS8);
    EXPECT_FLOAT_EQ(output.GetQuantizationScale(), 0.1f);
    EXPECT_EQ(output.GetQuantizationOffset(), 5);
}
