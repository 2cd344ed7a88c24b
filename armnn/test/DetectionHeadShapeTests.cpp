//
// Shape inference and validation of the detection-head extension layers TopK and RoiAlign.
//
#include <armnn/ArmNN.hpp>

#include <gtest/gtest.h>

#include <string>

using namespace armnn;

namespace
{
/// Connects Float32 input layers of the given shapes to the layer (Signed64 for integer-only slots: TopK's K,
/// RoiAlign's batch indices) and returns its InferOutputShapes.
std::vector<TensorShape> Infer(INetwork& net, IConnectableLayer* layer, const std::vector<TensorShape>& inputs)
{
    static LayerBindingId nextId = 0;
    for (unsigned int i = 0; i < inputs.size(); ++i)
    {
        const bool integer = (layer->GetType() == LayerType::TopK && i == 1) ||
                             (layer->GetType() == LayerType::RoiAlign && i == 2);
        IConnectableLayer* input = net.AddInputLayer(nextId++);
        input->GetOutputSlot(0).SetTensorInfo(TensorInfo(inputs[i], integer ? DataType::Signed64 : DataType::Float32));
        input->GetOutputSlot(0).Connect(layer->GetInputSlot(i));
    }
    return layer->InferOutputShapes(inputs);
}

/// The LayerValidationException message of Infer on a new layer made by `add`, or "" when it succeeds.
template <typename Add>
std::string InferError(Add add, const std::vector<TensorShape>& inputs)
{
    INetworkPtr net = INetwork::Create();
    try
    {
        Infer(*net, add(*net), inputs);
    }
    catch (const LayerValidationException& e)
    {
        return e.what();
    }
    return "";
}

auto TopKOf(TopKDescriptor desc)
{
    return [desc](INetwork& net) { return net.AddTopKLayer(desc, "topk"); };
}

auto RoiAlignOf(RoiAlignDescriptor desc)
{
    return [desc](INetwork& net) { return net.AddRoiAlignLayer(desc, "roialign"); };
}
} // namespace

TEST(DetectionHeadShapes, TopKValuesAndIndicesHaveKAlongTheAxis)
{
    INetworkPtr net = INetwork::Create();
    TopKDescriptor desc;
    desc.m_K = 2;
    desc.m_Axis = -2;
    IConnectableLayer* layer = net->AddTopKLayer(desc, "topk");
    EXPECT_EQ(layer->GetNumInputSlots(), 1u);
    EXPECT_EQ(layer->GetNumOutputSlots(), 2u);
    const std::vector<TensorShape> out = Infer(*net, layer, {TensorShape({3, 5, 4})});
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0], TensorShape({3, 2, 4}));
    EXPECT_EQ(out[1], TensorShape({3, 2, 4}));
}

TEST(DetectionHeadShapes, TopKRuntimeKAddsAnInput)
{
    TopKDescriptor desc;
    desc.m_K = 3;
    desc.m_KInput = true;
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* layer = net->AddTopKLayer(desc, "topk");
    EXPECT_EQ(layer->GetNumInputSlots(), 2u);
    EXPECT_EQ(Infer(*net, layer, {TensorShape({4}), TensorShape({1})})[0], TensorShape({3}));
    EXPECT_NE(InferError(TopKOf(desc), {TensorShape({4}), TensorShape({2})}).find("input 1 (K) must hold one value"),
              std::string::npos);
}

TEST(DetectionHeadShapes, TopKRejectsKOutsideTheAxis)
{
    TopKDescriptor desc;
    desc.m_K = 5;
    desc.m_Axis = 1;
    const std::string tooLarge = InferError(TopKOf(desc), {TensorShape({2, 4})});
    EXPECT_NE(tooLarge.find("TopK 'topk': m_K 5 is not in [1, 4]"), std::string::npos) << tooLarge;
    desc.m_K = 0;
    EXPECT_NE(InferError(TopKOf(desc), {TensorShape({2, 4})}).find("m_K 0"), std::string::npos);
    desc.m_K = 1;
    desc.m_Axis = 2;
    EXPECT_NE(InferError(TopKOf(desc), {TensorShape({2, 4})}).find("axis"), std::string::npos);
}

TEST(DetectionHeadShapes, RoiAlignOutputIsRoisByChannelsByOutputSize)
{
    INetworkPtr net = INetwork::Create();
    RoiAlignDescriptor desc;
    desc.m_OutputHeight = 7;
    desc.m_OutputWidth = 5;
    IConnectableLayer* layer = net->AddRoiAlignLayer(desc, "roialign");
    EXPECT_EQ(layer->GetNumInputSlots(), 3u);
    const std::vector<TensorShape> out =
        Infer(*net, layer, {TensorShape({2, 16, 32, 32}), TensorShape({6, 4}), TensorShape({6})});
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0], TensorShape({6, 16, 7, 5}));
}

TEST(DetectionHeadShapes, RoiAlignRejectsBadInputs)
{
    RoiAlignDescriptor desc;
    EXPECT_NE(InferError(RoiAlignOf(desc), {TensorShape({1, 1, 4, 4}), TensorShape({3, 5}), TensorShape({3})})
                  .find("must be [R, 4] and [R]"),
              std::string::npos);
    EXPECT_NE(InferError(RoiAlignOf(desc), {TensorShape({1, 1, 4, 4}), TensorShape({3, 4}), TensorShape({2})})
                  .find("must be [R, 4] and [R]"),
              std::string::npos);
    EXPECT_FALSE(InferError(RoiAlignOf(desc), {TensorShape({1, 4, 4}), TensorShape({3, 4}), TensorShape({3})}).empty());
    desc.m_SamplingRatio = 1025;
    EXPECT_NE(InferError(RoiAlignOf(desc), {TensorShape({1, 1, 4, 4}), TensorShape({3, 4}), TensorShape({3})})
                  .find("m_SamplingRatio 1025 is above 1024"),
              std::string::npos);
    desc.m_SamplingRatio = 0;
    desc.m_OutputWidth = 0;
    EXPECT_NE(InferError(RoiAlignOf(desc), {TensorShape({1, 1, 4, 4}), TensorShape({3, 4}), TensorShape({3})})
                  .find("zero dimension"),
              std::string::npos);
}
