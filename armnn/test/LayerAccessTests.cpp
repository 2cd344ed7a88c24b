//
// The accessors backends use in OptimizeSubgraphView.
//
#include <armnn/ArmNN.hpp>
#include <armnn/backends/LayerAccess.hpp>

#include <gtest/gtest.h>

using namespace armnn;

TEST(LayerAccess, ConstantTensorAndLayerInfo)
{
    INetworkPtr net = INetwork::Create();
    const std::vector<float> values{1.5f, -2.0f};
    const TensorInfo info({2}, DataType::Float32, 0, 0, true);
    IConnectableLayer* constant = net->AddConstantLayer(ConstTensor(info, values), "c");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    constant->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).SetTensorInfo(TensorInfo({2}, DataType::Float32));

    Optional<ConstTensor> tensor = GetConstantTensor(*constant);
    ASSERT_TRUE(tensor.has_value());
    EXPECT_EQ(tensor.value().GetShape(), TensorShape({2}));
    EXPECT_EQ(static_cast<const float*>(tensor.value().GetMemoryArea())[1], -2.0f);
    EXPECT_FALSE(GetConstantTensor(*relu).has_value());

    const LayerInfo layer = GetLayerInfo(*relu);
    EXPECT_EQ(layer.m_Type, LayerType::Activation);
    EXPECT_EQ(layer.m_Name, "relu");
    ASSERT_EQ(layer.m_Inputs.size(), 1u);
    EXPECT_TRUE(layer.IsConstantInput(0));
    EXPECT_EQ(layer.m_Outputs[0].GetShape(), TensorShape({2}));
}
