#include "ChainRunner.hpp"

#include "LayerTestUtils.hpp"

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

std::vector<float> LoadedChain::Run(const std::vector<float>& input) const
{
    TensorInfo inputInfo = m_InputInfo;
    inputInfo.SetConstant(true);
    std::vector<float> result(m_OutputInfo.GetNumElements(), -12345.0f);
    const InputTensors inputs = {{0, ConstTensor(inputInfo, input.data())}};
    const OutputTensors outputs = {{0, Tensor(m_OutputInfo, result.data())}};
    if (m_Runtime.EnqueueWorkload(m_Id, inputs, outputs) != Status::Success)
    {
        throw RuntimeException("LoadedChain: EnqueueWorkload failed");
    }
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
    TensorInfo info(shape, DataType::Float32);
    info.SetConstant(true);
    IConnectableLayer* constant = network.AddConstantLayer(ConstTensor(info, values.data()));
    constant->GetOutputSlot(0).SetTensorInfo(info);
    constant->GetOutputSlot(0).Connect(layer.GetInputSlot(slot));
}

} // namespace test
} // namespace armnn
