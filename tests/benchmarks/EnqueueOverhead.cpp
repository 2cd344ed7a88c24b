//
// The runtime's own cost: EnqueueWorkload on tiny networks (1 and 10 ReLu layers on 4 floats) on CpuRef,
// where the kernels' work is negligible. Prints the median, 10th and 90th percentile per call in microseconds.
// Usage: EnqueueOverhead [iterations]
//
#include <armnn/ArmNN.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace armnn;

namespace
{
INetworkPtr ReluChain(int layers)
{
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* previous = net->AddInputLayer(0);
    const TensorInfo info({1, 4}, DataType::Float32);
    previous->GetOutputSlot(0).SetTensorInfo(info);
    for (int i = 0; i < layers; ++i)
    {
        // Sigmoid, not ReLu, so that nothing fuses.
        IConnectableLayer* layer = net->AddActivationLayer(ActivationDescriptor(ActivationFunction::Sigmoid));
        previous->GetOutputSlot(0).Connect(layer->GetInputSlot(0));
        layer->GetOutputSlot(0).SetTensorInfo(info);
        previous = layer;
    }
    previous->GetOutputSlot(0).Connect(net->AddOutputLayer(0)->GetInputSlot(0));
    return net;
}

void Measure(IRuntime& runtime, int layers, int iterations)
{
    INetworkPtr net = ReluChain(layers);
    NetworkId id;
    if (runtime.LoadNetwork(id, Optimize(*net, {"CpuRef"}, runtime.GetDeviceSpec())) != Status::Success)
    {
        std::fprintf(stderr, "LoadNetwork failed\n");
        std::exit(1);
    }
    std::vector<float> input{-1.0f, 0.5f, 2.0f, -3.0f}, output(4);
    TensorInfo inputInfo = runtime.GetInputTensorInfo(id, 0);
    inputInfo.SetConstant(true);
    InputTensors inputs{{0, ConstTensor(inputInfo, input.data())}};
    OutputTensors outputs{{0, Tensor(runtime.GetOutputTensorInfo(id, 0), output.data())}};
    for (int i = 0; i < 100; ++i)
    {
        runtime.EnqueueWorkload(id, inputs, outputs);
    }
    std::vector<double> us(static_cast<size_t>(iterations));
    for (double& t : us)
    {
        const auto start = std::chrono::steady_clock::now();
        runtime.EnqueueWorkload(id, inputs, outputs);
        t = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
    }
    std::sort(us.begin(), us.end());
    auto pct = [&us](double p) { return us[static_cast<size_t>(p * static_cast<double>(us.size() - 1))]; };
    std::printf("EnqueueWorkload, %2d layer(s) on CpuRef: median %.2f us (p10 %.2f, p90 %.2f) over %d calls\n",
                layers, pct(0.5), pct(0.1), pct(0.9), iterations);
    runtime.UnloadNetwork(id);
}
} // namespace

int main(int argc, char* argv[])
{
    const int iterations = argc > 1 ? std::atoi(argv[1]) : 20000;
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    Measure(*runtime, 1, iterations);
    Measure(*runtime, 10, iterations);
    return 0;
}
