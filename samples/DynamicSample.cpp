//
// DynamicSample: loads backend plugins from a directory, runs one network across two backends (Sample and CpuRef)
// and checks the result against CpuRef alone.
// Usage: DynamicSample <plugin directory>   (for example build/lib/armnn/sample-backends)
//
// The network:  input -> Add(constant) -> Mul(constant) -> ReLu -> Add(constant) -> output
// Sample runs the Adds and the Mul (each connected chain as one PreCompiled layer); it has no activation kernel, so
// CpuRef runs the ReLu, and Optimize puts MemCopy layers where the two backends meet.
//
#include <armnn/ArmNN.hpp>

#include <iostream>
#include <string>
#include <vector>

namespace
{
using namespace armnn;

const TensorInfo kInfo(TensorShape({1, 4}), DataType::Float32);

INetworkPtr BuildNetwork(const std::vector<float>& addend, const std::vector<float>& factor,
                         const std::vector<float>& bias)
{
    INetworkPtr network = INetwork::Create();
    TensorInfo constInfo = kInfo;
    constInfo.SetConstant(true);

    IConnectableLayer* input = network->AddInputLayer(0, "input");
    IConnectableLayer* addend1 = network->AddConstantLayer(ConstTensor(constInfo, addend.data()), "addend");
    IConnectableLayer* factor1 = network->AddConstantLayer(ConstTensor(constInfo, factor.data()), "factor");
    IConnectableLayer* bias1 = network->AddConstantLayer(ConstTensor(constInfo, bias.data()), "bias");
    IConnectableLayer* add = network->AddElementwiseBinaryLayer(BinaryOperation::Add, "add");
    IConnectableLayer* mul = network->AddElementwiseBinaryLayer(BinaryOperation::Mul, "mul");
    IConnectableLayer* relu = network->AddActivationLayer(ActivationDescriptor(ActivationFunction::ReLu), "relu");
    IConnectableLayer* addBias = network->AddElementwiseBinaryLayer(BinaryOperation::Add, "add bias");
    IConnectableLayer* output = network->AddOutputLayer(0, "output");

    input->GetOutputSlot(0).Connect(add->GetInputSlot(0));
    addend1->GetOutputSlot(0).Connect(add->GetInputSlot(1));
    add->GetOutputSlot(0).Connect(mul->GetInputSlot(0));
    factor1->GetOutputSlot(0).Connect(mul->GetInputSlot(1));
    mul->GetOutputSlot(0).Connect(relu->GetInputSlot(0));
    relu->GetOutputSlot(0).Connect(addBias->GetInputSlot(0));
    bias1->GetOutputSlot(0).Connect(addBias->GetInputSlot(1));
    addBias->GetOutputSlot(0).Connect(output->GetInputSlot(0));

    for (IConnectableLayer* layer : {input, add, mul, relu, addBias})
    {
        layer->GetOutputSlot(0).SetTensorInfo(kInfo);
    }
    return network;
}

/// Optimizes for the backends, prints the optimized graph when asked, runs once and returns the output.
std::vector<float> Run(IRuntime& runtime, const INetwork& network, const std::vector<BackendId>& backends,
                       const std::vector<float>& inputData, bool printGraph)
{
    IOptimizedNetworkPtr optimized = Optimize(network, backends, runtime.GetDeviceSpec());
    if (printGraph)
    {
        std::cout << "Optimized for " << backends << ":\n";
        optimized->SerializeToDot(std::cout);
    }
    NetworkId id;
    std::string error;
    if (runtime.LoadNetwork(id, std::move(optimized), error) != Status::Success)
    {
        throw RuntimeException("LoadNetwork failed: " + error);
    }
    std::vector<float> outputData(kInfo.GetNumElements());
    TensorInfo inputInfo = runtime.GetInputTensorInfo(id, 0);
    inputInfo.SetConstant(true);
    InputTensors inputs{{0, ConstTensor(inputInfo, inputData.data())}};
    OutputTensors outputs{{0, Tensor(runtime.GetOutputTensorInfo(id, 0), outputData.data())}};
    if (runtime.EnqueueWorkload(id, inputs, outputs) != Status::Success)
    {
        throw RuntimeException("EnqueueWorkload failed");
    }
    runtime.UnloadNetwork(id);
    return outputData;
}

void Print(const char* label, const std::vector<float>& values)
{
    std::cout << label << ":";
    for (float v : values)
    {
        std::cout << " " << v;
    }
    std::cout << "\n";
}
} // namespace

int main(int argc, char* argv[])
{
    if (argc != 2)
    {
        std::cerr << "Usage: " << argv[0] << " <backend plugin directory>\n";
        return 2;
    }
    // Warnings to standard output: a plugin that is skipped says why.
    ConfigureLogging(true, false, LogSeverity::Warning);

    try
    {
        IRuntime::CreationOptions options;
        options.m_DynamicBackendsPath = argv[1];
        IRuntimePtr runtime = IRuntime::Create(options);

        std::cout << "Loaded backends: " << runtime->GetDeviceSpec().GetSupportedBackends() << "\n";
        for (const char* needed : {"Sample", "CpuRef"})
        {
            if (runtime->GetDeviceSpec().GetSupportedBackends().count(needed) == 0)
            {
                std::cerr << "DynamicSample: backend " << needed << " was not loaded (see the warnings above)\n";
                return 1;
            }
        }

        const std::vector<float> input{-3.0f, -1.0f, 0.5f, 2.0f};
        INetworkPtr network = BuildNetwork({1.0f, 2.0f, 3.0f, 4.0f}, {2.0f, -1.0f, 0.5f, 3.0f},
                                           {0.5f, 0.5f, 0.5f, 0.5f});

        const std::vector<float> hybrid = Run(*runtime, *network, {"Sample", "CpuRef"}, input, true);
        const std::vector<float> reference = Run(*runtime, *network, {"CpuRef"}, input, false);

        Print("Input                ", input);
        Print("Output Sample+CpuRef ", hybrid);
        Print("Output CpuRef        ", reference);
        const bool equal = hybrid == reference;
        std::cout << "Outputs are " << (equal ? "equal" : "DIFFERENT") << "\n";
        return equal ? 0 : 1;
    }
    catch (const armnn::Exception& e)
    {
        std::cerr << "DynamicSample: " << e.what() << "\n";
        return 1;
    }
}
