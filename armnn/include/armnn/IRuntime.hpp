//
// IRuntime: loads optimized networks into workloads and runs them.
//
#pragma once

#include "BackendOptions.hpp"
#include "INetwork.hpp"
#include "IProfiler.hpp"
#include "MemorySources.hpp"
#include "Tensor.hpp"
#include "TypesUtils.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace armnn
{

class IRuntime;
using IRuntimePtr = std::unique_ptr<IRuntime, void (*)(IRuntime* runtime)>;

class IGpuAccTunedParameters;
class ICustomAllocator;
class IMemoryOptimizerStrategy;

/// How a loaded network binds its inputs and outputs and whether it records a profile.
struct INetworkProperties
{
    INetworkProperties(bool asyncEnabled, MemorySource inputSource, MemorySource outputSource,
                       bool profilingEnabled = false,
                       ProfilingDetailsMethod detailsMethod = ProfilingDetailsMethod::Undefined,
                       bool externalMemoryManagementEnabled = false)
        : m_ImportEnabled(inputSource != MemorySource::Undefined),
          m_ExportEnabled(outputSource != MemorySource::Undefined), m_AsyncEnabled(asyncEnabled),
          m_ProfilingEnabled(profilingEnabled), m_OutputNetworkDetailsMethod(detailsMethod),
          m_InputSource(inputSource), m_OutputSource(outputSource),
          m_ExternalMemoryManagementEnabled(externalMemoryManagementEnabled)
    {}

    INetworkProperties(MemorySource inputSource = MemorySource::Undefined,
                       MemorySource outputSource = MemorySource::Undefined, bool profilingEnabled = false,
                       ProfilingDetailsMethod detailsMethod = ProfilingDetailsMethod::Undefined,
                       bool externalMemoryManagementEnabled = false)
        : INetworkProperties(false, inputSource, outputSource, profilingEnabled, detailsMethod,
                             externalMemoryManagementEnabled)
    {}

    const bool m_ImportEnabled;
    const bool m_ExportEnabled;
    const bool m_AsyncEnabled;
    const bool m_ProfilingEnabled;
    const ProfilingDetailsMethod m_OutputNetworkDetailsMethod;
    const MemorySource m_InputSource;
    const MemorySource m_OutputSource;
    const bool m_ExternalMemoryManagementEnabled;

    virtual ~INetworkProperties() {}
};

class RuntimeImpl;

class IRuntime
{
public:
    struct CreationOptions
    {
        CreationOptions()
            : m_GpuAccTunedParameters(nullptr), m_EnableGpuProfiling(false), m_DynamicBackendsPath(""),
              m_ProtectedMode(false), m_CustomAllocatorMap({}), m_MemoryOptimizerStrategyMap({})
        {}

        std::shared_ptr<IGpuAccTunedParameters> m_GpuAccTunedParameters;
        bool m_EnableGpuProfiling;

        /// Directories searched for backend plugins, in addition to the default plugin directory and the
        /// directories in ARMNN_DYNAMIC_BACKEND_PATHS: one directory or a colon-separated list.
        std::string m_DynamicBackendsPath;

        bool m_ProtectedMode;
        std::map<BackendId, std::shared_ptr<ICustomAllocator>> m_CustomAllocatorMap;
        std::map<BackendId, std::shared_ptr<IMemoryOptimizerStrategy>> m_MemoryOptimizerStrategyMap;

        struct ExternalProfilingOptions
        {
            bool m_EnableProfiling = false;
            bool m_TimelineEnabled = false;
            std::string m_OutgoingCaptureFile = "";
            std::string m_IncomingCaptureFile = "";
            bool m_FileOnly = false;
            uint32_t m_CapturePeriod = LOWEST_CAPTURE_PERIOD;
            std::string m_FileFormat = "binary";
        };
        ExternalProfilingOptions m_ProfilingOptions;

        /// Options handed to each backend's context when the runtime creates it.
        std::vector<BackendOptions> m_BackendOptions;
    };

    static IRuntime* CreateRaw(const CreationOptions& options);
    /// Creates a runtime and loads every backend plugin found in the plugin directories.
    static IRuntimePtr Create(const CreationOptions& options);
    static void Destroy(IRuntime* runtime);

    /// Creates the workloads of network, packs its constant weights and plans its tensor memory.
    /// Returns Status::Failure (with the reason in errorMessage and the log) when a workload cannot be created.
    Status LoadNetwork(NetworkId& networkIdOut, IOptimizedNetworkPtr network);
    Status LoadNetwork(NetworkId& networkIdOut, IOptimizedNetworkPtr network, std::string& errorMessage);
    Status LoadNetwork(NetworkId& networkIdOut, IOptimizedNetworkPtr network, std::string& errorMessage,
                       const INetworkProperties& networkProperties);

    /// @throws InvalidArgumentException for an unknown network or binding id.
    TensorInfo GetInputTensorInfo(NetworkId networkId, LayerBindingId layerId) const;
    TensorInfo GetOutputTensorInfo(NetworkId networkId, LayerBindingId layerId) const;

    /// Runs one inference. Safe to call from several threads at once, on one network or several.
    /// The tensors' memory is only used during the call.
    /// @throws InvalidArgumentException when a binding id is unknown, a binding is missing or given twice,
    ///         a buffer is null or its TensorInfo's byte size differs from the network's.
    Status EnqueueWorkload(NetworkId networkId, const InputTensors& inputTensors, const OutputTensors& outputTensors,
                           std::vector<ImportedInputId> preImportedInputIds = {},
                           std::vector<ImportedOutputId> preImportedOutputIds = {});

    /// Releases the network's workloads and memory. Returns Failure for an unknown id.
    Status UnloadNetwork(NetworkId networkId);

    const IDeviceSpec& GetDeviceSpec() const;

    /// The profiler of a loaded network; null for an unknown id.
    const std::shared_ptr<IProfiler> GetProfiler(NetworkId networkId) const;

    /// Calls func with each layer's output after the layer runs (for debugging).
    void RegisterDebugCallback(NetworkId networkId, const DebugCallbackFunction& func);

protected:
    IRuntime();
    IRuntime(const IRuntime::CreationOptions& options);
    ~IRuntime();

    std::unique_ptr<RuntimeImpl> pRuntimeImpl;
};

} // namespace armnn
