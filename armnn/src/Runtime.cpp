#include "BackendRegistry.hpp"
#include "DeviceSpec.hpp"
#include "LoadedNetwork.hpp"

#include <armnn/IRuntime.hpp>
#include <armnn/Logging.hpp>

#include <map>
#include <mutex>

namespace armnn
{

class RuntimeImpl
{
public:
    explicit RuntimeImpl(const IRuntime::CreationOptions& options)
    {
        const std::vector<std::string> directories = GetPluginDirectories(options.m_DynamicBackendsPath);
        m_Plugins = LoadBackendPlugins(directories, options);
        for (LoadedBackend& loaded : m_Plugins.m_Backends)
        {
            m_DeviceSpec.Add(loaded.m_Backend.get(), loaded.m_Context.get(), loaded.m_Path);
        }
        if (m_Plugins.m_Backends.empty())
        {
            std::string searched;
            for (const std::string& d : directories)
            {
                searched += (searched.empty() ? "" : ", ") + d;
            }
            ARMNN_LOG(warning) << "IRuntime::Create: no backend plugin was loaded; searched: "
                               << (searched.empty() ? "(no directory)" : searched);
        }
    }

    ~RuntimeImpl()
    {
        // Workloads may refer to their backends: drop networks before the backends go.
        std::lock_guard<std::mutex> lock(m_Mutex);
        m_Networks.clear();
    }

    Status LoadNetwork(NetworkId& id, IOptimizedNetworkPtr network, std::string& error,
                       const INetworkProperties& properties)
    {
        if (!network)
        {
            error = "LoadNetwork: the optimized network is null";
            ARMNN_LOG(error) << error;
            return Status::Failure;
        }
        std::shared_ptr<LoadedNetwork> loaded;
        try
        {
            loaded = std::make_shared<LoadedNetwork>(std::move(network), m_DeviceSpec, properties);
        }
        catch (const std::exception& e)
        {
            error = e.what();
            ARMNN_LOG(error) << error;
            return Status::Failure;
        }
        std::lock_guard<std::mutex> lock(m_Mutex);
        id = m_NextId++;
        m_Networks[id] = std::move(loaded);
        return Status::Success;
    }

    std::shared_ptr<LoadedNetwork> Get(NetworkId id, const char* caller) const
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        auto it = m_Networks.find(id);
        if (it == m_Networks.end())
        {
            throw InvalidArgumentException(std::string(caller) + ": no network is loaded with id " +
                                           std::to_string(id));
        }
        return it->second;
    }

    Status Unload(NetworkId id)
    {
        std::lock_guard<std::mutex> lock(m_Mutex);
        if (m_Networks.erase(id) == 0)
        {
            ARMNN_LOG(warning) << "UnloadNetwork: no network is loaded with id " << id;
            return Status::Failure;
        }
        return Status::Success;
    }

    const DeviceSpec& GetDeviceSpec() const { return m_DeviceSpec; }

private:
    PluginScanResult m_Plugins;
    DeviceSpec m_DeviceSpec;
    mutable std::mutex m_Mutex;
    std::map<NetworkId, std::shared_ptr<LoadedNetwork>> m_Networks;
    NetworkId m_NextId = 1;
};

IRuntime::IRuntime() : IRuntime(CreationOptions()) {}

IRuntime::IRuntime(const IRuntime::CreationOptions& options) : pRuntimeImpl(new RuntimeImpl(options)) {}

IRuntime::~IRuntime() = default;

IRuntime* IRuntime::CreateRaw(const CreationOptions& options)
{
    return new IRuntime(options);
}

IRuntimePtr IRuntime::Create(const CreationOptions& options)
{
    return IRuntimePtr(CreateRaw(options), &IRuntime::Destroy);
}

void IRuntime::Destroy(IRuntime* runtime)
{
    delete runtime;
}

Status IRuntime::LoadNetwork(NetworkId& networkIdOut, IOptimizedNetworkPtr network)
{
    std::string error;
    return LoadNetwork(networkIdOut, std::move(network), error);
}

Status IRuntime::LoadNetwork(NetworkId& networkIdOut, IOptimizedNetworkPtr network, std::string& errorMessage)
{
    return LoadNetwork(networkIdOut, std::move(network), errorMessage, INetworkProperties());
}

Status IRuntime::LoadNetwork(NetworkId& networkIdOut, IOptimizedNetworkPtr network, std::string& errorMessage,
                             const INetworkProperties& networkProperties)
{
    return pRuntimeImpl->LoadNetwork(networkIdOut, std::move(network), errorMessage, networkProperties);
}

TensorInfo IRuntime::GetInputTensorInfo(NetworkId networkId, LayerBindingId layerId) const
{
    return pRuntimeImpl->Get(networkId, "GetInputTensorInfo")->GetInputTensorInfo(layerId);
}

TensorInfo IRuntime::GetOutputTensorInfo(NetworkId networkId, LayerBindingId layerId) const
{
    return pRuntimeImpl->Get(networkId, "GetOutputTensorInfo")->GetOutputTensorInfo(layerId);
}

Status IRuntime::EnqueueWorkload(NetworkId networkId, const InputTensors& inputTensors,
                                 const OutputTensors& outputTensors, std::vector<ImportedInputId> preImportedInputIds,
                                 std::vector<ImportedOutputId> preImportedOutputIds)
{
    if (!preImportedInputIds.empty() || !preImportedOutputIds.empty())
    {
        throw InvalidArgumentException("EnqueueWorkload: pre-imported tensors are not supported; pass the buffers in "
                                       "inputTensors and outputTensors (they are bound without copies)");
    }
    return pRuntimeImpl->Get(networkId, "EnqueueWorkload")->EnqueueWorkload(inputTensors, outputTensors);
}

Status IRuntime::UnloadNetwork(NetworkId networkId)
{
    return pRuntimeImpl->Unload(networkId);
}

const IDeviceSpec& IRuntime::GetDeviceSpec() const
{
    return pRuntimeImpl->GetDeviceSpec();
}

const std::shared_ptr<IProfiler> IRuntime::GetProfiler(NetworkId networkId) const
{
    try
    {
        return pRuntimeImpl->Get(networkId, "GetProfiler")->GetProfiler();
    }
    catch (const InvalidArgumentException&)
    {
        return nullptr;
    }
}

void IRuntime::RegisterDebugCallback(NetworkId networkId, const DebugCallbackFunction& func)
{
    pRuntimeImpl->Get(networkId, "RegisterDebugCallback")->RegisterDebugCallback(func);
}

} // namespace armnn
