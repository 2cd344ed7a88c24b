//
// Optimize: backend assignment with fallback, the error listing, copy insertion, shape validation.
//
#include <armnn/ArmNN.hpp>

#include <gtest/gtest.h>

#include <sstream>

using namespace armnn;

namespace
{
IRuntimePtr MakeRuntime()
{
    return IRuntime::Create(IRuntime::CreationOptions());
}

/// input [1, 4] -> activation(ReLu) -> output
INetworkPtr ReluNetwork(DataType type = DataType::Float32)
{
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    IConnectableLayer* output = net->AddOutputLayer(0, "output");
    input->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    TensorInfo info({1, 4}, type);
    input->GetOutputSlot(0).SetTensorInfo(info);
    relu->GetOutputSlot(0).SetTensorInfo(info);
    return net;
}
} // namespace

TEST(Optimize, AssignsFirstPreferredBackendThatSupportsTheLayer)
{
    IRuntimePtr runtime = MakeRuntime();
    INetworkPtr net = ReluNetwork();
    std::vector<std::string> messages;
    IOptimizedNetworkPtr optimized =
        Optimize(*net, {"NoSuchBackend", "CpuRef"}, runtime->GetDeviceSpec(), OptimizerOptionsOpaque(), messages);
    ASSERT_TRUE(optimized);
    std::ostringstream dot;
    optimized->SerializeToDot(dot);
    EXPECT_NE(dot.str().find("relu|BackendID: CpuRef"), std::string::npos) << dot.str();
    ASSERT_FALSE(messages.empty());
    EXPECT_EQ(messages[0].rfind("WARNING: ", 0), 0u);
    EXPECT_NE(messages[0].find("NoSuchBackend"), std::string::npos);
}

TEST(Optimize, NoAvailableBackendThrowsWithList)
{
    IRuntimePtr runtime = MakeRuntime();
    INetworkPtr net = ReluNetwork();
    try
    {
        Optimize(*net, {"NoSuchBackend"}, runtime->GetDeviceSpec());
        FAIL() << "expected an exception";
    }
    catch (const InvalidArgumentException& e)
    {
        EXPECT_NE(std::string(e.what()).find("None of the preferred backends [NoSuchBackend]"), std::string::npos)
            << e.what();
    }
}

TEST(Optimize, UnsupportedLayerErrorNamesLayerTypesAndEachBackendReason)
{
    IRuntimePtr runtime = MakeRuntime();
    // Activation on Boolean is supported by no backend.
    INetworkPtr net = ReluNetwork(DataType::Boolean);
    std::vector<std::string> messages;
    try
    {
        Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec(), OptimizerOptionsOpaque(), messages);
        FAIL() << "expected an exception";
    }
    catch (const InvalidArgumentException& e)
    {
        const std::string what = e.what();
        EXPECT_NE(what.find("Activation 'relu'"), std::string::npos) << what;
        EXPECT_NE(what.find("Boolean [1,4]"), std::string::npos) << what;
        EXPECT_NE(what.find("\n    CpuRef: Activation 'relu': input 0 has data type Boolean"), std::string::npos)
            << what;
    }
    ASSERT_FALSE(messages.empty());
    EXPECT_EQ(messages.back().rfind("ERROR: ", 0), 0u);
}

TEST(Optimize, MissingTensorInfoIsReported)
{
    IRuntimePtr runtime = MakeRuntime();
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(7, "in");
    IConnectableLayer* output = net->AddOutputLayer(0, "out");
    input->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    try
    {
        Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec());
        FAIL() << "expected an exception";
    }
    catch (const LayerValidationException& e)
    {
        EXPECT_NE(std::string(e.what()).find("Input 'in' (binding id 7)"), std::string::npos) << e.what();
    }
}

TEST(Optimize, WrongOutputShapeIsReported)
{
    IRuntimePtr runtime = MakeRuntime();
    INetworkPtr net = ReluNetwork();
    // Claim the relu produces [1, 5].
    for (auto shape : {TensorShape({1, 5})})
    {
        INetworkPtr bad = INetwork::Create();
        IConnectableLayer* input = bad->AddInputLayer(0, "input");
        IConnectableLayer* relu = bad->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
        IConnectableLayer* output = bad->AddOutputLayer(0, "output");
        input->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
        relu->GetOutputSlot(0).Connect(output->GetInputSlot(0));
        input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 4}, DataType::Float32));
        relu->GetOutputSlot(0).SetTensorInfo(TensorInfo(shape, DataType::Float32));
        EXPECT_THROW(Optimize(*bad, {"CpuRef"}, runtime->GetDeviceSpec()), LayerValidationException);
    }
}

TEST(Optimize, InferAndValidateFillsMissingOutputInfos)
{
    IRuntimePtr runtime = MakeRuntime();
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    IConnectableLayer* output = net->AddOutputLayer(0, "output");
    input->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({2, 2}, DataType::Float32));
    EXPECT_THROW(Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec()), LayerValidationException);

    OptimizerOptionsOpaque options;
    options.SetShapeInferenceMethod(ShapeInferenceMethod::InferAndValidate);
    IOptimizedNetworkPtr optimized = Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec(), options);
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, std::move(optimized)), Status::Success);
    EXPECT_EQ(runtime->GetOutputTensorInfo(id, 0).GetShape(), TensorShape({2, 2}));
}
