#include "ChainRunner.hpp"

#include "LayerTestUtils.hpp"

#include <cstdlib>
#include <sstream>

namespace armnn
{
namespace test
{

LoadedChain::LoadedChain(const BackendId& backend, const TensorInfo& inputInfo, const BuildChainFn& build,
                         ModelOptions options, IRuntime* runtime)
    : m_Runtime(runtime != nullptr ? *runtime : SharedRuntime()), m_InputInfo(inputInfo)
{
    INetworkPtr network = INetwork::Create();
    IConnectableLayer* input = network->AddInputLayer(0, "input");
    input->GetOutputSlot(0).SetTensorInfo(inputInfo);
    IConnectableLayer* last = build(*network, input->GetOutputSlot(0));
    IConnectableLayer* output = network->AddOutputLayer(0, "output");
    last->GetOutputSlot(0).Connect(output->GetInputSlot(0));
    m_OutputInfo = last->GetOutputSlot(0).GetTensorInfo();

    OptimizerOptionsOpaque optimizerOptions;
    for (const BackendOptions& option : options)
    {
        optimizerOptions.AddModelOption(option);
    }
    IOptimizedNetworkPtr optimized = Optimize(*network, {backend}, m_Runtime.GetDeviceSpec(), optimizerOptions);
    std::string error;
    if (m_Runtime.LoadNetwork(m_Id, std::move(optimized), error) != Status::Success)
    {
        throw RuntimeException("LoadedChain: " + error);
    }
}

LoadedChain::~LoadedChain()
{
    m_Runtime.UnloadNetwork(m_Id);
}

void LoadedChain::Enqueue(const void* input, void* output) const
{
    TensorInfo inputInfo = m_InputInfo;
    inputInfo.SetConstant(true);
    const InputTensors inputs = {{0, ConstTensor(inputInfo, input)}};
    const OutputTensors outputs = {{0, Tensor(m_OutputInfo, output)}};
    if (m_Runtime.EnqueueWorkload(m_Id, inputs, outputs) != Status::Success)
    {
        throw RuntimeException("LoadedChain: EnqueueWorkload failed");
    }
}

std::vector<float> LoadedChain::Run(const std::vector<float>& input) const
{
    std::vector<float> result(m_OutputInfo.GetNumElements(), -12345.0f);
    Enqueue(input.data(), result.data());
    return result;
}

std::vector<uint8_t> LoadedChain::RunBytes(const void* input) const
{
    std::vector<uint8_t> result(m_OutputInfo.GetNumBytes());
    Enqueue(input, result.data());
    return result;
}

std::vector<float> RandomValues(size_t count, uint32_t seed)
{
    std::mt19937 generator(seed);
    std::uniform_real_distribution<float> distribution(-1.0f, 1.0f);
    std::vector<float> values(count);
    for (float& v : values)
    {
        v = distribution(generator);
    }
    return values;
}

void ConnectConstant(INetwork& network, IConnectableLayer& layer, unsigned slot, const TensorShape& shape,
                     const std::vector<float>& values)
{
    ConnectConstant(network, layer, slot, TensorInfo(shape, DataType::Float32), values.data());
}

void ConnectConstant(INetwork& network, IConnectableLayer& layer, unsigned slot, TensorInfo info, const void* data)
{
    info.SetConstant(true);
    IConnectableLayer* constant = network.AddConstantLayer(ConstTensor(info, data));
    constant->GetOutputSlot(0).SetTensorInfo(info);
    constant->GetOutputSlot(0).Connect(layer.GetInputSlot(slot));
}

IConnectableLayer* AppendRelu6(INetwork& network, IConnectableLayer& layer)
{
    ActivationDescriptor clamp;
    clamp.m_Function = ActivationFunction::BoundedReLu;
    clamp.m_A = 6.0f;
    IConnectableLayer* relu6 = network.AddActivationLayer(clamp, "relu6");
    layer.GetOutputSlot(0).Connect(relu6->GetInputSlot(0));
    relu6->GetOutputSlot(0).SetTensorInfo(layer.GetOutputSlot(0).GetTensorInfo());
    return relu6;
}

std::string OptimizedDot(const TensorInfo& inputInfo, const BuildChainFn& build)
{
    INetworkPtr net = INetwork::Create();
    IConnectableLayer* input = net->AddInputLayer(0, "input");
    input->GetOutputSlot(0).SetTensorInfo(inputInfo);
    IConnectableLayer* last = build(*net, input->GetOutputSlot(0));
    last->GetOutputSlot(0).Connect(net->AddOutputLayer(0, "output")->GetInputSlot(0));
    IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    IOptimizedNetworkPtr optimized = Optimize(*net, {"CpuAcc", "CpuRef"}, runtime->GetDeviceSpec());
    std::stringstream dot;
    optimized->SerializeToDot(dot);
    return dot.str();
}

size_t CountOf(const std::string& text, const std::string& what)
{
    size_t count = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    {
        ++count;
    }
    return count;
}

Avx512Disabled::Avx512Disabled(bool disable) : m_Disable(disable)
{
    if (m_Disable)
    {
        setenv("ARMNN_CPUACC_DISABLE_AVX512", "1", 1);
    }
}

Avx512Disabled::~Avx512Disabled()
{
    if (m_Disable)
    {
        unsetenv("ARMNN_CPUACC_DISABLE_AVX512");
    }
}

} // namespace test
} // namespace armnn
