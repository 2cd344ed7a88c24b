//
// SimpleSample: builds a one-layer fully connected network by hand, runs it on CpuRef and prints the result.
// Usage: SimpleSample [number]   (reads the number from standard input when none is given)
//
#include <armnn/ArmNN.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char* argv[])
{
    using namespace armnn;

    float number = 0.0f;
    if (argc > 1)
    {
        number = std::strtof(argv[1], nullptr);
    }
    else
    {
        std::cout << "Please enter a number: " << std::endl;
        if (!(std::cin >> number))
        {
            std::cerr << "SimpleSample: expected a number" << std::endl;
            return 1;
        }
    }

    ConfigureLogging(true, false, LogSeverity::Warning);

    try
    {
        INetworkPtr network = INetwork::Create();

        // y = 2x + 1 as a fully connected layer: weights and bias are Constant layers.
        float weightsData[] = {2.0f};
        float biasData[] = {1.0f};
        TensorInfo weightsInfo(TensorShape({1, 1}), DataType::Float32, 0.0f, 0, true);
        TensorInfo biasInfo(TensorShape({1}), DataType::Float32, 0.0f, 0, true);
        IConnectableLayer* weights = network->AddConstantLayer(ConstTensor(weightsInfo, weightsData), "weights");
        IConnectableLayer* bias = network->AddConstantLayer(ConstTensor(biasInfo, biasData), "bias");

        FullyConnectedDescriptor fcDesc;
        fcDesc.m_BiasEnabled = true;
        IConnectableLayer* fc = network->AddFullyConnectedLayer(fcDesc, "fully connected");
        IConnectableLayer* input = network->AddInputLayer(0, "input");
        IConnectableLayer* output = network->AddOutputLayer(0, "output");

        input->GetOutputSlot(0).Connect(fc->GetInputSlot(0));
        weights->GetOutputSlot(0).Connect(fc->GetInputSlot(1));
        bias->GetOutputSlot(0).Connect(fc->GetInputSlot(2));
        fc->GetOutputSlot(0).Connect(output->GetInputSlot(0));

        TensorInfo tensorInfo(TensorShape({1, 1}), DataType::Float32);
        input->GetOutputSlot(0).SetTensorInfo(tensorInfo);
        fc->GetOutputSlot(0).SetTensorInfo(tensorInfo);

        IRuntime::CreationOptions options;
        IRuntimePtr runtime = IRuntime::Create(options);
        IOptimizedNetworkPtr optimized = Optimize(*network, {Compute::CpuRef}, runtime->GetDeviceSpec());

        NetworkId networkId;
        std::string error;
        if (runtime->LoadNetwork(networkId, std::move(optimized), error) != Status::Success)
        {
            std::cerr << "SimpleSample: LoadNetwork failed: " << error << std::endl;
            return 1;
        }

        std::vector<float> inputData{number};
        std::vector<float> outputData(1);
        TensorInfo inputInfo = runtime->GetInputTensorInfo(networkId, 0);
        inputInfo.SetConstant(true);
        InputTensors inputTensors{{0, ConstTensor(inputInfo, inputData.data())}};
        OutputTensors outputTensors{{0, Tensor(runtime->GetOutputTensorInfo(networkId, 0), outputData.data())}};

        if (runtime->EnqueueWorkload(networkId, inputTensors, outputTensors) != Status::Success)
        {
            std::cerr << "SimpleSample: EnqueueWorkload failed" << std::endl;
            return 1;
        }
        std::cout << "Your number was " << number << "; 2 * " << number << " + 1 = " << outputData[0] << std::endl;
    }
    catch (const Exception& e)
    {
        std::cerr << "SimpleSample: " << e.what() << std::endl;
        return 1;
    }
    return 0;
}
