#include "LayerTestUtils.hpp"

#include <cmath>
#include <sstream>

namespace armnn
{
namespace test
{

TestTensor TestTensor::Float(const TensorShape& shape, const std::vector<float>& values, bool constant)
{
    return Of<float>(TensorInfo(shape, DataType::Float32, 0.0f, 0, constant), values, constant);
}

TestTensor TestTensor::Quantized(const TensorShape& shape, DataType type, float scale, int32_t offset,
                                 const std::vector<float>& realValues, bool constant)
{
    TestTensor t;
    t.m_Info = TensorInfo(shape, type, scale, offset, constant);
    t.m_Constant = constant;
    if (realValues.size() != t.m_Info.GetNumElements())
    {
        throw InvalidArgumentException("TestTensor::Quantized: value count does not match the shape");
    }
    t.m_Data.resize(t.m_Info.GetNumBytes());
    EncodeFromFloat(t.m_Info, realValues.data(), t.m_Data.data());
    return t;
}

std::vector<float> TestTensor::AsFloat() const
{
    return DecodeToFloat(m_Info, m_Data.data());
}

IRuntime& SharedRuntime()
{
    static IRuntimePtr runtime = IRuntime::Create(IRuntime::CreationOptions());
    return *runtime;
}

std::optional<std::vector<TestTensor>> TryRunLayer(const BackendId& backend, const AddLayerFn& addLayer,
                                                   const std::vector<TestTensor>& inputs,
                                                   const std::vector<TensorInfo>& outputInfos,
                                                   std::string& unsupported)
{
    IRuntime& runtime = SharedRuntime();
    INetworkPtr network = INetwork::Create();
    IConnectableLayer* layer = addLayer(*network);
    if (layer == nullptr)
    {
        throw InvalidArgumentException("TryRunLayer: addLayer returned null");
    }

    LayerBindingId nextInput = 0;
    std::vector<LayerBindingId> inputIds;
    std::vector<const TestTensor*> runtimeInputs;
    for (unsigned int i = 0; i < inputs.size(); ++i)
    {
        const TestTensor& tensor = inputs[i];
        IConnectableLayer* source = nullptr;
        if (tensor.m_Constant)
        {
            TensorInfo info = tensor.m_Info;
            info.SetConstant(true);
            source = network->AddConstantLayer(ConstTensor(info, tensor.m_Data.data()),
                                               ("constant" + std::to_string(i)).c_str());
        }
        else
        {
            source = network->AddInputLayer(nextInput, ("input" + std::to_string(i)).c_str());
            TensorInfo info = tensor.m_Info;
            info.SetConstant(false);
            source->GetOutputSlot(0).SetTensorInfo(info);
            inputIds.push_back(nextInput++);
            runtimeInputs.push_back(&tensor);
        }
        source->GetOutputSlot(0).Connect(layer->GetInputSlot(i));
    }
    for (unsigned int o = 0; o < outputInfos.size(); ++o)
    {
        layer->GetOutputSlot(o).SetTensorInfo(outputInfos[o]);
        IConnectableLayer* output = network->AddOutputLayer(static_cast<LayerBindingId>(o));
        layer->GetOutputSlot(o).Connect(output->GetInputSlot(0));
    }

    IOptimizedNetworkPtr optimized(nullptr, &IOptimizedNetwork::Destroy);
    std::vector<std::string> messages;
    try
    {
        optimized = Optimize(*network, {backend}, runtime.GetDeviceSpec(), OptimizerOptionsOpaque(), messages);
    }
    catch (const InvalidArgumentException& e)
    {
        const std::string what = e.what();
        if (what.find("is not supported on any preferred backend") != std::string::npos ||
            what.find("None of the preferred backends") != std::string::npos)
        {
            unsupported = what;
            return std::nullopt;
        }
        throw;
    }

    NetworkId id;
    std::string error;
    if (runtime.LoadNetwork(id, std::move(optimized), error) != Status::Success)
    {
        throw RuntimeException("TryRunLayer: LoadNetwork failed: " + error);
    }

    InputTensors inputTensors;
    for (size_t i = 0; i < runtimeInputs.size(); ++i)
    {
        TensorInfo info = runtimeInputs[i]->m_Info;
        info.SetConstant(true);
        inputTensors.emplace_back(inputIds[i], ConstTensor(info, runtimeInputs[i]->m_Data.data()));
    }
    std::vector<TestTensor> results(outputInfos.size());
    OutputTensors outputTensors;
    for (size_t o = 0; o < outputInfos.size(); ++o)
    {
        results[o].m_Info = outputInfos[o];
        results[o].m_Data.assign(outputInfos[o].GetNumBytes(), 0xCD);
        outputTensors.emplace_back(static_cast<LayerBindingId>(o), Tensor(outputInfos[o], results[o].m_Data.data()));
    }
    const Status status = runtime.EnqueueWorkload(id, inputTensors, outputTensors);
    runtime.UnloadNetwork(id);
    if (status != Status::Success)
    {
        throw RuntimeException("TryRunLayer: EnqueueWorkload failed (see the log)");
    }
    return results;
}

::testing::AssertionResult AllClose(const std::vector<float>& actual, const std::vector<float>& expected, float rtol,
                                    float atol)
{
    if (actual.size() != expected.size())
    {
        return ::testing::AssertionFailure() << "sizes differ: " << actual.size() << " vs " << expected.size();
    }
    for (size_t i = 0; i < actual.size(); ++i)
    {
        const bool bothNan = std::isnan(actual[i]) && std::isnan(expected[i]);
        if (!bothNan && !(std::fabs(actual[i] - expected[i]) <= atol + rtol * std::fabs(expected[i])))
        {
            std::ostringstream ss;
            ss << "element " << i << ": actual " << actual[i] << ", expected " << expected[i];
            return ::testing::AssertionFailure() << ss.str();
        }
    }
    return ::testing::AssertionSuccess();
}

} // namespace test
} // namespace armnn
