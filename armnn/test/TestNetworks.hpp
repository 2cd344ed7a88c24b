//
// Small hand-built networks shared by the core tests.
//
#pragma once

#include <armnn/ArmNN.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace armnn
{
namespace test
{

/// input [1, 16] -> FullyConnected(16 -> 32, bias) -> ReLu -> FullyConnected(32 -> 8) -> Softmax -> output [1, 8].
/// Weights follow a fixed pattern so results are reproducible.
inline INetworkPtr MakeMlpNetwork()
{
    INetworkPtr net = INetwork::Create();
    auto constant = [&net](const TensorShape& shape, float scale, const char* name) {
        std::vector<float> values(shape.GetNumElements());
        for (size_t i = 0; i < values.size(); ++i)
        {
            values[i] = scale * static_cast<float>(static_cast<int>((i * 7919) % 23) - 11);
        }
        TensorInfo info(shape, DataType::Float32, 0.0f, 0, true);
        return net->AddConstantLayer(ConstTensor(info, values), name);
    };
    FullyConnectedDescriptor fc;
    fc.m_BiasEnabled = true;
    fc.m_TransposeWeightMatrix = true;

    IConnectableLayer* input = net->AddInputLayer(0, "input");
    IConnectableLayer* fc1 = net->AddFullyConnectedLayer(fc, "fc1");
    IConnectableLayer* relu = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    IConnectableLayer* fc2 = net->AddFullyConnectedLayer(fc, "fc2");
    IConnectableLayer* softmax = net->AddSoftmaxLayer(SoftmaxDescriptor(), "softmax");
    IConnectableLayer* output = net->AddOutputLayer(0, "output");

    input->GetOutputSlot(0).Connect(fc1->GetInputSlot(0));
    constant({32, 16}, 0.05f, "w1")->GetOutputSlot(0).Connect(fc1->GetInputSlot(1));
    constant({32}, 0.1f, "b1")->GetOutputSlot(0).Connect(fc1->GetInputSlot(2));
    fc1->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(fc2->GetInputSlot(0));
    constant({8, 32}, 0.03f, "w2")->GetOutputSlot(0).Connect(fc2->GetInputSlot(1));
    constant({8}, 0.2f, "b2")->GetOutputSlot(0).Connect(fc2->GetInputSlot(2));
    fc2->GetOutputSlot(0).Connect(softmax->GetInputSlot(0));
    softmax->GetOutputSlot(0).Connect(output->GetInputSlot(0));

    input->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 16}, DataType::Float32));
    fc1->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 32}, DataType::Float32));
    relu->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 32}, DataType::Float32));
    fc2->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 8}, DataType::Float32));
    softmax->GetOutputSlot(0).SetTensorInfo(TensorInfo({1, 8}, DataType::Float32));
    return net;
}

/// Graphviz text of an optimized network.
inline std::string Dot(const IOptimizedNetwork& network)
{
    std::ostringstream dot;
    network.SerializeToDot(dot);
    return dot.str();
}

/// Occurrences of `what` in `text`.
inline size_t Count(const std::string& text, const std::string& what)
{
    size_t count = 0;
    for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1))
    {
        ++count;
    }
    return count;
}

/// Runs one inference of a one-input one-output network.
inline std::vector<float> RunOnce(IRuntime& runtime, NetworkId id, const std::vector<float>& input)
{
    TensorInfo inputInfo = runtime.GetInputTensorInfo(id, 0);
    inputInfo.SetConstant(true);
    TensorInfo outputInfo = runtime.GetOutputTensorInfo(id, 0);
    std::vector<float> output(outputInfo.GetNumElements());
    InputTensors inputs{{0, ConstTensor(inputInfo, input.data())}};
    OutputTensors outputs{{0, Tensor(outputInfo, output.data())}};
    if (runtime.EnqueueWorkload(id, inputs, outputs) != Status::Success)
    {
        throw RuntimeException("EnqueueWorkload failed");
    }
    return output;
}

} // namespace test
} // namespace armnn
