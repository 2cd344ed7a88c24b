//
// IRuntime: loading, binding validation, outputs written in place, unloading.
//
#include <armnn/ArmNN.hpp>

#include <gtest/gtest.h>

using namespace armnn;

namespace
{
struct ReluFixture
{
    IRuntimePtr m_Runtime = IRuntime::Create(IRuntime::CreationOptions());
    NetworkId m_Id = 0;

    ReluFixture()
    {
        INetworkPtr net = INetwork::Create();
        IConnectableLayer* input = net->AddInputLayer(0, "input");
        IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
        IConnectableLayer* output = net->AddOutputLayer(0, "output");
        input->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
        relu->GetOutputSlot(0).Connect(output->GetInputSlot(0));
        TensorInfo info({1, 4}, DataType::Float32);
        input->GetOutputSlot(0).SetTensorInfo(info);
        relu->GetOutputSlot(0).SetTensorInfo(info);
        std::string error;
        if (m_Runtime->LoadNetwork(m_Id, Optimize(*net, {"CpuRef"}, m_Runtime->GetDeviceSpec()), error) !=
            Status::Success)
        {
            throw RuntimeException(error);
        }
    }

    TensorInfo InputInfo() const
    {
        TensorInfo info = m_Runtime->GetInputTensorInfo(m_Id, 0);
        info.SetConstant(true);
        return info;
    }
};
} // namespace

TEST(Runtime, RunsAndWritesOutputs)
{
    ReluFixture f;
    std::vector<float> in{-1.0f, 2.0f, -3.0f, 4.0f};
    std::vector<float> out(4, 99.0f);
    InputTensors inputs{{0, ConstTensor(f.InputInfo(), in.data())}};
    OutputTensors outputs{{0, Tensor(f.m_Runtime->GetOutputTensorInfo(f.m_Id, 0), out.data())}};
    ASSERT_EQ(f.m_Runtime->EnqueueWorkload(f.m_Id, inputs, outputs), Status::Success);
    EXPECT_EQ(out, (std::vector<float>{0.0f, 2.0f, 0.0f, 4.0f}));
}

TEST(Runtime, RejectsUnknownBindingId)
{
    ReluFixture f;
    std::vector<float> in(4), out(4);
    InputTensors inputs{{5, ConstTensor(f.InputInfo(), in.data())}};
    OutputTensors outputs{{0, Tensor(f.m_Runtime->GetOutputTensorInfo(f.m_Id, 0), out.data())}};
    try
    {
        f.m_Runtime->EnqueueWorkload(f.m_Id, inputs, outputs);
        FAIL() << "expected an exception";
    }
    catch (const InvalidArgumentException& e)
    {
        EXPECT_NE(std::string(e.what()).find("no input layer has binding id 5"), std::string::npos) << e.what();
    }
}

TEST(Runtime, RejectsWrongByteSize)
{
    ReluFixture f;
    std::vector<float> in(3), out(4);
    TensorInfo small({1, 3}, DataType::Float32, 0.0f, 0, true);
    InputTensors inputs{{0, ConstTensor(small, in.data())}};
    OutputTensors outputs{{0, Tensor(f.m_Runtime->GetOutputTensorInfo(f.m_Id, 0), out.data())}};
    try
    {
        f.m_Runtime->EnqueueWorkload(f.m_Id, inputs, outputs);
        FAIL() << "expected an exception";
    }
    catch (const InvalidArgumentException& e)
    {
        EXPECT_NE(std::string(e.what()).find("has 12 bytes but the network expects 16"), std::string::npos)
            << e.what();
    }
}

TEST(Runtime, RejectsNullMemoryAndMissingBinding)
{
    ReluFixture f;
    std::vector<float> in(4), out(4);
    InputTensors nullInput{{0, ConstTensor(f.InputInfo(), nullptr)}};
    OutputTensors outputs{{0, Tensor(f.m_Runtime->GetOutputTensorInfo(f.m_Id, 0), out.data())}};
    EXPECT_THROW(f.m_Runtime->EnqueueWorkload(f.m_Id, nullInput, outputs), InvalidArgumentException);
    EXPECT_THROW(f.m_Runtime->EnqueueWorkload(f.m_Id, {}, outputs), InvalidArgumentException);
}

TEST(Runtime, UnknownNetworkAndUnload)
{
    ReluFixture f;
    EXPECT_THROW(f.m_Runtime->GetInputTensorInfo(f.m_Id + 100, 0), InvalidArgumentException);
    EXPECT_EQ(f.m_Runtime->GetProfiler(f.m_Id + 100), nullptr);
    EXPECT_EQ(f.m_Runtime->UnloadNetwork(f.m_Id), Status::Success);
    EXPECT_EQ(f.m_Runtime->UnloadNetwork(f.m_Id), Status::Failure);
}

TEST(Runtime, ConstTensorRequiresConstantInfo)
{
    float value = 1.0f;
    EXPECT_THROW(ConstTensor(TensorInfo({1}, DataType::Float32), &value), InvalidArgumentException);
}
