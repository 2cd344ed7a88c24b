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

TEST(Optimize, NetworkOptionAsksForShapeInference)
{
    // Arm NN's network option ShapeInferenceMethod/InferAndValidate does what the optimizer option does.
    IRuntimePtr runtime = MakeRuntime();
    INetworkPtr net = INetwork::Create({BackendOptions("ShapeInferenceMethod", {{"InferAndValidate", true}})});
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    input->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(net->AddOutputLayer(0, "output")->GetInputSlot(0));
    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({2, 3}, DataType::Float32));
    IOptimizedNetworkPtr optimized = Optimize(*net, {"CpuRef"}, runtime->GetDeviceSpec());
    NetworkId id;
    ASSERT_EQ(runtime->LoadNetwork(id, std::move(optimized)), Status::Success);
    EXPECT_EQ(runtime->GetOutputTensorInfo(id, 0).GetShape(), TensorShape({2, 3}));
}

namespace
{
/// input [1, 4] -> relu (output set to [1, 1, 4]) -> negation -> output [1, 1, 4]: the relu's set shape differs
/// from the one it produces by a dimension of size 1.
INetworkPtr ExpandedDimsNetwork(const NetworkOptions& networkOptions, const TensorShape& set = {1, 1, 4})
{
    INetworkPtr net = INetwork::Create(networkOptions);
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    IConnectableLayer* neg = net->AddElementwiseUnaryLayer(ElementwiseUnaryDescriptor(UnaryOperation::Neg), "neg");
    IConnectableLayer* output = net->AddOutputLayer(0, "output");
    input->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(neg->GetInputSlot(0));
    neg->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 4}, DataType::Float32));
    relu->GetOutputSlot(0).SetTensorInfo(TensorInfo(set, DataType::Float32));
    neg->GetOutputSlot(0).SetTensorInfo(TensorInfo(set, DataType::Float32));
    return net;
}

std::vector<float> RunExpandedDims(IRuntime& runtime, IOptimizedNetworkPtr optimized)
{
    NetworkId id;
    EXPECT_EQ(runtime.LoadNetwork(id, std::move(optimized)), Status::Success);
    std::vector<float> in = {-1.0f, 0.5f, 2.0f, -3.0f};
    std::vector<float> out(4, 7.0f);
    TensorInfo inInfo = runtime.GetInputTensorInfo(id, 0);
    inInfo.SetConstant(true);
    EXPECT_EQ(runtime.GetOutputTensorInfo(id, 0).GetShape(), TensorShape({1, 1, 4}));
    EXPECT_EQ(runtime.EnqueueWorkload(id, {{0, ConstTensor(inInfo, in.data())}},
                                      {{0, Tensor(runtime.GetOutputTensorInfo(id, 0), out.data())}}),
              Status::Success);
    runtime.UnloadNetwork(id);
    return out;
}
} // namespace

TEST(Optimize, AllowExpandedDimsAcceptsShapesThatDifferByOnes)
{
    IRuntimePtr runtime = MakeRuntime();
    // Without the option the set shape [1, 1, 4] is an error.
    EXPECT_THROW(Optimize(*ExpandedDimsNetwork({}), {"CpuRef"}, runtime->GetDeviceSpec()), LayerValidationException);
    // With it, through the optimizer option or Arm NN's network option: -relu(x).
    const std::vector<float> expected = {-0.0f, -0.5f, -2.0f, -0.0f};
    OptimizerOptionsOpaque options;
    options.SetAllowExpandedDims(true);
    EXPECT_EQ(RunExpandedDims(*runtime, Optimize(*ExpandedDimsNetwork({}), {"CpuRef"}, runtime->GetDeviceSpec(),
                                                 options)),
              expected);
    const NetworkOptions networkOptions = {BackendOptions("AllowExpandedDims", {{"AllowExpandedDims", true}})};
    EXPECT_EQ(RunExpandedDims(*runtime,
                              Optimize(*ExpandedDimsNetwork(networkOptions), {"CpuRef"}, runtime->GetDeviceSpec())),
              expected);
    // Shapes that differ by more than ones stay an error.
    INetworkPtr bad = ExpandedDimsNetwork(networkOptions, {1, 2, 2});
    EXPECT_THROW(Optimize(*bad, {"CpuRef"}, runtime->GetDeviceSpec(), options), LayerValidationException);
}
